"""The authors' command line: ``courseware check | new | report | generate | build | export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__


def _root(value: str | None) -> Path:
    """The project root: the given folder, or the nearest parent holding mkdocs.yml."""
    if value:
        return Path(value).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").exists():
            return folder
    return here


def cmd_check(args) -> int:
    from .pipeline import check_project

    checked = check_project(_root(args.root))
    print(checked.report())
    if checked.errors or (args.strict and checked.warnings):
        return 1
    return 0


def cmd_generate(args) -> int:
    from .generate import generate_files
    from .pipeline import check_project

    checked = check_project(_root(args.root))
    if not checked.ok:
        print(checked.report(), file=sys.stderr)
        return 1
    out = Path(args.out)
    written = {page.site_path: page.text for page in checked.generated}
    written.update(generate_files(checked.project))
    for path, text in written.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"wrote {len(written)} files to {out}")
    return 0


def cmd_new(args) -> int:
    from .scaffold import ScaffoldError, scaffold

    try:
        written = scaffold(_root(args.root), args.kind, args.id, args.module, title=args.title)
    except ScaffoldError as exc:
        print(f"courseware new: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


def cmd_report(args) -> int:
    from .report import build_report

    text, _ = build_report(_root(args.root), soon_days=args.days)
    print(text)
    return 0


def cmd_build(args) -> int:
    from .build import build_site

    return build_site(_root(args.root), strict=not args.no_strict)


def cmd_export(args) -> int:
    from .pipeline import check_project
    from .problems import ContentError

    root = _root(args.root)
    checked = check_project(root)
    if not checked.ok:
        print(checked.report(), file=sys.stderr)
        return 1
    project = checked.project
    try:
        if args.what == "quizzes":
            from .export.lms import write_lms_exports

            written = write_lms_exports(project, Path(args.out or "exports/quizzes"))
        elif args.what == "scorm":
            from .export.scorm import scorm_package, write_scorm_packages

            if not args.module:
                print("courseware export scorm: name a module (or 'all'), e.g. courseware export scorm mentor-role", file=sys.stderr)
                return 2
            out = Path(args.out or "exports/scorm")
            if args.module == "all":
                written = write_scorm_packages(project, out, site=args.site_url)
            else:
                if out.suffix != ".zip":
                    out.mkdir(parents=True, exist_ok=True)
                written = [scorm_package(project, args.module, out, site=args.site_url)]
        else:
            written = [_export_reader(root, args)]
            if written == [None]:
                return 1
    except ContentError as error:
        print(f"courseware export {args.what}: {error.problem}", file=sys.stderr)
        return 1
    if len(written) > 3:
        print(f"wrote {len(written)} files to {Path(written[0]).parent}")
    else:
        for path in written:
            print(f"wrote {path}")
    return 0


def _export_reader(root: Path, args) -> Path | None:
    """The reader as a PDF, printed from a built site: the one given, or a fresh build."""
    import tempfile

    from .export import READER_PDF
    from .export.reader_pdf import reader_pdf

    out = Path(args.out or "exports/reader.pdf")
    if args.site:
        return reader_pdf(Path(args.site), out)
    with tempfile.TemporaryDirectory(prefix="courseware-reader-") as folder:
        from .build import mkdocs_build

        built = Path(folder) / "site"
        if mkdocs_build(root, built) != 0:
            print("courseware export reader: the site did not build, so there is nothing to print", file=sys.stderr)
            return None
        ready = built / READER_PDF
        if ready.exists():  # the build printed it already
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(ready.read_bytes())
            return out
        return reader_pdf(built, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="courseware",
        description="Check, scaffold, report on and build the courseware site's content.",
    )
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--root", help="the project folder (default: the nearest folder with mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate all content; prints path:line: message for every problem")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.set_defaults(func=cmd_check)

    new = sub.add_parser("new", help="write a commented skeleton of a new content file (never overwrites)")
    new.add_argument("kind", choices=["module", "lesson", "quiz", "procedure", "standard"])
    new.add_argument("id", help="the new id, e.g. intake-basics (for a lesson: its file name)")
    new.add_argument("--module", help="for a lesson: the module it belongs to")
    new.add_argument("--title", help="the title (Hebrew); a placeholder to edit otherwise")
    new.set_defaults(func=cmd_new)

    report = sub.add_parser("report", help="reviews due, untested objectives, modules off every path, translations")
    report.add_argument("--days", type=int, default=60, help="how soon a review date counts as near (default 60)")
    report.set_defaults(func=cmd_report)

    generate = sub.add_parser("generate", help="write the generated pages to a folder (for publishers without the plugin)")
    generate.add_argument("--out", required=True, help="an empty folder to write into")
    generate.set_defaults(func=cmd_generate)

    build = sub.add_parser("build", help="build the whole site into site/, replacing it only if the build succeeds")
    build.add_argument("--no-strict", action="store_true", help="do not fail on MkDocs warnings")
    build.set_defaults(func=cmd_build)

    export = sub.add_parser("export", help="quiz banks for an LMS, a module as a SCORM package, the reader as a PDF")
    export.add_argument("what", choices=["quizzes", "scorm", "reader"])
    export.add_argument("module", nargs="?", help="for scorm: the module's id, or 'all'")
    export.add_argument("--out", help="where to write (default: exports/quizzes/, exports/scorm/, exports/reader.pdf)")
    export.add_argument("--site-url", help="for scorm: the published site's address, for links to pages outside the package")
    export.add_argument("--site", help="for reader: a built site to print from (default: build one)")
    export.set_defaults(func=cmd_export)

    args = parser.parse_args(argv)
    # Bad content never ends in a traceback: content problems are reported by the commands.
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
