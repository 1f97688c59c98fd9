"""Load and validate in one call, as ``check``, the build and the tests all use them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .generate import GeneratedPage, generate_site
from .load import load_project
from .model import Project
from .problems import Problem, sort_problems, summary
from .validate import validate


@dataclass
class Checked:
    project: Project
    problems: list[Problem]
    generated: list[GeneratedPage]  # the generated pages, made once for checking and for the build

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(summary(self.problems))
        return "\n".join(lines)


def check_project(root: Path, today: dt.date | None = None) -> Checked:
    project, problems = load_project(Path(root))
    generated = generate_site(project)
    return Checked(project, sort_problems(problems + validate(project, today, generated)), generated)
