"""Escaping, offline use and the keyboard, on built sites in headless Chromium.

- Content text holding <script>, HTML attributes or Markdown tricks in a question, an option or
  feedback shows as text on the quiz page and runs nothing.
- The built site, copied to another folder and served with no network, works: pages, search,
  quizzes and progress.
- The quiz and progress controls can be reached and used with the keyboard alone, and focus is
  always visible.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURE, _serve, as_site_project, edit, mkdocs_build

pytestmark = pytest.mark.browser

ATTACKS = {
    "stem: שאלה עם תשובה אחת?": 'stem: "<script>window.__pwned = 1</script> שאלה עם <img src=x onerror=\\"window.__pwned=2\\"> תשובה אחת?"',
    "{text: נכונה, correct: true, feedback: כי כך.}": '{text: "נכונה <b onmouseover=window.__pwned=3>מודגש</b> [קישור](javascript:window.__pwned=4)", correct: true, feedback: "כי כך. </p><script>window.__pwned=5</script>"}',
    "explanation: הסבר.\n  - id: q-multiple": 'explanation: "הסבר <iframe src=javascript:window.__pwned=6></iframe>"\n  - id: q-multiple',
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile")
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    for old, new in ATTACKS.items():
        edit(project / "quizzes" / "zeta-first.yml", old, new)
    as_site_project(project)
    site = tmp_path_factory.mktemp("hostile-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = _serve(site)
    yield url
    server.shutdown()


def test_content_cannot_run_script_on_the_quiz_page(browser, hostile_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(hostile_site + "/modules/zeta-first/quiz/", wait_until="networkidle")
    question = page.locator("#q-q-single")
    assert "<script>window.__pwned = 1</script>" in question.locator("legend").inner_text()
    assert question.locator("script, img, iframe, b[onmouseover]").count() == 0
    assert page.locator('a[href^="javascript" i], a[href^="data" i]').count() == 0
    for option in question.locator("input").all():
        option.hover()
    question.locator("input").first.check()
    page.locator(".cw-quiz__check").click()
    assert "</p><script>window.__pwned=5</script>" in question.locator(".cw-option__feedback").first.inner_text()
    question.locator("legend").hover()
    assert page.evaluate("window.__pwned") is None
    context.close()


def test_the_site_works_offline_from_a_copy(browser, built_site, tmp_path):
    copy = tmp_path / "offline-copy"
    shutil.copytree(built_site, copy)
    server, url = _serve(copy)
    context = browser.new_context()
    outside = []

    def only_local(route):
        if route.request.url.startswith(url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    try:
        # pages
        page.goto(url + "/modules/mentor-role/who-are-promoters/", wait_until="networkidle")
        assert page.locator("h1").count() == 1
        # progress
        page.get_by_role("button", name="סימון השיעור כנקרא").click()
        page.goto(url + "/modules/mentor-role/", wait_until="networkidle")
        assert "נקראו 1 מתוך 3 שיעורים" in page.locator(".cw-progress").inner_text()
        # quiz
        page.goto(url + "/modules/mentor-role/quiz/", wait_until="networkidle")
        for fieldset in page.locator("fieldset.cw-question").all():
            fieldset.locator("input").first.check()
        page.locator(".cw-quiz__check").click()
        assert page.locator(".cw-quiz__summary h2").is_visible()
        # search
        page.goto(url + "/", wait_until="networkidle")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator(".md-search__input").fill("אינטייק")
        page.keyboard.press("End")  # Material reads the box on a key release, as when typing
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        assert page.locator(".md-search-result__item").count() >= 1
        assert outside == []
    finally:
        context.close()
        server.shutdown()


FOCUS_VISIBLE = """() => {
  const e = document.activeElement; if (!e || e === document.body) return 'nothing focused';
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  return outline || shadow ? '' : (e.tagName + '.' + e.className + ' has no visible focus');
}"""


def tab_to(page, predicate_js, limit=400):
    """Press Tab until the focused element satisfies the predicate; every stop shows its focus."""
    invisible = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        problem = page.evaluate(FOCUS_VISIBLE)
        if problem and problem != "nothing focused":
            invisible.append(problem)
        if page.evaluate(predicate_js):
            return invisible
    raise AssertionError(f"not reached by Tab: {predicate_js}")


def test_progress_controls_with_the_keyboard_alone(browser, fixture_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(fixture_url + "/modules/zeta-first/opening/", wait_until="networkidle")
    invisible = tab_to(page, "() => document.activeElement.classList.contains('cw-mark__button')")
    page.keyboard.press("Enter")
    assert page.locator(".cw-mark__button").get_attribute("aria-pressed") == "true"
    page.keyboard.press("Space")
    assert page.locator(".cw-mark__button").get_attribute("aria-pressed") == "false"
    page.keyboard.press("Space")

    page.goto(fixture_url + "/modules/zeta-first/quiz/", wait_until="networkidle")
    invisible += tab_to(page, "() => document.activeElement.name === 'q-q-single'")
    page.keyboard.press("Space")
    invisible += tab_to(page, "() => document.activeElement.classList.contains('cw-quiz__check')")
    page.keyboard.press("Enter")
    assert page.locator(".cw-quiz__summary").is_visible()
    invisible += tab_to(page, "() => document.activeElement.classList.contains('cw-quiz__retry')")
    page.keyboard.press("Enter")
    assert page.locator(".cw-quiz__check").is_visible()

    page.goto(fixture_url + "/my-learning/", wait_until="networkidle")
    invisible += tab_to(page, "() => document.activeElement.classList.contains('cw-export')")
    with page.expect_download():
        page.keyboard.press("Enter")
    invisible += tab_to(page, "() => document.activeElement.classList.contains('cw-import')")
    with page.expect_file_chooser():
        page.keyboard.press("Space")
    invisible += tab_to(page, "() => document.activeElement.classList.contains('cw-clear')")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.keyboard.press("Enter")
    assert invisible == []
    context.close()
