"""News wording: what a wire story wraps around its news, taken off a title in either mode.

A news sentence tells its news inside the marks of reporting: a dateline
("WASHINGTON (AP) --"), a reporting clause ("Officials said Monday they
will…"), an attribution (", officials said", "according to…"), days named
relative to the day of writing ("Friday's ceremony", "earlier this week",
"late Tuesday") and a discourse opener ("Meanwhile,", "In addition,"). On a
timeline the date says when; the title keeps only what happened:

- ``news_span``: the sentence without a dateline before it or an attribution
  after it (where no date of the sentence is in them), so that both modes
  choose their words from the story itself;
- ``lead``: for a dateline standing alone, the story's first sentence, whose
  news the dateline's date dates;
- ``teller``: in the parse, the reporting clause kept where what it reported
  names no one ("Ogden Projects Inc. said net income jumped…");
- ``reworded``: a title without days told relative to the day of writing, a
  discourse opener, an attribution at its end or a dateline, and with a
  reporting clause whose reported subject is the reporter's own pronoun
  folded into that clause ("Officials said they will order…" -> "Officials
  will order…"). ``wording.tidy`` applies it to every title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kbtimeline.extract.dateline import is_dateline
from kbtimeline.extract.sentences import split_sentences

if TYPE_CHECKING:
    from kbtimeline.events.parse import Parsed

Span = tuple[int, int]

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_PART = r"(?:\s+(?:night|morning|afternoon|evening))?"
_HOLIDAY = r"(?:Thanksgiving(?:\s+Day)?|Christmas\s+(?:Day|Eve)|New\s+Year's\s+(?:Day|Eve))"
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
# A day told relative to the day of writing ("late Friday", "earlier this week", "two years ago"): read on
# a timeline, away from the story's date, it points nowhere, and the record's date already says when.
_GOVERNING = r"(?:last|this|next|on|since|by|until|for|after|before|through|as (?:early|late|soon) as)"
_DEICTIC = (
    rf"(?:(?:late|early)\s+)?(?:{_GOVERNING}\s+)?"
    rf"(?:{_WEEKDAY}|{_HOLIDAY}){_DAY_PART}"
    rf"|(?:(?:late|early|earlier|later)\s+)?(?:yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:(?:earlier|later|late|early)\s+)?(?:this|last|next)\s+(?:week|weekend|month|year|morning|afternoon|evening)"
    r"|over\s+the\s+weekend"
    rf"|(?:(?:more than|almost|nearly|about|some|just|only)\s+)?{_COUNT}\s+(?:\w+\s+)?{_UNIT}\s+(?:or so\s+)?ago"
    r"|a\s+week\s+or\s+so\s+ago"
)
_DEICTICS = rf"(?:also\s+)?(?:{_DEICTIC})(?:\s*(?:,|,?\s*and|,?\s*or)\s+(?:{_DEICTIC}))*"  # "Friday and Thursday"
# A day that is the object of "of", "with", "than" stays: "part of Sunday night", "compared with a year ago";
# opening the title, one that is the subject too ("Today is a sad day"): only one set apart by a comma or
# before the subject goes.
_NOT_GOVERNED = r"(?<!\bthe\s)(?<!\bof\s)(?<!\bwith\s)(?<!\bthan\s)(?<!\bfrom\s)(?<!\bto\s)"
_DEICTIC_PHRASE = re.compile(  # between commas ("Schwarzkopf, a week or so ago, picked") both go; "this year alone"
    rf"(?:,\s*{_DEICTICS}\b(?!'s|’s)(?:\s+alone\b)?(?:\s*,)?|(?<=\s){_NOT_GOVERNED}{_DEICTICS}\b(?!'s|’s)"
    r"(?:\s+alone\b)?)",
    re.IGNORECASE,
)
_DEICTIC_OPENING = re.compile(
    rf"^{_DEICTICS}\b(?!'s|’s)(?:\s*,\s*|\s+(?=(?-i:[A-Z])|(?:the|a|an|it|its|he|his|she|her|they|their|we)\s))",
    re.IGNORECASE,
)
# A weekday on a noun ("Friday ceremony", "the Friday explosions"): the noun without it; a title that was only
# the two then says too little, and the clause is chosen instead.
_WEEKDAY_ON_NOUN = re.compile(
    rf"(?:^|(?<=\bthe\s)){_WEEKDAY}\s+(?:the\s+)?(?=(?!(?:is|was|were|are|has|had|will|would|could|saw|marked)\b)(?-i:[a-z]))",
    re.IGNORECASE,
)
# "It was not until [Tuesday] that Castro revealed…" with the date gone: the news is after "that".
_CLEFT = re.compile(r"^it\s+(?:was|is|wasn't)\s+(?:not\s+|only\s+|just\s+)?(?:until\s+)?that\s+", re.IGNORECASE)
# A quote first, then who said it: "``X,'' Holder said…", "``X,'' said Ana Bonnin, one of…".
_QUOTE_FIRST = re.compile(
    r"^(?:``|[\"“])(?P<quote>(?:[^\"“”`']|(?<=\w)'(?=\w)){10,160}?)[,.!?]?\s*(?:''|[\"”])\s*"
    r"(?:(?P<who>(?:the\s+)?[A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,5}?)\s+(?:said|says)"
    r"|(?:said|says)\s+(?P<named>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))\b"
)
# Words that open a quoted sentence and take a small letter inside "X said …".
_SENTENCE_WORDS = frozenset(
    "the a an that that's this these those there there's it its it's we we'll we're we've our they they're they've "
    "their he he's his she she's her you your no "
    "nothing all some many what when if".split()
)
_WHEN_ALONE = re.compile(r"^(?:when|while|once)\s+(?=\w)", re.IGNORECASE)  # a "when" clause with no main one
# The end of a first sentence a title ran past (a quote kept two together): a lowercase word, a full stop.
_SENTENCE_END = re.compile(r"(?<=[a-z%\d])[.!?][\"”']*\s+(?=[A-Z\"“`])")
# A subject, an appositive between commas, then the verb: "Ricardo Alarcon, head of Cuba's National Assembly,
# said…", "The two men, Ronald Stauber and Michael Gingrich, were named…".
_APPOSITIVE = re.compile(
    r"^(?P<subject>[A-Z][^,;:()]{1,60}?),\s+(?P<aside>[^,;:()]{3,90}?),\s+"
    r"(?=(?:also\s+)?(?:was|were|is|are|has|had|have|will|would|could|can|said|says|told|took|made|met|gave|went|came|"
    r"left|won|lost|began|fled|flew|sent|[a-z]{3,}ed)\b)"
)
_NAMES = re.compile(r"^(?:[A-Z][\w.'’-]*\s+(?:and\s+)?)*[A-Z][\w.'’-]*$")  # "Ronald Stauber and Michael Gingrich"
_COUNTING = re.compile(r"^(?:the|these|those|both|two|three|four|five|six|seven|eight|nine|ten)\s", re.IGNORECASE)
_LONG = 15  # words: past this, an appositive goes before anything is cut
_ORPHAN_POSSESSIVE = re.compile(r"(?:(?<=\s)|^)(?:'s|’s)\s+")  # "advertised in [today]'s editions"
_DEICTIC_POSSESSIVE = re.compile(
    rf"\b(?:{_WEEKDAY}|(?:this|last|next)\s+(?:week|weekend|month|year)|yesterday|today|tonight)(?:'s|’s)\s+",
    re.IGNORECASE,
)
# Cheap first looks (substrings of every match, lowercased): most titles hold none of these, and the
# patterns they guard are costly to try at every character.
_DEICTIC_HINTS = ("day", "tonight", "this ", "last ", "next ", "ago", "weekend", "thanksgiving", "christmas")
_REPORT_HINTS = ("sai", "says", "accord", "announc", "report", "confirm", "added", "declar", "stated", "told",
                 "tells", "insist", "warned", "acknowledg", "claim", "noted", "predict", "estimat", "indicat",
                 "disclos", "reveal")  # fmt: skip
_DASH_HINTS = ("—", "--", "_")
# "Meanwhile," "In addition," "Also," opening a title: they tie it to a sentence the reader does not see.
_OPENER = re.compile(
    r"^(?:(?:also|meanwhile|however|indeed|similarly|nevertheless|nonetheless|even so|in addition|in contrast|"
    r"by contrast|in fact|actually|ironically|notably|surprisingly|in turn|"
    r"instead|moreover|furthermore|separately|still|then|but|and|so)\b,?\s+)+",
    re.IGNORECASE,
)
_INNER_OPENER = re.compile(
    r",\s*(?:however|meanwhile|though|too|moreover|in turn)(?:\s*,|(?=\s*[.…]|$))", re.IGNORECASE
)
# "WASHINGTON (AP) --", "O'SMACH, Cambodia (AP)_", "INDEPENDENCE, Mo. _": a place in capitals, maybe its
# state or country and the agency, then a dash or the wire's underscore.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
    r"(?:,\s+[^\n()_—–]{3,30}?)?\s*(?:\([A-Za-z .-]{2,25}\))?\s*(?:--|[—–_])\s*"
)
# Verbs that report what someone said: the reported clause is their news.
REPORTING_VERBS = frozenset(
    "said says say announced announces reported reports confirmed confirms added declared stated told tells "
    "insisted warned acknowledged claimed noted predicted estimated indicated disclosed revealed".split()
)
_REPORTING = rf"(?:told reporters|told [A-Z][\w.]*(?:\s[A-Z]\w*)*|{'|'.join(sorted(REPORTING_VERBS - {'told'}))})"
_NOT_RELATIVE = r"(?!(?:which|who|whom|that|as)\b)"  # ", which Congress declared" is no attribution
_SETTING = r"(?:to|in|at|on|during|after|before|from)"  # "Castro said to cheers", "he said in a statement"
# ", officials said." ", the sources said Monday." ", according to the police.": who told it, at the end.
_ATTRIBUTION_AT_END = re.compile(
    rf",[\"'”’]*\s*(?:{_NOT_RELATIVE}(?:[a-zA-Z][\w.'’-]*\s+){{1,6}}{_REPORTING}"
    rf"(?:\s+[A-Z]\w+|\s+{_SETTING}\s+[\w' ]{{1,30}})?"
    r"|according\s+to\s+[^,;]{2,60})"
    r"\s*[.…]?[\"'”’]*\s*$"
)
# "Officials said (that) they will order…": the reporter is the reported clause's subject.
# An appositive after the reporter goes with the reporting ("W. Brent LeGere, chairman, said he expects…").
_OWN_REPORT = re.compile(
    rf"^(?P<subject>[A-Za-z][^,;:\"“”`]{{1,80}}?)(?:,\s+[^,;:\"“”`]{{1,60}},)?\s+(?:also\s+)?{_REPORTING}\s+"
    r"(?:that\s+)?(?P<pronoun>he|she|it|they)\s+(?P<rest>[a-z]\w*\b.*)$"
)
# "He noted that the company's order entry has increased…": a reporter the title cannot name says nothing.
# Only "said" may leave out "that": "declared the regime illegal", "insisted on an attack" are no reports.
_PRONOUN_REPORT = re.compile(
    rf"^(?:he|she|they|it)\s+(?:also\s+)?(?:(?:said|says),?\s+(?:that\s+)?(?!(?:on|in|at|to|for|with|by|from|so)\b)"
    rf"|{_REPORTING},?\s+that\s+)",
    re.IGNORECASE,
)
_BE = re.compile(r"^(?:is|was|'s|will be|would be|has been|had been)\s+(?!\w+ed\b)")
_MODAL_PAST = re.compile(r"^(?:would|could|might|should)\b")
_ORGANISATION = frozenset(
    "company firm bank corp corp. inc inc. co co. ltd ltd. group government agency department ministry court "
    "party council committee board union newspaper network station army navy police service office".split()
)
_OPENING_PREPOSITION = re.compile(
    r"^(?:under|in|on|at|after|before|during|despite|with|without|by|from|following|for|as|when|while|although)\s",
    re.IGNORECASE,
)
_QUOTES = frozenset(('"', "“", "”", "``", "''"))
_DASH = r"\s+(?:—|--|_)\s+"
_DASH_ASIDE = re.compile(rf"{_DASH}(?:(?!--)[^—_])*$")
# An aside between dashes, or the dashes it left ("stated unambiguously _ unambiguously _ that", "women -- --").
_PAIRED_DASHES = re.compile(rf"{_DASH}(?:(?:(?!--)[^—_]){{1,120}}?{_DASH}|(?:—|--|_)\s+)")


def reports(verb: str) -> bool:
    """Whether ``verb`` (a word as written) reports speech: its clause complement is what was said."""
    return verb.lower() in REPORTING_VERBS


def teller(tokens: Parsed, kids: list[list[int]], verb: int) -> int:
    """The reporting verb above ``verb`` where the reported clause's subject names no one ("Ogden Projects
    Inc. said net income jumped…": "Net income jumped" alone does not say whose), else ``verb``."""
    token = tokens[verb]
    if token.dep != "ccomp" or token.head == verb or not reports(tokens[token.head].text):
        return verb
    reporter = next((kid for kid in kids[token.head] if tokens[kid].dep == "nsubj"), None)
    subject = next((kid for kid in kids[verb] if tokens[kid].dep in ("nsubj", "nsubjpass")), None)
    if reporter is None or subject is None or tokens[reporter].pos not in ("NOUN", "PROPN"):
        return verb
    # a singular noun with no determiner: "net income", not "troops" (a plural names its people well enough)
    bare = tokens[subject].tag == "NN" and not any(tokens[kid].dep in ("det", "poss") for kid in kids[subject])
    # a quote between the two ("noted that “in military terms…", "“X,” Holder said") is told by its teller
    between = range(min(verb, token.head) + 1, max(verb, token.head))
    quoted = any(tokens[index].text in _QUOTES for index in between)
    return token.head if bare or quoted else verb


def news_span(text: str, sentence: Span, dates: Sequence[Span]) -> Span:
    """``sentence`` (offsets in ``text``) without a dateline before it or an attribution after it where
    none of ``dates`` (offsets in ``text``) is in them: the story's own words."""
    start, end = sentence
    words = text[start:end]
    dateline = _DATELINE.match(words)
    if dateline and len(words) - dateline.end() > 20 and all(date[0] >= start + dateline.end() for date in dates):
        start += dateline.end()
    if _holds(words.lower(), _REPORT_HINTS):
        found = _ATTRIBUTION_AT_END.search(text, start, end)
        if found and all(date[1] <= found.start() for date in dates) and len(text[start : found.start()].split()) > 4:
            end = found.start()
    return start, end


def lead(text: str, sentence: Span, reach: int = 1500) -> str | None:
    """The story's first sentence, where ``sentence`` is a dateline alone ("WASHINGTON, August 8 (Xinhua)
    --"): what the dateline dates, to be titled in its place; else None."""
    if not is_dateline(text[sentence[0] : sentence[1]]):
        return None
    following = next(iter(split_sentences(text[sentence[1] : sentence[1] + reach])), None)
    return None if following is None else text[sentence[1] + following.start : sentence[1] + following.end]


def reworded(title: str) -> str:
    """``title`` without a dateline, days told relative to the day of writing, a discourse opener or an
    attribution at its end, and with a reporting clause folded into what the reporter reported of itself."""
    quoted = _QUOTE_FIRST.match(title)
    if quoted:  # "``That matter is under review,'' Holder said when asked…": Holder said that matter is under review
        quote = quoted.group("quote")
        first = quote.split(None, 1)[0]
        quote = first.lower() + quote[len(first) :] if first.lower() in _SENTENCE_WORDS else quote
        title = f"{quoted.group('who') or quoted.group('named')} said {quote}"
    if "``" in title or "''" in title:  # the wire's quotes: often opened in one sentence, closed in another
        title = re.sub(r"\s*(?:``|'')\s*", " ", title).strip()
    title = _first_sentence(title)
    dateline = _DATELINE.match(title)
    if dateline and len(title[dateline.end() :].split()) >= 3:
        title = title[dateline.end() :]
    lowered = title.lower()
    if _holds(lowered, _DEICTIC_HINTS):
        kept = _DEICTIC_POSSESSIVE.sub("the ", title)
        opening = _DEICTIC_OPENING.match(kept)
        if opening and ("," in opening.group() or not re.fullmatch(_WEEKDAY, opening.group().strip(), re.IGNORECASE)):
            kept = kept[opening.end() :]  # not a bare weekday before a capital: "Sunday Times editors met…"
        kept = _DEICTIC_PHRASE.sub("", kept)
        title = kept if _word_count(kept) >= 2 else title  # "Until this week." stays
        title = _WEEKDAY_ON_NOUN.sub("", title) or title  # "Ceremony" alone: the parser then takes the clause
    title = _INNER_OPENER.sub(_comma_kept, title) if "," in title else title
    cleft = _CLEFT.match(title)
    title = title[cleft.end() :] if cleft and _word_count(title[cleft.end() :]) >= 3 else title
    title = _ORPHAN_POSSESSIVE.sub("the ", title) if "'s" in title or "’s" in title else title
    if _holds(lowered, _REPORT_HINTS):
        found = _ATTRIBUTION_AT_END.search(title)
        title = title[: found.start()] if found and len(title[: found.start()].split()) >= 3 else title
        title = _own_report(title)
    if _holds(title, _DASH_HINTS):
        title = _PAIRED_DASHES.sub(" ", title)
        dash = _DASH_ASIDE.search(title)
        if dash and len(title[: dash.start()].split()) >= 5:
            title = title[: dash.start()] + ("…" if title.endswith("…") else "")
    title = _without_appositive(title) if _word_count(title) > _LONG else title
    marked = _WHEN_ALONE.match(title)
    title = title[marked.end() :] if marked and "," not in title and _word_count(title) > 4 else title
    opener = _OPENER.match(title)
    title = title[opener.end() :] if opener and len(title[opener.end() :].split()) >= 2 else title
    title = re.sub(r"\b(that|said|says)\s*[\"“]?\s*,\s*", r"\1 ", title)  # "said that [“after these charges…”], the…"
    title = re.sub(r"\s+(?=[?!])", "", re.sub(r"\s{2,}", " ", title)).strip()
    return title[:1].upper() + title[1:]


def _holds(text: str, hints: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``hints``: plain substring looks, cheaper than one pattern of them all."""
    return any(hint in text for hint in hints)


def _without_appositive(title: str) -> str:
    """A long title without the appositive after its subject; where the subject only counts or points
    ("The two men") and the appositive names them, the names instead."""
    found = _APPOSITIVE.match(title)
    if found is None:
        return title
    subject, aside = found.group("subject"), found.group("aside")
    counting = _COUNTING.match(subject) and len(subject.split()) <= 4 and len(aside.split()) >= 2
    named = counting and _NAMES.match(aside)
    return f"{aside if named else subject} {title[found.end() :]}"


def _first_sentence(title: str) -> str:
    """The title's first sentence, where it ran into a second one and the first holds a clause."""
    for found in _SENTENCE_END.finditer(title):
        word = title[: found.start()].rsplit(None, 1)[-1]
        if word.islower() and len(word) >= 3 and _word_count(title[: found.start()]) >= 4:
            return title[: found.start()]
    return title


def _comma_kept(found: re.Match[str]) -> str:
    """What ", however," leaves: nothing ("The bank cut"), or a comma after an opening phrase ("Under
    pressure from Washington, Prince Sihanouk changed…")."""
    opening = _OPENING_PREPOSITION.match(found.string) and "," not in found.string[: found.start()]
    return "," if opening and found.group().rstrip().endswith(",") else ""


def _own_report(title: str) -> str:
    """ "Officials said Monday they will order…" -> "Officials will order…": the reporter's own news; "He
    noted that the company's order entry has increased" -> "The company's order entry has increased"."""
    pronoun = _PRONOUN_REPORT.match(title)
    if pronoun and _word_count(title[pronoun.end() :]) >= 3:
        return title[pronoun.end() :]
    found = _OWN_REPORT.match(title)
    if found is None or not _agrees(found.group("subject"), found.group("pronoun")):
        return title
    if found.group("pronoun") == "it" and _BE.match(found.group("rest")):
        return title  # "said it was likely that…": "it" is no one
    if _MODAL_PAST.match(found.group("rest")):
        return title  # "said they would appeal": a plan told, not a thing done
    return f"{found.group('subject')} {found.group('rest')}"


def _agrees(subject: str, pronoun: str) -> bool:
    """Whether ``pronoun`` may stand for ``subject``: its head word (before an "of" phrase) in number and kind."""
    head = re.split(r"\s+(?:of|for|at|in|from|with)\s+", subject, maxsplit=1)[0].split()[-1]
    plural = " and " in subject or (head.endswith("s") and not head.endswith(("ss", "'s", "’s", "us")))
    organisation = head.lower() in _ORGANISATION or head.rstrip(".") in ("Corp", "Inc", "Co", "Ltd")
    if pronoun == "they":
        return plural
    if pronoun == "it":  # "the company", "Sun Microsystems Inc.", "The Pentagon", "NATO"
        named = head.isupper() or subject.startswith("The ")
        return not plural and (organisation or named or head[:1].islower())
    return not plural and not organisation


def _word_count(text: str) -> int:
    return sum(any(char.isalnum() for char in word) for word in text.split())
