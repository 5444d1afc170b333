"""Titles from the dependency parse: the clause a date attaches to, with its subject, without the date.

For each date phrase of a parsed sentence:
1. the unit to remove: the date with what governs it ("on", "on the night of",
   "in 1965 and"), found by climbing from the date to its preposition and to a
   time noun ("night", "end", "morning") it modifies;
2. what the date dates: a noun it modifies ("the 1992 battle of Shusha") gives
   that noun phrase when its clause is not about it; a date that is the subject
   of "saw" gives the object ("The same year saw clashes" -> "Clashes"); a
   temporal clause whose subject is the date ("As winter approached") is the
   setting of the clause it opens; otherwise the nearest clause above the date
   (a "when"/"after" clause, a relative clause, a reported clause are clauses);
3. that clause without the news of other dates (a clause or conjunct that holds
   another date), appositives, parentheses, "according to X" and concessive
   openings;
4. a subject: an implicit one (a conjunct, a participle, a relative clause) is
   taken from where the grammar gets it; a pronoun, or a possessive that opens
   the subject ("Its members"), from the nearest named subject before it, in
   the sentence or the one before;
5. shortened by dropping whole phrases, least needed first (relative and
   adverbial clauses, then prepositional phrases), before it is cut; a cut never
   comes before the verb and its object.
Where the parse gives nothing usable the rule title stands in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set

from kbtimeline.events import parse, reporting, wording
from kbtimeline.events.parse import Parsed, Token
from kbtimeline.events.rules import Span, previous_sentence, rule_title
from kbtimeline.events.wording import plain_subject
from kbtimeline.extract.lexicon import MONTH_NAMES

TIME_NOUNS = frozenset(
    "night morning evening eve afternoon dawn dusk day days week weeks month months year years end beginning start "
    "middle course turn half hours spring summer autumn fall winter season period time part rest".split()
)
# A time noun that also names a happening: "the fall of Chengdu".
EVENT_TIME_NOUNS = frozenset(("fall",))
WH_TAGS = ("WDT", "WP", "WP$", "WRB")  # which, who, whose, where
# Participles on a noun that say when a period ran, not what was done to it ("the quarter ended June 30").
PERIOD_PARTICIPLES = frozenset("ended ending begun started closed expired".split())
WITNESS_VERBS = frozenset("saw see sees witnessed brought marked".split())
TEMPORAL_MARKS = frozenset("as when once while".split())
TEMPORAL_PREPOSITIONS = frozenset("after before following until till since upon".split())
CONCESSIVE = frozenset("although though whereas despite even".split())
BE_FORMS = frozenset("be is are was were been being".split())
PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "plural",
            "them": "plural", "it": "thing"}  # fmt: skip
POSSESSIVE = {"his": "person", "her": "person", "their": "plural", "its": "thing"}
DEMONSTRATIVES = frozenset("this these those such".split())
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
# Participles that work as prepositions: their clause is not a clause ("Following the resignation on 25 May").
PREPOSITIONAL = frozenset(
    "following including according regarding concerning given excluding starting beginning".split()
)
# Of those, the ones that take no object as a preposition ("starting in 1990"): with one, a verb.
PREPOSITIONAL_OR_VERB = frozenset("starting beginning".split())
# Words of the date phrase the parse hangs elsewhere: "Sometime after 490 BC", "early in the morning of",
# "at 11:30 a.m. local time", "from 1995 onward".
RESIDUE_BEFORE = frozenset("sometime sometimes early late shortly soon just around approximately about roughly".split())
RESIDUE_AFTER = (("local", "time"), ("onward",), ("onwards",))
# A preposition just before a date is the date's, whatever the parse says ("On 16 June 1992 Elchibey was…").
DATE_PREPOSITIONS = frozenset("on in at by during since until till from after before around throughout".split())
NOUN_MODIFIERS = ("compound", "amod", "nmod", "nummod", "poss", "appos", "npadvmod")
CLAUSES = ("advcl", "ccomp", "parataxis", "relcl", "acl", "conj", "xcomp", "pcomp")
CORE = ("dobj", "attr", "acomp", "oprd", "agent", "dative", "xcomp", "ccomp", "neg", "aux", "auxpass", "prt")
# Phrases dropped to shorten a title, least needed first.
DROP_ORDER = (("relcl", "acl", "advcl", "parataxis", "appos"), ("npadvmod", "advmod", "prep"), ("conj",))
# What ends where a title may stop: a phrase, a clause, an object or a conjunct.
PHRASES = (*CLAUSES, "prep", "agent", "dobj", "pobj", "attr", "appos", "npadvmod")
MAX_SHORT_NP = 7
# What a verb without a subject climbs through to the clause whose subject it shares ("…, and Chengdu
# before retreating to Taipei": the government retreated).
CLIMBED_FOR_SUBJECT = ("conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "ccomp", "npadvmod")
# What a noun keeps to stand for itself: "the new president of Azerbaijan".
NAME_PARTS = ("det", "amod", "compound", "nmod", "nummod", "poss", "case", "flat", "pobj")
_DATE_WORD = re.compile(rf"\d|\b(?:{'|'.join(MONTH_NAMES)})\b")


def titles(text: str, dates_in: dict[Span, list[Span]]) -> dict[tuple[Span, Span], str]:
    """The title of each (sentence span, date span in it), from one batch parse of the dated sentences."""
    spans = list(dates_in)
    parsed = dict(zip(spans, parse.parse([text[start:end] for start, end in spans]), strict=True))
    made = {(span, own): _Title(text[span[0] : span[1]], parsed[span], own, dates_in[span])
            for span in spans for own in dates_in[span]}  # fmt: skip
    wanting = list(dict.fromkeys(span for (span, _), title in made.items() if title.needs_antecedent))
    before = parse.parse([previous_sentence(text, start) for start, _ in wanting])
    for span, previous in zip(wanting, before, strict=True):
        for own in dates_in[span]:
            made[(span, own)] = _Title(text[span[0] : span[1]], parsed[span], own, dates_in[span], previous)
    # "He was a poor commander. He launched an offensive in December 1914": who "he" is, one sentence further
    further = [(span, previous) for span, previous in zip(wanting, before, strict=True)
               if any(made[(span, own)].wants_earlier for own in dates_in[span])]  # fmt: skip
    earlier = parse.parse([previous_sentence(text, _previous_start(text, span[0])) for span, _ in further])
    for (span, previous), first in zip(further, earlier, strict=True):
        for own in dates_in[span]:
            made[(span, own)] = _Title(text[span[0] : span[1]], parsed[span], own, dates_in[span], previous, first)
    return {key: title.text for key, title in made.items()}


def _previous_start(text: str, start: int) -> int:
    """Where the sentence before the one starting at ``start`` starts."""
    return text.rfind(previous_sentence(text, start), 0, start)


class _Title:
    """The title of one date phrase of one parsed sentence."""

    def __init__(
        self,
        sentence: str,
        tokens: Parsed,
        own: Span,
        dates: list[Span],
        previous: Parsed | None = None,
        earlier: Parsed | None = None,
    ):
        """``previous``: the parse of the sentence before, where a pronoun may find what it names;
        ``earlier``: the one before that, where the sentence before has the same pronoun for subject."""
        self.sentence, self.tokens, self.previous, self.earlier = sentence, tokens, previous, earlier
        self.wants_earlier = False
        self.kids: list[list[int]] = [[] for _ in tokens]
        for token in tokens:
            if token.head != token.i:
                self.kids[token.head].append(token.i)
        self.needs_antecedent = False
        self.removed: set[int] = set()
        self.the: set[int] = set()  # the "'s" of a day told relative to the day of writing, shown as "the"
        date = self._covering(own)
        self.date = date
        others = [self._covering(span) for span in dates if span != own]
        self.others = [other for other in others if other]
        self.other_dates = set().union(*others) if others else set()
        self.relative_others = [other for other in others if other and not any(
            char.isdigit() for index in other for char in tokens[index].text)]  # fmt: skip
        made = self._make(date, others) if date else None
        self.text = made if made and len(made.split()) >= 2 else plain_subject(rule_title(sentence, *own, others=dates))

    # ------------------------------------------------------------ the tree

    def _covering(self, span: Span) -> set[int]:
        return {token.i for token in self.tokens if token.start < span[1] and token.end > span[0]}

    def subtree(self, index: int) -> set[int]:
        return _subtree(self.kids, index)

    def word(self, index: int) -> str:
        return self.tokens[index].text.lower()

    def child(self, index: int, deps: Iterable[str]) -> int | None:
        return next((kid for kid in self.kids[index] if self.tokens[kid].dep in deps), None)

    def _clause_head(self, index: int) -> int:
        """The nearest verb at or above ``index`` (the root if none)."""
        tokens = self.tokens
        while tokens[index].head != index and (
            tokens[index].pos not in ("VERB", "AUX")
            or self._prepositional(index)
            or tokens[index].dep in ("xcomp", "aux", "auxpass", "acomp")  # "were able to bring": were
            or self._infinitive(index)  # "…for legislation to ban…": the clause that says who
            or (tokens[index].dep == "acl" and tokens[index].tag == "VBG")  # "launched attacks forcing…"
            or (tokens[index].dep == "conj" and tokens[tokens[index].head].dep == "xcomp")  # "to capture and force"
            or self._complement_gerund(index)  # "succeeded in driving them out by 1914": succeeded
        ):
            index = tokens[index].head
        return index

    def _prepositional(self, index: int) -> bool:
        """A participle that works as a preposition ("Following the resignation"), not one with an object of
        its own ("…, beginning the Nanchang Uprising on 1 August": the clause that says what began)."""
        verb = self.word(index) in PREPOSITIONAL_OR_VERB and self.child(index, ("dobj",)) is not None
        return self.word(index) in PREPOSITIONAL and not verb

    def _time_noun(self, index: int) -> bool:
        """A noun that only places the date in time ("the night of", "the fall of 1941"), not an event
        named by the same word ("the fall of Chengdu on 10 December")."""
        of = self.child(index, ("prep",))
        event = of is not None and self.word(of) == "of" and not self.subtree(of) & self.date
        noun = self.tokens[index].pos != "VERB"  # "…, beginning the uprising on 1 August": a verb
        return noun and self.word(index) in TIME_NOUNS and not (event and self.word(index) in EVENT_TIME_NOUNS)

    def _complement_gerund(self, index: int) -> bool:
        """An "-ing" form after a preposition that completes its verb ("succeeded in driving", "took the
        Romans by surprise by reviving"), not one after "after", "before", "until": part of that verb's clause."""
        token = self.tokens[index]
        preposition = self.tokens[token.head]
        means = self.word(token.head) == "by" and token.tag == "VBG"  # "retook Macedonia by recapturing Bitola"
        return (
            token.tag in ("VBG", "VB")  # "took the Romans by surprise", "surprise" misread as a verb
            and token.dep == "pcomp"
            and preposition.dep == "prep"
            and self.word(token.head) not in (*TEMPORAL_PREPOSITIONS, "with", "without")
            and not means
            and self.child(index, SUBJECTS) is None  # "with the BEF taking 30,441 prisoners": its own clause
            and self.tokens[preposition.head].pos in ("VERB", "AUX")
        )

    def _infinitive(self, index: int, deps: tuple[str, ...] = ("acl", "advcl", "relcl")) -> bool:
        """A "to" infinitive on a noun or a clause: it has no subject of its own to say who did it."""
        to = self.child(index, ("aux",))
        return self.tokens[index].dep in deps and to is not None and self.word(to) == "to"

    # ------------------------------------------------------------ the title

    def _make(self, date: set[int], others: list[set[int]]) -> str | None:
        tokens = self.tokens
        roots = [index for index in sorted(date) if tokens[index].head not in date or tokens[index].head == index]
        units = list(dict.fromkeys(self._governed(root, others) for root in roots))
        units = [unit for unit in units if not any(unit in self.subtree(other) for other in units if other != unit)]
        unit = min(units, key=lambda index: len(self._path(index)))  # the one nearest the root governs
        if self._in_name(date):  # "the April 12 Incident", "the Autumn Harvest Uprising": a name keeps its date
            verb = self._clause_head(unit)
            while tokens[verb].dep == "acl" and tokens[verb].tag == "VBN":  # "…, known as the X, was staged"
                verb = self._clause_head(tokens[verb].head)
            return self._clause(verb, set())
        if tokens[unit].dep == "dobj" and not self._reduced_passive(tokens[unit].head):
            # "passed the winter", "spent 493 BC": the verb needs its object
            return self._clause(self._clause_head(unit), set())
        removed = set().union(*(self.subtree(index) for index in units))
        last = max(date)  # words after the date are not its phrase ("the winter of 1991–1992 Stepanakert")
        when = self._when_of_date(unit)
        removed = {index for index in removed if index <= last or tokens[index].pos == "PUNCT"
                   or (tokens[index].tag == "POS" and index == last + 1) or index in when
                   or (tokens[index].pos == "ADV" and tokens[index].head in date) or index in self.other_dates
                   or (tokens[index].dep == "cc" and index + 1 in self.other_dates)}  # fmt: skip
        # "in 1957 alone", "1965's", "in late 1940 and early 1941"
        removed |= self._orphans(removed)
        removed |= self._residue(removed)
        if not _DATE_WORD.search(" ".join(tokens[index].text for index in date)):  # "Friday's ceremony"
            # reads "the ceremony"
            self.the = {index for index in removed if tokens[index].tag == "POS" and index == last + 1}
            removed -= self.the
        self.removed = removed
        head = tokens[unit].head
        witnessed = self.child(head, ("dobj",)) if self.word(head) in WITNESS_VERBS else None
        if tokens[unit].dep == "nsubj" and witnessed is not None:
            return self._noun_phrase(witnessed, self.subtree(unit))
        if tokens[unit].dep in ("nsubj", "nsubjpass") and len(units) == 1:
            mark = self.child(head, ("mark", "advmod"))
            if tokens[head].dep == "advcl" and mark is not None and self.word(mark) in TEMPORAL_MARKS:
                return self._clause(tokens[head].head, self.subtree(head))  # "As winter approached, …"
            self.removed = removed - self.subtree(unit)
            return self._clause(self._clause_head(head), self.removed)  # the date is what the clause is about
        modified = head if tokens[unit].dep in (*NOUN_MODIFIERS, "prep") else None
        while modified is not None and tokens[modified].dep in ("poss", "compound"):
            modified = tokens[modified].head  # "the 2007 festival's prize": the prize
        while (modified is not None and tokens[unit].dep == "prep" and tokens[modified].dep == "pobj"
               and self.word(tokens[modified].head) == "of"
               and tokens[tokens[tokens[modified].head].head].pos == "NOUN"):  # fmt: skip
            modified = tokens[tokens[modified].head].head  # "the capture of Lachin on 18 May": the capture
        if modified is not None and tokens[modified].dep == "appos" and tokens[modified].pos == "PROPN":
            modified = None  # another name of what the clause tells ("their offensive (aka the Winter Offensive)")
        if (modified is not None and tokens[modified].pos in ("NOUN", "PROPN")
                and self._about_noun(modified, self.word(unit) if tokens[unit].dep == "prep" else None)):  # fmt: skip
            title = self._noun_phrase(modified, removed)
            if len(title.split()) >= (3 if self.the else 2):  # "The ceremony" for "Friday's ceremony" says nothing
                return title
        verb = self._clause_head(head if unit != head else unit)
        opening = self._opening_phrase(unit, verb)
        if opening is not None:  # "After talks in Baku on 20 May, the sides agreed…": the talks
            title = self._noun_phrase(opening, removed)
            if len(title.split()) >= 2:
                return title
        first = tokens[verb]
        if first.dep == "conj" and unit < first.head < verb:  # a date before both conjuncts dates the first
            verb = first.head
        following, before = max(removed) + 1, min(removed) - 1
        opens = before < 0 or tokens[before].dep == "cc"  # "…, and at 11:30 a.m. the flag was raised"
        if opens and following < len(tokens) and self._root(following) != self._root(verb):
            verb = self._root(following)  # the parse made two sentences of one; the date opens the second
            # ("A tank crashed through the gates, and at 11:30 a.m. the flag was raised")
        later = [kid for kid in self.kids[verb] if tokens[kid].dep == "conj" and kid > unit > verb]
        if later and opens and tokens[before].head == verb:
            verb = later[0]  # "A tank crashed through the gates, and at 11:30 the flag was raised": the flag
        if tokens[verb].pos not in ("VERB", "AUX"):
            return None  # no verb above the date: a misparse ("the destroyer, on a mission, fired…" as a noun)
        subjectless = tokens[verb].tag == "VBG" and self._implicit_subject(verb) is None
        if subjectless and modified is not None and tokens[modified].pos == "NOUN":
            # "…, leading to the surrender of General Lee the next day", no subject found: the surrender
            title = self._noun_phrase(modified, removed)
            if len(title.split()) >= 2:
                return title
        return self._clause(reporting.teller(tokens, self.kids, verb), removed)

    def _governed(self, index: int, others: list[set[int]]) -> int:
        """The date's root climbed to its preposition, a time noun it modifies, a date it is coordinated with."""
        tokens = self.tokens
        while tokens[index].head != index:
            token, head = tokens[index], tokens[tokens[index].head]
            governs = (
                (token.dep == "pobj" and (head.pos in ("ADP", "SCONJ") or self._prepositional(head.i)))
                or (token.dep == "prep" and self._prepositional(head.i))
                or (token.dep in ("prep", *NOUN_MODIFIERS) and self._time_noun(head.i))
                or (token.dep in ("conj", "appos") and any(head.i in other for other in others))
            )
            if not governs:
                break
            index = head.i
        return index

    def _in_name(self, date: set[int]) -> bool:
        """Whether the date is a word of a proper name that reads wrong without it: after "the", before the
        capitalised noun it modifies ("the April 12 Incident", "the Autumn Harvest Uprising"), with no
        preposition of its own. A year goes: "the 1784 Treaty of Mangalore" is the Treaty of Mangalore."""
        tokens = self.tokens
        first, name = min(date), max(date) + 1
        while name < len(tokens) and tokens[name].pos == "PROPN" and tokens[name].text[:1].isupper():
            name += 1
        words = set(range(max(date) + 1, name))
        opening = first - 1  # "the April 12 Incident", "the Iraq Spring Fighting of 2004"
        if opening > 0 and tokens[opening].pos == "PROPN" and tokens[opening].head in words:
            opening -= 1
        return (
            bool(words)
            and not all(tokens[index].text.isdigit() for index in date)  # "the 1784 Treaty": the Treaty reads
            and opening >= 0
            and self.word(opening) == "the"
            and all(tokens[index].head in date | words for index in date)
        )

    def _when_of_date(self, unit: int) -> set[int]:
        """A "when" clause the parse hangs on a date that opens the sentence ("In 1912 when his men seized a
        horse, Huerta ordered…"): it only says which moment of the date; the news is the clause the date
        opens. After its verb ("began on 31 March, when insurgents ambushed…") the clause tells the news;
        before a pronoun ("…, he hired") it names who that is."""
        tokens, governor = self.tokens, self.tokens[unit].head
        subject = self.child(governor, SUBJECTS)
        if subject is not None and tokens[subject].tag == "PRP":
            return set()
        clauses = [kid for index in self.date for kid in self.kids[index] if kid not in self.date
                   and tokens[kid].dep in ("relcl", "advcl")
                   and any(self.word(mark) == "when" for mark in self.kids[kid])
                   and max(self.subtree(kid)) < governor]  # fmt: skip
        return set().union(*(self.subtree(kid) for kid in clauses))

    def _opening_phrase(self, unit: int, verb: int) -> int | None:
        """The object of an "After…"/"Following…" phrase that opens the clause and holds the date."""
        index = unit
        while self.tokens[index].head != index and self.tokens[index].head != verb:
            index = self.tokens[index].head
        token = self.tokens[index]
        if token.dep in ("prep", "advcl") and index < verb and token.text.lower() in TEMPORAL_PREPOSITIONS:
            return self.child(index, ("pobj", "dobj"))
        for kid in self.kids[verb]:  # "After talks in Baku on 20 May," with the date hung on the verb
            phrase = self.subtree(kid)
            if (self.tokens[kid].dep == "prep" and self.word(kid) in TEMPORAL_PREPOSITIONS
                    and max(phrase) + 1 == min(self.subtree(index)) and index < verb):  # fmt: skip
                return self.child(kid, ("pobj",))
        return None

    def _orphans(self, removed: set[int]) -> set[int]:
        """A preposition left without its object once the date goes ("On" of "On 14 May 2008 thirty-nine
        countries…", where the small model hangs the date on the next noun)."""
        before = min(removed) - 1
        token = self.tokens[before] if before >= 0 else None
        if token is not None and token.dep == "prep" and token.tag == "IN" and not set(self.kids[before]) - removed:
            return {before}
        return set()

    def _residue(self, removed: set[int]) -> set[int]:
        """Words of the date phrase the parse did not put under it, next to it."""
        tokens, found = self.tokens, set[int]()
        before = min(removed) - 1
        while before >= 0 and (self.word(before) in RESIDUE_BEFORE or self._date_preposition(before, removed)
                               or (self.word(before) == "as" and before + 1 in found | removed
                                   and self.word(before + 1) in ("late", "early", "as"))):  # fmt: skip
            found.add(before)  # "as late as 1781", "as early as May"
            before -= 1
        after = max(removed) + 1
        for phrase in RESIDUE_AFTER:
            words = [self.word(index) for index in range(after, min(after + len(phrase), len(tokens)))]
            if tuple(words) == phrase:
                found |= set(range(after, after + len(phrase)))
        return found

    def _date_preposition(self, index: int, removed: set[int]) -> bool:
        following = index + 1
        return (
            self.word(index) in DATE_PREPOSITIONS
            and self.tokens[index].tag == "IN"
            and following in removed
            and following in self.date
            and not self._on_noun()  # "after Thursday's ruling", "after Friday prayers": "after" is the noun's
        )

    def _on_noun(self) -> bool:
        """Whether the date modifies a noun that is no time noun: as its possessive ("Thursday's ruling",
        "1981's soldiers") or, a weekday, as a compound ("Friday prayers"; a common noun or a year read as a
        compound is more often a misparse: "in the winter cost Azerbaijan…", "In 219 BC, Hannibal…")."""
        tokens = self.tokens
        weekday = not _DATE_WORD.search(" ".join(tokens[index].text for index in self.date))
        return any((tokens[index].dep == "poss" or (weekday and tokens[index].dep == "compound"
                                                    and tokens[index].pos == "PROPN"))
                   and tokens[index].head not in self.date
                   and self.word(tokens[index].head) not in TIME_NOUNS for index in self.date)  # fmt: skip

    def _about_noun(self, noun: int, preposition: str | None) -> bool:
        """Whether a date on ``noun`` dates the noun and not its clause: the noun is inside another
        noun's phrase ("clashes since the 1994 ceasefire"), the object of "since"/"until"/"after"
        ("until the war in 2020"), the subject ("The oil price shock of October 1973 caused…"), its
        clause is dated otherwise, or its clause only says it was ("It was not until the massacre…")."""
        tokens = self.tokens
        token = tokens[noun]
        clause = self._clause_head(noun)
        governor = tokens[token.head] if token.dep == "pobj" else token
        predicate = self.word(clause) in BE_FORMS and governor.head == clause
        temporal = token.dep == "pobj" and self.word(token.head) in TEMPORAL_PREPOSITIONS
        before = token.head - 1  # "failed actions such as the Battle of Ap Bac on 2 January 1963": the battle
        example = token.dep == "pobj" and (self.word(token.head) in ("including", "like") or (
            self.word(token.head) == "as" and before >= 0 and self.word(before) == "such"))  # fmt: skip
        temporal = temporal or example
        determiner = self.child(noun, ("det",))
        inside = preposition == "of" or (determiner is not None and determiner < min(self.date) < noun)
        if token.dep == "acomp":  # "were overrun by troops that same spring", "overrun" misread as a noun
            return False
        if token.dep in SUBJECTS:  # "The 1992 battle…", "The shock of October 1973…", not "Figures in 2008"
            # nor what the clause says of it: "The operations of 1950 were more successful"
            judged = self.word(clause) in BE_FORMS and self.child(clause, ("acomp",)) is not None
            return token.pos == "NOUN" and inside and not judged
        if preposition not in (None, "of"):  # "in 2008" on a noun is as likely to be the clause's
            return predicate or temporal
        nested = token.dep in ("compound", "conj", "appos", "nmod", "poss") or (
            token.dep == "pobj" and tokens[governor.head].pos in ("NOUN", "PROPN")
        )
        return nested or predicate or temporal or bool(self.subtree(clause) & self.other_dates - self.subtree(noun))

    def _noun_phrase(self, noun: int, removed: set[int]) -> str:
        """The noun with its modifiers; a name that modifies a noun with its noun ("Sumgait (1988) and
        Baku (1990) pogroms": Sumgait pogroms); without a conjunct of another date, and without its
        clauses unless the noun is too light alone ("the first time that napalm was used")."""
        tokens = self.tokens
        kept = self.subtree(noun) - removed
        kept -= self._asides(kept, noun)
        for kid in self.kids[noun]:
            if tokens[kid].dep == "conj" and self.subtree(kid) & self.other_dates:
                kept -= self.subtree(kid) | {cc for cc in self.kids[noun] if tokens[cc].dep == "cc" and cc < kid}
        head = tokens[noun].head
        if tokens[noun].dep in ("nmod", "compound", "amod") and tokens[head].pos in ("NOUN", "PROPN"):
            kept = {index for index in kept if index == noun or tokens[index].dep not in ("cc", "conj")} | {head}
        clauses = {index for kid in self.kids[noun] if tokens[kid].dep in ("relcl", "acl") and kid not in removed
                   for index in self.subtree(kid)}  # fmt: skip
        if sum(self.tokens[index].pos in ("NOUN", "PROPN") for index in kept - clauses) > 1:
            kept -= clauses
        if (len(self._content(kept)) <= 1 and tokens[noun].pos == "NOUN" and self.word(noun) not in TIME_NOUNS
                and min(self.date) < noun):  # fmt: skip
            # "after the June offensive": the June offensive, not "offensive"; "the ostracism of 482 BC"
            # is no title alone ("Ostracism 482 BC"): its clause says more
            kept |= self.date & self.subtree(noun)
        of = tokens[min(self.date)].head if min(self.date) > noun else None
        if (len(self._content(kept)) <= 1 and tokens[noun].pos == "PROPN" and of is not None
                and self.word(of) == "of" and tokens[of].head == noun):  # fmt: skip
            kept |= {of} | (self.date & self.subtree(noun))  # a name with its year: "the Constitution of 1917"
        first = min(kept, default=noun)
        if self.tokens[first].head == noun and self.word(first) in ("the", "a", "an"):
            kept.discard(first)
        replace: dict[int, str] = {}
        self._name_subject(noun, replace)  # "following his murder": Marat's murder
        return self._shortened(kept, {noun}, replace)

    def _content(self, kept: set[int]) -> set[int]:
        return {index for index in kept if self.tokens[index].pos not in ("DET", "PUNCT", "ADP", "CCONJ")}

    def _clause(self, verb: int, removed: set[int]) -> str | None:
        tokens = self.tokens
        if tokens[verb].dep == "relcl" and tokens[tokens[verb].head].dep == "attr":
            verb = self._clause_head(tokens[verb].head)  # "X was a conflict that took place in 1988": X
        reflexive = self.child(verb, SUBJECTS)
        if (reflexive is not None and self.word(reflexive).endswith(("self", "selves"))
                and tokens[verb].dep in ("ccomp", "xcomp") and tokens[verb].head != verb):  # fmt: skip
            verb = self._clause_head(tokens[verb].head)  # "He found himself surrounded in 1916": he found
        kept = self.subtree(verb) - removed
        for other in self.relative_others:  # "as in the previous year": residue of another date
            roots = [index for index in other if tokens[index].head not in other or tokens[index].head == index]
            for root in roots:
                unit = self._governed(root, [])
                if verb not in self.subtree(unit):
                    kept -= self.subtree(unit) | self._orphans(self.subtree(unit))
        kept -= self._asides(kept, verb)
        inside = self._in_parentheses(verb)
        if inside:  # "(lost in 1986 in Operation Dawn-8) through…": the aside
            kept &= inside
        kept -= self._others_news(verb, kept)
        for kid in self.kids[verb]:  # "On May 18, [1992] the army entered…": another date's opening goes too
            phrase = self.subtree(kid)
            if (kid < verb and tokens[kid].dep in ("prep", "npadvmod") and phrase & self.other_dates
                    and min(phrase) == min(kept, default=-1)):  # fmt: skip
                kept -= phrase
        kept -= {index for index in kept if tokens[index].dep == "prep" and self.kids[index]
                 and not set(self.kids[index]) & kept}  # fmt: skip  # "Japan surrendered, with [another date's news]"
        kept = self._own_item(verb, kept)
        kept = self._respective(kept)
        for kid in self.kids[verb]:
            if tokens[kid].dep == "mark" or (tokens[kid].dep == "advmod" and tokens[kid].tag == "WRB"):
                kept -= self.subtree(kid)
            elif tokens[kid].dep == "cc" and kid == min(kept, default=kid):
                kept.discard(kid)
        if verb not in kept:
            return None
        replace: dict[int, str] = {}
        subject = self.child(verb, SUBJECTS)
        if subject is not None and subject in self.removed:  # a date the small model took for the subject
            subject = next((kid for kid in self.kids[verb] if tokens[kid].dep in SUBJECTS and kid in kept), None)
        if subject is not None and subject in kept:
            if self._points_back(subject):  # "This led to fighting in the towns": the fighting is the news
                outcome = self._outcome(verb, kept)
                if outcome is not None:
                    return outcome
            self._name_subject(subject, replace)
            self._finite(verb, subject, replace)
            kept = self._subject_first(verb, subject, kept, replace)
        else:
            stray = self._stray_subject(verb) if tokens[verb].dep in ("ROOT", "ccomp") else None
            if stray is not None:  # "In Greece, the War…, finally ended": the War is the subject
                kept -= {index for kid in self.kids[verb] if stray in self.subtree(kid) for index in self.subtree(kid)}
            implicit = stray if stray is not None else self._implicit_subject(verb)
            inverted = self.child(verb, ("dobj", "attr"))
            if implicit is None and tokens[verb].tag == "VBD" and inverted is not None and self._opens(verb):
                # "In August began Operation Torch": a past verb only the date opens, with no subject, and a
                # noun after it: the noun is the subject the inversion put after its verb
                moved = self._subject_first(verb, inverted, kept, replace)
                if moved != kept:
                    return self._shortened(moved, {verb}, replace)
            if implicit is None and tokens[verb].tag in ("VBD", "VBZ", "VBP"):
                return None  # a finite verb whose subject the parse lost ("Was blockaded…"): the rules do better
            if implicit is not None:
                clause = self.subtree(verb) if verb in self.subtree(implicit) else set()
                named = _short_noun_phrase(self.tokens, self.kids, implicit, without=clause)
                if tokens[implicit].tag == "PRP" and self.word(implicit) in PERSONAL:
                    named = self._antecedent(implicit) or named
                group = [verb, *(kid for kid in self.kids[verb] if tokens[kid].dep in ("aux", "auxpass", "neg")
                                 and kid in kept)]  # fmt: skip
                first = min(group)
                if all(tokens[index].dep in ("advmod", "aux", "auxpass", "neg", "punct") for index in kept
                       if index < first):  # fmt: skip
                    first = min(index for index in kept if tokens[index].pos != "PUNCT")  # not a stray comma
                named = named[0].lower() + named[1:] if tokens[implicit].pos != "PROPN" else named
                plural = tokens[implicit].tag in ("NNS", "NNPS") or self.child(implicit, ("conj",)) is not None
                plural = plural or self.word(implicit) in ("they", "we")
                being = next((kid for kid in group if self.word(kid) == "being" and tokens[kid].dep == "auxpass"), None)
                if being is not None:  # "…, finally being decisively defeated": were finally decisively defeated
                    replace[being] = "" if being != first else "were" if plural else "was"
                verb_word = replace.get(first, tokens[first].text)
                if being is not None and being != first:
                    verb_word = f"{'were' if plural else 'was'} {verb_word}"
                if verb_word.lower() == "having":  # "Having crossed into Europe": the army had crossed
                    verb_word = "had"

                elif (
                    first == verb
                    and tokens[verb].tag == "VBG"
                    and (tokens[verb].dep == "advcl" or self._temporal_gerund(verb))
                    and (past := _past(verb_word))
                ):  # "The alliance expanded, adding Greece": the alliance added Greece; "fought on until
                    # reaching the line in November": reached the line
                    verb_word = past
                elif len(group) == 1 and (
                    (tokens[verb].tag == "VBG" and tokens[verb].dep in ("advcl", "conj"))
                    or (tokens[verb].tag == "VBN" and tokens[verb].dep == "advcl")
                    or self._reduced_passive(verb)
                    or (tokens[verb].tag == "VBN" and tokens[verb].dep == "acl" and self._clause_noun(verb))
                ):  # "…, completing their departure": the troops were completing their departure;
                    # "villages seized by the militia", "when first revealed": were seized, was first revealed;
                    # "any activity deemed communist in 1956": was deemed
                    verb_word = f"{'were' if plural else 'was'} {verb_word}"
                replace[first] = f"{named} {verb_word}"
        relative = self.child(verb, ("nsubj", "nsubjpass"))
        if relative is not None and tokens[relative].tag in ("WDT", "WP") and tokens[verb].dep == "relcl":
            replace[relative] = self._short_noun_phrase(tokens[verb].head)
        whose = min(self.subtree(relative)) if relative is not None else None
        if whose is not None and tokens[whose].tag == "WP$" and tokens[verb].dep == "relcl":
            owner = tokens[verb].head  # "the toy maker, whose stock peaked": its stock; "Coleco, a toy maker
            if tokens[owner].dep == "appos" and tokens[tokens[owner].head].pos == "PROPN":  # whose…": Coleco's
                owner = tokens[owner].head
            name = self._short_noun_phrase(owner)
            replace[whose] = f"{name}'" if name.endswith("s") else f"{name}'s"
        marker = next((kid for kid in self.kids[verb] if kid < verb and self.word(kid) in ("that", "which", "whom")
                       and tokens[kid].dep in ("mark", "dobj")), None)  # fmt: skip
        if (marker is not None and tokens[verb].dep in ("relcl", "acl") and kept
                and tokens[tokens[verb].head].pos in ("NOUN", "PROPN")):  # fmt: skip
            # "the expedition that the Persians had mounted there" is the news, not "The Persians had mounted there"
            first = min(index for index in kept if tokens[index].pos != "PUNCT")
            named = f"{self._short_noun_phrase(tokens[verb].head)} {tokens[marker].text}"
            replace[first] = named if first == marker else f"{named} {replace.get(first, tokens[first].text)}"
        relative_subject = self.child(verb, ("nsubj",))
        if (marker is None and tokens[verb].dep == "relcl" and tokens[verb].head < verb and verb in kept
                and relative_subject is not None
                and not any(tokens[index].tag in WH_TAGS for index in self.subtree(relative_subject))
                and not any(tokens[kid].tag == "WRB" for kid in self.kids[verb]) and self.word(verb) not in BE_FORMS
                and not any(tokens[kid].dep in ("dobj", "attr", "ccomp", "xcomp") for kid in self.kids[verb])
                and not any(tokens[kid].dep == "prep" and kid in kept and not set(self.kids[kid]) & kept
                            for kid in self.kids[verb])  # "the town they fled from": no object to supply
                and tokens[tokens[verb].head].pos == "NOUN"):  # fmt: skip
            # "keeping the gains they achieved during the previous year": they achieved the gains
            noun = self._short_noun_phrase(tokens[verb].head)
            replace[verb] = f"{replace.get(verb, tokens[verb].text)} {noun[0].lower() + noun[1:]}"
        self._name_pointed(kept, replace)
        core = {verb, *(kid for kid in self.kids[verb] if tokens[kid].dep in (*SUBJECTS, *CORE))}
        if not core & {kid for kid in self.kids[verb] if tokens[kid].dep in CORE[:6]}:
            # no object: the first prepositional phrase after the verb completes it ("were in control of…")
            complement = next((kid for kid in sorted(self.kids[verb]) if kid > verb and kid in kept
                               and tokens[kid].dep == "prep"), None)  # fmt: skip
            core |= {complement} if complement is not None else set()
        return self._shortened(kept, core, replace)

    def _opens(self, verb: int) -> bool:
        """Whether only the date and its preposition come before ``verb`` ("In August began…")."""
        return verb > 0 and all(
            index in self.date or self.tokens[index].pos in ("ADP", "DET", "PUNCT", "ADV") for index in range(verb)
        )

    def _subject_first(self, verb: int, subject: int, kept: set[int], replace: dict[int, str]) -> set[int]:
        """An inverted clause put in order ("In August began Operation Torch" -> "Operation Torch began"):
        a subject after its verb, with no auxiliary to invert, moves before the verb."""
        tokens = self.tokens
        inverted = (
            subject > verb
            and tokens[verb].pos == "VERB"
            and tokens[subject].dep != "expl"
            and not any(tokens[kid].dep in ("aux", "auxpass") for kid in self.kids[verb])
            and not any(tokens[index].text in ('"', "“", "”", "'") for index in range(verb))  # "…," said X
        )
        phrase = self.subtree(subject) & kept
        if not inverted or any(index > verb and index not in phrase | self.removed and tokens[index].pos != "PUNCT"
                               for index in kept):  # fmt: skip
            return kept  # only a clause that is its verb and subject: no object or phrase left to misplace
        words = " ".join(self._words(phrase, replace)).strip(" ,")
        replace[verb] = f"{words} {replace.get(verb, tokens[verb].text).lower()}"
        return kept - phrase

    def _own_item(self, verb: int, kept: set[int]) -> set[int]:
        """A list of items each with its date ("adding Greece in 1952, West Germany in 1955 and Spain in
        1982"): the verb with the item of this date only, not the items of the others.

        The dates after the verb split the words after it into one stretch per date, the item before
        each date; words before the first item ("to include") stay with every item. It holds only where
        every stretch is a noun phrase, no clause: "attacked the town in May and took it in June" is two
        clauses. A date before the verb dates the verb alone: the list goes.
        """
        tokens = self.tokens
        own = self._date_phrase(self.date)
        phrases = [self._date_phrase(date) for date in (self.date, *self.others)]
        phrases = sorted((phrase for phrase in phrases if min(phrase) > verb and phrase <= self.subtree(verb)), key=min)
        listed = phrases if own in phrases else [phrase for phrase in phrases if not phrase & own]
        if len(listed) < 2 or (own not in phrases and max(own) > verb):
            return kept
        bounds = [verb, *(index for phrase in listed for index in (min(phrase), max(phrase)))]
        clause = self.subtree(verb) - self.removed  # with the clauses another date's news took out of ``kept``
        stretches = [set(range(bounds[2 * n] + 1, bounds[2 * n + 1])) & clause for n in range(len(listed))]
        for n, stretch in enumerate(stretches[1:], 1):  # an item follows a comma or "and": "…, and finally Phu Yen"
            breaks = [index for index in stretch if tokens[index].text == ","] or [
                index for index in stretch if tokens[index].pos == "CCONJ"]  # fmt: skip
            stretches[n] = {index for index in stretch if index > max(breaks)} if breaks else set()
        stretches = [self._trimmed(stretch) for stretch in stretches]
        nouns = [index for index in sorted(stretches[0]) if tokens[index].pos in ("NOUN", "PROPN")]
        top = nouns[0] if nouns else -1
        while top >= 0 and tokens[top].head in stretches[0] and tokens[tokens[top].head].pos not in ("VERB", "AUX"):
            top = tokens[top].head  # the first item's phrase: "the Third Army victory", "in Italy"
        start = min(self.subtree(top) & stretches[0]) if nouns else -1
        frame = {index for index in stretches[0] if index < start}  # "…expanded to include Greece"
        stretches[0] -= frame
        if not all(self._item(stretch, stretches[0]) for stretch in stretches):
            return kept
        if own not in listed:  # "Since 1949 it has been expanded to include Greece in 1952, …": expanded
            return {index for index in kept if index < min(frame | stretches[0])}
        item = stretches[listed.index(own)]
        shared = min(stretches[0])  # "followed by Barcelona on 26 January and Girona on 5 February": by Girona
        if tokens[shared].pos == "ADP" and tokens[min(item)].pos != "ADP":
            frame = frame | {shared}
        return {index for index in kept if index <= verb} | item | frame

    def _respective(self, kept: set[int]) -> set[int]:
        """ "adopted Resolution 10 and Resolution 37 on 14 March and 20 May, respectively": for the second
        date, the second of the listed objects ("adopted Resolution 37"); a list as long as the dates pairs
        with them. A listed subject stays whole: alone it would want its verb in the singular."""
        tokens = self.tokens
        if not any(self.word(index) == "respectively" for index in range(len(tokens))):
            return kept
        dates = sorted((self.date, *self.others), key=min)
        for head in sorted(kept):
            if (tokens[head].dep in ("conj", *SUBJECTS) or tokens[head].pos not in ("NOUN", "PROPN")
                    or head in self.date):  # fmt: skip  # a subject would want its verb in the singular
                continue
            items, stack = [head], [head]
            while stack:
                found = [kid for kid in self.kids[stack.pop()] if tokens[kid].dep == "conj"]
                items += found
                stack += found
            items.sort()
            if len(items) != len(dates) or any(self.subtree(item) & (self.date | self.other_dates) for item in items):
                continue
            own = items[dates.index(self.date)]
            spans = [self.subtree(item) - set().union(*(self.subtree(later) for later in items if later > item))
                     for item in items]  # fmt: skip
            others = set().union(*(span for item, span in zip(items, spans, strict=True) if item != own))
            return kept - others
        return kept

    def _item(self, words: set[int], first: set[int]) -> bool:
        """Whether ``words`` are an item of a list whose first item is ``first``: a short noun phrase with no
        verb, opened by the first item's preposition if by one ("in Italy…, and in Western Europe")."""
        tokens = self.tokens
        opening = tokens[min(words)] if words else None
        return (
            opening is not None
            and any(tokens[index].pos in ("NOUN", "PROPN") for index in words)
            and not any(tokens[index].pos in ("VERB", "AUX") for index in words)
            and _word_count([tokens[index].text for index in words]) <= MAX_SHORT_NP
            and (opening.pos != "ADP" or opening.text.lower() == tokens[min(first)].text.lower())
        )

    def _trimmed(self, words: set[int]) -> set[int]:
        """Words without the commas and "and" at their edges, and an adverb before ("and finally Spain")."""
        ordered = sorted(words)
        while ordered and self.tokens[ordered[0]].pos in ("PUNCT", "CCONJ", "ADV"):
            ordered.pop(0)
        while ordered and self.tokens[ordered[-1]].pos in ("PUNCT", "CCONJ"):
            ordered.pop()
        return set(ordered)

    def _date_phrase(self, date: set[int]) -> frozenset[int]:
        """A date with what governs it ("in 1952"), not what the parse hangs after it ("July and Fizuli")."""
        roots = [index for index in date if self.tokens[index].head not in date or self.tokens[index].head == index]
        return frozenset(index for index in self.subtree(self._governed(min(roots), [])) if index <= max(date))

    def _name_pointed(self, kept: set[int], replace: dict[int, str]) -> None:
        """ "changed this policy" -> "changed the policy of neutrality": see ``_pointed``."""
        for det in sorted(kept):
            if det + 1 in kept and det not in replace and (named := self._pointed(det)):
                replace[det], replace[det + 1] = named, ""

    def _pointed(self, det: int) -> str | None:
        """What a demonstrative before its noun points at: the same noun told before, in the sentence or
        the one before, where that says more ("this policy": the policy of neutrality)."""
        noun = det + 1
        if (self.word(det) not in DEMONSTRATIVES or self.tokens[det].dep != "det" or noun >= len(self.tokens)
                or self.tokens[det].head != noun or self.tokens[noun].pos != "NOUN"):  # fmt: skip
            return None
        named = _same_noun(self.tokens[:det], self.tokens[noun].text)
        if named is None and self.previous is None:
            self.needs_antecedent = True
        elif named is None and self.previous is not None:
            named = _same_noun(self.previous, self.tokens[noun].text)
        return named

    def _points_back(self, subject: int) -> bool:
        """A demonstrative standing alone as the subject ("This", "That"): it names a happening told before."""
        return self.word(subject) in ("this", "that") and self.tokens[subject].tag == "DT" and not self.kids[subject]

    def _outcome(self, verb: int, kept: set[int]) -> str | None:
        """What a clause with a pointing subject brings about: its object, or the object of its first
        preposition ("led to fighting…", "was followed up with raids…"), with the rest of the clause."""
        tokens = self.tokens
        for kid in sorted(self.kids[verb]):
            if kid not in kept or kid < verb:
                continue
            if tokens[kid].dep in ("dobj", "attr", "oprd"):  # "This was called the April 12 Incident"
                noun = kid
            elif tokens[kid].dep in ("prep", "agent") and (found := self.child(kid, ("pobj", "pcomp"))) is not None:
                noun = found
            else:
                continue
            phrase = {index for index in kept if index >= min(self.subtree(noun))}  # "the general election in…"
            if tokens[noun].dep == "oprd":  # "This was called the April 12 Incident by the party": its name
                phrase &= self.subtree(noun)
            if noun in phrase and len(self._content(phrase)) >= 2:
                first = min(phrase)
                if tokens[first].head == noun and self.word(first) in ("the", "a", "an"):
                    phrase.discard(first)
                return self._shortened(phrase, {noun}, {})
            return None
        return None

    def _asides(self, kept: set[int], head: int) -> set[int]:
        """Appositives, parentheses, "according to X", opening clauses: dropped before anything is cut."""
        tokens, dropped = self.tokens, set()
        opened: list[int] = []
        for token in tokens:
            if token.text in ("(", "["):
                opened.append(token.i)
            elif token.text in (")", "]") and opened:
                inside = set(range(opened.pop(), token.i + 1))
                if head not in inside:
                    dropped |= inside & kept
        for index in kept:
            token = tokens[index]
            opening = token.dep in ("advcl", "prep") and index < head and token.head == head and token.pos == "VERB"
            attribution = token.dep == "prep" and self.word(index) in ("according", "despite")
            mark = self.child(index, ("mark",))
            concessive = token.dep == "advcl" and mark is not None and self.word(mark) in CONCESSIVE
            # "…, an early 1987 attempt to capture Basra": the noun itself is no aside
            appositive = token.dep == "appos" and index != head and not self._listed(index) and self._set_off(index)
            appositive = appositive or self._aside_relative(index, head)
            if appositive or opening or attribution or concessive:
                phrase = self.subtree(index)
                dropped |= phrase | {
                    edge
                    for edge in (min(phrase) - 1, max(phrase) + 1)
                    if token.dep == "appos" and 0 <= edge < len(tokens) and tokens[edge].text in (",", "-", "–", "—")
                }
        return dropped

    def _aside_relative(self, index: int, head: int) -> bool:
        """A relative clause between commas on the subject ("Huerta, who commanded the armed forces,
        conspired…"): it tells about the subject, not what happened at the date."""
        tokens = self.tokens
        phrase = self.subtree(index)
        return (
            tokens[index].dep == "relcl"
            and index != head
            and tokens[tokens[index].head].dep in SUBJECTS
            and tokens[min(phrase)].tag in ("WP", "WDT")
            and self._set_off(index)
            and max(phrase) + 1 < len(tokens)
            and tokens[max(phrase) + 1].text == ","
            and not phrase & self.date
        )

    def _set_off(self, appos: int) -> bool:
        """Whether an appositive stands apart, after a comma or dash ("Mutalibov, the leader of the party,"),
        and is no second object the small model misread ("appointed Villa his chief commander")."""
        first = min(self.subtree(appos))
        reflexive = self.word(appos).endswith(("self", "selves"))  # "Saddam Hussein himself was captured"
        # one aside the small model split in two ("Two aides to Netanyahu, adviser Uzi Arad and Cabinet
        # Secretary Danny Naveh, left…"): the second part runs on from a first that is set off
        siblings = self.kids[self.tokens[appos].head]
        run_on = any(
            kid < appos and self.tokens[kid].dep == "appos" and max(self.subtree(kid)) == first - 1
            and self._set_off(kid)
            for kid in siblings
        )  # fmt: skip
        return reflexive or run_on or (first > 0 and self.tokens[first - 1].text in (",", ";", "-", "–", "—", "(", ":"))

    def _listed(self, appos: int) -> bool:
        """Whether an "appositive" is an item of a list the small model misread ("between Armenia, the NKR
        and Azerbaijan", "with A at X, B at Y, and C"): it has a conjunct, or comes before its head's."""
        tokens, head = self.tokens, self.tokens[appos].head
        after = [token.dep for token in tokens[max(self.subtree(appos)) + 1 :][:2] if token.text != ","]
        return (
            self.child(appos, ("conj",)) is not None
            or any(tokens[kid].dep == "conj" and kid > appos for kid in self.kids[head])
            or after[:1] == ["cc"]  # "…, the 308th Division at Ninh Binh, and the main attack"
        )

    def _others_news(self, verb: int, kept: set[int]) -> set[int]:
        """Clauses and conjuncts that hold another date, or have their own subject: another happening."""
        dropped: set[int] = set()
        for kid in self.kids[verb]:  # a clause on the far side of a semicolon is a sentence of its own, and
            # so is one before a colon ("Price is regarded as the last soldier killed: he was shot at 10:57")
            phrase = self.subtree(kid)
            breaks = (";", ":") if max(phrase) < verb else (";",)
            between = range(max(phrase) + 1, verb) if max(phrase) < verb else range(verb + 1, min(phrase))
            if self.tokens[kid].dep in CLAUSES and any(self.tokens[index].text in breaks for index in between):
                dropped |= phrase | {index for index in between if self.tokens[index].text in breaks}
        # a date coordinated with this one ("in January and February 1937") went with it: no other news
        news = self.other_dates - self._coordinated()
        for index in sorted(kept, key=lambda index: -len(self._path(index))):  # the innermost clause first
            token = self.tokens[index]
            if index == verb or token.dep not in CLAUSES or index in dropped:
                continue
            own_subject = token.dep == "conj" and token.pos in ("VERB", "AUX") and self.child(index, SUBJECTS)
            if token.dep == "ccomp" and token.head == verb and reporting.reports(self.word(verb)):
                continue  # what was said is the news of the saying, whatever else it dates
            if own_subject or (self.subtree(index) - dropped) & news:
                dropped |= self.subtree(index)
                if token.dep == "conj":
                    dropped |= {kid for kid in self.kids[token.head] if self.tokens[kid].dep == "cc" and kid < index}
        return dropped

    def _finite(self, verb: int, subject: int, replace: dict[int, str]) -> None:
        """A participle with its own subject after "with" ("with the documents signed on 2 September",
        "with HMS Furious launching Camels in July") made a finite verb: were signed, launched."""
        tokens = self.tokens
        if (tokens[verb].dep not in ("pcomp", "advcl") or self.word(tokens[verb].head) != "with"
                or self.child(verb, ("aux", "auxpass")) is not None):  # fmt: skip
            return
        text = replace.get(verb, tokens[verb].text)
        if tokens[verb].tag == "VBN":
            plural = tokens[subject].tag in ("NNS", "NNPS") or self.child(subject, ("conj",)) is not None
            first = verb  # "were finally signed"
            while first - 1 in self.kids[verb] and tokens[first - 1].dep == "advmod":
                first -= 1
            replace[first] = f"{'were' if plural else 'was'} {replace.get(first, tokens[first].text)}"
        elif tokens[verb].tag == "VBG" and (past := _past(text)):
            replace[verb] = past

    def _coordinated(self) -> set[int]:
        """The other dates joined to this one by "and" or as its appositive ("in January and February")."""
        tokens = self.tokens

        def linked(other: set[int]) -> bool:
            both = other | self.date
            first, second = sorted((other, self.date), key=min)
            restated = all(tokens[index].text in "()," for index in range(max(first) + 1, min(second)))
            # "two years later (218 BC)": one date told twice
            return restated or any(tokens[index].dep in ("conj", "appos") and tokens[index].head in both
                                   and (tokens[index].head in self.date) != (index in self.date)
                                   for index in both)  # fmt: skip

        return set().union(*(other for other in self.others if linked(other)))

    def _clause_noun(self, participle: int) -> bool:
        """Whether a participle on a noun tells what was done to it ("a speech made to Congress"): the noun
        has an agent, or a place in a clause; a noun the parse made the root, with a participle, is a
        clause whose verb the small model mistook ("The U-boat threat lessened in 1917")."""
        noun = self.tokens[participle].head
        verb = self.tokens[self._root(participle)].pos in ("VERB", "AUX")  # "Antipathy between X culminated…"
        period = self.word(participle) in PERIOD_PARTICIPLES  # "the quarter ended June 30": no one ended it
        return self.child(participle, ("agent",)) is not None or (
            verb
            and not period
            and self.tokens[noun].dep != "ROOT"
            and self.word(participle) != "known"
            and self._verbless_noun(participle) is None
        )

    def _verbless_noun(self, participle: int) -> int | None:
        """The noun a participle is the verb of, where the small model made that noun a conjunct of a verb
        ("Aristides continued…, and tension between the two camps built over the winter"): tension built."""
        tokens, top = self.tokens, self.tokens[participle].head
        while tokens[top].dep == "pobj" and tokens[tokens[top].head].dep == "prep":
            top = tokens[tokens[top].head].head
        stranded = tokens[top].dep == "conj" and tokens[tokens[top].head].pos in ("VERB", "AUX")
        return top if stranded and tokens[top].pos == "NOUN" and top < participle else None

    def _temporal_gerund(self, verb: int) -> bool:
        """An "-ing" form after "until", "after", "before" ("until reaching the line"): a happening of its own."""
        token = self.tokens[verb]
        preposition = self.word(token.head)  # "…, by recapturing Bitola on 19 November": recaptured Bitola
        return token.tag == "VBG" and token.dep == "pcomp" and preposition in (*TEMPORAL_PREPOSITIONS, "by")

    def _reduced_passive(self, verb: int) -> bool:
        """Whether ``verb`` is a past participle on the noun before it that the small model hangs on the
        clause: see ``_passive_noun``."""
        return self._passive_noun(verb) is not None

    def _passive_noun(self, verb: int) -> int | None:
        """The noun a past participle right after it, with an agent or in parentheses, says what was done to
        ("…a member of the movement founded about 1910 by Zapata", "recaptured the peninsula (lost in 1986)"),
        where the small model hangs the participle on the clause."""
        tokens = self.tokens
        if tokens[verb].dep != "advcl" or tokens[verb].tag not in ("VBN", "VBD") or self.child(verb, SUBJECTS):
            return None
        if verb > 0 and tokens[verb - 1].pos == "NOUN" and self.child(verb, ("agent",)) is not None:
            return verb - 1
        if verb > 1 and tokens[verb - 1].text == "(" and tokens[verb - 2].pos == "NOUN" and self._in_parentheses(verb):
            return verb - 2
        return None

    def _in_parentheses(self, verb: int) -> set[int]:
        """The words from ``verb`` to the closing parenthesis, where the verb opens one that holds the date."""
        tokens = self.tokens
        if verb == 0 or tokens[verb - 1].text != "(":
            return set()
        close = next((index for index in range(verb, len(tokens)) if tokens[index].text == ")"), len(tokens))
        inside = set(range(verb, close))
        return inside if self.date <= inside else set()

    def _stray_subject(self, verb: int) -> int | None:
        """A subject the small model hung before its verb as an appositive: of the opening phrase ("In
        Greece, the First Peloponnesian War, which…, finally ended"), or of the words just before the
        clause ("…of Mount Athos (a Persian fleet had been destroyed…")."""
        tokens = self.tokens
        clause = self.subtree(verb)
        start = min(index for index in clause if tokens[index].pos != "PUNCT")
        for index in range(verb - 1, -1, -1):
            token = tokens[index]
            if token.dep != "appos" or token.pos not in ("NOUN", "PROPN") or self.subtree(index) & self.date:
                continue  # an appositive with the date in it is what the date is about, not a subject
            path, node = [], index
            while node != verb and tokens[node].head != node:
                path.append(tokens[node].dep)
                node = tokens[node].head
                if node in self.removed:  # "During the winter of 1921–1922 Riverton, the capital…": Riverton
                    break
            opening = node == verb and set(path) <= {"appos", "pobj", "prep"}
            following = max(self.subtree(index)) + 1
            while following < len(tokens) and tokens[following].pos == "PUNCT" and following not in clause:
                following += 1
            if opening or (following == start and index not in clause):
                return index
        return None

    def _implicit_subject(self, verb: int) -> int | None:
        """Where the grammar takes a missing subject from: the first conjunct, the main clause, the noun."""
        tokens, seen = self.tokens, set()
        while verb not in seen:
            seen.add(verb)
            subject = self.child(verb, ("nsubj", "nsubjpass"))
            if subject is not None and tokens[subject].tag not in ("WDT", "WP") and subject not in self.removed:
                return subject
            token = tokens[verb]
            noun = self._passive_noun(verb)
            if noun is not None:  # "the movement founded in 1910 by Zapata": the movement
                return noun
            if token.dep in ("relcl", "acl") and tokens[token.head].pos in ("NOUN", "PROPN"):
                stranded = self._verbless_noun(verb) if token.dep == "acl" else None
                return stranded if stranded is not None else token.head if token.dep == "acl" else None
            if token.head == verb or token.dep not in CLIMBED_FOR_SUBJECT:
                return None
            verb = token.head
        return None

    def _name_subject(self, subject: int, replace: dict[int, str]) -> None:
        """A pronoun subject, or one opened by a possessive or demonstrative, made to name its referent."""
        tokens = self.tokens
        if tokens[subject].tag == "PRP" and self.word(subject) in PERSONAL:
            named = self._antecedent(subject)
            if named:
                replace[subject] = named
            return
        first = min(self.subtree(subject))
        word = self.word(first)
        if word in POSSESSIVE and tokens[first].dep == "poss":
            named = self._antecedent(first)
            replace[first] = (f"{named}'" if named.endswith("s") else f"{named}'s") if named else "The"
        elif word in DEMONSTRATIVES and tokens[first].dep in ("det", "amod", "predet"):
            named = self._pointed(first)  # "This policy ended": the policy of glasnost ended
            replace[first] = named or "The"
            if named:
                replace[first + 1] = ""

    def _antecedent(self, pronoun: int) -> str | None:
        """The nearest named subject before ``pronoun`` in the sentence, else the previous sentence's."""
        kind = PERSONAL.get(self.word(pronoun)) or POSSESSIVE.get(self.word(pronoun))
        named = _named_subject(self.tokens[:pronoun], kind, reverse=True)
        if named is None and self.previous is None:
            self.needs_antecedent = True
        if named or self.previous is None:
            return named
        named = _named_subject(self.previous, kind, subjects_only=True)
        if named is None and _pronoun_subject(self.previous, kind):
            # "He was a poor commander. He launched…": the one before says who
            self.wants_earlier = self.earlier is None
            return _named_subject(self.earlier, kind) if self.earlier else None
        return named or _named_subject(self.previous, kind)

    def _short_noun_phrase(self, noun: int) -> str:
        return _short_noun_phrase(self.tokens, self.kids, noun)

    # ------------------------------------------------------------ words

    def _shortened(self, kept: set[int], core: set[int], replace: dict[int, str]) -> str:
        """The kept words as a title; if too long, whole phrases dropped (least needed first), then a cut.

        Up to HARD_MAX_WORDS nothing goes. Within one kind of phrase the largest goes first, as short
        ones are the likelier complements ("chose to go into exile"); phrases inside the subject go
        last ("An attempt at shared rule came to naught", not "An attempt came…"); an infinitive on a
        noun goes only with its noun ("in an attempt to capture it", not "in an attempt").
        """
        protected = set().union(*(self._path(index) for index in core if index in kept)) if core else set()
        subject = set().union(*(self.subtree(index) for index in core if self.tokens[index].dep in SUBJECTS))
        for deps in DROP_ORDER:
            while _word_count(self._words(kept, replace)) > wording.HARD_MAX_WORDS:
                essential = self._essential(kept, core)
                end = max(essential, default=-1)  # a phrase after the essentials is cut, not taken out
                if _word_count(self._words(essential, replace)) <= wording.MAX_WORDS:
                    end = -1  # they fit: only an opening or an aside before the verb goes
                candidates = [index for index in kept if self.tokens[index].dep in deps and index not in protected
                              and index not in replace and self._droppable(index, end, core)]  # fmt: skip
                if not candidates:
                    break
                outside = [index for index in candidates if index not in subject] or candidates
                index = max(outside, key=lambda index: len(self.subtree(index) & kept))
                kept -= self.subtree(index)
                if self.tokens[index].dep == "conj":  # its "and" goes with it
                    head = self.tokens[index].head
                    kept -= {kid for kid in self.kids[head] if self.tokens[kid].dep == "cc" and head < kid < index}
        words = self._words(kept, replace)
        essential = self._essential(kept, core)
        if _word_count(words) > wording.HARD_MAX_WORDS:
            fitting = self._at_phrase_end(kept, essential, replace)
            if fitting is not None:  # the phrases that do not fit go whole: "…in favor of X", not "…in favor of…"
                return wording.tidy(" ".join(self._words(fitting, replace))) + "…"
        return wording.cut(wording.tidy(" ".join(words)).split(), keep_at_least=len(self._words(essential, replace)))

    def _at_phrase_end(self, kept: set[int], essential: set[int], replace: dict[int, str]) -> set[int] | None:
        """The longest head of ``kept`` that ends where a phrase ends, holds the essentials and fits a title."""
        ends = {max(self.subtree(index) & kept) for index in kept if self.tokens[index].dep in PHRASES}
        ends |= {self._compact_end_noun(index, kept) for index in kept
                 if self.tokens[index].pos in ("NOUN", "PROPN") and self.tokens[index].dep in PHRASES}  # fmt: skip
        ends |= {max(essential, default=-1)}
        for end in sorted(ends, reverse=True):
            head = {index for index in kept if index <= end}
            if end >= max(essential, default=-1) and _word_count(self._words(head, replace)) <= wording.HARD_MAX_WORDS:
                return head if _word_count(self._words(head, replace)) >= 3 else None
        return None

    def _droppable(self, index: int, end: int, core: set[int]) -> bool:
        """Whether the phrase at ``index`` may be taken out to shorten: inside the essentials (before ``end``)
        or before its verb; not a word of a hyphenated word, not an adverb of an adjective ("most prominent"),
        not an "of" phrase, not an infinitive on a noun without its noun."""
        tokens = self.tokens
        return (
            (min(self.subtree(index)) < end or self._before_its_verb(index, core))
            and (tokens[index].dep not in ("advmod", "npadvmod") or tokens[tokens[index].head].pos in ("VERB", "AUX"))
            and self.word(index) != "of"
            and not self._glued(self.subtree(index))
            and not self._infinitive(index, ("acl", "relcl"))
        )

    def _before_its_verb(self, index: int, core: set[int]) -> bool:
        """An opening phrase or an aside between subject and verb ("In response to this development, …")."""
        head = self.tokens[index].head
        phrase = self.tokens[index].dep != "advmod"  # "was significantly increased": a word, no aside
        return phrase and head in core and self.tokens[head].pos in ("VERB", "AUX") and index < head

    def _essential(self, kept: set[int], core: set[int]) -> set[int]:
        """The kept words up to the end of who did what: the core and, for an object, its noun with its own
        modifiers and "of" phrase (not the phrases hung on it); a clause complement, its own essentials."""
        last = max((self._compact_end(index, kept) for index in core if index in kept), default=-1)
        return {index for index in kept if index <= last}

    def _compact_end(self, index: int, kept: set[int], depth: int = 0) -> int:
        tokens = self.tokens
        if tokens[index].dep not in CORE or depth > 3:
            return index
        if tokens[index].pos in ("VERB", "AUX"):  # "pledged that he was not…": that clause's verb and object
            inner = [kid for kid in self.kids[index] if kid in kept and tokens[kid].dep in (*SUBJECTS, *CORE)]
            return max([index, *(self._compact_end(kid, kept, depth + 1) for kid in inner)])
        if tokens[index].dep == "agent":
            found = self.child(index, ("pobj",))
            return index if found is None else max(self._compact_end_noun(found, kept), index)
        return self._compact_end_noun(index, kept)

    def _compact_end_noun(self, noun: int, kept: set[int]) -> int:
        keep, stack = {noun}, [noun]
        while stack:
            parent = stack.pop()
            for kid in self.kids[parent]:
                dep = self.tokens[kid].dep
                after = kid > parent and dep not in ("pobj", "flat", "case", "nummod")  # "problems…, much less"
                if kid in kept and ((dep in (*NAME_PARTS, "quantmod") and not after)
                                    or (dep == "prep" and self.word(kid) == "of")):  # fmt: skip
                    keep.add(kid)
                    stack.append(kid)
        return max(keep)

    def _stray_commas(self, kept: set[int]) -> set[int]:
        """The commas around a phrase taken out ("forces, [with the aid of…,] mounted"), or after the last one."""
        stray: set[int] = set()
        for index in sorted(kept):  # commas that open the kept words ("In 1991, Yeltsin tried…")
            if self.tokens[index].pos != "PUNCT" or self.tokens[index].text not in ",;:":
                break
            stray.add(index)
        for index in kept:
            if self.tokens[index].text in ("-", "–", "—") and not {index - 1, index + 1} <= kept:
                stray.add(index)  # "Germany and Slovakia [- a client state in 1939] - attacked": a dash alone
            if self.tokens[index].text != ",":
                continue
            following = next((later for later in range(index + 1, len(self.tokens)) if later in kept), None)
            paired = any(self.tokens[other].text == "," and other not in stray for other in kept if other < index)
            if (index - 1 not in kept and index - 1 >= 0 and self.tokens[index - 1].text in ")]" and not paired
                    and following is not None and self.tokens[following].pos in ("VERB", "AUX")):  # fmt: skip
                stray.add(index)  # "The CSCE [(later the OSCE)], created…": the aside's comma before the verb
                continue
            start = index
            while start - 1 in self.removed:
                start -= 1
            if start < index and start - 1 in kept and self.tokens[start - 1].pos != "PUNCT":
                stray.add(index)  # "were again defeated [in June], at the Battle…": the date's comma
                continue
            if index + 1 in kept:
                continue
            if following is None:
                stray.add(index)
            elif self.tokens[following].text == ",":
                stray |= {index, following}
        return stray

    def _glued(self, phrase: set[int]) -> bool:
        """Whether the phrase is part of a word ("British" in "British-based"): it cannot go alone."""
        first, last = min(phrase), max(phrase)
        tokens = self.tokens
        before = first > 0 and tokens[first - 1].end == tokens[first].start and tokens[first - 1].pos != "PUNCT"
        after = last + 1 < len(tokens) and tokens[last].end == tokens[last + 1].start and tokens[last + 1].text in "-–"
        return before or after

    def _root(self, index: int) -> int:
        while self.tokens[index].head != index:
            index = self.tokens[index].head
        return index

    def _path(self, index: int) -> set[int]:
        path = {index}
        while self.tokens[index].head != index:
            index = self.tokens[index].head
            path.add(index)
        return path

    def _words(self, kept: set[int], replace: dict[int, str]) -> list[str]:
        pieces: list[str] = []
        previous = None
        kept = kept - self._stray_commas(kept)
        for index in sorted(kept):
            token = self.tokens[index]
            text = "the" if index in self.the else replace.get(index, token.text)
            joined = previous is not None and previous == index - 1 and token.start == self.tokens[previous].end
            if joined and pieces:
                pieces[-1] += text
            else:
                pieces.append(text)
            previous = index
        return " ".join(pieces).split()


def _past(participle: str) -> str | None:
    """The past tense of an "-ing" form ("adding" -> "added", "taking" -> "took"), by lemminflect (installed
    with ``kbtimeline[nlp]``); None without it."""
    try:
        from lemminflect import getInflection, getLemma
    except ModuleNotFoundError:
        return None
    lemmas = getLemma(participle.lower(), upos="VERB")
    forms = getInflection(lemmas[0], tag="VBD") if lemmas else ()
    return forms[0] if forms and forms[0] != participle.lower() else None


def _word_count(words: list[str]) -> int:
    """Words a reader counts: a stray comma or full stop is none."""
    return sum(any(char.isalnum() for char in word) for word in words)


def _agrees(token: Token, kind: str | None) -> bool:
    if kind == "plural":
        return token.tag in ("NNS", "NNPS") or token.pos == "PROPN"
    if kind == "person":
        return token.tag == "NNP"
    return token.tag in ("NN", "NNP")


def _short_noun_phrase(tokens: Parsed, kids: list[list[int]], noun: int, without: Set[int] = frozenset()) -> str:
    """A noun with its determiners, adjectives, compounds and an "of" phrase: a name to stand for it;
    ``without`` the clause it is named for ("any activity [deemed communist in 1956]")."""
    keep, stack = {noun}, [noun]
    while stack:
        parent = stack.pop()
        for kid in kids[parent]:
            if kid in without:
                continue
            dep = tokens[kid].dep
            hyphenated = tokens[parent].dep in ("amod", "compound") and (dep == "npadvmod" or tokens[kid].tag == "HYPH")
            if dep in NAME_PARTS or (dep == "prep" and tokens[kid].text.lower() == "of") or hyphenated:
                keep.add(kid)  # "Armenian-populated villages"
                stack.append(kid)
    if tokens[noun].pos == "NOUN" and sum(tokens[index].pos != "DET" for index in keep) == 1:
        # a bare noun says little alone ("Forces made for Shusha"): with its first phrase, if short
        # ("Forces led by general Andranik", "The armies from the Eastern satrapies")
        for kid in sorted(kids[noun]):
            phrase = _subtree(kids, kid) - without
            if (kid > noun and kid not in without and tokens[kid].dep in ("prep", "acl")
                    and len(keep | phrase) <= MAX_SHORT_NP):  # fmt: skip
                keep |= phrase
                break
    for index in range(min(keep), max(keep) + 1):  # "Austro-Hungarians", "high-flying": a hyphenated word whole
        if tokens[index].tag == "HYPH" and (index in keep or {index - 1, index + 1} <= keep) and index > 0:
            keep |= {index - 1, index, index + 1}
    ordered = sorted(keep)
    span = [index for index in ordered if ordered[0] <= index <= noun or index in keep]
    if len(span) > MAX_SHORT_NP:
        span = [index for index in span if index <= noun][-MAX_SHORT_NP:]
    words = "".join(
        ("" if position and tokens[index].start == tokens[span[position - 1]].end else " ") + tokens[index].text
        for position, index in enumerate(span)
    ).strip()  # as written: "Gorbachev's", "Armenian-populated"
    first = tokens[span[0]].text.lower()
    if first in POSSESSIVE or first in DEMONSTRATIVES:
        words = "the " + words.split(" ", 1)[1] if " " in words else words
    return words


def _subtree(kids: list[list[int]], index: int) -> set[int]:
    found, stack = set(), [index]
    while stack:
        node = stack.pop()
        found.add(node)
        stack.extend(kids[node])
    return found


def _named_subject(
    tokens: Parsed, kind: str | None, *, reverse: bool = False, subjects_only: bool = False
) -> str | None:
    """The first (or, ``reverse``, last) subject among ``tokens`` that is a name agreeing with ``kind``;
    for a person, unless ``subjects_only``, else the first person named."""
    kids: list[list[int]] = [[] for _ in tokens]
    for token in tokens:
        if token.head != token.i and token.head < len(tokens):
            kids[token.head].append(token.i)
    ordered = list(reversed(tokens) if reverse else tokens)
    # the subject of a main clause before that of a "when" or relative clause: in "The Vietcong resumed
    # operations when dry season began and it had recaptured…", "it" is the Vietcong
    subordinate = [token for token in ordered if token.head < len(tokens) and tokens[token.head].dep == "advcl"
                   and any(tokens[kid].dep in ("mark", "advmod") and tokens[kid].text.lower() in TEMPORAL_MARKS
                           for kid in kids[token.head])]  # fmt: skip
    # the agent of a passive is who did it, after the subjects: "Another attempt was made by the Americans,
    # but they failed"; a plural noun only ("outnumbered by the Army, they…" is no army)
    agents = [token for token in ordered if token.dep == "pobj" and token.head < len(tokens)
              and tokens[token.head].dep == "agent" and token.tag in ("NNS", "NNPS") and kind == "plural"]  # fmt: skip
    for token in [token for token in ordered if token not in subordinate] + subordinate + agents:
        subject = token.dep in ("nsubj", "nsubjpass") or token in agents
        if subject and token.pos in ("NOUN", "PROPN") and _agrees(token, kind):
            named = _short_noun_phrase(tokens, kids, token.i, without=_dated(tokens, kids, token.i))
            if _names(named, kind):
                return named
    if reverse or kind != "person" or subjects_only:
        return None
    for token in ordered:  # "he" or "she" with no named subject before: the first person named
        if token.tag == "NNP" and token.dep in ("dobj", "pobj", "appos", "nsubj", "nsubjpass"):
            named = _short_noun_phrase(tokens, kids, token.i)
            if _names(named, kind):
                return named
    return None


def _dated(tokens: Parsed, kids: list[list[int]], noun: int) -> set[int]:
    """The words of a noun's phrases that hold a date ("The 1916 Battle of Jutland", "The Concordat of 1801"):
    without them the noun can name what a pronoun stands for."""
    determiner = next((kid for kid in kids[noun] if tokens[kid].dep == "det" and kid < noun), None)
    inside = [kid for kid in kids[noun] if (tokens[kid].dep == "prep" and tokens[kid].text.lower() == "of")
              or (tokens[kid].dep in ("nummod", "compound", "nmod", "amod") and determiner is not None
                  and determiner < kid < noun)]  # fmt: skip  # not a date the parse glued to a name's front
    return {index for kid in inside if _DATE_WORD.search(" ".join(tokens[index].text for index in _subtree(kids, kid)))
            for index in _subtree(kids, kid)}  # fmt: skip


def _pronoun_subject(tokens: Parsed, kind: str | None) -> bool:
    """Whether the first subject of a main clause among ``tokens`` is a pronoun of ``kind`` ("He was…")."""
    subjects = [token for token in tokens if token.dep in ("nsubj", "nsubjpass") and token.head < len(tokens)
                and tokens[token.head].dep in ("ROOT", "conj")]  # fmt: skip
    first = subjects[0] if subjects else None
    return first is not None and first.tag == "PRP" and PERSONAL.get(first.text.lower()) == kind


def _same_noun(tokens: Parsed, noun: str) -> str | None:
    """The last noun among ``tokens`` that is ``noun`` (or its singular or plural) with more words to name
    it ("the policy of neutrality"), not itself pointed at ("this policy")."""
    stem = noun.lower().removesuffix("es") if noun.lower().endswith("ses") else noun.lower().removesuffix("s")
    kids: list[list[int]] = [[] for _ in tokens]
    for token in tokens:
        if token.head != token.i and token.head < len(tokens):
            kids[token.head].append(token.i)
    for token in reversed(tokens):
        word = token.text.lower()
        if token.pos != "NOUN" or word not in (stem, stem + "s", stem + "es"):
            continue
        if any(tokens[kid].text.lower() in DEMONSTRATIVES for kid in kids[token.i]):
            return None  # the noun before points back too
        named = _short_noun_phrase(tokens, kids, token.i)
        if len(named.split()) < 3 or _DATE_WORD.search(named):
            return None  # "the policy" says no more than "this policy"
        first, _, rest = named.partition(" ")
        if first.lower() in ("the", "a", "an"):
            return f"the {rest}"  # told before: definite
        return named if first[:1].isupper() else f"the {named}"  # "Gorbachev's policy", "the demands for…"
    return None


def _names(words: str, kind: str | None) -> bool:
    """Whether ``words`` can name what a pronoun of ``kind`` stands for: a date names no one ("February
    1986"), and a plural name is no person ("the United States" is no "he")."""
    plural = words.lower().startswith("the ") and words.endswith("s")
    relative = words.lower().startswith(("whose ", "which ", "whom "))  # "whose officers" names no one
    return not _DATE_WORD.search(words) and not (kind == "person" and plural) and not relative
