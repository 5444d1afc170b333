"""The exported page in a real browser: markers, search, details, zoom, and no injection.

Runs headless Chromium through chromedriver (Debian's ``chromium`` and
``chromium-driver``). Where either is missing the tests are skipped with the
reason, never passed: a page that was not opened has not been tested.
Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kbtimeline.extract import extract_events
from kbtimeline.model import Day, Event
from kbtimeline.output.export import render_html
from timeline_fixtures import EVENTS, make_event

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (test extra)")
from selenium.common.exceptions import NoAlertPresentException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROME_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip

HOSTILE = 'He wrote "</script><script>alert(1)</script><b id="injected">x</b>" in June 1993.'
AGDAM = "Ağdam fell in the summer of 1993."


def _program(*names: str) -> str | None:
    return next((path for name in names if (path := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    chromium = _program("chromium", "chromium-browser", "/usr/bin/chromium")
    driver_path = _program("chromedriver", "/usr/bin/chromedriver")
    if not chromium or not driver_path:
        pytest.skip(
            "Chromium/chromedriver not installed: apt-get install chromium chromium-driver "
            f"(found chromium={chromium}, chromedriver={driver_path})"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="kbtimeline-chromium-")
    for flag in (*CHROME_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except WebDriverException as error:
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"Chromium/chromedriver could not start: {error.msg}")
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def sample_events() -> list[Event]:
    """The shared five-event war timeline plus a hostile sentence."""
    hostile = make_event(HOSTILE, "June 1993", Day(1993, 6, 1), Day(1993, 6, 30), "month",
                         "June 1993", text=HOSTILE)  # fmt: skip
    return [*EVENTS, hostile]


def open_page(driver: WebDriver, folder: Path, events: list[Event], width: int = 1280,
              height: int = 900, title: str = "First Nagorno-Karabakh War") -> None:  # fmt: skip
    """Write the page for ``events`` and load it from a file URL, as a person would."""
    page = folder / "timeline.html"
    page.write_text(render_html(events, title), encoding="utf-8")
    driver.set_window_rect(width=width, height=height)
    driver.get(page.as_uri())
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "kb-count").text)
    driver.get_log("browser")  # start each test with an empty console


def markers(driver: WebDriver, visible_only: bool = False) -> list[WebElement]:
    selector = ".kb-event:not([hidden])" if visible_only else ".kb-event"
    return driver.find_elements(By.CSS_SELECTOR, selector)


def view(driver: WebDriver) -> tuple[float, float]:
    timeline = driver.find_element(By.ID, "kb-timeline")
    return float(timeline.get_attribute("data-view-start")), float(timeline.get_attribute("data-view-end"))


def wait_for_view_change(driver: WebDriver, before: tuple[float, float]) -> tuple[float, float]:
    WebDriverWait(driver, 5).until(lambda d: view(d) != before)
    return view(driver)


def field(driver: WebDriver, name: str) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, f'#kb-details [data-field="{name}"]')


def console_errors(driver: WebDriver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_every_event_has_one_marker(browser: WebDriver, tmp_path: Path) -> None:
    events = sample_events()
    open_page(browser, tmp_path, events)
    ids = [marker.get_attribute("data-id") for marker in markers(browser)]
    assert sorted(ids) == sorted(event.id for event in events)
    assert browser.find_element(By.ID, "kb-count").text == "6 of 6 events"
    points = browser.find_elements(By.CSS_SELECTOR, ".kb-event.kb-point")
    assert {marker.get_attribute("data-granularity") for marker in points} == {"day"}
    legend = browser.find_element(By.ID, "kb-legend").text
    assert "day 2" in legend and "month 3" in legend and "season 1" in legend


def test_source_text_cannot_inject_markup_or_script(browser: WebDriver, tmp_path: Path) -> None:
    events = sample_events()
    open_page(browser, tmp_path, events)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    assert browser.find_elements(By.ID, "injected") == []
    hostile = next(m for m in markers(browser) if m.get_attribute("data-id") == events[-1].id)
    assert "<script>alert(1)</script>" in hostile.get_attribute("aria-label")
    browser.execute_script("arguments[0].click()", hostile)
    assert field(browser, "sentence").text == HOSTILE
    assert browser.find_elements(By.ID, "injected") == []
    assert console_errors(browser) == []  # neither a script error nor a CSP violation


def test_search_filters_as_you_type(browser: WebDriver, tmp_path: Path) -> None:
    events = sample_events()
    open_page(browser, tmp_path, events)
    search = browser.find_element(By.ID, "kb-search")
    count = browser.find_element(By.ID, "kb-count")
    search.send_keys("may")  # two sentences say May
    assert count.text == "2 of 6 events"
    search.send_keys(" 1992")
    assert count.text == "1 of 6 events"
    shown = markers(browser, visible_only=True)
    assert [m.get_attribute("data-id") for m in shown] == [EVENTS[1].id]
    assert shown[0].is_displayed()
    search.clear()
    search.send_keys("AGDAM")  # case and accents do not matter: the text says "Ağdam"
    assert count.text == "1 of 6 events"
    assert markers(browser, visible_only=True)[0].get_attribute("data-id") == EVENTS[3].id
    search.send_keys("zzz")
    assert count.text == "0 of 6 events"
    assert browser.find_element(By.CSS_SELECTOR, ".kb-empty").is_displayed()
    search.send_keys(Keys.ESCAPE)
    assert count.text == "6 of 6 events"
    assert len(markers(browser, visible_only=True)) == 6


def test_clicking_an_event_shows_its_sentence(browser: WebDriver, tmp_path: Path) -> None:
    open_page(browser, tmp_path, sample_events())
    khojaly = EVENTS[2]
    marker = next(m for m in markers(browser) if m.get_attribute("data-id") == khojaly.id)
    marker.click()
    assert "kb-selected" in marker.get_attribute("class")
    assert field(browser, "when").text == "26 February 1992"
    assert field(browser, "title").text == khojaly.title
    assert field(browser, "sentence").text == khojaly.text
    highlighted = browser.find_element(By.CSS_SELECTOR, '#kb-details [data-field="sentence"] mark')
    assert highlighted.text == khojaly.date_text
    source = field(browser, "source").text
    assert source == f"war, characters {khojaly.span[0]}–{khojaly.span[1]}"
    assert field(browser, "id").text == khojaly.id
    browser.find_element(By.ID, "kb-next").click()
    assert field(browser, "when").text == "May 1992"  # the next event in time
    browser.find_element(By.ID, "kb-close").click()
    assert not browser.find_element(By.CSS_SELECTOR, ".kb-card").is_displayed()


def test_zoom_and_pan_change_the_visible_range(browser: WebDriver, tmp_path: Path) -> None:
    open_page(browser, tmp_path, sample_events())
    first = view(browser)
    span = first[1] - first[0]
    browser.find_element(By.ID, "kb-zoom-in").click()
    zoomed = wait_for_view_change(browser, first)
    assert zoomed[1] - zoomed[0] == pytest.approx(span / 2)
    browser.find_element(By.ID, "kb-pan-right").click()
    panned = wait_for_view_change(browser, zoomed)
    assert panned[0] > zoomed[0] and panned[1] - panned[0] == pytest.approx(span / 2)
    browser.find_element(By.ID, "kb-zoom-out").click()
    out = wait_for_view_change(browser, panned)
    assert out[1] - out[0] == pytest.approx(span)
    browser.find_element(By.ID, "kb-fit").click()
    assert wait_for_view_change(browser, out) == pytest.approx(first)
    range_text = browser.find_element(By.ID, "kb-range").text
    assert range_text.startswith("Showing ") and "6 of 6 events in view" in range_text


def test_keyboard_wheel_and_drag_move_the_view(browser: WebDriver, tmp_path: Path) -> None:
    open_page(browser, tmp_path, sample_events())
    timeline = browser.find_element(By.ID, "kb-timeline")
    first = view(browser)
    ActionChains(browser).send_keys("+").perform()
    keyed = wait_for_view_change(browser, first)
    assert keyed[1] - keyed[0] < first[1] - first[0]
    ActionChains(browser).send_keys(Keys.HOME).perform()
    assert wait_for_view_change(browser, keyed) == pytest.approx(first)
    ActionChains(browser).scroll_from_origin(ScrollOrigin.from_element(timeline), 0, -300).perform()
    wheeled = wait_for_view_change(browser, first)
    assert wheeled[1] - wheeled[0] < first[1] - first[0]
    body = browser.find_element(By.CSS_SELECTOR, ".kb-body")
    ActionChains(browser).click_and_hold(body).move_by_offset(-150, 0).release().perform()
    dragged = wait_for_view_change(browser, wheeled)
    assert dragged[0] > wheeled[0]  # dragging to the left shows later dates
    assert dragged[1] - dragged[0] == pytest.approx(wheeled[1] - wheeled[0])
    assert console_errors(browser) == []


def test_an_empty_timeline_opens_cleanly(browser: WebDriver, tmp_path: Path) -> None:
    open_page(browser, tmp_path, [])
    assert browser.find_element(By.ID, "kb-count").text == "0 of 0 events"
    assert browser.find_element(By.CSS_SELECTOR, ".kb-empty").text == "There are no events to show."
    browser.find_element(By.ID, "kb-zoom-in").click()
    ActionChains(browser).send_keys(Keys.HOME).perform()
    assert console_errors(browser) == []


def test_screenshots_for_a_person(browser: WebDriver, tmp_path: Path, bundled_text: str) -> None:
    """Desktop and phone views, of the sample and of the bundled article, with a selection."""
    ARTIFACTS.mkdir(exist_ok=True)
    open_page(browser, tmp_path, sample_events())
    markers(browser)[2].click()
    browser.save_screenshot(str(ARTIFACTS / "export-desktop.png"))

    open_page(browser, tmp_path, sample_events(), width=375, height=1100)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 375
    markers(browser)[0].click()
    assert field(browser, "sentence").is_displayed()
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(ARTIFACTS / "export-phone.png"))

    article = extract_events(bundled_text, "first-nagorno-karabakh-war")
    open_page(browser, tmp_path, article, height=1000)
    assert len(markers(browser)) == len(article)
    browser.find_element(By.ID, "kb-search").send_keys("khojaly")
    browser.find_element(By.ID, "kb-fit").click()
    # A script click: where the article's markers fall depends on the extractor.
    browser.execute_script("arguments[0].click()", markers(browser, visible_only=True)[0])
    browser.save_screenshot(str(ARTIFACTS / "export-article.png"))
    assert console_errors(browser) == []


def test_the_exported_bundled_timeline_opens(browser: WebDriver, tmp_path: Path) -> None:
    """End to end: `kbtimeline export --html` on the bundled events, opened from a file URL."""
    from typer.testing import CliRunner

    from kbtimeline import cli, storage

    page = tmp_path / "bundled.html"
    result = CliRunner().invoke(cli.app, ["export", "--html", str(page), "--title", "Bundled"])
    assert result.exit_code == 0, result.stderr
    bundled = storage.load_events(storage.locate(None))
    browser.get(page.as_uri())
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "kb-count").text)
    assert len(markers(browser)) == len(bundled) > 100
    assert browser.find_element(By.ID, "kb-count").text == f"{len(bundled)} of {len(bundled)} events"
    assert browser.title == "Bundled"
    assert console_errors(browser) == []


# The page of issue 14: a first view a reader can read, zoom where one looks, search that refits. -----------


def export_page(tmp_path: Path, *args: str) -> Path:
    """`kbtimeline export --html - ARGS` run as a shell runs it, its page saved to a file."""
    from test_cli_process import run

    result = run("export", "--html", "-", *args)
    assert result.returncode == 0, result.stderr
    page = tmp_path / "exported.html"
    page.write_text(result.stdout, encoding="utf-8")
    return page


def open_file(driver: WebDriver, page: Path, width: int = 1280, height: int = 1000) -> None:
    driver.set_window_rect(width=width, height=height)
    driver.get(page.as_uri())
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "kb-count").text)
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "kb-range").text)
    driver.get_log("browser")


def year_of(day_number: float) -> float:
    """A day number as a fractional year, near enough for a view's bounds."""
    return 1970 + day_number / 365.2425


def shown_labels(driver: WebDriver) -> list[dict]:
    """The labels a reader sees: visible, inside the timeline, with their boxes."""
    return driver.execute_script(
        """
        var box = document.getElementById('kb-timeline').getBoundingClientRect();
        return Array.from(document.querySelectorAll('.kb-event:not([hidden]) .kb-label')).filter(function (l) {
          var r = l.getBoundingClientRect(), s = getComputedStyle(l);
          return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.right > box.left
            && r.left < box.right;
        }).map(function (l) {
          var r = l.getBoundingClientRect();
          return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: l.textContent,
                  clipped: l.scrollWidth > l.clientWidth + 1, edge: box.right, start: box.left};
        });
        """
    )


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["text"], b["text"])
        for i, a in enumerate(labels)
        for b in labels[i + 1 :]
        if a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1 and a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
    ]  # fmt: skip


def test_the_first_view_fits_the_war_not_the_outliers(browser: WebDriver, tmp_path: Path) -> None:
    """The bundled page opens on the years most events are in, not 1788-2034 for two century-long entries,
    with labels for what fits: none overlapping, none running past the right edge."""
    open_file(browser, export_page(tmp_path, "--title", "War"))
    first, last = (year_of(bound) for bound in view(browser))
    assert first < 1992 and last > 1994 and last - first < 12, "the densest years of the war, not 1788-2034"
    in_view = browser.find_element(By.ID, "kb-range").text
    shown, total = re.search(r"(\d+) of (\d+) events in view", in_view).groups()  # type: ignore[union-attr]
    assert int(shown) >= 0.6 * int(total)
    labels = shown_labels(browser)
    assert len(labels) >= 25, "the events that have room are labelled"
    assert overlapping(labels) == []
    assert all(label["right"] <= label["edge"] + 0.5 for label in labels), "no label runs past the right edge"
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "export-first-view.png"))
    before = view(browser)
    ActionChains(browser).send_keys("+").perform()
    wait_for_view_change(browser, before)
    labels = shown_labels(browser)
    assert overlapping(labels) == [] and all(label["right"] <= label["edge"] + 0.5 for label in labels)
    assert all(label["left"] >= label["start"] - 0.5 for label in labels), "nor past the left edge"
    browser.save_screenshot(str(ARTIFACTS / "export-zoomed-in.png"))
    zoomed = view(browser)
    ActionChains(browser).send_keys(Keys.HOME).perform()
    home = wait_for_view_change(browser, zoomed)
    assert year_of(home[0]) == pytest.approx(first, abs=0.1), "Home: back to the first view"
    ActionChains(browser).send_keys(Keys.HOME).perform()
    everything = wait_for_view_change(browser, home)
    assert year_of(everything[0]) < 1870 and year_of(everything[1]) > 2022, "again: every event"
    assert console_errors(browser) == []


def test_an_export_of_a_window_opens_on_that_window(browser: WebDriver, tmp_path: Path) -> None:
    open_file(browser, export_page(tmp_path, "--from", "1992", "--to", "1993"))
    first, last = view(browser)
    asked = (Day(1992, 1, 1).number(), Day(1994, 1, 1).number())
    margin = 0.03 * (asked[1] - asked[0])
    assert asked[0] - margin <= first <= asked[0] and asked[1] <= last <= asked[1] + margin, (first, last)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "export-window-1992-1993.png"))


def test_keys_zoom_around_the_selection_and_the_wheel_around_the_pointer(browser: WebDriver, tmp_path: Path) -> None:
    open_page(browser, tmp_path, sample_events())
    timeline = browser.find_element(By.ID, "kb-timeline")
    khojaly = next(m for m in markers(browser) if m.get_attribute("data-id") == EVENTS[2].id)
    khojaly.click()
    day = EVENTS[2].start.number() + 0.5

    def screen_x(bounds: tuple[float, float]) -> float:
        return (day - bounds[0]) / (bounds[1] - bounds[0])

    before = view(browser)
    ActionChains(browser).send_keys("+").perform()
    after = wait_for_view_change(browser, before)
    assert after[1] - after[0] == pytest.approx((before[1] - before[0]) / 2)
    assert screen_x(after) == pytest.approx(screen_x(before), abs=0.01), "the selected event stays put"
    browser.find_element(By.ID, "kb-zoom-in").click()
    again = wait_for_view_change(browser, after)
    assert screen_x(again) == pytest.approx(screen_x(before), abs=0.01), "so do the buttons"

    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    width = timeline.size["width"]
    start = view(browser)
    pointer = 0.2  # a fifth of the way across: not the middle
    ActionChains(browser).scroll_from_origin(
        ScrollOrigin.from_element(timeline, int(width * (pointer - 0.5)), 0), 0, -200
    ).perform()
    wheeled = wait_for_view_change(browser, start)
    under = start[0] + pointer * (start[1] - start[0])
    assert (under - wheeled[0]) / (wheeled[1] - wheeled[0]) == pytest.approx(pointer, abs=0.02)
    assert wheeled[1] - wheeled[0] < start[1] - start[0]


def test_a_search_refits_the_view_to_its_matches(browser: WebDriver, tmp_path: Path) -> None:
    open_file(browser, export_page(tmp_path))
    first = view(browser)
    browser.find_element(By.ID, "kb-search").send_keys("khojaly")
    fitted = wait_for_view_change(browser, first)
    count = browser.find_element(By.ID, "kb-count").text
    matches = int(count.split(" of ")[0])
    assert matches >= 3
    range_text = browser.find_element(By.ID, "kb-range").text
    assert f"{matches} of {matches} events in view" in range_text or f"of {matches} events in view" in range_text
    assert fitted[1] - fitted[0] < first[1] - first[0]
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "export-search-refit.png"))
    browser.find_element(By.ID, "kb-search").send_keys(Keys.ESCAPE)
    assert wait_for_view_change(browser, fitted) == pytest.approx(first, abs=1)
