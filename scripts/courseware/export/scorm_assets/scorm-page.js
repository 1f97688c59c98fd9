/* Every page of a module's SCORM package: tells the launch page around it (when there is one)
   which page is showing, and gives the quiz a way to hand over its result. Opened alone, the page
   has nobody to tell and simply works. */
(function () {
  "use strict";

  var page = document.documentElement.getAttribute("data-cw-page") || "";
  var framed = false;
  try {
    framed = window.parent && window.parent !== window;
  } catch (e) {
    framed = false;
  }
  var listeners = [];

  function target() {
    var origin = window.location.origin;
    // pages opened from files have no origin a message can name
    return origin && origin !== "null" && window.location.protocol !== "file:" ? origin : "*";
  }

  /* Send a message to the launch page; false when there is none. */
  function post(message) {
    if (!framed) return false;
    message.source = "courseware-scorm";
    try {
      window.parent.postMessage(message, target());
      return true;
    } catch (e) {
      return false;
    }
  }

  window.addEventListener("message", function (event) {
    if (!framed || event.source !== window.parent) return;
    var message = event.data;
    if (!message || typeof message !== "object" || message.source !== "courseware-scorm") return;
    listeners.forEach(function (listener) {
      try {
        listener(message);
      } catch (e) { /* one listener's fault is not the page's */ }
    });
  });

  window.CoursewareScormPage = {
    page: page,
    framed: framed,
    post: post,
    /* listener(message) for each message from the launch page */
    listen: function (listener) {
      listeners.push(listener);
    }
  };

  post({ type: "page", page: page, title: document.title });
})();
