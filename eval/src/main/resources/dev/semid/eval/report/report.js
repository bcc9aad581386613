// Draws the semid evaluation report from the JSON embedded in the page. No libraries, no network:
// every chart is an inline SVG built here. When done, <body data-rendered="true" data-charts="N">.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var PALETTE = ["#2f6db5", "#e0782b", "#3a9a4a", "#c23b3b", "#8157b5", "#8c5a44", "#d45fae", "#6e7780", "#b3a22a", "#2aa7b8"];
  var charts = 0;
  // A series keeps one colour in every chart: colours go by name, in order of first appearance
  // in the report, so a set missing from one chart (a level it lacks) does not shift the others.
  var COLOURS = {}, nextColour = 0;
  function colour(name) {
    if (!(name in COLOURS)) COLOURS[name] = PALETTE[nextColour++ % PALETTE.length];
    return COLOURS[name];
  }
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var root = document.getElementById("report");

  function el(tag, attrs, parent, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function svgEl(tag, attrs, parent, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function fmt(v, digits) {
    if (v === null || v === undefined) return "–";
    if (typeof v !== "number") return String(v);
    if (!isFinite(v)) return String(v);
    return v.toFixed(digits === undefined ? 4 : digits);
  }
  // Per-level values joined so that a narrow page wraps between levels, never inside a value.
  function perLevel(values) { return values.map(function (v) { return String(v).replace(/ /g, "\u00a0"); }).join(" / "); }
  function pct(v) { return v === null || v === undefined ? "–" : (100 * v).toFixed(1) + "%"; }
  function table(parent, head, rows, rowClass) {
    var t = el("table", {}, el("div", { "class": "scroll" }, parent)), tr = el("tr", {}, el("thead", {}, t));
    head.forEach(function (h) { el("th", {}, tr, h); });
    var body = el("tbody", {}, t);
    rows.forEach(function (r, i) {
      var row = el("tr", rowClass ? { "class": rowClass(i) || "" } : {}, body);
      r.forEach(function (c) {
        if (c && typeof c === "object") el("td", c.cls ? { "class": c.cls } : {}, row, c.text);
        else el("td", {}, row, c);
      });
    });
    return t;
  }
  function niceMax(v) {
    if (!(v > 0)) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(v))), m = v / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
  }
  function legend(parent, names) {
    var l = el("div", { "class": "legend" }, parent);
    names.forEach(function (n) {
      var s = el("span", {}, l);
      el("i", { style: "background:" + colour(n) }, s);
      s.appendChild(document.createTextNode(n));
    });
  }
  function box(parent, title) {
    var b = el("div", { "class": "chart-box" }, parent);
    el("h4", {}, b, title);
    return b;
  }

  // Grouped bars: categories along x, one bar per series in each group.
  function barChart(parent, title, categories, series, opts) {
    opts = opts || {};
    var b = box(parent, title);
    legend(b, series.map(function (s) { return s.name; }));
    // Wide enough for every bar: about 22 px a bar and 14 px between groups.
    var W = Math.max(opts.width || 520, 70 + categories.length * (series.length * 22 + 14)), H = 260, L = 56, R = 10, T = 10, B = 40;
    var svg = svgEl("svg", { "class": "chart", width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": title }, b);
    var max = opts.max || niceMax(Math.max.apply(null, series.map(function (s) {
      return Math.max.apply(null, s.values.map(function (v) { return v || 0; }));
    })));
    var ph = H - T - B, pw = W - L - R;
    for (var t = 0; t <= 4; t++) {
      var y = T + ph - ph * t / 4;
      svgEl("line", { x1: L, x2: W - R, y1: y, y2: y, "class": t ? "grid" : "axis" }, svg);
      svgEl("text", { x: L - 6, y: y + 4, "text-anchor": "end" }, svg, (opts.format || fmt)(max * t / 4));
    }
    var gw = pw / categories.length, bw = Math.min(28, (gw - 10) / Math.max(1, series.length));
    categories.forEach(function (c, ci) {
      var x0 = L + ci * gw + (gw - bw * series.length) / 2;
      series.forEach(function (s, si) {
        var v = s.values[ci];
        if (v === null || v === undefined) return;
        var h = ph * Math.min(1, v / max);
        var r = svgEl("rect", { x: x0 + si * bw, y: T + ph - h, width: Math.max(1, bw - 2), height: h,
          fill: colour(s.name), opacity: s.dim ? 0.45 : 1 }, svg);
        svgEl("title", {}, r, s.name + " · " + c + ": " + (opts.format || fmt)(v));
        if (s.marks && s.marks[ci] !== null && s.marks[ci] !== undefined) { // a reference value, drawn as a dark tick on the bar
          var my = T + ph - ph * Math.min(1, s.marks[ci] / max);
          svgEl("line", { x1: x0 + si * bw - 1, x2: x0 + (si + 1) * bw - 1, y1: my, y2: my, stroke: "#111", "stroke-width": 2 }, svg);
        }
      });
      svgEl("text", { x: L + ci * gw + gw / 2, y: H - B + 16, "text-anchor": "middle" }, svg, c);
    });
    if (opts.yLabel) svgEl("text", { x: 12, y: T + ph / 2, transform: "rotate(-90 12 " + (T + ph / 2) + ")", "text-anchor": "middle" }, svg, opts.yLabel);
    charts++;
  }

  // Lines through (x, y) points, optionally on log axes.
  function lineChart(parent, title, series, opts) {
    var b = box(parent, title);
    legend(b, series.map(function (s) { return s.name; }));
    var W = opts.width || 520, H = 260, L = 56, R = 12, T = 10, B = 40;
    var svg = svgEl("svg", { "class": "chart", width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": title }, b);
    var xs = [], ys = [];
    series.forEach(function (s) { s.points.forEach(function (p) { xs.push(p[0]); ys.push(p[1]); }); });
    function scale(log, lo, hi) {
      if (log) { lo = Math.log10(Math.max(lo, 1)); hi = Math.log10(Math.max(hi, 10)); }
      if (hi <= lo) hi = lo + 1;
      return { lo: lo, hi: hi, at: function (v) { var u = log ? Math.log10(Math.max(v, 1)) : v; return (u - lo) / (hi - lo); } };
    }
    var sx = scale(opts.logX, opts.logX ? 1 : 0, Math.max.apply(null, xs.concat([1])));
    var sy = scale(opts.logY, opts.logY ? 1 : 0, opts.logY ? Math.max.apply(null, ys.concat([1])) : niceMax(Math.max.apply(null, ys.concat([0]))));
    var ph = H - T - B, pw = W - L - R;
    function ticks(s, log) {
      var out = [];
      if (log) { for (var e = Math.floor(s.lo); e <= Math.ceil(s.hi); e++) out.push(Math.pow(10, e)); }
      else { for (var t = 0; t <= 4; t++) out.push(s.lo + (s.hi - s.lo) * t / 4); }
      return out.filter(function (v) { var a = s.at(v); return a >= -1e-9 && a <= 1 + 1e-9; });
    }
    ticks(sy, opts.logY).forEach(function (v, i) {
      var y = T + ph - ph * sy.at(v);
      svgEl("line", { x1: L, x2: W - R, y1: y, y2: y, "class": i ? "grid" : "axis" }, svg);
      svgEl("text", { x: L - 6, y: y + 4, "text-anchor": "end" }, svg, opts.logY || v === 0 ? String(v) : fmt(v, v >= 10 ? 0 : 2));
    });
    ticks(sx, opts.logX).forEach(function (v) {
      var x = L + pw * sx.at(v);
      svgEl("line", { x1: x, x2: x, y1: T + ph, y2: T + ph + 4, "class": "axis" }, svg);
      svgEl("text", { x: x, y: T + ph + 16, "text-anchor": "middle" }, svg, fmt(v, 0));
    });
    svgEl("line", { x1: L, x2: L, y1: T, y2: T + ph, "class": "axis" }, svg);
    series.forEach(function (s, si) {
      var d = s.points.map(function (p, i) {
        return (i ? "L" : "M") + (L + pw * sx.at(p[0])).toFixed(1) + " " + (T + ph - ph * sy.at(p[1])).toFixed(1);
      }).join(" ");
      var path = svgEl("path", { d: d, fill: "none", stroke: colour(s.name), "stroke-width": 1.8 }, svg);
      svgEl("title", {}, path, s.name);
      if (opts.dots) s.points.forEach(function (p) {
        svgEl("circle", { cx: L + pw * sx.at(p[0]), cy: T + ph - ph * sy.at(p[1]), r: 2.5, fill: colour(s.name) }, svg);
      });
    });
    if (opts.xLabel) svgEl("text", { x: L + pw / 2, y: H - 6, "text-anchor": "middle" }, svg, opts.xLabel);
    if (opts.yLabel) svgEl("text", { x: 12, y: T + ph / 2, transform: "rotate(-90 12 " + (T + ph / 2) + ")", "text-anchor": "middle" }, svg, opts.yLabel);
    charts++;
  }

  function tokenizerSection(rep) {
    var sets = rep.idSets;
    el("h2", {}, root, "Tokenizer quality");
    el("p", { "class": "note" }, root, sets.length + " ID set(s)" + (rep.embeddings ? "; neighbours: " + rep.neighbours
      + " nearest by cosine in " + rep.embeddings : "") + ". Distinct IDs and collisions are of the quantizer codes, before any dedup token.");
    var maxLevels = Math.max.apply(null, sets.map(function (s) { return s.levels; }));
    var levelNames = [];
    for (var l = 1; l <= maxLevels; l++) levelNames.push("L" + l);
    table(root, ["ID set", "items", "levels", "utilisation per level", "perplexity per level", "distinct prefixes per level",
      "collision rate", "largest group", "k-NN sharing the ℓ-prefix (× random)", "rel. quant. error"], sets.map(function (s) {
      var full = s.prefixCollisions[s.levels - 1];
      return [s.name, s.items.toLocaleString("en"), s.levels,
        perLevel(s.usage.map(function (u) { return pct(u.utilisation); })),
        perLevel(s.usage.map(function (u) { return u.perplexity.toFixed(0); })),
        perLevel(s.prefixCollisions.map(function (c) { return c.distinctIds.toLocaleString("en"); })),
        pct(full.collisionRate), full.largestGroup,
        s.neighbours ? perLevel(s.neighbours.levels.map(function (n) { return fmt(n.share, 3) + " (×" + fmt(n.lift, 0) + ")"; })) : "–",
        fmt(s.relativeQuantizationError)];
    }));
    var c = el("div", { "class": "charts" }, root);
    barChart(c, "Utilisation per level (codes used / K)", levelNames, sets.map(function (s) {
      return { name: s.name, values: s.usage.map(function (u) { return u.utilisation; }) };
    }), { max: 1, format: function (v) { return (100 * v).toFixed(0) + "%"; } });
    barChart(c, "Perplexity per level (exp of code-usage entropy)", levelNames, sets.map(function (s) {
      return { name: s.name, values: s.usage.map(function (u) { return u.perplexity; }) };
    }), { format: function (v) { return v.toFixed(0); } });
    for (var lv = 0; lv < maxLevels; lv++) {
      lineChart(c, "Code usage, level " + (lv + 1) + ": items per code, codes by rank", sets.filter(function (s) {
        return s.levels > lv;
      }).map(function (s) {
        var counts = s.codeCounts[lv].slice().sort(function (a, b) { return b - a; });
        return { name: s.name, points: counts.map(function (n, i) { return [i + 1, n]; }) };
      }), { xLabel: "code rank", yLabel: "items" });
    }
    lineChart(c, "Collision groups: how many code tuples hold n items", sets.map(function (s) {
      return { name: s.name, points: Object.keys(s.collisionGroupSizes).map(function (k) {
        return [Number(k), s.collisionGroupSizes[k]];
      }).sort(function (a, b) { return a[0] - b[0]; }) };
    }), { logX: true, logY: true, dots: true, xLabel: "items sharing one full code tuple", yLabel: "tuples" });
    if (sets.some(function (s) { return s.neighbours; })) {
      var withNn = sets.filter(function (s) { return s.neighbours; });
      barChart(c, "Neighbour preservation: share of k-NN sharing the ℓ-prefix (black tick: random assignment)", levelNames,
        withNn.map(function (s) {
          return { name: s.name, values: s.neighbours.levels.map(function (n) { return n.share; }),
            marks: s.neighbours.levels.map(function (n) { return n.random; }) };
        }),
        { max: 1, format: function (v) { return (100 * v).toFixed(0) + "%"; } });
    }
    el("h3", {}, root, "Prefix tree");
    var rows = [];
    sets.forEach(function (s) {
      s.tree.levels.forEach(function (t) {
        rows.push([s.name, "L" + t.level, t.nodes.toLocaleString("en"), fmt(t.meanBranching, 2), t.maxBranching,
          { text: t.largest.map(function (x) { return x.prefix + " (" + x.items + ")"; }).join(", "), cls: "wrap" }]);
      });
    });
    table(root, ["ID set", "level", "nodes", "mean branching", "max branching", "largest subtrees: prefix (items)"], rows);
  }

  function recsysSection(rep, index) {
    el("h2", {}, root, "Recommenders" + (data.recsys.length > 1 ? " (" + (index + 1) + ")" : ""));
    el("p", { "class": "note" }, root, "Leave-one-out, " + rep.split + " target, history ≤ " + rep.maxHistory + " items, seen items: "
      + rep.seenItems + "; full ranking of " + rep.evaluatedUsers.toLocaleString("en") + " users × " + rep.items.toLocaleString("en")
      + " items (" + rep.skippedUsers + " users with fewer than 3 items skipped; " + rep.repeatedTargets
      + " targets repeat a history item). Ties rank by item id (sid-prefix: popularity, then id). " + rep.sequences);
    var names = [];
    rep.ks.forEach(function (k) { names.push("recall@" + k, "ndcg@" + k); });
    var rows = rep.systems.map(function (s) {
      return [s.name].concat(names.map(function (n) { return fmt(s.metrics[n]); })).concat([fmt(s.seconds, 2)]);
    });
    (rep.published || []).forEach(function (p) {
      rows.push([p.name].concat(names.map(function (n) { return fmt(p.metrics[n]); })).concat(["published"]));
    });
    table(root, ["system"].concat(names).concat(["seconds"]), rows, function (i) { return i >= rep.systems.length ? "published" : ""; });
    var series = rep.systems.map(function (s) { return { name: s.name, values: names.map(function (n) { return s.metrics[n]; }) }; })
      .concat((rep.published || []).map(function (p) {
        return { name: p.name, dim: true, values: names.map(function (n) { return p.metrics[n] === undefined ? null : p.metrics[n]; }) };
      }));
    var c = el("div", { "class": "charts" }, root);
    barChart(c, "Recall@K", rep.ks.map(function (k) { return "@" + k; }), series.map(function (s) {
      return { name: s.name, dim: s.dim, values: rep.ks.map(function (k, i) { return s.values[2 * i]; }) };
    }), { width: 560 });
    barChart(c, "NDCG@K", rep.ks.map(function (k) { return "@" + k; }), series.map(function (s) {
      return { name: s.name, dim: s.dim, values: rep.ks.map(function (k, i) { return s.values[2 * i + 1]; }) };
    }), { width: 560 });
    if (rep.comparisons && rep.comparisons.length) {
      el("h3", {}, root, "Paired bootstrap: system − " + rep.comparisons[0].reference + " (" + rep.comparisons[0].resamples
        + " resamples, " + (100 * rep.comparisons[0].confidence).toFixed(0) + "% interval; bold: excludes 0)");
      table(root, ["system"].concat(names), rep.comparisons.map(function (cmp) {
        return [cmp.system].concat(names.map(function (n) {
          var d = cmp.differences[n];
          var sig = d.lower > 0 || d.upper < 0;
          return { text: (d.difference >= 0 ? "+" : "") + fmt(d.difference) + " [" + fmt(d.lower) + ", " + fmt(d.upper) + "]", cls: sig ? "sig" : "" };
        }));
      }));
    }
  }

  el("h1", {}, root, data.title || "semid evaluation report");
  el("p", { "class": "meta" }, root, "Generated " + data.generated + " by semid report.");
  (data.tokenizer || []).forEach(function (t) { t.idSets.forEach(function (s) { colour(s.name); }); });
  (data.recsys || []).forEach(function (r) {
    r.systems.concat(r.published || []).forEach(function (s) { colour(s.name); });
  });
  (data.tokenizer || []).forEach(tokenizerSection);
  (data.recsys || []).forEach(recsysSection);
  el("p", { id: "status" }, root, charts + " charts drawn.");
  document.body.setAttribute("data-charts", String(charts));
  document.body.setAttribute("data-rendered", "true");
})();
