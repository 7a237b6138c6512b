"""The analysts' guide from docs/cypher.md, the HTTP block of neo4j.conf, the Browser jar."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest

from graph import neo4j_jars, neo4j_tools, server
from graph.neo4j_tools import CYPHER_DOC, doc_queries, guide_html

DOC = CYPHER_DOC.read_text(encoding="utf-8")


def test_every_query_of_the_doc_becomes_a_slide_with_its_parameters_apart() -> None:
    queries = doc_queries(DOC)
    assert len(queries) == DOC.count("```cypher") >= 12
    guide = guide_html(DOC)
    slides = re.findall(r"<slide>(.*?)</slide>", guide, re.S)
    assert len(slides) == len(queries) + 1  # a title slide first
    for query, slide in zip(queries, slides[1:], strict=True):
        assert f"<h3>{html.escape(query.title)}</h3>" in slide
        blocks = [html.unescape(b) for b in re.findall(r'<pre class="[^"]*runnable">(.*?)</pre>',
                                                       slide, re.S)]
        assert blocks[-1] == query.cypher and ":param" not in query.cypher
        used = set(re.findall(r"\$(\w+)", query.cypher))
        if used:
            assert {re.match(r":param (\w+)", p).group(1) for p in blocks[0].splitlines()} == used


def test_guide_escapes_the_doc() -> None:
    doc = "### A <b>bold</b> title\n\nWhy & how.\n\n```cypher\nRETURN '<x>' AS y\n```\n"
    guide = guide_html(doc)
    assert "<b>bold</b>" not in guide and "&lt;b&gt;bold&lt;/b&gt;" in guide
    assert "RETURN &#x27;&lt;x&gt;&#x27; AS y" in guide


def test_http_block_serves_browser_only_on_loopback_or_nothing() -> None:
    assert server.http_settings(None) == "server.http.enabled=false"
    block = server.http_settings(7474)
    assert "server.http.listen_address=127.0.0.1:7474" in block
    assert "server.http_enabled_modules=BROWSER" in block
    assert "browser.post_connect_cmd=play http://127.0.0.1:7474/" + neo4j_tools.GUIDE_PATH in block


def test_cypher_shell_is_pinned_to_the_server_version() -> None:
    shell = neo4j_jars.pom_property(neo4j_jars.SHELL_DIR / "pom.xml", "cypher-shell.version")
    assert shell == neo4j_jars.pinned_version()


def test_browser_jar_gets_the_guide_once_per_content(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "neo4j-browser-9.9.9.jar"
    with zipfile.ZipFile(source, "w") as jar:
        jar.writestr("browser/index.html", "<html></html>")
    monkeypatch.setattr(neo4j_tools, "browser_jar", lambda: source)
    folder = tmp_path / "state" / "browser"
    first = neo4j_tools.browser_with_guide(folder)
    assert neo4j_tools.browser_with_guide(folder) == first
    with zipfile.ZipFile(first) as jar:
        assert set(jar.namelist()) == {"browser/index.html", neo4j_tools.GUIDE_PATH}
        assert "Workload ranking" in jar.read(neo4j_tools.GUIDE_PATH).decode("utf-8")
    other = tmp_path / "other.md"
    other.write_text("### Only one\n\nText.\n\n```cypher\nRETURN 1\n```\n", encoding="utf-8")
    second = neo4j_tools.browser_with_guide(folder, other)
    assert second != first and [p.name for p in folder.glob("*.jar")] == [second.name]
