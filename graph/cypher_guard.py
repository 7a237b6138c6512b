"""The text fence of analysts' Cypher: read the statement as Neo4j does, refuse all but one small read.

Neo4j decodes ``\\uXXXX`` escapes in the character stream, before its lexer runs — in
keywords (``\\u004cOAD CSV``), in names (``CALL \\u0064b.stats.retrieve()``) and even in
the quote that ends a string (``'a\\u0027`` is the string ``a``).  So the statement is
decoded the same way first (:func:`decode_escapes`), then split into tokens as Cypher's
lexer does — strings, backtick-quoted names, comments, parameters, words, symbols — so a
string containing ``CREATE`` or a comment mentioning ``DELETE`` is fine, while
``/* */ CREATE``, ``Create`` and ``CREATE`` in full-width letters are not.  It is refused if it holds

* a clause that writes, changes the schema or administers the server (:data:`FORBIDDEN`,
  GQL's ``INSERT`` included), more than one statement, or a client command (``:param``);
* a call of a procedure outside :data:`ALLOWED_PROCEDURES`, or any name in a namespace
  that can write or administer (``apoc.…``, ``dbms.…``, ``gds.…``, ``tx.…``; ``db.…``
  except the allowed read procedures and functions);
* more nesting than :data:`MAX_DEPTH`, subqueries nested deeper than
  :data:`MAX_SUBQUERY_DEPTH`, or more than :data:`MAX_UNIONS` ``UNION``\\ s.

The last are about cost, not writes.  Neo4j parses and plans recursively: ``RETURN
((((1))))`` 400 levels deep, a property chain ``m.a.a.a…`` 200 long or a path of 100 hops
overflow its stack, after which the connection hangs until the driver gives up (120 s);
``EXISTS {…}`` nested 30 deep plans for minutes without looking at the transaction timeout;
300 ``UNION``\\ s make a plan too deep for the driver to unpack.  Measured on Neo4j 5.26
with a cold JIT, the limits below stay a factor of two or more under each of these.

``CALL dbms.components()`` only reads, but it is refused all the same: the whole ``dbms``
namespace is administration (users, settings, queries of other sessions), and an allow-list
of what an analyst needs is safer than a deny-list of what is dangerous.

This is the first fence.  Neo4j then judges the statement's ``EXPLAIN`` plan
(:mod:`graph.cypher_plan`), and it runs in a read transaction with a time limit that is
always rolled back (:mod:`graph.cypher_run`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from graph.repository import CypherRejected

#: Words that start a writing, schema or admin clause (or run a statement twice: PROFILE).
FORBIDDEN: Final = frozenset({
    "CREATE", "MERGE", "DELETE", "DETACH", "NODETACH", "SET", "REMOVE", "DROP", "LOAD",
    "FOREACH", "INSERT", "ALTER", "RENAME", "GRANT", "DENY", "REVOKE", "START", "STOP",
    "TERMINATE", "SHOW", "USE", "ENABLE", "DEALLOCATE", "REALLOCATE", "PERIODIC",
    "TRANSACTIONS", "PROFILE", "EXPLAIN",
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
FORBIDDEN_NAMESPACES: Final = frozenset({"apoc", "dbms", "gds", "tx"})

#: Most nesting: brackets, ``CASE … END``, and operators chained inside them (see
#: :func:`nesting`).
MAX_DEPTH: Final = 64
#: Most subqueries (``CALL {…}``, ``EXISTS {…}``, ``COUNT {…}``, ``COLLECT {…}``) inside
#: one another.
MAX_SUBQUERY_DEPTH: Final = 4
#: Most ``UNION`` (or ``UNION ALL``) of one statement.
MAX_UNIONS: Final = 32

_HEX: Final = frozenset("0123456789abcdefABCDEF")
#: Where a ``//`` comment ends: Neo4j ends it at ``\\r`` too, not only at ``\\n``.
_LINE_END: Final = "\n\r\u2028\u2029\u0085"
_TOKEN: Final = re.compile(rf"""
    (?P<space>\s+)
  | (?P<line_comment>//[^{_LINE_END}]*)
  | (?P<block_comment>/\*.*?\*/)
  | (?P<open_comment>/\*)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<param>\$(?:[A-Za-z_][A-Za-z0-9_]*|`(?:[^`]|``)*`|[0-9]+))
  | (?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<symbol>[^\s\w'"`$])
""", re.VERBOSE | re.DOTALL)

#: Symbols that extend an expression (or a path) by one level of Neo4j's tree.
_CHAINING_SYMBOLS: Final = frozenset("+-*/%^=<>.:|&!")
#: Words that do the same (over-counted when they are variables: any keyword can be one).
_CHAINING_WORDS: Final = frozenset({"NOT", "IN", "IS", "CONTAINS", "STARTS", "ENDS"})
#: Words that, right after an operand, begin a new expression at the same level: a clause,
#: ``AS``, a ``CASE`` arm, or ``AND``/``OR``/``XOR`` (Neo4j flattens those).
_EXPRESSION_STARTS: Final = frozenset({
    "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER", "SKIP", "LIMIT",
    "OFFSET", "CALL", "YIELD", "UNION", "AS", "WHEN", "THEN", "ELSE", "AND", "OR", "XOR",
    "FINISH",
})
_BRACKETS: Final = {"(": ")", "[": "]", "{": "}"}
_SUBQUERY_KEYWORDS: Final = frozenset({"CALL", "EXISTS", "COUNT", "COLLECT"})


@dataclass(frozen=True)
class Token:
    """One lexical token; ``text`` of a quoted name is the name without backticks."""

    kind: str  # "word" | "name" | "string" | "param" | "number" | "symbol"
    text: str
    at: int

    @property
    def keyword(self) -> str:
        """A word as the keyword it would be: upper case, full-width letters folded."""
        return unicodedata.normalize("NFKC", self.text).upper() if self.kind == "word" else ""


def decode_escapes(statement: str) -> str:
    """``statement`` with its ``\\uXXXX`` escapes decoded, as Neo4j reads it.

    An escape starts at a backslash preceded by an even number of backslashes (``\\\\u0041``
    is a backslash and ``u0041``); a decoded backslash starts no escape.  Raises
    :class:`CypherRejected` for ``\\u`` without four hexadecimal digits (Neo4j refuses it).
    """
    if "\\u" not in statement:
        return statement
    out: list[str] = []
    backslashes = 0  # backslashes of the text (not decoded ones) right before ``at``
    at = 0
    while at < len(statement):
        char = statement[at]
        if char == "\\" and backslashes % 2 == 0 and statement.startswith("u", at + 1):
            digits = statement[at + 2:at + 6]
            if len(digits) != 4 or not _HEX.issuperset(digits):
                raise CypherRejected(f"cannot read the statement at character {at + 1} "
                                     "(\\u must be followed by four hexadecimal digits)")
            out.append(chr(int(digits, 16)))
            at += 6
            backslashes = 0
            continue
        backslashes = backslashes + 1 if char == "\\" else 0
        out.append(char)
        at += 1
    return "".join(out)


def tokens(statement: str) -> Iterator[Token]:
    """The tokens of an already decoded ``statement``, without whitespace and comments.

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


@dataclass(frozen=True)
class Nesting:
    """How deeply a statement nests (see :func:`nesting`)."""

    depth: int
    subquery_depth: int
    unions: int


def nesting(toks: list[Token]) -> Nesting:
    """Nesting depth, subquery depth and ``UNION`` count of a statement's tokens.

    The depth is an upper bound of the depth of Neo4j's syntax tree.  Each open bracket and
    each ``CASE`` adds a level; so does each operator chained at one level, because Neo4j
    nests ``a + b + c`` as deeply as ``((a + b) + c)``, ``m.a.b`` as ``(m.a).b`` and a path
    hop by hop.  Only a comma, or a clause keyword, ``AS``, ``AND`` … right after an operand,
    starts a new expression at the same level: any keyword may also be a variable
    (``WITH 1 AS and RETURN and + and``), so a keyword anywhere else is counted, never
    trusted to end a chain.
    """
    frames: list[tuple[str, int, int, bool]] = []  # (closer, base, chain, subquery) outside
    base = chain = deepest = subqueries = deepest_subqueries = unions = 0
    previous: Token | None = None
    for i, tok in enumerate(toks):
        after_operand = previous is not None and (
            previous.kind != "symbol" or previous.text in (")", "]", "}"))
        name_position = ((previous is not None and previous.text in (".", ":"))
                         or (i + 1 < len(toks) and toks[i + 1].text == ":"))
        word = "" if name_position else tok.keyword
        if tok.kind == "symbol" and tok.text in _BRACKETS:
            subquery = tok.text == "{" and previous is not None and (
                previous.keyword in _SUBQUERY_KEYWORDS or previous.text == ")")
            frames.append((_BRACKETS[tok.text], base, chain, subquery))
            base, chain = base + chain + 1, 0
            subqueries += subquery
            deepest_subqueries = max(deepest_subqueries, subqueries)
        elif tok.kind == "symbol" and frames and tok.text == frames[-1][0]:
            _, base, chain, subquery = frames.pop()
            chain += tok.text == "]"  # m[0][0]… nests like m.a.a…
            subqueries -= subquery
        elif word == "CASE":  # a level until the enclosing bracket closes (END may be a variable)
            base, chain = base + chain + 1, 0
        elif (tok.kind == "symbol" and tok.text in _CHAINING_SYMBOLS) or word in _CHAINING_WORDS:
            chain += 1
        elif (tok.kind == "symbol" and tok.text == ",") or (
                word in _EXPRESSION_STARTS and after_operand):
            chain = 0
        unions += word == "UNION"
        deepest = max(deepest, base + chain)
        previous = tok
    return Nesting(deepest, deepest_subqueries, unions)


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


def _check_cost(toks: list[Token]) -> None:
    found = nesting(toks)
    if found.depth > MAX_DEPTH:
        raise _refuse(f"the statement nests {found.depth} levels deep (at most {MAX_DEPTH}: "
                      "brackets, CASE and chained operators each count)")
    if found.subquery_depth > MAX_SUBQUERY_DEPTH:
        raise _refuse(f"subqueries nest {found.subquery_depth} deep "
                      f"(at most {MAX_SUBQUERY_DEPTH})")
    if found.unions > MAX_UNIONS:
        raise _refuse(f"{found.unions} UNIONs (at most {MAX_UNIONS})")


def check_read_only(statement: str) -> None:
    """Raise :class:`CypherRejected` unless ``statement`` is one read-only query of bounded cost."""
    toks = list(tokens(decode_escapes(statement)))
    while toks and toks[-1].text == ";":
        toks.pop()
    if not toks:
        raise CypherRejected("the statement is empty")
    if toks[0].text == ":":
        raise _refuse("client commands such as :param are not Cypher (send parameters in "
                      "\"parameters\")")
    for i, tok in enumerate(toks):
        prev = toks[i - 1].text if i else ""
        if tok.kind == "symbol" and tok.text == ";":
            raise _refuse("more than one statement")
        if tok.kind not in ("word", "name") or prev in (".", ":") or (
                i and toks[i - 1].keyword == "AS"):
            continue  # property keys, labels, types, aliases, later parts of a dotted name
        following = toks[i + 1].text if i + 1 < len(toks) else ""
        if tok.keyword in FORBIDDEN and following != ":":
            raise _refuse(f"{tok.keyword} "
                          f"{'reads files and URLs' if tok.keyword == 'LOAD' else 'is not a read'}")
        name, end = _dotted(toks, i)
        lower = name.lower()
        namespace = lower.split(".", 1)[0]
        if "." in name and namespace in FORBIDDEN_NAMESPACES:
            raise _refuse(f"{name} is in the {namespace}.* namespace")
        called = toks[i - 1].keyword == "CALL" if i else False
        if called and lower not in ALLOWED_PROCEDURES:
            raise _refuse(f"CALL {name} is not one of the allowed read procedures "
                          f"({', '.join(sorted(ALLOWED_PROCEDURES))})")
        if (namespace == "db" and "." in name and not called and end < len(toks)
                and toks[end].text == "(" and lower not in ALLOWED_DB_FUNCTIONS
                and lower not in ALLOWED_PROCEDURES):
            raise _refuse(f"{name}() is not an allowed function")
    _check_cost(toks)
