"""Published lists → registers: headers, label lines, titles, bad rows, files of every kind.

Tables written for the test in the layouts agencies publish (序号 | 企业名称 | 品牌名称 | 所在地 …).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ingest.errors import UndecodableDocument
from ingest.patterns_registers import field_of
from ingest.registers import RegisterError, parse_rows, read_register, read_rows, table_of

LIST = [
    ["第二批“某某老字号”认定名单"],
    ["序号", "企业名称", "品牌(字号)", "主要产品", "所在地区", "备注"],
    ["1", "某某市一品斋食品有限公司", "一品斋", "糕点", "济南市历下区", ""],
    ["2", "某某酱园 有限公司", "“老酱园”", "酱菜", "潍坊青州", ""],
    ["", "", "", "", "", ""],
    ["3", "", "", "", "济南市", "缺名称"],
    ["4", "某某茶庄", "", "", "火星市", ""],
    ["5", "某某市一品斋食品有限公司", "一品斋", "月饼", "济南", "重复"],
    ["6", "某某商行", "", "", "朝阳区", ""],
]


def test_header_fields_by_their_usual_names() -> None:
    assert [field_of(h) for h in ("企业名称", "申报主体", "品牌(字号)", "所在地区", "县(市、区)",
                                  "类别", "批次", "序号", "联系电话")] == [
        "enterprise", "enterprise", "brand", "region", "region", "category", "batch", None, None]


def test_a_list_with_its_title_row() -> None:
    read = parse_rows(LIST, "list.csv", agency="山东省商务厅")
    register = read.register
    assert (register.programme, register.batch, register.title) == (
        "某某老字号", 2, "第二批“某某老字号”认定名单")
    assert register.agency is not None and register.agency.name == "省商务厅"
    assert read.header_row == 2 and read.columns["brand"] == "品牌(字号)"
    first, second = register.entries
    assert (first.row, first.enterprise, first.brand, first.product) == (
        3, "某某市一品斋食品有限公司", "一品斋", "糕点")
    assert (first.region, first.region_path) == ("历下区", ("山东省", "济南市"))
    # spaces inside a name are table padding; quotes around a mark are not part of it
    assert (second.enterprise, second.brand, second.region) == ("某某酱园有限公司", "老酱园", "青州市")


def test_bad_rows_are_named_and_left_out() -> None:
    read = parse_rows(LIST, "list.csv", agency="山东省商务厅")
    assert [str(p) for p in read.problems] == [
        "list.csv: row 6: no enterprise or brand name",
        "list.csv: row 7: unknown region '火星市'",
        "list.csv: row 8: duplicate of row 3",
        "list.csv: row 9: ambiguous region '朝阳区' (北京市 / 吉林省)",
    ]
    assert read.rows == 7  # after the header, the blank row included


def test_label_lines_above_the_header_say_programme_agency_and_year() -> None:
    rows = [["称号", "中华老字号"], ["发布单位", "商务部"], ["年份", "2023年"],
            ["企业", "商标"], ["某某药店有限公司", "某某堂"]]
    register = parse_rows(rows, "x.csv").register
    assert (register.programme, register.year) == ("中华老字号", 2023)
    assert register.agency is not None and register.agency.name == "商务部"
    assert register.entries[0].brand == "某某堂"


def test_explicit_columns_when_the_header_is_unusual() -> None:
    rows = [["名次", "单位全称", "标识"], ["1", "某某机械有限公司", "某某牌"]]
    with pytest.raises(RegisterError, match="no header row"):
        parse_rows(rows, "odd.csv", programme="某奖")
    read = parse_rows(rows, "odd.csv", programme="某奖",
                      columns={"enterprise": "单位全称", "brand": "C"})
    assert (read.register.entries[0].enterprise, read.register.entries[0].brand) == (
        "某某机械有限公司", "某某牌")
    with pytest.raises(RegisterError, match="unknown field"):
        parse_rows(rows, "odd.csv", programme="某奖", columns={"owner": "单位全称"})


def test_batch_and_year_per_row_and_a_row_that_gives_no_number() -> None:
    rows = [["品牌名称", "批次", "年份"], ["甲", "第一批", "2022"], ["乙", "三", "2024年"],
            ["丙", "首批", ""]]
    read = parse_rows(rows, "b.csv", programme="某品牌工程")
    assert [(e.brand, e.batch, e.year) for e in read.register.entries] == [
        ("甲", 1, 2022), ("乙", 3, 2024)]
    assert [str(p) for p in read.problems] == ["b.csv: row 4: batch '首批' is not a number"]


def test_a_list_without_a_programme_is_refused() -> None:
    with pytest.raises(RegisterError, match="no programme"):
        parse_rows([["企业名称", "品牌"], ["某公司", "某牌"]], "n.csv")


def test_a_title_naming_two_batches_gives_none() -> None:
    rows = [["“某某品牌”名单(第一批、第三批)"], ["品牌名称", "所在地"], ["甲", "济南市"]]
    assert parse_rows(rows, "t.csv").register.batch is None


def test_the_exported_table_reads_back_as_the_same_recognitions() -> None:
    register = parse_rows(LIST, "list.csv", agency="山东省商务厅").register
    again = parse_rows(table_of(register), "list.csv").register
    assert [register.recognition(e) for e in register.entries] == [
        again.recognition(e) for e in again.entries]
    assert [(e.enterprise, e.brand, e.region, e.region_path) for e in register.entries] == [
        (e.enterprise, e.brand, e.region, e.region_path) for e in again.entries]


def test_csv_in_gb18030_and_xlsx_read_alike(tmp_path: Path) -> None:
    gb = tmp_path / "list.csv"
    gb.write_bytes("\n".join(",".join(r) for r in LIST).encode("gb18030"))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in LIST:
        sheet.append([int(c) if c.isdigit() else c or None for c in row])
    xlsx = tmp_path / "list.xlsx"
    book.save(xlsx)
    assert read_rows(gb)[2][0] == "1" and read_rows(xlsx)[2][0] == "1"
    a = read_register(gb, agency="山东省商务厅", name="same")
    b = read_register(xlsx, agency="山东省商务厅", name="same")
    assert a.register.entries == b.register.entries and a.problems == b.problems


@pytest.mark.parametrize(("name", "data", "error"), [
    ("list.txt", b"a,b", RegisterError),
    ("list.xlsx", b"not a zip", RegisterError),
    ("list.csv", b"\xff\xfe\x00\x00garbage" + bytes(range(128, 256)) * 8, UndecodableDocument),
])
def test_files_that_are_no_list_get_one_clear_error(tmp_path: Path, name: str, data: bytes,
                                                    error: type[Exception]) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as caught:
        read_register(path, programme="x")
    assert str(path) in str(caught.value)
