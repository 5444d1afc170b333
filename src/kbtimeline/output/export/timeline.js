/* kbtimeline: the interactive timeline of an exported page.
 *
 * Reads the events from the JSON in #kb-data and draws them on a horizontal
 * axis measured in day numbers (days since 1970-01-01, computed in Python, so
 * BC years need no special case here). Every piece of event text reaches the
 * page through textContent or an attribute value, never through HTML parsing.
 *
 * Layout in two steps, because they change at different times:
 *   pack()     - lanes, so that neither bars nor labels overlap; depends on the
 *                zoom, the search and the width, but not on panning, so the
 *                rows stay put while the view is dragged;
 *   position() - where each marker and tick is drawn for the current view.
 * Events dated to a day, month or season take the upper lanes and years,
 * decades and centuries the lower ones: a text mentions a year again and again
 * ("in 1992") and those long overlapping bars would otherwise bury the precise
 * dates that tell the story.
 */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var DOT = 12;            // px, the diameter of a point event
  var MIN_BAR = 4;         // px, the narrowest an interval is drawn
  var PAD = 6;             // px, between a marker and its label
  var NARROW = window.matchMedia("(max-width: 600px)"); // as in the stylesheet
  var LANE = 26;           // px per lane with labels
  var MAX_LABEL_LANES = 16; // lanes per group; an event whose label fits in none goes without
  var OUTLIER_RATIO = 3;   // the first view fits the densest stretch when all events span this many times more
  var MIN_LABEL = 36;      // px, the narrowest label worth drawing
  var GROUP_GAP = 20;      // px between the two groups of lanes, for the divider
  var MIN_SPAN = 3;        // days, the deepest zoom
  var LABEL_FONT = "13px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var AXIS_FONT = "600 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

  // ------------------------------------------------------------ calendar
  // The same proleptic Gregorian arithmetic as kbtimeline.model.Day.

  function dayNumber(year, month, day) {
    var y = year - (month <= 2 ? 1 : 0);
    var era = Math.floor(y / 400);
    var yoe = y - era * 400;
    var doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function civil(number) {
    var n = Math.floor(number) + 719468;
    var era = Math.floor(n / 146097);
    var doe = n - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) -
      Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var month = mp + (mp < 10 ? 3 : -9);
    return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month,
      day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
  }

  function yearLabel(year) {
    return year > 0 ? String(year) : (1 - year) + " BC";
  }

  function monthLength(year, month) {
    return dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
      dayNumber(year, month, 1);
  }

  function dateLabel(number, precision) {
    var c = civil(number);
    if (precision === "year") return yearLabel(c.year);
    var month = MONTHS[c.month - 1].slice(0, 3) + " " + yearLabel(c.year);
    return precision === "month" ? month : c.day + " " + month;
  }

  // ------------------------------------------------------------ axis units
  // A unit is a kind (day, month or year) and a step; the finest whose
  // ticks are at least MIN_TICK px apart is used.

  var MIN_TICK = 56;
  var UNITS = [["day", 1], ["day", 2], ["day", 5], ["day", 10],
    ["month", 1], ["month", 3], ["month", 6]];
  for (var power = 1; power <= 1e6; power *= 10) {
    UNITS.push(["year", power], ["year", 2 * power], ["year", 5 * power]);
  }
  var UNIT_DAYS = { day: 1, month: 30.44, year: 365.25 };

  function chooseUnit(pxPerDay) {
    for (var i = 0; i < UNITS.length; i++) {
      if (UNIT_DAYS[UNITS[i][0]] * UNITS[i][1] * pxPerDay >= MIN_TICK) return UNITS[i];
    }
    return UNITS[UNITS.length - 1];
  }

  // The boundaries of `unit` from just before `from` to just after `to`, as day numbers.
  function ticks(unit, from, to) {
    var kind = unit[0], step = unit[1], out = [], c = civil(from), n;
    if (kind === "day") {
      for (n = Math.floor(from) - 1; n <= to + 1; n++) {
        var d = civil(n), length = monthLength(d.year, d.month);
        if (step === 1 || (d.day - 1) % step === 0 && (d.day === 1 || length - d.day >= step / 2)) {
          out.push(n);
        }
      }
    } else if (kind === "month") {
      var m = c.month - 1 - ((c.month - 1) % step), y = c.year;
      do {
        n = dayNumber(y, m + 1, 1);
        out.push(n);
        m += step;
        if (m >= 12) { m -= 12; y += 1; }
      } while (n <= to);
    } else {
      // Count in historical years, so BC ticks fall on round numbers (100 BC, not
      // 101 BC); there is no year 0 to put a tick on.
      var historical = c.year > 0 ? c.year : c.year - 1;
      for (var label = Math.floor(historical / step) * step; ; label += step) {
        if (label === 0) continue;
        n = dayNumber(label > 0 ? label : label + 1, 1, 1);
        out.push(n);
        if (n > to) break;
      }
    }
    return out;
  }

  function minorLabel(unit, number) {
    var c = civil(number);
    if (unit[0] === "day") return String(c.day);
    if (unit[0] === "month") return MONTHS[c.month - 1].slice(0, 3);
    return yearLabel(c.year);
  }

  // ------------------------------------------------------------ text helpers

  var FOLD = { "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ə": "e" };

  // Case- and accent-insensitive form for search: "Ağdam" and "agdam" match.
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[ıłøđßæœə]/g, function (c) { return FOLD[c]; });
  }

  var canvas = document.createElement("canvas").getContext("2d");
  function textWidth(text, font) {
    canvas.font = font;
    return canvas.measureText(text).width;
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  // ------------------------------------------------------------ data

  var data = JSON.parse(document.getElementById("kb-data").textContent);
  var rank = {};
  data.granularities.forEach(function (name, index) { rank[name] = index; });

  var timeline = document.getElementById("kb-timeline");
  var body = timeline.querySelector(".kb-body");
  var divider = timeline.querySelector(".kb-divider");
  var eventsLayer = timeline.querySelector(".kb-events");
  var axisLayer = timeline.querySelector(".kb-axis");
  var gridLayer = timeline.querySelector(".kb-grid");
  var emptyNote = timeline.querySelector(".kb-empty");
  var search = document.getElementById("kb-search");
  var count = document.getElementById("kb-count");
  var rangeNote = document.getElementById("kb-range");
  var details = document.getElementById("kb-details");
  var card = details.querySelector(".kb-card");
  var hint = details.querySelector(".kb-hint");

  var items = data.events.map(function (record, index) {
    var view = record.view;
    var el = make("button", "kb-event kb-g-" + record.granularity + (view.point ? " kb-point" : " kb-bar"));
    el.type = "button";
    el.dataset.id = record.id;
    el.dataset.granularity = record.granularity;
    if (record.modifier) el.dataset.modifier = record.modifier;
    el.setAttribute("aria-label", record.when + ": " + record.title);
    el.title = record.when + " — " + record.title;
    el.appendChild(make("span", "kb-shape"));
    var label = el.appendChild(make("span", "kb-label", record.title));
    eventsLayer.appendChild(el);
    return {
      record: record, el: el, label: label, index: index,
      from: view.from, to: view.to, point: view.point,
      titleWidth: Math.ceil(textWidth(record.title, LABEL_FONT)),
      haystack: fold([record.title, record.text, record.when].join("\n")),
      match: true, lane: 0, top: 0
    };
  });
  // Chronological, finer granularity first at the same start: as kbtimeline sorts.
  var ordered = items.slice().sort(function (p, q) {
    return p.from - q.from || rank[p.record.granularity] - rank[q.record.granularity] ||
      p.to - q.to || p.index - q.index;
  });
  var byId = {};
  items.forEach(function (item) { byId[item.record.id] = item; });

  // ------------------------------------------------------------ view state

  var view = { from: 0, to: 1 }, home = view, width = 1, packedScale = null, selected = null;

  function matching() {
    return ordered.filter(function (item) { return item.match; });
  }

  function extent(list) {
    if (!list.length) return null;
    var low = Infinity, high = -Infinity;
    list.forEach(function (item) {
      low = Math.min(low, item.from);
      high = Math.max(high, item.to);
    });
    return [low, high];
  }

  // A view around [low, high] with a margin, never narrower than a month.
  function padded(low, high) {
    var span = Math.max(high - low, 30), middle = (low + high) / 2;
    return { from: middle - span * 0.55, to: middle + span * 0.55 };
  }

  function fit(list) {
    var fitted = robustFit(list);
    if (fitted) setView(fitted);
  }

  // Where the events are: all of them, unless a few outliers (a century-long
  // entry, a few events in other ages) would squeeze the rest into a sliver.
  // Then the densest stretch: the shortest one holding the middles of half the
  // events, widened 5% of the events at a time for as long as that does not
  // double it nor make it four times the half (a war's events, not the
  // aftermath thinly spread over decades: the widening cannot creep).
  function robustFit(list) {
    var range = extent(list);
    if (!range) return null;
    if (list.length < 5) return padded(range[0], range[1]);
    var middles = list.map(function (item) { return (item.from + item.to) / 2; })
      .sort(function (p, q) { return p - q; });
    function densest(share) {
      var keep = Math.max(2, Math.ceil(middles.length * share)), best = 0;
      for (var i = 1; i + keep <= middles.length; i++) {
        if (middles[i + keep - 1] - middles[i] < middles[best + keep - 1] - middles[best]) best = i;
      }
      return [middles[best], middles[best + keep - 1]];
    }
    var half = densest(0.5), stretch = half;
    for (var share = 0.55; share < 0.96; share += 0.05) {
      var wider = densest(share);
      var length = wider[1] - wider[0];
      if (length > 2 * Math.max(stretch[1] - stretch[0], 30) || length > 4 * Math.max(half[1] - half[0], 30)) break;
      stretch = wider;
    }
    var low = stretch[0], high = stretch[1];
    if (range[1] - range[0] <= OUTLIER_RATIO * Math.max(high - low, 30)) return padded(range[0], range[1]);
    // Whole bars of the short events in the stretch, not just their middles.
    list.forEach(function (item) {
      var middle = (item.from + item.to) / 2;
      if (middle >= stretch[0] && middle <= stretch[1] && item.to - item.from <= (stretch[1] - stretch[0]) / 2) {
        low = Math.min(low, item.from);
        high = Math.max(high, item.to);
      }
    });
    return padded(low, high);
  }

  // The first view: the window the export was asked for (--from/--to), else where the events are.
  function initialView() {
    var asked = data.window || {}, fitted = robustFit(ordered);
    if (asked.from === null && asked.to === null || asked.from === undefined) {
      return fitted || { from: dayNumber(2000, 1, 1), to: dayNumber(2001, 1, 1) };
    }
    var low = asked.from !== null ? asked.from : Math.min(fitted ? fitted.from : asked.to - 365, asked.to - 30);
    var high = asked.to !== null ? asked.to : Math.max(fitted ? fitted.to : asked.from + 365, asked.from + 30);
    var margin = (high - low) * 0.02;
    return { from: low - margin, to: high + margin };
  }

  function setView(next) {
    var span = next.to - next.from;
    var range = extent(ordered) || [next.from, next.to];
    var maxSpan = Math.max((range[1] - range[0]) * 3, 3660);
    var middle = (next.from + next.to) / 2;
    span = Math.min(Math.max(span, MIN_SPAN), maxSpan);
    // Keep some of the data in sight: the view may not drift off past either end.
    middle = Math.min(Math.max(middle, range[0] - span * 0.4), range[1] + span * 0.4);
    view = { from: middle - span / 2, to: middle + span / 2 };
    render();
  }

  // Zoom about a point of the screen: the pointer's, else the selected event's
  // when it is in sight, else the middle; that point's date stays where it is.
  function zoom(factor, anchorPx) {
    if (anchorPx === undefined && selected && selected.match) {
      var at = ((selected.from + selected.to) / 2 - view.from) * scale();
      if (at >= 0 && at <= width) anchorPx = at;
    }
    var anchor = view.from + (anchorPx === undefined ? width / 2 : anchorPx) / scale();
    setView({ from: anchor - (anchor - view.from) * factor, to: anchor + (view.to - anchor) * factor });
  }

  function pan(px) {
    var days = px / scale();
    setView({ from: view.from + days, to: view.to + days });
  }

  function scale() {
    return width / (view.to - view.from);
  }

  // ------------------------------------------------------------ layout

  // Assign lanes at the current zoom, in pixels relative to day 0, so that
  // panning never changes them. Each group has at most MAX_LABEL_LANES lanes;
  // an event whose label has no room there is a thin marker (title on hover).
  function pack() {
    var k = scale(), list = matching(), top = 0, lanes = 0;
    packedScale = k;
    var groups = [
      list.filter(function (item) { return rank[item.record.granularity] < rank.year; }),
      list.filter(function (item) { return rank[item.record.granularity] >= rank.year; })
    ].filter(function (group) { return group.length; });
    divider.hidden = groups.length < 2;
    groups.forEach(function (group, index) {
      if (index) {
        divider.style.transform = "translateY(" + (top + 4) + "px)";
        top += GROUP_GAP;
      }
      var used = assign(group, k, MAX_LABEL_LANES);
      group.forEach(function (item) {
        item.top = top + item.lane * LANE + 6;
        item.el.classList.toggle("kb-compact", !item.labelled);
      });
      top += used * LANE;
      lanes += used;
    });
    timeline.dataset.lanes = String(lanes);
    body.style.height = Math.max(top + 12, 100) + "px";
    emptyNote.hidden = list.length > 0;
  }

  // Greedy lanes in time order, at most maxLanes; returns how many `list` needed.
  // An event takes the first lane free where it starts, its label included;
  // when every lane is taken, the lane whose last marker (not label) ends
  // first, where it goes without a label. Then each label is cut to the room
  // before the next marker of its lane, or dropped below MIN_LABEL px: labels
  // never overlap (what has no label shows its title on hover and in the details).
  function assign(list, k, maxLanes) {
    var ends = [], marks = [], rows = [], labelMax = NARROW.matches ? 160 : 240; // .kb-label max-width
    list.forEach(function (item) {
      item.labelWidth = Math.min(item.titleWidth, labelMax);
      var start = item.from * k, bare;
      if (item.point) {
        start -= DOT / 2;
        bare = DOT;
      } else {
        bare = Math.max((item.to - item.from) * k, MIN_BAR);
      }
      item.start = start;
      item.markEnd = start + bare;
      var lane = 0;
      while (lane < ends.length && ends[lane] > start - 4) lane++;
      item.labelled = lane < maxLanes;
      if (!item.labelled) {
        lane = marks.indexOf(Math.min.apply(null, marks));
      }
      var labelEnd = item.point ? item.markEnd + PAD + item.labelWidth : start + Math.max(bare, 2 * PAD + item.labelWidth);
      ends[lane] = Math.max(ends[lane] === undefined ? -Infinity : ends[lane], item.labelled ? labelEnd : item.markEnd);
      marks[lane] = Math.max(marks[lane] === undefined ? -Infinity : marks[lane], item.markEnd);
      (rows[lane] = rows[lane] || []).push(item);
      item.lane = lane;
    });
    rows.forEach(function (row) {
      row.forEach(function (item, index) {
        var next = row[index + 1], from = item.point ? item.markEnd + PAD : item.start + PAD;
        var room = next ? next.start - 4 - from - (item.point ? 0 : PAD) : Infinity;
        item.next = next || null;
        if (Math.min(item.labelWidth, room) < MIN_LABEL) item.labelled = false;
      });
    });
    return ends.length;
  }

  function position() {
    var k = scale(), inView = 0;
    items.forEach(function (item) {
      if (!item.match) return;
      var left = (item.from - view.from) * k, top = item.top;
      if (item.to >= view.from && item.from <= view.to) inView += 1;
      if (item.point) {
        item.el.style.transform = "translate(" + clampPx(left - DOT / 2) + "px," + top + "px)";
        fitLabel(item, left + DOT / 2 + PAD, item.labelWidth, k);
        return;
      }
      // Clip far-away bars to a few screens, so no coordinate grows huge.
      var right = Math.min(left + Math.max((item.to - item.from) * k, MIN_BAR), 2 * width);
      left = Math.max(left, -width);
      var barWidth = Math.max(right - left, 0);
      item.el.style.transform = "translate(" + left + "px," + top + "px)";
      item.el.style.width = barWidth + "px";
      // A long bar has room for more of its title than the usual label width.
      // The label of a bar that starts off screen slides along to stay in
      // sight, shortened to the part of the bar that shows.
      var seen = Math.min(right, width) - Math.max(left, 0) - 2 * PAD;
      var labelWidth = Math.min(item.titleWidth + 1, Math.max(left < 0 ? 48 : item.labelWidth, seen));
      var shift = Math.min(Math.max(-left, 0), Math.max(0, barWidth - labelWidth - 2 * PAD));
      fitLabel(item, left + PAD + shift, labelWidth, k);
      item.label.style.transform = "translateX(" + shift + "px)";
    });
    drawAxis();
    var total = matching().length;
    rangeNote.textContent = "Showing " + rangeLabel() + " · " + inView + " of " + plural(total, "event") +
      " in view";
    timeline.dataset.viewStart = view.from.toFixed(3);
    timeline.dataset.viewEnd = view.to.toFixed(3);
  }

  // A label starting at `at` px on screen, at most `wanted` px wide, cut to end
  // before the next marker of its lane and before the right edge; hidden when
  // less than MIN_LABEL px would show, when it would start off the left edge
  // (a bar's label slides along instead), or when packing left it none.
  function fitLabel(item, at, wanted, k) {
    var right = width - 4;
    if (item.next) right = Math.min(right, item.next.start - view.from * k - 4);
    var room = Math.min(wanted, right - at);
    var shown = item.labelled && room >= MIN_LABEL && at >= 0; // nor half a label at the left edge
    item.label.style.visibility = shown ? "" : "hidden";
    item.label.style.maxWidth = Math.max(Math.floor(room), 0) + "px";
  }

  function clampPx(px) {
    return Math.min(Math.max(px, -2 * width), 3 * width);
  }

  function rangeLabel() {
    var span = view.to - view.from;
    var precision = span > 3 * 365 ? "year" : span > 60 ? "month" : "day";
    return dateLabel(view.from, precision) + " – " + dateLabel(view.to, precision);
  }

  function drawAxis() {
    var k = scale(), unit = chooseUnit(k), major = unit[0] === "day" ? "month" : unit[0] === "month" ? "year" : null;
    var minor = ticks(unit, view.from, view.to);
    var grid = document.createDocumentFragment(), axis = document.createDocumentFragment();
    minor.forEach(function (n, i) {
      var x = (n - view.from) * k;
      var c = civil(n);
      var isMajor = major === "month" ? c.day === 1 : major === "year" ? c.month === 1 && c.day === 1 : false;
      var kind = isMajor ? " kb-major" : "";
      grid.appendChild(make("div", "kb-line" + kind)).style.transform = "translateX(" + Math.round(x) + "px)";
      axis.appendChild(make("div", "kb-tickmark" + kind)).style.transform = "translateX(" + Math.round(x) + "px)";
      var next = minor[i + 1];
      if (next === undefined) return;
      // A period of one unit is labelled in the middle of its visible part (and
      // not at all when too little of it shows); a multi-unit step at its start.
      var text = minorLabel(unit, n), centered = unit[1] === 1, at = x + 4;
      if (centered) {
        var low = Math.max(x, 0), high = Math.min((next - view.from) * k, width);
        if (high - low < textWidth(text, AXIS_FONT) + 6) return;
        at = (low + high) / 2;
      }
      var tick = axis.appendChild(make("span", "kb-tick" + (centered ? " kb-centered" : ""), text));
      tick.style.transform = "translateX(" + Math.round(at) + "px)";
    });
    if (major) drawContext(axis, major, k);
    timeline.classList.toggle("kb-one-row", !major);
    gridLayer.replaceChildren(grid);
    axisLayer.replaceChildren(axis);
  }

  // The upper axis row names the month (or year) around the minor ticks; the
  // one the view starts in sticks to the left edge until the next pushes it off.
  function drawContext(axis, major, k) {
    var bounds = ticks([major, 1], view.from, view.to);
    bounds.forEach(function (n, i) {
      var c = civil(n);
      var text = (major === "month" ? MONTHS[c.month - 1] + " " : "") + yearLabel(c.year);
      var x = Math.max((n - view.from) * k + 6, 6);
      var next = bounds[i + 1];
      var labelWidth = textWidth(text, AXIS_FONT);
      if (next !== undefined) x = Math.min(x, (next - view.from) * k - labelWidth - 12);
      if (x < 0 || x > width) return; // pushed off by the next one: gone, not cut
      var label = axis.appendChild(make("span", "kb-context", text));
      label.style.transform = "translateX(" + Math.round(x) + "px)";
    });
  }

  var pending = false;
  function render() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      if (packedScale === null || Math.abs(scale() - packedScale) > 1e-9 * packedScale) pack();
      position();
    });
  }

  function relayout() {
    packedScale = null;
    render();
  }

  // ------------------------------------------------------------ search

  function applySearch() {
    var terms = fold(search.value).split(/\s+/).filter(Boolean);
    items.forEach(function (item) {
      item.match = terms.every(function (term) { return item.haystack.indexOf(term) >= 0; });
      item.el.hidden = !item.match;
    });
    var shown = matching().length;
    count.textContent = shown + " of " + plural(items.length, "event");
    packedScale = null;
    // The view follows the search: fitted to what matches, back home when cleared.
    if (terms.length && shown) fit(matching());
    else if (!terms.length) setView(home);
    else render();
  }

  // Home: the first view, or with a search its matches; pressed again, all of them.
  var fitted = null;
  function goHome() {
    var list = fold(search.value).trim() ? matching() : ordered;
    if (!list.length) return;
    var range = extent(list);
    if (view === fitted) setView(padded(range[0], range[1]));
    else setView(list === ordered ? home : robustFit(list));
    fitted = view;
  }

  // ------------------------------------------------------------ details

  function field(name) {
    return card.querySelector('[data-field="' + name + '"]');
  }

  function select(item, reveal) {
    if (selected) selected.el.classList.remove("kb-selected");
    selected = item;
    card.hidden = !item;
    hint.hidden = !!item;
    if (!item) return;
    item.el.classList.add("kb-selected");
    var r = item.record;
    field("when").textContent = r.when;
    var badge = field("granularity");
    badge.textContent = r.granularity + (r.modifier ? " · " + r.modifier : "");
    badge.className = "kb-badge kb-g-" + r.granularity;
    field("title").textContent = r.title;
    var sentence = field("sentence");
    var mark = r.view.mark;
    if (mark) {
      sentence.replaceChildren(
        document.createTextNode(r.text.slice(0, mark[0])),
        make("mark", "", r.text.slice(mark[0], mark[1])),
        document.createTextNode(r.text.slice(mark[1])));
    } else {
      sentence.textContent = r.text;
    }
    field("source").textContent = r.source + ", characters " + r.span[0] + "–" + r.span[1] +
      (r.section === "notes" ? " (notes)" : "");
    field("phrase").textContent = "“" + r.date_text + "”, characters " + r.date_span[0] + "–" + r.date_span[1];
    field("interval").textContent = (r.start === r.end ? r.start : r.start + " to " + r.end) +
      (r.time ? ", " + r.time : "");
    field("id").textContent = r.id;
    // On a phone the details sit below the fold: bring them up.
    if (card.getBoundingClientRect().top > window.innerHeight - 80) {
      card.scrollIntoView({ block: "nearest" });
    }
    if (reveal) {
      var x = ((item.from + item.to) / 2 - view.from) * scale();
      if (x < width * 0.05 || x > width * 0.95) pan(x - width / 2);
    }
  }

  function step(direction) {
    var list = matching();
    if (!list.length) return;
    var at = selected ? list.indexOf(selected) : -1;
    var next = at < 0 ? (direction > 0 ? 0 : list.length - 1) : at + direction;
    if (next >= 0 && next < list.length) select(list[next], true);
  }

  // ------------------------------------------------------------ input

  var pointers = new Map(), dragged = false, swallowClick = false, lastPinch = null;

  timeline.addEventListener("pointerdown", function (event) {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY, startX: event.clientX });
    dragged = false;
    lastPinch = null;
  });

  timeline.addEventListener("pointermove", function (event) {
    var pointer = pointers.get(event.pointerId);
    if (!pointer) return;
    var dx = event.clientX - pointer.x;
    pointer.x = event.clientX;
    pointer.y = event.clientY;
    if (pointers.size === 2) {
      // Pinch: zoom by the change in distance between the fingers, about their middle.
      var both = Array.from(pointers.values());
      var distance = Math.abs(both[0].x - both[1].x) + 1;
      var middle = (both[0].x + both[1].x) / 2 - timeline.getBoundingClientRect().left;
      if (lastPinch) zoom(lastPinch / distance, middle);
      lastPinch = distance;
      dragged = true;
      return;
    }
    if (!dragged && Math.abs(event.clientX - pointer.startX) < 5) return;
    if (!dragged) {
      dragged = true;
      timeline.setPointerCapture(event.pointerId);
      timeline.classList.add("kb-dragging");
    }
    pan(-dx);
  });

  // The click that a browser sends after a drag comes in the same task as the
  // pointerup; a click from the keyboard later on must not be swallowed.
  function release(event) {
    pointers.delete(event.pointerId);
    lastPinch = null;
    if (pointers.size) return;
    timeline.classList.remove("kb-dragging");
    swallowClick = dragged;
    dragged = false;
    setTimeout(function () { swallowClick = false; }, 0);
  }
  timeline.addEventListener("pointerup", release);
  timeline.addEventListener("pointercancel", release);

  // A drag that ends on a marker is not a click on it.
  timeline.addEventListener("click", function (event) {
    if (swallowClick) {
      event.stopPropagation();
      event.preventDefault();
      return;
    }
    var marker = event.target.closest(".kb-event");
    if (marker) select(byId[marker.dataset.id], false);
  }, true);

  timeline.addEventListener("wheel", function (event) {
    event.preventDefault();
    var unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? width : 1;
    var dx = event.deltaX * unit, dy = event.deltaY * unit;
    if (event.shiftKey && !dx) { dx = dy; dy = 0; }
    if (Math.abs(dx) > Math.abs(dy)) {
      pan(dx);
    } else {
      zoom(Math.exp(dy * 0.002), event.clientX - timeline.getBoundingClientRect().left);
    }
  }, { passive: false });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var typing = event.target === search;
    if (typing) {
      if (event.key === "Escape" && search.value) { search.value = ""; applySearch(); }
      return;
    }
    var keys = {
      "+": function () { zoom(0.5); },
      "=": function () { zoom(0.5); },
      "-": function () { zoom(2); },
      "_": function () { zoom(2); },
      "ArrowLeft": function () { pan(-width * (event.shiftKey ? 0.8 : 0.2)); },
      "ArrowRight": function () { pan(width * (event.shiftKey ? 0.8 : 0.2)); },
      "Home": goHome,
      "Escape": function () { select(null); },
      "/": function () { search.focus(); }
    };
    var action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  function onClick(id, action) {
    document.getElementById(id).addEventListener("click", action);
  }
  onClick("kb-zoom-in", function () { zoom(0.5); });
  onClick("kb-zoom-out", function () { zoom(2); });
  onClick("kb-pan-left", function () { pan(-width * 0.4); });
  onClick("kb-pan-right", function () { pan(width * 0.4); });
  onClick("kb-fit", goHome);
  onClick("kb-prev", function () { step(-1); });
  onClick("kb-next", function () { step(1); });
  onClick("kb-close", function () { select(null); });
  search.addEventListener("input", applySearch);

  // ------------------------------------------------------------ start

  function measure() {
    var next = Math.max(timeline.clientWidth, 1);
    if (next !== width) {
      var middle = (view.from + view.to) / 2, span = (view.to - view.from) * next / width;
      width = next;
      // Keep the scale when the window is resized, so a zoomed-in view stays zoomed in.
      if (packedScale !== null) view = { from: middle - span / 2, to: middle + span / 2 };
      relayout();
    }
  }

  function legend() {
    var counts = {};
    items.forEach(function (item) {
      var name = item.record.granularity;
      counts[name] = (counts[name] || 0) + 1;
    });
    var list = document.getElementById("kb-legend");
    data.granularities.forEach(function (name) {
      if (!counts[name]) return;
      var entry = list.appendChild(make("li", "kb-g-" + name));
      entry.appendChild(make("span", name === "day" ? "kb-swatch kb-swatch-dot" : "kb-swatch"));
      entry.appendChild(document.createTextNode(name + " " + counts[name]));
    });
  }

  function summary() {
    var sources = Array.from(new Set(items.map(function (item) { return item.record.source; })));
    var range = extent(ordered);
    var text = plural(items.length, "event");
    if (sources.length) text += " from " + sources.join(", ");
    if (range) text += " · " + dateLabel(range[0], "year") + " – " + dateLabel(range[1] - 1, "year");
    document.getElementById("kb-summary").textContent = text;
  }

  legend();
  summary();
  if (!items.length) emptyNote.textContent = "There are no events to show.";
  width = Math.max(timeline.clientWidth, 1);
  view = home = initialView();
  applySearch();
  if (window.ResizeObserver) new ResizeObserver(measure).observe(timeline);
  else window.addEventListener("resize", measure);
})();
