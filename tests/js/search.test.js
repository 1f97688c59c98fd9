// Unit tests of the Hebrew-aware search core (overrides/assets/javascripts/search-core.js):
//   node --test tests/js/
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../overrides/assets/javascripts/search-core.js");

function doc(l, t, x, extra) {
  return Object.assign({ l: l, t: t, x: x || "" }, extra || {});
}

function pages(index, query) {
  return S.search(index, query).items.map((group) => group[0].location.split("#")[0]);
}

function matches(queryWord, documentWord) {
  const index = S.buildIndex([doc("a/", "כותרת", documentWord)]);
  return pages(index, queryWord).length > 0;
}

test("normalize: niqqud, gershayim, quotes and final letters", () => {
  assert.equal(S.normalize("תּוֹכְנִית"), "תוכנית");
  assert.equal(S.normalize("תב״ת"), "תבת");
  assert.equal(S.normalize('תב"ת'), "תבת");
  assert.equal(S.normalize("מעסיקים"), "מעסיקימ");
  assert.equal(S.normalize("OJT"), "ojt");
});

test("tokenize keeps an acronym with its gershayim as one word", () => {
  assert.deepEqual(S.tokenize('ביוזמת תב"ת, עם צה״ל.').map((t) => t.norm), ["ביוזמת", "תבת", "עמ", "צהל"]);
});

test("prefixes: a word matches its forms with ו ה ב כ ל מ ש and their chains, both ways", () => {
  for (const [query, text] of [
    ["מעסיקים", "למעסיקים"],
    ["למעסיקים", "מעסיקים"],
    ["מלווים", "והמלווים"],
    ["השמה", "בהשמה"],
    ["משתתף", "שהמשתתף"],
    ["בית", "כשבבית"],
  ]) {
    assert.ok(matches(query, text), `${query} should find ${text}`);
  }
});

test("inflections: plural, construct state and possessives", () => {
  for (const [query, text] of [
    ["קליטה", "קליטת"],
    ["מלגה", "המלגות"],
    ["דוחות", "דוח"],
    ["חסמים", "החסם"],
    ["משתתפות", "משתתפים"],
    ["נשרו", "נשירה"],
  ]) {
    assert.ok(matches(query, text), `${query} should find ${text}`);
  }
});

test("spelling with and without ו/י inside the word meets", () => {
  assert.ok(matches("תוכנית", "תכנית"));
  assert.ok(matches("תכנית", "התוכנית"));
});

test("an acronym matches however it is typed", () => {
  const index = S.buildIndex([doc("a/", "אמות המידה של תב״ת", "")]);
  for (const typed of ["תב״ת", 'תב"ת', "תבת", "תב'ת"]) assert.deepEqual(pages(index, typed), ["a/"], typed);
});

test("precision: no match by first letters alone, and unrelated words stay apart", () => {
  assert.equal(matches("מל", "מלווים"), false);
  assert.equal(matches("מעסי", "מעסיקים"), false);
  assert.equal(matches("מעס", "מעסיקים"), false);
  assert.equal(matches("השמה", "השמדה"), false);
  assert.equal(matches("גיוס", "גישה"), false);
});

test("an exact match ranks above an inflected one, and a heading above the text", () => {
  const index = S.buildIndex([
    doc("inflected/", "עמוד", "כאן כתוב למעסיקים פעם אחת"),
    doc("exact/", "עמוד", "כאן כתוב מעסיקים פעם אחת"),
    doc("heading/", "מעסיקים", "טקסט אחר"),
  ]);
  assert.deepEqual(pages(index, "מעסיקים"), ["heading/", "exact/", "inflected/"]);
});

test("glossary keywords weigh like a heading, more than the text", () => {
  const index = S.buildIndex([
    doc("text/", "עמוד", "מדברים כאן על אינטייק ועוד דברים רבים שאינם קשורים"),
    doc("glossary/#x", "פגישת היכרות", "הגדרה", { k: ["אינטייק", "intake"] }),
    doc("glossary/", "מילון", ""),
  ]);
  assert.equal(pages(index, "אינטייק")[0], "glossary/");
});

test("a document that matches the whole query ranks above one that matches part of it", () => {
  const index = S.buildIndex([
    doc("part/", "ועדת היגוי", "ועדת היגוי ועדת היגוי"),
    doc("whole/", "עמוד", "בקשה למלגה עוברת בוועדת המלגות"),
  ]);
  assert.equal(pages(index, "ועדת מלגות")[0], "whole/");
});

test("a boost below 1 moves a listing page under a content page that matches as well", () => {
  const index = S.buildIndex([
    doc("list/", "נהלים", "בקשת מלגה", { b: 0.5 }),
    doc("page/", "נוהל", "בקשת מלגה"),
  ]);
  assert.deepEqual(pages(index, "מלגה"), ["page/", "list/"]);
});

test("results have Material's shape: a page with its sections, terms and marked text", () => {
  const index = S.buildIndex([
    doc("p/", "נוהל גיוס", "פתיחה"),
    doc("p/#a", "לפני", "פונים למעסיקים באזור ומציגים את התכנית"),
    doc("p/#b", "אחרי", "שום דבר רלוונטי"),
  ]);
  const result = S.search(index, "מעסיקים");
  assert.equal(result.items.length, 1);
  const group = result.items[0];
  assert.equal(group[0].location, "p/#a");
  assert.ok(group.some((d) => d.location === "p/"), "the page itself is in its group");
  assert.deepEqual(group[0].terms, { "מעסיקימ": true });
  assert.match(group[0].text, /<mark>למעסיקים<\/mark>/);
  assert.equal(typeof group[0].score, "number");
});

test("highlight escapes the text and cuts a window around the first match", () => {
  const text = "<b>" + "מילה ".repeat(200) + "מלגות " + "סוף ".repeat(200);
  const marked = S.highlight(text, S.forms("מלגה"), 120);
  assert.ok(marked.includes("<mark>מלגות</mark>"));
  assert.ok(!marked.includes("<b>"), "markup in the text is escaped");
  assert.ok(marked.startsWith("… ") && marked.endsWith(" …"));
  assert.ok(marked.length < 200);
});

test("an empty or punctuation-only query finds nothing, without error", () => {
  const index = S.buildIndex([doc("a/", "כותרת", "טקסט")]);
  assert.deepEqual(S.search(index, "").items, []);
  assert.deepEqual(S.search(index, " ?! ").items, []);
});
