"""Full builds: the real content builds with --strict in three languages; broken content stops the
build before the site folder is touched; generated pages never land in the source folders."""

import os
import subprocess
import sys

from conftest import ROOT, as_site_project, edit, mkdocs_build


def test_real_content_builds_in_three_languages(built_site):
    for prefix in ("", "en/", "ar/"):
        for page in ("index.html", "modules/mentor-role/index.html", "modules/mentor-role/quiz/index.html",
                     "paths/mentor-basic/index.html", "glossary/index.html", "sources/index.html",
                     "procedures/intake-meeting/index.html", "standards/promoter-standard/index.html",
                     "reader/peer-experts-in-israel/index.html"):
            assert (built_site / prefix / page).is_file(), prefix + page
    assert (built_site / "assets/fonts/heebo-hebrew-wght-normal.woff2").is_file()
    assert (built_site / "assets/fonts/LICENSE-Heebo.txt").is_file()


def test_built_pages_carry_language_and_direction(built_site):
    def head(path):
        return (built_site / path).read_text(encoding="utf-8")

    assert '<html lang="he"' in head("index.html") and '<body dir="rtl"' in head("index.html")
    assert '<html lang="en"' in head("en/index.html") and '<body dir="ltr"' in head("en/index.html")
    assert '<html lang="ar"' in head("ar/index.html") and '<body dir="rtl"' in head("ar/index.html")
    fallback = head("en/modules/mentor-role/index.html")
    assert 'class="cw-fallback-content" lang="he" dir="rtl"' in fallback
    assert "has not been translated into English yet" in fallback
    assert "cw-fallback" not in head("modules/mentor-role/index.html")


def test_no_google_fonts_or_other_origins_in_the_html(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html


def _tree(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if ".git" not in p.parts)


def test_generated_pages_are_not_written_into_source_folders(fixture_root, tmp_path):
    project = as_site_project(fixture_root)
    before = _tree(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert _tree(project) == before
    assert (tmp_path / "site/modules/zeta-first/quiz/index.html").exists()


def test_broken_content_stops_the_build_and_keeps_the_last_good_site(fixture_root):
    project = as_site_project(fixture_root)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = [sys.executable, "-m", "courseware", "--root", str(project), "build"]
    first = subprocess.run(build, capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    site = project / "site"
    good = {p: p.read_bytes() for p in site.rglob("*.html")}
    assert good

    edit(project / "quizzes/zeta-first.yml", "{text: נכונה, correct: true", "{text: נכונה, correct: false")
    second = subprocess.run(build, capture_output=True, text=True, env=env)
    output = second.stdout + second.stderr
    assert second.returncode != 0
    assert "Traceback" not in output
    assert "quizzes/zeta-first.yml:4: question 'q-single' has no correct option" in output
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == good
    assert not list(project.glob(".site-*")), "no half-built folder is left behind"


def test_plain_mkdocs_build_refuses_broken_content_before_touching_the_site(fixture_root, tmp_path):
    project = as_site_project(fixture_root)
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.html").write_text("last good build", encoding="utf-8")
    edit(project / "modules/zeta-first/module.yml", "audience: mentor", "audience: mentors")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "modules/zeta-first/module.yml:5: 'audience' must be one of" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert [p.name for p in site.iterdir()] == ["keep.html"]


def test_overlap_check_finds_no_copied_runs():
    tool = ROOT.parent / "shared" / "tools" / "overlap-check"
    result = subprocess.run([str(tool), "docs", "modules", "quizzes", "data"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_real_content_has_no_warnings():
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "courseware", "--root", str(ROOT), "check", "--strict"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout


def test_module_pages_offer_their_exports_as_downloads(built_site):
    import zipfile

    page = (built_site / "modules" / "mentor-role" / "index.html").read_text(encoding="utf-8")
    for href in (
        "../../downloads/scorm/mentor-role-scorm12.zip",
        "../../downloads/quizzes/mentor-role.gift.txt",
        "../../downloads/quizzes/mentor-role.moodle.xml",
    ):
        assert f'href="{href}"' in page, href
        assert (built_site / "modules" / "mentor-role" / href).resolve().is_file(), href
    package = zipfile.ZipFile(built_site / "downloads" / "scorm" / "mentor-role-scorm12.zip")
    assert "imsmanifest.xml" in package.namelist() and "quiz.html" in package.namelist()
    gift = (built_site / "downloads" / "quizzes" / "mentor-role.gift.txt").read_text(encoding="utf-8")
    assert "$CATEGORY:" in gift and "::" in gift
    english = (built_site / "en" / "modules" / "mentor-role" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../downloads/scorm/mentor-role-scorm12.zip"' in english


def test_the_sites_own_scripts_and_styles_are_minified(built_site):
    source = (ROOT / "overrides" / "assets" / "javascripts" / "courseware.js").read_text(encoding="utf-8")
    built = (built_site / "assets" / "javascripts" / "courseware.js").read_text(encoding="utf-8")
    assert len(built) < 0.85 * len(source)
    assert "/* ---" not in built


def test_the_search_dialog_is_named_and_the_logo_is_decorative(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="חיפוש באתר"' in home
    assert 'alt="logo"' not in home and 'logo.svg" alt="" width="24" height="24"' in home
    english = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Search the site"' in english
