"""A tokenizer-level guard for analysts' Cypher: refuse anything but a read, before it runs.

The statement is split into tokens the way Cypher's lexer does — strings, backtick-quoted
names, comments, parameters, words, symbols — so a string containing ``CREATE`` or a
comment mentioning ``DELETE`` is fine, while ``/* */ CREATE`` and ``Create`` are not.  It
is refused if it holds

* a clause that writes, changes the schema or administers the server (:data:`FORBIDDEN`),
  or more than one statement;
* a call of a procedure outside :data:`ALLOWED_PROCEDURES`, or any name in a namespace
  that can write or administer (``apoc.…``, ``dbms.…``, ``gds.…``; ``db.…`` except the
  allowed read procedures and functions).

``CALL dbms.components()`` only reads, but it is refused all the same: the whole ``dbms``
namespace is administration (users, settings, queries of other sessions), and an allow-list
of what an analyst needs is safer than a deny-list of what is dangerous.

This is the first of four fences: Neo4j then classifies the statement with ``EXPLAIN``
(refused unless read-only), runs it in a read transaction and rolls it back
(:meth:`graph.neo4j_repo.Neo4jRepository.run_cypher`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from graph.repository import CypherRejected

#: Words that start a writing, schema or admin clause (or run a statement twice: PROFILE).
FORBIDDEN: Final = frozenset({
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "LOAD", "FOREACH",
    "ALTER", "RENAME", "GRANT", "DENY", "REVOKE", "START", "STOP", "TERMINATE", "SHOW", "USE",
    "ENABLE", "DEALLOCATE", "REALLOCATE", "PERIODIC", "TRANSACTIONS", "PROFILE", "EXPLAIN",
})
#: Read-only procedures an analyst may CALL (lower case).
ALLOWED_PROCEDURES: Final = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
})
#: Read-only ``db.`` functions (lower case).
ALLOWED_DB_FUNCTIONS: Final = frozenset({"db.namefromelementid"})
#: Namespaces whose procedures and functions may write or administer.
FORBIDDEN_NAMESPACES: Final = frozenset({"apoc", "dbms", "gds"})

_TOKEN: Final = re.compile(r"""
    (?P<space>\s+)
  | (?P<line_comment>//[^\n]*)
  | (?P<block_comment>/\*.*?\*/)
  | (?P<open_comment>/\*)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<param>\$(?:[A-Za-z_][A-Za-z0-9_]*|`(?:[^`]|``)*`|[0-9]+))
  | (?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<symbol>[^\s\w'"`$])
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class Token:
    """One lexical token; ``text`` of a quoted name is the name without backticks."""

    kind: str  # "word" | "name" | "string" | "param" | "number" | "symbol"
    text: str
    at: int


def tokens(statement: str) -> Iterator[Token]:
    """The tokens of ``statement`` without whitespace and comments.

    Raises :class:`CypherRejected` for text the lexer cannot close (an open string, comment
    or quoted name), since its meaning is then unknown.
    """
    at = 0
    while at < len(statement):
        found = _TOKEN.match(statement, at)
        if found is None or found.lastgroup is None or found.lastgroup == "open_comment":
            raise CypherRejected(f"cannot read the statement at character {at + 1} "
                                 "(an unclosed string, comment or `name`?)")
        kind, text = found.lastgroup, found.group()
        at = found.end()
        if kind in ("space", "line_comment", "block_comment"):
            continue
        if kind == "quoted":
            yield Token("name", text[1:-1].replace("``", "`"), found.start())
        else:
            yield Token(kind, text, found.start())


def _dotted(toks: list[Token], i: int) -> tuple[str, int]:
    """The dotted name starting at ``toks[i]`` (``db.index.fulltext.queryNodes``), and its end."""
    parts = [toks[i].text]
    j = i + 1
    while (j + 1 < len(toks) and toks[j].text == "."
           and toks[j + 1].kind in ("word", "name")):
        parts.append(toks[j + 1].text)
        j += 2
    return ".".join(parts), j


def _refuse(what: str) -> CypherRejected:
    return CypherRejected(f"refused before running: {what}; only read-only queries may run "
                          "here (MATCH … RETURN, with $parameters)")


def check_read_only(statement: str) -> None:
    """Raise :class:`CypherRejected` unless ``statement`` is one read-only query."""
    toks = list(tokens(statement))
    while toks and toks[-1].text == ";":
        toks.pop()
    if not toks:
        raise CypherRejected("the statement is empty")
    for i, tok in enumerate(toks):
        prev = toks[i - 1].text if i else ""
        if tok.kind == "symbol" and tok.text == ";":
            raise _refuse("more than one statement")
        if tok.kind not in ("word", "name") or prev in (".", ":"):
            continue  # property keys, labels, types and later parts of a dotted name
        following = toks[i + 1].text if i + 1 < len(toks) else ""
        upper = tok.text.upper()
        if tok.kind == "word" and upper in FORBIDDEN and following != ":":
            raise _refuse(f"{upper} {'reads files' if upper == 'LOAD' else 'is not a read'}")
        name, end = _dotted(toks, i)
        lower = name.lower()
        namespace = lower.split(".", 1)[0]
        if "." in name and namespace in FORBIDDEN_NAMESPACES:
            raise _refuse(f"{name} is in the {namespace}.* namespace")
        called = prev.upper() == "CALL" and toks[i - 1].kind == "word"
        if called and lower not in ALLOWED_PROCEDURES:
            raise _refuse(f"CALL {name} is not one of the allowed read procedures "
                          f"({', '.join(sorted(ALLOWED_PROCEDURES))})")
        if (namespace == "db" and "." in name and not called and end < len(toks)
                and toks[end].text == "(" and lower not in ALLOWED_DB_FUNCTIONS
                and lower not in ALLOWED_PROCEDURES):
            raise _refuse(f"{name}() is not an allowed function")
