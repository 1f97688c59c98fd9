// Unit tests of the learner's-progress core, run with Node's built-in test runner:
//   node --test tests/js/
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../overrides/assets/javascripts/courseware-core.js");

const NOW = "2026-11-24T10:00:00.000Z";
const LATER = "2026-11-25T10:00:00.000Z";

test("single and true/false: only the one correct option scores", () => {
  assert.equal(core.isCorrect([1], [1]), true);
  assert.equal(core.isCorrect([0], [1]), false);
  assert.equal(core.isCorrect([], [1]), false);
});

test("multiple: all and only the correct options", () => {
  assert.equal(core.isCorrect([0, 2], [0, 2]), true);
  assert.equal(core.isCorrect([2, 0], [0, 2]), true, "order does not matter");
  assert.equal(core.isCorrect([0], [0, 2]), false, "a missing correct option");
  assert.equal(core.isCorrect([0, 1, 2], [0, 2]), false, "an extra wrong option");
  assert.equal(core.isCorrect([1, 3], [0, 2]), false);
});

test("grade counts, rounds and compares with the pass mark", () => {
  const questions = [
    { id: "a", correct: [0] },
    { id: "b", correct: [0, 2] },
    { id: "c", correct: [1] },
  ];
  const passed = core.grade(questions, { a: [0], b: [2, 0], c: [1] }, 80);
  assert.deepEqual([passed.correct, passed.total, passed.score, passed.passed, passed.unanswered], [3, 3, 100, true, 0]);
  const failed = core.grade(questions, { a: [0], b: [0] }, 80);
  assert.deepEqual([failed.correct, failed.score, failed.passed, failed.unanswered], [1, 33, false, 1]);
  assert.deepEqual(failed.results.map((r) => r.correct), [true, false, false]);
  assert.equal(failed.results[2].answered, false);
  // exactly at the pass mark passes
  const four = [1, 2, 3, 4, 5].map((n) => ({ id: "q" + n, correct: [0] }));
  const eighty = core.grade(four, { q1: [0], q2: [0], q3: [0], q4: [0], q5: [1] }, 80);
  assert.equal(eighty.score, 80);
  assert.equal(eighty.passed, true);
});

test("shuffledOrder is a permutation and uses the random source", () => {
  const order = core.shuffledOrder(6, () => 0);
  assert.deepEqual([...order].sort(), [0, 1, 2, 3, 4, 5]);
  assert.notDeepEqual(order, [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(core.shuffledOrder(1), [0]);
});

test("a missing store is empty; a corrupt one is reported and never thrown", () => {
  assert.deepEqual(core.parse(null), { ok: true, data: core.empty(), dropped: 0 });
  for (const bad of ["{not json", "[]", "42", '"x"', "null", '{"version": 99}', '{"lessons": {}}']) {
    const result = core.parse(bad);
    assert.equal(result.ok, false, bad);
    assert.equal(typeof result.error, "string");
    assert.deepEqual(result.data, core.empty());
  }
});

test("malformed entries are dropped, good ones kept", () => {
  const stored = JSON.stringify({
    version: 1,
    lessons: { "m/l": { readAt: NOW }, "m/x": { readAt: "yesterday" }, "Bad Key": { readAt: NOW }, "m/y": 7 },
    quizzes: {
      m: { attempts: [{ at: NOW, correct: 3, total: 4, score: 75, passed: false }, { at: NOW, correct: 9, total: 4, score: 75, passed: false }] },
      n: "nothing",
    },
    modules: { m: { completedAt: "no" } },
    paths: "wrong",
  });
  const result = core.parse(stored);
  assert.equal(result.ok, true);
  assert.deepEqual(Object.keys(result.data.lessons), ["m/l"]);
  assert.equal(result.data.quizzes.m.attempts.length, 1);
  assert.equal(result.data.quizzes.m.best, 75);
  assert.equal(result.data.quizzes.n, undefined);
  assert.deepEqual(result.data.modules, {});
  assert.equal(result.dropped, 6);
});

test("attempts keep the best score, the first pass and at most MAX_ATTEMPTS", () => {
  let data = core.empty();
  data = core.recordAttempt(data, "m", { correct: 2, total: 4, score: 50, passed: false }, NOW);
  data = core.recordAttempt(data, "m", { correct: 4, total: 4, score: 100, passed: true }, LATER);
  data = core.recordAttempt(data, "m", { correct: 3, total: 4, score: 75, passed: false }, "2026-11-26T00:00:00.000Z");
  assert.equal(data.quizzes.m.best, 100);
  assert.equal(data.quizzes.m.passedAt, LATER);
  for (let i = 0; i < 30; i++) {
    data = core.recordAttempt(data, "m", { correct: 1, total: 4, score: 25, passed: false }, new Date(Date.UTC(2027, 0, 1 + i)).toISOString());
  }
  assert.equal(data.quizzes.m.attempts.length, core.MAX_ATTEMPTS);
});

test("merge keeps everything, the earliest dates and no duplicate attempts", () => {
  const a = core.empty();
  core.markLesson(a, "m", "one", LATER);
  core.recordAttempt(a, "m", { correct: 1, total: 2, score: 50, passed: false }, NOW);
  const b = core.empty();
  core.markLesson(b, "m", "one", NOW);
  core.markLesson(b, "m", "two", LATER);
  core.recordAttempt(b, "m", { correct: 1, total: 2, score: 50, passed: false }, NOW);
  core.recordAttempt(b, "m", { correct: 2, total: 2, score: 100, passed: true }, LATER);
  b.paths.p = { completedAt: LATER };
  const merged = core.merge(a, b);
  assert.deepEqual(merged.lessons, { "m/one": { readAt: NOW }, "m/two": { readAt: LATER } });
  assert.equal(merged.quizzes.m.attempts.length, 2);
  assert.equal(merged.quizzes.m.best, 100);
  assert.deepEqual(merged.paths, { p: { completedAt: LATER } });
  // merging is idempotent
  assert.deepEqual(core.merge(merged, merged), merged);
});

test("module and path state: read lessons, quiz passed, next step, completion", () => {
  const module = { id: "m", lessons: [{ id: "one" }, { id: "two" }], quiz: { pass_mark: 80 } };
  const other = { id: "n", lessons: [{ id: "x" }], quiz: null };
  const path = { id: "p", modules: [module, other] };
  let data = core.empty();
  let state = core.moduleState(data, module);
  assert.deepEqual([state.status, state.read, state.next.kind, state.next.index], ["new", 0, "lesson", 0]);
  core.markLesson(data, "m", "one", NOW);
  core.markLesson(data, "m", "two", NOW);
  state = core.moduleState(data, module);
  assert.deepEqual([state.status, state.read, state.next.kind, state.complete], ["started", 2, "quiz", false]);
  core.recordAttempt(data, "m", { correct: 5, total: 5, score: 100, passed: true }, LATER);
  assert.equal(core.moduleState(data, module).complete, true);
  let ps = core.pathState(data, path);
  assert.deepEqual([ps.done, ps.total, ps.percent, ps.complete, ps.next], [1, 2, 50, false, 1]);
  core.markLesson(data, "n", "x", LATER);
  core.settleCompletion(data, [module, other], [path], LATER);
  ps = core.pathState(data, path);
  assert.equal(ps.complete, true);
  assert.equal(ps.completedAt, LATER);
  assert.equal(data.modules.m.completedAt, LATER);
  // a completion date, once set, does not move
  core.settleCompletion(data, [module, other], [path], "2030-01-01T00:00:00.000Z");
  assert.equal(data.paths.p.completedAt, LATER);
  // unmarking a lesson makes the module incomplete again, but keeps its first completion date
  core.unmarkLesson(data, "m", "one");
  assert.equal(core.moduleState(data, module).complete, false);
  assert.equal(core.moduleState(data, module).completedAt, LATER);
});

test("formatDate is day.month.year", () => {
  assert.equal(core.formatDate("2026-11-04T10:00:00.000Z"), "4.11.2026");
  assert.equal(core.formatDate("nonsense"), "");
});
