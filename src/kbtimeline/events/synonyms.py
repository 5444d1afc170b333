"""Words for what happened that tell one thing: "ceasefire" and "agreed to cease hostilities".

Two accounts of one happening rarely use the same words: the lead says "a
ceasefire was signed", the body "all parties agreed to cease hostilities";
one says "Khojaly was captured", another "Armenian forces took control of the
town". The grouping compares words, so each phrase of a small set of general
English event words is read as the name of its sense (``~ceasefire``), and
the sense is weighed like any other word, by how rare it is in the text.

The senses also tell the stage of a fight a record reports: an attack is not
yet a capture ("attacked the town on 8 May", "captured it on 9 May"), and a
thing that ended is not the thing going on ("talks on 20–23 September", "the
talks came to an end in late September"). Two records of different stages
are two happenings. Pure: strings in, strings out.
"""

from __future__ import annotations

import re

# Each sense and the phrases that say it (regular expressions, matched whole words, any case).
SENSES: dict[str, tuple[str, ...]] = {
    "ceasefire": (r"cease-?fires?", r"truces?", r"armistices?", r"cease[ds]? (?:all )?hostilities",
                  r"cessation of (?:all )?hostilities"),
    "capture": (r"captur(?:e|ed|es|ing)", r"seiz(?:e|ed|es|ing)", r"(?:took|take|takes|taken|taking) control",
                r"(?:took|take|takes|taken|taking) possession", r"(?:was|were|been|being) taken",
                r"enter(?:ed|s|ing)? (?=(?-i:[A-Z])|the (?:town|city|village|capital))", r"overr[au]n",
                r"conquer(?:ed|s|ing)?", r"occup(?:y|ied|ies|ying)", r"fell", r"fall of"),
    "attack": (r"attack(?:ed|s|ing)?", r"assault(?:ed|s)?", r"offensives?", r"storm(?:ed|ing)", r"raid(?:ed|s)?",
               r"inva(?:de|ded|des|ding|sions?)"),
    "fighting": (r"battles?", r"fighting", r"fought", r"clash(?:es|ed)?", r"engagements?", r"skirmish(?:es)?"),
    "killing": (r"massacr(?:e|ed|es)", r"killings?", r"killed", r"slain", r"slaughter(?:ed)?", r"death tolls?",
                r"deaths", r"died", r"casualties"),
    "weapons": (r"arms", r"armaments?", r"weapons?", r"weaponry", r"munitions"),
    "signing": (r"sign(?:ed|s|ing)", r"conclu(?:ded|sion of)", r"ratif(?:y|ied|ies|ying|ication)"),
    "adoption": (r"adopt(?:ed|s|ion)", r"enact(?:ed|s|ment)", r"passed", r"promulgat(?:ed|ion)"),
    "union": (r"unif(?:y|ied|ies|ying|ication)", r"unit(?:e|ed|ing) (?:the|with)"),
    "end": (r"came to an end", r"collapsed", r"broke down", r"(?:was|were) (?:called off|abandoned)"),
}  # fmt: skip
_SENSE = re.compile(
    "|".join(rf"\b(?P<{name}>{'|'.join(phrases)})\b" for name, phrases in SENSES.items()), re.IGNORECASE
)
# A capture that is only aimed at ("an offensive to capture the town", "sent men to seize") is still an
# attack; one that was achieved ("managed to capture", "was able to take") is a capture.
_AIM = re.compile(r"\bto\s+$", re.IGNORECASE)
_ACHIEVED = re.compile(r"\b(?:managed|able|succeeded|went on|continued|helped)\s+to\s+$", re.IGNORECASE)
PREFIX = "~"  # a sense is told from a word by this mark: no word of a text starts with it


def senses(text: str) -> tuple[frozenset[str], str]:
    """The senses ``text`` says (``~capture``…) and the text with their phrases blanked out.

    A capture aimed at ("to capture") counts as an attack.
    """
    found: set[str] = set()
    for match in _SENSE.finditer(text):
        sense = match.lastgroup or ""
        before = text[: match.start()]
        if sense == "capture" and _AIM.search(before) and not _ACHIEVED.search(before):
            sense = "attack"
        found.add(PREFIX + sense)
    return frozenset(found), _SENSE.sub(" ", text)


def stages_differ(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two records report different stages: an attack and a capture, or an end and what went on."""
    attack, capture, end = PREFIX + "attack", PREFIX + "capture", PREFIX + "end"

    def attack_only(words: frozenset[str]) -> bool:
        return attack in words and capture not in words

    def capture_only(words: frozenset[str]) -> bool:
        return capture in words and attack not in words

    crossed = (attack_only(one) and capture_only(other)) or (capture_only(one) and attack_only(other))
    return crossed or (end in one) != (end in other)
