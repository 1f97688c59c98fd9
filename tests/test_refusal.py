"""Broken content is refused. Each case mutates a temporary copy of the REAL content and builds
it as an author would (`courseware build`): the exit status is not zero, the message names the
file (and the line where there is one), there is no traceback, and no site is left that looks
complete. A property-based test feeds the loader random YAML and front matter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courseware.load import load_project
from courseware.pipeline import check_project

from conftest import ROOT

CONTENT = ["docs", "modules", "quizzes", "data", "overrides", "mkdocs.yml"]


@pytest.fixture(scope="module")
def real_copy(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("real")
    for name in CONTENT:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return target


@pytest.fixture
def project(real_copy, tmp_path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(real_copy, target)
    return target


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_syntax(root):
    replace(root / "modules/mentor-role/module.yml", "level: basic", "level: [basic")
    return "modules/mentor-role/module.yml:"


def missing_field(root):
    replace(root / "docs/procedures/intake-meeting.md", "owner: ", "manager: ")
    return "docs/procedures/intake-meeting.md:"


def wrong_type(root):
    replace(root / "modules/mentor-role/module.yml", "minutes: ", "minutes: many # ")
    return "modules/mentor-role/module.yml:"


def unknown_prerequisite(root):
    replace(root / "modules/coaching-model/module.yml", "prerequisites: [mentor-role]", "prerequisites: [mentor-rol]")
    return "modules/coaching-model/module.yml:"


def prerequisite_cycle(root):
    path = root / "modules/mentor-role/module.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("prerequisites: []", "prerequisites: [coaching-model]"), encoding="utf-8")
    return "prerequisites form a cycle"


def no_correct_answer(root):
    path = root / "quizzes/mentor-role.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("correct: true", "correct: false"), encoding="utf-8")
    return "quizzes/mentor-role.yml:"


def duplicate_id(root):
    replace(root / "modules/coaching-model/module.yml", "id: coaching-model", "id: mentor-role")
    return "duplicate module id 'mentor-role'"


def missing_page_link(root):
    path = root / "modules/mentor-role/who-are-promoters.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nראו [דף שאינו קיים](../../procedures/nothing-here.md).\n", encoding="utf-8")
    return "modules/mentor-role/who-are-promoters.md:"


def not_utf8(root):
    path = root / "docs/procedures/intake-meeting.md"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1255"))
    return "docs/procedures/intake-meeting.md:3: the file is not UTF-8"


def empty_file(root):
    (root / "quizzes/mentor-role.yml").write_text("", encoding="utf-8")
    return "quizzes/mentor-role.yml:1: the file is empty"


CASES = [break_syntax, missing_field, wrong_type, unknown_prerequisite, prerequisite_cycle, no_correct_answer,
         duplicate_id, missing_page_link, not_utf8, empty_file]


@pytest.mark.parametrize("mutate", CASES, ids=[c.__name__ for c in CASES])
def test_broken_real_content_is_refused(project, mutate):
    expected = mutate(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "courseware", "--root", str(project), "build"],
                            capture_output=True, text=True, env=env)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output[-2000:]
    assert "Traceback" not in output
    if mutate in (break_syntax, not_utf8, empty_file):
        # one unreadable file is one error, not a cascade through every link and reference to it
        assert "which is not a page of the site" not in output and "does not exist" not in output, output[-3000:]
    assert not (project / "site").exists(), "no site is left behind"
    assert not list(project.glob(".site-*")), "no half-built folder is left behind"


# --- the loader on random input never raises -----------------------------------------------------

TOKENS = list("abc:- \n\t'\"[]{}#&*!|>%@`,?\\") + ["שלום", "נכון", "true", "1", "2026-13-40", "\x00", "\ufeff",
                                                  "id: ", "questions:", "options:", "- text: ", "correct: ", "---"]
yaml_text = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(module=yaml_text, quiz=yaml_text, front=yaml_text, body=yaml_text)
def test_the_loader_returns_a_model_or_clean_problems(tmp_path, module, quiz, front, body):
    root = tmp_path / "random"
    shutil.rmtree(root, ignore_errors=True)
    (root / "modules/m").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "docs").mkdir()
    (root / "data").mkdir()
    (root / "modules/m/module.yml").write_text(module, encoding="utf-8", errors="surrogatepass")
    (root / "modules/m/lesson.md").write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    (root / "quizzes/m.yml").write_text(quiz, encoding="utf-8", errors="surrogatepass")
    (root / "docs/page.md").write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    project, problems = load_project(root)  # must not raise
    assert all(str(p).startswith(p.path) for p in problems)
    checked = check_project(root)  # validation and generation must not raise either
    assert all(":" in str(p) or p.line == 0 for p in checked.problems)
