"""Question banks for an LMS: every module's quiz as Moodle GIFT and as Moodle XML.

Pure functions from the content model to text and bytes; nothing here imports MkDocs.

- :func:`gift` writes GIFT (https://docs.moodle.org/en/GIFT_format): a ``$CATEGORY:`` line per
  module, then its questions, each ``::id::[html]stem{answers ####explanation}``.
- :func:`moodle_xml` writes Moodle XML (https://docs.moodle.org/en/Moodle_XML_format): a
  ``<question type="category">`` per module, then its questions.
- :func:`lms_files` gives both for each module and for all modules together, by file name;
  :func:`write_lms_exports` writes them to a folder.

Texts are inline Markdown in the question banks. Both formats carry them as HTML, rendered as the
site renders them (:func:`courseware.generate.common.inline_html`: HTML in the text shows as
text), wrapped in ``dir="rtl"`` so that Hebrew reads right to left even in an LMS whose interface
is left to right. Question types map as follows:

=============  =========================================  ========================================
ours           GIFT                                       Moodle XML
=============  =========================================  ========================================
single         ``=right#fb ~wrong#fb``                    multichoice, single=true, 100 / 0
multiple       ``~%50%right#fb ~%-100%wrong#fb``          multichoice, single=false, same weights
true_false     ``{T#wrong-answer fb#right-answer fb}``    truefalse, answers ``true`` / ``false``
=============  =========================================  ========================================

In a ``multiple`` question the correct options share 100% equally and the wrong ones share -100%
equally, so choosing all and only the correct options scores full marks and choosing every option
scores nothing. Moodle accepts only the weights of its grade list (100, 50, 33.33333, ... 5), so a
question with more than ten correct options (other than twenty) cannot be exported; it is refused
with a :class:`~courseware.problems.ContentError` rather than imported wrongly.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

from lxml import etree

from ..generate.common import inline_html
from ..model import TRUE_FALSE_TEXTS, Module, Project, Question, Quiz
from ..problems import ContentError, Problem

CATEGORY_ROOT = "$course$/courseware"
DIRECTION = "rtl"  # the question banks are in Hebrew
ALL_MODULES = "courseware"  # the stem of the all-modules files

# Moodle's grade list (question_bank::fraction_options), as percentages written the way Moodle
# writes them; an imported weight must match one of these (or its negative) to 0.001%.
MOODLE_GRADES = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40",
    "33.33333", "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5",
)

# Characters XML 1.0 does not allow (control characters other than tab, line feed and return).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Texts with none of these render in Markdown as themselves (escaped): no emphasis, code, link,
# escape, entity, heading, list, quote, code block or line break can start without one of them.
_MARKDOWN = re.compile(r"[\\`*_\[\]!<>&#\n\r\t]|^\s|\s$|^[-+=]|^\d+[.)]")
_BLOCK = re.compile(r"<(?:p|ul|ol|h[1-6]|blockquote|pre|hr|table|div)\b")
_GIFT_RESERVED = str.maketrans({char: "\\" + char for char in "\\~=#{}:"})


# --- texts ---------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text or "")


def text_html(text: str, block: bool = False) -> str:
    """A text of the question bank as the HTML an LMS gets: the site's rendering of its inline
    Markdown on one line, in a right-to-left ``div`` (``block``, or when the text has paragraphs)
    or ``span``. An empty text stays empty."""
    rendered = _render(_clean(text))
    if not rendered:
        return ""
    tag = "div" if block or _BLOCK.search(rendered) else "span"
    return f'<{tag} dir="{DIRECTION}">{rendered}</{tag}>'


@functools.lru_cache(maxsize=4096)
def _render(text: str) -> str:
    """:func:`inline_html` on one line. Markdown costs half a millisecond a text, and most texts
    of a bank are plain sentences that it would only escape: those are escaped directly."""
    if not _MARKDOWN.search(text):
        return " ".join(html.escape(text, quote=False).split())
    return " ".join(inline_html(text).split())


def gift_escape(text: str) -> str:
    """Escape what GIFT reserves (``~ = # { } :`` and the backslash itself) with a backslash, and
    write a line break as ``\\n``, as Moodle's own GIFT export does."""
    escaped = text.translate(_GIFT_RESERVED)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def category_path(module: Module) -> str:
    """The question category of a module, ``$course$/courseware/<title>``; a ``/`` inside the
    title is doubled, as Moodle's category paths demand."""
    title = " ".join(_clean(module.title).split()) or module.id
    name = title.replace("/", "//")
    if name.startswith("/"):
        name = " " + name
    if name.endswith("/"):
        name += " "
    return f"{CATEGORY_ROOT}/{name}"


# --- what each question means for an LMS --------------------------------------------------------


def _fail(where, message: str) -> ContentError:
    return ContentError(Problem(where.path, where.line, message))


def _grade(share: float, question: Question, exact: bool) -> str:
    """The Moodle grade (percent, as text) equal to ``share``, or with ``exact=False`` the
    smallest one at least ``share``."""
    for grade in reversed(MOODLE_GRADES):
        value = float(grade)
        if abs(value - share) < 0.001 or (not exact and value >= share):
            return grade
    raise _fail(
        question.loc,
        f"question '{question.id}' has {round(100 / share)} correct options: Moodle cannot split "
        "the marks equally between so many (at most 10, or 20)",
    )


def _weights(question: Question) -> list[str]:
    """Each option's weight in percent, as text: '100'/'0' for single choice; for multiple
    choice the correct options share 100 and the wrong ones share -100 (or a little more)."""
    correct = question.correct_indexes
    if question.type == "single":
        return ["100" if option.correct else "0" for option in question.options]
    right = _grade(100 / len(correct), question, exact=True)
    wrong_count = len(question.options) - len(correct)
    wrong = "-" + _grade(100 / wrong_count, question, exact=False) if wrong_count else "0"
    return [right if option.correct else wrong for option in question.options]


def _true_false(question: Question) -> tuple[bool, str, str]:
    """(whether the statement is true, feedback on answering 'true', on answering 'false')."""
    by_text = {option.text.strip(): option for option in question.options}
    true, false = (by_text.get(text) for text in TRUE_FALSE_TEXTS)
    if len(question.options) != 2 or true is None or false is None or true.correct == false.correct:
        raise _fail(
            question.loc,
            f"question '{question.id}' is true_false but does not have the two options "
            f"'{TRUE_FALSE_TEXTS[0]}' and '{TRUE_FALSE_TEXTS[1]}', exactly one of them correct",
        )
    return true.correct, true.feedback, false.feedback


def _check(question: Question) -> None:
    if question.type not in ("single", "multiple", "true_false"):
        raise _fail(question.loc, f"question '{question.id}' has the type '{question.type}', which no LMS export knows")
    if question.type == "true_false":
        _true_false(question)
        return
    if len(question.options) < 2:
        raise _fail(question.loc, f"question '{question.id}' needs at least two options")
    correct = len(question.correct_indexes)
    if correct == 0:
        raise _fail(question.loc, f"question '{question.id}' has no correct option")
    if question.type == "single" and correct != 1:
        raise _fail(question.loc, f"question '{question.id}' is single-choice but has {correct} correct options")


def _banks(project: Project, module_ids: list[str] | None) -> list[tuple[Module, Quiz]]:
    """The modules to export with their question banks: the ones asked for, in that order, or
    every module that has a bank. Refuses an unknown module, a module asked for that has no bank,
    and a question that cannot be carried over."""
    if module_ids is None:
        chosen = [(m, project.quiz_for(m.id)) for m in project.modules if project.quiz_for(m.id)]
    else:
        chosen = []
        for module_id in module_ids:
            module = project.module(module_id)
            if module is None:
                raise ContentError(Problem(f"modules/{module_id}/module.yml", 0, f"there is no module '{module_id}'"))
            quiz = project.quiz_for(module_id)
            if quiz is None:
                raise ContentError(Problem(f"quizzes/{module_id}.yml", 0, f"module '{module_id}' has no question bank"))
            chosen.append((module, quiz))
    for _module, quiz in chosen:
        for question in quiz.questions:
            _check(question)
            _weights(question)
    return chosen


# --- GIFT ----------------------------------------------------------------------------------------


def _gift_answer(prefix: str, text: str, feedback: str) -> str:
    line = "\t" + prefix + gift_escape(text_html(text))
    if feedback.strip():
        line += "#" + gift_escape(text_html(feedback))
    return line


def _gift_question(question: Question) -> str:
    lines = [
        "// [id:" + question.id.replace("]", "\\]") + "]",
        f"::{gift_escape(question.id)}::[html]{gift_escape(text_html(question.stem, block=True))}{{",
    ]
    explanation = gift_escape(text_html(question.explanation, block=True))
    if question.type == "true_false":
        is_true, on_true, on_false = _true_false(question)
        right, wrong = (on_true, on_false) if is_true else (on_false, on_true)
        answer = "T" if is_true else "F"
        right_html, wrong_html = gift_escape(text_html(right)), gift_escape(text_html(wrong))
        if wrong_html or right_html:
            answer += "#" + wrong_html
        if right_html:
            answer += "#" + right_html
        lines.append("\t" + answer)
    else:
        for option, weight in zip(question.options, _weights(question)):
            if question.type == "single":
                prefix = "=" if option.correct else "~"
            else:
                prefix = f"~%{weight}%"
            lines.append(_gift_answer(prefix, option.text, option.feedback))
    if explanation:
        lines.append("\t####" + explanation)
    lines.append("}")
    return "\n".join(lines)


def gift(project: Project, module_ids: list[str] | None = None) -> str:
    """The question banks of the modules (all that have one, or those named) in GIFT: for each
    module a ``$CATEGORY:`` line, then its questions. Raises ContentError on a module that does not
    exist or has no bank, and on a question an LMS cannot take as it is."""
    blocks = []
    for module, quiz in _banks(project, module_ids):
        title = " ".join(_clean(module.title).split())
        blocks.append(
            f"// Module {module.id}: {title} ({len(quiz.questions)} questions, pass mark {quiz.pass_mark}%)\n"
            # Moodle reads the category line without unescaping it: it is written as it is.
            f"$CATEGORY: {category_path(module)}"
        )
        blocks += [_gift_question(question) for question in quiz.questions]
    return "\n\n".join(blocks) + "\n" if blocks else ""


# --- Moodle XML ----------------------------------------------------------------------------------


def _text(parent: etree._Element, tag: str, html: str | None, fmt: str | None = "html") -> etree._Element:
    """``<tag format="fmt"><text>html</text></tag>``; markup goes in a CDATA section, as Moodle
    writes it (escaped instead if the text could end the section)."""
    element = etree.SubElement(parent, tag)
    if fmt:
        element.set("format", fmt)
    _set_text(etree.SubElement(element, "text"), html or "")
    return element


def _set_text(element: etree._Element, value: str) -> None:
    value = _clean(value)
    element.text = etree.CDATA(value) if re.search("[<>&]", value) and "]]>" not in value else value


def _leaf(parent: etree._Element, tag: str, value: str) -> etree._Element:
    element = etree.SubElement(parent, tag)
    element.text = _clean(value)
    return element


def _xml_category(quiz_root: etree._Element, module: Module) -> None:
    question = etree.SubElement(quiz_root, "question", type="category")
    category = etree.SubElement(question, "category")
    _set_text(etree.SubElement(category, "text"), category_path(module))
    _text(question, "info", text_html(module.summary, block=True))
    _leaf(question, "idnumber", module.id)


def _xml_question(quiz_root: etree._Element, question: Question) -> None:
    kind = "truefalse" if question.type == "true_false" else "multichoice"
    element = etree.SubElement(quiz_root, "question", type=kind)
    name = etree.SubElement(element, "name")
    _set_text(etree.SubElement(name, "text"), question.id)
    _text(element, "questiontext", text_html(question.stem, block=True))
    _text(element, "generalfeedback", text_html(question.explanation, block=True))
    _leaf(element, "defaultgrade", "1")
    _leaf(element, "penalty", "1" if kind == "truefalse" else "0.3333333")
    _leaf(element, "hidden", "0")
    _leaf(element, "idnumber", question.id)
    if kind == "truefalse":
        is_true, on_true, on_false = _true_false(question)
        for answer, fraction, feedback in (("true", is_true, on_true), ("false", not is_true, on_false)):
            node = etree.SubElement(element, "answer", fraction="100" if fraction else "0", format="moodle_auto_format")
            _leaf(node, "text", answer)
            _text(node, "feedback", text_html(feedback))
        return
    single = question.type == "single"
    _leaf(element, "single", "true" if single else "false")
    _leaf(element, "shuffleanswers", "false" if question.keep_order else "true")
    _leaf(element, "answernumbering", "none")
    _leaf(element, "showstandardinstruction", "1")
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(element, tag, "")
    if not single:
        etree.SubElement(element, "shownumcorrect")
    for option, weight in zip(question.options, _weights(question)):
        node = etree.SubElement(element, "answer", fraction=weight, format="html")
        _set_text(etree.SubElement(node, "text"), text_html(option.text))
        _text(node, "feedback", text_html(option.feedback))


def moodle_xml(project: Project, module_ids: list[str] | None = None) -> bytes:
    """The question banks of the modules (all that have one, or those named) in Moodle XML,
    UTF-8: for each module a category, then its questions. Raises ContentError as :func:`gift`."""
    root = etree.Element("quiz")
    for module, quiz in _banks(project, module_ids):
        root.append(etree.Comment(f" module {module.id}: {len(quiz.questions)} questions, pass mark {quiz.pass_mark}% ".replace("--", "- -")))
        _xml_category(root, module)
        for question in quiz.questions:
            _xml_question(root, question)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --- files ---------------------------------------------------------------------------------------


def lms_files(project: Project) -> dict[str, bytes]:
    """Every export by file name: ``<module>.gift.txt`` and ``<module>.moodle.xml`` for each module
    that has a question bank, and ``courseware.gift.txt`` / ``courseware.moodle.xml`` with all of
    them. For a build that hands files to a publisher without writing them."""
    files: dict[str, bytes] = {}
    for module, _quiz in _banks(project, None):
        files[f"{module.id}.gift.txt"] = gift(project, [module.id]).encode("utf-8")
        files[f"{module.id}.moodle.xml"] = moodle_xml(project, [module.id])
    files[f"{ALL_MODULES}.gift.txt"] = gift(project).encode("utf-8")
    files[f"{ALL_MODULES}.moodle.xml"] = moodle_xml(project)
    return files


def write_lms_exports(project: Project, out_dir: Path) -> list[Path]:
    """Write :func:`lms_files` into ``out_dir`` (created if need be); return the paths written.
    Raises ContentError on content an LMS cannot take and on a folder that cannot be written."""
    files = lms_files(project)
    out = Path(out_dir)
    written = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            path = out / name
            path.write_bytes(data)
            written.append(path)
    except OSError as exc:
        raise ContentError(Problem(str(out), 0, f"cannot write the LMS exports: {exc.strerror or exc}")) from None
    return written
