"""Every read query of the API, as named Cypher constants (the loader's writes live in
:mod:`graph.cypher_write`).

Values are always ``$parameters``.  Labels and relationship types are literal text, or
interpolated at import time from :class:`~ontology.model.NodeKind` — never from a request.
Rows are shaped as the *records* of :mod:`graph.assemble`: node properties via
``properties(n)`` (which include ``key``), lists of linked nodes via pattern
comprehensions (which work on every Neo4j 5.x and 2025.x).  Text filters return a
superset of the matches; :mod:`graph.search` decides and ranks in Python, identically
to the embedded backend.
"""

from __future__ import annotations

from typing import Final

from ontology.model import NodeKind

#: The full-text index (``cjk`` analyzer) the loader's schema creates.
FULLTEXT_INDEX: Final = "policygraph_text"

#: A node's evidence, each with the file name of its source.
_EVIDENCE = ("[({v})-[:HAS_EVIDENCE]->(e:Evidence) | "
             "e {{.*, source: head([(e)-[:FROM_SOURCE]->(src:Source) | src.fileName])}}]")


def _evidence(var: str) -> str:
    return _EVIDENCE.format(v=var)




def _targets(var: str) -> str:
    return f"[({var})-[:HAS_TARGET]->(g:Target) | g {{.*, evidence: {_evidence('g')}}}]"


#: A task's agencies are their key and name only: an agency's ``sources`` list every
#: document naming it, kilobytes each in a large graph.
_TASK_RECORD = f"""
RETURN properties(t) AS task,
       [(p:Plan)-[:HAS_TASK]->(t) | properties(p)] AS plans,
       [(t)-[:IN_SECTION]->(s:Section) | properties(s)] AS sections,
       [(a:Agency)-[:LEADS]->(t) | a {{.key, .name}}] AS leads,
       [(a:Agency)-[:CO_RESPONSIBLE_FOR]->(t) | a {{.key, .name}}] AS cos,
       {_targets("t")} AS targets,
       {_evidence("t")} AS evidence"""

#: Task records of the tasks in ``$keys``.
TASK_RECORDS: Final = "UNWIND $keys AS key\nMATCH (t:Task {key: key})" + _TASK_RECORD

#: Task records of every task.
ALL_TASK_RECORDS: Final = "MATCH (t:Task)" + _TASK_RECORD

_TASK_CANDIDATE = """
RETURN t.key AS key, t.title AS title,
       exists { (:Agency)-[:LEADS|CO_RESPONSIBLE_FOR]->(t) } AS owned,
       [(t)-[:HAS_EVIDENCE]->(e:Evidence) | e.sentence]
       + [(t)-[:HAS_TARGET]->(g:Target) | g.metric] AS texts"""

#: Keys of the tasks whose title, sentences or target metrics the full-text index finds for
#: one of ``$queries`` (from :meth:`graph.search.Query.index_plan`; a list per hit, repeats
#: possible),
#: reading at most ``$probe`` index hits per query string; ``most`` is the largest number of
#: hits one string gave (``$probe``: the keys may be incomplete, a capped search walks instead).
TASK_CANDIDATE_KEYS: Final = f"""
UNWIND $queries AS query
CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', query, {{limit: $probe}}) YIELD node
WITH query, collect(node) AS nodes
WITH max(size(nodes)) AS most, reduce(acc = [], ns IN collect(nodes) | acc + ns) AS nodes
RETURN most, [node IN nodes | CASE WHEN node:Task THEN [node.key]
       ELSE [(t:Task)-[:HAS_EVIDENCE|HAS_TARGET]->(node) | t.key] END] AS keys"""

#: Candidate rows of the tasks in ``$keys``.
TASK_CANDIDATES_BY_KEY: Final = "UNWIND $keys AS key\nMATCH (t:Task {key: key})" + _TASK_CANDIDATE

#: The first ``$limit`` tasks after key ``$after``, in key order (read from the ``task_key``
#: index, so the walk stops after them), not in ``$skip``, whose title contains one of
#: ``$terms``.
TASK_TITLE_WALK: Final = """
MATCH (t:Task)
WHERE t.key > $after AND NOT t.key IN $skip
  AND any(term IN $terms WHERE toLower(t.title) CONTAINS term)
WITH t ORDER BY t.key LIMIT $limit""" + _TASK_CANDIDATE

#: As :data:`TASK_TITLE_WALK`, for tasks whose sentences or target metrics contain one of
#: ``$terms``.
TASK_TEXT_WALK: Final = """
MATCH (t:Task)
WHERE t.key > $after AND NOT t.key IN $skip
  AND (exists { MATCH (t)-[:HAS_EVIDENCE]->(e:Evidence)
                WHERE any(term IN $terms WHERE toLower(e.sentence) CONTAINS term) }
       OR exists { MATCH (t)-[:HAS_TARGET]->(g:Target)
                   WHERE any(term IN $terms WHERE toLower(g.metric) CONTAINS term) })
WITH t ORDER BY t.key LIMIT $limit""" + _TASK_CANDIDATE

_AGENCY_RECORD = """
RETURN properties(a) AS agency,
       [(a)-[:IN_REGION]->(r:Region) | properties(r)] AS regions,
       size([(a)-[:LEADS]->(t:Task) | t]) AS lead,
       size([(a)-[:CO_RESPONSIBLE_FOR]->(t:Task) WHERE NOT exists { (a)-[:LEADS]->(t) } | t])
         AS co"""

#: Agency records of every agency.
ALL_AGENCY_RECORDS: Final = "MATCH (a:Agency)" + _AGENCY_RECORD

#: Agency record of ``$key``.
AGENCY_RECORD: Final = "MATCH (a:Agency {key: $key})" + _AGENCY_RECORD

#: Agency records of agencies responsible for at least one task.
WORKLOAD_RECORDS: Final = """
MATCH (a:Agency)
WHERE exists { (a)-[:LEADS|CO_RESPONSIBLE_FOR]->(:Task) }""" + _AGENCY_RECORD

#: Agencies whose name or an alias contains one of ``$terms``.
AGENCY_CANDIDATES: Final = """
MATCH (a:Agency)
WHERE any(term IN $terms WHERE toLower(a.name) CONTAINS term
          OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS term))""" + _AGENCY_RECORD

#: Keys of the tasks agency ``$key`` leads and co-owns.
AGENCY_TASK_KEYS: Final = """
MATCH (a:Agency {key: $key})
RETURN [(a)-[:LEADS]->(t:Task) | t.key] AS lead,
       [(a)-[:CO_RESPONSIBLE_FOR]->(t:Task) | t.key] AS co"""

_PLAN_RECORD = """
RETURN properties(p) AS plan,
       [(p)-[:GOVERNS]->(r:Region) | properties(r)] AS regions,
       [(p)-[:ISSUED_BY]->(a:Agency) | properties(a)] AS issuers,
       [(p)-[:IMPLEMENTS]->(q:Plan) | properties(q)] AS implements,
       [(q:Plan)-[:IMPLEMENTS]->(p) | properties(q)] AS implementedBy,
       size([(p)-[:HAS_TASK]->(t:Task) | t]) AS taskCount"""

#: Plan records of every plan.
ALL_PLAN_RECORDS: Final = "MATCH (p:Plan)" + _PLAN_RECORD

#: Plan record of ``$key`` with everything its tree needs but the task records.
PLAN_TREE_RECORD: Final = "MATCH (p:Plan {key: $key})" + _PLAN_RECORD + f""",
       [(p)-[:HAS_SECTION]->(s:Section) | properties(s)] AS sections,
       [(p)-[:HAS_TASK]->(t:Task) | t.key] AS taskKeys,
       {_targets("p")} AS targets,
       [(p)-[:HAS_FUNDING]->(f:Funding) | f {{.*, evidence: {_evidence("f")}}}] AS funding,
       [(p)-[:MENTIONS_BRAND]->(b:Brand) | properties(b)] AS brands,
       [(s:Source)-[:REPORTS]->(p) | properties(s)] AS sources"""

#: Target rows; ``$year``, ``$plan`` (key), ``$region`` (key or name), ``$agency`` (key)
#: are null for "any".  A target belongs to the plans that have it or its task.
TARGET_ROWS: Final = f"""
MATCH (g:Target)
WHERE $year IS NULL OR g.year = $year
OPTIONAL MATCH (t:Task)-[:HAS_TARGET]->(g)
WITH g, t, [(p:Plan)-[:HAS_TARGET]->(g) | p] + [(p:Plan)-[:HAS_TASK]->(t) | p] AS plans
WITH g, t, plans, [p IN plans | [(p)-[:GOVERNS]->(r:Region) | r]] AS nested
WITH g, t, plans, reduce(acc = [], rs IN nested | acc + rs) AS regions
WHERE ($plan IS NULL OR any(p IN plans WHERE p.key = $plan))
  AND ($region IS NULL OR any(r IN regions WHERE r.key = $region OR r.name = $region))
  AND ($agency IS NULL OR exists {{
        MATCH (a:Agency {{key: $agency}})-[:LEADS|CO_RESPONSIBLE_FOR]->(t) }})
RETURN g {{.*, evidence: {_evidence("g")}}} AS target,
       [x IN [t] WHERE x IS NOT NULL | properties(x)] AS tasks,
       [p IN plans | properties(p)] AS plans,
       [r IN regions | properties(r)] AS regions,
       [(a:Agency)-[:LEADS]->(t) | properties(a)] AS leads,
       [(a:Agency)-[:CO_RESPONSIBLE_FOR]->(t) | properties(a)] AS cos"""

#: Every brand and how many plans name it.
BRAND_LIST: Final = """
MATCH (b:Brand)
RETURN properties(b) AS brand, size([(p:Plan)-[:MENTIONS_BRAND]->(b) | p]) AS planCount"""

#: Brand ``$key`` with the plans naming it, the tasks and targets whose text names it.
BRAND_RECORD: Final = f"""
MATCH (b:Brand {{key: $key}})
OPTIONAL MATCH (t:Task)
WHERE t.title CONTAINS b.name
   OR exists {{ MATCH (t)-[:HAS_EVIDENCE]->(e:Evidence) WHERE e.sentence CONTAINS b.name }}
WITH b, collect(properties(t)) AS tasks
OPTIONAL MATCH (g:Target)
WHERE g.metric CONTAINS b.name
WITH b, tasks, collect(g {{.*, evidence: {_evidence("g")}}}) AS targets
RETURN properties(b) AS brand,
       [(p:Plan)-[:MENTIONS_BRAND]->(b) | properties(p)] AS plans,
       tasks, targets, {_evidence("b")} AS evidence,
       [(c:Recognition)-[:OF_BRAND]->(b) | c.key] AS recognitionKeys"""

#: Full-text candidates for ``$query`` (a Lucene string built by graph.search), best first.
FULLTEXT_CANDIDATES: Final = f"""
CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $query, {{limit: $limit}})
YIELD node, score
RETURN labels(node) AS labels, properties(node) AS props
ORDER BY score DESC, props.key"""

_KINDS: Final = tuple(kind.value for kind in NodeKind)
_SEEK_EACH_KIND = "\n".join(
    f"OPTIONAL MATCH (n{i}:{kind} {{key: k}})" for i, kind in enumerate(_KINDS))
_ANY_KIND = "coalesce(" + ", ".join(f"n{i}" for i in range(len(_KINDS))) + ")"

#: Nodes with the given ``$keys``, whatever their label (one index seek per label).
NODES_BY_KEY: Final = f"""
UNWIND $keys AS k
{_SEEK_EACH_KIND}
WITH {_ANY_KIND} AS n
WHERE n IS NOT NULL
RETURN labels(n) AS labels, properties(n) AS props"""

#: Every relationship touching the nodes with ``$keys``, with the node at the other end.
NEIGHBOURS: Final = f"""
UNWIND $keys AS k
{_SEEK_EACH_KIND}
WITH {_ANY_KIND} AS n
MATCH (n)-[r]-(m)
RETURN n.key AS start, type(r) AS rel, startNode(r) = n AS outgoing,
       labels(m) AS labels, properties(m) AS props"""

#: Node count per label (``kind``) and of relationships (kind ``""``), from the count store.
#: The count is taken before the kind is named: ``RETURN 'Plan' AS kind, count(n)`` groups
#: by the literal, and Neo4j then scans every node and relationship (1.5 M db hits a call
#: on a graph of a million relationships, instead of one count-store read per line).
COUNTS: Final = "\nUNION ALL\n".join(
    [f"MATCH (n:{kind}) WITH count(n) AS n RETURN '{kind}' AS kind, n" for kind in _KINDS]
    + ["MATCH ()-[r]->() WITH count(r) AS n RETURN '' AS kind, n"])

#: Explains (never runs) an analyst's statement, to read its query type.
EXPLAIN_PREFIX: Final = "EXPLAIN "


# -- enterprises, brand holders and the progress of targets (graph.assemble_enterprises) ----

#: Keys and names of a node's region and of every region it lies within.
_REGION_CLOSURE = ("[({v})-[:IN_REGION]->(:Region)-[:WITHIN_REGION*0..6]->(a:Region) | a.key]"
                   " + [({v})-[:IN_REGION]->(:Region)-[:WITHIN_REGION*0..6]->(a:Region)"
                   " | a.name]")

_ENTERPRISE_RECORD = f"""
RETURN properties(e) AS enterprise,
       [(e)-[:IN_REGION]->(r:Region) | properties(r)] AS regions,
       {_REGION_CLOSURE.format(v="e")} AS regionKeys,
       [(e)-[:HOLDS_BRAND]->(b:Brand) | properties(b)] AS brands,
       [(c:Recognition)-[:OF_ENTERPRISE]->(e) | head([(c)-[:IN_PROGRAMME]->(p:Brand)
         | properties(p)])] AS programmes,
       [(p:Plan)-[:MENTIONS_ENTERPRISE]->(e) | properties(p)] AS plans"""

_RECOGNITION_RECORD = f"""
       properties(c) AS recognition,
       [(c)-[:IN_PROGRAMME]->(b:Brand) | properties(b)] AS programmes,
       [(c)-[:OF_ENTERPRISE]->(x:Enterprise) | properties(x)] AS enterprises,
       [(c)-[:OF_BRAND]->(b:Brand) | properties(b)] AS brands,
       [(c)-[:IN_REGION]->(r:Region) | properties(r)] AS regions,
       {_REGION_CLOSURE.format(v="c")} AS regionKeys,
       [(c)-[:RECOGNISED_BY]->(a:Agency) | properties(a)] AS agencies,
       [(c)-[:FROM_SOURCE]->(s:Source) | s.fileName] AS registers,
       {_evidence("c")} AS evidence"""

#: Enterprise records of every enterprise (filters and ranking are applied in Python).
ALL_ENTERPRISE_RECORDS: Final = "MATCH (e:Enterprise)" + _ENTERPRISE_RECORD

#: Enterprise records of the enterprises with ``$keys``.
ENTERPRISE_RECORDS: Final = ("UNWIND $keys AS key\nMATCH (e:Enterprise {key: key})"
                             + _ENTERPRISE_RECORD)

#: Enterprise ``$key`` with its recognitions and evidence.
ENTERPRISE_DETAIL: Final = ("MATCH (e:Enterprise {key: $key})" + _ENTERPRISE_RECORD + f""",
       [(c:Recognition)-[:OF_ENTERPRISE]->(e) | c.key] AS recognitionKeys,
       {_evidence("e")} AS evidence""")

#: Recognition records of the recognitions with ``$keys``.
RECOGNITION_RECORDS: Final = ("UNWIND $keys AS key\nMATCH (c:Recognition {key: key})\nRETURN"
                              + _RECOGNITION_RECORD)

#: Keys of the enterprises holding brand ``$key`` or recognised in it (as a programme or
#: for the brand); no row when there is no such brand.
BRAND_HOLDER_KEYS: Final = """
MATCH (b:Brand {key: $key})
RETURN [(e:Enterprise)-[:HOLDS_BRAND]->(b) | e.key]
       + [(c:Recognition)-[:IN_PROGRAMME|OF_BRAND]->(b) | head([(c)-[:OF_ENTERPRISE]->(e:Enterprise)
          | e.key])] AS keys"""

#: Target ``$key`` with its plans and their regions.
TARGET_RECORD: Final = f"""
MATCH (g:Target {{key: $key}})
OPTIONAL MATCH (t:Task)-[:HAS_TARGET]->(g)
WITH g, [(p:Plan)-[:HAS_TARGET]->(g) | p] + [(p:Plan)-[:HAS_TASK]->(t) | p] AS plans
RETURN g {{.*, evidence: {_evidence("g")}}} AS target,
       [p IN plans | properties(p)] AS plans,
       reduce(acc = [], p IN plans | acc + [(p)-[:GOVERNS]->(r:Region) | properties(r)])
         AS regions"""

#: Recognition records that registers (lists, not texts) hold in the programmes ``$keys``.
REGISTER_RECOGNITIONS: Final = """
UNWIND $keys AS key
MATCH (c:Recognition)-[:IN_PROGRAMME]->(:Brand {key: key})
WHERE exists { (c)-[:FROM_SOURCE]->(:Source) }
RETURN""" + _RECOGNITION_RECORD


# -- the cascade: coverage of a plan's measures (graph.assemble_cascade) ---------------------

#: Plan ``$key``: the keys of its measures (its tasks and those of its interpretations, the
#: plans of kind ``$interpretation`` implementing it), the targets of it and of its
#: interpretations, and the keys of the other plans implementing it.
COVERAGE_PLAN: Final = f"""
MATCH (p:Plan {{key: $key}})
WITH p, [p] + [(i:Plan)-[:IMPLEMENTS]->(p) WHERE i.kind = $interpretation | i] AS holders
RETURN properties(p) AS plan,
       reduce(acc = [], h IN holders | acc + [(h)-[:HAS_TASK]->(t:Task) | t.key]) AS measureKeys,
       reduce(acc = [], h IN holders | acc + {_targets("h")}) AS targets,
       [(c:Plan)-[:IMPLEMENTS]->(p) WHERE coalesce(c.kind, '') <> $interpretation | c.key]
         AS childKeys"""

#: Every alignment to the measures ``$keys``: its node, child task, measure, evidence, and
#: the plans of the child task.
ALIGNMENT_RECORDS: Final = f"""
UNWIND $keys AS key
MATCH (m:Task {{key: key}})<-[:IMPLEMENTED_MEASURE]-(a:Alignment)-[:IMPLEMENTING_TASK]->(t:Task)
RETURN properties(a) AS alignment, t.key AS task, m.key AS measure,
       {_evidence("a")} AS evidence,
       [(c:Plan)-[:HAS_TASK]->(t) | c.key] AS planKeys"""

#: The plans ``$keys`` with the keys of their tasks and their plan-level targets.
CHILD_PLAN_RECORDS: Final = f"""
UNWIND $keys AS key
MATCH (p:Plan {{key: key}})
RETURN properties(p) AS plan, [(p)-[:HAS_TASK]->(t:Task) | t.key] AS taskKeys,
       {_targets("p")} AS targets"""
