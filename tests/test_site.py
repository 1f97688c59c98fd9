"""The built site in headless Chromium (Playwright driving /usr/bin/chromium): what a person sees."""

import pytest

pytestmark = pytest.mark.browser


def h1(page):
    """The page title as read, without the heading's permalink mark."""
    return page.locator("h1").evaluate("e => Array.from(e.childNodes).filter(n => !(n.classList && n.classList.contains('headerlink'))).map(n => n.textContent).join('').trim()")


def open_page(page, url):
    """Load a page, recording every request it makes."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    response = page.goto(url, wait_until="networkidle")
    assert response and response.ok, url
    return requests


def test_hebrew_home_is_rtl_and_hebrew(page, site_url):
    open_page(page, site_url + "/")
    assert page.evaluate("document.documentElement.lang") == "he"
    assert page.evaluate("document.body.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"
    assert h1(page) == "מרחב ידע לליווי תעסוקתי"
    # the navigation shows the three audiences
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    for audience in ("מלווים", "מנהלים", "עמיתים מומחים"):
        assert audience in [t.strip() for t in tabs]


def test_english_home_is_ltr_and_arabic_is_rtl(page, site_url):
    open_page(page, site_url + "/en/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("document.body.dir") == "ltr"
    assert h1(page) == "Knowledge hub for employment support"
    assert "Mentors" in [t.strip() for t in page.locator(".md-tabs__link").all_inner_texts()]
    open_page(page, site_url + "/ar/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("document.body.dir") == "rtl"


def test_untranslated_page_falls_back_to_hebrew_with_a_notice(page, site_url):
    open_page(page, site_url + "/en/modules/mentor-role/")
    notice = page.locator(".cw-fallback")
    assert notice.is_visible()
    assert "has not been translated into English yet" in notice.inner_text()
    content = page.locator(".cw-fallback-content")
    assert content.get_attribute("lang") == "he"
    assert page.evaluate("getComputedStyle(document.querySelector('.cw-fallback-content')).direction") == "rtl"


def test_language_switcher_stays_on_the_page(page, site_url):
    open_page(page, site_url + "/modules/mentor-role/")
    links = page.evaluate(
        "Array.from(document.querySelectorAll('.md-select__link')).map(a => [a.hreflang, new URL(a.href).pathname])"
    )
    assert ["en", "/en/modules/mentor-role/"] in links
    assert ["ar", "/ar/modules/mentor-role/"] in links


def test_module_page_links_to_its_lessons_and_quiz(page, site_url):
    open_page(page, site_url + "/modules/mentor-role/")
    assert h1(page) == "מיהו מקדם התעסוקה"
    lessons = page.locator("h2:has-text('השיעורים') + ol a")
    titles = lessons.all_inner_texts()
    assert titles == ["מי הם מקדמי התעסוקה", "פיתוח קריירה ולא רק השמה", "ליווי ואימון, לא טיפול", "בוחן לבדיקה עצמית"]
    hrefs = [lessons.nth(i).get_attribute("href") for i in range(lessons.count())]
    for href in hrefs:
        response = page.request.get(site_url + "/modules/mentor-role/" + href)
        assert response.ok, href
    lessons.first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/modules/mentor-role/who-are-promoters/")
    # the module's name is in the breadcrumb, and the pager stays inside the module
    assert "מיהו מקדם התעסוקה" in page.locator(".md-path").inner_text()
    page.locator(".cw-pager__next").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/modules/mentor-role/career-not-placement/")


def test_quiz_without_javascript_shows_questions_and_folded_answers(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    open_page(page, site_url + "/modules/mentor-role/quiz/")
    questions = page.locator("fieldset.cw-question")
    assert questions.count() == 12
    first = questions.first
    assert first.locator("legend").is_visible()
    assert first.locator("input").count() >= 2
    answer = first.locator("details.cw-answer")
    assert answer.get_attribute("open") is None
    assert not answer.locator(".cw-answer__explanation").is_visible()
    answer.locator("summary").click()
    assert answer.locator(".cw-answer__explanation").is_visible()
    assert answer.locator(".cw-answer__ref a").get_attribute("href").startswith("../who-are-promoters/#")
    context.close()


def test_path_page_lists_modules_in_prerequisite_order(page, fixture_url):
    open_page(page, fixture_url + "/paths/mentor-basic/")
    items = page.locator(".cw-path ol > li > a:first-child").all_inner_texts()
    assert items == ["לומדת יסוד", "לומדת המשך"]  # not alphabetical: alpha-second needs zeta-first
    open_page(page, fixture_url + "/paths/mentor-advanced/")
    assert page.locator(".cw-path ol > li > a:first-child").all_inner_texts() == ["לומדה מתקדמת"]
    assert page.get_by_role("link", name="המסלול הבסיסי למלווים").count() >= 1


PAGES = ["/", "/en/", "/ar/", "/modules/mentor-role/", "/modules/mentor-role/quiz/",
         "/modules/mentor-role/who-are-promoters/", "/paths/mentor-basic/", "/glossary/",
         "/procedures/intake-meeting/", "/reader/peer-experts-in-israel/", "/en/modules/mentor-role/"]


def test_no_request_leaves_the_origin(page, site_url):
    seen = []
    for path in PAGES:
        seen += open_page(page, site_url + path)
    outside = [url for url in seen if not url.startswith(site_url) and not url.startswith("data:")]
    assert outside == []
    assert any(url.endswith("heebo-hebrew-wght-normal.woff2") for url in seen), "the Hebrew font is served by the site"


def test_the_site_font_is_used(page, site_url):
    open_page(page, site_url + "/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Heebo Variable\"', 'שלום')")
    assert "Heebo Variable" in page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).fontFamily")
