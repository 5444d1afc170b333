"""`kbtimeline export` through the real Typer app: files written, refused, replaced, filtered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kbtimeline import cli
from timeline_fixtures import EVENTS, make_data_dir


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_data_dir(tmp_path / "kb")


def export(data: Path, *args: str):
    return CliRunner().invoke(cli.app, ["--data", str(data), "export", *args])


def test_html_page_has_every_event(data, tmp_path):
    out = tmp_path / "war.html"
    result = export(data, "--html", str(out), "--title", "The war")
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>") and "<title>The war</title>" in page
    assert all(event.id in page for event in EVENTS)
    assert "http://" not in page and "https://" not in page.replace("https://github.com", "")


def test_timelinejs_file_is_json_with_every_event(data, tmp_path):
    out = tmp_path / "war.json"
    result = export(data, "--timelinejs", str(out))
    assert result.exit_code == 0, result.stderr
    slides = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert sorted(slide["unique_id"] for slide in slides) == sorted(event.id for event in EVENTS)


def test_both_at_once_with_filters(data, tmp_path):
    html, timelinejs = tmp_path / "a.html", tmp_path / "a.json"
    result = export(data, "--html", str(html), "--timelinejs", str(timelinejs), "--from", "1992", "--to", "1992")
    assert result.exit_code == 0, result.stderr
    slides = json.loads(timelinejs.read_text(encoding="utf-8"))["events"]
    assert [slide["display_date"] for slide in slides] == ["26 February 1992", "May 1992"]
    assert html.exists()


def test_refuses_to_overwrite_without_force(data, tmp_path):
    out = tmp_path / "war.html"
    out.write_text("mine", encoding="utf-8")
    result = export(data, "--html", str(out))
    assert result.exit_code == 1
    assert "--force" in result.stderr and result.stderr.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "mine"
    assert export(data, "--html", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").lower().startswith("<!doctype html>")


def test_nothing_to_export_is_a_usage_error(data):
    result = export(data)
    assert result.exit_code == 2
    assert "--html" in result.stderr and "--timelinejs" in result.stderr


def test_a_missing_folder_leaves_nothing_behind(data, tmp_path):
    out = tmp_path / "no" / "such" / "folder" / "war.html"
    result = export(data, "--html", str(out))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert not out.exists()


def test_one_existing_file_stops_both(data, tmp_path):
    html, timelinejs = tmp_path / "a.html", tmp_path / "a.json"
    timelinejs.write_text("mine", encoding="utf-8")
    result = export(data, "--html", str(html), "--timelinejs", str(timelinejs))
    assert result.exit_code == 1 and "a.json" in result.stderr
    assert not html.exists() and timelinejs.read_text(encoding="utf-8") == "mine"


def test_filters_narrow_the_page(data, tmp_path):
    out = tmp_path / "shusha.json"
    result = export(data, "--timelinejs", str(out), "--search", "Shusha")
    assert result.exit_code == 0, result.stderr
    slides = json.loads(out.read_text(encoding="utf-8"))["events"]
    expected = [event.id for event in EVENTS if "Shushi" in event.text]  # an alias: search's rules apply
    assert len(expected) == 1 and sorted(slide["unique_id"] for slide in slides) == sorted(expected)
