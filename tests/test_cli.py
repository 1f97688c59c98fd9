"""The authors' command line, run as an author runs it (a subprocess): check, new, report, generate."""

import datetime as dt
import os
import subprocess
import sys

from conftest import edit


def run(root, *args):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "courseware", "--root", str(root), *args], capture_output=True, text=True, env=env
    )


def test_check_passes_on_valid_content(fixture_root):
    result = run(fixture_root, "check")
    assert result.returncode == 0
    assert result.stdout.strip() == "0 errors, 0 warnings"


def test_check_reports_every_problem_and_fails_without_a_traceback(fixture_root):
    edit(fixture_root / "modules/zeta-first/module.yml", "level: basic", "level: beginner")
    edit(fixture_root / "quizzes/zeta-first.yml", "pass_mark: 80", "pass_mark: [80")
    (fixture_root / "modules/zeta-first/practice.md").write_bytes(b"---\ntitle: \xff\xfe\n---\n")
    result = run(fixture_root, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(l.startswith("modules/zeta-first/module.yml:4: 'level' must be one of") for l in lines)
    yaml_error = [l for l in lines if l.startswith("quizzes/zeta-first.yml:3: YAML syntax error: ")]
    assert len(yaml_error) == 1 and yaml_error[0].endswith("(while parsing a flow sequence that starts on line 2)")
    assert "modules/zeta-first/practice.md:2: the file is not UTF-8 text; save it with UTF-8 encoding" in lines
    assert lines[-1] == "3 errors, 4 warnings"  # no follow-on error for links to the unreadable lesson


def test_strict_check_fails_on_warnings(fixture_root):
    edit(fixture_root / "quizzes/zeta-first.yml", "objective: apply-basics", "objective: know-basics")
    assert run(fixture_root, "check").returncode == 0
    strict = run(fixture_root, "check", "--strict")
    assert strict.returncode == 1
    assert "warning: no question tests the objective 'apply-basics'" in strict.stdout


def test_new_writes_valid_skeletons_and_never_overwrites(fixture_root):
    steps = [
        ("new", "module", "fresh-start", "--title", "לומדה חדשה"),
        ("new", "lesson", "second-step", "--module", "fresh-start"),
        ("new", "quiz", "fresh-start"),
        ("new", "procedure", "new-procedure", "--title", "נוהל חדש"),
        ("new", "standard", "new-standard"),
    ]
    for step in steps:
        result = run(fixture_root, *step)
        assert result.returncode == 0, result.stderr
    assert (fixture_root / "modules/fresh-start/module.yml").exists()
    assert (fixture_root / "modules/fresh-start/introduction.md").exists()
    assert (fixture_root / "modules/fresh-start/second-step.md").exists()
    assert (fixture_root / "quizzes/fresh-start.yml").exists()
    assert (fixture_root / "docs/procedures/new-procedure.md").exists()
    assert (fixture_root / "docs/standards/new-standard.md").exists()
    check = run(fixture_root, "check")
    assert check.returncode == 0, check.stdout
    # the lesson not yet listed in module.yml is the only thing left to do, and it is said
    assert "modules/fresh-start/second-step.md:1: warning: this lesson is not listed under 'lessons:'" in check.stdout
    before = (fixture_root / "modules/fresh-start/module.yml").read_text(encoding="utf-8")
    again = run(fixture_root, "new", "module", "fresh-start")
    assert again.returncode == 1
    assert "already exists; nothing was written" in again.stderr
    assert (fixture_root / "modules/fresh-start/module.yml").read_text(encoding="utf-8") == before
    report = run(fixture_root, "report")
    assert "modules/fresh-start/module.yml" in report.stdout.split("Skeletons still to fill in")[1]


def test_new_refuses_a_bad_id_or_an_unknown_module(fixture_root):
    assert run(fixture_root, "new", "module", "Bad Id").returncode == 1
    result = run(fixture_root, "new", "lesson", "x", "--module", "nope")
    assert result.returncode == 1
    assert "alpha-second" in result.stderr


def test_report(fixture_root):
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    edit(fixture_root / "docs/procedures/first-procedure.md", "approved: 2026-01-01\nreview_by: 2030-01-01", f"approved: 2020-01-01\nreview_by: {soon}")
    edit(fixture_root / "docs/standards/first-standard.md", "approved: 2026-01-01\nreview_by: 2030-01-01", "approved: 2019-01-01\nreview_by: 2020-01-01")
    edit(fixture_root / "quizzes/zeta-first.yml", "objective: apply-basics", "objective: know-basics")
    result = run(fixture_root, "report")
    assert result.returncode == 0
    out = result.stdout
    assert "Review date passed (1)\n  docs/standards/first-standard.md: תקן בדיקה (review by 2020-01-01)" in out
    assert f"Review due within 60 days (1)\n  docs/procedures/first-procedure.md: נוהל בדיקה (review by {soon})" in out
    assert "Objectives no question tests (1)\n  zeta-first: apply-basics" in out
    assert "Modules missing from every path (0)" in out
    # index.en.md was made from another version of the Hebrew page
    assert "Translations stale (the Hebrew changed since) (1)\n  docs/index.en.md: update it from docs/index.md" in out
    assert "docs/procedures/first-procedure.md -> ar" in out


def test_generate_writes_pages_to_a_folder(fixture_root, tmp_path):
    out = tmp_path / "generated"
    result = run(fixture_root, "generate", "--out", str(out))
    assert result.returncode == 0
    assert (out / "modules/zeta-first/quiz.md").read_text(encoding="utf-8").startswith("---\ntitle:")
    assert (out / "paths/mentor-basic.md").exists()


def test_export_writes_quiz_banks_and_a_scorm_package(fixture_root, tmp_path):
    import zipfile

    result = run(fixture_root, "export", "quizzes", "--out", str(tmp_path / "banks"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "banks").iterdir())
    assert "zeta-first.gift.txt" in names and "zeta-first.moodle.xml" in names
    assert "courseware.gift.txt" in names
    result = run(fixture_root, "export", "scorm", "zeta-first", "--out", str(tmp_path / "scorm"))
    assert result.returncode == 0, result.stderr
    package = tmp_path / "scorm" / "zeta-first-scorm12.zip"
    assert "imsmanifest.xml" in zipfile.ZipFile(package).namelist()


def test_export_refuses_an_unknown_module_or_broken_content_without_a_traceback(fixture_root, tmp_path):
    result = run(fixture_root, "export", "scorm", "no-such-module", "--out", str(tmp_path))
    assert result.returncode == 1
    assert "there is no module 'no-such-module'" in result.stderr
    assert "Traceback" not in result.stderr
    result = run(fixture_root, "export", "scorm")
    assert result.returncode == 2 and "name a module" in result.stderr
    edit(fixture_root / "quizzes/zeta-first.yml", "pass_mark: 80", "pass_mark: [80")
    result = run(fixture_root, "export", "quizzes", "--out", str(tmp_path / "banks"))
    assert result.returncode == 1
    assert "quizzes/zeta-first.yml:3: YAML syntax error" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "banks").exists()
