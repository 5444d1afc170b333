"""News wording taken off a title (events/reporting.py): (title as chosen -> as shown, reason)."""

from __future__ import annotations

import pytest

from kbtimeline.events.reporting import news_span, reworded

REWORDED = [
    ("Clinton said Friday the INS did the right thing", "Clinton said the INS did the right thing",
     "a weekday after the verb"),
    ("Late Monday, U.S. officials approved the visas", "U.S. officials approved the visas", "an opening day, a comma"),
    ("Yesterday New York governor George Pataki toured five counties",
     "New York governor George Pataki toured five counties", "an opening day before a named subject"),
    ("Statements made Friday and Thursday by Lawrence Wechsler", "Statements made by Lawrence Wechsler",
     "two days coordinated go together"),
    ("The location for Friday's ceremony was chosen", "The location for the ceremony was chosen",
     "a day's possessive becomes 'the'"),
    ("Quarterly net income this year has risen", "Quarterly net income has risen", "'this year' mid-clause"),
    ("Gen. Schwarzkopf, a week or so ago, picked the time", "Gen. Schwarzkopf picked the time", "'a week or so ago'"),
    ("Elian's mother died more than four decades ago", "Elian's mother died", "'more than N decades ago'"),
    ("Today is a sad day for the family", "Today is a sad day for the family", "negative: the day is the subject"),
    ("A businessman spent part of Sunday night with protesters", "A businessman spent part of Sunday night with "
     "protesters", "negative: the object of 'of' stays"),
    ("The army crossed the river the next year", "The army crossed the river the next year",
     "negative: a day told relative to the story is wording.tidy's"),
    ("Sunday Times editors met the minister", "Sunday Times editors met the minister",
     "negative: a weekday that is part of a name before the subject's noun stays"),
    ("WASHINGTON (AP) -- The Senate passed the bill", "The Senate passed the bill", "a dateline"),
    ("O'SMACH, Cambodia (AP)_ The commander sent a team", "The commander sent a team", "a dateline, wire underscore"),
    ("The Senate passed the bill, officials said", "The Senate passed the bill", "an attribution at the end"),
    ("The Senate passed the bill, he said in a statement", "The Senate passed the bill", "an attribution and where"),
    ("The Senate passed the bill, according to aides", "The Senate passed the bill", "'according to' at the end"),
    ("The Senate passed the bill, he said the army would go", "The Senate passed the bill, he said the army would go",
     "negative: a clause after 'said' is no attribution"),
    ("Officials said they will order the relatives to go", "Officials will order the relatives to go",
     "the reporter's own pronoun: folded"),
    ("The company said it earned $5.2 million", "The company earned $5.2 million", "'it' for a company"),
    ("W. Brent LeGere, chairman, said he expects revenue to rise", "W. Brent LeGere expects revenue to rise",
     "the reporter's appositive goes with the saying"),
    ("The relatives said they would appeal the decision", "The relatives said they would appeal the decision",
     "negative: 'would' after the fold reads as a plan"),
    ("The company said it was likely that prices would rise", "The company said it was likely that prices would rise",
     "negative: 'it was likely': an empty 'it'"),
    ("Clinton said they had left", "Clinton said they had left", "negative: 'they' is not Clinton"),
    ("The company said he had resigned", "The company said he had resigned", "negative: 'he' is not a company"),
    ("He noted that the company's orders have increased", "The company's orders have increased",
     "a pronoun reporter says nothing: what was reported"),
    ("He added one more .", "He added one more .", "negative: too little after the saying"),
    ("He insisted on a frontal attack against the ridge", "He insisted on a frontal attack against the ridge",
     "negative: 'insisted on' reports nothing"),
    ("It declared the regime illegal and called for revolt", "It declared the regime illegal and called for revolt",
     "negative: 'declared' with an object, no 'that': no report"),
    ("Wilson called for war on Germany, which the U.S. Congress declared",
     "Wilson called for war on Germany, which the U.S. Congress declared",
     "negative: a relative clause is no attribution"),
    ("Under pressure from Washington, however, the prince changed his policy",
     "Under pressure from Washington, the prince changed his policy", "an opening phrase keeps its comma"),
    ("How many boys did you kill today?", "How many boys did you kill?", "no space before a question mark"),
    ("``That matter is under review,'' Eric Holder said when asked about the violations. ``We will look",
     "Eric Holder said that matter is under review", "a quote first, its speaker after: the speaker said it"),
    ("``There will be thousands here to stop it,'' said Ana Bonnin, one of about 100 exiles",
     "Ana Bonnin said there will be thousands here to stop it", "'said X' after the quote"),
    ("\"I will not resign,\" the minister said", "The minister said I will not resign", "'I' keeps its capital"),
    ("The army rallied in the plaza to demand his return. ``Elian, Cardenas awaits you",
     "The army rallied in the plaza to demand his return", "a second sentence the title ran into goes"),
    ("Sun Microsystems Inc. reported a loss", "Sun Microsystems Inc. reported a loss",
     "negative: an abbreviation's full stop ends no sentence"),
    ("When two leaders were arrested and police were forced to use tear gas",
     "Two leaders were arrested and police were forced to use tear gas", "a 'when' clause alone: its marker goes"),
    ("When the war ended, the army went home", "When the war ended, the army went home",
     "negative: a 'when' clause before its main clause stays"),
    ("Until this week", "Until this week", "negative: a title that would be one word stays"),
    ("Production costs, compared with a year ago, were boosted", "Production costs, compared with a year ago, were "
     "boosted", "negative: the object of 'with' stays"),
    ("The group would be ready to leave as soon as Tuesday", "The group would be ready to leave",
     "'as soon as Tuesday' goes whole"),
    ("Yesterday it closed at $4.375 a share", "It closed at $4.375 a share", "an opening day before a pronoun"),
    ("Thousands of women -- -- marched along the boulevard", "Thousands of women marched along the boulevard",
     "the dashes of an aside already taken out"),
    ("The two men, Ronald Stauber and Michael Gingrich, were named in a bulletin sent by the FBI office to police",
     "Ronald Stauber and Michael Gingrich were named in a bulletin sent by the FBI office to police",
     "a long title: the appositive's names stand for a subject that only counts"),
    ("Ricardo Alarcon, head of Cuba's National Assembly and Castro's key man, said the convictions prove nothing new",
     "Ricardo Alarcon said the convictions prove nothing new", "a long title: a name's appositive goes"),
    ("A 1996 law named for him and Sen. Jesse Helms, R-N.C., strengthened the 1959 trade embargo against Cuba",
     "A 1996 law named for him and Sen. Jesse Helms strengthened the 1959 trade embargo against Cuba",
     "a long title: an appositive in capitals after a subject that names is no name for it: it goes"),
    ("Gonzalez's lawyer, Greg Craig, asked for a visa for his client", "Gonzalez's lawyer, Greg Craig, asked for a "
     "visa for his client", "negative: a short title keeps its appositive"),
    ("Anheuser said its new strategy -- started in some markets last month and expected to be applied soon in "
     "selected markets nationwide -- will mean lower earnings",
     "Anheuser said its new strategy will mean lower earnings",
     "a long aside between dashes goes, not all that follows its first dash"),
    ("The Pentagon said it will re-examine the question", "The Pentagon will re-examine the question",
     "'it' for a named institution"),
    ("``We've gotten to the point,'' Clark said in a telephone interview", "Clark said we've gotten to the point",
     "an apostrophe inside a word is no quote mark"),
    ("The thrift said that , the association expects record earnings",
     "The thrift said that the association expects record earnings", "a comma left after 'that' goes"),
    ("The thrift said that \" , the association expects record earnings .\"",
     "The thrift said that the association expects record earnings .\"", "with the quote mark the aside left"),
    ("Asset sales shrank revenue by one-third this year alone", "Asset sales shrank revenue by one-third",
     "'this year alone'"),
    ("Meanwhile, the bank cut its rate", "The bank cut its rate", "a discourse opener"),
    ("The bank, meanwhile, cut its rate", "The bank cut its rate", "a discourse word inside"),
    ("In contrast, protesters were calmer", "Protesters were calmer", "'In contrast,' opener"),
    ("Ironically, NATO's newest members were still under the Soviet umbrella",
     "NATO's newest members were still under the Soviet umbrella", "'Ironically,' opener: the writer's comment"),
    ("Lawyers stated unambiguously _ unambiguously _ that she knew nothing",
     "Lawyers stated unambiguously that she knew nothing", "the wire's paired dashes"),
    ("Visas were approved for the father _ a doctor and a cousin", "Visas were approved for the father",
     "a dash aside at the end"),
    ("``It helped us to win,'' Geremek said", "Geremek said it helped us to win",
     "the wire's quotes go; who said it first"),
]  # fmt: skip


def test_rows_are_unique():
    assert len({row[0] for row in REWORDED}) == len(REWORDED)


@pytest.mark.parametrize(("title", "shown", "reason"), REWORDED, ids=[row[-1] for row in REWORDED])
def test_reworded(title, shown, reason):
    assert reworded(title) == shown


SPANS = [
    ("WASHINGTON (AP) -- The Senate passed the bill on Thursday.", "Thursday",
     "The Senate passed the bill on Thursday.", "a dateline before the story goes"),
    ("WASHINGTON, March 5 (AP) -- The Senate passed the bill.", "March 5",
     "WASHINGTON, March 5 (AP) -- The Senate passed the bill.", "negative: the date is the dateline's: it stays"),
    ("The Senate passed the bill on Thursday, officials said.", "Thursday",
     "The Senate passed the bill on Thursday", "an attribution after the news goes"),
    ("The Senate passed the bill, officials said on Thursday.", "Thursday",
     "The Senate passed the bill, officials said on Thursday.", "negative: the date is the saying's: it stays"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "date", "told", "reason"), SPANS, ids=[row[-1] for row in SPANS])
def test_news_span(sentence, date, told, reason):
    start = sentence.index(date)
    span = news_span(sentence, (0, len(sentence)), [(start, start + len(date))])
    assert sentence[span[0] : span[1]] == told
