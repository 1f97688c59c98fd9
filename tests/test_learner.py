"""The learner's experience in headless Chromium: a real walk through a module and a path, with
progress kept in the browser; storage that is missing, corrupt, full or disabled; no JavaScript;
RTL and a 360 px screen. Runs on the fixture site, whose answers are known:

  zeta-first (lessons opening, practice; quiz: q-single correct 0, q-multiple correct 0+1,
  q-tf correct 1 'לא נכון'; pass mark 80) -> alpha-second (lesson next-step; quiz: only, correct 0)
"""

import json

import pytest

pytestmark = pytest.mark.browser


def go(page, url):
    response = page.goto(url, wait_until="networkidle")
    assert response and response.ok, url


@pytest.fixture
def learner(browser):
    """A fresh browser profile (empty localStorage) that fails the test on any page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert errors == []


def mark_read(page, base, lesson):
    go(page, f"{base}/modules/{lesson}/")
    button = page.get_by_role("button", name="סימון השיעור כנקרא")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"


def answer(page, choices):
    """choices: {question id: [option values]}"""
    for qid, values in choices.items():
        for value in values:
            page.locator(f"#q-{qid} input[value='{value}']").check()
    page.get_by_role("button", name="בדיקת התשובות").click()


RIGHT = {"q-single": [0], "q-multiple": [0, 1], "q-tf": [1]}
WRONG = {"q-single": [1], "q-multiple": [0], "q-tf": [0]}


def test_a_learner_walks_a_module_and_a_path(learner, fixture_url, tmp_path):
    page, base = learner, fixture_url

    # the module page before anything: nothing read, a start link
    go(page, f"{base}/modules/zeta-first/")
    progress = page.locator(".cw-progress")
    assert "נקראו 0 מתוך 2 שיעורים" in progress.inner_text()
    assert page.locator(".cw-continue").inner_text() == "להתחלה: פתיחה"

    # mark both lessons read
    mark_read(page, base, "zeta-first/opening")
    status = page.locator(".cw-mark__status")
    assert "נקראו 1 מתוך 2 שיעורים בלומדה" in status.inner_text()
    assert status.get_by_role("link").inner_text() == "להמשך: תרגול"
    mark_read(page, base, "zeta-first/practice")
    assert page.locator(".cw-mark__status").get_by_role("link").inner_text() == "להמשך: בוחן לבדיקה עצמית"

    # the module page shows which lessons are read, and continues to the quiz
    go(page, f"{base}/modules/zeta-first/")
    assert "נקראו 2 מתוך 2 שיעורים" in page.locator(".cw-progress").inner_text()
    assert page.locator("ol .cw-state--done").count() == 2
    page.locator(".cw-continue").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/modules/zeta-first/quiz/")

    # answer wrong and see the feedback
    answer(page, WRONG)
    summary = page.locator(".cw-quiz__summary")
    assert summary.locator("h2").inner_text() == "עוד לא עברתם את הבוחן"
    assert "עניתם נכון על 0 מתוך 3 שאלות: 0%. ציון עובר: 80%." in summary.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "עוד לא עברתם את הבוחן"
    assert "עוד לא עברתם את הבוחן. 0 מתוך 3 נכונות, 0%." == page.locator(".cw-quiz [role=status]").inner_text()
    single = page.locator("#q-q-single")
    chosen = single.locator(".cw-option--chosen")
    assert chosen.count() == 1
    assert chosen.locator(".cw-option__feedback").is_visible()
    assert "בחרתם בתשובה לא נכונה. כי לא." in chosen.locator(".cw-option__feedback").inner_text()
    outcome = single.locator(".cw-question__outcome")
    assert outcome.is_visible()
    assert "✗ תשובה לא נכונה." in outcome.inner_text() and "הסבר." in outcome.inner_text()
    assert outcome.get_by_role("link").get_attribute("href") == "../opening/#הסעיף-הראשון"
    assert "לא סימנתם את כל התשובות הנכונות" in page.locator("#q-q-multiple .cw-question__outcome").inner_text()
    assert page.locator("#q-q-single input").first.is_disabled()

    # retry: answers cleared, the check button back, options of shuffled questions in a new order
    order = lambda qid: page.locator(f"#q-{qid} .cw-option").evaluate_all("els => els.map(e => e.dataset.index)")
    before = {qid: order(qid) for qid in RIGHT}
    page.get_by_role("button", name="ניסיון נוסף").click()
    assert page.locator(".cw-quiz input:checked").count() == 0
    assert not page.locator(".cw-question__outcome").first.is_visible()
    assert page.get_by_role("button", name="בדיקת התשובות").is_visible()
    assert order("q-single") != before["q-single"]
    assert order("q-multiple") != before["q-multiple"]
    assert order("q-tf") == before["q-tf"] == ["0", "1"]  # true/false keeps its order
    assert page.evaluate("document.activeElement.tagName") == "INPUT"

    # retry and pass
    answer(page, RIGHT)
    assert page.locator(".cw-quiz__summary h2").inner_text() == "עברתם את הבוחן"
    assert "עניתם נכון על 3 מתוך 3 שאלות: 100%" in page.locator(".cw-quiz__summary").inner_text()
    assert "סיימתם את הלומדה" in page.locator(".cw-quiz__summary").inner_text()

    # reload: the progress is still there
    page.reload(wait_until="networkidle")
    assert "ניסיתם את הבוחן 2 פעמים. הציון הטוב ביותר שלכם: 100%" in page.locator(".cw-learner").inner_text()
    go(page, f"{base}/modules/zeta-first/")
    assert "סיימתם את הלומדה" in page.locator(".cw-progress").inner_text()
    assert "עברתם (100%)" in page.locator("h2:has-text('השיעורים') + ol").inner_text()

    # the path page has moved: 1 of 2 modules, and continues to the next module
    go(page, f"{base}/paths/mentor-basic/")
    bar = page.get_by_role("progressbar")
    assert bar.get_attribute("aria-valuenow") == "50"
    items = page.locator(".cw-path ol > li")
    assert "הושלמה" in items.nth(0).inner_text()
    assert "טרם התחלתם" in items.nth(1).inner_text()
    assert page.locator(".cw-continue").inner_text() == "להמשך: לומדת המשך"
    # the bar fills from the right in Hebrew
    box, fill = bar.bounding_box(), bar.locator(".cw-bar__fill").bounding_box()
    assert abs((fill["x"] + fill["width"]) - (box["x"] + box["width"])) < 1
    assert fill["width"] == pytest.approx(box["width"] / 2, abs=2)

    # my learning: export, clear, import back
    go(page, f"{base}/my-learning/")
    mine = page.locator(".cw-learner")
    assert "השלמתם 1 מתוך 2 לומדות במסלול (50%)" in mine.inner_text()
    assert "לומדת יסוד" in mine.locator("table").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="שמירת ההתקדמות בקובץ").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["version"] == 1
    assert sorted(exported["lessons"]) == ["zeta-first/opening", "zeta-first/practice"]
    assert exported["quizzes"]["zeta-first"]["best"] == 100

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="מחיקת כל ההתקדמות").click()
    assert "ההתקדמות נמחקה." in page.locator(".cw-mine__status").inner_text()
    assert "עוד לא התחלתם ללמוד" in mine.inner_text()
    assert page.evaluate("localStorage.getItem('courseware-progress-v1')") is None

    page.get_by_label("טעינת התקדמות מקובץ").set_input_files(str(saved))
    page.wait_for_function("() => document.querySelector('.cw-mine__status').textContent.includes('נטענו')")
    assert "נטענו מהקובץ 2 שיעורים שנקראו ו-1 בחנים" in page.locator(".cw-mine__status").inner_text()
    assert "השלמתם 1 מתוך 2 לומדות במסלול (50%)" in mine.inner_text()

    # a bad file is refused and changes nothing
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 7}', encoding="utf-8")
    page.get_by_label("טעינת התקדמות מקובץ").set_input_files(str(bad))
    page.wait_for_function("() => document.querySelector('.cw-mine__status').textContent.includes('לא נטען')")
    assert "גרסת הקובץ אינה מוכרת" in page.locator(".cw-mine__status").inner_text()
    not_json = tmp_path / "notes.json"
    not_json.write_text("hello", encoding="utf-8")
    page.get_by_label("טעינת התקדמות מקובץ").set_input_files(str(not_json))
    page.wait_for_function("() => document.querySelector('.cw-mine__status').textContent.includes('אינו קובץ JSON')")
    assert "השלמתם 1 מתוך 2 לומדות" in mine.inner_text()

    # complete the path: a completion record to print, with the learner's name
    mark_read(page, base, "alpha-second/next-step")
    go(page, f"{base}/modules/alpha-second/quiz/")
    answer(page, {"only": [0]})
    go(page, f"{base}/paths/mentor-basic/")
    assert "השלמתם את המסלול" in page.locator(".cw-path-progress").inner_text()
    go(page, f"{base}/my-learning/")
    record = page.locator("#certificate-mentor-basic")
    assert record.locator("h3").inner_text() == "המסלול הבסיסי למלווים"
    page.get_by_label("השם ברשומה").fill("דנה לוי")
    assert record.locator(".cw-certificate__name").inner_text() == "דנה לוי השלימו את המסלול"
    assert record.locator("tbody tr").count() == 2
    # printing shows the record alone
    page.evaluate("document.body.classList.add('cw-printing'); document.querySelector('#certificate-mentor-basic').classList.add('cw-certificate--printing')")
    page.emulate_media(media="print")
    assert record.is_visible()
    assert not page.locator(".md-header").is_visible()
    assert not page.get_by_role("button", name="שמירת ההתקדמות בקובץ").is_visible()
    assert not record.locator(".cw-certificate__print").is_visible()


def test_quiz_without_javascript(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    go(page, f"{fixture_url}/modules/zeta-first/quiz/")
    assert page.locator("fieldset.cw-question").count() == 3
    assert not page.get_by_role("button", name="בדיקת התשובות").is_visible()
    assert not page.locator(".cw-learner").is_visible()
    details = page.locator("details.cw-answer").first
    assert not details.locator(".cw-answer__explanation").is_visible()
    details.locator("summary").click()
    assert "נכונה: נכונה" in details.inner_text()
    context.close()


BROKEN_STORAGE = {
    "throws on every call": """
        for (const name of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
          Storage.prototype[name] = function () { throw new DOMException('denied', 'SecurityError'); };
        }""",
    "cannot even be reached": """
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
        Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });""",
    "is full": """
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };""",
}


@pytest.mark.parametrize("how", list(BROKEN_STORAGE))
def test_broken_storage_leaves_working_pages(browser, fixture_url, how):
    context = browser.new_context()
    context.add_init_script(BROKEN_STORAGE[how])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in ("modules/zeta-first/", "modules/zeta-first/opening/", "paths/mentor-basic/", "my-learning/"):
        go(page, f"{fixture_url}/{path}")
        assert page.locator("h1").count() == 1
    go(page, f"{fixture_url}/modules/zeta-first/opening/")
    page.get_by_role("button", name="סימון השיעור כנקרא").click()
    notice = page.locator(".cw-notice")
    assert notice.count() == 1
    expected = "אין בדפדפן מקום" if how == "is full" else "הדפדפן לא מאפשר לאתר לשמור נתונים"
    assert expected in notice.inner_text()
    go(page, f"{fixture_url}/modules/zeta-first/quiz/")
    answer(page, RIGHT)
    assert page.locator(".cw-quiz__summary h2").inner_text() == "עברתם את הבוחן"
    assert page.locator(".cw-notice").count() <= 1
    assert errors == []
    context.close()


def test_a_corrupt_store_is_set_aside_and_the_learner_told(browser, fixture_url):
    context = browser.new_context()
    context.add_init_script("if (!sessionStorage.getItem('seeded')) { localStorage.setItem('courseware-progress-v1', '{not json'); sessionStorage.setItem('seeded', '1'); }")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    go(page, f"{fixture_url}/modules/zeta-first/")
    assert "פגומים" in page.locator(".cw-notice").inner_text()
    assert "נקראו 0 מתוך 2 שיעורים" in page.locator(".cw-progress").inner_text()
    assert page.evaluate("localStorage.getItem('courseware-progress-v1-unreadable')") == "{not json"
    # progress goes on from empty, and the learner is not told again
    mark_read(page, fixture_url, "zeta-first/opening")
    assert page.locator(".cw-notice").count() == 0
    assert json.loads(page.evaluate("localStorage.getItem('courseware-progress-v1')"))["lessons"]
    assert errors == []
    context.close()


def test_the_checked_quiz_fits_a_360px_screen(browser, fixture_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    go(page, f"{fixture_url}/modules/zeta-first/quiz/")
    answer(page, WRONG)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    legend = page.locator("#q-q-single legend").bounding_box()
    fieldset = page.locator("#q-q-single").bounding_box()
    assert legend["x"] >= fieldset["x"] and legend["x"] + legend["width"] <= fieldset["x"] + fieldset["width"] + 1
    context.close()


def test_keyboard_alone_answers_and_checks(browser, fixture_url):
    context = browser.new_context()
    page = context.new_page()
    go(page, f"{fixture_url}/modules/zeta-first/quiz/")
    page.locator("#q-q-single input").first.focus()
    page.keyboard.press("Space")  # the first option of the single question
    page.keyboard.press("Tab")  # to the multiple question's first checkbox
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the third checkbox to the true/false radios
    page.keyboard.press("ArrowDown" if page.evaluate("getComputedStyle(document.body).direction") == "ltr" else "ArrowDown")
    assert page.locator("#q-q-tf input:checked").get_attribute("value") == "1"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "בדיקת התשובות"
    page.keyboard.press("Enter")
    assert page.locator(".cw-quiz__summary h2").inner_text() == "עברתם את הבוחן"
    context.close()
