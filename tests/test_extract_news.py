"""News: dates read from the document date as a careful reader of news reads them.

Each row is (text, date phrase, reference date, tense of the sentence, start,
end, granularity, reason). The tense column says what the sentence's tense is,
for the reader of the table: it is the extractor's job to see it.
"""

from __future__ import annotations

import pytest

from kbtimeline.extract import extract_events
from kbtimeline.extract.tense import tense_of
from kbtimeline.model import Day

FRI = Day(1998, 2, 13)  # a Friday
MAR13 = Day(2013, 3, 22)  # a Friday in March 2013


def _find(text: str, phrase: str, reference: Day | None = None) -> dict:
    """The event of ``phrase`` in ``text`` (read with ``reference`` as the document date)."""
    events = [event.to_dict() for event in extract_events(text, "t", reference)]
    matching = [event for event in events if event["date_text"] == phrase]
    assert matching, f"{phrase!r} not found; found {[event['date_text'] for event in events]}"
    return matching[0]


NEWS = [
    ("Arafat said Friday that the talks had failed.", "Friday", FRI, "past", "1998-02-13", "1998-02-13", "day",
     "said Friday: the document's own day"),
    ("The vote was held on Thursday.", "Thursday", FRI, "past", "1998-02-12", "1998-02-12", "day",
     "past: the last Thursday"),
    ("The vote will be held on Thursday.", "Thursday", FRI, "future", "1998-02-19", "1998-02-19", "day",
     "future: the next Thursday"),
    ("On Monday, the minister resigned.", "Monday", FRI, "past", "1998-02-09", "1998-02-09", "day",
     "On Monday opening a sentence"),
    ("Rebels attacked Friday afternoon.", "Friday afternoon", FRI, "past", "1998-02-13", "1998-02-13", "day",
     "a weekday with a part of day"),
    ("The deadline passed at 15:00 GMT Saturday.", "15:00 GMT Saturday", Day(1998, 2, 16), "past", "1998-02-14",
     "1998-02-14", "day", "a clock time with a zone before a weekday"),
    ("He arrived last Tuesday.", "last Tuesday", FRI, "past", "1998-02-10", "1998-02-10", "day", "last Tuesday"),
    ("Talks resume next Tuesday.", "next Tuesday", FRI, None, "1998-02-17", "1998-02-17", "day", "next Tuesday"),
    ("The game is on Saturday, April 25.", "Saturday, April 25", Day(1998, 4, 24), None, "1998-04-25",
     "1998-04-25", "day", "weekday and date: the date says"),
    ("The talks ended in October.", "October", MAR13, "past", "2012-10-01", "2012-10-31", "month",
     "past tense: the last October"),
    ("The talks will resume in October.", "October", MAR13, "future", "2013-10-01", "2013-10-31", "month",
     "future tense: the next October"),
    ("The offer had been set to expire Nov. 6.", "Nov. 6", Day(1989, 11, 2), None, "1989-11-06", "1989-11-06",
     "day", "a plan seen from after it: the nearest one, a deadline just ahead"),
    ("It had been due to expire Friday evening.", "Friday evening", Day(1989, 10, 30), None, "1989-10-27",
     "1989-10-27", "day", "'had been due': either side, the nearest Friday"),
    ("The king set Friday as the deadline.", "Friday", Day(2000, 1, 15), "past", "2000-01-14", "2000-01-14", "day",
     "'set' alone is past; only 'set to' and 'set for' point ahead"),
    ("The index fell from its record set on Aug. 6.", "Aug. 6", Day(1998, 2, 6), "past", "1997-08-06",
     "1997-08-06", "day", "a record set on a day: past, the last Aug. 6"),
    ("The reduced dividend is payable Jan. 2.", "Jan. 2", Day(1989, 11, 2), "future", "1990-01-02", "1990-01-02",
     "day", "a participle after 'the' is an adjective; 'payable' points ahead"),
    ("Mr. Schwarz will succeed Daniel P. Davison Feb. 1.", "Feb. 1", Day(1989, 10, 26), "future", "1990-02-01",
     "1990-02-01", "day", "'succeed' is no past tense, and 'P.' ends no clause"),
    ("They have searched since the Oct. 23 slaying.", "Oct. 23", Day(1999, 5, 6), "past", "1998-10-23",
     "1998-10-23", "day", "since: the last Oct. 23"),
    ("The ground war began as previously planned Saturday night.", "Saturday night", Day(1991, 2, 25), "past",
     "1991-02-23", "1991-02-23", "day", "'planned' is a past tense"),
    ("The bomb exploded next to the embassy in Nairobi Friday morning.", "Friday morning", Day(1998, 8, 8), "past",
     "1998-08-07", "1998-08-07", "day", "'next to' is a place, not the future"),
    ("The group might come to the U.S. as soon as Tuesday.", "Tuesday", Day(2000, 4, 3), "future", "2000-04-04",
     "2000-04-04", "day", "as soon as: ahead"),
    ("The team planned to leave Nairobi on Thursday.", "Thursday", Day(1998, 9, 30), "future", "1998-10-01",
     "1998-10-01", "day", "'planned to' points ahead of the plan"),
    ("Traders squared positions ahead of the weekend.", "the weekend", Day(1989, 10, 30), "future", "1989-11-04",
     "1989-11-05", "day", "ahead of: the coming weekend"),
    ("He and Arafat meet separately Monday with Albright.", "Monday", Day(1998, 5, 1), None, "1998-05-04",
     "1998-05-04", "day", "no verb says which way: the nearest Monday"),
    ("The job figures for January extended a surge.", "January", Day(1998, 2, 6), "past", "1998-01-01",
     "1998-01-31", "month", "'for January' is a month"),
    ("The New York Times said in an editorial on Saturday, April 25: The court erred.", "Saturday, April 25",
     Day(1998, 4, 24), "past", "1998-04-25", "1998-04-25", "day", "a day before a colon"),
    ("Prices rose this week.", "this week", FRI, "past", "1998-02-09", "1998-02-15", "week", "ISO week"),
    ("Prices fell last week.", "last week", FRI, "past", "1998-02-02", "1998-02-08", "week", "last week"),
    ("Talks continue next week.", "next week", FRI, None, "1998-02-16", "1998-02-22", "week", "next week"),
    ("Shops closed last weekend.", "last weekend", FRI, "past", "1998-02-07", "1998-02-08", "day", "last weekend"),
    ("Sales rose this month.", "this month", FRI, "past", "1998-02-01", "1998-02-28", "month", "this month"),
    ("Earlier this month, the plan failed.", "Earlier this month", FRI, "past", "1998-02-01", "1998-02-28",
     "month", "earlier this month keeps the month"),
    ("Profit rose this quarter.", "this quarter", FRI, "past", "1998-01-01", "1998-03-31", "quarter",
     "this quarter"),
    ("Profit fell in the third quarter.", "the third quarter", Day(1989, 11, 2), "past", "1989-07-01",
     "1989-09-30", "quarter", "a quarter without its year"),
    ("Profit will rise this fiscal year.", "this fiscal year", FRI, "future", "1998-01-01", "1998-12-31", "year",
     "fiscal year"),
    ("It was cold last summer.", "last summer", FRI, "past", "1997-06-01", "1997-08-31", "season",
     "the summer before the date"),
    ("It rained this year.", "this year", FRI, "past", "1998-01-01", "1998-12-31", "year",
     "this year is the document's year, not the last year named"),
    ("In 1985 a plant opened. Sales will rise next year.", "next year", FRI, "future", "1999-01-01",
     "1999-12-31", "year", "next year from the document date, not from 1985"),
    ("They met last May.", "last May", FRI, "past", "1997-05-01", "1997-05-31", "month",
     "last May: the May before"),
    ("They met late last July.", "late last July", FRI, "past", "1997-07-01", "1997-07-31", "month",
     "late last July keeps both"),
    ("Exports fell in June last year.", "June last year", FRI, "past", "1997-06-01", "1997-06-30", "month",
     "month of last year"),
    ("Things changed in the last decade.", "the last decade", FRI, "past", "1980-01-01", "1989-12-31", "decade",
     "the last decade"),
    ("He died three days ago.", "three days ago", FRI, "past", "1998-02-10", "1998-02-10", "day", "days ago"),
    ("It opened six weeks ago.", "six weeks ago", FRI, "past", "1997-12-29", "1998-01-04", "week", "weeks ago"),
    ("It will open two months from now.", "two months from now", FRI, "future", "1998-04-01", "1998-04-30",
     "month", "from now"),
    ("Sales peak at the end of the year.", "the end of the year", FRI, None, "1998-01-01", "1998-12-31", "year",
     "the end of the year is the document's year"),
    ("It was built in the 20th Century.", "the 20th Century", FRI, "past", "1900-01-01", "1999-12-31", "century",
     "capitalised Century"),
    ("The split would be paid on a still unspecified date in January.", "January", Day(1989, 10, 26), "future",
     "1990-01-01", "1990-01-31", "month", "an -ed word after 'a still' is an adjective: 'would' decides"),
    ("Until Thursday, they had not called Kopp a suspect.", "Thursday", Day(1999, 5, 7), "past", "1999-05-06",
     "1999-05-06", "day", "until a day, told in the past perfect: the day just past"),
    ("It will begin to transfer him from relatives who have cared for him since he was rescued off the coast of "
     "Florida in late November.", "late November", Day(2000, 4, 5), "past", "1999-11-01", "1999-11-30", "month",
     "the verb before a place decides, not a 'will' further off"),
    ("The sale, which had been expected, is part of a program to pay down the loan by February.", "February",
     Day(1989, 10, 30), None, "1990-02-01", "1990-02-28", "month",
     "a clause set off by commas gives no tense: the nearest February"),
    ("Officials said they did not plan to remove Elian on Thursday morning.", "Thursday morning", Day(2000, 3, 29),
     "future", "2000-03-30", "2000-03-30", "day", "'plan to' points ahead"),
    ("He succeeds James A. Taylor, who stepped down as chairman, president and chief executive in March.", "March",
     Day(1989, 11, 2), "past", "1989-03-01", "1989-03-31", "month",
     "a comma listing titles closes no clause: 'stepped' decides"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "phrase", "reference", "tense", "start", "end", "granularity", "reason"),
    NEWS,
    ids=[row[-1] for row in NEWS],
)
def test_news_phrase(text, phrase, reference, tense, start, end, granularity, reason):
    event = _find(text, phrase, reference)
    assert (event["start"], event["end"], event["granularity"]) == (start, end, granularity)


def test_news_rows_are_unique():
    rows = [(row[0], row[1]) for row in NEWS]
    assert len(rows) == len(set(rows))


@pytest.mark.parametrize(
    ("text", "phrase", "tense"),
    [(row[0], row[1], row[3]) for row in NEWS if row[3] is not None and row[1] in row[0]],
)
def test_tense_column_is_what_the_extractor_sees(text, phrase, tense):
    start = text.index(phrase)
    assert tense_of(text, start, start + len(phrase)) == tense


NOT_NEWS_DATES = [
    ("The harvest came a month earlier than usual.", "a comparison, not a date"),
    ("They sat down to eat.", "'sat' is not Saturday"),
    ("The army began to march south.", "'to march' is a verb"),
    ("He lived in Maychew for years.", "'Maychew' is a place"),
    ("She reads the Sunday Mail.", "a newspaper"),
    ("The bomb went off next to the embassy.", "'next to' is a place"),
    ("The case is for today's youth what the war was.", "'today's youth': the present age"),
    ("He would choose the people of tomorrow.", "'of tomorrow': the future, not a day"),
    ("You may go now.", "'now' is not pinned"),
    ("Historians to this day debate it.", "'to this day' is vague"),
]


@pytest.mark.parametrize(("text", "reason"), NOT_NEWS_DATES, ids=[row[1] for row in NOT_NEWS_DATES])
def test_not_a_date_in_news(text, reason):
    assert [event.date_text for event in extract_events(text, "t", FRI)] == []


def test_a_history_is_read_from_its_story_not_its_download_date():
    """Many years far from the reference date: a history; "On 8 May" follows the story."""
    years = " ".join(f"In {year} battles raged." for year in range(1940, 1950))
    event = extract_events(years + " On 8 May the war ended.", "t", Day(2009, 12, 19))[-1]
    assert (event.date_text, event.start.iso()) == ("8 May", "1949-05-08")


def test_story_relative_phrases_count_from_the_story_with_a_reference_date():
    years = " ".join(f"In {year} battles raged." for year in range(1940, 1950))
    text = years + " The assault began on 3 June 1944. Two days later it stalled."
    event = extract_events(text, "t", Day(2009, 12, 19))[-1]
    assert (event.date_text, event.start.iso()) == ("Two days later", "1944-06-05")


NARRATIVE = [
    ("The siege began on 3 May 1920. At 19:15 the guns fired.", "19:15", "1920-05-03", "day",
     "a clock time after 'At' falls on the story's day"),
    ("The siege began on 3 May 1920. The guns stopped at 1900 hours.", "1900 hours", "1920-05-03", "day",
     "military time"),
    ("The siege began on 3 May 1920. In the morning they left.", "the morning", "1920-05-03", "day",
     "part of day"),
    ("The siege began on 3 May 1920. At midnight the guns stopped.", "midnight", "1920-05-03", "day",
     "at midnight: the story's day"),
    ("The siege began on 3 May 1920. The guns fell silent at 19:00 hr.", "19:00 hr", "1920-05-03", "day",
     "a clock time with hr"),
    ("In 1904 the war began. The severe Manchurian winter stopped it.", "winter", "1904-12-01", "season",
     "a bare season with adjectives after 'the'"),
    ("Rain fell in May 1920. On the 5th, it stopped.", "the 5th", "1920-05-05", "day", "On the 5th"),
    ("Rain fell in May 1920. The 28th of that month was calm.", "The 28th of that month", "1920-05-28", "day",
     "the 28th of that month gives a day, not the month"),
    ("It was fought in summer-fall 1919.", "summer-fall 1919", "1919-06-01", "season", "season range"),
    ("It was fought in August/September 1956.", "August/September 1956", "1956-08-01", "month",
     "slashed months share the year"),
    ("The tale, 1954-told, survives.", "1954", "1954-01-01", "year", "a year glued to a hyphen and a participle"),
    ("In December 1904 the port fell. Meanwhile the army had been beaten in late August.", "late August",
     "1904-08-01", "month", "a flashback lies before the story's present"),
    ("In 1985 relations improved. The 1978 Treaty of Friendship was cited. On December 27 troops entered.",
     "December 27", "1985-12-27", "day", "an attributive year is not an anchor"),
    ("The 1997 book sold well. He wrote it in 1995. In May he finished.", "May", "1995-05-01", "month",
     "his book's year does not anchor what follows"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "phrase", "start", "granularity", "reason"), NARRATIVE, ids=[row[-1] for row in NARRATIVE]
)
def test_narrative_phrase(text, phrase, start, granularity, reason):
    event = _find(text, phrase)
    assert (event["start"], event["granularity"]) == (start, granularity)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The 5th Army advanced.", "an ordinal unit, not a day"),
        ("The score was 19:15 at half time.", "a score without 'at' before it"),
        ("The 1990-series trains.", "a model series"),
        ("The 1992/93 season.", "a slash between years is no month range"),
        ("It was a brutal winter.", "any winter"),
    ],
)
def test_not_a_narrative_date(text, reason):
    assert [event.date_text for event in extract_events(text)] == []


MORE_NEWS = [
    ("Profit fell in the quarter.", "the quarter", Day(1989, 11, 2), "1989-07-01", "quarter",
     "the quarter a company reports: the last one ended"),
    ("In the year-ago quarter profit rose.", "the year-ago quarter", Day(1989, 11, 2), "1988-07-01", "quarter",
     "the same quarter a year before"),
    ("Year-earlier profit was high.", "Year-earlier", Day(1989, 11, 2), "1988-01-01", "year", "year-earlier"),
    ("Talks failed over the weekend.", "the weekend", Day(1990, 8, 13), "1990-08-11", "day",
     "the weekend just past"),
    ("In nineteen ninety-six it rose.", "nineteen ninety-six", FRI, "1996-01-01", "year", "a year in words"),
    ("It fell in January nineteen ninety-seven.", "January nineteen ninety-seven", FRI, "1997-01-01", "month",
     "a month and a year in words"),
    ("In the nineties it boomed.", "the nineties", FRI, "1990-01-01", "decade", "a decade in words"),
    ("Sales were flat in the last half of the '80s.", "the '80s", FRI, "1980-01-01", "decade", "a short decade"),
    ("Third-quarter net rose to $5 million from $4 million a year earlier.", "a year earlier", Day(1989, 11, 2),
     "1988-07-01", "quarter", "a year earlier than the quarter reported: that quarter a year before"),
    ("Third-quarter profit grew 19% from a year ago.", "a year ago", Day(1989, 10, 26), "1988-07-01", "quarter",
     "a year ago, in a report on a quarter"),
    ("Profit rose. It was $4 million a year earlier.", "a year earlier", Day(1989, 11, 2), "1988-01-01", "year",
     "no quarter reported: the year"),
    ("It took a charge in the 1988 second quarter.", "the 1988 second quarter", Day(1989, 11, 2), "1988-04-01",
     "quarter", "a quarter with its year in front"),
    ("The stock rose to a high for the year of $42.875 a share in June.", "the year", Day(1989, 10, 30),
     "1989-01-01", "year", "a high for the year of a price: the year written in"),
    ("Profit fell in the third quarter. Results for that quarter included a write-down.", "that quarter",
     Day(1989, 11, 2), "1989-07-01", "quarter", "'that quarter' is found (its first word starts a phrase)"),
    ("The stock would be redeemed in five years, subject to terms.", "five years", Day(1989, 11, 2), "1994-01-01",
     "year", "'in five years' in the future tense: five years from the document date"),
    ("It will open in 10 days.", "10 days", Day(1989, 11, 2), "1989-11-12", "day", "'in 10 days' ahead"),
    ("Sales for the full year were $6.6 billion.", "the full year", Day(1989, 11, 2), "1989-01-01", "year",
     "for the full year: the year written in"),
    ("It should close by year-end.", "year-end", Day(1989, 11, 2), "1989-01-01", "year", "year-end"),
    ("Rules should be in place by year's end.", "year's end", Day(1989, 10, 26), "1989-01-01", "year",
     "year's end"),
    ("The approach of the year two thousand scared them.", "the year two thousand", Day(1989, 11, 2),
     "2000-01-01", "year", "'of the year' followed by its number is that year"),
    ("Third-quarter profit fell. Sales for last year's quarter were $3 million.", "last year's quarter",
     Day(1989, 11, 1), "1988-07-01", "quarter", "last year's quarter: the quarter reported, a year before"),
    ("Third-quarter profit fell from the corresponding period last year.", "the corresponding period last year",
     Day(1989, 11, 1), "1988-07-01", "quarter", "the corresponding period last year"),
    ("Third-quarter profit fell. It earned more in the 1988 quarter.", "the 1988 quarter", Day(1989, 11, 1),
     "1988-07-01", "quarter", "the 1988 quarter: the quarter reported, of 1988"),
    ("It could be effective as early as next year's first quarter.", "next year's first quarter",
     Day(1989, 10, 31), "1990-01-01", "quarter", "next year's first quarter"),
    ("It opens in the first quarter of next year.", "the first quarter of next year", MAR13, "2014-01-01",
     "quarter", "a quarter of next year"),
    ("Profit rose in the previous quarter.", "the previous quarter", MAR13, "2012-10-01", "quarter",
     "the previous quarter: before the document's"),
    ("Third-quarter profit rose 5%.", "Third-quarter", MAR13, "2012-07-01", "quarter",
     "a quarter not yet begun, in the past tense: last year's"),
    ("Third-quarter profit will rise.", "Third-quarter", MAR13, "2013-07-01", "quarter",
     "a quarter ahead, in the future tense: this year's"),
    ("Third-quarter net rose from $85 million a year earlier. The quake will result in a fourth-quarter charge. "
     "It earned $6 million a year ago.", "a year ago", Day(1989, 11, 2), "1988-07-01", "quarter",
     "a quarter not yet ended is not the one reported: a year ago is still the third quarter's"),
    ("Now for today's geography quiz.", "today", Day(1998, 1, 21), "1998-01-21", "day",
     "today's quiz is the document's day"),
    ("Profit rose in the 1988 period.", "the 1988 period", Day(1989, 11, 1), "1988-01-01", "year",
     "the 1988 period, no quarter reported: the year"),
    ("It may be settled in a hearing the week of March 6.", "the week of March 6", Day(2000, 2, 24),
     "2000-03-06", "week", "the week of a day: its ISO week"),
    ("Elian was found Thanksgiving Day at sea.", "Thanksgiving Day", Day(2000, 1, 7), "1999-11-25", "day",
     "Thanksgiving: the fourth Thursday of November, the last one"),
    ("Violence will be a theme from now to Election Day.", "Election Day", Day(1998, 10, 26), "1998-11-03", "day",
     "Election Day: the Tuesday after the first Monday of November"),
    ("They met on Labor Day 1995.", "Labor Day 1995", Day(1998, 10, 26), "1995-09-04", "day",
     "a movable holiday with its year"),
    ("He was shot to death last Oct. 23 at home.", "last Oct. 23", Day(1999, 4, 19), "1998-10-23", "day",
     "last with a month and a day"),
    ("The offer was extended until 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", Day(1989, 11, 2), "1989-11-09",
     "day", "a clock time with its zone before a date"),
    ("London stocks closed lower Friday, down 4.5% from the previous Friday.", "the previous Friday",
     Day(1989, 10, 30), "1989-10-20", "day", "the previous Friday counts from the story's Friday, not from now"),
    ("We hope that, whatever happens today, talks go on. He arrived in Philadelphia later in the day.",
     "later in the day", FRI, "1998-02-13", "day", "later in the day: today, the day the report stands at"),
    ("Her first stop is Dar es Salaam Tuesday morning, then Nairobi later in the day.", "later in the day",
     Day(1998, 8, 17), "1998-08-18", "day", "later in the day: the story's Tuesday, not the document's date"),
    ("The suspect was scheduled to appear before a judge at midday.", "midday", Day(1999, 10, 8), "1999-10-08",
     "day", "at midday: the document's day"),
    ("By mid afternoon, officials said the operation was over.", "mid afternoon", Day(1998, 3, 6), "1998-03-06",
     "day", "by mid afternoon: the document's day"),
    ("Negotiations broke off at noon Thursday.", "noon Thursday", FRI, "1998-02-12", "day",
     "noon before a weekday: the weekday says which day"),
    ("International Women's Day is this coming Sunday, March eighth.", "March eighth", Day(1998, 3, 5),
     "1998-03-08", "day", "a day said in words after its month"),
    ("International Women's Day is this coming Sunday, March eighth.", "this coming Sunday", Day(1998, 3, 5),
     "1998-03-08", "day", "a weekday before a month said without its day in digits stands alone"),
    ("The slump will last through the first two quarters of 1990.", "the first two quarters of 1990",
     Day(1989, 10, 26), "1990-01-01", "half", "the first two quarters of a year: its first half"),
    ("Poughkeepsie keeps trying to sell itself, under a June agreement with holders.", "June", Day(1989, 10, 27),
     "1989-06-01", "month", "a month naming an agreement after 'a'"),
    ("JOHANNESBURG, August 7 (Xinhua) --\n\nSouth Africa deplored the blasts.", "August 7", Day(1998, 8, 8),
     "1998-08-07", "day", "a dateline dates the story: a record, not a heading"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "phrase", "reference", "start", "granularity", "reason"), MORE_NEWS, ids=[row[-1] for row in MORE_NEWS]
)
def test_more_news_phrases(text, phrase, reference, start, granularity, reason):
    event = _find(text, phrase, reference)
    assert (event["start"], event["granularity"]) == (start, granularity)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The twenty soldiers left.", "a count in words"),
        ("They spent a weekend there.", "any weekend"),
        ("The Latin Quarter is old.", "a district"),
        ("At the end of the day, it is a matter of trust.", "'at the end of the day' means in the end"),
        ("This is VOA Today.", "'VOA Today': a programme"),
        ("He told USA Today that it failed.", "'USA Today': a newspaper"),
        ("Prices fell in two years.", "'in two years', told in the past: how long it took"),
        ("They will fight in two years of war.", "'in two years of war': a span"),
        ("They sleep at midnight on weekdays.", "'at midnight on' another day: that day decides"),
    ],
)
def test_not_a_date_with_a_reference(text, reason):
    assert [event.date_text for event in extract_events(text, "t", FRI)] == []


STORY = [
    ("Danton led the August 1792 uprising. On 2 June 1793 the sections rose. Meanwhile, on 24 June, a law "
     "passed.", "24 June", "1793-06-24", "a dated happening named in passing does not move the story"),
    ("In March 1782 militia killed many. The theaters converged in 1781 at Yorktown. In early September, "
     "ships arrived.", "early September", "1781-09-01", "a year behind the story is the story going back"),
    ("It began on 10 March 1975, before a campaign planned for 1976. Hue fell on 11 March.", "11 March",
     "1975-03-11", "a year ahead of the story, in passing, does not move it"),
    ("Most armies left during the winter-spring of 1920.", "the winter-spring of 1920", "1919-12-01",
     "the year of a season range is its last season's"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "phrase", "start", "reason"), STORY, ids=[row[-1] for row in STORY])
def test_where_the_story_stands(text, phrase, start, reason):
    assert _find(text, phrase)["start"] == start
