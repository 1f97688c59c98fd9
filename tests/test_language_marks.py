"""English passages inside Hebrew pages are marked with their language and direction."""

from courseware.language_marks import mark_english

EN = '<span lang="en" dir="ltr">'


def test_latin_runs_are_marked():
    assert mark_english("<p>חוללות עצמית (self-efficacy) היא...</p>") == f"<p>חוללות עצמית ({EN}self-efficacy</span>) היא...</p>"
    assert mark_english("<p>מודל SMART בודק</p>") == f"<p>מודל {EN}SMART</span> בודק</p>"
    assert mark_english("<td>תחומה בזמן (Time-bounded)</td>") == f"<td>תחומה בזמן ({EN}Time-bounded</span>)</td>"
    # words joined by spaces stay one run; numbers and punctuation around them stay outside
    assert mark_english("<p>(Active Labor Market Policy), 2006.</p>") == f"<p>({EN}Active Labor Market Policy</span>), 2006.</p>"
    assert mark_english("<p>WCAG 2.0</p>") == f"<p>{EN}WCAG</span> 2.0</p>"


def test_code_attributes_entities_and_marked_elements_are_left_alone():
    for html in (
        "<pre><code>print('x')</code></pre>",
        '<a href="http://example.org/Path" title="Title">קישור</a>',
        "<p>&amp; &nbsp; &#8211;</p>",
        '<span lang="en">already marked</span>',
        '<p dir="ltr">Left to right <b>bold</b></p>',
        "<script>var a = 'b';</script>",
        "<!-- a comment -->",
        '<input value="Text">',
    ):
        assert mark_english(html) == html


def test_nested_markup_is_kept():
    html = "<p>ראו <em>Work First</em> ו<code>x</code> וגם <br>ALMP</p>"
    assert mark_english(html) == f"<p>ראו <em>{EN}Work First</span></em> ו<code>x</code> וגם <br>{EN}ALMP</span></p>"


def test_glossary_terms_are_marked_once():
    from courseware.glossary_marks import mark_terms, term_patterns
    from courseware.model import GlossaryEntry, Loc

    entries = [
        GlossaryEntry("employability", "מסוגלות תעסוקתית", "היכולת \"להשתלב\" בעבודה.", ["מסוגלות"], [], Loc("g")),
        GlossaryEntry("placement", "השמה", "מציאת עבודה.", ["השמות"], [], Loc("g")),
        GlossaryEntry("promoter", "מקדם/ת תעסוקה", "מי שמלווה.", ["מקדמי תעסוקה"], [], Loc("g")),
    ]
    patterns = term_patterns(entries)
    html = (
        '<h2 id="x">מסוגלות תעסוקתית</h2>'
        "<p>לחזק את המסוגלות התעסוקתית של מקדמי תעסוקה, ושוב מסוגלות תעסוקתית.</p>"
        '<p><a href="y">בהשמה</a> ואז בהשמה, ואחר כך השמות.</p>'
        '<h2 id="מקורות">מקורות</h2><ul><li>השמה</li></ul>'
    )
    out = mark_terms(html, patterns, "../../glossary/")
    assert out.count('class="cw-term"') == 3
    assert '<h2 id="x">מסוגלות תעסוקתית</h2>' in out  # headings are left alone
    assert '<a class="cw-term" href="../../glossary/#employability" title="היכולת &quot;להשתלב&quot; בעבודה.">המסוגלות התעסוקתית</a>' in out
    assert '<a class="cw-term" href="../../glossary/#promoter" title="מי שמלווה.">מקדמי תעסוקה</a>' in out
    assert 'ושוב מסוגלות תעסוקתית.' in out  # only the first occurrence
    assert '<a href="y">בהשמה</a> ואז <a class="cw-term" href="../../glossary/#placement" title="מציאת עבודה.">בהשמה</a>' in out
    assert out.endswith('<h2 id="מקורות">מקורות</h2><ul><li>השמה</li></ul>')  # not in the sources


def test_marking_a_whole_page_leaves_head_and_body_tag_alone():
    from courseware.publish import mark_english_in_body

    page = '<html lang="he"><head><title>Title</title></head><body dir="rtl" data-md-color-scheme="default"><nav>Home SMART</nav></body></html>'
    out = mark_english_in_body(page)
    assert out.startswith('<html lang="he"><head><title>Title</title></head><body dir="rtl" data-md-color-scheme="default"><nav>')
    assert f"<nav>{EN}Home SMART</span></nav>" in out
