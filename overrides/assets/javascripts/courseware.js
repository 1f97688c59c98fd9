/* The learner's side of the site: interactive quizzes, lessons marked as read, progress on
   module and path pages, and the "my learning" page (export, import, clear, completion record).

   Everything stays in this browser (localStorage, one versioned key). A missing, corrupt, full
   or disabled storage never breaks a page: the page works, progress is just not kept, and the
   learner is told once. The logic that can be tested without a browser is in courseware-core.js. */
(function () {
  "use strict";

  var core = window.CoursewareCore;
  if (!core || !window.CoursewareQuiz || !document.querySelector) return;
  var el = window.CoursewareQuiz.el; // the element builder, shared with the quiz

  var KEY = core.STORAGE_KEY;

  /* --- storage that never throws ----------------------------------------------------------- */

  var store = {
    usable: true,
    problem: null,

    read: function () {
      var text;
      try {
        text = window.localStorage.getItem(KEY);
      } catch (e) {
        this.fail("disabled");
        return core.empty();
      }
      var parsed = core.parse(text);
      if (!parsed.ok) {
        try {
          window.localStorage.setItem(KEY + "-unreadable", text);
        } catch (e) { /* nothing more can be done */ }
        this.fail("corrupt");
      }
      return parsed.data;
    },

    write: function (data) {
      if (!this.usable) return false;
      try {
        window.localStorage.setItem(KEY, JSON.stringify(data));
        return true;
      } catch (e) {
        var full = e && (e.name === "QuotaExceededError" || e.code === 22 || e.code === 1014);
        this.fail(full ? "full" : "disabled");
        return false;
      }
    },

    clear: function () {
      try {
        window.localStorage.removeItem(KEY);
        return true;
      } catch (e) {
        this.fail("disabled");
        return false;
      }
    },

    /* A corrupt store is set aside and replaced at the next save; a store that cannot be
       read or written is not used again on this page. */
    fail: function (problem) {
      this.problem = problem;
      if (problem !== "corrupt") this.usable = false;
      tellOnce(problem);
    }
  };

  var MESSAGES = {
    disabled: "הדפדפן לא מאפשר לאתר לשמור נתונים, ולכן ההתקדמות שלכם לא תישמר. אפשר להמשיך ללמוד כרגיל.",
    full: "אין בדפדפן מקום לשמור את ההתקדמות שלכם, ולכן היא לא נשמרת כרגע. אפשר להמשיך ללמוד כרגיל.",
    corrupt: "הנתונים על ההתקדמות שלכם שנשמרו בדפדפן פגומים ואי אפשר לקרוא אותם, ולכן ההתקדמות מתחילה מחדש. עותק של הנתונים הפגומים נשמר בצד."
  };
  var told = false;

  function tellOnce(problem) {
    if (told) return;
    told = true;
    try {
      if (window.sessionStorage.getItem("courseware-told") === problem) return;
      window.sessionStorage.setItem("courseware-told", problem);
    } catch (e) { /* storage is off: tell on this page */ }
    var box = el("div", { className: "cw-notice", role: "status" });
    box.appendChild(el("p", { text: MESSAGES[problem] || MESSAGES.disabled }));
    var close = el("button", { type: "button", className: "md-button cw-notice__close", text: "הבנתי" });
    close.addEventListener("click", function () { box.remove(); });
    box.appendChild(close);
    var target = document.querySelector(".md-content__inner") || document.body;
    target.insertBefore(box, target.firstChild);
  }

  /* --- small DOM helpers ---------------------------------------------------------------------- */

  function link(href, text, className) {
    return el("a", { href: href, text: text, className: className || "" });
  }

  function mark(ok, text) {
    /* a state shown by a symbol and a word, never by colour alone */
    return el("span", { className: "cw-state cw-state--" + ok }, [
      el("span", { className: "cw-state__icon", "aria-hidden": "true", text: ok === "done" ? "✓" : ok === "started" ? "◐" : "○" }),
      " " + text
    ]);
  }

  function now() {
    return new Date().toISOString();
  }

  function samePage(a, b) {
    return new URL(a, location.href).pathname === new URL(b, location.href).pathname;
  }

  /* --- the catalogue of modules and paths ---------------------------------------------------- */

  function loadCatalog(hook) {
    var url = new URL(hook.getAttribute("data-catalog"), location.href);
    return fetch(url.href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("catalog " + response.status);
        return response.json();
      })
      .then(function (catalog) {
        var resolve = function (u) { return new URL(u, url).href; };
        var modules = {};
        catalog.modules.forEach(function (m) {
          m.url = resolve(m.url);
          m.lessons.forEach(function (l) { l.url = resolve(l.url); });
          if (m.quiz) m.quiz.url = resolve(m.quiz.url);
          modules[m.id] = m;
        });
        catalog.paths.forEach(function (p) {
          p.url = resolve(p.url);
          p.modules = p.modules.map(function (id) { return modules[id]; }).filter(Boolean);
        });
        catalog.mine = resolve(catalog.mine);
        catalog.byId = modules;
        return catalog;
      });
  }

  function settle(data, catalog) {
    if (catalog) core.settleCompletion(data, catalog.modules, catalog.paths, now());
    return data;
  }

  /* The stored progress, with any completion it now implies saved (and nothing saved if not). */
  function readSettled(catalog) {
    var data = store.read();
    var before = JSON.stringify(data);
    settle(data, catalog);
    if (JSON.stringify(data) !== before) store.write(data);
    return data;
  }

  function nextStep(module, state) {
    if (!state.next) return null;
    if (state.next.kind === "lesson") return module.lessons[state.next.index];
    return { title: module.quiz.title, url: module.quiz.url };
  }

  function progressBar(percent, labelId) {
    var bar = el("div", {
      className: "cw-bar",
      role: "progressbar",
      "aria-labelledby": labelId,
      "aria-valuemin": "0",
      "aria-valuemax": "100",
      "aria-valuenow": String(percent),
      "aria-valuetext": percent + "%"
    });
    var fill = el("span", { className: "cw-bar__fill" });
    fill.style.inlineSize = percent + "%";
    bar.appendChild(fill);
    return bar;
  }

  var uid = 0;
  function nextId(prefix) {
    uid += 1;
    return prefix + "-" + uid;
  }

  /* --- a lesson: mark it as read ------------------------------------------------------------- */

  /* The catalogue is fetched only once the lesson has been marked as read (now or before): a
     first reading of a lesson downloads nothing but the page. */
  function lessonPage(hook, getCatalog) {
    var moduleId = hook.getAttribute("data-module");
    var lessonId = hook.getAttribute("data-lesson");
    var key = moduleId + "/" + lessonId;
    var button = el("button", { type: "button", className: "md-button cw-mark__button", "aria-pressed": "false" }, [
      el("span", { className: "cw-mark__box", "aria-hidden": "true" }),
      "סימון השיעור כנקרא"
    ]);
    var status = el("p", { className: "cw-mark__status", role: "status" });
    hook.appendChild(el("div", { className: "cw-mark" }, [button, status]));

    function render(announce, catalog) {
      var data = store.read();
      var read = !!data.lessons[key];
      var module = catalog && catalog.byId[moduleId];
      button.setAttribute("aria-pressed", read ? "true" : "false");
      status.textContent = "";
      if (read) {
        var text = "השיעור סומן כנקרא ב-" + core.formatDate(data.lessons[key].readAt) + ".";
        if (module) {
          var state = core.moduleState(data, module);
          text += " נקראו " + state.read + " מתוך " + state.lessons + " שיעורים בלומדה.";
          status.appendChild(document.createTextNode(text + " "));
          var next = nextStep(module, state);
          if (next) status.appendChild(link(next.url, "להמשך: " + next.title));
          else if (state.complete) status.appendChild(document.createTextNode("סיימתם את הלומדה."));
        } else {
          status.textContent = text;
        }
      } else if (announce) {
        status.textContent = "הסימון בוטל.";
      }
    }

    button.addEventListener("click", function () {
      var data = store.read();
      if (data.lessons[key]) core.unmarkLesson(data, moduleId, lessonId);
      else core.markLesson(data, moduleId, lessonId, now());
      store.write(data);
      render(true, null);
      return getCatalog().then(function (catalog) {
        store.write(settle(store.read(), catalog));
        render(true, catalog);
      });
    });
    render(false, null);
    if (!store.read().lessons[key]) return Promise.resolve();
    return getCatalog().then(function (catalog) { render(false, catalog); });
  }

  /* --- a module page: lessons read, best score, continue ------------------------------------- */

  function modulePage(hook, catalog) {
    var module = catalog.byId[hook.getAttribute("data-module")];
    if (!module) return;
    var data = readSettled(catalog);
    var state = core.moduleState(data, module);
    var titleId = nextId("cw-progress");
    var box = el("section", { className: "cw-progress", "aria-labelledby": titleId }, [
      el("h2", { id: titleId, text: "ההתקדמות שלכם" })
    ]);
    var summary = "נקראו " + state.read + " מתוך " + state.lessons + " שיעורים.";
    if (module.quiz) {
      summary += state.best === null
        ? " עוד לא ניסיתם את הבוחן."
        : " הציון הטוב ביותר שלכם בבוחן: " + state.best + "% (ציון עובר: " + module.quiz.pass_mark + "%).";
    }
    box.appendChild(el("p", { text: summary }));
    if (state.complete) {
      var date = state.completedAt ? " ב-" + core.formatDate(state.completedAt) : "";
      box.appendChild(el("p", { className: "cw-progress__complete" }, [mark("done", "סיימתם את הלומדה" + date + ".")]));
    }
    var next = nextStep(module, state);
    if (next) {
      box.appendChild(link(next.url, (state.status === "new" ? "להתחלה: " : "להמשך: ") + next.title, "md-button md-button--primary cw-continue"));
    }
    hook.appendChild(box);
    // mark each lesson (and the quiz) in the module's list of lessons
    Array.prototype.forEach.call(document.querySelectorAll(".md-content__inner ol a"), function (a) {
      module.lessons.forEach(function (lesson) {
        if (samePage(a.href, lesson.url) && data.lessons[module.id + "/" + lesson.id]) {
          a.parentNode.appendChild(document.createTextNode(" "));
          a.parentNode.appendChild(mark("done", "נקרא"));
        }
      });
      if (module.quiz && samePage(a.href, module.quiz.url) && state.best !== null) {
        a.parentNode.appendChild(document.createTextNode(" "));
        a.parentNode.appendChild(state.quizPassed
          ? mark("done", "עברתם (" + state.best + "%)")
          : mark("started", "הציון הטוב ביותר: " + state.best + "%"));
      }
    });
  }

  /* --- a path page: progress bar, each module's state, continue ------------------------------- */

  function pathSummary(path, data, options) {
    var state = core.pathState(data, path);
    var labelId = nextId("cw-path");
    var box = el("div", { className: "cw-path-progress" });
    box.appendChild(el("p", { id: labelId, text: "השלמתם " + state.done + " מתוך " + state.total + " לומדות במסלול (" + state.percent + "%)." }));
    box.appendChild(progressBar(state.percent, labelId));
    if (state.complete) {
      var date = state.completedAt ? " ב-" + core.formatDate(state.completedAt) : "";
      box.appendChild(el("p", { className: "cw-progress__complete" }, [mark("done", "השלמתם את המסלול" + date + ".")]));
      if (options.certificateLink) box.appendChild(link(options.certificateLink, "לרשומת הסיום שאפשר להדפיס"));
    } else if (state.next >= 0) {
      var module = path.modules[state.next];
      var step = nextStep(module, state.modules[state.next]) || module;
      var label = state.done === 0 && state.modules[state.next].status === "new" ? "להתחלה: " : "להמשך: ";
      box.appendChild(link(step.url, label + module.title, "md-button md-button--primary cw-continue"));
    }
    return { box: box, state: state };
  }

  function moduleStatusText(module, s) {
    if (s.complete) return mark("done", "הושלמה");
    if (s.status === "started") {
      var text = "בתהליך: " + s.read + " מתוך " + s.lessons + " שיעורים";
      if (s.best !== null) text += ", בוחן " + s.best + "%";
      return mark("started", text);
    }
    return mark("new", "טרם התחלתם");
  }

  function pathPage(hook, catalog) {
    var path = catalog.paths.filter(function (p) { return p.id === hook.getAttribute("data-path"); })[0];
    if (!path) return;
    var data = readSettled(catalog);
    var summary = pathSummary(path, data, { certificateLink: catalog.mine + "#certificate-" + path.id });
    hook.appendChild(summary.box);
    Array.prototype.forEach.call(document.querySelectorAll(".cw-path ol > li"), function (li) {
      var a = li.querySelector("a");
      path.modules.forEach(function (module, i) {
        if (a && samePage(a.href, module.url)) {
          li.appendChild(document.createTextNode(" "));
          li.appendChild(moduleStatusText(module, summary.state.modules[i]));
        }
      });
    });
  }

  /* --- the quiz ------------------------------------------------------------------------------- */

  function quizPage(form, hook, catalog) {
    var moduleId = form.getAttribute("data-module");

    function showHistory() {
      if (!hook) return;
      var quiz = store.read().quizzes[moduleId];
      hook.textContent = "";
      if (quiz && quiz.attempts.length) {
        hook.appendChild(el("p", {
          className: "cw-quiz__history",
          text: "ניסיתם את הבוחן " + (quiz.attempts.length === 1 ? "פעם אחת" : quiz.attempts.length + " פעמים") + ". הציון הטוב ביותר שלכם: " + quiz.best + "%" +
            (quiz.passedAt ? ", ועברתם אותו ב-" + core.formatDate(quiz.passedAt) + "." : ".")
        }));
      }
    }

    var shown = window.CoursewareQuiz.quiz(form, core, function (graded, show) {
      var data = store.read();
      core.recordAttempt(data, moduleId, graded, now());
      store.write(settle(data, catalog));
      show(nextId("cw-result"), function (box) {
        var module = catalog && catalog.byId[moduleId];
        if (!graded.passed || !module) return;
        var state = core.moduleState(store.read(), module);
        if (state.complete) box.appendChild(el("p", {}, [mark("done", "סיימתם את הלומדה. "), link(module.url, "לדף הלומדה")]));
        else if (state.next && state.next.kind === "lesson") box.appendChild(el("p", {}, [link(module.lessons[state.next.index].url, "נשארו שיעורים שעוד לא סימנתם כנקראו: " + module.lessons[state.next.index].title)]));
      });
      showHistory();
    });
    if (shown) showHistory();
  }

  /* --- "my learning" --------------------------------------------------------------------------- */

  function minePage(hook, catalog) {
    var status = el("p", { className: "cw-mine__status", role: "status" });

    function section(title) {
      var titleId = nextId("cw-mine");
      return el("section", { className: "cw-mine__section", "aria-labelledby": titleId }, [
        el("h2", { id: titleId, text: title })
      ]);
    }

    /* `shown`: progress to show instead of the stored one (an import when storage is off) */
    function render(shown) {
      hook.textContent = "";
      var data = shown || readSettled(catalog);

      var paths = section("המסלולים שלי");
      var any = false;
      catalog.paths.forEach(function (path) {
        var state = core.pathState(data, path);
        var started = state.modules.some(function (s) { return s.status !== "new"; });
        if (!started) return;
        any = true;
        var titleId = nextId("cw-mine-path");
        var card = el("article", { className: "cw-mine__path", "aria-labelledby": titleId }, [
          el("h3", { id: titleId }, [link(path.url, path.title)])
        ]);
        card.appendChild(pathSummary(path, data, { certificateLink: "#certificate-" + path.id }).box);
        var list = el("ul", { className: "cw-mine__modules" });
        path.modules.forEach(function (module, i) {
          list.appendChild(el("li", {}, [link(module.url, module.title), " ", moduleStatusText(module, state.modules[i])]));
        });
        card.appendChild(list);
        paths.appendChild(card);
      });
      if (!any) {
        var begin = el("p", { text: "עוד לא התחלתם ללמוד. " });
        if (catalog.paths.length) begin.appendChild(link(catalog.paths[0].url, "להתחלה: " + catalog.paths[0].title));
        paths.appendChild(begin);
      }
      hook.appendChild(paths);

      var quizzes = section("הבחנים שלי");
      var rows = catalog.modules.filter(function (m) { return data.quizzes[m.id]; });
      if (rows.length) {
        var table = el("table", { className: "cw-mine__quizzes" });
        table.appendChild(el("thead", {}, [el("tr", {}, [
          el("th", { scope: "col", text: "לומדה" }), el("th", { scope: "col", text: "ניסיונות" }),
          el("th", { scope: "col", text: "הציון הטוב ביותר" }), el("th", { scope: "col", text: "מצב" })
        ])]));
        var body = el("tbody");
        rows.forEach(function (m) {
          var q = data.quizzes[m.id];
          body.appendChild(el("tr", {}, [
            el("th", { scope: "row" }, [link(m.quiz ? m.quiz.url : m.url, m.title)]),
            el("td", { text: String(q.attempts.length) }),
            el("td", { text: q.best === null ? "" : q.best + "%" }),
            el("td", {}, [q.passedAt ? mark("done", "עברתם ב-" + core.formatDate(q.passedAt)) : mark("started", "עוד לא עברתם")])
          ]));
        });
        table.appendChild(body);
        quizzes.appendChild(table);
      } else {
        quizzes.appendChild(el("p", { text: "עוד לא ניסיתם אף בוחן." }));
      }
      hook.appendChild(quizzes);

      var done = catalog.paths.filter(function (p) { return core.pathState(data, p).complete; });
      if (done.length) {
        var certificates = section("רשומות סיום");
        certificates.appendChild(el("p", { text: "על כל מסלול שהשלמתם אפשר להדפיס רשומת סיום. כתבו את השם שיופיע בה: הוא לא נשמר ולא נשלח לשום מקום." }));
        var nameId = nextId("cw-name");
        var name = el("input", { type: "text", id: nameId, className: "cw-certificate__input", autocomplete: "name" });
        certificates.appendChild(el("p", {}, [el("label", { htmlFor: nameId, text: "השם ברשומה" }), " ", name]));
        done.forEach(function (path) { certificates.appendChild(certificate(path, data, name)); });
        hook.appendChild(certificates);
      }

      var backup = section("גיבוי והעברה למכשיר אחר");
      backup.appendChild(el("p", { text: "ההתקדמות שמורה רק בדפדפן הזה. כדי להמשיך במכשיר אחר, שמרו אותה בקובץ וטענו את הקובץ שם: ההתקדמות מהקובץ תצורף למה שכבר שמור." }));
      var exportButton = el("button", { type: "button", className: "md-button cw-export", text: "שמירת ההתקדמות בקובץ" });
      var fileId = nextId("cw-import");
      var file = el("input", { type: "file", id: fileId, accept: "application/json,.json", className: "cw-import cw-visually-hidden" });
      var clearButton = el("button", { type: "button", className: "md-button cw-clear", text: "מחיקת כל ההתקדמות" });
      backup.appendChild(el("div", { className: "cw-mine__actions" }, [
        exportButton,
        el("span", { className: "cw-import__field" }, [file, el("label", { htmlFor: fileId, className: "md-button", text: "טעינת התקדמות מקובץ" })]),
        clearButton
      ]));
      backup.appendChild(status);
      hook.appendChild(backup);

      exportButton.addEventListener("click", function () {
        var blob = new Blob([JSON.stringify(store.read(), null, 2)], { type: "application/json" });
        var a = el("a", { href: URL.createObjectURL(blob), download: "courseware-progress-" + new Date().toISOString().slice(0, 10) + ".json" });
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
        status.textContent = "ההתקדמות נשמרה בקובץ. העבירו אותו למכשיר השני וטענו אותו בדף הזה.";
      });

      file.addEventListener("change", function () {
        var chosen = file.files && file.files[0];
        if (!chosen) return;
        var reader = new FileReader();
        reader.onload = function () {
          var result;
          try {
            result = core.validate(JSON.parse(String(reader.result)));
          } catch (e) {
            result = { ok: false, error: "הקובץ אינו קובץ JSON תקין." };
          }
          if (!result.ok) {
            status.textContent = "הקובץ לא נטען: " + result.error + " ההתקדמות שלכם לא השתנתה.";
            file.value = "";
            return;
          }
          var merged = settle(core.merge(store.read(), result.data), catalog);
          var saved = store.write(merged);
          var lessons = Object.keys(result.data.lessons).length;
          var message = "נטענו מהקובץ " + lessons + " שיעורים שנקראו ו-" +
            Object.keys(result.data.quizzes).length + " בחנים, וצורפו להתקדמות שכבר הייתה כאן.";
          if (result.dropped) message += " " + result.dropped + " רשומות פגומות בקובץ דולגו.";
          if (!saved) message += " הדפדפן לא מאפשר לשמור, ולכן ההתקדמות תוצג רק עד שתעזבו את הדף.";
          render(saved ? null : merged);
          status.textContent = message;
        };
        reader.onerror = function () { status.textContent = "לא הצלחנו לקרוא את הקובץ."; };
        reader.readAsText(chosen);
      });

      clearButton.addEventListener("click", function () {
        if (!window.confirm("למחוק את כל ההתקדמות שנשמרה בדפדפן הזה? אי אפשר לבטל את המחיקה.")) return;
        store.clear();
        render();
        status.textContent = "ההתקדמות נמחקה.";
      });
    }

    hook.appendChild(status);
    render();
  }

  function certificate(path, data, nameInput) {
    var state = core.pathState(data, path);
    var titleId = nextId("cw-cert");
    var article = el("article", { className: "cw-certificate", id: "certificate-" + path.id, "aria-labelledby": titleId });
    article.appendChild(el("p", { className: "cw-certificate__kicker", text: "רשומת סיום" }));
    article.appendChild(el("h3", { id: titleId, text: path.title }));
    var who = el("p", { className: "cw-certificate__name" });
    function updateName() {
      who.textContent = nameInput.value.trim() ? nameInput.value.trim() + " השלימו את המסלול" : "המסלול הושלם";
    }
    nameInput.addEventListener("input", updateName);
    updateName();
    article.appendChild(who);
    article.appendChild(el("p", { text: "תאריך ההשלמה: " + core.formatDate(state.completedAt || now()) }));
    var table = el("table", { className: "cw-certificate__modules" });
    table.appendChild(el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "לומדה" }), el("th", { scope: "col", text: "הושלמה ב-" })])]));
    var body = el("tbody");
    path.modules.forEach(function (module, i) {
      body.appendChild(el("tr", {}, [
        el("th", { scope: "row", text: module.title }),
        el("td", { text: core.formatDate(state.modules[i].completedAt || now()) })
      ]));
    });
    table.appendChild(body);
    article.appendChild(table);
    article.appendChild(el("p", { className: "cw-certificate__note", text: "הרשומה נוצרה בדפדפן של הלומד או הלומדת, על סמך ההתקדמות שנשמרה בו." }));
    var print = el("button", { type: "button", className: "md-button md-button--primary cw-certificate__print", text: "הדפסת הרשומה" });
    print.addEventListener("click", function () {
      document.body.classList.add("cw-printing");
      article.classList.add("cw-certificate--printing");
      window.print();
    });
    article.appendChild(print);
    return article;
  }

  window.addEventListener("afterprint", function () {
    document.body.classList.remove("cw-printing");
    Array.prototype.forEach.call(document.querySelectorAll(".cw-certificate--printing"), function (a) {
      a.classList.remove("cw-certificate--printing");
    });
  });

  /* --- tables that scroll sideways on a small screen can be scrolled with the keyboard --------- */

  function focusableScrollRegions() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        var table = wrap.querySelector("table");
        var caption = table && table.caption ? table.caption.textContent : "";
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption || "טבלה שאפשר לגלול לצדדים");
      } else if (!scrolls && wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  var resizeTimer = null;
  window.addEventListener("load", focusableScrollRegions);
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(focusableScrollRegions, 200);
  });

  /* --- search: the worker loads the index when the reader goes to the search box ---------------- */

  document.addEventListener("focusin", function (event) {
    var box = event.target;
    if (!box || !box.matches || !box.matches("input.md-search__input")) return;
    if (typeof BroadcastChannel !== "function" || box.hasAttribute("data-cw-warmed")) return;
    box.setAttribute("data-cw-warmed", "");
    var channel = new BroadcastChannel("courseware-search");
    channel.postMessage("warm");
    channel.close();
  });

  /* --- start ----------------------------------------------------------------------------------- */

  function ready() {
    /* for tests and tools: the page's learner parts are in place */
    document.documentElement.setAttribute("data-cw-ready", "");
  }

  function start() {
    var hook = document.querySelector(".cw-learner");
    var form = document.querySelector("form.cw-quiz");
    if (!hook && !form) return ready();
    if (hook) hook.hidden = false;
    var kind = hook ? hook.getAttribute("data-kind") : "quiz";
    var catalogLoaded = null;
    var getCatalog = function () {
      if (!catalogLoaded) catalogLoaded = hook ? loadCatalog(hook).catch(function () { return null; }) : Promise.resolve(null);
      return catalogLoaded;
    };
    if (kind === "lesson") {
      lessonPage(hook, getCatalog).then(ready, ready);
      return;
    }
    getCatalog().then(function (catalog) {
      if (form) quizPage(form, hook, catalog);
      else if (!catalog) hook.appendChild(el("p", { className: "cw-noscript", text: "לא הצלחנו לטעון את נתוני הלומדות, ולכן ההתקדמות לא מוצגת כאן." }));
      else if (kind === "module") modulePage(hook, catalog);
      else if (kind === "path") pathPage(hook, catalog);
      else if (kind === "mine") minePage(hook, catalog);
    }).then(ready, ready);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
