#!/usr/bin/env python3
"""Build benchmark (prints figures; not a test).

Prints the time of the pipeline's own steps (load, validate, generate), of a full
``mkdocs build --strict`` of the real content (three languages), and of the same build on a
synthetic copy with every module, quiz and document repeated N times (default 10), so that
growth can be seen. Usage: python scripts/benchmark.py [--copies N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from courseware.generate import generate_site  # noqa: E402
from courseware.load import load_project  # noqa: E402
from courseware.validate import validate  # noqa: E402


def timed(fn, runs: int):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def pipeline_steps(root: Path, runs: int) -> dict[str, float]:
    load_s, (project, _) = timed(lambda: load_project(root), runs)
    validate_s, problems = timed(lambda: validate(project), runs)
    generate_s, pages = timed(lambda: generate_site(project), runs)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise SystemExit("the content has errors:\n" + "\n".join(map(str, errors)))
    return {
        "load": load_s,
        "validate": validate_s,
        "generate": generate_s,
        "modules": len(project.modules),
        "questions": sum(len(q.questions) for q in project.quizzes),
        "pages": len(project.pages),
        "generated": len(pages),
    }


def mkdocs_build(root: Path, runs: int) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def build():
        with tempfile.TemporaryDirectory() as site:
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site],
                cwd=root, env=env, check=True,
            )

    return timed(build, runs)[0]


def synthetic_copy(copies: int, target: Path) -> Path:
    """The project with every module, quiz, procedure, standard and reader chapter repeated."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, target / name)
    for name in ("docs", "overrides", "data", "modules", "quizzes"):
        shutil.copytree(ROOT / name, target / name)
    modules = [p.name for p in (ROOT / "modules").iterdir() if (p / "module.yml").exists()]
    for n in range(2, copies + 1):
        for module in modules:
            new = f"{module}-copy{n}"
            shutil.copytree(ROOT / "modules" / module, target / "modules" / new)
            yml = target / "modules" / new / "module.yml"
            yml.write_text(re.sub(rf"^id: {module}$", f"id: {new}", yml.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
            quiz = ROOT / "quizzes" / f"{module}.yml"
            if quiz.exists():
                text = quiz.read_text(encoding="utf-8")
                text = re.sub(rf"^module: {module}$", f"module: {new}", text, flags=re.M)
                text = text.replace(f"ref: {module}/", f"ref: {new}/")
                (target / "quizzes" / f"{new}.yml").write_text(text, encoding="utf-8")
        for folder in ("procedures", "standards", "reader"):
            for page in (ROOT / "docs" / folder).glob("*.md"):
                if "." in page.stem:
                    continue
                text = page.read_text(encoding="utf-8")
                text = re.sub(r"^id: (.+)$", rf"id: \1-copy{n}", text, count=1, flags=re.M)
                text = re.sub(r"^chapter: (\d+)$", lambda m: f"chapter: {int(m.group(1)) + 100 * n}", text, count=1, flags=re.M)
                (target / "docs" / folder / f"{page.stem}-copy{n}.md").write_text(text, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is printed")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; median of {args.runs} runs\n")
    real = pipeline_steps(ROOT, args.runs)
    real_build = mkdocs_build(ROOT, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        big_root = synthetic_copy(args.copies, Path(tmp))
        big = pipeline_steps(big_root, args.runs)
        big_build = mkdocs_build(big_root, args.runs)

    rows = [("content", "real", f"{args.copies}x synthetic")]
    rows.append(("modules / questions", f"{real['modules']} / {real['questions']}", f"{big['modules']} / {big['questions']}"))
    rows.append(("hand-written / generated pages (he)", f"{real['pages']} / {real['generated']}", f"{big['pages']} / {big['generated']}"))
    for step in ("load", "validate", "generate"):
        rows.append((f"pipeline: {step}", f"{real[step] * 1000:.0f} ms", f"{big[step] * 1000:.0f} ms"))
    rows.append(("full mkdocs build --strict (he+en+ar)", f"{real_build:.2f} s", f"{big_build:.2f} s"))
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(width[j]) for j, cell in enumerate(row)))
        if i == 0:
            print("  ".join("-" * w for w in width))


if __name__ == "__main__":
    main()
