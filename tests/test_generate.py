"""Generation: pure functions from the model to page text, one test per page kind, and path order."""

import re

import pytest

from courseware.generate import build_nav, decorate_page, generate_site, learning_paths, prerequisite_order
from courseware.generate.common import duration, relative_url, site_url
from courseware.load import load_project
from courseware.pipeline import check_project

from conftest import FIXTURE, edit


@pytest.fixture(scope="module")
def project():
    project, problems = load_project(FIXTURE)
    assert problems == []
    return project


@pytest.fixture(scope="module")
def pages(project):
    return {page.site_path: page for page in generate_site(project)}


def test_generates_every_page_kind(pages):
    assert sorted(pages) == [
        "glossary.md",
        "modules/alpha-second/index.md",
        "modules/alpha-second/next-step.md",
        "modules/alpha-second/quiz.md",
        "modules/beta-advanced/deep.md",
        "modules/beta-advanced/index.md",
        "modules/beta-advanced/quiz.md",
        "modules/index.md",
        "modules/zeta-first/index.md",
        "modules/zeta-first/opening.md",
        "modules/zeta-first/practice.md",
        "modules/zeta-first/quiz.md",
        "my-learning.md",
        "paths/index.md",
        "paths/manager-advanced.md",
        "paths/manager-basic.md",
        "paths/mentor-advanced.md",
        "paths/mentor-basic.md",
        "paths/peer-advanced.md",
        "paths/peer-basic.md",
        "procedures/index.md",
        "reader/index.md",
        "sources.md",
        "standards/index.md",
    ]


def test_module_page(pages):
    text = pages["modules/alpha-second/index.md"].text
    assert "# לומדת המשך" in text
    assert "באה אחרי לומדת היסוד." in text
    assert "**רמה:** בסיסית, [במסלול הבסיסי למלווים](../../paths/mentor-basic.md)" in text
    assert "**מיועדת ל:** מלווים" in text
    assert "**זמן משוער:** 20 דקות" in text
    assert "**דרישות קדם:** [לומדת יסוד](../zeta-first/index.md)" in text
    assert "1. להמשיך." in text
    assert "1. [הצעד הבא](next-step.md) (15 דקות)" in text
    assert "1. [בוחן לבדיקה עצמית](quiz.md) (1 שאלות, ציון עובר 50%)" in text
    assert "## מקורות" in text and "[פרטי המקור](../../sources.md#src-two)" in text
    assert "נהלים ותקנים קשורים" not in text
    first = pages["modules/zeta-first/index.md"].text
    assert "## נהלים ותקנים קשורים\n\n- [נוהל בדיקה](../../procedures/first-procedure.md): נוהל לבדיקות." in first


def test_lesson_pages_link_previous_and_next_inside_the_module(pages):
    first = pages["modules/zeta-first/opening.md"].text
    last = pages["modules/zeta-first/practice.md"].text
    assert "[<span class=\"cw-pager__dir\">חזרה ללומדה</span> לומדת יסוד](index.md)" in first
    assert "[<span class=\"cw-pager__dir\">הבא</span> תרגול](practice.md)" in first
    assert "[<span class=\"cw-pager__dir\">הקודם</span> פתיחה](opening.md)" in last
    assert "[<span class=\"cw-pager__dir\">הבא</span> בוחן לבדיקה עצמית](quiz.md)" in last
    assert "שיעור 2 מתוך 2 בלומדה" in last
    # the lesson body is kept as written, with its sources after it
    assert first.index("## הסעיף הראשון") < first.index("## מקורות") < first.index("cw-pager")


def test_quiz_page_is_an_accessible_form_with_folded_answers(pages):
    html = pages["modules/zeta-first/quiz.md"].text
    assert html.count('<fieldset class="cw-question"') == 3
    assert html.count("<legend>") == 3
    assert 'data-type="multiple"' in html and 'type="checkbox"' in html
    assert html.count('type="radio"') == 2 + 2  # the single and the true/false questions
    # every input has its label
    for input_id in re.findall(r'<input [^>]*id="([^"]+)"', html):
        assert f'<label for="{input_id}">' in html
    assert html.count('<details class="cw-answer">') == 3
    assert 'data-correct="0,1"' in html  # the multiple-choice question
    assert '<span class="cw-answer__mark">נכונה:</span> נכונה' in html
    assert '<p class="cw-answer__explanation">הסבר.</p>' in html
    # the link back to the teaching section, as the browser resolves it from the quiz page
    assert '<p class="cw-answer__ref"><a href="../opening/#הסעיף-הראשון">לחזרה על החומר: פתיחה</a></p>' in html
    assert 'data-pass-mark="80"' in html


def test_quiz_text_is_escaped(fixture_root):
    edit(fixture_root / "quizzes/zeta-first.yml", "stem: שאלה עם תשובה אחת?", 'stem: "מה עושים עם <script>alert(1)</script> ו-**חשוב**?"')
    project, _ = load_project(fixture_root)
    html = {p.site_path: p.text for p in generate_site(project)}["modules/zeta-first/quiz.md"]
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>חשוב</strong>" in html


def test_learning_paths_follow_prerequisites(project):
    paths = {p.id: p for p in learning_paths(project)}
    assert [m.id for m in paths["mentor-basic"].modules] == ["zeta-first", "alpha-second"]
    assert [m.id for m in paths["mentor-advanced"].modules] == ["beta-advanced"]
    assert paths["mentor-basic"].minutes == 50
    assert paths["peer-basic"].modules == []


def test_path_page(pages):
    basic = pages["paths/mentor-basic.md"].text
    assert basic.index("[לומדת יסוד]") < basic.index("[לומדת המשך]")
    assert "**במסלול:** 2 לומדות, כ-50 דקות בסך הכול." in basic
    advanced = pages["paths/mentor-advanced.md"].text
    assert "**לפני המסלול הזה:** [המסלול הבסיסי למלווים](mentor-basic.md)" in advanced
    assert "דרישות קדם מחוץ למסלול: [לומדת המשך](../modules/alpha-second/index.md)" in advanced
    assert "עדיין אין לומדות במסלול הזה." in pages["paths/peer-basic.md"].text


def test_prerequisite_order_is_stable_and_survives_a_cycle(fixture_root):
    edit(fixture_root / "modules/zeta-first/module.yml", "prerequisites: []", "prerequisites: [alpha-second]")
    project, _ = load_project(fixture_root)
    order = [m.id for m in prerequisite_order(project.modules)]
    assert sorted(order) == ["alpha-second", "beta-advanced", "zeta-first"]  # terminates, nothing lost
    checked = check_project(fixture_root)
    assert any("the prerequisites form a cycle: alpha-second → zeta-first → alpha-second" in str(p) for p in checked.errors)


def test_prerequisite_order_many_modules(fixture_root):
    # a chain declared in reverse alphabetical order, plus independent modules sorted by id
    project, _ = load_project(fixture_root)
    template = project.modules[0]
    from dataclasses import replace

    chain = [replace(template, id=f"m{i}", prerequisites=[f"m{i + 1}"] if i < 5 else []) for i in range(6)]
    loose = [replace(template, id=name, prerequisites=[]) for name in ("c", "a", "b")]
    order = [m.id for m in prerequisite_order(chain + loose)]
    assert order.index("m5") < order.index("m4") < order.index("m3") < order.index("m0")
    assert order == ["a", "b", "c", "m5", "m4", "m3", "m2", "m1", "m0"]


def test_catalog_glossary_indexes_and_sources(pages):
    catalog = pages["modules/index.md"].text
    assert "## מלווים" in catalog and "### רמה בסיסית" in catalog and "### רמה מתקדמת" in catalog
    assert catalog.index("[לומדת יסוד]") < catalog.index("[לומדת המשך]")
    glossary = pages["glossary.md"].text
    assert "## מונח בדיקה {#מונח-בדיקה}" in glossary and "צורות נוספות: מונחי בדיקה." in glossary
    procedures = pages["procedures/index.md"].text
    assert "| [נוהל בדיקה](first-procedure.md) | רכזת בדיקה | 1.0 | 1.1.2030 |" in procedures
    standards = pages["standards/index.md"].text
    assert "| [תקן בדיקה](first-standard.md) | מנהלת בדיקה | 2 | 1.1.2030 |" in standards
    reader = pages["reader/index.md"].text
    assert "1. [פרק בדיקה](chapter-one.md): פרק לבדיקות." in reader
    sources = pages["sources.md"].text
    assert "## מקור ראשון לבדיקות {#src-one}" in sources
    assert "כותבת בדיקה (2020). *מקור ראשון לבדיקות*. הוצאת בדיקה. חוברת." in sources
    assert "(ללא תאריך)" in sources


def test_hand_written_pages_get_details_and_sources(project):
    procedure = project.pages_of("procedure")[0]
    text = decorate_page(procedure, project, procedure.doc.body)
    assert text.index("# נוהל בדיקה") < text.index("**אחראי/ת:** רכזת בדיקה") < text.index("## לפני")
    assert "**לעדכון עד:** 1.1.2030" in text
    assert text.rstrip().endswith("[פרטי המקור](../sources.md#src-one)")


def test_nav_shows_audiences_paths_and_modules(project):
    nav = build_nav(project, "he")
    titles = [next(iter(item)) for item in nav]
    assert titles == ["בית", "מלווים", "מנהלים", "עמיתים מומחים", "נהלים ותקנים", "ספרייה", "הלמידה שלי"]
    mentors = nav[1]["מלווים"]
    assert mentors[0] == {"המסלול הבסיסי": "paths/mentor-basic.md"}
    assert [next(iter(i)) for i in mentors[2:]] == ["לומדת יסוד", "לומדת המשך", "לומדה מתקדמת"]
    assert mentors[2]["לומדת יסוד"][:3] == ["modules/zeta-first/index.md", "modules/zeta-first/opening.md", "modules/zeta-first/practice.md"]
    assert [next(iter(item)) for item in build_nav(project, "en")][:4] == ["Home", "Mentors", "Managers", "Peer experts"]


def test_urls():
    assert site_url("index.md") == ""
    assert site_url("modules/x/index.md") == "modules/x/"
    assert site_url("modules/x/quiz.md") == "modules/x/quiz/"
    assert relative_url("modules/x/quiz.md", "modules/x/lesson.md", "a") == "../lesson/#a"
    assert relative_url("modules/x/quiz.md", "modules/x/index.md") == "../"
    assert relative_url("index.md", "glossary.md") == "glossary/"
    assert duration(45) == "45 דקות"
    assert duration(60) == "שעה"
    assert duration(130) == "שעתיים ו-10 דקות"
    assert duration(200) == "3 שעות ו-20 דקות"


def test_learner_catalog(project):
    import json

    from courseware.generate import generate_files

    catalog = json.loads(generate_files(project)["assets/courseware/catalog.json"])
    assert catalog["mine"] == "../../my-learning/"
    first = next(m for m in catalog["modules"] if m["id"] == "zeta-first")
    assert first["url"] == "../../modules/zeta-first/"
    assert [l["id"] for l in first["lessons"]] == ["opening", "practice"]
    assert first["lessons"][0]["url"] == "../../modules/zeta-first/opening/"
    assert first["quiz"] == {"title": "בוחן לבדיקה עצמית", "url": "../../modules/zeta-first/quiz/", "pass_mark": 80, "questions": 3}
    assert [(p["id"], p["modules"]) for p in catalog["paths"]] == [
        ("mentor-basic", ["zeta-first", "alpha-second"]),
        ("mentor-advanced", ["beta-advanced"]),
    ]


def test_learner_hooks_point_at_the_catalog(pages):
    lesson = pages["modules/zeta-first/opening.md"].text
    assert '<div class="cw-learner cw-learner--lesson" data-kind="lesson" data-catalog="../../../assets/courseware/catalog.json" data-module="zeta-first" data-lesson="opening" hidden></div>' in lesson
    assert 'data-kind="module" data-catalog="../../assets/courseware/catalog.json" data-module="zeta-first"' in pages["modules/zeta-first/index.md"].text
    assert 'data-kind="quiz"' in pages["modules/zeta-first/quiz.md"].text
    assert 'data-kind="path" data-catalog="../../assets/courseware/catalog.json" data-path="mentor-basic"' in pages["paths/mentor-basic.md"].text
    assert 'data-kind="mine" data-catalog="../assets/courseware/catalog.json"' in pages["my-learning.md"].text


def test_quiz_text_keeps_only_safe_links():
    from courseware.generate.common import inline_html

    assert inline_html("[כאן](javascript:alert(1))") == "כאן"
    assert inline_html("[כאן](data:text/html,x)") == "כאן"
    assert inline_html("[כאן](https://example.org/)") == '<a href="https://example.org/">כאן</a>'
    assert inline_html("[כאן](../lesson/#a)") == '<a href="../lesson/#a">כאן</a>'
