"""Generate step: pure functions from the content model to page text (Markdown with some HTML).

Nothing here imports MkDocs. ``generate_site`` returns every generated page with the place it
takes in the site tree; ``courseware generate --out DIR`` writes them to a folder, and the MkDocs
plugin in :mod:`courseware.publish` hands them to MkDocs in memory.
"""

from __future__ import annotations

from ..model import Project
from .common import GeneratedPage
from .course import module_pages
from .common import CATALOG_PATH
from .learner import catalog_json, my_learning_page
from .library import catalog_page, decorate_page, glossary_page, index_page, reader_index, sources_page
from .nav import build_nav
from .ordering import LearningPath, find_cycle, learning_paths, prerequisite_order
from .paths import path_pages

__all__ = [
    "GeneratedPage",
    "LearningPath",
    "build_nav",
    "generate_files",
    "decorate_page",
    "find_cycle",
    "generate_site",
    "learning_paths",
    "prerequisite_order",
]


def generate_site(project: Project) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    for module in project.modules:
        pages += module_pages(module, project)
    pages += path_pages(project)
    pages += [
        catalog_page(project),
        glossary_page(project),
        sources_page(project),
        index_page(project, "procedure"),
        index_page(project, "standard"),
        reader_index(project),
        my_learning_page(project),
    ]
    return pages


def generate_files(project: Project) -> dict[str, str]:
    """Generated files that are not pages: the learner's catalogue."""
    return {CATALOG_PATH: catalog_json(project)}
