/* The launch page of a module's SCORM 1.2 package: it holds the one runtime session of the
   package's single SCO while the learner moves between its pages, which show in the frame below.

   SCORM 1.2 allows one LMSInitialize ... LMSFinish pair per launch of a SCO, and an LMS may treat
   LMSFinish as the end of the attempt (Moodle's "auto-continue" moves on, others close the
   player). So the pages do not talk to the LMS themselves: each tells this page which page it is
   (and the quiz its result) by postMessage, and this page reports through the LMS's API.

   - API: found as the SCORM 1.2 run-time environment specifies, on this window and its parents
     (at most 7 levels up), then on the window that opened it and that window's parents.
   - On load: LMSInitialize(""); a first visit sets the status "incomplete" ("browsed" when the
     LMS launched in browse mode); a return opens the page where the learner left off
     (cmi.core.lesson_location).
   - Each page shown: cmi.core.lesson_location, and the pages seen in cmi.suspend_data; a module
     without a quiz is "completed" once every lesson has been seen.
   - Each quiz check: cmi.core.score.raw/min/max and cmi.core.lesson_status "passed" or "failed",
     then LMSCommit(""). The best result of the attempt is kept: a later, weaker try does not
     turn a pass into a failure.
   - On leaving: cmi.core.session_time, cmi.core.exit ("suspend" until the module is done, so
     that the LMS resumes it), LMSFinish("").
   Without an LMS every call is skipped and the package works on its own. Nothing here throws. */
(function () {
  "use strict";

  var MAX_PARENTS = 7;
  var frame = document.getElementById("cw-content");
  var status = document.querySelector(".cw-shell__status");
  var toc = document.querySelector(".cw-shell__toc");
  if (!frame) return;

  var pages = [];
  var lessons = [];
  Array.prototype.forEach.call(document.querySelectorAll("[data-cw-target]"), function (a) {
    var name = a.getAttribute("data-cw-target");
    pages.push(name);
    if (a.getAttribute("data-cw-kind") === "lesson") lessons.push(name);
  });
  var hasQuiz = document.body.getAttribute("data-cw-quiz") === "true";

  /* --- finding the LMS's API ----------------------------------------------------------------- */

  function apiOn(win) {
    try {
      var api = win.API;
      if (api && typeof api.LMSInitialize === "function") return api;
    } catch (e) { /* a window of another origin */ }
    return null;
  }

  function scan(win) {
    var levels = 0;
    while (win) {
      var api = apiOn(win);
      if (api) return api;
      var parent = null;
      try {
        parent = win.parent;
      } catch (e) { /* no parent to reach */ }
      if (!parent || parent === win || ++levels > MAX_PARENTS) return null;
      win = parent;
    }
    return null;
  }

  function findAPI() {
    var api = scan(window);
    if (!api) {
      try {
        if (window.opener && !window.opener.closed) api = scan(window.opener);
      } catch (e) { /* an opener of another origin */ }
    }
    return api;
  }

  /* --- the session ----------------------------------------------------------------------------- */

  var api = findAPI();
  var live = false;
  var finished = false;
  var started = new Date();
  var best = { raw: null, passed: false };
  var seen = {};

  function call(name, a, b) {
    if (!live) return "";
    try {
      var result = b === undefined ? api[name](a) : api[name](a, b);
      return result === undefined || result === null ? "" : String(result);
    } catch (e) {
      return "";
    }
  }

  function get(element) {
    return call("LMSGetValue", element);
  }

  function set(element, value) {
    return call("LMSSetValue", element, String(value)) === "true";
  }

  function commit() {
    return call("LMSCommit", "") === "true";
  }

  function done() {
    return best.passed || get("cmi.core.lesson_status") === "completed";
  }

  function saveSeen() {
    var indexes = [];
    pages.forEach(function (name, i) {
      if (seen[name]) indexes.push(i);
    });
    set("cmi.suspend_data", "seen:" + indexes.join(","));
  }

  function readSeen() {
    var data = get("cmi.suspend_data");
    if (data.indexOf("seen:") !== 0) return;
    data.slice(5).split(",").forEach(function (i) {
      var name = pages[parseInt(i, 10)];
      if (name) seen[name] = true;
    });
  }

  function say(text) {
    if (!status) return;
    status.textContent = text;
    status.hidden = !text;
  }

  function start() {
    if (!api) return;
    var result = "";
    try {
      result = String(api.LMSInitialize(""));
    } catch (e) {
      result = "";
    }
    if (result !== "true") {
      var code = "";
      try {
        code = String(api.LMSGetLastError());
      } catch (e) { /* nothing to learn */ }
      if (code !== "101") return; // 101: already initialised, the session is usable
    }
    live = true;
    var lessonStatus = get("cmi.core.lesson_status");
    if (lessonStatus === "" || lessonStatus === "not attempted") {
      set("cmi.core.lesson_status", get("cmi.core.lesson_mode") === "browse" ? "browsed" : "incomplete");
    }
    var raw = parseFloat(get("cmi.core.score.raw"));
    if (!isNaN(raw)) best.raw = raw;
    best.passed = lessonStatus === "passed";
    readSeen();
    commit();
    var place = get("cmi.core.lesson_location");
    var resumed = false;
    if (place && pages.indexOf(place) > 0 && frameName() !== place) {
      frame.setAttribute("src", place);
      resumed = true;
    } else {
      showing(frameName(), "");
    }
    say(resumed ? "ממשיכים מהמקום שבו עצרתם. ההתקדמות שלכם נשמרת במערכת הלמידה." : "ההתקדמות שלכם נשמרת במערכת הלמידה.");
  }

  function finish() {
    if (!live || finished) return;
    finished = true;
    var seconds = Math.max(0, Math.round((new Date() - started) / 1000));
    var hours = Math.min(9999, Math.floor(seconds / 3600));
    var minutes = Math.floor((seconds % 3600) / 60);
    set("cmi.core.session_time", pad(hours) + ":" + pad(minutes) + ":" + pad(seconds % 60));
    set("cmi.core.exit", done() ? "" : "suspend");
    call("LMSFinish", "");
    live = false;
  }

  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }

  /* --- what the pages tell --------------------------------------------------------------------- */

  function frameName() {
    try {
      var path = frame.contentWindow.location.pathname;
      return path.slice(path.lastIndexOf("/") + 1);
    } catch (e) {
      return "";
    }
  }

  var shown = "";

  function showing(name, title) {
    if (title) frame.setAttribute("title", title);
    if (!name || name === shown) return;
    shown = name;
    if (toc) {
      Array.prototype.forEach.call(toc.querySelectorAll("[data-cw-target]"), function (a) {
        if (a.getAttribute("data-cw-target") === name) a.setAttribute("aria-current", "page");
        else a.removeAttribute("aria-current");
      });
    }
    if (!live || pages.indexOf(name) < 0) return;
    seen[name] = true;
    set("cmi.core.lesson_location", name);
    saveSeen();
    var all = lessons.every(function (lesson) { return seen[lesson]; });
    if (!hasQuiz && all && get("cmi.core.lesson_status") !== "completed") {
      set("cmi.core.lesson_status", "completed");
    }
    commit();
  }

  function result(message) {
    var score = Math.round(Number(message.score));
    if (!live || !isFinite(score) || score < 0 || score > 100) return false;
    var passed = message.passed === true;
    best.raw = best.raw === null ? score : Math.max(best.raw, score);
    best.passed = best.passed || passed;
    var ok = set("cmi.core.score.raw", String(best.raw));
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    ok = set("cmi.core.lesson_status", best.passed ? "passed" : "failed") && ok;
    return commit() && ok;
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow) return;
    var message = event.data;
    if (!message || typeof message !== "object" || message.source !== "courseware-scorm") return;
    if (message.type === "page" && typeof message.page === "string") {
      showing(message.page, typeof message.title === "string" ? message.title : "");
    } else if (message.type === "result") {
      var ok = result(message);
      try {
        var origin = event.origin && event.origin !== "null" && event.origin.indexOf("file:") !== 0 ? event.origin : "*";
        event.source.postMessage({ source: "courseware-scorm", type: "recorded", lms: live, ok: ok }, origin);
      } catch (e) { /* the page has gone */ }
    }
  });

  if (toc) {
    toc.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) toc.removeAttribute("open");
    });
  }

  // a page whose script did not run (or a file:// package, where pages cannot be read) is
  // still followed through the frame's load event when the browser lets us read its address
  frame.addEventListener("load", function () {
    showing(frameName(), "");
  });

  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  start();
})();
