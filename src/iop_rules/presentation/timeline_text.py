"""The status changes of a span of days as a person reads them, and as JSON."""

from __future__ import annotations

import datetime as dt

from .._json import dumps
from ..catalogue import msg, render
from ..timeline import StatusChange
from .labels import status_label


def render_timeline_text(changes: tuple[StatusChange, ...], start: dt.date, end: dt.date, lang: str) -> str:
    """The changes as a person reads them: one line per change, by day."""
    lines = [render(msg("timeline.title", start=start, end=end, count=len(changes)), lang)]
    for change in changes:
        before, after = status_label(change.from_status, lang), status_label(change.to_status, lang)
        lines.append(f"  {change.date.isoformat()}  {change.finding_id}: {before} → {after}")
    return "\n".join(lines) + "\n"


def render_timeline_json(changes: tuple[StatusChange, ...], start: dt.date, end: dt.date) -> str:
    """The changes as JSON: keys sorted, stable for the same input."""
    data = {"from": start.isoformat(), "to": end.isoformat(), "changes": [c.as_dict() for c in changes]}
    return dumps(data)
