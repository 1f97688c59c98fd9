/* The site's search worker, in place of Material's lunr worker, speaking the same messages:
     { type: 0, data: {...} }  SETUP  -> { type: 1 }                 READY
     { type: 2, data: query }  QUERY  -> { type: 3, data: { items } } RESULT
   Material's search box, keyboard shortcuts, result list and previews stay as they are; only the
   matching and ranking are ours (search-core.js, Hebrew-aware).

   The index is this language's own file, search/<lang>.json, written by the build. It is fetched
   and built when the reader goes to the search box (the page says so on the "courseware-search"
   broadcast channel) or with the first query, never when a page opens: reading a page does not
   download it. */
/* global importScripts, CoursewareSearch */

(function () {
  "use strict";

  var params = new URL(self.location.href).searchParams;
  var language = /^[a-z]{2,3}$/.test(params.get("lang") || "") ? params.get("lang") : "he";
  var indexUrl = new URL("../../../search/" + language + ".json", self.location.href);

  var index = null;
  var loading = null;
  var latest = null; // the last query asked while the index was loading: the only one to answer

  function load() {
    if (!loading) {
      loading = fetch(indexUrl.href)
        .then(function (response) {
          if (!response.ok) throw new Error(indexUrl.href + ": " + response.status);
          return response.json();
        })
        .then(function (data) {
          // the search code too is fetched only now, not with every page
          if (typeof CoursewareSearch === "undefined") importScripts("../search-core.js");
          index = CoursewareSearch.buildIndex(data.docs || []);
          return index;
        })
        .catch(function (error) {
          loading = null; // the next keystroke tries again
          throw error;
        });
    }
    return loading;
  }

  if (typeof BroadcastChannel === "function") {
    new BroadcastChannel("courseware-search").addEventListener("message", function (event) {
      if (event.data === "warm") load().catch(function () {});
    });
  }

  function answer(query) {
    var result = index ? CoursewareSearch.search(index, query) : { items: [] };
    self.postMessage({ type: 3, data: result });
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === 0) {
      self.postMessage({ type: 1 });
    } else if (message.type === 2) {
      var query = String(message.data || "");
      if (index || !query.trim()) {
        answer(query);
        return;
      }
      latest = query;
      load().then(
        function () {
          if (latest !== null) {
            var q = latest;
            latest = null;
            answer(q);
          }
        },
        function () {
          latest = null;
          self.postMessage({ type: 3, data: { items: [] } });
        }
      );
    }
  });
})();
