"""Tables whose grid was lost: one cell per line, one row per line (snippets written for the test)."""

from __future__ import annotations

import re

from ingest.flat_tables import blank_out, find_flat_tables, header_roles, split_unit_cells
from ingest.pipeline import extract

UNIT = re.compile(
    r"^[\u4e00-\u9fff()（）、,，等]*(?:局|委|办|股|馆|街道|集团|公司|管委会|成员单位|部门)[。]?$")


def is_units(piece: str) -> bool:
    return all(UNIT.match(part) for part in re.split(r"[、,，]", piece.rstrip("。")))


CELL_PER_LINE = """某区2024年政府工作报告主要目标任务责任分解表
序号
目标名称
工作标准
区政府
分管领导
牵头单位
配合单位
1
主要预期目标
(1)地区生产总值增长6%左右。
张三
区发改局
甲街道
乙街道
(2)一般公共预算收入稳定增长。
区财政局
(3)社会消费品零售总额增长7%左右。
2
城市更新
(4)年内完成20个老旧小区改造。
李四
区住建局
区财政局、区城管局,某某集团
"""


def test_header_words_name_the_columns():
    assert header_roles("序号重点工作任务主要责任单位协同配合单位完成期限") == (
        "id", "task", "lead", "co", "deadline")
    assert header_roles("序号目标名称工作标准区政府分管领导牵头单位配合单位") == (
        "id", "group", "task", "leader", "lead", "co")
    # with a 牵头 column, a 责任单位 column holds the co-responsible units
    assert header_roles("序号|任务|牵头单位|责任单位") == ("id", "task", "lead", "co")


def test_cell_per_line_with_sub_rows_and_merged_cells():
    [table] = find_flat_tables(CELL_PER_LINE, is_units)
    got = {row.id: ([p.text for p in split_unit_cells(table, row)[0]],
                    [p.text for p in split_unit_cells(table, row)[1]]) for row in table.rows}
    assert got == {
        "1.(1)": (["区发改局"], ["甲街道", "乙街道"]),
        "1.(2)": (["区财政局"], []),
        "1.(3)": ([], []),  # a merged cell is not copied to the rows it may cover
        "2.(4)": (["区住建局"], ["区财政局、区城管局,某某集团"]),
    }
    assert [row.group.text for row in table.rows if row.group] == ["主要预期目标"] * 3 + ["城市更新"]
    assert [p.text for p in table.rows[0].leaders] == ["张三"]


def test_row_per_line_with_a_lead_cell_over_several_lines():
    text = ("序号重点工作任务主要责任单位协同配合单位完成期限\n"
            "7 新培育科技型企业50家以上。 区科技局 区经信局、区财政局等区政府有关部门。 2023年12月底\n"
            "8 建设研发平台。 区科技局\n区商务局\n某某投资公司\n区发改委、区农业农村局。 2023年12月底\n")
    [table] = find_flat_tables(text, is_units)
    cells = [([p.text for p in lead], [p.text for p in co])
             for lead, co in (split_unit_cells(table, row) for row in table.rows)]
    assert cells == [(["区科技局"], ["区经信局、区财政局等区政府有关部门。"]),
                     (["区科技局", "区商务局", "某某投资公司"], ["区发改委、区农业农村局。"])]
    assert [row.deadline.text for row in table.rows if row.deadline] == ["2023年12月底"] * 2


def test_published_list_fills_its_columns_in_order():
    text = ("附件\n第三批拟推荐名单\n序号城市企业名称代表性注册商标\n"
            "1 武汉 武汉某某商贸有限公司 某某记\n2 襄阳 湖北某某酿酒股份有限公司 石 花\n"
            "3 武汉 武汉某某眼镜有限公司\n")
    [table] = find_flat_tables(text, is_units)
    assert table.is_list
    assert [r.cells for r in table.list_rows] == [
        {"place": "武汉", "enterprise": "武汉某某商贸有限公司", "brand": "某某记"},
        {"place": "襄阳", "enterprise": "湖北某某酿酒股份有限公司", "brand": "石花"},
        {"place": "武汉", "enterprise": "武汉某某眼镜有限公司"},
    ]


def test_blanked_table_keeps_offsets_and_line_breaks():
    tables = find_flat_tables(CELL_PER_LINE, is_units)
    blank = blank_out(CELL_PER_LINE, tables)
    assert len(blank) == len(CELL_PER_LINE)
    assert blank.count("\n") == CELL_PER_LINE.count("\n")
    assert "(1)" not in blank


def test_pipeline_reads_a_cell_per_line_table_end_to_end():
    ex = extract("t.txt", "某区人民政府\n2024年1月5日\n" + CELL_PER_LINE)
    tasks = {t.id: (list(t.lead), list(t.co)) for t in ex.tasks}
    assert tasks["1.(1)"] == (["区发改局"], ["甲街道", "乙街道"])
    assert tasks["2.(4)"] == (["区住建局"], ["区财政局", "区城管局", "某某集团"])
    targets = {(t.task, t.year, t.value, t.unit) for t in ex.targets}
    # the table title names one year: the cells' targets take it
    assert (("1.(1)", 2024, 6, "%") in targets and ("1.(3)", 2024, 7, "%") in targets
            and ("2.(4)", 2024, 20, "个") in targets)
    assert "某某集团" not in ex.departments  # a firm in a list is not an agency


# A county bureau's yearly table: the header cell 责任科室(单位) broken over two lines, a
# group column printed once for several rows, sections (股) and venues (馆) as units, and the
# year written only inside one row.
SPLIT_HEADER = """序号
类别
工作任务
完成时限
责任领导
责任科室
(单位)
备注
1
群众文化
全年开展送戏下乡演出不少于80场。
11月底前
王某某
群文股
县文化馆
县图书馆
2
新建农家书屋5 个。
3
体育赛事
办好2021年全县农民运动会,参赛人数达到3000人次。
赛事股
"""


def test_header_cell_over_two_lines_and_a_group_printed_once():
    [table] = find_flat_tables(SPLIT_HEADER, is_units)
    assert [name for name, _ in table.columns] == [
        "序号", "类别", "工作任务", "完成时限", "责任领导", "责任科室(单位)", "备注"]
    # row 1 prints one piece for every column but the remark: it is not read by position
    rows = {row.id: row for row in table.rows}
    assert [p.text for p in rows["1"].units] == ["群文股", "县文化馆", "县图书馆"]
    assert rows["2"].group.text == "群众文化"  # the merged group cell holds for row 2
    assert [p.text for p in rows["2"].texts] == ["新建农家书屋5 个。"]  # one cell, space kept
    assert rows["3"].group.text == "体育赛事"


def test_indicator_column_is_a_group_beside_a_task_column():
    assert header_roles("序号指标工作任务责任单位") == ("id", "group", "task", "units")
    assert header_roles("序号指标目标值责任单位") == ("id", "task", "value", "units")


def test_pipeline_gives_a_month_deadline_table_the_one_year_its_cells_name():
    ex = extract("t.txt", "某县文化和旅游局\n" + SPLIT_HEADER)
    tasks = {t.id: (list(t.lead), list(t.co)) for t in ex.tasks}
    assert tasks["1"] == (["群文股"], ["县文化馆", "县图书馆"])
    assert tasks["3"] == (["赛事股"], [])
    targets = {(t.task, t.year, t.value, t.unit) for t in ex.targets}
    assert {("1", 2021, 80, "场"), ("2", 2021, 5, "个"), ("3", 2021, 3000, "人次")} <= targets


# An assessment list: a group column before 序号 whose merged cells stand before the first row
# they group, an indicator column merged over several rows, a unit and a yearly-value column,
# a responsibility cell on two lines and an assessor column (评分部门) with two bureaus glued.
ASSESSED = """2022年某县共同富裕任务清单
考核项目
序号
考核指标
考核内容
单位
年度目标
责任部门
评分部门
产业兴旺
1
稳定粮食生产
粮食播种面积
万亩
≥1.5
县农业农村局
县发改局
市农业农村局市发展改革局
2
农业劳动生产率
万元/人
全市统筹
县农业农村局
市农业农村局
3
生猪存栏
万头
0
县农业农村局
市农业农村局
生态宜居
4
整治农村人居环境
新建农村公厕
座
12
县住建局
市住建局
"""


def test_an_assessor_column_is_no_responsibility_and_a_leading_group_is_the_section():
    [table] = find_flat_tables(ASSESSED, is_units)
    assert table.title == "2022年某县共同富裕任务清单" and table.leading_group
    assert [name for name, _ in table.columns] == [
        "序号", "考核指标", "考核内容", "单位", "年度目标", "责任部门", "评分部门"]
    rows = {row.id: row for row in table.rows}
    assert [p.text for p in rows["1"].units] == ["县农业农村局", "县发改局"]
    assert [p.text for p in rows["1"].assessors] == ["市农业农村局市发展改革局"]
    assert [p.text for p in rows["2"].units] == ["县农业农村局"]
    assert rows["1"].group.text == rows["2"].group.text == "稳定粮食生产"
    assert rows["2"].texts[0].text == "农业劳动生产率"  # printed every cell but the merged one
    assert [rows[k].section.text for k in "1234"] == ["产业兴旺"] * 3 + ["生态宜居"]
    assert rows["4"].group.text == "整治农村人居环境"


def test_pipeline_reads_an_assessment_list_end_to_end():
    ex = extract("t.txt", "某县人民政府办公室\n2022年3月1日\n" + ASSESSED)
    tasks = {t.id: (t.section, t.title, list(t.lead), list(t.co)) for t in ex.tasks}
    assert tasks["1"] == ("产业兴旺", "粮食播种面积", ["县农业农村局"], ["县发改局"])
    assert tasks["4"] == ("生态宜居", "新建农村公厕", ["县住建局"], [])
    targets = {(t.task, t.year, t.metric, t.value, t.unit, t.qualifier) for t in ex.targets}
    # a zero quota and a text are no targets; ≥ reads as 以上
    assert targets == {("1", 2022, "粮食播种面积", 1.5, "万亩", "以上"),
                       ("4", 2022, "新建农村公厕", 12, "座", None)}
    # the assessors are departments, the glued pair as two
    assert {"市农业农村局", "市发展改革局", "市住建局"} <= set(ex.departments)


PART_ROWS = """某县2024年重点工作任务分解表
序号
主要工作举措
牵头单位
配合单位
责任领导
一、壮大特色产业
1
推进甲产业全链条发展。
县农业局
县发改局、县工信局
2
加快乙项目建设。
县工信局
县发改局
王五
二、改善民生
3
新建丙学校。
县教育局
县住建局
"""


def test_part_rows_between_rows_number_the_rows_under_them():
    # ``一、…`` printed in a row of its own groups the rows after it: 一.1, 一.2, 二.3.
    [table] = find_flat_tables(PART_ROWS, is_units)
    assert "task" in table.roles  # 主要工作举措 names the task column
    assert [c for c, _ in table.columns] == ["序号", "主要工作举措", "牵头单位", "配合单位", "责任领导"]
    assert [(row.id, row.section.text if row.section else None) for row in table.rows] == [
        ("一.1", "壮大特色产业"), ("一.2", "壮大特色产业"), ("二.3", "改善民生")]
    assert [p.text for p in table.rows[2].texts] == ["新建丙学校。"]


def test_a_numbered_line_that_does_not_open_a_row_is_a_cell():
    # ``一、`` starting a task cell (no row number after it) stays the row's text.
    text = "序号\n工作任务\n牵头单位\n1\n一、甲。乙丙丁。\n县农业局\n"
    [table] = find_flat_tables(text, is_units)
    assert [row.id for row in table.rows] == ["1"]
    assert [p.text for p in table.rows[0].texts] == ["一、甲。乙丙丁。"]
