// Checkup questionnaire page (checkup_answer.html): hides the questions
// whose gate ("show_if") is closed as you answer, and asks before the
// final submission. Gates are enforced on the server anyway — an answer
// to a hidden question never produces a finding — and without this script
// every question stays visible, the gated ones greyed with a note.
// The inputs of a hidden question are disabled, so a stale or half-typed
// answer behind a closed gate is not posted (and cannot block a save with
// an error nobody can see).
(function () {
  "use strict";
  var form = document.getElementById("ck-form");
  if (!form) { return; }
  var blocks = {};
  Array.prototype.forEach.call(form.querySelectorAll(".ck-q[data-key]"), function (b) {
    blocks[b.getAttribute("data-key")] = b;
  });
  var memo = {};

  function gateOf(el) {
    var g = el && el.getAttribute("data-gate");
    return g ? JSON.parse(g) : null;
  }

  // values lists what is currently entered for a question key.
  function values(key) {
    var out = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name !== key || el.value === "") { return; }
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
      out.push(el.value);
    });
    return out;
  }

  function visible(key) {
    if (Object.prototype.hasOwnProperty.call(memo, key)) { return memo[key]; }
    memo[key] = false;
    var b = blocks[key];
    memo[key] = !b || (holds(gateOf(b.closest(".ck-section"))) && holds(gateOf(b)));
    return memo[key];
  }

  // holds mirrors the engine's conditions (checkup/condition.go): a leaf
  // on a hidden, unanswered or "na" answer is false. Computed values and
  // table cells are left to the server (treated as open here).
  function holds(g) {
    if (!g) { return true; }
    if (g.all) { return g.all.every(holds); }
    if (g.any) { return g.any.some(holds); }
    if (g.computed || g.col) { return true; }
    if (!visible(g.q)) { return false; }
    var b = blocks[g.q], type = b ? b.getAttribute("data-type") : "";
    var vs = values(g.q), x = g.v || [];
    if (type === "multi") {
      return g.op === "includes" ? vs.indexOf(x[0]) >= 0 : vs.indexOf(x[0]) < 0;
    }
    if (vs.length === 0 || (type === "yesno" && vs[0] === "na")) { return false; }
    var a = vs[0], n = parseFloat(a), m = parseFloat(x[0]);
    switch (g.op) {
      case "eq": return type === "number" ? n === m : a === x[0];
      case "ne": return type === "number" ? n !== m : a !== x[0];
      case "in": return x.indexOf(a) >= 0;
      case "gt": return n > m;
      case "gte": return n >= m;
      case "lt": return n < m;
      case "lte": return n <= m;
      case "before": return a < x[0];
      case "after": return a > x[0];
    }
    return true;
  }

  function apply() {
    memo = {};
    Array.prototype.forEach.call(form.querySelectorAll(".ck-section"), function (s) {
      var open = holds(gateOf(s));
      s.hidden = !open;
      var link = document.querySelector('.ck-toc a[data-section="' + s.getAttribute("data-section") + '"]');
      if (link) { link.hidden = !open; }
    });
    Object.keys(blocks).forEach(function (key) {
      var vis = visible(key);
      blocks[key].hidden = !vis;
      blocks[key].classList.toggle("gated-off", !vis);
      Array.prototype.forEach.call(blocks[key].querySelectorAll("input, select, textarea"), function (el) {
        el.disabled = !vis;
      });
    });
  }

  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("click", function (e) {
    var btn = e.target.closest("button[data-confirm]");
    if (btn && !window.confirm(btn.getAttribute("data-confirm"))) { e.preventDefault(); }
  });
  apply();
}());
