/* The quiz form on a page, shared by the site (courseware.js) and the SCORM package
   (scorm-quiz.js): read the questions from the form, take the learner's answers, show each
   question's outcome and a summary, and set the form up again for a retry with the options
   reshuffled. Scoring is CoursewareCore's; what happens to a result (kept in this browser, or
   reported to an LMS) is the caller's. Also the small element builder both pages use. */
(function (root) {
  "use strict";

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else if (key === "className") node.className = props[key];
      else if (key in node && key !== "role") node[key] = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function sign(right) {
    return el("span", { "aria-hidden": "true", text: right ? "✓ " : "✗ " });
  }

  function readQuestions(form) {
    return Array.prototype.map.call(form.querySelectorAll("fieldset.cw-question"), function (node) {
      return {
        id: node.getAttribute("data-question"),
        type: node.getAttribute("data-type"),
        keepOrder: node.getAttribute("data-keep-order") === "true",
        correct: (node.getAttribute("data-correct") || "").split(",").filter(Boolean).map(Number),
        node: node
      };
    });
  }

  function answers(questions) {
    var out = {};
    questions.forEach(function (q) {
      out[q.id] = Array.prototype.map.call(q.node.querySelectorAll(".cw-option input:checked"), function (input) {
        return parseInt(input.value, 10);
      });
    });
    return out;
  }

  function verdict(q, r) {
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
      feedback.insertBefore(el("strong", { className: "cw-option__verdict" }, [
        sign(right), right ? "בחרתם בתשובה נכונה. " : "בחרתם בתשובה לא נכונה. "
      ]), feedback.firstChild);
      feedback.hidden = false;
    });
    var outcome = q.node.querySelector(".cw-question__outcome");
    if (!outcome) return;
    outcome.appendChild(el("p", { className: "cw-question__verdict" }, [sign(r.correct), verdict(q, r)]));
    ["cw-answer__explanation", "cw-answer__ref"].forEach(function (name) {
      var node = q.node.querySelector("." + name);
      if (node) outcome.appendChild(node.cloneNode(true));
    });
    outcome.hidden = false;
  }

  function resetQuestion(q, shuffledOrder) {
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
        var mark = feedback.querySelector(".cw-option__verdict");
        if (mark) feedback.removeChild(mark);
        feedback.hidden = true;
      }
    });
    if (!q.keepOrder && items.length > 1) {
      var before = items.map(function (li) { return li.getAttribute("data-index"); }).join(",");
      var order = shuffledOrder(items.length).map(function (i) { return items[i]; });
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
  }

  function summary(graded, passMark, questions, headingId) {
    var box = el("div", { className: "cw-quiz__summary " + (graded.passed ? "cw-quiz__summary--passed" : "cw-quiz__summary--failed") });
    box.appendChild(el("h2", { id: headingId, tabIndex: -1, text: graded.passed ? "עברתם את הבוחן" : "עוד לא עברתם את הבוחן" }));
    box.appendChild(el("p", {
      className: "cw-quiz__score",
      text: "עניתם נכון על " + graded.correct + " מתוך " + graded.total + " שאלות: " + graded.score + "%. ציון עובר: " + passMark + "%."
    }));
    if (graded.unanswered) {
      box.appendChild(el("p", { text: graded.unanswered === 1 ? "שאלה אחת נשארה בלי תשובה." : graded.unanswered + " שאלות נשארו בלי תשובה." }));
    }
    var wrong = [];
    graded.results.forEach(function (r, i) {
      if (!r.correct) wrong.push(i);
    });
    if (wrong.length) {
      box.appendChild(el("p", { text: "כדאי לחזור אל:" }));
      box.appendChild(el("ul", { className: "cw-quiz__review" }, wrong.map(function (i) {
        return el("li", {}, [el("a", { href: "#" + questions[i].node.id, text: "שאלה " + (i + 1) })]);
      })));
    }
    return box;
  }

  /* The quiz in `form` made interactive: its buttons shown, a live region for what changes, and
     a retry that clears the answers and reshuffles. `grade(graded, show)` is called when the
     learner checks: `graded` is CoursewareCore's result, `show(headingId, extra)` shows it (each
     question's outcome, the summary with whatever `extra(box)` adds, the announcement) and moves
     the focus to the summary's heading. Returns null when the form lacks its parts. */
  function quiz(form, core, grade) {
    var passMark = parseInt(form.getAttribute("data-pass-mark"), 10) || 0;
    var questions = readQuestions(form);
    var actions = form.querySelector(".cw-quiz__actions");
    var check = form.querySelector(".cw-quiz__check");
    var retry = form.querySelector(".cw-quiz__retry");
    var result = form.querySelector(".cw-quiz__result");
    if (!actions || !check || !retry || !result) return null;
    var live = el("p", { className: "cw-visually-hidden", role: "status" });
    form.appendChild(live);
    form.classList.add("cw-quiz--js");
    actions.hidden = false;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (check.hidden) return; // already checked: Enter in the form does not check again
      var graded = core.grade(questions, answers(questions), passMark);
      grade(graded, function (headingId, extra) {
        questions.forEach(function (q, i) { showOutcome(q, graded.results[i]); });
        var box = summary(graded, passMark, questions, headingId);
        if (extra) extra(box);
        result.appendChild(box);
        live.textContent = (graded.passed ? "עברתם את הבוחן. " : "עוד לא עברתם את הבוחן. ") +
          graded.correct + " מתוך " + graded.total + " נכונות, " + graded.score + "%.";
        check.hidden = true;
        retry.hidden = false;
        var heading = document.getElementById(headingId);
        if (heading) heading.focus();
      });
    });

    retry.addEventListener("click", function () {
      questions.forEach(function (q) { resetQuestion(q, core.shuffledOrder); });
      result.textContent = "";
      retry.hidden = true;
      check.hidden = false;
      live.textContent = "הבוחן מוכן לניסיון נוסף. התשובות נמחקו וסדר האפשרויות השתנה.";
      var first = form.querySelector("fieldset.cw-question input");
      if (first) first.focus();
    });

    return { questions: questions, result: result };
  }

  root.CoursewareQuiz = { el: el, quiz: quiz };
})(window);
