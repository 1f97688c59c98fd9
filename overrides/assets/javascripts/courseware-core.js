/* The learner's progress and quiz scoring: pure functions, no DOM and no storage access, so that
   they run the same in the browser and under Node's test runner (tests/js/).

   Progress is one JSON object, kept by courseware.js under one versioned localStorage key:
   {
     version: 1,
     lessons: { "<module>/<lesson>": { readAt: ISO } },
     quizzes: { "<module>": { attempts: [{ at, correct, total, score, passed }], best, passedAt } },
     modules: { "<module>": { completedAt: ISO } },
     paths:   { "<path>":   { completedAt: ISO } }
   }
   Nothing in it ever leaves the browser, except in a file the learner exports. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CoursewareCore = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var VERSION = 1;
  var STORAGE_KEY = "courseware-progress-v1";
  var MAX_ATTEMPTS = 20;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var LESSON_KEY = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

  function empty() {
    return { version: VERSION, lessons: {}, quizzes: {}, modules: {}, paths: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isDate(value) {
    return typeof value === "string" && value.length <= 40 && !isNaN(Date.parse(value));
  }

  function isCount(value) {
    return typeof value === "number" && isFinite(value) && value >= 0 && Math.floor(value) === value;
  }

  /* Check untrusted progress data (from storage or an imported file). Returns
     { ok: true, data } with a clean copy, or { ok: false, error } saying what is wrong.
     Entries that are individually malformed are dropped; a wrong overall shape is an error. */
  function validate(input) {
    if (!isObject(input)) {
      return { ok: false, error: "הקובץ אינו קובץ התקדמות של האתר." };
    }
    if (input.version !== VERSION) {
      return { ok: false, error: "גרסת הקובץ אינה מוכרת (" + String(input.version) + ")." };
    }
    var data = empty();
    var dropped = 0;
    var section;
    section = isObject(input.lessons) ? input.lessons : {};
    Object.keys(section).forEach(function (key) {
      var entry = section[key];
      if (LESSON_KEY.test(key) && isObject(entry) && isDate(entry.readAt)) {
        data.lessons[key] = { readAt: entry.readAt };
      } else {
        dropped++;
      }
    });
    section = isObject(input.quizzes) ? input.quizzes : {};
    Object.keys(section).forEach(function (key) {
      var entry = section[key];
      if (!ID.test(key) || !isObject(entry) || !Array.isArray(entry.attempts)) {
        dropped++;
        return;
      }
      var attempts = entry.attempts.filter(function (a) {
        var good = isObject(a) && isDate(a.at) && isCount(a.correct) && isCount(a.total) &&
          a.total > 0 && a.correct <= a.total && isCount(a.score) && a.score <= 100 && typeof a.passed === "boolean";
        if (!good) dropped++;
        return good;
      }).map(function (a) {
        return { at: a.at, correct: a.correct, total: a.total, score: a.score, passed: a.passed };
      });
      data.quizzes[key] = summariseAttempts(attempts);
    });
    ["modules", "paths"].forEach(function (name) {
      section = isObject(input[name]) ? input[name] : {};
      Object.keys(section).forEach(function (key) {
        var entry = section[key];
        if (ID.test(key) && isObject(entry) && isDate(entry.completedAt)) {
          data[name][key] = { completedAt: entry.completedAt };
        } else {
          dropped++;
        }
      });
    });
    return { ok: true, data: data, dropped: dropped };
  }

  /* Read the stored text. A missing store is empty; a corrupt one is reported, never thrown. */
  function parse(text) {
    if (text === null || text === undefined || text === "") {
      return { ok: true, data: empty(), dropped: 0 };
    }
    var raw;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: "הנתונים השמורים פגומים.", data: empty() };
    }
    var result = validate(raw);
    if (!result.ok) {
      result.data = empty();
    }
    return result;
  }

  function earliest(a, b) {
    if (!a) return b;
    if (!b) return a;
    return Date.parse(a) <= Date.parse(b) ? a : b;
  }

  function summariseAttempts(attempts) {
    attempts = attempts.slice().sort(function (x, y) { return Date.parse(x.at) - Date.parse(y.at); });
    if (attempts.length > MAX_ATTEMPTS) {
      attempts = attempts.slice(attempts.length - MAX_ATTEMPTS);
    }
    var best = null;
    var passedAt = null;
    attempts.forEach(function (a) {
      best = best === null ? a.score : Math.max(best, a.score);
      if (a.passed) passedAt = earliest(passedAt, a.at);
    });
    return { attempts: attempts, best: best, passedAt: passedAt };
  }

  /* Combine two progress objects (an import into what is already here): nothing is lost,
     the earliest date of each event is kept, attempts are joined without duplicates. */
  function merge(a, b) {
    var out = empty();
    Object.keys(a.lessons).concat(Object.keys(b.lessons)).forEach(function (key) {
      var date = earliest(a.lessons[key] && a.lessons[key].readAt, b.lessons[key] && b.lessons[key].readAt);
      out.lessons[key] = { readAt: date };
    });
    Object.keys(a.quizzes).concat(Object.keys(b.quizzes)).forEach(function (key) {
      var seen = {};
      var attempts = [];
      [a.quizzes[key], b.quizzes[key]].forEach(function (quiz) {
        (quiz ? quiz.attempts : []).forEach(function (attempt) {
          var id = attempt.at + "|" + attempt.correct + "|" + attempt.total;
          if (!seen[id]) {
            seen[id] = true;
            attempts.push(attempt);
          }
        });
      });
      out.quizzes[key] = summariseAttempts(attempts);
    });
    ["modules", "paths"].forEach(function (name) {
      Object.keys(a[name]).concat(Object.keys(b[name])).forEach(function (key) {
        out[name][key] = {
          completedAt: earliest(a[name][key] && a[name][key].completedAt, b[name][key] && b[name][key].completedAt)
        };
      });
    });
    return out;
  }

  /* --- scoring ------------------------------------------------------------------------------ */

  /* Is one question answered correctly? `chosen` and `correct` are lists of option indexes.
     Single and true/false: the one correct option. Multiple: all of the correct options and
     none of the others. */
  function isCorrect(chosen, correct) {
    if (!chosen || chosen.length === 0) return false;
    if (chosen.length !== correct.length) return false;
    var want = {};
    correct.forEach(function (i) { want[i] = true; });
    return chosen.every(function (i) { return want[i] === true; });
  }

  /* Grade a whole quiz. questions: [{ id, correct: [..] }]; answers: { id: [chosen indexes] }. */
  function grade(questions, answers, passMark) {
    var results = questions.map(function (q) {
      var chosen = answers[q.id] || [];
      return { id: q.id, chosen: chosen, answered: chosen.length > 0, correct: isCorrect(chosen, q.correct) };
    });
    var correct = results.filter(function (r) { return r.correct; }).length;
    var total = questions.length;
    var score = total ? Math.round((correct / total) * 100) : 0;
    return {
      results: results,
      correct: correct,
      total: total,
      score: score,
      unanswered: results.filter(function (r) { return !r.answered; }).length,
      passed: score >= passMark
    };
  }

  /* A new order for n options (Fisher-Yates). `random` is injectable for tests. */
  function shuffledOrder(n, random) {
    random = random || Math.random;
    var order = [];
    for (var i = 0; i < n; i++) order.push(i);
    for (var j = n - 1; j > 0; j--) {
      var k = Math.floor(random() * (j + 1));
      var t = order[j];
      order[j] = order[k];
      order[k] = t;
    }
    return order;
  }

  /* --- recording ------------------------------------------------------------------------------ */

  function markLesson(data, moduleId, lessonId, now) {
    var key = moduleId + "/" + lessonId;
    if (!data.lessons[key]) data.lessons[key] = { readAt: now };
    return data;
  }

  function unmarkLesson(data, moduleId, lessonId) {
    delete data.lessons[moduleId + "/" + lessonId];
    return data;
  }

  function recordAttempt(data, moduleId, graded, now) {
    var quiz = data.quizzes[moduleId] || { attempts: [] };
    var attempts = quiz.attempts.concat([{
      at: now, correct: graded.correct, total: graded.total, score: graded.score, passed: graded.passed
    }]);
    data.quizzes[moduleId] = summariseAttempts(attempts);
    return data;
  }

  /* --- state of modules and paths --------------------------------------------------------------
     module: { id, lessons: [{ id }], quiz: { pass_mark } | null }
     path:   { id, modules: [module] } */

  function moduleState(data, module) {
    var read = module.lessons.filter(function (l) { return !!data.lessons[module.id + "/" + l.id]; });
    var quiz = data.quizzes[module.id];
    var quizPassed = module.quiz ? !!(quiz && quiz.passedAt) : true;
    var next = null;
    for (var i = 0; i < module.lessons.length; i++) {
      if (!data.lessons[module.id + "/" + module.lessons[i].id]) {
        next = { kind: "lesson", index: i };
        break;
      }
    }
    if (!next && module.quiz && !quizPassed) next = { kind: "quiz" };
    var complete = read.length === module.lessons.length && quizPassed;
    var started = read.length > 0 || !!(quiz && quiz.attempts.length);
    return {
      read: read.length,
      lessons: module.lessons.length,
      best: quiz ? quiz.best : null,
      attempts: quiz ? quiz.attempts.length : 0,
      quizPassed: quizPassed,
      complete: complete,
      status: complete ? "complete" : started ? "started" : "new",
      next: next,
      completedAt: data.modules[module.id] ? data.modules[module.id].completedAt : null
    };
  }

  function pathState(data, path) {
    var states = path.modules.map(function (m) { return moduleState(data, m); });
    var done = states.filter(function (s) { return s.complete; }).length;
    var nextIndex = -1;
    for (var i = 0; i < states.length; i++) {
      if (!states[i].complete) {
        nextIndex = i;
        break;
      }
    }
    return {
      modules: states,
      done: done,
      total: states.length,
      percent: states.length ? Math.round((done / states.length) * 100) : 0,
      complete: states.length > 0 && done === states.length,
      next: nextIndex,
      completedAt: data.paths[path.id] ? data.paths[path.id].completedAt : null
    };
  }

  /* Record the completion dates that the current progress implies (first time only). */
  function settleCompletion(data, modules, paths, now) {
    modules.forEach(function (module) {
      if (moduleState(data, module).complete && !data.modules[module.id]) {
        data.modules[module.id] = { completedAt: now };
      }
    });
    paths.forEach(function (path) {
      if (pathState(data, path).complete && !data.paths[path.id]) {
        data.paths[path.id] = { completedAt: now };
      }
    });
    return data;
  }

  function formatDate(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return "";
    return d.getDate() + "." + (d.getMonth() + 1) + "." + d.getFullYear();
  }

  return {
    VERSION: VERSION,
    STORAGE_KEY: STORAGE_KEY,
    MAX_ATTEMPTS: MAX_ATTEMPTS,
    empty: empty,
    validate: validate,
    parse: parse,
    merge: merge,
    isCorrect: isCorrect,
    grade: grade,
    shuffledOrder: shuffledOrder,
    markLesson: markLesson,
    unmarkLesson: unmarkLesson,
    recordAttempt: recordAttempt,
    moduleState: moduleState,
    pathState: pathState,
    settleCompletion: settleCompletion,
    formatDate: formatDate
  };
});
