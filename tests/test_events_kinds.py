"""Which dated statements are events of the story and which are context, with the cue that decides."""

from __future__ import annotations

import pytest

from kbtimeline.events.kinds import classify, context_cue
from kbtimeline.extract import extract_events

# (sentence, date phrase, the cue that makes it context or None for an event, reason)
KINDS = [
    ("Her 2015 novel about the siege sold well.", "2015", "work", "the year of a novel"),
    ("The documentary premiered in Paris in March 2004.", "March 2004", "work", "a film's premiere"),
    ("A video game released in 2012 retells the 1943 battle.", "1943", "work",
     "every date of a release sentence is the work's"),
    ("According to a 2009 census, the town had 4,000 inhabitants.", "2009", "work", "a census year"),
    ("The band won the 2007 Cannes Film Festival's prize.", "2007", "work", "a festival's prize"),
    ("As in 1916, the harvest failed.", "1916", "comparison", "'as in'"),
    ("Losses were higher than in 1942.", "1942", "comparison", "'than in'"),
    ("Spring was calm compared to the carnage of November 1916.", "November 1916", "comparison",
     "'compared to' what another time saw"),
    ("In 1943 the winter was as hard as in the previous year.", "the previous year", "comparison", "a look back"),
    ("The kingdom had no alliances like those it would sign with France in 1904.", "1904", "comparison",
     "a comparison with what another time saw"),
    ("Exports were 4.2 million tons, up from 3.9 million tons in 1913.", "1913", "comparison",
     "a figure measured against an earlier time's"),
    ("The mark was at 1.84 francs and 142 lire compared with 1.83 francs and 141 lire on 3 May 1921.",
     "3 May 1921", "comparison", "figures compared with another day's"),
    ("The army fought against 3,000 rebels on 5 May 1921.", "5 May 1921", None,
     "a count of an enemy is no figure compared"),
    ("Exports fell to 3 million tons in 1914 from 4 million tons in 1913.", "1913", "comparison",
     "the figure a change is measured from"),
    ("The army moved from 3 positions to the river on 5 May 1915.", "5 May 1915", None,
     "'from' a figure that does not hold at the date"),
    ("Troops like those of the 3rd Army crossed the river in May 1916.", "May 1916", None,
     "a likeness of the subject compares no time"),
    ("The treaty would have been ratified in 1921.", "1921", "counterfactual", "'would have'"),
    ("Unisys is expected to do little better than break even in the fourth quarter of 1989.",
     "the fourth quarter of 1989", "forecast", "an expectation of a time, not what happened at it"),
    ("In 1990 the association expects to achieve record earnings.", "1990", "forecast",
     "the date opens a clause that expects"),
    ("Westmoreland predicted victory by the end of 1967.", "the end of 1967", "forecast", "a prediction's date"),
    ("Cuba predicted on 5 April 2000 that the exiles would delay the ruling.", "5 April 2000", None,
     "the date is the predicting's: a statement made that day"),
    ("The monarch will meet Bush on 12 July 1990 in Kennebunkport.", "12 July 1990", None,
     "a day someone will act on is a plan the news reports"),
    ("The price wars will continue through 1990.", "1990", "forecast", "'will' of a year: a forecast"),
    ("Officials said on 3 April 2000 they will order the relatives to return the boy.", "3 April 2000", None,
     "the date is the saying's: the announcement is the news"),
    ("The earthquake in October 1989 will cost the company $10 million.", "October 1989", None,
     "the date is the earthquake's, whatever it will cost"),
    ("The will of the people prevailed in 1991.", "1991", None, "'the will' is no future"),
    ("An estimated 20,000 people died in 1992.", "1992", None, "an estimated count of what happened"),
    ("He wrote that, in 1954, most voters would have chosen the rebels.", "1954", "counterfactual",
     "'would have' after the date, in its own clause"),
    ("On 31 July 1951 the general was killed in an attack that would have shaken the army.", "31 July 1951", None,
     "'would have' of a relative clause is not the date's"),
    ("The army prepared an invasion projected for the 1976 dry season.", "1976", "counterfactual",
     "projected, not made"),
    ("The opposition feared losing the elections due in June 1956.", "June 1956", "counterfactual",
     "scheduled, not held"),
    ("In 2010, the journal opined that the border was stable.", "2010", "attribution", "an opinion's date"),
    ("A historian who toured the valley in 1975 wrote that the villages were empty.", "1975", "attribution",
     "the date of a witness, not of the story"),
    ("In 1970 the mines were producing 2 million tons of coal.", "1970", "statistic", "an output figure"),
    ("In 1944 the navy possessed a fleet of 40 destroyers.", "1944", "statistic", "a fleet's size"),
    ("Since the May 1940 offensive, the army had captured dozens of guns.", "May 1940", "statistic",
     "a running total since a date"),
    ("The navy had sunk 1,200 ships through March 1943.", "March 1943", "statistic",
     "a running total up to a date"),
    ("The army marched through March 1943 without rest.", "March 1943", None, "'through' a date without a figure"),
    ("The estimated strength of each army in 1916–1917 was: Because the navy had no bases, it stayed home.",
     "1916–1917", "caption", "a lead-in to a table the text lost dates its figures"),
    ("On 5 May 1994 the terms were: a truce and an exchange of prisoners.", "5 May 1994", None,
     "a date that opens the clause is no lead-in's"),
    ("They admired late nineteenth-century poets.", "late nineteenth-century", "descriptive",
     "a century as an adjective"),
    ("On 8 May 1945 the army surrendered.", "8 May 1945", None, "a plain happening"),
    ("In March 1917 the tsar abdicated and the cabinet said it would hold elections.", "March 1917", None,
     "a modal after the date belongs to another clause"),
    ("Both sides agreed on 5 May 1994 to a truce that would take effect on 12 May.", "12 May", None,
     "a future in the past that came true is no plan"),
    ("The agency noted that on 3 December 1921 the grain arrived.", "3 December 1921", None,
     "a date inside what was said is the story's"),
    ("In April 1993 the villages were reported to have come under fire.", "April 1993", None,
     "hearsay about a happening (a passive) is no attribution"),
    ("The creation of the province in 1923 left it with a 90% majority.", "1923", None,
     "a percentage without a measuring verb"),
    ("In late June 1992 a smaller offensive was planned against the town.", "late June 1992", None,
     "a plan made at that date is an event"),
    ("In 1941 the war spread. Japan had seized the province the previous year.", "the previous year", None,
     "a look back on its own dates a happening"),
    ("Congress passed the resolution on July 25, 1861, which stated the aims of the war.", "July 25, 1861", None,
     "the saying verb of a relative clause"),
    ("On 3 July 1940 the navy attacked the French fleet at its anchorage.", "3 July 1940", None,
     "a fleet is not a statistic"),
    ("The assembly met in 1791 and fell into chaos less than a year later.", "a year later", None,
     "'less than' measures time, it compares nothing"),
    ("The militia chief told us this on 15 February 1992, but it did not frighten me.", "15 February 1992",
     "testimony", "a witness speaking in the first person"),
    ("The 1992–94 war figures heavily in popular media.", "1992–94", "present", "the present of the telling"),
    ("In World War I, troops entered the town in May 1916.", "May 1916", None,
     "'I' after a capitalised word is a numeral"),
    ("The principal strike fell upon I Corps in April 1951.", "April 1951", None,
     "'I' before a capitalised word is a numeral"),
    ('In May 1992 the marshal warned that war would "place us on the verge of ruin".', "May 1992", None,
     "the first person inside quotes is someone quoted"),
    ("The treaty is still in force and was signed in 1921.", "1921", None, "a past verb: the story is told"),
    ("Amir is serving a life sentence for the November 1995 assassination.", "November 1995", None,
     "a happening named further on in a present sentence is the story's"),
    ("``It is humiliating for us,'' the minister said on 4 February 1998.", "4 February 1998", None,
     "the first person inside ``quotes'' is someone quoted"),
]  # fmt: skip


def _record(sentence: str, phrase: str):
    (event,) = [event for event in extract_events(sentence) if event.date_text == phrase]
    return event


def test_rows_are_unique():
    assert len({(row[0], row[1]) for row in KINDS}) == len(KINDS)


@pytest.mark.parametrize(("sentence", "phrase", "cue", "reason"), KINDS, ids=[row[-1] for row in KINDS])
def test_kind(sentence, phrase, cue, reason):
    event = _record(sentence, phrase)
    assert context_cue(event) == cue
    (classified,) = classify([event])
    assert classified.kind == ("event" if cue is None else "context")


def test_a_text_told_in_the_first_person_keeps_its_events():
    text = (
        "I arrived in Paris in May 1940. We left on 3 June 1940. I joined the army in July 1940. "
        "We crossed the river in August 1940. My unit surrendered in September 1940."
    )
    assert {event.kind for event in classify(extract_events(text))} == {"event"}
