"""Question banks for an LMS (issue 5): GIFT and Moodle XML, parsed back and compared question by
question with the source YAML, for the fixture, for a copy full of the characters each format
reserves, and for the real content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from courseware.export.lms import MOODLE_GRADES, gift, gift_escape, lms_files, moodle_xml, text_html, write_lms_exports
from courseware.generate.common import inline_html
from courseware.model import Option
from courseware.pipeline import check_project
from courseware.problems import ContentError

from conftest import FIXTURE, ROOT, edit

TRUE, FALSE = "נכון", "לא נכון"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CATEGORY_ROOT = "$course$/courseware/"
GRADES = {float(g) for g in MOODLE_GRADES} | {-float(g) for g in MOODLE_GRADES} | {0.0}

# Texts holding every character GIFT reserves, a backslash before several of them, Hebrew with
# its quotation marks (gershayim, geresh, plain quotes), and what HTML and XML reserve.
SPECIAL = 'תב"ת אמרה: "כן" ~ לא = {אולי} #1 \\ סוף'
SPECIAL_STEM = 'מה עושים כש-מל"ל כותב: {א} = ~ב~ #ג \\ C:\\new\\: a\\=b a\\~c? <b>&amp; ]]> מנכ״ל צ׳אט \'x\''
SPECIAL_TITLE = "יסוד/מבוא: {ראשון} #1 = ~ ]]> \"ציטוט\""


# --- a small GIFT parser, written from the GIFT documentation ------------------------------------

ESCAPABLE = "\\~=#{}:n"


class Toks:
    """A GIFT text with its escapes resolved: ``chars`` is the text, ``bare`` the same with every
    escaped character blanked out, so that the structure is read from the unescaped ones only."""

    def __init__(self, chars: str = "", bare: str = ""):
        self.chars, self.bare = chars, bare

    @classmethod
    def of(cls, text: str) -> "Toks":
        chars, bare, i = [], [], 0
        while i < len(text):
            if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
                chars.append("\n" if text[i + 1] == "n" else text[i + 1])
                bare.append("\0")
                i += 2
            else:
                chars.append(text[i])
                bare.append(text[i])
                i += 1
        return cls("".join(chars), "".join(bare))

    def __iter__(self):
        return iter(zip(self.chars, (b == "\0" for b in self.bare)))

    def __len__(self) -> int:
        return len(self.chars)

    def __getitem__(self, key: slice) -> "Toks":
        return Toks(self.chars[key], self.bare[key])

    def text(self) -> str:
        return self.chars

    def startswith(self, pattern: str) -> bool:
        return self.bare.startswith(pattern)

    def find(self, pattern: str, start: int = 0) -> int:
        return self.bare.find(pattern, start)

    def rfind(self, pattern: str) -> int:
        return self.bare.rfind(pattern)

    def strip(self) -> "Toks":
        start, end = 0, len(self)
        while start < end and self.bare[start].isspace():
            start += 1
        while end > start and self.bare[end - 1].isspace():
            end -= 1
        return self[start:end]

    def split(self, char: str, limit: int) -> list["Toks"]:
        parts, start = [], 0
        while len(parts) < limit - 1 and (at := self.find(char, start)) >= 0:
            parts.append(self[start:at])
            start = at + 1
        return parts + [self[start:]]


def _answer_and_feedback(toks: Toks) -> tuple[str, str]:
    parts = toks.split("#", 2)
    return parts[0].strip().text(), (parts[1].strip().text() if len(parts) > 1 else "")


def parse_gift_question(body: str) -> dict:
    toks = Toks.of(body)
    question: dict = {"id": None}
    if toks.startswith("::"):
        end = toks.find("::", 2)
        assert end > 0, body
        question["id"] = toks[2:end].text()
        toks = toks[end + 2 :].strip()
    question["format"] = "moodle"
    if toks.startswith("["):
        end = toks.find("]")
        question["format"] = toks[1:end].text()
        toks = toks[end + 1 :]
    opening, closing = toks.find("{"), toks.find("}")
    assert 0 <= opening < closing, body
    assert not len(toks[closing + 1 :].strip()), f"text after the answers: {body}"
    question["stem"] = toks[:opening].strip().text()
    answers = toks[opening + 1 : closing].strip()
    general = answers.rfind("####")
    question["general"] = answers[general + 4 :].strip().text() if general >= 0 else ""
    if general >= 0:
        answers = answers[:general].strip()
    if answers.find("~") >= 0:
        question["type"] = "single" if answers.find("=") >= 0 else "multiple"
        marks = [i for i, b in enumerate(answers.bare) if b in "~="]
        assert marks and not len(answers[: marks[0]].strip()), f"text before the first answer: {body}"
        question["answers"] = []
        for at, following in zip(marks, marks[1:] + [len(answers)]):
            marker, part = answers.bare[at], answers[at + 1 : following].strip()
            weight = 100.0 if marker == "=" else 0.0
            if marker == "~" and part.startswith("%"):
                end = part.find("%", 1)
                weight = float(part[1:end].text())
                part = part[end + 1 :]
            text, feedback = _answer_and_feedback(part)
            question["answers"].append({"weight": weight, "text": text, "feedback": feedback})
    else:
        parts = answers.split("#", 3)
        head = parts[0].strip().text()
        assert head in ("T", "TRUE", "F", "FALSE"), body
        question["type"] = "true_false"
        question["true"] = head in ("T", "TRUE")
        question["wrong"] = parts[1].strip().text() if len(parts) > 1 else ""
        question["right"] = parts[2].strip().text() if len(parts) > 2 else ""
    return question


def parse_gift(source: str) -> list[dict]:
    """Questions in file order, each with the category it falls in and its [id:] comment."""
    blocks, current = [], []
    for line in source.splitlines() + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    questions, category = [], None
    for lines in blocks:
        comments = [line for line in lines if line.startswith("//")]
        body = "\n".join(line for line in lines if not line.startswith("//")).strip()
        if not body:
            continue
        if body.startswith("$CATEGORY:"):
            category = body[len("$CATEGORY:") :].strip()  # Moodle reads it as it is
            continue
        question = parse_gift_question(body)
        question["category"] = category
        ids = [m.group(1) for c in comments for m in re.finditer(r"\[id:((?:\\]|[^]])+)\]", c)]
        question["idnumber"] = ids[0].replace("\\]", "]") if ids else None
        questions.append(question)
    return questions


# --- the source YAML, read directly ---------------------------------------------------------------


def norm(text) -> str:
    return " ".join(str(text or "").split())


def plain(html: str, tag: str | None = None) -> str:
    """The text a learner reads in an HTML text of the export; it must read right to left."""
    if not html:
        return ""
    element = lxml.html.fragment_fromstring(html)
    assert element.get("dir") == "rtl", html
    if tag:
        assert element.tag == tag, html
    return norm(element.text_content())


def category_of(title: str) -> str:
    return CATEGORY_ROOT + norm(title).replace("/", "//")


def source_banks(root: Path, module_ids: list[str] | None = None) -> list[tuple[str, dict, list[dict]]]:
    """(category, module, questions) per module with a bank, in the order of the module folders."""
    banks = []
    for folder in sorted((root / "modules").iterdir()):
        bank_file = root / "quizzes" / f"{folder.name}.yml"
        if not bank_file.exists() or (module_ids is not None and folder.name not in module_ids):
            continue
        module = yaml.load((folder / "module.yml").read_text(encoding="utf-8"), Loader=LOADER)
        bank = yaml.load(bank_file.read_text(encoding="utf-8"), Loader=LOADER)
        banks.append((category_of(module["title"]), module, bank["questions"]))
    return banks


def score(weights: list[float], chosen: set[int]) -> float:
    return max(0.0, sum(weights[i] for i in chosen))


def check_weights(options: list[dict], weights: list[float]) -> None:
    """Multiple choice: correct options share 100, wrong ones are negative, all-and-only scores
    full marks, a wrong choice costs, every option together scores nothing; Moodle's grades only."""
    correct = {i for i, o in enumerate(options) if o["correct"]}
    assert all(w in GRADES for w in weights), weights
    assert all(weights[i] > 0 for i in correct)
    assert len({weights[i] for i in correct}) == 1
    assert sum(weights[i] for i in correct) == pytest.approx(100, abs=0.01)
    assert all(weights[i] < 0 for i in range(len(options)) if i not in correct)
    assert score(weights, correct) == pytest.approx(100, abs=0.01)
    for wrong in set(range(len(options))) - correct:
        assert score(weights, correct | {wrong}) < 99.99
    if len(correct) < len(options):
        assert score(weights, set(range(len(options)))) == 0


def compare_gift(parsed: list[dict], banks) -> None:
    expected = [(category, q) for category, _module, questions in banks for q in questions]
    assert len(parsed) == len(expected)
    for got, (category, q) in zip(parsed, expected):
        where = q["id"]
        assert got["category"] == category, where
        assert got["id"] == q["id"] and got["idnumber"] == q["id"]
        assert got["format"] == "html", where
        assert plain(got["stem"], "div") == norm(q["stem"]), where
        assert plain(got["general"], "div") == norm(q["explanation"]), where
        assert got["type"] == q["type"], where
        options = q["options"]
        if q["type"] == "true_false":
            by_text = {norm(o["text"]): o for o in options}
            is_true = by_text[TRUE]["correct"]
            right, wrong = (by_text[TRUE], by_text[FALSE]) if is_true else (by_text[FALSE], by_text[TRUE])
            assert got["true"] is is_true, where
            assert plain(got["right"]) == norm(right["feedback"]), where
            assert plain(got["wrong"]) == norm(wrong["feedback"]), where
            continue
        assert [plain(a["text"], "span") for a in got["answers"]] == [norm(o["text"]) for o in options], where
        assert [plain(a["feedback"]) for a in got["answers"]] == [norm(o["feedback"]) for o in options], where
        weights = [a["weight"] for a in got["answers"]]
        if q["type"] == "single":
            assert weights == [100.0 if o["correct"] else 0.0 for o in options], where
        else:
            check_weights(options, weights)


# --- Moodle XML, read back with lxml -------------------------------------------------------------


def text_of(element, path: str) -> str:
    found = element.find(path)
    assert found is not None, path
    return found.text or ""


def html_of(element, tag: str) -> str:
    node = element.find(tag)
    assert node is not None and node.get("format") == "html", tag
    return text_of(node, "text")


def parse_moodle(data: bytes) -> list[dict]:
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(data)
    assert root.tag == "quiz"
    questions, category = [], None
    for element in root.iterchildren("question"):
        kind = element.get("type")
        if kind == "category":
            category = text_of(element, "category/text")
            assert element.find("info") is not None
            continue
        assert kind in ("multichoice", "truefalse"), kind
        question = {
            "category": category,
            "kind": kind,
            "name": text_of(element, "name/text"),
            "idnumber": text_of(element, "idnumber"),
            "stem": html_of(element, "questiontext"),
            "general": html_of(element, "generalfeedback"),
            "single": element.findtext("single"),
            "shuffle": element.findtext("shuffleanswers"),
            "answers": [
                {
                    "fraction": float(answer.get("fraction")),
                    "format": answer.get("format"),
                    "text": text_of(answer, "text"),
                    "feedback": html_of(answer, "feedback"),
                }
                for answer in element.iterchildren("answer")
            ],
        }
        assert text_of(element, "defaultgrade") == "1"
        questions.append(question)
    return questions


def compare_moodle(parsed: list[dict], banks) -> None:
    expected = [(category, q) for category, _module, questions in banks for q in questions]
    assert len(parsed) == len(expected)
    for got, (category, q) in zip(parsed, expected):
        where = q["id"]
        assert got["category"] == category, where
        assert got["name"] == q["id"] and got["idnumber"] == q["id"]
        assert plain(got["stem"], "div") == norm(q["stem"]), where
        assert plain(got["general"], "div") == norm(q["explanation"]), where
        options = q["options"]
        if q["type"] == "true_false":
            assert got["kind"] == "truefalse", where
            by_text = {norm(o["text"]): o for o in options}
            answers = {a["text"]: a for a in got["answers"]}
            assert sorted(answers) == ["false", "true"], where
            assert answers["true"]["fraction"] == (100 if by_text[TRUE]["correct"] else 0), where
            assert answers["false"]["fraction"] == (100 if by_text[FALSE]["correct"] else 0), where
            assert plain(answers["true"]["feedback"]) == norm(by_text[TRUE]["feedback"]), where
            assert plain(answers["false"]["feedback"]) == norm(by_text[FALSE]["feedback"]), where
            continue
        assert got["kind"] == "multichoice", where
        assert got["single"] == ("true" if q["type"] == "single" else "false"), where
        assert got["shuffle"] == ("false" if q.get("keep_order") else "true"), where
        assert all(a["format"] == "html" for a in got["answers"])
        assert [plain(a["text"], "span") for a in got["answers"]] == [norm(o["text"]) for o in options], where
        assert [plain(a["feedback"]) for a in got["answers"]] == [norm(o["feedback"]) for o in options], where
        fractions = [a["fraction"] for a in got["answers"]]
        if q["type"] == "single":
            assert fractions == [100.0 if o["correct"] else 0.0 for o in options], where
        else:
            check_weights(options, fractions)


# --- the projects ----------------------------------------------------------------------------------




def _rewrite(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


@pytest.fixture(scope="module")
def special_root(tmp_path_factory) -> Path:
    """The fixture with question texts full of what GIFT, HTML and XML reserve, Hebrew with quotes,
    a three-correct multiple-choice question kept in order, and a module title with / and ]]>."""
    root = tmp_path_factory.mktemp("special") / "project"
    shutil.copytree(FIXTURE, root)

    def zeta(bank):
        single, multiple, tf = bank["questions"]
        single["stem"] = SPECIAL_STEM
        single["options"][0].update(text="נכונה: {כן}", feedback=SPECIAL)
        single["options"][1].update(text="%50% מהמשתתפים = ~חצי~", feedback="לא #1 \\ נכון: ]]>")
        single["explanation"] = 'שורה ראשונה: "{א}"\nשורה שנייה = ~ב~ #3 \\n לא שורה חדשה'
        multiple["keep_order"] = True
        multiple["stem"] = "אילו נכונות? {סמנו} = ~כולן~"
        multiple["options"] = [
            {"text": "אחת: {1}", "correct": True, "feedback": "כן # 1"},
            {"text": "שתיים = 2", "correct": True, "feedback": 'כן, "2"'},
            {"text": "[html] שלוש ~3", "correct": False, "feedback": "לא: \\ 3"},
            {"text": "ארבע \\= 4", "correct": True, "feedback": "כן ~ 4"},
        ]
        multiple["explanation"] = SPECIAL
        tf["stem"] = "טענה: {תב\"ת} = #נכון?"
        tf["options"][0]["feedback"] = "לא: ~ הטענה # שגויה"
        tf["options"][1]["feedback"] = "כן = {נכון} \\"
        tf["explanation"] = "הסבר: ~~ ## {} ::"

    def alpha(bank):
        question = bank["questions"][0]
        question["stem"] = "::לא כותרת:: שאלה? {}"
        question["options"][0].update(text="כן #1", feedback="$CATEGORY: לא קטגוריה")
        question["explanation"] = "// לא הערה: ####"

    def beta(bank):
        question = bank["questions"][0]
        question["options"][0]["feedback"] = "T#F ####"
        question["options"][1]["feedback"] = "FALSE: }{"

    _rewrite(root / "quizzes/zeta-first.yml", zeta)
    _rewrite(root / "quizzes/alpha-second.yml", alpha)
    _rewrite(root / "quizzes/beta-advanced.yml", beta)
    edit(root / "modules/zeta-first/module.yml", "title: לומדת יסוד", "title: " + yaml.safe_dump(SPECIAL_TITLE, allow_unicode=True).splitlines()[0])
    edit(root / "modules/zeta-first/module.yml", "summary: הלומדה שבאה ראשונה במסלול.", "summary: 'סיכום: <i>{א}</i> & ]]>'")
    return root


@pytest.fixture(scope="module")
def special_project(special_root):
    checked = check_project(special_root)
    assert checked.ok, checked.report()
    return checked.project




# --- GIFT ------------------------------------------------------------------------------------------


def test_gift_of_the_fixture_reads_back_as_its_yaml(fixture_project):
    text = gift(fixture_project)
    parsed = parse_gift(text)
    compare_gift(parsed, source_banks(FIXTURE))
    assert [q["category"] for q in parsed] == [
        CATEGORY_ROOT + "לומדת המשך", CATEGORY_ROOT + "לומדה מתקדמת", *[CATEGORY_ROOT + "לומדת יסוד"] * 3
    ]
    # the forms the GIFT documentation gives for each type
    assert "\tF#" in text and "\tT#" in text and "\t~%50%" in text and "\t~%-100%" in text and "\t=" in text
    assert text.count("$CATEGORY: ") == 3


def test_gift_escapes_every_reserved_character(special_root, special_project):
    text = gift(special_project)
    compare_gift(parse_gift(text), source_banks(special_root))
    # On every line, the only bare reserved characters are the marks of the GIFT structure.
    for line in text.splitlines():
        if not line.strip() or line.startswith(("//", "$CATEGORY:")):
            continue
        bare = "".join(char for char, escaped in Toks.of(line.strip()) if not escaped and char in "~=#{}:")
        assert bare in ("::::{", "=", "=#", "~", "~#", "####", "}", "#", "##"), (bare, line)
    assert 'מנכ״ל צ׳אט' in text and 'תב"ת' in text  # Hebrew and its quotes as they are
    assert re.search(r"(?<!\\)\\n לא שורה חדשה", text) is None  # a backslash and n, not a line break
    assert "\\\\n לא שורה חדשה" in text
    # the category line is not unescaped by Moodle, so only / is doubled in it
    assert f"$CATEGORY: {category_of(SPECIAL_TITLE)}\n" in text


def test_gift_three_correct_options_share_100(special_project):
    multiple = next(q for q in parse_gift(gift(special_project, ["zeta-first"])) if q["id"] == "q-multiple")
    assert [a["weight"] for a in multiple["answers"]] == [33.33333, 33.33333, -100.0, 33.33333]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_characters="\r", blacklist_categories=("Cs",))))
def test_gift_escape_round_trips_any_text(text):
    escaped = gift_escape(text)
    assert "\n" not in escaped
    assert Toks.of(escaped).text() == text
    assert all(escaped_flag or char not in "~=#{}:" for char, escaped_flag in Toks.of(escaped))


def test_gift_of_chosen_modules(fixture_project):
    parsed = parse_gift(gift(fixture_project, ["zeta-first", "alpha-second"]))
    compare_gift(parsed, source_banks(FIXTURE, ["zeta-first"]) + source_banks(FIXTURE, ["alpha-second"]))


# --- Moodle XML ------------------------------------------------------------------------------------


def test_moodle_xml_of_the_fixture_reads_back_as_its_yaml(fixture_project):
    data = moodle_xml(fixture_project)
    compare_moodle(parse_moodle(data), source_banks(FIXTURE))
    root = etree.fromstring(data)
    kinds = [q.get("type") for q in root.iterchildren("question")]
    assert kinds == ["category", "multichoice", "category", "truefalse", "category", "multichoice", "multichoice", "truefalse"]
    assert "לומדת יסוד".encode() in data  # UTF-8 as it is, not character references
    assert b"&#" not in data
    assert b"<![CDATA[<div dir=\"rtl\">" in data


def test_moodle_xml_keeps_special_characters(special_root, special_project):
    data = moodle_xml(special_project)
    compare_moodle(parse_moodle(data), source_banks(special_root))
    root = etree.fromstring(data)
    [category] = root.xpath("question[@type='category'][idnumber='zeta-first']")
    assert text_of(category, "category/text") == category_of(SPECIAL_TITLE)
    assert plain(text_of(category, "info/text"), "div") == "סיכום: <i>{א}</i> & ]]>"
    [stem] = root.xpath("question[name/text='q-single']/questiontext/text/text()")
    assert "&lt;b&gt;&amp;amp;" in stem  # HTML in a text shows as text, as on the site


# --- refusals: bad input ends in a ContentError, never a traceback -----------------------------------


def test_unknown_module_and_module_without_bank_are_refused(fixture_project):
    with pytest.raises(ContentError, match="there is no module 'nope'"):
        gift(fixture_project, ["nope"])
    with pytest.raises(ContentError, match="there is no module 'nope'"):
        moodle_xml(fixture_project, ["nope"])


def test_questions_an_lms_cannot_take_are_refused():
    def broken(change):
        project = check_project(FIXTURE).project
        question = project.quiz_for("zeta-first").questions
        change({q.id: q for q in question})
        return project

    def eleven_correct(qs):
        qs["q-multiple"].options = [Option(f"o{i}", True, "", qs["q-multiple"].loc) for i in range(11)]

    def bad_true_false(qs):
        qs["q-tf"].options[0].text = "כן"

    def two_correct_single(qs):
        for option in qs["q-single"].options:
            option.correct = True

    def no_correct(qs):
        for option in qs["q-multiple"].options:
            option.correct = False

    for change, message in [
        (eleven_correct, "11 correct options"),
        (bad_true_false, "is true_false but"),
        (two_correct_single, "single-choice but has 2"),
        (no_correct, "has no correct option"),
    ]:
        project = broken(change)
        for export in (gift, moodle_xml):
            with pytest.raises(ContentError, match=message) as caught:
                export(project)
            assert caught.value.problem.path == "quizzes/zeta-first.yml" and caught.value.problem.line > 0


def test_ten_correct_and_many_wrong_options_still_export():
    project = check_project(FIXTURE).project
    question = next(q for q in project.quiz_for("zeta-first").questions if q.id == "q-multiple")
    question.options = [Option(f"נכונה {i}", True, "", question.loc) for i in range(10)] + [
        Option(f"שגויה {i}", False, "", question.loc) for i in range(12)
    ]
    parsed = next(q for q in parse_gift(gift(project)) if q["id"] == "q-multiple")
    options = [{"correct": o.correct} for o in question.options]
    check_weights(options, [a["weight"] for a in parsed["answers"]])
    assert {a["weight"] for a in parsed["answers"]} == {10.0, -10.0}
    fractions = [float(a.get("fraction")) for a in etree.fromstring(moodle_xml(project)).xpath("question[name/text='q-multiple']/answer")]
    check_weights(options, fractions)


# --- files -------------------------------------------------------------------------------------------


def test_write_lms_exports(fixture_project, tmp_path):
    out = tmp_path / "downloads" / "quizzes"
    written = write_lms_exports(fixture_project, out)
    names = sorted(p.name for p in written)
    assert names == sorted(
        [f"{m}.{kind}" for m in ("alpha-second", "beta-advanced", "zeta-first") for kind in ("gift.txt", "moodle.xml")]
        + ["courseware.gift.txt", "courseware.moodle.xml"]
    )
    assert all(p.parent == out and p.stat().st_size > 0 for p in written)
    for module_id in ("alpha-second", "beta-advanced", "zeta-first"):
        banks = source_banks(FIXTURE, [module_id])
        compare_gift(parse_gift((out / f"{module_id}.gift.txt").read_text(encoding="utf-8")), banks)
        compare_moodle(parse_moodle((out / f"{module_id}.moodle.xml").read_bytes()), banks)
    compare_gift(parse_gift((out / "courseware.gift.txt").read_text(encoding="utf-8")), source_banks(FIXTURE))
    compare_moodle(parse_moodle((out / "courseware.moodle.xml").read_bytes()), source_banks(FIXTURE))
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    with pytest.raises(ContentError, match="cannot write the LMS exports"):
        write_lms_exports(fixture_project, blocked / "sub")


# --- the real content ----------------------------------------------------------------------------------


def test_the_real_content_exports_and_reads_back(real_project):
    files = lms_files(real_project)
    banks = source_banks(ROOT)
    assert len(banks) == len(real_project.quizzes) >= 20
    assert len(files) == 2 * len(banks) + 2
    compare_gift(parse_gift(files["courseware.gift.txt"].decode("utf-8")), banks)
    compare_moodle(parse_moodle(files["courseware.moodle.xml"]), banks)
    for _category, module, _questions in banks:
        assert files[f"{module['id']}.gift.txt"].decode("utf-8").count("$CATEGORY: ") == 1
        etree.fromstring(files[f"{module['id']}.moodle.xml"])


@pytest.mark.parametrize("text", [
    SPECIAL, SPECIAL_STEM, "*חשוב* מאוד", "`קוד` ו-_נטוי_", "1. ראשון", "- פריט", "+ פריט", "# כותרת",
    "שורה  \nשורה", "[קישור](https://example.org)", "<script>alert(1)</script>", "תב\"ת & שותפים", "  רווח  ",
    "כ-80% מהמשתתפים", "",
])
def test_texts_render_as_the_site_renders_them(text):
    rendered = " ".join(inline_html(text).split())
    expected = "" if not rendered else (
        f'<div dir="rtl">{rendered}</div>' if rendered.startswith(("<p>", "<ol>", "<ul>", "<h1>")) else f'<span dir="rtl">{rendered}</span>'
    )
    assert text_html(text) == expected
    assert text_html(text, block=True) == (f'<div dir="rtl">{rendered}</div>' if rendered else "")
