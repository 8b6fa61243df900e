// Keyboard review. Loaded as a file (the Content-Security-Policy forbids inline
// script). Every key has a visible, focusable equivalent on the page.
//   j / k   next / previous claim (queue: move the row cursor)
//   Enter   open the current row (queue, stories, a story's facts)
//   x       tick the current row for a bulk decision (queue)
//   c d u s corroborated / disputed / unverifiable / skip (a story: c d u decide the selected fact)
//   n       focus the note
//   z       undo my last decision (a new decision; history stays); a story: undo the selected fact
//   ?       show the keys
(function () {
  "use strict";
  var STATUS = { c: "corroborated", d: "disputed", u: "unverifiable", s: "skipped" };

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    // A ticked box or a button keeps no text: the keys still work there (a story's fact boxes).
    if (tag === "INPUT" && /^(checkbox|radio|button|submit)$/.test(el.type)) return false;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function go(id) {
    var a = document.getElementById(id);
    if (a && a.href) window.location.assign(a.href);
  }

  // ---- queue: a row cursor
  var rows = [];
  var cur = -1;
  function setRow(i) {
    if (!rows.length) return;
    i = Math.max(0, Math.min(rows.length - 1, i));
    if (cur >= 0 && rows[cur]) rows[cur].classList.remove("current");
    cur = i;
    var r = rows[cur];
    r.classList.add("current");
    r.setAttribute("aria-current", "true");
    var link = r.querySelector("td a");
    if (link) link.focus({ preventScroll: true });
    r.scrollIntoView({ block: "nearest" });
  }

  function queueKey(k) {
    if (k === "j") { setRow(cur + 1); return true; }
    if (k === "k") { setRow(cur - 1); return true; }
    if (k === "Enter" && cur >= 0) { window.location.assign(rows[cur].dataset.href); return true; }
    if (k === "x" && cur >= 0) {
      var box = rows[cur].querySelector("input[type=checkbox]");
      if (box) box.checked = !box.checked;
      return true;
    }
    if (STATUS[k]) {
      var ticked = document.querySelectorAll("form.bulk input[name=claim]:checked");
      if (!ticked.length && cur >= 0) {
        var b = rows[cur].querySelector("input[type=checkbox]");
        if (b) b.checked = true;
        ticked = [b];
      }
      if (!ticked.length) return false;
      var btn = document.querySelector("form.bulk button[name=status][value=" + STATUS[k] + "]");
      if (btn) btn.click();
      return true;
    }
    if (k === "n") {
      var note = document.querySelector("form.bulk input[name=note]");
      if (note) note.focus();
      return true;
    }
    return false;
  }

  // stories and a story's facts: the same row cursor; on a story, c d u decide the selected
  // fact (its ticked claims, through its form), n its note, z undoes its last decision
  function storyKey(k) {
    if (k === "j") { setRow(cur + 1); return true; }
    if (k === "k") { setRow(cur - 1); return true; }
    if (k === "Enter" && cur >= 0 && rows[cur].dataset.href) { window.location.assign(rows[cur].dataset.href); return true; }
    if (cur < 0) return false;
    var sel = null;
    if (k === "c" || k === "d" || k === "u") sel = "form.decide-fact button[data-key=" + k + "]";
    else if (k === "z") sel = "form.undo-fact button[data-key=z]";
    else if (k === "n") {
      var note = rows[cur].querySelector("form.decide-fact input[name=note]");
      if (note) { note.focus(); return true; }
      return false;
    }
    var btn = sel && rows[cur].querySelector(sel);
    if (btn) { btn.click(); return true; }
    return false;
  }

  function claimKey(k) {
    if (k === "j") { go("next-claim"); return true; }
    if (k === "k") { go("prev-claim"); return true; }
    if (STATUS[k]) {
      var btn = document.querySelector("#decide-form button[data-key=" + k + "]");
      if (btn) btn.click();
      return true;
    }
    if (k === "n") { var n = document.getElementById("note"); if (n) n.focus(); return true; }
    return false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var page = document.body.dataset.page;
    rows = Array.prototype.slice.call(document.querySelectorAll("table.queue tr.row"));
    rows.forEach(function (r, i) {
      r.addEventListener("focusin", function () {
        if (cur >= 0 && rows[cur]) rows[cur].classList.remove("current");
        cur = i; r.classList.add("current");
      });
    });
    var dialog = document.getElementById("keys");
    // Back on a story after deciding a fact (#fact-N): that fact is the selected row again.
    if (page === "story" && /^#fact-[0-9]+$/.test(window.location.hash)) {
      var form = document.getElementById(window.location.hash.slice(1));
      var at = form ? rows.indexOf(form.closest("tr.row")) : -1;
      if (at >= 0) setRow(at);
    }

    // Soft lock: while the editor is active on a claim, tell the server every
    // two minutes, so the lock (10 minutes) expires only after real inactivity.
    var art = document.querySelector("article.claim[data-claim-id]");
    var tokenInput = document.querySelector("#decide-form input[name=csrf_token]");
    if (page === "claim" && art && tokenInput && window.fetch) {
      var active = Date.now();
      ["keydown", "mousemove", "scroll", "input"].forEach(function (ev) {
        document.addEventListener(ev, function () { active = Date.now(); }, { passive: true });
      });
      window.setInterval(function () {
        if (Date.now() - active > 120000) return;
        fetch("/claims/" + art.dataset.claimId + "/lock", {
          method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": tokenInput.value }
        }).catch(function () {});
      }, 120000);
    }

    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (dialog && dialog.open) return; // Escape closes it natively
      var t = e.target;
      if (typing(t)) {
        if (e.key === "Escape") t.blur();
        return;
      }
      var k = e.key;
      var done = false;
      if (k === "?") {
        if (dialog && dialog.showModal) { dialog.showModal(); done = true; }
      } else if (k === "z" && page !== "story") {
        var f = document.getElementById("undo-form");
        if (f) { f.submit(); done = true; }
      } else if (page === "queue") {
        done = queueKey(k);
      } else if (page === "stories" || page === "story") {
        done = storyKey(k);
      } else if (page === "claim") {
        // Enter on a focused link or button keeps its own meaning.
        if (k !== "Enter") done = claimKey(k);
      }
      if (done) e.preventDefault();
    });
  });
})();
