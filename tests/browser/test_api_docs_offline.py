"""/docs (Swagger UI) draws with every request off this server blocked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture()
def local_only(browser: Any, server: str) -> Iterator[tuple[Any, list[str]]]:
    """A 1400x900 page that may reach the test server and nothing else; what it tried."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    blocked: list[str] = []

    def handle(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield tab, blocked
    finally:
        context.close()
    assert not errors, errors


def test_swagger_ui_draws_every_operation_offline(local_only: tuple[Any, list[str]],
                                                  server: str, artifacts: Any) -> None:
    page, blocked = local_only
    page.goto(server + "/docs")
    page.locator(".swagger-ui .opblock").first.wait_for(timeout=30_000)
    spec = page.evaluate("() => fetch('/openapi.json').then(r => r.json())")
    operations = sum(len(methods) for methods in spec["paths"].values())
    assert page.locator(".swagger-ui .opblock").count() == operations >= 15
    assert "policygraph" in page.locator(".swagger-ui .info .title").inner_text()
    page.screenshot(path=str(artifacts / "live-docs-offline.png"))
    assert blocked == []


def test_no_redoc_page_that_would_need_a_cdn(local_only: tuple[Any, list[str]],
                                              server: str) -> None:
    page, _ = local_only
    assert page.goto(server + "/redoc").status == 404
