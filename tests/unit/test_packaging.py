"""pyproject.toml lists every folder of package data as a package (no setuptools warnings)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
LAYERS = ("ontology", "ingest", "graph", "api", "viz")


def _data_folders() -> set[str]:
    """Folders inside the layers that hold files (other than Python code and caches)."""
    found = set()
    for layer in LAYERS:
        for path in (ROOT / layer).rglob("*"):
            if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts:
                folder = path.parent.relative_to(ROOT)
                if folder.parts != (layer,):
                    found.add(".".join(folder.parts))
    return found


def test_every_data_folder_is_a_listed_package() -> None:
    assert set(LAYERS) <= set(CONFIG["packages"])
    missing = _data_folders() - set(CONFIG["packages"])
    assert not missing, f"add to [tool.setuptools] packages: {sorted(missing)}"


def test_every_listed_data_folder_ships_its_files() -> None:
    data = CONFIG["package-data"]
    for package in _data_folders():
        assert package in data, package
        folder = ROOT.joinpath(*package.split("."))
        assert any(folder.glob(pattern) for pattern in data[package]), package
