/* The quiz page of a module's SCORM package: check the answers, show the feedback of each chosen
   option, whether each question was right and its explanation, then the score against the pass
   mark; retry with the answers cleared and the options reshuffled (unless a question keeps its
   order). Scoring is CoursewareCore.grade, the site's own.

   The result goes to the launch page (scorm-session.js), which reports it to the LMS through the
   SCORM 1.2 API; opened without a launch page or without an LMS, the quiz works the same and
   nothing is sent anywhere. Without JavaScript every answer stays in its folded section. */
(function () {
  "use strict";

  var core = window.CoursewareCore;
  var form = document.querySelector("form.cw-quiz");
  if (!core || !form || !document.querySelector) return;
  var scorm = window.CoursewareScormPage || { post: function () { return false; }, listen: function () {} };

  var passMark = parseInt(form.getAttribute("data-pass-mark"), 10) || 0;
  var questions = Array.prototype.map.call(form.querySelectorAll("fieldset.cw-question"), function (node) {
    return {
      id: node.getAttribute("data-question"),
      type: node.getAttribute("data-type"),
      keepOrder: node.getAttribute("data-keep-order") === "true",
      correct: (node.getAttribute("data-correct") || "").split(",").filter(Boolean).map(Number),
      node: node
    };
  });
  var actions = form.querySelector(".cw-quiz__actions");
  var check = form.querySelector(".cw-quiz__check");
  var retry = form.querySelector(".cw-quiz__retry");
  var result = form.querySelector(".cw-quiz__result");
  if (!actions || !check || !retry || !result) return;

  var live = make("p", { className: "cw-visually-hidden", role: "status" });
  form.appendChild(live);
  form.classList.add("cw-quiz--js");
  actions.hidden = false;
  var attempt = 0;

  function make(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else if (key === "className" || key === "id" || key === "href" || key === "tabIndex") node[key] = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function sign(right) {
    return make("span", { "aria-hidden": "true", text: right ? "✓ " : "✗ " });
  }

  function chosen() {
    var answers = {};
    questions.forEach(function (q) {
      answers[q.id] = Array.prototype.map.call(q.node.querySelectorAll(".cw-option input:checked"), function (input) {
        return parseInt(input.value, 10);
      });
    });
    return answers;
  }

  function verdictText(q, r) {
    if (!r.answered) return "לא עניתם על השאלה.";
    if (r.correct) return "תשובה נכונה.";
    if (q.type !== "multiple") return "תשובה לא נכונה.";
    var why = [];
    if (r.chosen.some(function (i) { return q.correct.indexOf(i) < 0; })) why.push("סימנתם גם תשובה שאינה נכונה");
    if (q.correct.some(function (i) { return r.chosen.indexOf(i) < 0; })) why.push("לא סימנתם את כל התשובות הנכונות");
    return "תשובה לא נכונה: " + why.join(", ו") + ".";
  }

  function showOutcome(q, r) {
    q.node.classList.add(r.correct ? "cw-question--right" : "cw-question--wrong");
    Array.prototype.forEach.call(q.node.querySelectorAll(".cw-option"), function (li) {
      var index = parseInt(li.getAttribute("data-index"), 10);
      var input = li.querySelector("input");
      if (input) input.disabled = true;
      if (r.chosen.indexOf(index) < 0) return;
      var right = q.correct.indexOf(index) >= 0;
      li.classList.add("cw-option--chosen", right ? "cw-option--right" : "cw-option--wrong");
      var feedback = li.querySelector(".cw-option__feedback");
      if (!feedback) return;
      feedback.insertBefore(make("strong", { className: "cw-option__verdict" }, [
        sign(right), right ? "בחרתם בתשובה נכונה. " : "בחרתם בתשובה לא נכונה. "
      ]), feedback.firstChild);
      feedback.hidden = false;
    });
    var outcome = q.node.querySelector(".cw-question__outcome");
    if (!outcome) return;
    outcome.appendChild(make("p", { className: "cw-question__verdict" }, [sign(r.correct), verdictText(q, r)]));
    ["cw-answer__explanation", "cw-answer__ref"].forEach(function (name) {
      var node = q.node.querySelector("." + name);
      if (node) outcome.appendChild(node.cloneNode(true));
    });
    outcome.hidden = false;
  }

  function summary(graded) {
    attempt += 1;
    var headingId = "cw-result-" + attempt;
    var box = make("div", { className: "cw-quiz__summary " + (graded.passed ? "cw-quiz__summary--passed" : "cw-quiz__summary--failed") });
    box.appendChild(make("h2", { id: headingId, tabIndex: -1, text: graded.passed ? "עברתם את הבוחן" : "עוד לא עברתם את הבוחן" }));
    box.appendChild(make("p", {
      className: "cw-quiz__score",
      text: "עניתם נכון על " + graded.correct + " מתוך " + graded.total + " שאלות: " + graded.score + "%. ציון עובר: " + passMark + "%."
    }));
    if (graded.unanswered) {
      box.appendChild(make("p", { text: graded.unanswered === 1 ? "שאלה אחת נשארה בלי תשובה." : graded.unanswered + " שאלות נשארו בלי תשובה." }));
    }
    var wrong = [];
    graded.results.forEach(function (r, i) {
      if (!r.correct) wrong.push(i);
    });
    if (wrong.length) {
      box.appendChild(make("p", { text: "כדאי לחזור אל:" }));
      box.appendChild(make("ul", { className: "cw-quiz__review" }, wrong.map(function (i) {
        return make("li", {}, [make("a", { href: "#" + questions[i].node.id, text: "שאלה " + (i + 1) })]);
      })));
    }
    box.appendChild(make("p", { className: "cw-quiz__lms", hidden: "" }));
    return { box: box, headingId: headingId };
  }

  function reset() {
    questions.forEach(function (q) {
      q.node.classList.remove("cw-question--right", "cw-question--wrong");
      var list = q.node.querySelector(".cw-options");
      if (!list) return;
      var items = Array.prototype.slice.call(list.children);
      items.forEach(function (li) {
        li.classList.remove("cw-option--chosen", "cw-option--right", "cw-option--wrong");
        var input = li.querySelector("input");
        if (input) {
          input.disabled = false;
          input.checked = false;
        }
        var feedback = li.querySelector(".cw-option__feedback");
        if (feedback) {
          var verdict = feedback.querySelector(".cw-option__verdict");
          if (verdict) feedback.removeChild(verdict);
          feedback.hidden = true;
        }
      });
      if (!q.keepOrder && items.length > 1) {
        var before = items.map(function (li) { return li.getAttribute("data-index"); }).join(",");
        var order = core.shuffledOrder(items.length).map(function (i) { return items[i]; });
        if (order.map(function (li) { return li.getAttribute("data-index"); }).join(",") === before) {
          order.push(order.shift()); // a retry always shows a new order
        }
        order.forEach(function (li) { list.appendChild(li); });
      }
      var outcome = q.node.querySelector(".cw-question__outcome");
      if (outcome) {
        outcome.textContent = "";
        outcome.hidden = true;
      }
    });
    result.textContent = "";
  }

  scorm.listen(function (message) {
    if (message.type !== "recorded" || !message.lms) return;
    var note = result.querySelector(".cw-quiz__lms");
    if (!note) return;
    note.textContent = message.ok ? "התוצאה נשמרה במערכת הלמידה." : "מערכת הלמידה לא אישרה שהתוצאה נשמרה.";
    note.hidden = false;
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (check.hidden) return; // already checked: Enter in the form does not check again
    var graded = core.grade(questions, chosen(), passMark);
    questions.forEach(function (q, i) { showOutcome(q, graded.results[i]); });
    var shown = summary(graded);
    result.appendChild(shown.box);
    live.textContent = (graded.passed ? "עברתם את הבוחן. " : "עוד לא עברתם את הבוחן. ") +
      graded.correct + " מתוך " + graded.total + " נכונות, " + graded.score + "%.";
    check.hidden = true;
    retry.hidden = false;
    scorm.post({ type: "result", score: graded.score, passed: graded.passed, correct: graded.correct, total: graded.total });
    var heading = document.getElementById(shown.headingId);
    if (heading) heading.focus();
  });

  retry.addEventListener("click", function () {
    reset();
    retry.hidden = true;
    check.hidden = false;
    live.textContent = "הבוחן מוכן לניסיון נוסף. התשובות נמחקו וסדר האפשרויות השתנה.";
    var first = form.querySelector("fieldset.cw-question input");
    if (first) first.focus();
  });
})();
