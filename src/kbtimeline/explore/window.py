"""The visible stretch of time: a centre day and a zoom level, and the calendar ticks across it.

Plain arithmetic on day numbers (``Day.number``), no widgets: the axis draws
what this computes, and the tests check it without a screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from kbtimeline.explore.data import Day

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


class Level(NamedTuple):
    """A zoom level: named by the unit its ticks mark, and how many days the window spans."""

    name: str
    span: int


# Coarse to fine; each window holds about ten of its ticks (a month holds four or five weeks).
LEVELS = (
    Level("centuries", 365_243),
    Level("decades", 36_525),
    Level("years", 3_653),
    Level("months", 366),
    Level("days", 31),
)


class Window(NamedTuple):
    """``LEVELS[level].span`` days around ``centre`` (a day number)."""

    centre: int
    level: int

    @property
    def span(self) -> int:
        return LEVELS[self.level].span

    @property
    def name(self) -> str:
        return LEVELS[self.level].name

    @property
    def start(self) -> int:
        return self.centre - self.span // 2

    @property
    def end(self) -> int:
        """The last day shown (inclusive)."""
        return self.start + self.span - 1

    def zoom(self, steps: int) -> Window:
        """Finer by ``steps`` levels (coarser when negative), around the same centre."""
        return self._replace(level=min(max(self.level + steps, 0), len(LEVELS) - 1))

    def pan(self, fraction: float) -> Window:
        """Moved by ``fraction`` of its span (negative: back in time)."""
        return self._replace(centre=self.centre + round(self.span * fraction))

    def at(self, day: int) -> Window:
        return self._replace(centre=day)

    def column(self, day: int, width: int) -> int:
        """The column (0 .. width - 1, or outside when the day is) where ``day`` is drawn."""
        return (day - self.start) * width // self.span

    def day_at(self, column: int, width: int) -> int:
        """The first day drawn in ``column``."""
        return self.start - (-column * self.span // width)

    def edges(self, width: int) -> list[int]:
        """Bucket edges, one bucket per column: days [edges[i], edges[i + 1]) are drawn in column i."""
        return [self.day_at(column, width) for column in range(width + 1)]

    def ticks(self) -> Iterator[tuple[int, str]]:
        """(day number, label) of each tick inside the window, by the unit of the level."""
        first, last = Day.from_number(self.start), Day.from_number(self.end)
        if self.name in ("centuries", "decades", "years"):
            step = {"centuries": 100, "decades": 10, "years": 1}[self.name]
            for year in range(-(-first.year // step) * step, last.year + 1, step):
                if (day := Day(year, 1, 1).number()) >= self.start:
                    yield day, year_label(year)
        elif self.name == "months":
            year, month = first.year, first.month
            while (day := Day(year, month, 1).number()) <= self.end:
                if day >= self.start:
                    yield day, year_label(year) if month == 1 else MONTHS[month - 1]
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        else:
            for number in range(self.start, self.end + 1):
                date = Day.from_number(number)
                if date.day == 1:
                    yield number, f"1 {MONTHS[date.month - 1]}"
                elif date.day in (8, 15, 22, 29):
                    yield number, str(date.day)

    def label(self) -> str:
        """The window's first and last days, as a person writes them."""
        return f"{day_label(self.start)} – {day_label(self.end)}"


def fit(first: int, last: int, margin: float = 1.02) -> Window:
    """The finest window that shows days ``first`` to ``last``, with a margin, centred on them."""
    needed = (last - first + 1) * margin
    level = max((i for i, level in enumerate(LEVELS) if level.span >= needed), default=0)
    return Window((first + last) // 2, level)


def year_label(year: int) -> str:
    """Astronomical ``year`` as written: 1992, 490 BC (year -489)."""
    return str(year) if year > 0 else f"{1 - year} BC"


def day_label(number: int) -> str:
    day = Day.from_number(number)
    return f"{day.day} {MONTHS[day.month - 1]} {year_label(day.year)}"
