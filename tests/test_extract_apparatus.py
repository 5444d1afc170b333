"""Apparatus gives no record: titles, captions, headings, rows and references, told by their own signals."""

from __future__ import annotations

import pytest

from kbtimeline.extract import extract_events
from kbtimeline.extract.sentences import has_finite_verb, is_citation

NARRATIVE = "The war began in 1988 and ended in 1994. "

# (a line that follows a narrative sentence, reason): it gives no record.
APPARATUS = [
    ("Speech given by the ambassador in April 1998.", "a title: a participle, no finite verb"),
    ("Proceedings of the Royal Society, 1923.", "reference metadata without a verb"),
    ("The Making of the Northern Province 1918–1925.", "a book title"),
    ("Western Region (WR) until 1991.", "an infobox row"),
    ("Eastern Republic (Soviet East) until 1990 (renamed Republic of the East)/1991 (declared independence).",
     "an infobox row: verbs in brackets do not count"),
    ("Daily Herald, 12 March 1931.", "a newspaper and its date"),
    ("The Fall Of The Capital In 1453 Revisited.", "a headline-style title capitalises its verbs"),
    ("Example News (example.org) 18 November 2008: the governor speaks about the border.", "a web address"),
    ("[Report of the commission on the events of 3–4 May 1920 in the capital] Доклад комиссии.",
     "a translated title in brackets"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "reason"), APPARATUS, ids=[row[1] for row in APPARATUS])
def test_apparatus_gives_no_record(line, reason):
    assert [event.date_text for event in extract_events(NARRATIVE + line)] == ["1988", "1994"]


# (text, the records it gives, reason): layout tells headings from prose.
LAYOUT = [
    ("Early years\n\nThe war began in 1988.\n\nCampaign of 1904\n\nThe army crossed the river in May 1904.\n",
     ["1988", "May 1904"], "a heading line gives no record"),
    ("Invasion (June 1950)\n\nNorth Korea invades on 25 June 1950.\n", ["25 June 1950"],
     "a heading is a short line on its own, verb or not"),
    ("Stalemate, 1951-1953\nThe front settled in July 1951.\n", ["July 1951"],
     "a heading followed by a single line break"),
    ("1917\n\nOn 6 April the United States declared war.\n", ["6 April"], "a heading gives no record..."),
    ("Shusha fell on 9 May 1992", ["9 May 1992"], "a text of one line without a full stop is prose"),
    ("The siege lasted until 1993\n", ["1993"], "a last line has no text after it to head"),
    ("Live from Atlanta.\n\nAtlanta nineteen ninety-six. A bomb blast shocks the Olympic games.\n",
     ["nineteen ninety-six"], "a short verbless sentence that the prose of its line goes on from sets the scene"),
    ("The war began in 1988.\n\nDaily Herald, 12 March 1931.\n\nIt ended.\n", ["1988"],
     "a verbless line with no prose after it on its line stays apparatus"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dates", "reason"), LAYOUT, ids=[row[2] for row in LAYOUT])
def test_headings_give_no_record(text, dates, reason):
    assert [event.date_text for event in extract_events(text)] == dates


def test_a_heading_still_sets_the_year_of_what_follows():
    (event,) = extract_events("1917\n\nOn 6 April the United States declared war.\n")
    assert event.start.iso() == "1917-04-06"


def test_apparatus_records_come_back_when_asked_for():
    events = extract_events("Campaign of 1904\n\nThe army crossed the river in May 1904.\n", apparatus=True)
    assert [(event.date_text, event.section) for event in events] == [("1904", "apparatus"), ("May 1904", "narrative")]


NOTES = (
    "The war began in 1988 and ended in 1994. "
    "Smith 2003, p. 4. Jones 1999, p. 7. Retrieved 5 May 2010. "
    "Soviet troops intervened in April–May 1991 on the government's side. "
    "Archived from the original on 3 June 2011. Brown, Anne (12 May 2004). "
    "The Quiet Valley: A History of the Region 1918–1925. "
    "Radio Liberty Regions: Overview of the region by the BBC A Story of People in War: a film by Ann Lee, "
    "who won the prize in 2007."
)


def test_footnotes_that_narrate_keep_their_records():
    events = extract_events(NOTES)
    assert [(event.date_text, event.section) for event in events] == [
        ("1988", "narrative"), ("1994", "narrative"), ("April–May 1991", "notes"),
    ]  # fmt: skip


# (sentence, has a finite verb?, reason)
VERBS = [
    ("Shusha fell on 9 May 1992.", True, "an irregular past"),
    ("The town was captured.", True, "an auxiliary"),
    ("Fighting resumes in spring.", True, "a word in -s may be a verb"),
    ("Speech given by the ambassador.", False, "a participle is not finite"),
    ("``First Fruits,'' read the editorial on the front of Friday's edition.", True,
     "'read' after a quoted title: the sentence says what a paper printed"),
    ("UN Peacekeeping and the Wars of the 1990s.", False, "capitalised words are a title's"),
    ("Republic of the East (renamed in 1991).", False, "brackets are left out"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "finite", "reason"), VERBS, ids=[row[2] for row in VERBS])
def test_finite_verb(sentence, finite, reason):
    assert has_finite_verb(sentence) is finite


# (sentence, citation?, reason): a reference opens with its authors; prose with a bracketed year does not.
CITATIONS = [
    ("Brown, Anne (12 May 2004).", True, "an author and a day"),
    ("de Waal, Thomas (2003).", True, "a name with a particle"),
    ("Cornell, Svante E. (2011).", True, "an initial after the given name"),
    ("Yamskov, A.N. (October 1991).", True, "dotted initials and a month"),
    ("Rubin, Barry; Kirişci, Kemal, eds. (2001).", True, "two editors"),
    ("Brown, Archie (1996a).", True, "a year with a letter"),
    ("Smith 2003, p. 316.", True, "author, year and page"),
    ("Retrieved 12 January 2021.", True, "an access date"),
    ('Women were, nonetheless, "denied political rights of \'active citizenship\' (1791) and democratic '
     'citizenship (1793)."', False, "a verb and a quote before the bracketed year: prose"),
    ("Napoleon, having won at Austerlitz (1805), turned east.", False, "lowercase words between name and year"),
    ("Paris, the capital (1871), rose in revolt.", False, "an apposition is not a list of authors"),
]  # fmt: skip


def test_citation_rows_are_unique():
    assert len({row[0] for row in CITATIONS}) == len(CITATIONS)


@pytest.mark.parametrize(("sentence", "citation", "reason"), CITATIONS, ids=[row[2] for row in CITATIONS])
def test_citation(sentence, citation, reason):
    assert is_citation(sentence) is citation


def test_prose_with_bracketed_years_keeps_its_dates():
    text = "Women were, nonetheless, \"denied the rights of 'active citizenship' (1791) and citizenship (1793).\""
    assert [event.date_text for event in extract_events(text)] == ["1791", "1793"]
