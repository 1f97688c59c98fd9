"""A module's pages: its overview, its lessons (with previous/next inside the module) and its quiz."""

from __future__ import annotations

from ..export import module_downloads
from ..model import Lesson, Module, Project, Question, Quiz
from .common import (
    AUDIENCE_FOR,
    AUDIENCE_LABELS,
    IN_PATH,
    LEVEL_LABELS,
    GeneratedPage,
    duration,
    esc,
    front_matter,
    inline_html,
    learner_hook,
    md_text,
    relative_md,
    relative_url,
    site_link,
    sources_section,
)

QUIZ_TITLE = "בוחן לבדיקה עצמית"
TYPE_HINTS = {
    "single": "בחרו תשובה אחת.",
    "multiple": "סמנו את כל התשובות הנכונות (אחת או יותר).",
    "true_false": "האם הטענה נכונה?",
}


def module_pages(module: Module, project: Project) -> list[GeneratedPage]:
    quiz = project.quiz_for(module.id)
    pages = [module_page(module, project, quiz)]
    for index, lesson in enumerate(module.lessons):
        pages.append(lesson_page(module, index, project, quiz))
    if quiz:
        pages.append(quiz_page(module, quiz, project))
    return pages


def module_page(module: Module, project: Project, quiz: Quiz | None) -> GeneratedPage:
    here = module.site_path
    path_link = relative_md(here, f"paths/{module.audience}-{module.level}.md")
    prereqs = [project.module(p) for p in module.prerequisites]
    prereq_text = ", ".join(f"[{m.title}]({relative_md(here, m.site_path)})" for m in prereqs if m) or "אין"
    lines = [
        f"# {module.title}",
        "",
        md_text(module.summary),
        "",
        '<div class="cw-facts" markdown="1">',
        "",
        f"- **רמה:** {LEVEL_LABELS.get(module.level, module.level)}, [{IN_PATH.get(module.level, '')} {AUDIENCE_FOR.get(module.audience, '')}]({path_link})",
        f"- **מיועדת ל:** {AUDIENCE_LABELS.get(module.audience, module.audience)}",
        f"- **זמן משוער:** {duration(module.minutes)}",
        f"- **דרישות קדם:** {prereq_text}",
        "",
        "</div>",
        "",
        learner_hook(here, "module", module=module.id),
        "",
        "## מה תלמדו",
        "",
        "בסוף הלומדה תוכלו:",
        "",
    ]
    lines += [f"1. {md_text(o.text)}" for o in module.objectives]
    lines += ["", "## השיעורים", ""]
    for lesson in module.lessons:
        lines.append(f"1. [{lesson.title}]({relative_md(here, lesson.site_path)}) ({duration(lesson.minutes)})")
    if quiz:
        count = len(quiz.questions)
        lines.append(
            f"1. [{QUIZ_TITLE}]({relative_md(here, module.quiz_site_path)}) ({count} שאלות, ציון עובר {quiz.pass_mark}%)"
        )
    lines.append("")
    related = [p for kind in ("procedure", "standard") for p in project.listed(kind) if module.id in p.related_modules]
    if related:
        lines += ["## נהלים ותקנים קשורים", ""]
        lines += [f"- [{p.title}]({relative_md(here, p.site_path)}){': ' + md_text(p.summary) if p.summary else ''}" for p in related]
        lines.append("")
    if module.lessons:
        lines += [
            f"[להתחלת הלומדה: {module.lessons[0].title}]({relative_md(here, module.lessons[0].site_path)}){{ .md-button .md-button--primary }}",
            "",
        ]
    lines += downloads_section(module, quiz, here)
    lines.append(sources_section(module.sources, project, here))
    meta = front_matter(module.title, cw_kind="module", cw_module=module.id, description=md_text(module.summary))
    return GeneratedPage(here, module.title, "module", meta + "\n".join(lines), {"module": module.id})


def downloads_section(module: Module, quiz: Quiz | None, here: str) -> list[str]:
    """Links to the module's exports for an organisation's own learning system."""
    paths = module_downloads(module.id, quiz is not None)
    lines = [
        "## הלומדה במערכת הלמידה של הארגון",
        "",
        f"- [חבילת SCORM 1.2 (קובץ zip)]({site_link(paths['scorm'])}): הלומדה כולה, השיעורים"
        + (" והשאלון, לכל מערכת למידה שתומכת ב-SCORM 1.2, ובהן Moodle. השאלון מדווח למערכת את הציון ואם עברו אותו." if quiz else ", לכל מערכת למידה שתומכת ב-SCORM 1.2, ובהן Moodle."),
    ]
    if quiz:
        lines.append(
            f"- בנק השאלות לייבוא ל-Moodle: [בפורמט GIFT]({site_link(paths['gift'])}) או "
            f"[בפורמט Moodle XML]({site_link(paths['moodle'])}), עם המשוב לכל תשובה וההסבר לכל שאלה, בקטגוריה בשם הלומדה."
        )
    return lines + [""]


def lesson_page(module: Module, index: int, project: Project, quiz: Quiz | None) -> GeneratedPage:
    lesson: Lesson = module.lessons[index]
    here = lesson.site_path
    body = lesson.doc.body.strip("\n")
    if not lesson.doc.h1:
        body = f"# {lesson.title}\n\n{body}"
    previous = module.lessons[index - 1] if index > 0 else None
    following = module.lessons[index + 1] if index + 1 < len(module.lessons) else None
    pager = [
        "",
        '<nav class="cw-pager" aria-label="ניווט בין שיעורי הלומדה" markdown="1">',
        "",
    ]
    if previous:
        pager.append(f'[<span class="cw-pager__dir">הקודם</span> {previous.title}]({relative_md(here, previous.site_path)}){{ .cw-pager__prev rel="prev" }}')
    else:
        pager.append(f'[<span class="cw-pager__dir">חזרה ללומדה</span> {module.title}]({relative_md(here, module.site_path)}){{ .cw-pager__prev }}')
    pager.append("")
    if following:
        pager.append(f'[<span class="cw-pager__dir">הבא</span> {following.title}]({relative_md(here, following.site_path)}){{ .cw-pager__next rel="next" }}')
    elif quiz:
        pager.append(f'[<span class="cw-pager__dir">הבא</span> {QUIZ_TITLE}]({relative_md(here, module.quiz_site_path)}){{ .cw-pager__next rel="next" }}')
    else:
        pager.append(f'[<span class="cw-pager__dir">סיום</span> {module.title}]({relative_md(here, module.site_path)}){{ .cw-pager__next }}')
    pager += ["", "</nav>", ""]
    text = "\n".join(
        [
            body,
            "",
            learner_hook(here, "lesson", module=module.id, lesson=lesson.stem),
            "",
            sources_section(lesson.sources, project, here),
            f'<p class="cw-lesson-of">שיעור {index + 1} מתוך {len(module.lessons)} בלומדה <a href="{relative_url(here, module.site_path)}">{esc(module.title)}</a></p>',
            *pager,
        ]
    )
    meta = front_matter(lesson.title, cw_kind="lesson", cw_module=module.id, cw_lesson=lesson.stem)
    return GeneratedPage(here, lesson.title, "lesson", meta + text, {"module": module.id, "lesson": lesson.stem})


def _ref_target(question: Question, module: Module, project: Project) -> tuple[Lesson | None, str]:
    """The lesson a question's ``ref`` points to and the anchor, or (None, '') if unknown."""
    ref, _, anchor = question.ref.partition("#")
    module_id, _, stem = ref.rpartition("/")
    owner = project.module(module_id) if module_id else module
    if not owner:
        return None, ""
    lesson = next((l for l in owner.lessons if l.stem == stem), None)
    return lesson, anchor


def quiz_page(module: Module, quiz: Quiz, project: Project) -> GeneratedPage:
    here = module.quiz_site_path
    title = f"{QUIZ_TITLE}: {module.title}"
    count = len(quiz.questions)
    out = [
        f"# {title}",
        "",
        f"{count} שאלות. כדי לעבור צריך לענות נכון על {quiz.pass_mark}% מהן לפחות. "
        "הבוחן נועד לבדיקה עצמית: אחרי כל שאלה תמצאו הסבר וקישור לחלק בשיעור שמלמד אותה.",
        "",
        learner_hook(here, "quiz", module=module.id),
        "",
        f'<form class="cw-quiz" id="cw-quiz" data-module="{esc(module.id)}" data-pass-mark="{quiz.pass_mark}" '
        f'data-questions="{count}" aria-label="{esc(title)}" novalidate>',
    ]
    for number, question in enumerate(quiz.questions, 1):
        out.append(_question_html(question, number, count, module, project, here))
    out += [
        '<div class="cw-quiz__actions" hidden>',
        '<button type="submit" class="md-button md-button--primary cw-quiz__check">בדיקת התשובות</button>',
        '<button type="button" class="md-button cw-quiz__retry" hidden>ניסיון נוסף</button>',
        "</div>",
        '<div class="cw-quiz__result"></div>',
        "</form>",
        "",
        '<noscript><p class="cw-noscript">הדפדפן שלכם לא מריץ JavaScript, ולכן אי אפשר לבדוק כאן את התשובות אוטומטית. '
        "התשובה וההסבר לכל שאלה נמצאים בחלק המקופל שמתחת לה.</p></noscript>",
        "",
        f"[חזרה לדף הלומדה: {module.title}]({relative_md(here, module.site_path)})",
        "",
    ]
    meta = front_matter(title, cw_kind="quiz", cw_module=module.id)
    return GeneratedPage(here, title, "quiz", meta + "\n".join(out), {"module": module.id})


def _question_html(question: Question, number: int, count: int, module: Module, project: Project, here: str) -> str:
    qid = f"q-{question.id}"
    input_type = "checkbox" if question.type == "multiple" else "radio"
    correct = ",".join(str(i) for i in question.correct_indexes)
    html = [
        f'<fieldset class="cw-question" id="{esc(qid)}" data-question="{esc(question.id)}" '
        f'data-type="{esc(question.type)}" data-keep-order="{"true" if question.keep_order else "false"}" '
        f'data-correct="{correct}" data-objective="{esc(question.objective)}">',
        f'<legend><span class="cw-question__number">שאלה {number} מתוך {count}</span> '
        f'<span class="cw-question__stem">{inline_html(question.stem)}</span></legend>',
        f'<p class="cw-question__hint" id="{esc(qid)}-hint">{TYPE_HINTS.get(question.type, "")}</p>',
        '<ul class="cw-options">',
    ]
    for i, option in enumerate(question.options):
        oid = f"{qid}-{i}"
        html.append(
            f'<li class="cw-option" data-index="{i}">'
            f'<input type="{input_type}" name="{esc(qid)}" id="{esc(oid)}" value="{i}" aria-describedby="{esc(qid)}-hint">'
            f'<label for="{esc(oid)}">{inline_html(option.text)}</label>'
            f'<p class="cw-option__feedback" id="{esc(oid)}-feedback" hidden>{inline_html(option.feedback)}</p>'
            "</li>"
        )
    html.append("</ul>")
    html.append('<div class="cw-question__outcome" hidden></div>')
    # The answer, folded: what a learner without JavaScript reads, and the text the script shows.
    lesson, anchor = _ref_target(question, module, project)
    answer = ['<details class="cw-answer">', "<summary>התשובה וההסבר</summary>", '<ul class="cw-answer__options">']
    for option in question.options:
        mark = "נכונה" if option.correct else "לא נכונה"
        answer.append(
            f'<li class="{"cw-is-correct" if option.correct else "cw-is-wrong"}">'
            f'<span class="cw-answer__mark">{mark}:</span> {inline_html(option.text)}'
            f'<span class="cw-answer__feedback"> {inline_html(option.feedback)}</span></li>'
        )
    answer.append("</ul>")
    answer.append(f'<p class="cw-answer__explanation">{inline_html(question.explanation)}</p>')
    if lesson:
        answer.append(
            f'<p class="cw-answer__ref"><a href="{esc(relative_url(here, lesson.site_path, anchor))}">'
            f"לחזרה על החומר: {esc(lesson.title)}</a></p>"
        )
    answer.append("</details>")
    html += answer
    html.append("</fieldset>")
    return "\n".join(html)
