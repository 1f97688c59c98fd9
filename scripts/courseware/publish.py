"""Publish step: the thin MkDocs layer.

Inside ``mkdocs build`` and ``mkdocs serve`` this plugin runs load -> validate -> generate, stops
the build (before the site folder is touched) when content has errors, and hands the generated
pages to MkDocs in memory: nothing is written into the source folders.

It cooperates with mkdocs-static-i18n, which builds the default language and then each other
language into its own folder: generated pages are added after the i18n plugin has sorted the
files of the language being built, carrying the attributes it gives its own files, so they take
part in the language switcher and the sitemap and fall back to Hebrew with a notice.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from markupsafe import Markup

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .csp import with_csp
from .export import READER_PDF, downloads_for
from .generate import GeneratedPage, build_nav, decorate_page, generate_files
from .generate.common import SITE_ROOT, relative_url
from .glossary_marks import mark_terms, term_patterns
from .language_marks import mark_english
from .load import DATA, DOCS, MODULES, QUIZZES
from .minify import minify_assets
from .model import DEFAULT_LANGUAGE, Page, Project
from .pipeline import check_project
from .problems import ContentError
from .search_index import with_search_worker, write_language_indexes

# COURSEWARE_SEARCH=stock keeps Material's own search (lunr, one mixed index): the search
# benchmark builds the site both ways to compare them.
STOCK_SEARCH = os.environ.get("COURSEWARE_SEARCH") == "stock"
# Generated pages that list others (and the glossary, whose short entries would otherwise outrank
# the pages that explain a term) rank below content pages that match as well.
LISTING_KINDS = {"catalog", "index", "paths", "path", "sources", "glossary"}
LISTING_BOOST = 0.5

log = logging.getLogger("mkdocs.plugins.courseware")


class _Alternate:
    """What the language switcher and the sitemap read of a page's other-language version."""

    def __init__(self, url: str):
        self.url = url
        self.page = None


class CoursewarePlugin(BasePlugin):
    def __init__(self):
        super().__init__()
        self.project: Project | None = None
        self.generated: list[GeneratedPage] = []
        self.files: dict[str, str] = {}
        self.exports = None  # the downloads, made in a separate process while the pages build
        self.command = "build"
        self.pages_by_src: dict[str, Page] = {}
        self.terms: list = []
        self.not_found_page = ""

    # -- which language is being built -------------------------------------------------------

    @staticmethod
    def _i18n(config):
        return config.plugins.get("i18n")

    def _languages(self, config) -> tuple[str, str, list[str]]:
        """(language being built, default language, all languages built)."""
        i18n = self._i18n(config)
        if not i18n:
            language = config.theme.get("language") or DEFAULT_LANGUAGE
            return language, language, [language]
        current = i18n.current_language or i18n.default_language
        return current, i18n.default_language, list(i18n.build_languages)

    # -- events -------------------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.command = command

    @property
    def reader_pdf(self) -> bool:
        """Whether the build prints the reader to PDF: not while serving (it takes seconds), and
        not when COURSEWARE_READER_PDF=off (the tests' small builds, the build benchmark)."""
        return self.command != "serve" and os.environ.get("COURSEWARE_READER_PDF", "on") != "off"

    def _start_exports(self, root: Path) -> None:
        if self.exports:
            self.exports[0].shutdown(cancel_futures=True)
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self.exports = (pool, pool.submit(downloads_for, str(root)))

    def _write_exports(self, site: Path) -> None:
        """The module downloads (made meanwhile in the other process) and the reader's PDF (printed
        from the built site), written into the site."""
        pool, pending = self.exports
        self.exports = None
        try:
            files = pending.result()
        except ContentError as error:
            raise PluginError(f"An export of the content failed:\n{error.problem}") from None
        except Exception as error:  # the process itself failed
            raise PluginError(f"The exports could not be made: {error}") from None
        finally:
            pool.shutdown()
        for path, data in files.items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        log.info(f"downloads: {len(files)} files, {sum(map(len, files.values())) // 1024} KB")
        if self.reader_pdf and self.project.listed("reader"):
            from .export.reader_pdf import reader_pdf

            try:
                reader_pdf(site, site / READER_PDF)
            except ContentError as error:
                raise PluginError(
                    f"The reader's PDF could not be made: {error.problem}\n"
                    "(It needs Debian's chromium: `make system`. To build without it, set COURSEWARE_READER_PDF=off.)"
                ) from None

    def on_config(self, config):
        i18n = self._i18n(config)
        in_language_build = bool(i18n and getattr(i18n, "building", False))
        if self.project is None or not in_language_build:
            self._load(Path(config.config_file_path).parent)
        language, _, _ = self._languages(config)
        config.nav = build_nav(self.project, language)
        return config

    def _load(self, root: Path) -> None:
        checked = check_project(root)
        for problem in checked.warnings:
            # Content warnings are for authors (`courseware check --strict` fails on them);
            # they are logged at INFO so that `mkdocs build --strict` is not stopped by them.
            log.info(str(problem))
        if checked.errors:
            raise PluginError(
                "The content has errors; nothing was built.\n" + checked.report() + "\nFix them and build again (`courseware check` lists them)."
            )
        self.project = checked.project
        self.generated = checked.generated
        self.files = generate_files(self.project)
        self._start_exports(root)
        self.pages_by_src = {p.path.removeprefix(f"{DOCS}/"): p for p in self.project.pages}
        self.terms = term_patterns(self.project.glossary)

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has sorted this language's files
    def on_files(self, files: Files, config):
        language, default, languages = self._languages(config)
        for page in self.generated:
            file = File.generated(config, page.site_path, content=page.text)
            if self._i18n(config):
                self._localise(file, page, language, default, languages, config)
            files.append(file)
        for path, content in self.files.items():
            file = File.generated(config, path, content=content)
            if language != default:
                file.dest_path = f"{language}/{file.dest_path}"
                file.abs_dest_path = str(Path(config.site_dir) / file.dest_path)
                file.url = f"{language}/{file.url}"
            files.append(file)
        i18n = self._i18n(config)
        if i18n:
            i18n.i18n_files_per_language[language] = files.documentation_pages()
        return files

    @staticmethod
    def _localise(file: File, page: GeneratedPage, language: str, default: str, languages: list[str], config) -> None:
        base_url = file.url
        if language != default:
            file.dest_path = f"{language}/{file.dest_path}"
            file.abs_dest_path = str(Path(config.site_dir) / file.dest_path)
            file.url = f"{language}/{base_url}" if base_url != "./" else f"{language}/"
        file.locale = default  # generated pages are Hebrew content: a fallback in other languages
        file.locale_alternate_of = language
        file.localization = None
        file.norm_src_uri = file.src_uri
        file.alternates = {
            lang: file if lang == language else _Alternate(base_url if lang == default else f"{lang}/{base_url}".replace("/./", "/"))
            for lang in languages
        }

    def on_env(self, env, config, files):
        env.filters["cw_without_alternate_links"] = without_alternate_links
        return env

    def on_page_markdown(self, markdown, page, config, files):
        language = self._languages(config)[0]
        fallback = getattr(page.file, "locale", language) != language
        if fallback or page.meta.get("cw_kind") in ("quiz", "mine"):
            # the search index holds each text once, in its own language: not the Hebrew pages
            # repeated under /en/ and /ar/, nor quizzes and the learner's page, which repeat lessons
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        elif page.meta.get("cw_kind") in LISTING_KINDS or page.is_homepage:
            # pages that list other pages repeat their titles and summaries: found, but after them
            page.meta["search"] = {"boost": LISTING_BOOST, **(page.meta.get("search") or {})}
        source = self.pages_by_src.get(page.file.src_uri)
        if source and source.lang == DEFAULT_LANGUAGE and self.project:
            return decorate_page(source, self.project, markdown)
        return markdown

    def on_page_content(self, html, page, config, files):
        """Mark English passages in right-to-left content (Hebrew pages, also when shown on the
        English site, and Arabic pages)."""
        content_language = getattr(page.file, "locale", None) or self._languages(config)[0]
        if content_language not in ("he", "ar"):
            return html
        source = self.pages_by_src.get(page.file.src_uri)
        is_reading = page.meta.get("cw_kind") == "lesson" or (source is not None and source.type == "reader")
        if is_reading and content_language == "he":
            html = mark_terms(html, self.terms, relative_url(page.file.src_uri, "glossary.md"))
        return mark_english(static_checklists(html))

    def on_post_page(self, output, page, config):
        language = self._languages(config)[0]
        output = with_site_links(output, page.url, keep_reader_pdf=self.reader_pdf)
        output = with_named_chrome(output, language)
        if language in ("he", "ar"):
            output = mark_english_in_body(output, content_marked=True)
        if not STOCK_SEARCH:
            output = with_search_worker(output, language)
        return with_csp(output)

    @event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
    def on_post_build(self, config):
        i18n = self._i18n(config)
        if (i18n and getattr(i18n, "building", False)) or not self.project:
            return
        site = Path(config.site_dir)
        if self.exports:
            self._write_exports(site)
        if not STOCK_SEARCH:
            _, default, languages = self._languages(config)
            for index in write_language_indexes(site, languages, default, self.project.glossary):
                log.info(f"search index {index.path.name}: {index.documents} sections, {index.size // 1024} KB")
        if config.theme.custom_dir:
            before, after = minify_assets(Path(config.theme.custom_dir), site)
            log.info(f"the site's own scripts and styles minified: {before // 1024} KB -> {after // 1024} KB")

    def on_post_template(self, output_content, template_name, config):
        if not template_name.endswith(".html"):
            return output_content
        language, default, _ = self._languages(config)
        if template_name == "404.html" and language != default and self.not_found_page:
            # every language build writes the one site/404.html: the default language's stays
            return self.not_found_page
        if not STOCK_SEARCH:
            output_content = with_search_worker(output_content, language)
        output_content = with_csp(with_named_chrome(output_content, language))
        if template_name == "404.html":
            self.not_found_page = output_content
        return output_content

    def on_serve(self, server, config, builder):
        root = Path(config.config_file_path).parent
        for folder in (MODULES, QUIZZES, DATA):
            if (root / folder).exists():
                server.watch(str(root / folder))
        return server


_SITE_LINK = re.compile(r'href="' + re.escape(SITE_ROOT))
_READER_PDF = re.compile(r'<p class="cw-reader-pdf">.*?</p>\s*', re.S)


def with_site_links(page_html: str, page_url: str, keep_reader_pdf: bool = True) -> str:
    """Links to files the build writes into the site ("cw-site:downloads/...") made relative to
    the page; the link to the reader's PDF taken out when the build does not make it."""
    if SITE_ROOT not in page_html:
        return page_html
    if not keep_reader_pdf:
        page_html = _READER_PDF.sub("", page_html)
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    root = "../" * folder.count("/")
    return _SITE_LINK.sub(f'href="{root}', page_html)


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_LOGO = re.compile(r'<img src="([^"]*assets/images/logo\.svg)" alt="logo">')
SEARCH_NAMES = {"he": "חיפוש באתר", "en": "Search the site", "ar": "البحث في الموقع"}


def with_named_chrome(page_html: str, language: str) -> str:
    """Two things Material leaves unnamed: the search dialog gets a name (aria-dialog-name), and
    the logo, inside a link that already says the site's name, is marked decorative (alt="", not
    the English word "logo") and given its size, so that the header does not shift as it loads."""
    name = SEARCH_NAMES.get(language, SEARCH_NAMES["he"])
    page_html = page_html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{name}">', 1)
    return _LOGO.sub(r'<img src="\1" alt="" width="24" height="24">', page_html)


_ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_alternate_links(html: str) -> Markup:
    """The head without <link rel="alternate">: Material's "stay on page" fetches sitemap.xml
    next to each of them, which 404s once mkdocs-static-i18n has made them page links. The
    language menu keeps its page links, and the i18n sitemap.xml keeps the hreflang alternates."""
    return Markup(_ALTERNATE_LINK.sub("", str(html)))


_TASK_LABEL = re.compile(r'<label class="task-list-control">')


def static_checklists(html: str) -> str:
    """Checklist boxes in procedures are printed marks, not form controls: their (empty) labels
    are hidden from assistive technology, which reads the item's text as a list item."""
    return _TASK_LABEL.sub('<label class="task-list-control" aria-hidden="true">', html)


_BODY_TAG = re.compile(r"<body\b[^>]*>", re.I)


_ARTICLE_START = '<article class="md-content__inner'


def mark_english_in_body(page_html: str, content_marked: bool = False) -> str:
    """English marked in the whole page body (navigation titles, header, footer, content),
    never in the head or inside the <body> tag itself. With ``content_marked``, the article (whose
    content was marked when it was rendered) is passed over: it is most of the page."""
    body = _BODY_TAG.search(page_html)
    if not body:
        return page_html
    start = page_html.find(_ARTICLE_START, body.end()) if content_marked else -1
    end = page_html.find("</article>", start) if start >= 0 else -1
    if end < 0:
        return page_html[: body.end()] + mark_english(page_html[body.end() :])
    end += len("</article>")
    return (
        page_html[: body.end()]
        + mark_english(page_html[body.end() : start])
        + page_html[start:end]
        + mark_english(page_html[end:])
    )
