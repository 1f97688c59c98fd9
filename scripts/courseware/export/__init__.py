"""Exports of the content for other systems: LMS question banks, SCORM packages, print and PDF.

:func:`download_files` gives the files the site offers for download (generated with the site, at
the paths :func:`module_downloads` names); the reader's PDF is made from the built site instead
(:mod:`.reader_pdf`), because it prints the site's own pages."""

from __future__ import annotations

from ..model import Project

DOWNLOADS = "downloads"
READER_PDF = f"{DOWNLOADS}/reader.pdf"


def module_downloads(module_id: str, has_quiz: bool) -> dict[str, str]:
    """Where a module's downloads sit on the site: {kind: site path}."""
    from .scorm import package_name

    paths = {"scorm": f"{DOWNLOADS}/scorm/{package_name(module_id)}"}
    if has_quiz:
        paths["gift"] = f"{DOWNLOADS}/quizzes/{module_id}.gift.txt"
        paths["moodle"] = f"{DOWNLOADS}/quizzes/{module_id}.moodle.xml"
    return paths


def download_files(project: Project) -> dict[str, bytes]:
    """Every module's SCORM package and question banks (GIFT, Moodle XML), and the banks of all
    modules together, by site path. Raises ContentError for content an export cannot take."""
    from .lms import lms_files
    from .scorm import scorm_zip

    files = {f"{DOWNLOADS}/quizzes/{name}": data for name, data in lms_files(project).items()}
    for module in project.modules:
        files[module_downloads(module.id, False)["scorm"]] = scorm_zip(project, module.id)
    return files


def downloads_for(root: str) -> dict[str, bytes]:
    """:func:`download_files` of the project at ``root``, loaded afresh: the build runs this in a
    separate process, on the machine's other core, while MkDocs renders the pages."""
    from pathlib import Path

    from ..load import load_project

    project, _ = load_project(Path(root))
    return download_files(project)
