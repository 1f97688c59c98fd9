"""Every validation rule, each with a broken copy of the fixture that must fail with the right
``path:line: message``; and bad content never ends in a traceback."""

import pytest

from courseware.pipeline import check_project

from conftest import edit

MODULE = "modules/zeta-first/module.yml"
QUIZ = "quizzes/zeta-first.yml"
PROCEDURE = "docs/procedures/first-procedure.md"

# (name, [(file, old, new)], expected "path:line: start of the message")
BROKEN = [
    ("yaml syntax", [(MODULE, "summary: הלומדה שבאה", "summary: הלומדה: שבאה")],
     f"{MODULE}:3: YAML syntax error: mapping values are not allowed"),
    ("missing field", [(MODULE, "title: לומדת יסוד\n", "")],
     f"{MODULE}:1: the field 'title' is missing"),
    ("wrongly typed field", [(MODULE, "minutes: 30", "minutes: חצי שעה")],
     f"{MODULE}:6: 'minutes' must be a whole number"),
    ("unknown audience", [(MODULE, "audience: mentor", "audience: mentors")],
     f"{MODULE}:5: 'audience' must be one of: mentor, manager, peer (not 'mentors')"),
    ("unknown level", [(MODULE, "level: basic", "level: beginner")],
     f"{MODULE}:4: 'level' must be one of: basic, advanced (not 'beginner')"),
    ("unknown field", [(MODULE, "summary:", "sumary:")],
     f"{MODULE}:1: unknown field 'sumary' (did you mean 'summary'?)"),
    ("duplicate YAML key", [(MODULE, "minutes: 30\n", "minutes: 30\nminutes: 40\n")],
     f"{MODULE}:7: the key 'minutes' appears twice"),
    ("duplicate module id", [("modules/alpha-second/module.yml", "id: alpha-second", "id: zeta-first")],
     f"{MODULE}:1: duplicate module id 'zeta-first' (also used at modules/alpha-second/module.yml:1)"),
    ("duplicate question id", [(QUIZ, "id: q-multiple", "id: q-single")],
     f"{QUIZ}:13: duplicate question id 'q-single'"),
    ("unknown prerequisite", [("modules/alpha-second/module.yml", "prerequisites: [zeta-first]", "prerequisites: [zeta-frist]")],
     "modules/alpha-second/module.yml:7: the prerequisite 'zeta-frist' is not a module (did you mean 'zeta-first'?)"),
    ("prerequisite cycle", [(MODULE, "prerequisites: []", "prerequisites: [beta-advanced]")],
     "modules/alpha-second/module.yml:7: the prerequisites form a cycle: alpha-second → zeta-first → beta-advanced → alpha-second"),
    ("missing lesson file", [(MODULE, "  - practice", "  - practise")],
     f"{MODULE}:15: the lesson file modules/zeta-first/practise.md does not exist"),
    ("lesson objective unknown", [("modules/zeta-first/opening.md", "objectives: [know-basics]", "objectives: [know-basic]")],
     "modules/zeta-first/opening.md:4: the objective 'know-basic' is not one of the module's objectives"),
    ("no correct option", [(QUIZ, "{text: נכונה, correct: true", "{text: נכונה, correct: false")],
     f"{QUIZ}:4: question 'q-single' has no correct option"),
    ("single with several correct", [(QUIZ, "{text: שגויה, correct: false", "{text: שגויה, correct: true")],
     f"{QUIZ}:4: question 'q-single' is single-choice but has 2 correct options"),
    ("true_false options", [(QUIZ, "{text: נכון, correct: false", "{text: כן, correct: false")],
     f"{QUIZ}:23: a true_false question has exactly two options, 'נכון' and 'לא נכון'"),
    ("quiz for no module", [("quizzes/alpha-second.yml", "module: alpha-second", "module: alpha-third")],
     "quizzes/alpha-second.yml:1: the question bank is for module 'alpha-third', which does not exist"),
    ("question objective unknown", [(QUIZ, "objective: apply-basics", "objective: apply-basic")],
     f"{QUIZ}:13: question 'q-multiple' tests 'apply-basic', which is not an objective of module 'zeta-first'"),
    ("ref to a missing section", [(QUIZ, "ref: zeta-first/practice#תרגול", "ref: zeta-first/practice#תירגול")],
     f"{QUIZ}:13: question 'q-multiple': lesson 'zeta-first/practice' has no section '#תירגול'"),
    ("ref to a missing lesson", [(QUIZ, "ref: zeta-first/practice#תרגול", "ref: zeta-first/exercise#תרגול")],
     f"{QUIZ}:13: question 'q-multiple': ref 'zeta-first/exercise#תרגול' names lesson 'exercise'"),
    ("link to a missing page", [(PROCEDURE, "opening.md#הסעיף-הראשון", "openin.md#הסעיף-הראשון")],
     f"{PROCEDURE}:23: the link '../modules/zeta-first/openin.md#הסעיף-הראשון' points to modules/zeta-first/openin.md, which is not a page of the site"),
    ("link to a missing anchor", [("modules/zeta-first/opening.md", "practice.md#תרגול", "practice.md#אין-כזה")],
     "modules/zeta-first/opening.md:12: the link 'practice.md#אין-כזה' points to a section '#אין-כזה' that modules/zeta-first/practice.md does not have"),
    ("link to a generated page's missing anchor", [("docs/index.md", "#הלומדות-לפי-הסדר", "#אין-כזה")],
     "docs/index.md:11: the link 'paths/mentor-basic.md#אין-כזה' points to a section"),
    ("link to a folder", [("docs/index.md", "(modules/zeta-first/index.md)", "(modules/zeta-first/)")],
     "docs/index.md:11: the link 'modules/zeta-first/' points to a folder"),
    ("unknown source", [(MODULE, "sources: [src-one]", "sources: [src-three]")],
     f"{MODULE}:16: unknown source 'src-three': it is not in data/sources.yml"),
    ("invalid date", [(PROCEDURE, "review_by: 2030-01-01", "review_by: 2030-13-01")],
     f"{PROCEDURE}:9: 'review_by' must be a real date written YYYY-MM-DD"),
    ("procedure without owner", [(PROCEDURE, "owner: רכזת בדיקה\n", "")],
     f"{PROCEDURE}:2: the field 'owner' is missing"),
    ("skipped heading level", [("docs/standards/first-standard.md", "## פריטים", "#### פריטים")],
     "docs/standards/first-standard.md:15: the heading skips a level"),
    ("front matter never closed", [("docs/reader/chapter-one.md", "sources: [src-two]\n---\n", "sources: [src-two]\n")],
     "docs/reader/chapter-one.md:1: the front matter opened with '---' is never closed"),
]


def problems_of(root):
    return [str(p) for p in check_project(root).problems]


def test_the_fixture_is_valid(fixture_root):
    checked = check_project(fixture_root)
    assert checked.problems == []


@pytest.mark.parametrize("name,edits,expected", BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_content_is_reported_with_path_and_line(fixture_root, name, edits, expected):
    for path, old, new in edits:
        edit(fixture_root / path, old, new)
    checked = check_project(fixture_root)
    found = [str(p) for p in checked.problems]
    assert any(p.startswith(expected) for p in found), "\n".join(found)
    assert not checked.ok


def test_not_utf8(fixture_root):
    path = fixture_root / "modules/zeta-first/practice.md"
    path.write_bytes(path.read_bytes().replace("טקסט.".encode(), "caf\xe9".encode("latin-1")))
    assert "modules/zeta-first/practice.md:12: the file is not UTF-8 text; save it with UTF-8 encoding" in problems_of(fixture_root)


def test_review_date_passed_is_a_warning(fixture_root):
    edit(fixture_root / PROCEDURE, "approved: 2026-01-01\nreview_by: 2030-01-01", "approved: 2019-01-01\nreview_by: 2020-01-01")
    checked = check_project(fixture_root)
    assert checked.ok
    assert [str(p) for p in checked.warnings] == [
        f"{PROCEDURE}:9: warning: the review date 2020-01-01 has passed: review the page and set a new date"
    ]


def test_untested_objective_is_a_warning(fixture_root):
    edit(fixture_root / QUIZ, "objective: apply-basics", "objective: know-basics")
    checked = check_project(fixture_root)
    assert checked.ok
    assert f"{MODULE}:11: warning: no question tests the objective 'apply-basics'" in [str(p) for p in checked.warnings]


def test_hand_written_page_cannot_replace_a_generated_one(fixture_root):
    (fixture_root / "docs/glossary.md").write_text(
        "---\nid: g\ntitle: ג\ntype: page\naudience: [mentor]\nsources: []\n---\n\n# ג\n", encoding="utf-8"
    )
    assert any(p.startswith("docs/glossary.md:1: the build generates glossary.md itself") for p in problems_of(fixture_root))


def test_every_problem_is_reported_not_just_the_first(fixture_root):
    for path, old, new in [case[1][0] for case in BROKEN if case[0] in ("unknown audience", "unknown source", "no correct option", "link to a missing page")]:
        edit(fixture_root / path, old, new)
    found = problems_of(fixture_root)
    for fragment in (f"{MODULE}:5:", f"{MODULE}:16:", f"{QUIZ}:4:", f"{PROCEDURE}:23:"):
        assert any(p.startswith(fragment) for p in found), fragment


# Content of the wrong shape anywhere: the checker reports it and never raises.
WRONG_SHAPES = [
    (QUIZ, "questions:\n", "questions: 5\nignored:\n"),
    (QUIZ, "    options:\n      - {text: נכונה", "    options: נכונה\n    x:\n      - {text: נכונה"),
    (QUIZ, "pass_mark: 80", "pass_mark: [80]"),
    (MODULE, "objectives:\n  - id: know-basics", "objectives:\n  - 17\n  - id: know-basics"),
    (MODULE, "lessons:\n  - opening", "lessons:\n  - {a: b}\n  - opening"),
    (MODULE, "prerequisites: []", "prerequisites: 7"),
    (MODULE, "id: zeta-first", "id: [zeta]"),
    ("data/sources.yml", "sources:\n", "sources: nothing\nx:\n"),
    ("data/glossary.yml", "terms:", "terms: {}\nx:"),
    ("docs/index.md", "audience: [mentor]", "audience: {a: 1}"),
    ("modules/zeta-first/opening.md", "---\ntitle", "---\n- just\n- a list\n---\ntitle"),
    (PROCEDURE, "review_by: 2030-01-01", "review_by: [2030]"),
]


@pytest.mark.parametrize("path,old,new", WRONG_SHAPES)
def test_wrong_shapes_never_raise(fixture_root, path, old, new):
    edit(fixture_root / path, old, new)
    checked = check_project(fixture_root)
    assert checked.errors, "a wrong shape must be an error"
    assert all(":" in str(p) for p in checked.errors)
