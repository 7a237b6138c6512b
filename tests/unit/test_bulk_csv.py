"""The CSV files of the bulk import: the loader's rows, typed columns, quoting, arrays."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graph.bulk import ARRAY_DELIMITER, write_csv
from graph.errors import GraphError
from graph.property_graph import NodeRow, PropertyGraph, RelRow
from ontology.model import NodeKind, RelKind


def _graph(**task_props: object) -> PropertyGraph:
    source = NodeRow(NodeKind.SOURCE, "source/a.txt", {"fileName": "a.txt"})
    evidence = NodeRow(NodeKind.EVIDENCE, "evidence/1", {"sentence": 'say "hi",\nnext line',
                                                         "spanStart": 3, "spanEnd": 9})
    task = NodeRow(NodeKind.TASK, "task/1", {"title": "建立台账", "taskId": "二.(一)", **task_props})
    agency = NodeRow(NodeKind.AGENCY, "agency/x", {"name": "市科技局", "aliases": ["科技局", "市科委"]})
    rels = (RelRow(RelKind.FROM_SOURCE, "evidence/1", "source/a.txt"),
            RelRow(RelKind.HAS_EVIDENCE, "task/1", "evidence/1"),
            RelRow(RelKind.LEADS, "agency/x", "task/1"))
    return PropertyGraph(nodes=(agency, evidence, source, task), rels=rels)


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_one_typed_file_per_label_and_per_relationship_group(tmp_path: Path) -> None:
    files = write_csv(_graph(), tmp_path / "csv")
    assert [label for label, _ in files.nodes] == ["Agency", "Evidence", "Source", "Task"]
    assert sorted(kind for kind, _ in files.relationships) == ["FROM_SOURCE", "HAS_EVIDENCE", "LEADS"]
    assert (files.node_count, files.relationship_count) == (4, 3)
    evidence = _rows(dict(files.nodes)["Evidence"])
    assert evidence[0] == ["key:ID(Evidence)", "sentence:string", "spanEnd:long", "spanStart:long",
                           "sources:string[]"]
    assert evidence[1] == ["evidence/1", 'say "hi",\nnext line', "9", "3", "a.txt"]
    agency = _rows(dict(files.nodes)["Agency"])
    assert agency[0] == ["key:ID(Agency)", "aliases:string[]", "name:string", "sources:string[]"]
    assert agency[1][1] == ARRAY_DELIMITER.join(["科技局", "市科委"])
    leads = _rows(dict(files.relationships)["LEADS"])
    assert leads == [[":START_ID(Agency)", ":END_ID(Task)", "sources:string[]"],
                     ["agency/x", "task/1", "a.txt"]]
    assert f"--nodes=Task={tmp_path / 'csv' / 'nodes_Task.csv'}" in files.arguments()


def test_a_missing_value_is_an_empty_unquoted_field_and_an_empty_string_is_quoted(
        tmp_path: Path) -> None:
    graph = _graph()
    other = NodeRow(NodeKind.TASK, "task/2", {"title": "", "taskId": "二.(二)", "perYear": True})
    graph = PropertyGraph(nodes=(*graph.nodes, other), rels=graph.rels)
    files = write_csv(graph, tmp_path / "csv")
    lines = dict(files.nodes)["Task"].read_text(encoding="utf-8").splitlines()
    assert lines[0] == "key:ID(Task),perYear:boolean,taskId:string,title:string,sources:string[]"
    assert lines[1] == '"task/1",,"二.(一)","建立台账","a.txt"'
    assert lines[2].startswith('"task/2","true","二.(二)","",')


def test_values_of_two_types_in_one_column_are_refused(tmp_path: Path) -> None:
    graph = _graph(value=1.5)
    odd = NodeRow(NodeKind.TASK, "task/2", {"title": "x", "taskId": "1", "value": "many"})
    with pytest.raises(GraphError, match=r"Task\.value: values of several types"):
        write_csv(PropertyGraph(nodes=(*graph.nodes, odd), rels=graph.rels), tmp_path / "csv")


def test_the_directory_must_be_empty(tmp_path: Path) -> None:
    (tmp_path / "left.csv").write_text("x")
    with pytest.raises(GraphError, match="not empty"):
        write_csv(_graph(), tmp_path)
