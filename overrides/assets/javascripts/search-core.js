/* Hebrew-aware search: analysis, index and ranking. Pure functions, no DOM, so that the same
   code runs in the search worker and under Node's test runner (tests/js/search.test.js).

   Hebrew attaches words to one another (ו ה ב כ ל מ ש and their chains: "ולמעסיקים", "שהמשתתף")
   and inflects them (plural ים/ות, construct "קליטת" for "קליטה", possessives). Each word is
   therefore indexed under a few forms, each with a level that says how far it is from the word
   as written:
     0  the word itself (niqqud, gershayim and quotes removed, final letters normalised)
     1  the word without its prefixes
     2  its stem without the common suffixes
     3  its "defective" spelling without ו and י inside it ("תוכנית" and "תכנית" meet here)
   A query word matches a document word when they share a form; the match is as good as the
   farther of the two levels, so an exact match always ranks above a stemmed one, and no query
   word ever matches a document word by its first letters alone. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.CoursewareSearch = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FINALS = { "ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ" };
  var MARKS = /[\u0591-\u05C7]/g; // niqqud and cantillation
  var QUOTES = /["'\u05F3\u05F4\u2018\u2019\u201C\u201D`]/g; // gershayim, geresh and their stand-ins
  var WORD = /[A-Za-z0-9\u05D0-\u05EA\u0620-\u064A\u0660-\u0669]+(?:["'\u05F3\u05F4\u2019][A-Za-z0-9\u05D0-\u05EA]+)*/g;
  var HEBREW = /^[\u05D0-\u05EA]+$/;
  // proclitic chains that may precede a Hebrew word: ו, then ש / כש, then one of ה ב כ ל מ
  var PREFIX = /^(ו?)(כש|ש)?([הבכלמ]|מה)?/;
  // written as words are stored: final letters normalised (ים -> ימ)
  var SUFFIXES = ["יהמ", "יהנ", "ייכ", "יות", "ימ", "ות", "תו", "תה", "תמ", "תנ", "יו", "יה", "ת", "ה", "י", "ו"];
  // ranking constants, in one object so that the benchmark can report what they are
  var RANKING = { level: [1, 0.75, 0.55, 0.35], field: [6, 4, 3, 1], k: 2, b: 0.75, coverage: 1 };
  // t: the section's heading, k: keywords (a glossary term's other forms), p: the title of the
  // page the section belongs to, x: the section's text
  var FIELDS = ["t", "k", "p", "x"];
  function normalize(word) {
    var w = word.toLowerCase().replace(MARKS, "").replace(QUOTES, "");
    return w.replace(/[ךםןףץ]/g, function (c) { return FINALS[c]; });
  }

  function tokenize(text) {
    var tokens = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var norm = normalize(match[0]);
      if (norm) tokens.push({ norm: norm, start: match.index, end: match.index + match[0].length });
    }
    return tokens;
  }

  function withoutPrefixes(word) {
    /* every reading of the word with a leading chain of proclitics removed, longest stem first */
    var out = [];
    var match = PREFIX.exec(word);
    var chain = match ? match[0] : "";
    for (var i = 1; i <= chain.length; i++) {
      var rest = word.slice(i);
      if (rest.length >= 3 && PREFIX.exec(word.slice(0, i))[0].length === i) out.push(rest);
    }
    return out;
  }

  function stem(word) {
    for (var i = 0; i < SUFFIXES.length; i++) {
      var s = SUFFIXES[i];
      if (word.length - s.length >= 2 && word.slice(-s.length) === s) return word.slice(0, -s.length);
    }
    return null;
  }

  function defective(word) {
    if (word.length < 4) return null;
    var inner = word.slice(1, -1).replace(/[וי]/g, "");
    var out = word[0] + inner + word[word.length - 1];
    return out !== word && out.length >= 3 ? out : null;
  }

  /* The forms a normalised word is indexed and searched under: { form: level } */
  var formsCache = Object.create(null);
  function forms(word) {
    return formsCache[word] || (formsCache[word] = computeForms(word));
  }

  function computeForms(word) {
    var out = {};
    function add(form, level) {
      if (form && (out[form] === undefined || out[form] > level)) out[form] = level;
    }
    add(word, 0);
    if (!HEBREW.test(word)) {
      if (/^[a-z]{4,}s$/.test(word)) add(word.slice(0, -1), 2); // English plurals
      return out;
    }
    var bases = [word].concat(withoutPrefixes(word));
    bases.forEach(function (base, i) {
      if (i > 0) add(base, 1);
      var s = stem(base);
      if (s) add("~" + s, 2);
      add("~" + base, 2); // the stem of an uninflected word is the word
      // the defective spelling, also of words that have no ו/י to drop, so that they meet the
      // words that have ("נשר" from "נשרו" meets "נשיר" from "נשירה")
      if (base.length >= 3) add("*" + (defective(base) || base), 3);
      if (s && s.length >= 3) add("*" + (defective(s) || s), 3);
    });
    return out;
  }

  /* The normalised words of a text (a cache maps each written word to its normal form). */
  var normalCache = new Map();
  function normalizedWords(text) {
    var out = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var norm = normalCache.get(match[0]);
      if (norm === undefined) {
        norm = normalize(match[0]);
        normalCache.set(match[0], norm);
      }
      if (norm) out.push(norm);
    }
    return out;
  }

  /* forms(word) as a flat list: form, level, form, level... */
  var formListCache = new Map();
  function formList(word) {
    var list = formListCache.get(word);
    if (!list) {
      list = [];
      var fs = forms(word);
      for (var form in fs) list.push(form, fs[form]);
      formListCache.set(word, list);
    }
    return list;
  }

  /* --- the index --------------------------------------------------------------------------- */

  function fieldText(doc, field, pageTitles) {
    if (field === "k") return (doc.k || []).join(" ");
    if (field === "p") return doc.l.indexOf("#") >= 0 ? pageTitles[doc.l.split("#")[0]] || "" : "";
    return doc[field] || "";
  }

  /* docs: [{ l: location, t: title, x: text, k: [keywords], b: boost }]
     postings: form -> flat list of (document, field, level, count) */
  function buildIndex(docs) {
    var postings = Object.create(null);
    var pages = Object.create(null);
    var pageTitles = Object.create(null);
    docs.forEach(function (doc) {
      if (doc.l.indexOf("#") < 0) {
        pages[doc.l] = doc;
        pageTitles[doc.l] = doc.t;
      }
    });
    var lengths = new Array(docs.length);
    var total = 0;
    for (var d = 0; d < docs.length; d++) {
      for (var f = 0; f < FIELDS.length; f++) {
        var words = normalizedWords(fieldText(docs[d], FIELDS[f], pageTitles));
        if (FIELDS[f] === "x") {
          lengths[d] = words.length;
          total += words.length;
        }
        var counts = new Map();
        for (var w = 0; w < words.length; w++) counts.set(words[w], (counts.get(words[w]) || 0) + 1);
        var best = new Map(); // form -> [level, count] within this field of this document
        counts.forEach(function (count, word) {
          var list = formList(word);
          for (var i = 0; i < list.length; i += 2) {
            var entry = best.get(list[i]);
            if (!entry) best.set(list[i], [list[i + 1], count]);
            else {
              if (list[i + 1] < entry[0]) entry[0] = list[i + 1];
              entry[1] += count;
            }
          }
        });
        best.forEach(function (entry, form) {
          var posting = postings[form] || (postings[form] = []);
          posting.push(d, f, entry[0], entry[1]);
        });
      }
    }
    return {
      docs: docs,
      postings: postings,
      pages: pages,
      lengths: lengths,
      averageLength: docs.length ? total / docs.length || 1 : 1
    };
  }

  /* --- searching ------------------------------------------------------------------------------ */

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c];
    });
  }

  /* Text with the words that match the query marked, cut to a window of about `limit`
     characters around the first match (the whole text when there is no limit).
     queryForms: the forms of the query's words; seen (optional): a cache, word -> does it match. */
  function highlight(text, queryForms, limit, seen) {
    seen = seen || Object.create(null);
    function matches(raw) {
      var known = seen[raw];
      if (known !== undefined) return known;
      var fs = forms(normalize(raw));
      for (var f in fs) if (queryForms[f] !== undefined) return (seen[raw] = true);
      return (seen[raw] = false);
    }
    var from = 0;
    var to = text.length;
    var hits = [];
    var word = new RegExp(WORD.source, "g");
    var match;
    while ((match = word.exec(text)) !== null) {
      var start = match.index;
      var end = start + match[0].length;
      if (end > to) break;
      if (!matches(match[0])) continue;
      if (!hits.length && limit && text.length > limit) {
        // the window: a third of it before the first match, starting at a word
        from = Math.max(0, start - Math.floor(limit / 3));
        var space = text.lastIndexOf(" ", from);
        if (from > 0 && space > 0 && from - space < 30) from = space + 1;
        to = Math.min(text.length, from + limit);
        if (end > to) break;
      }
      hits.push([start, end]);
    }
    if (!hits.length && limit && text.length > limit) to = limit;
    var out = from > 0 ? "… " : "";
    var position = from;
    hits.forEach(function (hit) {
      out += escapeHtml(text.slice(position, hit[0])) + "<mark>" + escapeHtml(text.slice(hit[0], hit[1])) + "</mark>";
      position = hit[1];
    });
    return out + escapeHtml(text.slice(position, to)) + (to < text.length ? " …" : "");
  }

  /* How well one query word matches each document (BM25F): the occurrences of the word in each
     field, weighted by the field and by how far the form that matched is from the word as typed,
     summed (text occurrences relative to the section's length), then saturated, so that neither
     a heading alone nor a word repeated in a long text can outweigh matching more of the query. */
  function wordScores(index, qforms) {
    var perDoc = Object.create(null); // doc -> per-field best weighted frequency
    for (var form in qforms) {
      var list = index.postings[form];
      if (!list) continue;
      for (var i = 0; i < list.length; i += 4) {
        var d = list[i];
        var f = list[i + 1];
        var level = Math.max(qforms[form], list[i + 2]);
        var frequency = list[i + 3];
        if (FIELDS[f] === "x") frequency /= 1 - RANKING.b + RANKING.b * (index.lengths[d] / index.averageLength);
        var value = RANKING.level[level] * RANKING.field[f] * frequency;
        var fields = perDoc[d] || (perDoc[d] = [0, 0, 0, 0]);
        if (value > fields[f]) fields[f] = value;
      }
    }
    var out = Object.create(null);
    for (var doc in perDoc) {
      var v = perDoc[doc];
      var tf = v[0] + v[1] + v[2] + v[3];
      out[doc] = (tf * (RANKING.k + 1)) / (tf + RANKING.k);
    }
    return out;
  }

  /* Search the index. Returns Material's result shape: { items: [[page, ...sections], ...] },
     pages in order of their best section, each document with score, terms, and its title and
     text marked. A document's score is the sum over query words of how well it matches each
     (rarer words count more), scaled by how much of the query it matches. */
  function search(index, query, options) {
    options = options || {};
    var words = tokenize(query).map(function (t) { return t.norm; });
    var unique = words.filter(function (w, i) { return words.indexOf(w) === i; });
    if (!unique.length) return { items: [] };
    var n = index.docs.length;
    var allForms = Object.create(null);
    var perWord = unique.map(function (word) {
      var qforms = forms(word);
      for (var f in qforms) allForms[f] = qforms[f];
      var scores = wordScores(index, qforms);
      var df = Object.keys(scores).length;
      return { word: word, scores: scores, idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)) };
    });
    var idfTotal = perWord.reduce(function (sum, w) { return sum + w.idf; }, 0) || 1;
    var scores = Object.create(null);
    var covered = Object.create(null);
    var matched = Object.create(null);
    perWord.forEach(function (w) {
      for (var d in w.scores) {
        scores[d] = (scores[d] || 0) + w.scores[d] * w.idf;
        covered[d] = (covered[d] || 0) + w.idf;
        (matched[d] || (matched[d] = [])).push(w.word);
      }
    });
    var ranked = Object.keys(scores).map(function (d) {
      var coverage = covered[d] / idfTotal;
      var boost = index.docs[d].b === undefined ? 1 : index.docs[d].b;
      return { d: +d, score: scores[d] * Math.pow(coverage, RANKING.coverage) * boost };
    }).sort(function (a, b) { return b.score - a.score; });

    // what a person reads of a result list: the best 50 pages, each with its best 5 sections
    var pageLimit = options.limit || 50;
    var sectionLimit = options.sections || 5;
    var groups = [];
    var byPage = Object.create(null);
    var seen = Object.create(null);
    for (var r = 0; r < ranked.length; r++) {
      var doc = index.docs[ranked[r].d];
      var page = doc.l.split("#")[0];
      if (!byPage[page]) {
        if (groups.length >= pageLimit) continue;
        byPage[page] = [];
        groups.push(byPage[page]);
      }
      if (byPage[page].length >= sectionLimit) continue;
      var terms = {};
      for (var u = 0; u < unique.length; u++) terms[unique[u]] = matched[ranked[r].d].indexOf(unique[u]) >= 0;
      byPage[page].push({
        location: doc.l,
        title: highlight(doc.t, allForms, 0, seen),
        text: highlight(doc.x || "", allForms, options.snippet || 240, seen),
        score: ranked[r].score,
        terms: terms
      });
    }
    groups.forEach(function (group) {
      var page = group[0].location.split("#")[0];
      if (!group.some(function (item) { return item.location === page; }) && index.pages[page]) {
        var doc = index.pages[page];
        group.push({ location: doc.l, title: escapeHtml(doc.t), text: "", score: 0, terms: {} });
      }
    });
    return { items: groups };
  }

  return { ranking: RANKING, normalize: normalize, tokenize: tokenize, forms: forms, stem: stem, defective: defective,
           withoutPrefixes: withoutPrefixes, buildIndex: buildIndex, search: search, highlight: highlight };
});
