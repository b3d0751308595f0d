// The browser check of the report pages (.ci/browser-check): run in headless Chromium from a
// harness page that loads each page in a frame, it checks the rendered DOM, not the markup:
// the index links every document's page and each loads; a page's divergences come sorted by
// severity, then place; clicking a filter hides what it covers and clicking it again brings it
// back; every row a divergence concerns is tinted; a meaning mismatch's evidence words are
// marked on both sides. Results go into <pre id="result">, one line each, `ok` or `FAIL`.
(function () {
  "use strict";
  var results = [];
  function check(ok, what) { results.push((ok ? "ok   " : "FAIL ") + what); }
  function load(url) {
    return new Promise(function (resolve) {
      var frame = document.createElement("iframe");
      frame.onload = function () { resolve(frame.contentDocument); };
      frame.onerror = function () { resolve(null); };
      frame.src = url;
      document.body.appendChild(frame);
    });
  }
  function shown(el) { return el.ownerDocument.defaultView.getComputedStyle(el).display !== "none"; }
  function tinted(row) {
    return row.ownerDocument.defaultView.getComputedStyle(row).backgroundColor !== "rgba(0, 0, 0, 0)";
  }
  var rank = { error: 0, warning: 1, info: 2 };

  function checkSorted(doc, name) {
    var items = Array.prototype.slice.call(doc.querySelectorAll("li.divergence"));
    var sorted = items.every(function (li, i) {
      if (i === 0) { return true; }
      var a = items[i - 1], b = li;
      var ra = rank[a.dataset.severity], rb = rank[b.dataset.severity];
      var pa = a.dataset.place === "" ? Infinity : +a.dataset.place;
      var pb = b.dataset.place === "" ? Infinity : +b.dataset.place;
      return ra < rb || (ra === rb && pa <= pb);
    });
    check(sorted, name + ": " + items.length + " divergences sorted by severity, then place");
    return items;
  }

  function checkRuns(doc, name, items) {
    var rows = 0, missing = [];
    items.forEach(function (li) {
      li.dataset.rows.split(" ").filter(Boolean).forEach(function (r) {
        var row = doc.getElementById("r" + r);
        if (!row) { return; }
        rows += 1;
        if (!row.classList.contains("marked") || !tinted(row)) { missing.push(r); }
      });
    });
    check(missing.length === 0, name + ": every row of every divergence tinted (" + rows + " rows)" +
      (missing.length ? ", not: " + missing.join(" ") : ""));
  }

  function click(box) { box.click(); }

  function checkFilter(doc, name, box, attr) {
    var value = box.getAttribute(attr);
    var items = Array.prototype.slice.call(doc.querySelectorAll("li.divergence"));
    var covered = items.filter(function (li) { return li.getAttribute(attr) === value; });
    var others = items.filter(function (li) { return li.getAttribute(attr) !== value; });
    var onlyRows = Array.prototype.slice.call(doc.querySelectorAll("tr.marked")).filter(function (tr) {
      var list = tr.getAttribute(attr === "data-kind" ? "data-kinds" : "data-severities").split(" ");
      return list.every(function (v) { return v === value; });
    });
    click(box);
    var hidden = covered.every(function (li) { return !shown(li); }) && others.every(shown) &&
      onlyRows.every(function (tr) { return !tinted(tr); });
    click(box);
    var back = covered.every(shown) && onlyRows.every(tinted);
    check(covered.length > 0 && hidden && back, name + ": the filter " + attr + "=" + value + " hides its " +
      covered.length + " divergences and untints " + onlyRows.length + " rows, and brings them back");
  }

  function checkDocument(doc, name) {
    check(doc.body.dataset.ready === "true", name + ": the page's script ran");
    var items = checkSorted(doc, name);
    checkRuns(doc, name, items);
    var boxes = doc.querySelectorAll(".filters input");
    if (items.length > 0) {
      checkFilter(doc, name, doc.querySelector(".filters input[data-severity]"), "data-severity");
      checkFilter(doc, name, doc.querySelector(".filters input[data-kind]"), "data-kind");
    } else {
      check(boxes.length === 0, name + ": no divergences, no filters");
    }
  }

  async function run(config) {
    var index = await load(config.index);
    check(index && index.body.dataset.ready === "true", "index.html loads and its script runs");
    var links = Array.prototype.slice.call(index.querySelectorAll("a.document"));
    var names = links.map(function (a) { return a.textContent; });
    check(config.documents.every(function (d) { return names.some(function (n) { return n.endsWith(d); }); }),
      "the index links every document: " + names.join(", "));
    var families = index.querySelectorAll("details.family");
    check(families.length > 0 && Array.prototype.every.call(families, function (d) { return !d.open; }),
      families.length + " template families collapsed behind their summaries");
    for (var i = 0; i < links.length; i++) {
      var doc = await load(links[i].href);
      var ok = doc && doc.querySelector("h1") && doc.querySelector("h1").textContent === names[i];
      check(ok, names[i] + ": its page loads from the index");
      if (ok) { checkDocument(doc, names[i]); }
    }
    var meaning = await load(config.meaning);
    checkDocument(meaning, "align --format html (meaning)");
    var li = meaning.querySelector("li.divergence[data-kind=meaning_mismatch]");
    var row = li && meaning.getElementById("r" + li.dataset.place);
    var kk = row && row.querySelector("td[lang=kk] mark.cue");
    var ru = row && row.querySelector("td[lang=ru] mark.cue");
    var yellow = function (m) {
      return m && meaning.defaultView.getComputedStyle(m).backgroundColor !== "rgba(0, 0, 0, 0)";
    };
    check(yellow(kk) && yellow(ru), "meaning evidence marked on both sides: kk «" +
      (kk && kk.textContent) + "», ru «" + (ru && ru.textContent) + "»");
    document.getElementById("result").textContent = results.join("\n") + "\n";
    document.body.dataset.done = "true";
  }

  run(window.CHECK_CONFIG).catch(function (e) {
    check(false, "the check itself failed: " + e);
    document.getElementById("result").textContent = results.join("\n") + "\n";
    document.body.dataset.done = "true";
  });
})();
