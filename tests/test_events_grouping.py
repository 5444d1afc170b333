"""Which records tell one happening: pairs that join, pairs that must not, and who stands for a group."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtimeline.events import grouping
from kbtimeline.events.grouping import group_happenings
from kbtimeline.events.kinds import classify
from kbtimeline.extract import extract_events
from kbtimeline.model import Day


def _happenings(text: str) -> list[int]:
    """For each record of ``text``, in text order, the place of its happening's representative."""
    events = group_happenings(classify(extract_events(text)))
    place = {event.id: number for number, event in enumerate(events)}
    return [place[event.happening] for event in events]


def _record(text: str, phrase: str) -> int:
    """The place of the record whose date phrase is ``phrase``; "#2" after it means its second one."""
    phrase, _, nth = phrase.partition("#")
    dates = [event.date_text for event in extract_events(text)]
    return [place for place, date in enumerate(dates) if date == phrase][int(nth or 1) - 1]


# (text, one date phrase, another, joined?, reason)
PAIRS = [
    ("On 3 June 1942 the fleet sank four carriers near Midway. The carriers sank off Midway on 3 June 1942.",
     "3 June 1942", "3 June 1942#2", True, "the same day, a rare name and what was done"),
    ("On 3 June 1942 the fleet sank four carriers near Midway. The Midway disaster of 3 June 1942 was complete.",
     "3 June 1942", "3 June 1942#2", True, "the same day and a rare name, on a day that dates few sentences"),
    ("On 20 February 1988 the council voted for unification. On 20 February 1988 the regional council voted to "
     "unify with the republic.", "20 February 1988", "20 February 1988#2", True,
     "the same day, a word for what was done and a sense ('unification', 'unify')"),
    ("In 1942 the battle at Midway turned the war. On 4 June 1942 the navy won the battle near Midway.",
     "1942", "4 June 1942", True, "a lead and its body: one date inside the other, a name and a word"),
    ("On 18 May 1992 the army entered Lachin. On 19 May 1992 Lachin was taken by the army.",
     "18 May 1992", "19 May 1992", True, "sources disagree by a day"),
    ("Shusha fell in 1992. On May 18 [in 1992] the army entered the town.", "May 18", "1992#2", True,
     "one date split in two by an editor's insertion"),
    ("During the spring and summer of 1943 the partisans held the hills.", "the spring", "summer of 1943", True,
     "one stretch cut into consecutive seasons"),
    ("The army took the town on 8 May 1945 and the town burned on 9 May 1945.", "8 May 1945", "9 May 1945",
     False, "two happenings of one sentence"),
    ("Demonstrations in the capital took place in 1965 and 1966.", "1965", "1966", False,
     "coordinated years without 'during' are distinct occurrences"),
    ("In 1993 the army captured seven districts around Kalbajar. On 3 April 1993 the army captured Kalbajar.",
     "1993", "3 April 1993", False, "a summary of several happenings keeps its parts apart"),
    ("The film, released in April 1993, shows the Kalbajar offensive. On 2 April 1993 the Kalbajar offensive began.",
     "April 1993", "2 April 1993", False, "context joins nothing"),
    ("By July 1993 the army was preparing to attack Agdam. On 4 July 1993 the army attacked Agdam.",
     "July 1993", "4 July 1993", False, "a bound ('by July') is a state up to a time, not a happening"),
    ("In May 1992 the army captured Shusha. In September 1992 the army lost Shusha.", "May 1992",
     "September 1992", False, "dates that do not overlap"),
    ("In early 1991 the president held a referendum. On 25 December 1991 the president resigned.",
     "early 1991", "25 December 1991", False, "'early' narrows a year to its first third"),
    ("On 3 June 1942 the fleet sank four carriers. On 3 June 1942 the army crossed the river.", "3 June 1942",
     "3 June 1942#2", False, "the same day but nothing in common"),
    # Other words for one happening, and the words that point back to it.
    ("A Russian-brokered truce was signed in May 1994. On 5 May 1994, with Russia mediating, the parties agreed "
     "to cease hostilities.", "May 1994", "5 May 1994", True, "a truce is a ceasefire; 'Russian' names Russia"),
    ("In June 1944 the rebels captured Valmont. On 8 June 1944 the rebels attacked Valmont. Fighting raged in the "
     "streets. On 9 June 1944 they managed to capture the town.", "June 1944", "9 June 1944", True,
     "'the town' stands for a name of the sentence before"),
    ("On 26 February 1992 soldiers stormed Dorval and shot the fleeing villagers. Nobody was spared. The death toll "
     "of the events of 25–26 February 1992 was 600.", "26 February 1992", "25–26 February 1992", True,
     "'the events of' a date names the happening told just before"),
    ("A ceasefire was signed in May 1994. In April 2016 the worst clashes since the 1994 ceasefire broke out.",
     "May 1994", "1994", True, "'the 1994 ceasefire' names the ceasefire of May 1994"),
    ("Fighting resumed in April 2016 with the 2016 border clashes.", "April 2016", "2016", True,
     "a year that restates the date of its own sentence"),
    ("On 18 May 1992 the army took control of Lachin. On May 19 [in 1992] the brigade entered Lachin.",
     "18 May 1992", "May 19", True, "the halves of a split date share their words"),
    ("The demand to unify with the republic began peacefully in 1988. In February 1988 crowds began protesting, "
     "demanding unification.", "1988", "February 1988", True,
     "a summary and its account: the same kind of happening and two more rare words"),
    ("The Treaty of Riga was signed in 1921. On 18 March 1921 the parties signed the treaty at Riga.", "1921",
     "18 March 1921", True, "a day inside a year: a name and the same kind of happening"),
    ("By the end of the siege in 1871 the rebels held the valley around Belfort. The siege ended with an armistice "
     "in 1871, the rebels occupying seven villages.", "1871", "1871#2", True,
     "'the end of the siege in 1871' names an end, the siege's, which the other tells"),
    ("A ceasefire was signed at Riga in May 1921. A ceasefire was signed at Brest in June 1921. The 1921 Brest "
     "ceasefire held for a decade.", "1921", "June 1921", True, "'the 1921 Brest ceasefire' names which one"),
    # Stages, anchors and summaries keep happenings apart.
    ("A ceasefire was signed at Riga in May 1921. A ceasefire was signed at Brest in June 1921. The 1921 Brest "
     "ceasefire held for a decade.", "1921", "May 1921", False, "'the 1921 Brest ceasefire' is not Riga's"),
    ("In 1950 Great Britain left Palestine. In 1952 Great Britain tested a bomb. In 1954 Great Britain attacked the "
     "rebels in Malaya. In March 1954 Great Britain attacked the port of Suez.", "1954", "March 1954", False,
     "the words of one name ('Great Britain') weigh as one"),
    ("By the end of the war in 1918 the navy held Kiel. The peace talks at Brest ended in 1918.", "1918", "1918#2",
     False, "an end named by whose end it is: the war's is not the talks'"),
    ("In 1917 the army dug trenches along the Piave. On 24 October 1917 the army retreated behind the Piave.",
     "1917", "24 October 1917", False, "a day inside a year: a name and a word, but not the same kind"),
    ("On 8 May 1992 the army attacked Shusha. On 9 May 1992 the army captured Shusha.", "8 May 1992",
     "9 May 1992", False, "an attack and a capture a day later are two stages"),
    ("On 25 February 1992 the army launched an offensive to capture Dorval. On 26 February 1992 the army captured "
     "Dorval.", "25 February 1992", "26 February 1992", False, "an offensive 'to capture' is still an attack"),
    ("Peace talks were held in Riga on 20–23 September 1991. The peace talks in Riga came to an end in late "
     "September 1991.", "20–23 September 1991", "late September 1991", False, "an end is another stage"),
    ("In the winter of 1914 the rebels occupied Leon. In 1915 the rebels were driven out of Leon by the army.",
     "the winter of 1914", "1915", False, "an entry and the expulsion that undid it are two stages"),
    ("On 2 January 1992 Ayaz Smith assumed the presidency. New talks were started by Iran in the first half of "
     "1992, after the resignation of President Ayaz Smith.", "2 January 1992", "the first half of 1992", False,
     "the names of an anchor ('after X') are not the record's own"),
    ("In June 1944 the rebels occupied Leon. On 20 June 1944 the bishop preached peace in the city.",
     "June 1944", "20 June 1944", False, "'the city' stands for a name only in an account of the same kind"),
    ("On 7 August 1998 two bombs exploded at the embassy in Nairobi. On 7 August 1998 the government of Peru "
     "condemned the bombs at the embassy in Nairobi.", "7 August 1998", "7 August 1998#2", False,
     "a reaction ('condemned the bombs') is not what it reacts to"),
    ("On 7 August 1998 Peru condemned the bombing in Nairobi. Peru denounced the Nairobi bombing on 7 August 1998.",
     "7 August 1998", "7 August 1998#2", True, "two accounts of one reaction"),
]  # fmt: skip


def test_rows_are_unique():
    assert len({row[:3] for row in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize(("text", "one", "other", "joined", "reason"), PAIRS, ids=[row[-1] for row in PAIRS])
def test_pair(text, one, other, joined, reason):
    happening = _happenings(text)
    assert (happening[_record(text, one)] == happening[_record(text, other)]) is joined


# A happening named by its name is what the undated sentences that open with that name or give it say.
_FALCON = (
    "Codenamed Operation Falcon, the army and the local Zarist militia entered the hamlets of the Velna valley. "
    "Operation Falcon was condemned by officials in Lisbon as brutal. "
    "Strikes spread through the Doran mills after Operation Falcon. "
    "The army intervened during Operation Falcon in April–May 1961. "
)
# An article about a strike: "dockers" is in most of its sentences, dated or not.
_STRIKE = (
    "The strike began on 2 May 1990. Dockers blocked the port gates. The dockers' union met the owners. "
    "Dockers marched through the town. Police watched the dockers. On 14 May 1990 the ships sailed. "
    "On 20 May 1990 the mayor resigned. "
)
# (text, one date phrase, another, joined?, reason): grouping as the pipeline does, with the whole text.
TEXT_PAIRS = [
    (_FALCON + "Rebels later retook the hamlets seized by the Zarist militia in May–July 1961.", "April–May 1961",
     "May–July 1961", True, "'Codenamed X, …' gives what X was: the Zarist militia in the hamlets"),
    (_FALCON + "A brutal operation directed from Lisbon was begun in the spring of 1961.", "April–May 1961",
     "the spring of 1961", True, "a sentence that X opens says what X was: directed from Lisbon"),
    ("The rising known as the Harvest Uprising spread from Kelm to the Doran mills. Troops crushed the Harvest "
     "Uprising in March 1932. In March 1932 soldiers fired on strikers at the Doran mills.", "March 1932",
     "March 1932#2", True, "'known as X' gives what X was"),
    (_FALCON + "In April 1961 strikers occupied the Doran mills.", "April–May 1961", "April 1961", False,
     "a sentence that names X in passing ('after X') tells something else"),
    (_FALCON + "Operation Heron struck the Velna valley in April 1961. In April 1961 the Zarist militia took "
     "the hamlets.", "April 1961", "April 1961#2", False, "what X was is not what another happening was"),
    ("The army intervened during Operation Falcon in April–May 1961. Codenamed Operation Falcon in May 1961, the "
     "Zarist militia entered the hamlets. Rebels retook the hamlets seized by the Zarist militia in May–July 1961.",
     "April–May 1961", "May–July 1961", False, "a dated sentence tells its own records, not the name's"),
    (_STRIKE + "On 9 May 1990 the owners paid the dockers. On 9 May 1990 the dockers' wives held a fair.", "9 May 1990",
     "9 May 1990#2", False, "the same day, sharing only the article's topic ('dockers')"),
    (_STRIKE + "On 9 May 1990 the owners raised wages. On 9 May 1990 the dockers got higher wages.", "9 May 1990",
     "9 May 1990#2", True, "the same day, sharing a word off the topic ('wages')"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "one", "other", "joined", "reason"), TEXT_PAIRS, ids=[row[-1] for row in TEXT_PAIRS])
def test_pair_with_the_whole_text(text, one, other, joined, reason):
    events = group_happenings(classify(extract_events(text, "doc")), {"doc": text})
    assert (events[_record(text, one)].happening == events[_record(text, other)].happening) is joined


# A short news article: "Iraq" and "Kuwait" are in most of its sentences, dated or not.
_NEWS = (
    "Iraq threatened Kuwait yesterday with reprisals. Iraq massed tanks on the border of Kuwait. "
    "Kuwait asked its allies for help against Iraq. Oil from Iraq and Kuwait stopped flowing. "
    "Iraq and Kuwait have quarrelled for decades. Traders in Kuwait fear Iraq. "
    "Kuwait's exiled rulers threatened yesterday to sue Iraq. "
    "Iraq freed forty Britons held in Kuwait yesterday. The Britons freed yesterday flew home from Iraq. "
    "The envoy of Iraq threatened yesterday to walk out of the talks. "
    "A convoy bound for Kuwait came under attack yesterday. Troops attacked a Kuwait border post on Saturday."
)
# (the n-th "yesterday", another, joined?, reason): grouping as the pipeline does, with the whole text;
# "yesterday" dates every dated sentence: a crowded day, which holds many happenings.
NEWS_PAIRS = [
    (1, 2, False, "what was done ('threatened') and the article's topic ('Iraq', 'Kuwait') only"),
    (3, 4, True, "what was done ('freed') and a name off the topic ('Britons')"),
    (1, 3, False, "the topic only"),
    (1, 5, False, "what was done alone ('threatened')"),
    (6, 7, False, "a day apart from a crowded day: the same kind ('~attack') and the topic ('Kuwait') only"),
]  # fmt: skip


@pytest.mark.parametrize(("one", "other", "joined", "reason"), NEWS_PAIRS, ids=[row[-1] for row in NEWS_PAIRS])
def test_a_news_articles_topic_tells_no_happening_apart(one, other, joined, reason):
    events = group_happenings(classify(extract_events(_NEWS, "news", Day(1990, 8, 13))), {"news": _NEWS})
    assert [event.date_text for event in events] == ["yesterday"] * 6 + ["Saturday"]
    assert (events[one - 1].happening == events[other - 1].happening) is joined


def test_the_most_precise_date_stands_for_its_happening():
    text = "In 1942 the battle at Midway turned the war. On 4 June 1942 the navy won the battle near Midway."
    assert _happenings(text) == [1, 1]


def test_on_ties_the_earliest_in_the_text_stands_for_its_happening():
    text = "On 3 June 1942 the fleet sank four carriers near Midway. The carriers sank off Midway on 3 June 1942."
    assert _happenings(text) == [0, 0]


def test_records_of_different_sources_never_join():
    text = "On 3 June 1942 the fleet sank four carriers near Midway."
    events = [*extract_events(text, "a"), *extract_events(text, "b")]
    assert [event.happening for event in group_happenings(events)] == [event.id for event in events]


def test_the_time_of_telling_joins_nothing():
    text = "The army now held Verdun. The French now held Verdun too."
    events = group_happenings(classify(extract_events(text, reference_date=Day(2009, 12, 19))))
    assert [event.happening for event in events] == [event.id for event in events]


_SUBJECTS = ["The army", "Rebels", "The navy", "General Lee", "The council"]
_VERBS = ["captured Verdun", "signed the treaty", "entered Lachin", "passed Resolution 822", "lost the town"]
_DATES = ["on 3 June 1942", "in June 1942", "in 1942", "on 4 June 1942", "in May 1943", "on May 18, [1942]"]


@settings(deadline=None)  # extraction time depends on the machine's load, not on the rule
@given(st.lists(st.tuples(st.sampled_from(_SUBJECTS), st.sampled_from(_VERBS), st.sampled_from(_DATES)),
                min_size=1, max_size=12))  # fmt: skip
def test_every_happening_is_a_record_of_its_group_that_stands_for_itself(sentences):
    text = " ".join(f"{subject} {verb} {date}." for subject, verb, date in sentences)
    events = group_happenings(classify(extract_events(text)))
    by_id = {event.id: event for event in events}
    for event in events:
        head = by_id[event.happening]
        assert head.happening == head.id
        slack = 1  # two single days may be a day apart
        assert head.start.number() <= event.end.number() + slack, "a happening's records meet in time"
        assert event.start.number() <= head.end.number() + slack, "a happening's records meet in time"
        if head.span == event.span and head is not event:
            between = text[min(head.date_span[1], event.date_span[1]) : max(head.date_span[0], event.date_span[0])]
            assert between.strip(" ,[]()") == "", "two dates of one sentence join only when they are one date"


def _apart(between: int) -> str:
    """One happening told twice, with ``between`` dated statements of other years between its two accounts."""
    years = [year for year in range(1000, 2400) if not 1991 <= year <= 1993][:between]
    filler = " ".join(f"In {year} the harvest was counted." for year in years)
    return f"On 18 May 1992 the army entered Lachin. {filler} On 19 May 1992 Lachin was taken by the army."


# (records between the two accounts, joined?, reason): the join reaches ``_WINDOW`` records, not further.
REACH = [
    (0, True, "side by side"),
    (grouping._WINDOW - 1, True, "far apart in a long text, within the reach: still one happening"),
    (grouping._WINDOW, False, "beyond the reach: a long text's far parts tell their own happenings"),
]  # fmt: skip


@pytest.mark.parametrize(("between", "joined", "reason"), REACH, ids=[row[-1] for row in REACH])
def test_two_accounts_join_within_the_reach(between, joined, reason):
    text = _apart(between)
    events = group_happenings(classify(extract_events(text, "doc")), {"doc": text})
    assert len(events) == between + 2
    assert (events[0].happening == events[-1].happening) is joined


# Records of a text with a reach of 4 (place: sentence); the others are filler of other years. The pairs are
# swept in blocks of 4 records: a pair may straddle two blocks.
_REACH_SLOTS = {
    2: "On 18 May 1992 the army entered Lachin.",
    6: "On 19 May 1992 Lachin was taken by the army.",
    7: "On 3 June 1992 the militia stormed Kelbar.",
    9: "On 8 July 1992 rebels burned Dorvan.",
    11: "On 8 July 1992 Dorvan was burned by rebels.",
    12: "On 3 June 1992 the militia stormed Kelbar.",
}
# (one place, another, joined?, reason)
REACH_PAIRS = [
    (2, 6, True, "4 apart, across two blocks: within the reach"),
    (7, 12, False, "5 apart: beyond the reach"),
    (9, 11, True, "2 apart, in one block"),
]  # fmt: skip


@pytest.mark.parametrize(("one", "other", "joined", "reason"), REACH_PAIRS, ids=[row[-1] for row in REACH_PAIRS])
def test_the_reach_holds_across_blocks(monkeypatch, one, other, joined, reason):
    monkeypatch.setattr(grouping, "_WINDOW", 4)
    text = " ".join(_REACH_SLOTS.get(place, f"In {1500 + place} the harvest was counted.") for place in range(16))
    events = group_happenings(classify(extract_events(text, "doc")), {"doc": text})
    assert len(events) == 16
    assert (events[one].happening == events[other].happening) is joined
