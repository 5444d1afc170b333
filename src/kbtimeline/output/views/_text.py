"""Styled text fitted to a width: the shared ground of every view.

A view builds each line as a list of segments, ``(text, style)``, and hands it
to ``finish``. Measuring plain text before any colour code is added is what
keeps a line within its width whether or not it is painted; finishing every
line in one place is what makes that a guarantee rather than a habit.

One character is taken to be one terminal column (no wcwidth): titles may hold
non-ASCII letters, which are one column, and control characters, which are
removed by ``clean`` so that a title can neither break a line nor inject an
escape sequence.
"""

from __future__ import annotations

from collections.abc import Sequence

from kbtimeline.errors import UsageError
from kbtimeline.model import MONTH_NAMES, year_label

Segment = tuple[str, str]

# Style name -> ANSI SGR parameters. Few styles, so that colour stays a hint.
_SGR = {
    "": "",
    "label": "1",
    "mark": "36",
    "bar": "36",
    "quiet": "2",
    "id": "2",
}

MONTH_ABBR = tuple(name[:3] for name in MONTH_NAMES)

# Narrower than this, not even a date and a mark fit beside the gutter.
MIN_WIDTH = 20

# Runs of this many empty years (buckets) or more are folded into one line.
FOLD_EMPTY = 2

EN_DASH = "\N{EN DASH}"
UNICODE_ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
ASCII_ELLIPSIS = "..."


def ellipsis_for(ascii: bool) -> str:
    return ASCII_ELLIPSIS if ascii else UNICODE_ELLIPSIS


def dash_for(ascii: bool) -> str:
    """The dash between the ends of a range: an en dash, or a hyphen for ASCII."""
    return "-" if ascii else EN_DASH


def check_width(width: int) -> None:
    """Refuse a width no view can be drawn in, as a user error rather than garbled lines.

    The one check of ``--width``: the CLI calls it before drawing anything.
    """
    if width < MIN_WIDTH:
        raise UsageError(f"--width must be at least {MIN_WIDTH} columns, not {width}")


def clean(text: str) -> str:
    """One line of printable text: whitespace runs become one space, controls go."""
    return "".join(char for char in " ".join(text.split()) if char.isprintable())


def fit(segments: Sequence[Segment], width: int, ellipsis: str) -> list[Segment]:
    """Cut styled text to at most ``width`` columns, marking any cut with the ellipsis."""
    if sum(len(text) for text, _ in segments) <= width:
        return list(segments)
    if width <= len(ellipsis):
        return [(ellipsis[: max(width, 0)], "")]
    room = width - len(ellipsis)
    kept: list[Segment] = []
    for text, style in segments:
        if len(text) >= room:
            kept.append((text[:room].rstrip() + ellipsis, style))
            break
        kept.append((text, style))
        room -= len(text)
    return kept


def finish(segments: Sequence[Segment], width: int, ellipsis: str, color: bool) -> str:
    """The printable line: fitted to the width, without trailing blanks, painted if asked."""
    kept = fit(segments, width, ellipsis)
    while kept and not kept[-1][0].strip():
        kept.pop()
    if kept:
        kept[-1] = (kept[-1][0].rstrip(), kept[-1][1])
    return "".join(_paint(text, style, color) for text, style in kept)


def _paint(text: str, style: str, color: bool) -> str:
    code = _SGR[style]
    return f"\x1b[{code}m{text}\x1b[0m" if color and code and text else text


def month_label(year: int, month: int) -> str:
    return f"{MONTH_ABBR[month - 1]} {year_label(year)}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
