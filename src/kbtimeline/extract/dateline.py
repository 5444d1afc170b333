"""The date a document gives itself at its start: a news dateline or a date line.

"WASHINGTON (AP) — March 22, 2013 — The Senate ..." or a first line that is
only a date ("Friday, 22 March 2013") say when the text was written; news is
read relative to that day (``--reference-date auto``). A date further into the
text, or one inside a sentence of the story ("On 8 May 1992 the town fell"),
is not the document's date.
"""

from __future__ import annotations

import re

from kbtimeline.extract.phrases import find_phrases
from kbtimeline.model import Day, month_length

# Where a document's own date may stand: its first lines, before the story gets going.
_HEAD_CHARS, _HEAD_LINES = 400, 4
# A date line is short; a dateline puts the date near the start of its line and a
# dash, an underscore, a colon or the line's end right after it.
_DATE_LINE_CHARS, _DATELINE_START = 60, 60
_AFTER_DATELINE = re.compile(r"\s*(?:[—–_:|]|--?|\(|$)")


def document_date(text: str) -> Day | None:
    """The day a document's dateline or opening date line gives, or None."""
    head = text[:_HEAD_CHARS]
    line_starts = [match.start() for match in re.finditer(r"^[ \t]*\S", head, re.MULTILINE)][:_HEAD_LINES]
    if not line_starts:
        return None
    head_end = head.find("\n", line_starts[-1])
    head = head[: head_end if head_end >= 0 else len(head)]
    for phrase in find_phrases(head):
        if phrase.kind != "date" or phrase.year is None or phrase.month is None or phrase.day is None:
            continue
        if phrase.day > month_length(phrase.year, phrase.month):
            continue
        line_start = head.rfind("\n", 0, phrase.start) + 1
        line_end = head.find("\n", phrase.end)
        line = head[line_start : line_end if line_end >= 0 else len(head)].strip()
        short_line = len(line) <= _DATE_LINE_CHARS
        dateline = phrase.start - line_start <= _DATELINE_START and _AFTER_DATELINE.match(head, phrase.end)
        if short_line or dateline:
            return Day(phrase.year, phrase.month, phrase.day)
    return None


# "JOHANNESBURG, August 7 (Xinhua) --": a place in capitals, a date, the agency, a dash, alone on its line.
_DATELINE_LINE = re.compile(
    r"\s*[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?,\s+"
    r"[^\n()]{3,30}?(?:\s*\([^()\n]{2,30}\))?\s*(?:--?|[—–_:])?\s*"
)


def is_dateline(line: str) -> bool:
    """Whether ``line`` is a news dateline standing alone: it dates the story below it.

    Such a line looks like a heading (short, no closing punctuation) but is the
    date of what the story tells, so its date gives a record."""
    return _DATELINE_LINE.fullmatch(line) is not None
