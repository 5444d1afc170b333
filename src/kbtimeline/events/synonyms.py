"""Words for what happened that tell one thing: "ceasefire" and "agreed to cease hostilities".

Two accounts of one happening rarely use the same words: the lead says "a
ceasefire was signed", the body "all parties agreed to cease hostilities";
one says "Khojaly was captured", another "Armenian forces took control of the
town". The grouping compares words, so each phrase of a small set of general
English event words is read as the name of its sense (``~ceasefire``), and
the sense is weighed like any other word, by how rare it is in the text.

The senses also tell the stage of a fight a record reports: an attack is not
yet a capture ("attacked the town on 8 May", "captured it on 9 May"), a
capture not the withdrawal that undid it ("occupied the city in 1914",
"was driven out of the city in 1915"), and a thing that ended is not the
thing going on ("talks on 20–23 September", "the talks came to an end in
late September"), and a reaction not what it reacts to ("the government
condemned the bombings on Friday", "two bombs exploded on Friday"). Two
records of different stages are two happenings. A
plain end ("the war ended", "the end of the war") is a sense but no stage: it
often frames another happening ("the end of the war is dated from the treaty
signed in 1919"). Pure: strings in, strings out.
"""

from __future__ import annotations

import re

# Each sense and the words that say it ...
SENSE_WORDS: dict[str, str] = {
    "ceasefire": "ceasefire ceasefires truce truces armistice armistices",
    "capture": "capture captured captures capturing seize seized seizes seizing overran overrun conquer conquered "
    "conquers conquering occupy occupied occupies occupying fell",
    "attack": "attack attacked attacks attacking assault assaulted assaults offensive offensives stormed storming "
    "raid raided raids invade invaded invades invading invasion invasions",
    "fighting": "battle battles fighting fought clash clashes clashed engagement engagements skirmish skirmishes",
    "killing": "massacre massacred massacres killing killings killed slain slaughter slaughtered deaths died "
    "casualties",
    "withdrawal": "withdrew withdrawn withdrawal retreat retreated retreating evacuated evacuation expelled",
    "weapons": "arms armament armaments weapon weapons weaponry munitions",
    "signing": "signed signs signing concluded ratify ratified ratifies ratifying ratification",
    "adoption": "adopted adopts adoption enacted enacts enactment passed promulgated promulgation",
    "union": "unify unified unifies unifying unification",
    "reaction": "condemn condemned condemns condemning condemnation deplore deplored deplores deploring denounce "
    "denounced denounces denouncing denunciation welcome welcomed welcomes welcoming praised praises hailed",
}
# ... and the phrases (regular expressions, any case).
SENSE_PHRASES: dict[str, tuple[str, ...]] = {
    "ceasefire": (r"cease-fires?", r"cease[ds]? (?:all )?hostilities", r"cessation of (?:all )?hostilities"),
    "capture": (r"(?:took|take|takes|taken|taking) (?:control|possession)", r"(?:was|were|been|being) taken",
                r"enter(?:ed|s|ing)? (?=(?-i:[A-Z])|the (?:town|city|village|capital)\b)", r"fall of"),
    "killing": (r"death tolls?",),
    "signing": (r"conclusion of",),
    "union": (r"unit(?:e|ed|ing) (?:the|with)",),
    "withdrawal": (r"(?:was|were|been) driven (?:out|back|from)", r"pulled (?:out|back)"),
    "end": (r"came to an end", r"collapsed", r"broke down", r"(?:was|were) (?:called off|abandoned)"),
    # An end of its own ("the war ended", "the end of the war"), not one put to something ("ended the siege"):
    # no stage, as it often frames another happening ("the end of the war is dated from the treaty of 1919").
    "ending": (r"ended(?!\s+(?:the|a|an|its|their|his|her|this|that)\b)", r"(?<!\bat )the end of"),
}  # fmt: skip
_BY_WORD = {word: sense for sense, words in SENSE_WORDS.items() for word in words.split()}
_PHRASE = re.compile(
    "|".join(rf"\b(?P<{name}>{'|'.join(phrases)})\b" for name, phrases in SENSE_PHRASES.items()), re.IGNORECASE
)
_TOKEN = re.compile(r"[A-Za-z]+")
# A capture that is only aimed at ("an offensive to capture the town", "sent men to seize") is still an
# attack; one that was achieved ("managed to capture", "was able to take") is a capture.
_AIM = re.compile(r"\bto\s+$", re.IGNORECASE)
_ACHIEVED = re.compile(r"\b(?:managed|able|succeeded|went on|continued|helped)\s+to\s+$", re.IGNORECASE)
_AIM_REACH = 40  # characters before a capture word where its "to" and what governs it are
PREFIX = "~"  # a sense is told from a word by this mark: no word of a text starts with it


def senses(text: str) -> tuple[frozenset[str], str]:
    """The senses ``text`` says (``~capture``…) and the text with their words blanked out.

    A capture aimed at ("to capture") counts as an attack.
    """
    found: set[str] = set()

    def phrase(match: re.Match[str]) -> str:
        found.add(PREFIX + _aimed(match.lastgroup or "", match))
        return " "

    def word(match: re.Match[str]) -> str:
        sense = _BY_WORD.get(match.group().lower())
        if sense is None:
            return match.group()
        found.add(PREFIX + _aimed(sense, match))
        return " "

    blanked = _PHRASE.sub(phrase, text)
    # Most texts hold no sense word: then the words need not be called back one by one.
    if not _BY_WORD.keys().isdisjoint(map(str.lower, _TOKEN.findall(blanked))):
        blanked = _TOKEN.sub(word, blanked)
    return frozenset(found), blanked


def _aimed(sense: str, match: re.Match[str]) -> str:
    """An aimed capture's sense is an attack."""
    if sense != "capture":
        return sense
    before = match.string[max(0, match.start() - _AIM_REACH) : match.start()]
    return "attack" if _AIM.search(before) and not _ACHIEVED.search(before) else sense


# The stages of a fight, in order; a record that reports one of them alone reports that stage.
FIGHT_STAGES = ("attack", "capture", "withdrawal")


# Senses that make a happening of their own out of what they are said of: an end and what went on, a
# reaction ("condemned the bombing") and what it reacts to.
OWN_STAGES = ("end", "reaction")


def stages_differ(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two records report different stages: an attack, a capture, a withdrawal; an end and what went
    on; a reaction and what it reacts to."""
    return _stage(one) != _stage(other) != "" != _stage(one) or any(
        (PREFIX + sense in one) != (PREFIX + sense in other) for sense in OWN_STAGES
    )


def _stage(words: frozenset[str]) -> str:
    """The one stage of a fight ``words`` report, or "" for none or several."""
    held = [stage for stage in FIGHT_STAGES if PREFIX + stage in words]
    return held[0] if len(held) == 1 else ""
