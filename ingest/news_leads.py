"""What a news lead says about the plan or list it reports: the place a wire report is
filed from (not its region), and the body that published a reported list or plan.

A news report's dateline (``新华社北京3月5日电``) names where the reporter writes; a lead
(``近日,省商务厅公布第五批…名单``) names who published what it reports.  Pure functions
over the normalised text, used by :mod:`ingest.metadata` and the pipeline.
"""

from __future__ import annotations

import re

from ingest.regions import province_of
from ontology.model import GovLevel

#: A wire or newspaper dateline: the agency, the place it files from, the day, 电/讯.  The
#: place is where the reporter writes, not what the report is about.  Examples:
#: ``新华社北京3月5日电``, ``人民网北京6月1日电``, ``本报北京讯``, ``中新网成都电``, the day
#: first: ``某某网11月15日南昌讯``.
NEWS_DATELINE = re.compile(
    r"(?:新华社|中新社|人民网|新华网|中新网|央视网|央广网|光明网|中国新闻网|本报|[\u4e00-\u9fff]{2,6}(?:网|社|日报|晚报))"
    r"\s*(?:\d{1,2}月\d{1,2}日)?\s*(?P<place>[\u4e00-\u9fff]{2,4}?)\s*(?:\d{1,2}月\d{1,2}日)?\s*(?:电|讯)")
#: How far into a page a news dateline may stand.
DATELINE_SPAN = 300
#: A news lead that reports a published list: the node is the list (a notice).  Examples:
#: ``省商务厅公布第五批“贵州老字号”企业名单``, ``…品牌名单揭晓``, ``在省农业农村厅公布的“…目录”``.
LIST_REPORTED = re.compile(
    r"(?:公布|发布|公示|揭晓|认定)[^。\n]{0,40}?(?:名单|目录|名录)"
    r"|(?:名单|目录|名录)(?:正式)?(?:揭晓|公布|出炉)")
#: The body that published a reported list or plan, as the lead writes it: by its level
#: (``省商务厅``) or with its place (``北京市商务局``).  Examples: ``省商务厅`` in
#: ``近日,省商务厅公布第五批…名单``; ``省农业农村厅`` in ``在省农业农村厅公布的“…目录”``;
#: ``北京市商务局`` in ``北京市商务局近日印发《…》``.
PUBLISHER = re.compile(
    r"(?:^|(?<=[\s,，。在由经]))(?![在由经])(?P<level>省|市|县|区)?(?P<body>[\u4e00-\u9fff]{2,16}?"
    r"(?:人民政府办公厅|人民政府办公室|人民政府|厅|局|委员会|委))"
    r"(?:日前|近日|近期|正式|联合)*(?:公布|发布|公示|认定|印发|出台)")
#: How far into a text a news lead that reports a list stands.
LIST_LEAD_SPAN = 400


def without_dateline(text: str) -> str:
    """``text`` with the place of a news dateline near its top blanked (same length), so
    the city a wire report is filed from (新华社北京…电) is not read as its region."""
    match = NEWS_DATELINE.search(text, 0, DATELINE_SPAN)
    if match is None:
        return text
    start, end = match.span("place")
    return text[:start] + " " * (end - start) + text[end:]


def lead_publisher(text: str, end: int, region: str | None, level: GovLevel | None,
               ) -> tuple[str, str, GovLevel] | None:
    """The body that published the list or plan a news lead (ending at ``end``) reports,
    by its full name, with its region and level (a province's 厅 publishes a provincial
    list, whichever city reports it); None where the lead names no publisher, or names
    it by level only and its region cannot be told."""
    found = max(PUBLISHER.finditer(text, max(0, end - 120), end), key=lambda m: m.start(),
                default=None)
    if found is None:
        return None
    if found.group("level") is None:
        # written with its place: the place must be the document's (北京市商务局 in 北京市)
        body = found.group("body")
        return (body, region, level) if region and level and body.startswith(region) else None
    if found.group("level") == "省":
        province = region if level is GovLevel.PROVINCE else province_of(region)
        if province is None:
            return None
        return province + found.group("body"), province, GovLevel.PROVINCE
    if region is None or level is GovLevel.PROVINCE:
        return None
    return region + found.group("body"), region, level or GovLevel.CITY
