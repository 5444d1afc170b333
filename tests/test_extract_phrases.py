"""The extractor, phrase by phrase: text in, (span, interval, granularity, modifier) out.

Each row is (text, date phrase, start, end, granularity, modifier, reason). The
date phrase must be found exactly (as ``date_text``) and carry that value.
"""

from __future__ import annotations

import pytest

from kbtimeline.extract import extract_events
from kbtimeline.model import Day

D = "1992 was the year of the war. "  # context that sets the narrative in 1992

# fmt: off
EXPLICIT = [
    ("It began on 20 February 1988.", "20 February 1988", "1988-02-20", "1988-02-20", "day", None, "day month year"),
    ("It began on May 18, 1992.", "May 18, 1992", "1992-05-18", "1992-05-18", "day", None, "month day, year"),
    ("In 1991 it spread. On May 18, [1992] it fell.", "May 18, [1992]", "1992-05-18", "1992-05-18", "day", None,
     "an editor's bracketed year completes the day"),
    ("In 1991 it spread. It fell on May 18 (1992).", "May 18 (1992)", "1992-05-18", "1992-05-18", "day", None,
     "a year in parentheses completes the day"),
    ("In 1991 it spread. On May 18, [1992 it fell.", "May 18", "1991-05-18", "1991-05-18", "day", None,
     "an unclosed bracket is no editor's year"),
    ("It began on 1992-05-18.", "1992-05-18", "1992-05-18", "1992-05-18", "day", None, "ISO"),
    ("It ended on 2005-12-31.", "2005-12-31", "2005-12-31", "2005-12-31", "day", None,
     "ISO day whose month is above its year's last two digits (was read as the years 2005–2012)"),
    ("It began on the 25th of May 1992.", "25th of May 1992", "1992-05-25", "1992-05-25", "day", None, "ordinal of"),
    ("It ended in May 1994.", "May 1994", "1994-05-01", "1994-05-31", "month", None, "month year"),
    ("It ended in February 1992.", "February 1992", "1992-02-01", "1992-02-29", "month", None, "leap February"),
    ("It ended in 1994.", "1994", "1994-01-01", "1994-12-31", "year", None, "bare year"),
    ("Marathon was fought in 490 BC.", "490 BC", "-0489-01-01", "-0489-12-31", "year", None, "BC year"),
    ("Varus fell in AD 9.", "AD 9", "0009-01-01", "0009-12-31", "year", None, "AD year"),
    ("The 990 A.D. war ended.", "990 A.D.", "0990-01-01", "0990-12-31", "year", None,
     "a dotted era after a year with no preposition (crashed: int('990 A.D.'))"),
    ("They fought in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "decade", None, "decade"),
    ("It grew in the late 1980s.", "the late 1980s", "1980-01-01", "1989-12-31", "decade", "late", "late decade"),
    ("It was built in the 20th century.", "the 20th century", "1900-01-01", "1999-12-31", "century", None,
     "numeric century"),
    ("It was built in the twentieth century.", "the twentieth century", "1900-01-01", "1999-12-31", "century",
     None, "spelled century"),
    ("Athens rose in the 5th century BC.", "the 5th century BC", "-0499-01-01", "-0400-12-31", "century", None,
     "BC century"),
    ("Fighting erupted in early 1992.", "early 1992", "1992-01-01", "1992-12-31", "year", "early",
     "modifier keeps the interval"),
    ("Talks resumed in mid-1992.", "mid-1992", "1992-01-01", "1992-12-31", "year", "mid", "mid-"),
    ("It fell in late August 1992.", "late August 1992", "1992-08-01", "1992-08-31", "month", "late", "late month"),
    ("It fell at the end of 1992.", "the end of 1992", "1992-01-01", "1992-12-31", "year", "late", "the end of"),
    ("It grew in the first half of 1992.", "the first half of 1992", "1992-01-01", "1992-06-30", "half", None,
     "half is a real interval"),
    ("Sales fell in the third quarter of 1993.", "the third quarter of 1993", "1993-07-01", "1993-09-30",
     "quarter", None, "quarter"),
    ("Sales fell in Q4 1993.", "Q4 1993", "1993-10-01", "1993-12-31", "quarter", None, "Q notation"),
    ("The siege ended in the spring of 1918.", "the spring of 1918", "1918-03-01", "1918-05-31", "season", None,
     "spring"),
    ("They attacked in winter 1990.", "winter 1990", "1990-12-01", "1991-02-28", "season", None,
     "winter runs into the next year"),
    ("It was cold during the winter of 1991–1992.", "the winter of 1991–1992", "1991-12-01", "1992-02-29",
     "season", None, "winter of two years"),
    ("As before, the 1992–1993 winter was cold.", "the 1992–1993 winter", "1992-12-01", "1993-02-28", "season",
     None, "years before season"),
    ("The army arrived by Christmas 1963.", "Christmas 1963", "1963-12-25", "1963-12-25", "day", "before",
     "holiday, and 'by' is before"),
    ("The ceasefire came after May 1994.", "May 1994", "1994-05-01", "1994-05-31", "month", "after", "after"),
    ("It was founded around 1992.", "1992", "1992-01-01", "1992-12-31", "year", "approx", "around"),
    ("It was founded in 1492.", "1492", "1492-01-01", "1492-12-31", "year", None, "early modern year"),
]
# fmt: on

# fmt: off
RANGES = [
    ("The war lasted from February 1988 to May 1994.", "February 1988 to May 1994", "1988-02-01", "1994-05-31",
     "month", None, "from ... to"),
    ("Shelling went on between October 1991 and April 1992.", "October 1991 and April 1992", "1991-10-01",
     "1992-04-30", "month", None, "between ... and"),
    ("It ran from 2005-12-31 to 2006-01-02.", "2005-12-31 to 2006-01-02", "2005-12-31", "2006-01-02", "day", None,
     "ISO day to ISO day"),
    ("It happened on 18–20 May 2010.", "18–20 May 2010", "2010-05-18", "2010-05-20", "day", None, "day range"),
    ("Operation Ring ran in April–May 1991.", "April–May 1991", "1991-04-01", "1991-05-31", "month", None,
     "month range"),
    ("The famine of 1991–1992 was severe.", "1991–1992", "1991-01-01", "1992-12-31", "year", None, "year range"),
    ("The 1992–94 war was long.", "1992–94", "1992-01-01", "1994-12-31", "year", None, "short year range"),
    ("He served for five years (1992-1997).", "1992-1997", "1992-01-01", "1997-12-31", "year", None,
     "hyphen range inside brackets"),
    ("Talks ran 25 February to 3 March 1992.", "25 February to 3 March 1992", "1992-02-25", "1992-03-03", "day",
     None, "day range across months"),
    ("Talks ran March 5-9, 1918.", "March 5-9, 1918", "1918-03-05", "1918-03-09", "day", None,
     "month day-day, year"),
    ("The Persians came in 480–479 BC.", "480–479 BC", "-0479-01-01", "-0478-12-31", "year", None,
     "era covers both ends"),
    ("Throughout 1915-17, the British fought.", "1915-17", "1915-01-01", "1917-12-31", "year", None,
     "short year range before a comma"),
    ("Carthage fell in 146 B.C", "146 B.C", "-0145-01-01", "-0145-12-31", "year", None, "B.C without its last dot"),
    ("It lasted July until August 2014.", "July until August 2014", "2014-07-01", "2014-08-31", "month", None,
     "until"),
]
# fmt: on

# fmt: off
IN_CONTEXT = [
    (D + "On 8 May the town fell.", "8 May", "1992-05-08", "1992-05-08", "day", None, "year from context"),
    ("In 1992 the army spent the winter of that year in the hills.", "the winter of that year", "1992-12-01",
     "1993-02-28", "season", None, "a season of the story's year, named by 'that year'"),
    ("In 1992 it rained. They waited through the winter of the following year.", "the winter of the following year",
     "1993-12-01", "1994-02-28", "season", None, "a season of the year after the story's"),
    (D + "In late February the town fell.", "late February", "1992-02-01", "1992-02-29", "month", "late",
     "late month in context"),
    (D + "The siege lasted 25–26 February.", "25–26 February", "1992-02-25", "1992-02-26", "day", None,
     "range in context"),
    ("It began on 4 July 1921. A day later it was over.", "A day later", "1921-07-05", "1921-07-05", "day", None,
     "a day later"),
    ("It began on 28 March 1992. The next day it was over.", "The next day", "1992-03-29", "1992-03-29", "day",
     None, "the next day"),
    ("It began on 31 December 1991. The following day it was over.", "The following day", "1992-01-01",
     "1992-01-01", "day", None, "next day crosses the year"),
    ("The riots were in 1963. The same year saw clashes.", "The same year", "1963-01-01", "1963-12-31", "year",
     None, "the same year"),
    ("After losses in 1992, aid came in the following year.", "the following year", "1993-01-01", "1993-12-31",
     "year", None, "the following year"),
    ("By January 1993 villages held since the previous year fell.", "the previous year", "1992-01-01",
     "1992-12-31", "year", None, "the previous year"),
    ("In 1991 troops sent three years earlier left.", "three years earlier", "1988-01-01", "1988-12-31", "year",
     None, "N years earlier"),
    ("Shusha fell in May 1992. In June of that year Elchibey won.", "June of that year", "1992-06-01",
     "1992-06-30", "month", None, "month of that year"),
    ("The agreement of 5 May 1994 took effect at 12:01 AM on 12 May.", "12:01 AM on 12 May", "1994-05-12",
     "1994-05-12", "day", None, "clock time on a day"),
    ("In late 1991 it began. On 19 December troops left.", "19 December", "1991-12-19", "1991-12-19", "day", None,
     "partial date after late year"),
    ("It began on 27 December 1991. On 6 January troops left.", "6 January", "1992-01-06", "1992-01-06", "day",
     None, "narrative moves into the next year"),
    ("As in 1991–1992, the 1992–1993 winter was cold. In December grain arrived.", "December", "1992-12-01",
     "1992-12-31", "month", None, "the December inside the winter just named"),
    ("Aid arrived in February 1993. By December, food was enough.", "December", "1992-12-01", "1992-12-31",
     "month", "before", "a month far ahead means the one just behind"),
    ("Offensives began on 10 January 1994. The two offensives in the winter cost lives.", "the winter",
     "1993-12-01", "1994-02-28", "season", None, "the winter around January"),
    ("Aliyev won in October 1993. The winter was hard. Resolutions passed in October and November.", "November",
     "1993-11-01", "1993-11-30", "month", None, "not pulled into the next year by 'the winter'"),
    ("Both sides spent the spring and early summer of 1943 preparing.", "the spring", "1943-03-01", "1943-05-31",
     "season", None, "coordinated phrases share a year"),
    ("Attacks came in April and June 1955.", "April", "1955-04-01", "1955-04-30", "month", None,
     "coordinated months share a year"),
    ("The war began in 1950. Later in the year it ended.", "Later in the year", "1950-01-01", "1950-12-31", "year",
     "late", "later in the year"),
    ("It began on 10 March 1975, before a campaign planned for 1976. Hue fell on 11 March.", "11 March",
     "1975-03-11", "1975-03-11", "day", None, "a year in passing does not move the story"),
    ("It began on 27 September 2020. Azerbaijan mobilised the day after.", "the day after", "2020-09-28",
     "2020-09-28", "day", None, "the day after"),
]
# fmt: on


def _find(text: str, phrase: str, reference_date: Day | None = None) -> dict:
    events = [event.to_dict() for event in extract_events(text, "t", reference_date)]
    matching = [event for event in events if event["date_text"] == phrase]
    assert matching, f"{phrase!r} not found; found {[event['date_text'] for event in events]}"
    return matching[0]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end", "granularity", "modifier", "reason"),
    EXPLICIT + RANGES + IN_CONTEXT,
    ids=[row[-1] for row in EXPLICIT + RANGES + IN_CONTEXT],
)
def test_phrase_value(text, phrase, start, end, granularity, modifier, reason):
    event = _find(text, phrase)
    assert (event["start"], event["end"], event["granularity"], event["modifier"]) == (
        start, end, granularity, modifier,
    )  # fmt: skip


def test_rows_are_unique():
    rows = [(row[0], row[1]) for row in EXPLICIT + RANGES + IN_CONTEXT]
    assert len(rows) == len(set(rows))


@pytest.mark.parametrize(
    ("text", "phrase", "time"),
    [
        ("Peace came on 5 May 1994, at 12:01 AM on 12 May.", "12:01 AM on 12 May", "00:01"),
        ("In 1993 they advanced. At 2:45 pm, on 2 April, troops moved.", "2:45 pm, on 2 April", "14:45"),
        ("They met on 3 June 1944. At 5 a.m. on 4 June they sailed.", "5 a.m. on 4 June", "05:00"),
    ],
)
def test_clock_time_is_kept_with_its_day(text, phrase, time):
    assert _find(text, phrase)["time"] == time


def test_range_has_both_parts():
    event = _find("It happened on 25–26 February 1992.", "25–26 February 1992")
    assert event["parts"] == [
        {"date_span": [15, 17], "start": "1992-02-25", "end": "1992-02-25"},
        {"date_span": [18, 34], "start": "1992-02-26", "end": "1992-02-26"},
    ]


# fmt: off
DEICTIC = [
    ("Prices rose last year.", "last year", "2025-01-01", "2025-12-31", "year"),
    ("The minister resigned yesterday.", "yesterday", "2026-11-24", "2026-11-24", "day"),
    ("The talks end next month.", "next month", "2026-12-01", "2026-12-31", "month"),
    ("The treaty was signed two years ago.", "two years ago", "2024-01-01", "2024-12-31", "year"),
]
# fmt: on


@pytest.mark.parametrize(("text", "phrase", "start", "end", "granularity"), DEICTIC)
def test_time_of_writing_resolves_against_reference_date(text, phrase, start, end, granularity):
    event = _find(text, phrase, reference_date=Day(2026, 11, 25))
    assert (event["start"], event["end"], event["granularity"]) == (start, end, granularity)


@pytest.mark.parametrize("text", [row[0] for row in DEICTIC])
def test_time_of_writing_is_left_out_without_reference_date(text):
    assert extract_events(text) == []


# fmt: off
NOT_DATES = [
    ("Some 1,500 soldiers were killed.", "a count with a thousands separator"),
    ("It cost 5,000 rubles.", "money"),
    ("The area is 7,709 km2.", "an area"),
    ("Resolution 1416 was adopted.", "a resolution number"),
    ("Resolution 62/243 was adopted.", "a resolution with a slash"),
    ("See No. 10/11 of the decree.", "a document number"),
    ("The 366th regiment was there.", "an ordinal regiment"),
    ("An Su-25 and two T-72s were lost.", "equipment names"),
    ("He fought for six years.", "a duration"),
    ("Men aged 18–40 were drafted.", "an age range"),
    ("They lost 1500 soldiers.", "a bare count before a counted noun"),
    ("A 99.89% majority voted.", "a percentage"),
    ("ISBN 9781136851896 was cited.", "an ISBN"),
    ("Historians to this day debate it.", "'to this day' is vague"),
    ("Years later they returned.", "vague relative"),
    ("You may go now.", "'may' is not May, 'now' needs a reference date"),
    ("He will march on the capital.", "'march' is not March"),
    ("The fall of Shusha shocked Baku.", "'the fall of' is not autumn"),
    ("They held a summer camp.", "a season used as an adjective"),
    ("The T-1990 and the 1990-series are trains.", "model numbers"),
    ("", "empty text"),
]
# fmt: on


@pytest.mark.parametrize(("text", "reason"), NOT_DATES, ids=[row[1] for row in NOT_DATES])
def test_not_a_date(text, reason):
    assert [event.date_text for event in extract_events(text)] == []


# fmt: off
CITATIONS = [
    'Smith, John (19 July 1993). "A Title". The Times. Retrieved 7 December 2008.',
    "Archived from the original on 3 February 2009.",
    "de Waal 2003, p. 316.",
    "Croissant 1998.",
    "Taubman, William (2017). Gorbachev: His Life and Times. New York: W. W. Norton & Company. ISBN 9780393647013.",
]
# fmt: on


@pytest.mark.parametrize("citation", CITATIONS)
def test_citation_metadata_gives_no_events(citation):
    text = "The war began in 1988 and ended in 1994. " + citation
    assert [event.date_text for event in extract_events(text)] == ["1988", "1994"]
