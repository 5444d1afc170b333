"""Narrative dates (histories such as WikiWars): where the story stands decides a date's year.

Rows are (text, date phrase, expected start or None when the phrase must be left
out, granularity, reason); the text is read with no reference date, as a history.
"""

from __future__ import annotations

import pytest

from kbtimeline.extract import extract_events

NARRATIVE = [
    ("Manila fell in January 1945 and Leyte in March. The British fought in Burma from October to March.",
     "October to March", "1944-10-01", "month", "a range of months is placed around the story's month"),
    ("The war began in May 1940. Fighting went on from June to August.", "June to August", "1940-06-01", "month",
     "a range within one year still moves forward"),
    ("Belgrade fell on October 20, 1944. A siege lasted until the fall of Budapest in February 1945. "
     "By the start of July, Assam was clear.", "the start of July", "1944-07-01", "month",
     "'lasted until' a later year is a glance ahead: the story stays in 1944"),
    ("Riots began on 10 August 1792. This persisted until the Convention met on 20 September. "
     "The next day it abolished the monarchy.", "The next day", "1792-09-21", "day",
     "'until' within the story's year moves the story there"),
    ("Relations worsened until in March 1980 Iran recalled its envoy. In April the tension grew.", "April",
     "1980-04-01", "month", "'until' with no story yet still sets it"),
    ("War spread in June 1941. On December 7 (December 8 in Asia), 1941, Japan attacked. In January, the Allies "
     "met.", "January",
     "1942-01-01", "month", "a year that holds the last precise date restates it"),
    ("1987 saw new offensives. Later in the year Kirkuk was threatened, and so 1987 saw little change. "
     "On 20 July the Council passed a resolution.", "20 July", "1987-07-20", "day",
     "a year said again in passing still stands"),
    ("The Estates met in May 1789. They had not met since 1614. On 27 June the orders merged.", "27 June",
     "1789-06-27", "day", "a year in passing far behind the story is background"),
    ("The Convention adopted a constitution on 24 June 1793. Peasants resented the Civil Constitution of the "
     "Clergy (1790) and revolted. On 17 August, conscription began.", "17 August", "1793-08-17", "day",
     "a year in brackets after a name dates the thing named"),
    ("National Assembly (1789)\n\nOn 10 June the Third Estate met.", "10 June", "1789-06-10", "day",
     "a year in brackets in a heading sets the scene"),
    ("The army camped at Valley Forge in December 1777. Over the winter men died. The next spring, the army "
     "marched.", "The next spring", "1778-03-01", "season", "the next spring after a winter is the one it ends in"),
    ("The Greeks fought in the autumn of 481 BC. They passed the winter at Sardis. Early in spring they moved.",
     "Early in spring", "-0479-03-01", "season", "after a season, a bare season is the next of its name"),
    ("Troops reached Boston in July 1775. Powder was imported by the end of 1776. The standoff continued "
     "throughout the winter.", "the winter", "1775-12-01", "season",
     "a bare season follows the story, not a year in passing ahead of it"),
    ("Louis was executed on 21 January 1793. His queen would follow him to the guillotine on 16 October.",
     "16 October", "1793-10-16", "day", "'would' tells the future of the story: the next such date"),
    ("In March 1990 they agreed that talks would open on 2 February.", "2 February", "1991-02-02", "day",
     "the next 2 February after the story's March"),
    ("The war began on 25 June 1950. The USSR had boycotted the Council since January.", "January", "1950-01-01",
     "month", "'since' a month: the one before the story's present"),
    ("Hasdrubal died around 221 BC. Hannibal struck a mere two years later (218 BC) by surprise.",
     "two years later", "-0217-01-01", "year", "a date in brackets says what the relative phrase means"),
    ("In May 1944 British forces attacked, and Chinese forces that had invaded Burma in late 1943 besieged "
     "Myitkyina. By June, the Japanese had conquered Henan.", "June", "1944-06-01", "month",
     "a year in a relative clause in the past perfect looks back: the story stays in 1944"),
    ("The first campaign, in 492 BC, re-subjugated Thrace, which had nominally been Persian since 513 BC. "
     "The following year, Darius sent envoys.", "The following year", "-0490-01-01", "year",
     "'which had nominally been … since 513 BC' looks back: the following year counts from 492 BC"),
    ("The war, which had continued since 460 BC, finally ended in 445 BC. Just 14 years later war broke out.",
     "14 years later", "-0430-01-01", "year", "a relative clause closed by a comma does not hold the main clause's "
     "year"),
    ("On April 9, 2003 Baghdad fell. In November 2008, protesters burned an effigy. On April 15 the invasion "
     "ended. Toward the end of 2003, attacks grew.", "April 15", "2003-04-15", "day",
     "a year far ahead, after which the story's year comes back, was an aside"),
    ("On April 9, 2003 Baghdad fell. In November 2008, protesters burned an effigy. On April 15 the pact "
     "lapsed. In 2009 troops left.", "April 15", "2009-04-15", "day",
     "a year far ahead that the story goes on from is where it stands"),
    ("The Somme began on 1 July 1916. Throughout 1915-17, losses mounted. Ludendorff wrote on the fighting in "
     "1917: the 25th of August ended a phase.", "25th of August", "1917-08-25", "day",
     "a year in passing inside the span the story stands in still sets it"),
    ("It began on 10 March 1975, before a campaign planned for 1976. Hue fell on 26 March.", "26 March",
     "1975-03-26", "day", "a year in passing beyond the story's span does not"),
    ("Troops landed in March 1965. As he had told the French almost two decades earlier, Ho would fight.",
     "two decades earlier", "1940-01-01", "decade", "decades count to a decade"),
    ("The fleet sailed in 490 BC. A decade earlier, Ionia had revolted.", "A decade earlier", "-0499-01-01", "year",
     "a decade is ten years"),
    ("Truman acted on 25 June 1950, recalling Hitler's 1930s aggressions: they had struck twenty years earlier.",
     "twenty years earlier", "1930-01-01", "year", "years count from the story, not from a decade in passing"),
]  # fmt: skip


# "N units after/before <a happening>": counted from where the text dated that happening, else left out.
HAPPENINGS = [
    ("Parliament voted on 3 May 1990 to leave. Four days after the vote, troops arrived.",
     "Four days after the vote", "1990-05-07", "day", "the vote is dated by the sentence saying 'voted'"),
    ("The battle began on 10 June 1944 at dawn. Ten days after the battle began, the town fell.",
     "Ten days after the battle began", "1944-06-20", "day", "'began' names no happening; 'battle' does"),
    ("The election was held on 12 March 1995. Two weeks before the election, riots broke out.",
     "Two weeks before the election", "1995-02-20", "week", "weeks count to a week"),
    ("Soldiers massacred villagers on 8 April 1948. The day after the massacre, the news spread.",
     "The day after the massacre", "1948-04-09", "day", "'massacred' dates 'the massacre'"),
    ("Barcelona fell on 26 January 1939 and Girona on 5 February. Five days after the fall of Girona, "
     "resistance broke.", "Five days after the fall of Girona", "1939-02-10", "day",
     "the date nearest the happening's name in its sentence"),
    ("William won at Hastings in 1066. A year after Hastings, revolts spread.", "A year after Hastings", "1067-01-01",
     "year", "a year counts from a year"),
    ("On 27 June 1950, two days after the invasion, Truman acted.", "two days after the invasion", "1950-06-27",
     "day", "said beside a date, the phrase is that date"),
    ("On 21 July, the fifth day of the rebellion, the rebels took Ferrol.", "the fifth day of the rebellion", None,
     None, "no year for the date beside it: left out"),
    ("The rebels rose on 17 July 1936. On 21 July, the fifth day of the rebellion, they took Ferrol.",
     "the fifth day of the rebellion", "1936-07-21", "day", "the Nth day of a happening, beside its date"),
    ("The rebels rose on 17 July 1936. By the fifth day of the rebellion, they held Ferrol.",
     "the fifth day of the rebellion", "1936-07-21", "day", "the Nth day of a dated happening"),
    ("War broke out in 1980. On the first day of the war, jets struck.", "the first day of the war", None, None,
     "'the war' is too common a word to find its date by"),
    ("Four days after the vote, troops arrived.", "Four days after the vote", None, None,
     "no dated vote: left out, not guessed"),
    ("Riots broke out on 3 May 1990. Four days after the vote, troops arrived.", "Four days after the vote", None,
     None, "a dated sentence that does not name the vote is not its date"),
    ("The vote was held in 1990. Four days after the vote, troops arrived.", "Four days after the vote", None, None,
     "a vote dated to its year gives no day"),
    ("The talks ended on 3 May 1990. Two weeks after that, troops arrived.", "Two weeks after that", None, None,
     "'that' names no happening"),
    ("The offensive stalled in March 1981. For about a year after the offensive stalled, little changed.",
     "a year after the offensive stalled", None, None, "'for about a year after' is how long, not when"),
    ("A jogger saw his car on 8 April 1999 at 6 a.m. ten days before the shooting.", "ten days before the shooting",
     None, None, "the happening's own words are not its date"),
    ("The hearing was on 22 February 2000. The day before last Tuesday's hearing, he met them.", "last Tuesday",
     "2000-02-15", "day", "'last Tuesday' is not a happening's name"),
    ("Parliament voted on 3 May 1990. Three months before the October uprising, strikes began.",
     "October", "1990-10-01", "month", "a month ends the happening's words and is read as a date"),
]  # fmt: skip


# Phrases the grammar reads (or refuses), found in histories.
WORDING = [
    ("Allies reached Salamis in August 480 BC. The fleet remained off the coast into September.", "September",
     "-0479-09-01", "month", "'into' a month"),
    ("The French offered autonomy in 1948. Two years before, they had refused.", "Two years before", "1946-01-01",
     "year", "'N years before' closing a phrase counts back"),
    ("Crowds burned an effigy in 2008 where troops five years previously had toppled a statue.",
     "five years previously", "2003-01-01", "year", "'previously' counts back"),
    ("Thompson surrendered on 11 May 1865 and the day following saw the surrender of Georgia.", "the day following",
     "1865-05-12", "day", "the day following"),
    ("Thompson surrendered on 11 May 1865; the day following the surrender was calm.", "the day following", None, None,
     "'the day following the surrender' counts from a happening, not from the story"),
    ("Athens fell in 480 BC. Throughout the 470s BC, the League campaigned.", "the 470s BC", "-0478-01-01", "decade",
     "a decade BC: 479 to 470 BC"),
    ("It began on 4 May 1954. The final fall took two days, May 6 and 7th, during which they fought.",
     "May 6 and 7th", "1954-05-06", "day", "two days of one month joined by 'and'"),
    ("The final fall took two days, May 6 and 7th, 1954. Cogny ordered a cease fire at 5:30PM and retreat.", "5:30PM",
     "1954-05-07", "day", "a clock time after two days falls on the last of them"),
    ("In 1918 talks were inevitable. September saw the Germans fight on.", "September", "1918-09-01", "month",
     "a month opening a sentence as the subject of 'saw'"),
    ("Cubans value families, but the post-1959 politics split them.", "1959", "1959-01-01", "year",
     "a year after 'post-'"),
    ("It was a March to the sea in 1864.", "March", None, None, "'a March to' is a march"),
    ("The Ebro battle ended in November 1938. Before the new year, Franco invaded Catalonia.", "the new year",
     "1939-01-01", "day", "the new year: 1 January after the story's date"),
    ("In 1938 they planned the new year of work.", "the new year", None, None, "'the new year of work' is no day"),
    ("In 1917 it went badly. The costly August battles in Flanders strained the army.", "August", "1917-08-01",
     "month", "a month between 'the' with adjectives and a noun"),
    ("Police watched the annual March for Life in 1999.", "March", None, None, "'the annual March for Life': a name"),
    ("By May 1943 they retreated. The Axis launched their main summer offensive against southern Russia in June "
     "1942.", "summer", "1942-06-01", "season", "a season naming a happening takes the year the clause gives it"),
    ("The war went on in 1917. The German Spring Offensive of 1918 failed.", "Spring", "1918-03-01", "season",
     "'Spring Offensive of 1918'"),
    ("By May 1943 they retreated. The summer offensive failed; in June 1942 it had begun.", "The summer",
     "1943-06-01", "season", "a date in another clause does not say which summer"),
    ("Athens won in 471 BC. In the next decade, Cimon campaigned.", "the next decade", "-0468-01-01", "decade",
     "the decade after the 470s BC is the 460s BC (469 to 460 BC)"),
    ("The King's Peace came in 387 BC. It undid the gains of the previous century.", "the previous century",
     "-0499-01-01", "century", "the century before the 4th century BC is the 5th (500 to 401 BC)"),
    ("The war ended in 1975. The following decade was calm.", "The following decade", "1980-01-01", "decade",
     "the following decade, counted from the story"),
    ("In 1917 the government called up the so called '99 Boys. In 1918 they fought.", "'99", "1899-01-01", "year",
     "a year cut to two digits: the nearest such year to the story's"),
    ("In 1790 some founders formed the Club of '89. Later they left.", "'89", "1789-01-01", "year",
     "'of' a short year"),
    ("He said it on ''60 Minutes'' in 1998.", "'60", None, None, "two apostrophes open a quotation"),
    ("The siege ended in 1954. On May 6 and 7 soldiers died.", "May 6 and 7", None, None,
     "'7 soldiers' is a count, not a day"),
    ("The war ended in 1865. Surrendering on May 4 and 5 were the last regiments.", "May 4 and 5", "1865-05-04", "day",
     "two days of May before a verb"),
    ("In 1917 he wrote: 'An assault was made on 20 September. The onslaught on the 20th was successful.'",
     "the 20th", "1917-09-20", "day", "'on the 20th' before a verb"),
    ("At 5:34 AM Baghdad time on March 20, 2003 the invasion began.", "5:34 AM Baghdad time on March 20, 2003",
     "2003-03-20", "day", "a clock time with its zone before the day"),
    ("In the early morning hours of 30 April 1975 the Marines left.", "the early morning", None, None,
     "'the early morning hours of 30 April': the date says which day"),
    ("The March to Versailles began in 1789.", "March", None, None, "'the March to' is a march"),
    ("Sherman burned Atlanta in 1864; there were no major battles along the March.", "March", None, None,
     "'the March.' is a march"),
    ("In 1789 the March offensive failed.", "March", "1789-03-01", "month", "a month naming an offensive is a date"),
    ("Pyongyang fell on 19 October 1950. At month's end, UN forces held 135,000 prisoners.", "month's end",
     "1950-10-01", "month", "the end of the story's month"),
    ("Lee retreated in July 1863, and after Meade's inconclusive fall campaign, Lincoln looked west.", "fall",
     "1863-09-01", "season", "a season naming a campaign is dated by the story"),
    ("In January 1951 the armies launched the Chinese Winter Offensive.", "Winter", "1950-12-01", "season",
     "a capitalised season naming an offensive"),
    ("Troops arrived in July 1775. The standoff continued throughout the fall and winter.", "the fall",
     "1775-09-01", "season", "'the fall' beside another season"),
    ("The French won in January 1952, but through most of the rest of the year each side withdrew.",
     "the rest of the year", "1952-01-01", "year", "the rest of the story's year"),
    ("In 1929 a fall in prices ruined farmers.", "fall", None, None, "'a fall in prices' is not a season"),
    ('The song "White Christmas" was broadcast in 1975.', "Christmas", None, None, "a holiday inside a name"),
    ("Washington crossed the Delaware in 1776. On Christmas the Hessians celebrated.", "Christmas", "1776-12-25", "day",
     "a holiday after a preposition"),
    ("Fighting raged summer and autumn 1918 along the front.", "summer", "1918-06-01", "season",
     "a bare season before another with a year shares it"),
    ("In 1918 crops grew well. Summer and autumn were warm.", "Summer", None, None,
     "a bare season before another without a year: any summer"),
    ("On 2 September 1918 the Germans gave up the salient seized in the previous April.", "the previous April",
     "1918-04-01", "month", "the previous April: the last one before the story's date"),
    ("The war began in 1917. The offensive opened the following April.", "the following April", "1918-04-01",
     "month", "the following April after a year: the next year's"),
    ("The vote was held on Tuesday, 8 May 1990. They met again the following Monday.", "the following Monday",
     "1990-05-14", "day", "the following Monday: the next one after the story's day"),
    ("The index closed on Friday, 27 October 1989, down from the previous Friday.", "the previous Friday",
     "1989-10-20", "day", "the previous Friday: the one before the story's Friday, never itself"),
    ("Troops landed in 1944. They fought the previous Friday.", "the previous Friday", None, None,
     "no day to count from: left out"),
]  # fmt: skip


def _found(text: str, phrase: str) -> list[dict]:
    return [event.to_dict() for event in extract_events(text, "t") if event.date_text == phrase]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "granularity", "reason"), NARRATIVE, ids=[row[-1] for row in NARRATIVE]
)
def test_narrative_phrase(text, phrase, start, granularity, reason):
    found = _found(text, phrase)
    if start is None:
        assert not found, f"{phrase!r} should be left out"
        return
    assert found, f"{phrase!r} not found in {[event.date_text for event in extract_events(text, 't')]}"
    assert (found[0]["start"], found[0]["granularity"]) == (start, granularity)


@pytest.mark.parametrize(
    ("text", "phrase", "start", "granularity", "reason"), HAPPENINGS, ids=[row[-1] for row in HAPPENINGS]
)
def test_counted_from_a_happening(text, phrase, start, granularity, reason):
    test_narrative_phrase(text, phrase, start, granularity, reason)


@pytest.mark.parametrize(
    ("text", "phrase", "start", "granularity", "reason"), WORDING, ids=[row[-1] for row in WORDING]
)
def test_wording(text, phrase, start, granularity, reason):
    test_narrative_phrase(text, phrase, start, granularity, reason)


def test_rows_are_unique():
    rows = [(row[0], row[1]) for row in NARRATIVE + HAPPENINGS + WORDING]
    assert len(rows) == len(set(rows))


def test_dated_headings_do_not_start_the_notes():
    """A run of dated section titles is not reference metadata: what follows stays narrative."""
    headings = "".join(
        f"Campaign of {year}\n\nThe army marched in {year} and fought.\n\n" for year in range(1861, 1865)
    )
    text = headings + 'General "Jeff" Thompson surrendered on 11 May 1865 with his brigade.'
    events = extract_events(text, "t")
    assert {event.section for event in events} == {"narrative"}
    assert events[-1].date_text == "11 May 1865"


def test_a_decade_bc_is_labelled_as_written():
    event = extract_events("Athens fell in 480 BC. Throughout the 470s BC, the League campaigned.", "t")[-1]
    assert (event.date_text, event.when) == ("the 470s BC", "470s BC")
