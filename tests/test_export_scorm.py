"""A module as a SCORM 1.2 package (courseware.export.scorm): the manifest against the SCORM 1.2
schemas, the files it lists against the files in the zip, nothing addressed outside the package,
and in Chromium the package inside a page with a fake LMS API (the calls it receives) and alone."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree

from conftest import ROOT, _serve, run_axe
from courseware.export.scorm import CONTROL_DOCUMENTS, MANIFEST, css_subset, package_name, scorm_files, scorm_package
from courseware.problems import ContentError

SHARED_SCHEMAS = ROOT.parent / "shared" / "schemas" / "scorm12"
PROJECT_SCHEMAS = ROOT / "scripts" / "courseware" / "export" / "scorm12"
SCHEMAS = SHARED_SCHEMAS if (SHARED_SCHEMAS / "imscp_rootv1p1p2.xsd").exists() else PROJECT_SCHEMAS
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
NS = {"cp": IMSCP, "adlcp": ADLCP}
TEXT_FILES = (".html", ".css", ".js")


# --- packages, built once ----------------------------------------------------------------------



@pytest.fixture(scope="module")
def packages(fixture_project, real_project, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("scorm")
    return {
        "zeta-first": scorm_package(fixture_project, "zeta-first", out),
        "mentor-role": scorm_package(real_project, "mentor-role", out / "mentor.zip"),
    }


MODULES = ["zeta-first", "mentor-role"]


def _zip(packages, module_id) -> zipfile.ZipFile:
    return zipfile.ZipFile(packages[module_id])


def _manifest(archive: zipfile.ZipFile):
    return etree.fromstring(archive.read(MANIFEST))


# --- the manifest ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scorm12_schema(tmp_path_factory):
    """The SCORM 1.2 schema: IMS CP 1.1.2 (imscp_rootv1p1p2.xsd) with ADL's adlcp extension,
    loaded from the published files through a small wrapper that imports their namespaces.

    The published ims_xml.xsd declares the XML namespace as its default namespace, which
    Namespaces in XML forbids and libxml2 refuses; the wrapper therefore imports the XML
    namespace first from a copy without that one declaration, and libxml2 then skips the import
    of ims_xml.xsd inside imscp_rootv1p1p2.xsd (a namespace is imported once). The IMS and ADL
    schemas themselves are used as published."""
    folder = tmp_path_factory.mktemp("xsd")
    xml_xsd = folder / "xml.xsd"
    text = (SCHEMAS / "ims_xml.xsd").read_text(encoding="utf-8-sig")
    fixed = text.replace(f' xmlns="{XML_NAMESPACE}"', "", 1)
    assert fixed != text
    xml_xsd.write_text(fixed, encoding="utf-8")
    wrapper = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="{XML_NAMESPACE}" schemaLocation="{xml_xsd.as_uri()}"/>
  <xsd:import namespace="{IMSCP}" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="{ADLCP}" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>"""
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), parser, base_url=(SCHEMAS / "wrapper.xsd").as_uri()))


@pytest.mark.parametrize("module_id", MODULES)
def test_manifest_at_root_validates_against_scorm12(packages, module_id, scorm12_schema):
    archive = _zip(packages, module_id)
    assert MANIFEST in archive.namelist()  # at the root, not in a folder
    manifest = _manifest(archive)
    assert scorm12_schema.validate(manifest), scorm12_schema.error_log
    assert manifest.tag == f"{{{IMSCP}}}manifest"
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"


def test_the_schema_refuses_a_broken_manifest(packages, scorm12_schema):
    """The validation has teeth: an unknown scormtype, or an adlcp element SCORM 1.2 does not
    define, is refused."""
    text = _zip(packages, "zeta-first").read(MANIFEST)
    assert scorm12_schema.validate(etree.fromstring(text))
    for broken in (
        text.replace(b'adlcp:scormtype="sco"', b'adlcp:scormtype="lesson"'),
        text.replace(b"<adlcp:masteryscore>", b"<adlcp:mastery/><adlcp:masteryscore>"),
        text.replace(b' identifier="ITEM-zeta-first"', b""),  # an item needs an identifier
    ):
        assert broken != text
        assert not scorm12_schema.validate(etree.fromstring(broken))


@pytest.mark.parametrize("module_id", MODULES)
def test_one_organization_one_sco_and_the_pass_mark(packages, module_id, fixture_project, real_project):
    project = fixture_project if module_id == "zeta-first" else real_project
    module, quiz = project.module(module_id), project.quiz_for(module_id)
    manifest = _manifest(_zip(packages, module_id))
    organizations = manifest.find("cp:organizations", NS)
    [organization] = organizations.findall("cp:organization", NS)
    assert organizations.get("default") == organization.get("identifier")
    assert organization.findtext("cp:title", namespaces=NS) == module.title  # Hebrew intact
    [item] = organization.findall("cp:item", NS)
    assert item.findtext("adlcp:masteryscore", namespaces=NS) == str(quiz.pass_mark)
    resources = {r.get("identifier"): r for r in manifest.findall("cp:resources/cp:resource", NS)}
    sco = resources[item.get("identifierref")]
    assert sco.get(f"{{{ADLCP}}}scormtype") == "sco"
    assert sco.get("href") == "index.html"
    [asset] = [r for r in resources.values() if r is not sco]
    assert asset.get(f"{{{ADLCP}}}scormtype") == "asset"
    assert [d.get("identifierref") for d in sco.findall("cp:dependency", NS)] == [asset.get("identifier")]
    pages = [f.get("href") for f in sco.findall("cp:file", NS)]
    assert pages == ["index.html", "start.html"] + [f"lesson-{n}.html" for n in range(1, len(module.lessons) + 1)] + ["quiz.html"]


@pytest.mark.parametrize("module_id", MODULES)
def test_every_file_listed_and_every_listed_file_there(packages, module_id):
    archive = _zip(packages, module_id)
    names = [info.filename for info in archive.infolist()]
    assert len(names) == len(set(names))
    assert not [n for n in names if n.endswith("/")]
    listed = [f.get("href") for f in _manifest(archive).iterfind(".//cp:file", NS)]
    assert len(listed) == len(set(listed))
    # the manifest and its control documents are the package's frame, not its content
    assert set(listed) == set(names) - {MANIFEST, *CONTROL_DOCUMENTS}
    for name in ("index.html", "quiz.html", "assets/javascripts/courseware-core.js", "assets/fonts/LICENSE-Heebo.txt"):
        assert name in listed
    assert [n for n in names if n.startswith("assets/fonts/heebo-") and n.endswith(".woff2")]


@pytest.mark.parametrize("module_id", MODULES)
def test_control_documents_are_exact_copies(packages, module_id):
    archive = _zip(packages, module_id)
    for name in CONTROL_DOCUMENTS:
        assert archive.read(name) == (SCHEMAS / name).read_bytes(), name


_URL_ATTR = re.compile(r"""\b(?:href|src|action|poster|data|srcset|formaction)\s*=\s*(["'])(.*?)\1""", re.S | re.I)
_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]*)\1\s*\)|@import\s+(["'])(.*?)\3""", re.I)


def _references(name: str, text: str) -> list[str]:
    if name.endswith(".html"):
        refs = [m.group(2) for m in _URL_ATTR.finditer(text)]
        styles = re.findall(r"<style\b.*?</style>|\bstyle\s*=\s*\"[^\"]*\"", text, re.S | re.I)
        refs += [m.group(2) or m.group(4) for s in styles for m in _CSS_URL.finditer(s)]
        return refs
    if name.endswith(".css"):
        return [m.group(2) or m.group(4) for m in _CSS_URL.finditer(text)]
    return []


@pytest.mark.parametrize("module_id", MODULES)
def test_nothing_addressed_outside_the_package(packages, module_id):
    archive = _zip(packages, module_id)
    assert _outside_references({name: archive.read(name) for name in archive.namelist()}) > 20


def test_every_real_module_exports(real_project, scorm12_schema):
    """All the modules of the real content: a valid manifest, every file listed, nothing
    addressed outside the package."""
    assert len(real_project.modules) >= 10
    for module in real_project.modules:
        files = scorm_files(real_project, module.id)
        manifest = etree.fromstring(files[MANIFEST])
        assert scorm12_schema.validate(manifest), (module.id, scorm12_schema.error_log)
        listed = {f.get("href") for f in manifest.iterfind(".//cp:file", NS)}
        assert listed == set(files) - {MANIFEST, *CONTROL_DOCUMENTS}, module.id
        _outside_references(files)


def _outside_references(files: dict[str, bytes]) -> int:
    """Check the package's pages, styles and scripts address nothing outside it; returns how
    many references to its own files were followed."""
    names = set(files)
    checked = 0
    for name in names:
        if not name.endswith(TEXT_FILES):
            continue
        text = files[name].decode("utf-8")
        assert not re.search(r"https?:", text, re.I), f"{name} names a web address"
        assert not re.search(r"""["'(=]\s*//""", text), f"{name} has a protocol-relative address"
        if name.endswith(".js"):
            assert not re.search(r"\b(?:fetch|XMLHttpRequest|importScripts|sendBeacon|WebSocket)\b", text), name
        for ref in _references(name, text):
            parts = urlsplit(ref)
            if ref.startswith("#") or parts.scheme == "mailto":
                continue
            assert not parts.scheme and not parts.netloc, f"{name}: {ref}"
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            assert target in names, f"{name} refers to {ref}, which the package does not hold"
            checked += 1
    return checked


@pytest.mark.parametrize("module_id", MODULES)
def test_pages_are_hebrew_right_to_left_with_the_lessons_text(packages, module_id, fixture_project, real_project):
    project = fixture_project if module_id == "zeta-first" else real_project
    module = project.module(module_id)
    archive = _zip(packages, module_id)
    pages = [n for n in archive.namelist() if n.endswith(".html")]
    assert len(pages) == len(module.lessons) + 3
    for name in pages:
        text = archive.read(name).decode("utf-8")
        assert text.startswith("<!doctype html>\n<html lang=\"he\" dir=\"rtl\""), name
        assert '<meta charset="utf-8">' in text
    for number, lesson in enumerate(module.lessons, 1):
        html = archive.read(f"lesson-{number}.html").decode("utf-8")
        assert f"<title>{lesson.title} · {module.title}</title>" in html
        for heading in lesson.doc.headings:
            assert f'id="{heading.anchor}"' in html, heading.text  # the site's anchors
        assert "מקורות" in html
    quiz = project.quiz_for(module_id)
    quiz_html = archive.read("quiz.html").decode("utf-8")
    assert quiz_html.count('<fieldset class="cw-question"') == len(quiz.questions)
    assert 'class="cw-learner' not in quiz_html  # the site's progress hook stays on the site
    assert quiz_html.index("courseware-core.js") < quiz_html.index("scorm-quiz.js")


def test_lesson_markdown_renders_as_on_the_site(tmp_path, fixture_project):
    """Boxes, folded boxes, tables, task lists and attributes; links to a lesson of the module
    point into the package, links elsewhere keep their words only."""
    lesson = fixture_project.module("zeta-first").lessons[0]
    lesson.doc.body += (
        '\n\n!!! note "מעבר למקורות"\n    עצה.\n\n??? example "מקרה"\n    סיפור.\n\n'
        "| א | ב |\n|---|---|\n| 1 | 2 |\n\n- [ ] לבדוק\n- [x] נבדק\n\n"
        "[אתר](https://example.org/x) ו[דואל](mailto:a@example.org) ו[מודול אחר](../alpha-second/index.md) "
        "ו[הבוחן](quiz.md) ו[כאן](#הסעיף-השני)\n\n{ .special }\n"
    )
    try:
        files = scorm_files(fixture_project, "zeta-first")
    finally:
        lesson.doc.body = lesson.doc.body.split("\n\n!!! note")[0]
    html = files["lesson-1.html"].decode("utf-8")
    assert '<div class="admonition note">' in html and '<p class="admonition-title">מעבר למקורות</p>' in html
    assert '<details class="example">' in html and "<summary>מקרה</summary>" in html
    assert '<div class="cw-table" role="region" aria-label="טבלה" tabindex="0"><table>' in html
    assert 'class="task-list"' in html and "checked" in html
    assert '<label class="task-list-control" aria-hidden="true">' in html  # marks, not controls
    assert '<span class="cw-offsite">לנוהל</span>' in html  # ../../procedures/first-procedure.md
    assert '<a href="lesson-2.html#תרגול">הבא</a>' in html
    assert '<span class="cw-offsite">אתר</span>' in html and "example.org/x" not in html
    assert '<a href="mailto:a@example.org">דואל</a>' in html
    assert '<span class="cw-offsite">מודול אחר</span>' in html
    assert '<a href="quiz.html">הבוחן</a>' in html
    assert '<a href="#הסעיף-השני">כאן</a>' in html


def test_links_to_the_site_with_its_address(fixture_project):
    """Given the published site's address, links to pages the package does not hold open them on
    the site, in a new window; links inside the package are unchanged."""
    files = scorm_files(fixture_project, "zeta-first", site="https://kb.example.org/he/")
    html = files["lesson-1.html"].decode("utf-8")
    assert '<a href="https://kb.example.org/he/procedures/first-procedure/" target="_blank" rel="noopener">לנוהל</a>' in html
    assert '<a href="lesson-2.html#תרגול">הבא</a>' in html
    assert "cw-offsite" not in html
    assert files["quiz.html"] == scorm_files(fixture_project, "zeta-first")["quiz.html"]


def test_same_content_same_bytes_and_out_path(tmp_path, fixture_project):
    first = scorm_package(fixture_project, "zeta-first", tmp_path / "a" / "one.zip")
    second = scorm_package(fixture_project, "zeta-first", tmp_path)
    assert first == tmp_path / "a" / "one.zip"
    assert second == tmp_path / package_name("zeta-first")
    assert first.read_bytes() == second.read_bytes()
    assert not list(tmp_path.rglob("*.partial"))
    assert zipfile.ZipFile(first).namelist()[0] == MANIFEST


def test_refusals_are_content_errors(tmp_path, fixture_project):
    with pytest.raises(ContentError, match="no module 'nowhere'"):
        scorm_package(fixture_project, "nowhere", tmp_path)
    (tmp_path / "theme").mkdir()
    with pytest.raises(ContentError, match="theme files are missing"):
        scorm_package(fixture_project, "zeta-first", tmp_path, theme=tmp_path / "theme")
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(ContentError, match="cannot write the SCORM package"):
        scorm_package(fixture_project, "zeta-first", tmp_path / "file" / "x.zip")
    assert not list(tmp_path.glob("*.zip"))


def test_css_subset_keeps_only_rules_the_pages_use():
    css = """/* c */
:root { --x: 1; }
.md-typeset .cw-quiz { a: 1; }
.md-typeset .cw-mine, .md-typeset .cw-pager a:not(.md-button) { b: 2; }
.md-footer { c: 3; }
@media print { body.cw-printing .md-header { d: 4; } }
@media (min-width: 10em) { .cw-pager { content: "{"; } }
"""
    out = css_subset(css, {"md-typeset", "cw-quiz", "cw-pager"})
    assert ":root { --x: 1;" in out
    assert ".md-typeset .cw-quiz { a: 1;" in out
    assert ".md-typeset .cw-pager a:not(.md-button) { b: 2;" in out and "cw-mine" not in out
    assert "md-footer" not in out and "@media print" not in out
    assert '@media (min-width: 10em) {\n  .cw-pager { content: "{";' in out


def test_quiz_markup_is_the_sites(packages, fixture_project):
    """The quiz reuses the generated quiz markup: the same questions, options and data."""
    from courseware.generate.course import _question_html

    module = fixture_project.module("zeta-first")
    quiz = fixture_project.quiz_for("zeta-first")
    html = _zip(packages, "zeta-first").read("quiz.html").decode("utf-8")
    for number, question in enumerate(quiz.questions, 1):
        site = _question_html(question, number, len(quiz.questions), module, fixture_project, module.quiz_site_path)
        first_line = site.split("\n", 1)[0]
        assert first_line in html
        assert f'data-correct="{",".join(map(str, question.correct_indexes))}"' in first_line


# --- in the browser ----------------------------------------------------------------------------

FAKE_LMS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A fake LMS</title><link rel="icon" href="data:,">
<script>
  // A SCORM 1.2 API that records every call, and every call made outside a session.
  window.calls = [];
  window.misuse = [];
  var state = "new";
  var data = DATA;
  function record(name, args) {
    calls.push([name].concat(Array.prototype.slice.call(args)));
  }
  window.API = {
    LMSInitialize: function (p) { record("LMSInitialize", arguments); if (state !== "new" || p !== "") misuse.push("init"); state = "open"; return "true"; },
    LMSFinish: function (p) { record("LMSFinish", arguments); if (state !== "open" || p !== "") misuse.push("finish"); state = "done"; return "true"; },
    LMSGetValue: function (k) { record("LMSGetValue", arguments); if (state !== "open") misuse.push("get " + k); return k in data ? data[k] : ""; },
    LMSSetValue: function (k, v) { record("LMSSetValue", arguments); if (state !== "open") misuse.push("set " + k); if (typeof v !== "string") misuse.push("not a string: " + k); data[k] = v; return "true"; },
    LMSCommit: function (p) { record("LMSCommit", arguments); if (state !== "open" || p !== "") misuse.push("commit"); return "true"; },
    LMSGetLastError: function () { return "0"; },
    LMSGetErrorString: function () { return ""; },
    LMSGetDiagnostic: function () { return ""; }
  };
</script></head>
<body><iframe id="sco" src="package/index.html" title="SCO" style="width:100%;height:860px;border:0"></iframe></body></html>
"""

FIRST_LAUNCH = {"cmi.core.lesson_status": "not attempted", "cmi.core.entry": "ab-initio", "cmi.core.lesson_mode": "normal"}


def _serve_package(tmp_path: Path, package: Path, data: dict | None = None):
    import json

    folder = tmp_path / "lms"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / "package")
    (folder / "lms.html").write_text(FAKE_LMS.replace("DATA", json.dumps(data or FIRST_LAUNCH)), encoding="utf-8")
    return _serve(folder)


def _watch(page, base: str):
    """Page errors, console errors and every request that leaves the local server."""
    seen = {"errors": [], "outside": [], "fonts": []}
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and seen["errors"].append(msg.text))
    page.on("request", lambda req: None if req.url.startswith((base + "/", "about:", "data:")) else seen["outside"].append(req.url))
    page.on("response", lambda res: ".woff2" in res.url and res.ok and seen["fonts"].append(res.url.rsplit("/", 1)[-1]))
    page.on("response", lambda res: res.status >= 400 and seen["errors"].append(f"{res.status} {res.url}"))
    return seen


def _answer_all_correct(content):
    content.locator("#q-q-single-0").check()
    content.locator("#q-q-multiple-0").check()
    content.locator("#q-q-multiple-1").check()
    content.locator("#q-q-tf-1").check()
    content.locator(".cw-quiz__check").click()


def _sets(page) -> list[tuple[str, str]]:
    return [(c[1], c[2]) for c in page.evaluate("window.calls") if c[0] == "LMSSetValue"]


@pytest.mark.browser
def test_inside_an_lms_the_quiz_reports_score_and_status(browser, packages, tmp_path):
    server, base = _serve_package(tmp_path, packages["zeta-first"])
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = _watch(page, base)
    try:
        page.goto(f"{base}/lms.html")
        content = page.frame_locator("#sco").frame_locator("#cw-content")
        content.locator("h1").filter(has_text="לומדת יסוד").wait_for()
        page.wait_for_function("calls.some(c => c[0] === 'LMSSetValue' && c[1] === 'cmi.core.lesson_location' && c[2] === 'start.html')")
        assert ("cmi.core.lesson_status", "incomplete") in _sets(page)

        # through the lessons with the pages' own links, to the quiz
        content.locator(".cw-start__begin a").click()
        content.locator("h1").filter(has_text="פתיחה").wait_for()
        content.locator("a.cw-pager__next").click()
        content.locator("h1").filter(has_text="תרגול").wait_for()
        content.locator("a.cw-pager__next").click()
        content.locator("form.cw-quiz.cw-quiz--js").wait_for()
        page.wait_for_function("calls.some(c => c[1] === 'cmi.core.lesson_location' && c[2] === 'quiz.html')")

        _answer_all_correct(content)
        content.locator(".cw-quiz__summary--passed h2").filter(has_text="עברתם את הבוחן").wait_for()
        assert "3 מתוך 3" in content.locator(".cw-quiz__score").inner_text()
        content.locator(".cw-quiz__lms").filter(has_text="התוצאה נשמרה במערכת הלמידה").wait_for()
        calls = page.evaluate("window.calls")
        names = [c[0] for c in calls]
        assert names[0] == "LMSInitialize" and calls[0][1:] == [""]
        sets = _sets(page)
        assert ("cmi.core.score.raw", "100") in sets
        assert ("cmi.core.score.min", "0") in sets and ("cmi.core.score.max", "100") in sets
        assert ("cmi.core.lesson_status", "passed") in sets
        status_at = max(i for i, c in enumerate(calls) if c[:3] == ["LMSSetValue", "cmi.core.lesson_status", "passed"])
        assert "LMSCommit" in names[status_at:]
        locations = [v for k, v in sets if k == "cmi.core.lesson_location"]
        assert locations == ["start.html", "lesson-1.html", "lesson-2.html", "quiz.html"]
        assert "LMSFinish" not in names

        # the learner leaves: one LMSFinish, with the time spent and a normal exit (passed)
        page.evaluate("document.getElementById('sco').src = 'about:blank'")
        page.wait_for_function("calls.some(c => c[0] === 'LMSFinish')")
        calls = page.evaluate("window.calls")
        assert [c[0] for c in calls].count("LMSInitialize") == 1
        assert [c[0] for c in calls].count("LMSFinish") == 1 and calls[-1] == ["LMSFinish", ""]
        sets = _sets(page)
        assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}", dict(sets)["cmi.core.session_time"])
        assert dict(sets)["cmi.core.exit"] == ""
        assert page.evaluate("window.misuse") == []
        assert seen["errors"] == [] and seen["outside"] == []
    finally:
        context.close()
        server.shutdown()


@pytest.mark.browser
def test_a_failed_try_then_a_retry_and_a_return(browser, packages, tmp_path):
    """A wrong answer reports "failed" and its score; the retry that passes reports "passed".
    A learner who comes back is taken to the page where they left off."""
    data = {**FIRST_LAUNCH, "cmi.core.lesson_status": "incomplete", "cmi.core.entry": "resume", "cmi.core.lesson_location": "quiz.html"}
    server, base = _serve_package(tmp_path, packages["zeta-first"], data)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = _watch(page, base)
    try:
        page.goto(f"{base}/lms.html")
        content = page.frame_locator("#sco").frame_locator("#cw-content")
        content.locator("form.cw-quiz.cw-quiz--js").wait_for()  # resumed on the quiz
        assert "ממשיכים מהמקום שבו עצרתם" in page.frame_locator("#sco").locator(".cw-shell__status").inner_text()
        content.locator("#q-q-single-0").check()
        content.locator("#q-q-tf-0").check()
        content.locator(".cw-quiz__check").click()
        content.locator(".cw-quiz__summary--failed").wait_for()
        wrong = content.locator("#q-q-tf .cw-option--wrong .cw-option__feedback")
        assert "בחרתם בתשובה לא נכונה" in wrong.inner_text() and "לא." in wrong.inner_text()
        assert content.locator("#q-q-multiple .cw-question__verdict").inner_text().endswith("לא עניתם על השאלה.")
        page.wait_for_function("calls.some(c => c[1] === 'cmi.core.lesson_status' && c[2] === 'failed')")
        assert ("cmi.core.score.raw", "33") in _sets(page)

        content.locator(".cw-quiz__retry").click()
        assert content.locator(".cw-quiz__result").inner_text() == ""
        assert content.locator(".cw-option input:checked").count() == 0
        _answer_all_correct(content)
        content.locator(".cw-quiz__summary--passed").wait_for()
        page.wait_for_function("calls.some(c => c[1] === 'cmi.core.lesson_status' && c[2] === 'passed')")
        assert ("cmi.core.score.raw", "100") in _sets(page)
        assert page.evaluate("window.misuse") == []
        assert seen["errors"] == [] and seen["outside"] == []
    finally:
        context.close()
        server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("module_id", MODULES)
def test_alone_without_an_lms_every_page_works(browser, packages, tmp_path, module_id, fixture_project, real_project):
    """The launch page opened by itself: no API, no error, no request beyond the package; the
    site's font is loaded from the package; every page is reached with the "next" links; the
    quiz still checks and scores."""
    project = fixture_project if module_id == "zeta-first" else real_project
    lessons = len(project.module(module_id).lessons)
    server, base = _serve_package(tmp_path, packages[module_id])
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    seen = _watch(page, base)
    try:
        page.goto(f"{base}/package/index.html")
        shell = page.frame_locator("#cw-content")
        shell.locator(".cw-start__begin a").wait_for()
        assert page.locator(".cw-shell__status").is_hidden()
        frame = page.frame(name="cw-content")
        assert frame.evaluate("[document.documentElement.lang, getComputedStyle(document.body).direction]") == ["he", "rtl"]
        visited = []
        link = shell.locator(".cw-start__begin a")
        while True:
            with frame.expect_navigation():
                link.click()
            visited.append(frame.url.rsplit("/", 1)[-1])
            if visited[-1] == "quiz.html":
                break
            link = shell.locator("a.cw-pager__next")
        assert visited == [f"lesson-{n}.html" for n in range(1, lessons + 1)] + ["quiz.html"]
        shell.locator("form.cw-quiz.cw-quiz--js").wait_for()
        shell.locator(".cw-quiz__check").click()  # nothing answered
        shell.locator(".cw-quiz__summary--failed").wait_for()
        assert "0%" in shell.locator(".cw-quiz__score").inner_text()
        assert shell.locator(".cw-quiz__lms").is_hidden()
        page.evaluate("document.fonts.ready")
        assert frame.evaluate("document.fonts.check('16px \"Heebo Variable\"', 'שלום')")
        assert "heebo-hebrew-wght-normal.woff2" in seen["fonts"]
        assert seen["errors"] == [] and seen["outside"] == []
    finally:
        context.close()
        server.shutdown()


@pytest.mark.browser
def test_pages_pass_axe(browser, packages, tmp_path):
    """axe-core (WCAG 2.1 A and AA) on every page of the real module, opened alone at 360 px,
    the quiz after checking it."""
    server, base = _serve_package(tmp_path, packages["mentor-role"])
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    try:
        names = [n for n in zipfile.ZipFile(packages["mentor-role"]).namelist() if n.endswith(".html")]
        found = {}
        for name in names:
            page.goto(f"{base}/package/{name}")
            if name == "quiz.html":
                page.locator(".cw-quiz__check").click()
                page.locator(".cw-quiz__summary").wait_for()
            found[name] = run_axe(page)
        assert found == {name: [] for name in names}
    finally:
        context.close()
        server.shutdown()
