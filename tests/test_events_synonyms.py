"""Words for what happened: which phrases say which sense, and which senses are different stages."""

from __future__ import annotations

import pytest

from kbtimeline.events.synonyms import senses, stages_differ

# (phrase, the senses it says, reason)
SENSES = [
    ("a ceasefire was signed", {"~ceasefire", "~signing"}, "a ceasefire, signed"),
    ("the parties agreed to cease hostilities", {"~ceasefire"}, "a ceasefire in other words"),
    ("a truce came into force", {"~ceasefire"}, "a synonym"),
    ("the army took control of the town", {"~capture"}, "'took control' is a capture"),
    ("the town was taken by the army", {"~capture"}, "a passive capture"),
    ("British troops entered Lexington", {"~capture"}, "entering a named place"),
    ("merchant ships entered convoys", set(), "entering something that is no place is no capture"),
    ("an offensive to capture the town", {"~attack"}, "a capture aimed at is an attack"),
    ("they managed to capture the town", {"~capture"}, "a capture achieved"),
    ("the massacre of the villagers", {"~killing"}, "a killing"),
    ("the official death toll was 600", {"~killing"}, "a death toll restates a killing"),
    ("the talks came to an end", {"~end"}, "an end"),
    ("the war ended in 1994", {"~ending"}, "a plain end, of its own"),
    ("by the end of the war", {"~ending"}, "a plain end, as a noun"),
    ("the army ended the siege", set(), "an end put to something is not its own"),
    ("the defenders were driven out of the town", {"~withdrawal"}, "driven out is a withdrawal"),
    ("the battle of the bridge", {"~fighting"}, "a battle is fighting"),
    ("the war figures in popular media", set(), "no event word"),
    ("the government condemned the bombing", {"~reaction"}, "a condemnation is a reaction"),
    ("the minister welcomed the truce", {"~reaction", "~ceasefire"}, "a reaction and what it reacts to"),
]  # fmt: skip


def test_rows_are_unique():
    assert len({row[0] for row in SENSES}) == len(SENSES)


@pytest.mark.parametrize(("phrase", "said", "reason"), SENSES, ids=[row[-1] for row in SENSES])
def test_senses(phrase, said, reason):
    assert senses(phrase)[0] == said


# (one record's senses, another's, different stages?, reason)
STAGES = [
    ({"~attack"}, {"~capture"}, True, "an attack is not yet a capture"),
    ({"~attack", "~capture"}, {"~capture"}, False, "an attack that captured is the capture"),
    ({"~capture"}, {"~withdrawal"}, True, "a capture and a withdrawal are two stages"),
    ({"~capture", "~withdrawal"}, {"~capture"}, False, "a capture that drove the defenders out is the capture"),
    ({"~end"}, set(), True, "an end is not what went on"),
    ({"~ending"}, set(), False, "a plain end is no stage: it often frames another happening"),
    ({"~ceasefire"}, {"~ceasefire", "~killing"}, False, "no stage words"),
    ({"~reaction"}, {"~killing"}, True, "a reaction ('condemned the bombing') is not what it reacts to"),
    ({"~reaction", "~killing"}, {"~reaction"}, False, "two accounts of one reaction"),
]  # fmt: skip


@pytest.mark.parametrize(("one", "other", "differ", "reason"), STAGES, ids=[row[-1] for row in STAGES])
def test_stages(one, other, differ, reason):
    assert stages_differ(frozenset(one), frozenset(other)) is differ
