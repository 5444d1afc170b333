"""Events as one self-contained HTML page: a zoomable, searchable timeline.

The page must open from a file, offline, years from now, so nothing is
fetched: the stylesheet and script (``timeline.css``, ``timeline.js``, kept
beside this module as package data) are inlined into ``template.html``.

Text from the source is untrusted: a sentence may quote ``</script>``. It
reaches the page by one road only, as JSON in a ``<script
type="application/json">`` element, where ``<``, ``>``, ``&`` and U+2028/9
are written as ``\\u`` escapes so that no sequence in the data can close the
element or open a comment; the script reads it with ``JSON.parse`` and
writes it into the page with ``textContent`` only. The page title, the one
piece of text in the markup itself, is HTML-escaped. As a second line of
defence a Content-Security-Policy allows no network and no script or style
but the page's own, pinned by hash: even an injected ``<script>`` would not run.

The browser does no date arithmetic on the data. Each record is the event's
``to_dict()`` (so the page also carries the data in kbtimeline's public
schema) plus a ``view`` object computed here, where BC years and calendar
rules are already handled: the interval as day numbers on one axis, whether
it is a point, and where the date phrase sits in the sentence in the
UTF-16 units JavaScript strings count in.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Sequence
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from kbtimeline.model import GRANULARITIES, Day, Event
from kbtimeline.output.export.timelinejs import parse_time
from kbtimeline.query import focus

# Characters that could end the data's <script> element, start a comment in it,
# or (U+2028/9) end a line in older JavaScript parsers.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def view_fields(event: Event) -> dict[str, Any]:
    """Where the page draws ``event``: day numbers (days since 1970-01-01) on the axis.

    An interval runs from the start of its first day to the end of its last
    (``to`` is exclusive), so a year is 365 or 366 days wide; early, mid and late
    events span the third they are about (``query.focus``). A single day is
    a point: at its time of day when the statement gives one, else at noon.
    ``mark`` is the date phrase's place in the sentence, or None when the
    phrase lies outside it (hand-edited data).
    """
    point = event.granularity == "day" and event.start == event.end
    start, end = focus(event)
    first = start.number()
    if point:
        clock = parse_time(event.time)
        at = first + (clock[0] * 60 + clock[1]) / 1440 if clock else first + 0.5
        low, high = at, at
    else:
        low, high = first, end.number() + 1
    return {"from": low, "to": high, "point": point, "mark": _mark(event)}


Window = tuple[Day | None, Day | None]


def page_data(events: Sequence[Event], window: Window = (None, None)) -> dict[str, Any]:
    """Everything the page's script reads: the granularities in order, the events, and the window.

    ``window`` is the period the export was asked for, as day numbers (``to``
    exclusive, None on an open side): the page opens on it.
    """
    start, end = window
    return {
        "granularities": list(GRANULARITIES),
        "events": [event.to_dict() | {"view": view_fields(event)} for event in events],
        "window": {
            "from": None if start is None else start.number(),
            "to": None if end is None else end.number() + 1,
        },
    }


def script_json(value: Any) -> str:
    """``value`` as JSON that is safe as the text of a ``<script>`` element and still parses.

    A lone surrogate (JSON allows ``"\\ud800"``, so an events file may hold
    one) stays a ``\\u`` escape too: raw, it could not be written as UTF-8.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "".join(_SCRIPT_UNSAFE.get(char) or _surrogate_escape(char) for char in text)


def render_html(events: Sequence[Event], title: str, window: Window = (None, None)) -> str:
    """The complete page for ``events``, titled ``title``, opening on ``window``: a string to write to a file."""
    css, js = _asset("timeline.css"), _asset("timeline.js")
    values = {
        "title": escape(title),
        "csp": f"default-src 'none'; style-src {_digest(css)}; script-src {_digest(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'",
        "css": css,
        "js": js,
        "data": script_json(page_data(events, window)),
    }
    # One pass: text put in for one placeholder is never read for another.
    return _PLACEHOLDER.sub(lambda match: values[match[1]], _asset("template.html"))


def _surrogate_escape(char: str) -> str:
    return f"\\u{ord(char):04x}" if "\ud800" <= char <= "\udfff" else char


def _mark(event: Event) -> list[int] | None:
    start = event.date_span[0] - event.span[0]
    end = event.date_span[1] - event.span[0]
    if not 0 <= start <= end <= len(event.text):
        return None
    return [_utf16_length(event.text[:start]), _utf16_length(event.text[:end])]


def _utf16_length(text: str) -> int:
    """Length in UTF-16 code units: what JavaScript's ``String.length`` counts."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _digest(text: str) -> str:
    """A CSP source expression that allows exactly this inline script or style."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


@cache
def _asset(name: str) -> str:
    return files("kbtimeline.output.export").joinpath(name).read_text(encoding="utf-8")
