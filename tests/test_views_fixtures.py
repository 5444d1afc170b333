"""Events for the view tests, built by hand: the views must not wait on extraction.

Ids are derived from the label and title, so they stay the same from run to
run and the exact-output tables can name them.
"""

from __future__ import annotations

import zlib

from kbtimeline.model import Event, event_id, parse_day

SOURCE = "first-nagorno-karabakh-war"


def event(
    start: str,
    end: str,
    granularity: str,
    when: str,
    title: str,
    *,
    source: str = SOURCE,
) -> Event:
    """An event as extraction would write it, with only the fields views read made up."""
    offset = zlib.crc32(f"{when}\0{title}".encode()) % 100_000
    span = (offset, offset + len(when))
    return Event(
        id=event_id(source, span),
        source=source,
        start=parse_day(start),
        end=parse_day(end),
        granularity=granularity,
        modifier=None,
        time=None,
        when=when,
        date_text=when,
        date_span=span,
        text=title,
        span=span,
        title=title,
    )


WAR = [
    event(
        "1918-05-01",
        "1918-05-31",
        "month",
        "May 1918",
        "Armenia, Azerbaijan and Georgia declare independence",
    ),
    event(
        "1920-04-01",
        "1920-04-30",
        "month",
        "April 1920",
        "Shusha partly destroyed by Azerbaijani forces",
    ),
    event("1923-01-01", "1923-12-31", "year", "1923", "Nagorno-Karabakh Autonomous Oblast created"),
    event("1936-01-01", "1936-12-31", "year", "1936", "Aghasi Khanjian murdered"),
    event(
        "1965-01-01",
        "1965-12-31",
        "year",
        "1965",
        "Demonstrations in Yerevan to unify Karabakh with Armenia",
    ),
    event(
        "1988-02-01",
        "1994-05-31",
        "month",
        "February 1988 to May 1994",
        "The First Nagorno-Karabakh War",
    ),
    event(
        "1988-02-20",
        "1988-02-20",
        "day",
        "20 February 1988",
        "NKAO parliament votes to unite the region with Armenia",
    ),
    event("1988-01-01", "1988-12-31", "year", "1988", "Sumgait pogrom"),
    event(
        "1990-08-23",
        "1990-08-23",
        "day",
        "23 August 1990",
        "Armenia declares independence from the Soviet Union",
    ),
    event("1991-12-31", "1991-12-31", "day", "31 December 1991", "The Soviet Union ceases to exist"),
    event(
        "1992-01-01",
        "1992-01-31",
        "month",
        "January 1992",
        "CIS forces set up headquarters at Stepanakert",
    ),
    event(
        "1992-06-16",
        "1992-06-16",
        "day",
        "16 June 1992",
        "Abulfaz Elchibey elected leader of Azerbaijan",
    ),
    event(
        "1993-10-01",
        "1993-10-31",
        "month",
        "October 1993",
        "Aliyev formally elected president of Azerbaijan",
    ),
    event("1994-05-01", "1994-05-31", "month", "May 1994", "Russian-brokered ceasefire signed"),
    event(
        "1998-01-01",
        "2005-12-31",
        "year",
        "1998 to 2005",
        "Julfa cemetery destroyed after a halt when first revealed",
    ),
    event("1998-03-30", "1998-03-30", "day", "30 March 1998", "Robert Kocharyan elected president"),
    event(
        "2014-07-01",
        "2014-08-31",
        "month",
        "July\N{EN DASH}August 2014",
        "Ceasefire breaches escalate tensions again",
    ),
    event(
        "2020-09-27",
        "2020-09-27",
        "day",
        "27 September 2020",
        "The second war begins along the Line of Contact",
    ),
]

# Before year 1000 and BC (astronomical years: 490 BC is year -489).
ANCIENT = [
    event("-0489-09-12", "-0489-09-12", "day", "12 September 490 BC", "Battle of Marathon"),
    event("-0479-01-01", "-0479-12-31", "year", "480 BC", "Battle of Thermopylae"),
    event("-0322-06-11", "-0322-06-11", "day", "11 June 323 BC", "Ἀλέξανδρος dies in Babylon"),
    event("-0026-01-16", "0014-08-19", "day", "27 BC to AD 14", "Augustus rules as emperor"),
    event("0079-08-24", "0079-08-24", "day", "24 August AD 79", "Vesuvius buries Pompeii"),
    event("0800-12-25", "0800-12-25", "day", "25 December 800", "Charlemagne crowned emperor"),
]

# Intervals that overlap three deep, and one that can reuse a freed lane.
OVERLAP = [
    event("1900-01-01", "1950-12-31", "year", "1900 to 1950", "First long interval"),
    event("1910-01-01", "1920-12-31", "year", "1910 to 1920", "Second interval"),
    event("1912-01-01", "1915-12-31", "year", "1912 to 1915", "Third interval"),
    event("1913-05-01", "1913-05-31", "month", "May 1913", "A point inside all three"),
    event("1925-01-01", "1930-12-31", "year", "1925 to 1930", "Fourth, in a freed lane"),
]
