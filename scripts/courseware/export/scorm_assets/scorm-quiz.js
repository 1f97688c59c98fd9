/* The quiz page of a module's SCORM package: the site's own quiz (CoursewareQuiz, scoring by
   CoursewareCore.grade): check the answers, show the feedback of each chosen option, whether each
   question was right and its explanation, then the score against the pass mark; retry with the
   answers cleared and the options reshuffled (unless a question keeps its order).

   The result goes to the launch page (scorm-session.js), which reports it to the LMS through the
   SCORM 1.2 API; opened without a launch page or without an LMS, the quiz works the same and
   nothing is sent anywhere. Without JavaScript every answer stays in its folded section. */
(function () {
  "use strict";

  var core = window.CoursewareCore;
  var view = window.CoursewareQuiz;
  var form = document.querySelector && document.querySelector("form.cw-quiz");
  if (!core || !view || !form) return;
  var scorm = window.CoursewareScormPage || { post: function () { return false; }, listen: function () {} };
  var attempt = 0;

  var shown = view.quiz(form, core, function (graded, show) {
    attempt += 1;
    show("cw-result-" + attempt, function (box) {
      box.appendChild(view.el("p", { className: "cw-quiz__lms", hidden: true }));
    });
    scorm.post({ type: "result", score: graded.score, passed: graded.passed, correct: graded.correct, total: graded.total });
  });
  if (!shown) return;

  scorm.listen(function (message) {
    if (message.type !== "recorded" || !message.lms) return;
    var note = shown.result.querySelector(".cw-quiz__lms");
    if (!note) return;
    note.textContent = message.ok ? "התוצאה נשמרה במערכת הלמידה." : "מערכת הלמידה לא אישרה שהתוצאה נשמרה.";
    note.hidden = false;
  });
})();
