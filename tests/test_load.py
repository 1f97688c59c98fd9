"""Loading content files into typed objects that remember their file and line."""

import datetime as dt

from courseware.load import load_project, page_language
from courseware.sourcefile import load_yaml, split_front_matter

from conftest import FIXTURE


def test_loads_every_kind_of_content():
    project, problems = load_project(FIXTURE)
    assert problems == []
    assert [m.id for m in project.modules] == ["alpha-second", "beta-advanced", "zeta-first"]
    assert [q.module_id for q in project.quizzes] == ["alpha-second", "beta-advanced", "zeta-first"]
    assert [s.id for s in project.sources] == ["src-one", "src-two"]
    assert [g.term for g in project.glossary] == ["מונח בדיקה"]
    kinds = sorted((p.site_path, p.type, p.lang) for p in project.pages)
    assert kinds == [
        ("index.md", "page", "en"),
        ("index.md", "page", "he"),
        ("procedures/first-procedure.md", "procedure", "he"),
        ("reader/chapter-one.md", "reader", "he"),
        ("standards/first-standard.md", "standard", "he"),
    ]


def test_objects_remember_file_and_line():
    project, _ = load_project(FIXTURE)
    quiz = project.quiz_for("zeta-first")
    assert str(quiz.loc) == "quizzes/zeta-first.yml:1"
    assert [q.loc.line for q in quiz.questions] == [4, 13, 23]
    module = project.module("zeta-first")
    assert module.loc.path == "modules/zeta-first/module.yml"
    assert [o.loc.line for o in module.objectives] == [9, 11]
    assert project.sources[1].loc.line == 8
    lesson = module.lessons[0]
    assert lesson.loc.path == "modules/zeta-first/opening.md"
    assert [(h.level, h.text, h.anchor, h.line) for h in lesson.doc.headings] == [
        (1, "פתיחה", "פתיחה", 8),
        (2, "הסעיף הראשון", "הסעיף-הראשון", 10),
        (2, "הסעיף השני", "הסעיף-השני", 14),
    ]
    assert [(l.target, l.line) for l in lesson.doc.links] == [
        ("../../procedures/first-procedure.md", 12),
        ("practice.md#תרגול", 12),
    ]


def test_page_fields_are_typed():
    project, _ = load_project(FIXTURE)
    procedure = project.pages_of("procedure")[0]
    assert procedure.review_by == dt.date(2030, 1, 1)
    assert procedure.version == "1.0"
    assert procedure.audience == ["manager"]
    assert project.pages_of("reader")[0].chapter == 1


def test_language_suffix():
    from pathlib import Path

    assert page_language(Path("about.en.md")) == ("en", "about")
    assert page_language(Path("about.ar.md")) == ("ar", "about")
    assert page_language(Path("about.md")) == ("he", "about")
    assert page_language(Path("v1.2.md")) == ("he", "v1.2")


def test_yaml_lines_with_an_offset():
    data, problems = load_yaml("a: 1\nb:\n  - x\n  - y\n", "f.md", first_line=2)
    assert problems == []
    assert data.line_of("a") == 2
    assert data.line_of("b") == 3
    assert data["b"].line_of(1) == 5


def test_front_matter_split():
    front, body, line = split_front_matter("---\ntitle: x\n---\n\n# x\n")
    assert front == "title: x"
    assert body == "\n# x\n"
    assert line == 4
    assert split_front_matter("# no front matter\n") == (None, "# no front matter\n", 1)


def test_repeated_headings_get_unique_anchors():
    from courseware.markdown_index import index_markdown

    doc = index_markdown("# T\n\n## סיכום\n\n```\n## not a heading\n```\n\n## סיכום\n\n## Custom {#my-id}\n")
    assert [h.anchor for h in doc.headings] == ["t", "סיכום", "סיכום_1", "my-id"]
