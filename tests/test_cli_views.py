"""The picture commands through the real Typer app, at fixed widths, piped and at a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kbtimeline import cli
from kbtimeline.output.render import Environment
from timeline_fixtures import make_data_dir

CASES = {
    'timeline_piped': (
        ['timeline', '--width', '60'],
        None,
        '1988 + * 20 February 1988  20 February 1988:...   d99de95df1\n'
        '     :   1989-1991: 3 empty years\n'
        '1992 + * 26 February 1992  26 February 1992:...   1791e77202\n'
        '     | * May 1992         May 1992: In May 19...  0dd39fb065\n'
        '1993 + * summer 1993      summer 1993: Ağdam...   26aeb9b558\n'
        '1994 + * May 1994         May 1994: A ceasefi...  3fd9b48998\n'
    ),
    'timeline_terminal': (
        ['timeline', '--width', '60'],
        Environment(is_tty=True, width=60, no_color=True),
        '1988 ├ ● 20 February 1988  20 February 1988: Cl…  d99de95df1\n'
        '     ┆   1989–1991: 3 empty years\n'
        '1992 ├ ● 26 February 1992  26 February 1992: Th…  1791e77202\n'
        '     │ ● May 1992         May 1992: In May 1992…  0dd39fb065\n'
        '1993 ├ ● summer 1993      summer 1993: Ağdam fe…  26aeb9b558\n'
        '1994 ├ ● May 1994         May 1994: A ceasefire…  3fd9b48998\n'
    ),
    'timeline_window': (
        ['timeline', '1992', '--width', '60'],
        None,
        '1992 Jan +\n'
        '     Feb + * 26 February 1992  26 February 19...  1791e77202\n'
        '         :   Mar-Apr 1992: 2 empty months\n'
        '     May + * May 1992        May 1992: In May...  0dd39fb065\n'
        '         :   Jun-Dec 1992: 7 empty months\n'
    ),
    'timeline_limited': (
        ['timeline', '1992', '--width', '60', '--limit', '1'],
        None,
        '1992 Jan +\n'
        '     Feb + * 26 February 1992  26 February 19...  1791e77202\n'
        '         :   Mar-Apr 1992: 2 empty months\n'
        'more events from 1992-05-01 on not shown (--limit 1)\n'
    ),  # empty up to the first event left out, which it names; no month after it is called empty
    'timeline_limit_not_reached': (
        ['timeline', '1992', '--width', '60', '--limit', '2'],
        None,
        '1992 Jan +\n'
        '     Feb + * 26 February 1992  26 February 19...  1791e77202\n'
        '         :   Mar-Apr 1992: 2 empty months\n'
        '     May + * May 1992        May 1992: In May...  0dd39fb065\n'
        '         :   Jun-Dec 1992: 7 empty months\n'
    ),
    'histogram_year': (
        ['histogram', '--by', 'year', '--width', '40'],
        None,
        'year      | events\n'
        '1988      |############## 1\n'
        '1989-1991 : 0\n'
        '1992      |########################### 2\n'
        '1993      |############## 1\n'
        '1994      |############## 1\n'
    ),
    'histogram_spark': (
        ['histogram', '--spark', '--width', '40'],
        None,
        '1988 =   @== 1994  peak 2 in 1992\n'
    ),
    'stats_text': (
        ['stats', '--width', '60'],
        None,
        'events         5 from 1 source\n'
        'earliest       20 February 1988  20 February...  d99de95df1\n'
        'latest         May 1994  May 1994: A ceasefir...  3fd9b48998\n'
        'busiest year   1992: 2 events\n'
        'busiest month  Feb 1988: 1 event\n'
        '\n'
        'source | events\n'
        'war    |################################################## 5\n'
        '\n'
        'granularity | events\n'
        'day         |############################################# 2\n'
        'month       |############################################# 2\n'
        'season      |###################### 1\n'
    ),
    'list_as_timeline': (
        ['list', '--format', 'timeline'],
        Environment(is_tty=False, width=60, no_color=False),
        '1988 + * 20 February 1988  20 February 1988:...   d99de95df1\n'
        '     :   1989-1991: 3 empty years\n'
        '1992 + * 26 February 1992  26 February 1992:...   1791e77202\n'
        '     | * May 1992         May 1992: In May 19...  0dd39fb065\n'
        '1993 + * summer 1993      summer 1993: Ağdam...   26aeb9b558\n'
        '1994 + * May 1994         May 1994: A ceasefi...  3fd9b48998\n'
    ),
}  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_data_dir(tmp_path)


@pytest.mark.parametrize("name", sorted(CASES))
def test_picture(data, name):
    args, env, expected = CASES[name]
    result = CliRunner().invoke(cli.app, ["--data", str(data), *args], obj=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == expected


def test_stats_json_is_machine_readable(data):
    result = CliRunner().invoke(cli.app, ["--data", str(data), "stats", "--json"])
    figures = json.loads(result.stdout)
    assert figures["events"] == 5
    assert figures["busiest_year"] == {"key": "1992", "label": "1992", "events": 2}


def test_piped_pictures_have_no_box_drawing_or_colour(data):
    for command in (["timeline"], ["histogram"], ["histogram", "--spark"], ["stats"]):
        result = CliRunner().invoke(cli.app, ["--data", str(data), *command])
        drawn = [char for char in result.stdout if "\u2500" <= char <= "\u25ff"]  # box drawing, blocks, shapes
        assert drawn == [], command
        assert "\x1b[" not in result.stdout


def test_unicode_can_be_asked_for_in_a_pipe(data):
    result = CliRunner().invoke(cli.app, ["--data", str(data), "timeline", "--unicode"])
    assert "●" in result.stdout and "\x1b[" not in result.stdout


def test_colour_only_at_a_terminal_without_no_color(data):
    colour = Environment(is_tty=True, width=60, no_color=False)
    result = CliRunner().invoke(cli.app, ["--data", str(data), "timeline"], obj=colour)
    assert "\x1b[" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--width", "5"], "--width must be at least 20"),
        (["histogram", "--by", "week"], "week"),
        (["timeline", "1995", "1990"], "after"),
    ],
)
def test_picture_usage_errors(data, args, message):
    result = CliRunner().invoke(cli.app, ["--data", str(data), *args])
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr and result.stderr.count("\n") == 1
