"""axe-core (WCAG 2.0/2.1 A and AA rules) on the learner's pages, before and after answering the
quiz: no serious or critical violation. axe-core comes from the npm registry (package.json)."""

import pytest

from conftest import run_axe as axe

pytestmark = pytest.mark.browser


PAGES = [
    "/modules/mentor-role/",
    "/modules/mentor-role/who-are-promoters/",
    "/modules/mentor-role/quiz/",
    "/paths/mentor-basic/",
    "/my-learning/",
    "/",
    "/en/modules/mentor-role/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [1280, 360])
def test_no_serious_violations(browser, site_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    assert axe(page) == []
    context.close()


def test_no_serious_violations_after_answering_and_with_progress(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/modules/mentor-role/who-are-promoters/", wait_until="networkidle")
    page.get_by_role("button", name="סימון השיעור כנקרא").click()
    assert axe(page) == []
    page.goto(site_url + "/modules/mentor-role/quiz/", wait_until="networkidle")
    for fieldset in page.locator("fieldset.cw-question").all():
        fieldset.locator("input").first.check()
    page.get_by_role("button", name="בדיקת התשובות").click()
    assert axe(page) == []
    for path in ("/modules/mentor-role/", "/paths/mentor-basic/", "/my-learning/"):
        page.goto(site_url + path, wait_until="networkidle")
        assert axe(page) == [], path
    context.close()
