"""The analysts' own tools around the local Neo4j: Neo4j Browser with our guide, cypher-shell.

Neo4j serves Browser from the classpath folder ``browser/`` of whichever jar holds it, one
jar only, so the guide cannot ride in a jar of its own: :func:`browser_with_guide` copies the
Browser jar from Maven Central and adds ``browser/guides/policygraph.html``, the queries of
``docs/cypher.md`` as Browser slides (:func:`guide_html`).  The copy is made once per guide
content and Browser version (its name carries both) in the server's state dir.
"""

from __future__ import annotations

import hashlib
import html
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from graph.neo4j_jars import SHELL_FETCH, SHELL_LIB, browser_jar, fetch, find_java

#: The analysts' queries (each ``### Title``, a paragraph, a ```cypher block).
CYPHER_DOC: Final = Path(__file__).resolve().parent.parent / "docs" / "cypher.md"
#: Where the guide is inside the Browser jar, and so under http://host:port/.
GUIDE_PATH: Final = "browser/guides/policygraph.html"
SHELL_MAIN: Final = "org.neo4j.shell.Main"
_QUERY = re.compile(r"^### (?P<title>.+?)\n\n(?P<text>.*?)\n*^```cypher\n(?P<body>.*?)^```",
                    re.M | re.S)
_PARAM = re.compile(r"^//\s*(?P<param>:param\s+\w+\s*=>.+?)\s*$", re.M)


@dataclass(frozen=True)
class DocQuery:
    """One ready query of docs/cypher.md: its heading, explanation, parameters and Cypher."""

    title: str
    text: str
    params: tuple[str, ...]  # ":param words => '科技研发'" lines, as Browser takes them
    cypher: str


def doc_queries(markdown: str) -> list[DocQuery]:
    """Every ``### heading`` + paragraph + ```cypher block of the doc, in order."""
    found = []
    for match in _QUERY.finditer(markdown):
        body = match["body"]
        cypher = "\n".join(line for line in body.splitlines() if not _PARAM.match(line))
        text = " ".join(match["text"].split())
        found.append(DocQuery(match["title"].strip(), text,
                              tuple(m["param"] for m in _PARAM.finditer(body)), cypher.strip()))
    return found


def _runnable(code: str) -> str:
    # Browser turns <pre class="runnable"> into a block that a click puts in the editor.
    return f'<pre class="pre-scrollable code runnable">{html.escape(code)}</pre>'


def guide_html(markdown: str) -> str:
    """The queries as a Browser guide: a title slide, then one slide per query."""
    queries = doc_queries(markdown)
    contents = "".join(f"<li>{html.escape(q.title)}</li>" for q in queries)
    slides = [f"<slide><h3>policygraph：规划、任务与牵头部门</h3>"
              f"<p>{len(queries)} ready queries from docs/cypher.md, one per slide. Click a "
              "block to put it in the editor, then run it (Ctrl-Enter); set the parameters "
              "first with the <code>:param</code> block above it.</p>"
              f"{_runnable('CALL db.schema.visualization()')}<ol>{contents}</ol></slide>"]
    for q in queries:
        params = _runnable("\n".join(q.params)) if q.params else ""
        slides.append(f"<slide><h3>{html.escape(q.title)}</h3><p>{html.escape(q.text)}</p>"
                      f"{params}{_runnable(q.cypher)}</slide>")
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>policygraph</title>'
            '</head><body><article class="guide">' + "".join(slides)
            + "</article></body></html>\n")


def browser_with_guide(folder: Path, doc: Path = CYPHER_DOC) -> Path:
    """The Browser jar with the guide added, in ``folder`` (made once per content)."""
    source = browser_jar()
    guide = guide_html(doc.read_text(encoding="utf-8")).encode("utf-8") if doc.is_file() else b""
    digest = hashlib.sha256(source.name.encode() + guide).hexdigest()[:12]
    target = folder / f"{source.stem}-policygraph-{digest}.jar"
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.jar"):  # only one Browser may be on the classpath
        stale.unlink()
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(partial, "w") as copy:
        for entry in original.infolist():
            copy.writestr(entry, original.read(entry.filename))
        if guide:
            copy.writestr(GUIDE_PATH, guide)
    partial.rename(target)
    return target


def cypher_shell_argv(address: str, args: list[str]) -> list[str]:
    """The command that runs cypher-shell against ``address`` (fetching it on first use)."""
    java = find_java()
    fetch(SHELL_FETCH, java)
    # The local server has authentication off; cypher-shell still wants a user name.
    return [str(java), "-Dfile.encoding=UTF-8", "-cp", f"{SHELL_LIB}/*", SHELL_MAIN,
            "-a", address, "-u", "neo4j", "-p", "", *args]
