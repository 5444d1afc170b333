"""Human labels: the date label of an interval and the short title of a sentence."""

from __future__ import annotations

import pytest

from kbtimeline.extract.labels import make_title, when_label
from kbtimeline.model import Day

WHEN = [
    (Day(1992, 5, 8), Day(1992, 5, 8), "day", None, None, "8 May 1992", "a day"),
    (Day(1992, 5, 1), Day(1992, 5, 31), "month", None, None, "May 1992", "a month"),
    (Day(1993, 1, 1), Day(1993, 12, 31), "year", "early", None, "early 1993", "modifier first"),
    (Day(1992, 1, 1), Day(1992, 12, 31), "year", "mid", None, "mid-1992", "mid- joins"),
    (Day(1992, 12, 1), Day(1993, 2, 28), "season", None, None, "winter 1992–1993", "winter spans years"),
    (Day(1918, 3, 1), Day(1918, 5, 31), "season", None, None, "spring 1918", "spring"),
    (Day(1992, 2, 25), Day(1992, 2, 26), "day", None, None, "25–26 February 1992", "day range"),
    (Day(1988, 2, 1), Day(1994, 5, 31), "month", None, None, "February 1988 – May 1994", "month range"),
    (Day(1992, 1, 1), Day(1997, 12, 31), "year", None, None, "1992–1997", "year range"),
    (Day(1990, 1, 1), Day(1999, 12, 31), "decade", None, None, "1990s", "decade"),
    (Day(1900, 1, 1), Day(1999, 12, 31), "century", None, None, "20th century", "century"),
    (Day(-499, 1, 1), Day(-400, 12, 31), "century", None, None, "5th century BC", "BC century"),
    (Day(-489, 1, 1), Day(-489, 12, 31), "year", None, None, "490 BC", "BC year"),
    (Day(1992, 1, 1), Day(1992, 6, 30), "half", None, None, "H1 1992", "half"),
    (Day(1994, 5, 12), Day(1994, 5, 12), "day", None, "00:01", "12 May 1994, 00:01", "time"),
    (Day(1993, 4, 3), Day(1993, 4, 3), "day", "before", None, "before 3 April 1993", "before"),
]


@pytest.mark.parametrize(("start", "end", "granularity", "modifier", "time", "label", "reason"), WHEN,
                         ids=[row[-1] for row in WHEN])
def test_when_label(start, end, granularity, modifier, time, label, reason):
    assert when_label(start, end, granularity, modifier, time) == label


TITLES = [
    ("On 2 January 1992 Ayaz Mutalibov assumed the presidency of Azerbaijan.", "2 January 1992",
     "Ayaz Mutalibov assumed the presidency of Azerbaijan", "date and its preposition removed"),
    ("In early 1993, Armenian forces captured seven districts.", "early 1993",
     "Armenian forces captured seven districts", "leading date and comma removed"),
    ("As winter approached, both sides abstained from offensives.", "winter",
     "As winter approached, both sides abstained from offensives", "a date that is part of the wording stays"),
    ("The war, which began in 1988, ended; a ceasefire was signed in May 1994.", "May 1994",
     "A ceasefire was signed", "the clause holding the date"),
    ("In 1991 a very long sentence went on and on about many things that happened in many places "
     "for many reasons.", "1991",
     "A very long sentence went on and on about many things that happened in…", "at most 14 words"),
]


@pytest.mark.parametrize(("sentence", "phrase", "title", "reason"), TITLES, ids=[row[-1] for row in TITLES])
def test_title(sentence, phrase, title, reason):
    start = sentence.index(phrase)
    assert make_title(sentence, start, start + len(phrase)) == title


# (text, the date phrase whose event is checked, its title, reason): through the extractor,
# which tells make_title where the sentence's other dates are
TITLES_WITH_OTHER_DATES = [
    ("On 5 May 1994, with Russia as mediator, the parties agreed to a ceasefire that began on 12 May.",
     "12 May", "With Russia as mediator, the parties agreed to a ceasefire that began", "another date opens it"),
    ("On 19 December, troops began to withdraw from the region, completing it by 1992.",
     "1992", "Troops began to withdraw from the region, completing it", "the opening date goes, with its comma"),
    ("In 1994, a ceasefire ended the war that began in 1988.",
     "1988", "A ceasefire ended the war that began", "a year as the setting"),
    ("Fighting that began in 1988 ended on 12 May 1994, with a ceasefire.",
     "1988", "Fighting that began ended on 12 May 1994, with a ceasefire", "another date inside the clause stays"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "phrase", "title", "reason"), TITLES_WITH_OTHER_DATES, ids=[row[-1] for row in TITLES_WITH_OTHER_DATES]
)
def test_title_leaves_out_another_opening_date(text, phrase, title, reason):
    from kbtimeline.extract import extract_events

    (event,) = [event for event in extract_events(text) if event.date_text == phrase]
    assert event.title == title
