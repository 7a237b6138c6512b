"""An agency's deadlines as an iCalendar feed (the ``icalendar`` package).

One all-day event per deadline, on the last day of its due month (31 December when only
the year is written), with the task, the target and the plan in its description — a
feed Outlook or a phone calendar can subscribe to.  Event ids are the deadlines' keys, so
a calendar that re-reads the feed updates events instead of adding copies.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Final

from graph.coordination import Deadline
from graph.ledger import target_text
from ontology.model import Role

PRODUCT_ID: Final = "-//policygraph//deadlines//ZH"
UID_DOMAIN: Final = "policygraph"


def _description(d: Deadline) -> str:
    lines = []
    if d.task is not None:
        lines.append(f"任务：{d.task.name}")
    if d.target is not None:
        lines.append(f"目标：{target_text(d.target)}")
    if d.written:
        lines.append(f"完成时限：{d.written}")
    lead = "、".join(a.name for a in d.agencies if a.role is Role.LEAD)
    co = "、".join(a.name for a in d.agencies if a.role is Role.CO)
    if lead:
        lines.append(f"牵头：{lead}")
    if co:
        lines.append(f"配合：{co}")
    if d.plan is not None:
        lines.append(f"规划：{d.plan.name}")
    return "\n".join(lines)


def calendar_bytes(name: str, items: Iterable[Deadline], now: datetime | None = None) -> bytes:
    """The feed of ``items`` for the agency called ``name``."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{name} 到期事项")
    stamp = now or datetime.now(UTC)
    for d in items:
        event = Event()
        event.add("uid", f"{d.kind}-{d.key.replace('/', '-')}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", d.due)
        event.add("dtend", d.due + timedelta(days=1))
        prefix = "任务到期" if d.kind == "task" else "目标年份"
        event.add("summary", f"{prefix}：{d.what}")
        event.add("description", _description(d))
        cal.add_component(event)
    return bytes(cal.to_ical())
