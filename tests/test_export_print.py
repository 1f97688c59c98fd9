"""Printing: a procedure printed from the browser (print stylesheet), and the reader as one PDF book.

Text is read back with poppler's pdftotext. Its default output keeps Hebrew letters and words in
reading (logical) order, but it wraps each line in bidi embedding marks (U+202B ... U+202C) and
gives every run of digits, Latin letters and the punctuation and spaces around them, marked with
U+202A ... U+202C, in visual (left to right) order: "כ-25 שנה." comes out as "כ‪ 25-‬שנה‪.‬".
:func:`logical` undoes that: inside a right-to-left line, each such run is cut into its
left-to-right islands (words and numbers) and single neutral characters, whose order is reversed,
and the marks are dropped; a line that ends in a hyphen is joined to the next without a space
(Chromium breaks lines after the hyphen of "בין-אישיים").
"""

from __future__ import annotations

import io
import re
import subprocess
import types
from pathlib import Path

import pytest
from lxml import html as lhtml

from conftest import ROOT, _serve
from courseware.problems import ContentError

PRINT_CSS = ROOT / "overrides" / "assets" / "stylesheets" / "print.css"
ADDRESS_PARTIAL = ROOT / "overrides" / "partials" / "print-address.html"
PROCEDURE = "procedures/first-weeks-at-work/"  # steps, a checklist, a folded case and links

RLE, LRE, PDF = "\u202b", "\u202a", "\u202c"
LTR_CHAR = r"A-Za-z0-9\u00C0-\u024F"
# digits joined by one separator (2017-2020, 3.5, 10:30) and Latin words with the spaces and
# punctuation between them stay one left-to-right island
ISLAND = re.compile(rf"[{LTR_CHAR}](?:[{LTR_CHAR}]|[ .,:/'’&+\-–](?=[{LTR_CHAR}]))*")
RUN = re.compile(LRE + "(.*?)" + PDF)


def _logical_run(run: str) -> str:
    tokens: list[str] = []
    start = 0
    for island in ISLAND.finditer(run):
        tokens.extend(run[start : island.start()])
        tokens.append(island.group())
        start = island.end()
    tokens.extend(run[start:])
    return "".join(reversed(tokens))


def logical(text: str) -> str:
    """pdftotext's output in logical order, without bidi marks (see the module's docstring)."""
    lines = []
    for line in text.split("\n"):
        if line.startswith(RLE):
            line = RUN.sub(lambda m: _logical_run(m.group(1)), line)
        lines.append(line.replace(RLE, "").replace(LRE, "").replace(PDF, ""))
    return re.sub(r"-[ \t]*\n[ \t]*(?=\S)", "-", "\n".join(lines))


def norm(text: str) -> str:
    return " ".join(text.split())


def pdftotext(pdf: Path, *args: str) -> str:
    result = subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def test_logical_order_of_pdftotext_runs():
    assert logical(f"{RLE}כ{LRE} 25-{PDF}שנה{LRE}.{PDF}{PDF}") == "כ-25 שנה."
    assert logical(f"{RLE}לפי הדוח{LRE} ,{PDF}פיתוח{PDF}") == "לפי הדוח, פיתוח"
    assert logical(f"{RLE}עם {LRE} ATD Fourth World{PDF}באמצע{PDF}") == "עם ATD Fourth World באמצע"
    assert logical(f"{RLE}דצמבר {LRE} .)2025{PDF}את{PDF}") == "דצמבר 2025). את"
    assert logical(f"{RLE}בין{LRE}-{PDF}{PDF}\n{RLE}אישיים{PDF}") == "בין-אישיים"
    assert logical("plain English line") == "plain English line"


# --- printing a procedure from the browser -------------------------------------------------------


def _with_print_wiring(context, address: str) -> None:
    """The print stylesheet and the page's address, as the theme wires them (mkdocs.yml
    extra_css, partials/print-address.html in main.html). Until that wiring is in the build, the
    procedure's page is served here with the same two things added: a link to the site's copy of
    the stylesheet (the build copies the theme's assets) and the address rendered from the real
    partial. A page that has them already is served as built."""

    def wire(route):
        response = route.fetch()
        body = response.text()
        if "assets/stylesheets/print.css" not in body:
            body = body.replace("</head>", '<link rel="stylesheet" href="../../assets/stylesheets/print.css"></head>', 1)
        if "cw-print-address" not in body:
            body = body.replace("</article>", _render_address("http://127.0.0.1:8000/" + PROCEDURE) + "</article>", 1)
        route.fulfill(response=response, body=body)

    context.route(address, wire)


def _render_address(url: str | None, locale: str = "he") -> str:
    jinja2 = pytest.importorskip("jinja2")
    template = jinja2.Environment().from_string(ADDRESS_PARTIAL.read_text(encoding="utf-8"))
    return template.render(page=types.SimpleNamespace(canonical_url=url), i18n_page_locale=locale)


def test_address_partial():
    he = _render_address("http://127.0.0.1:8000/procedures/intake-meeting/")
    assert 'class="cw-print-address" hidden' in he
    assert "כתובת הדף:" in he and 'dir="ltr"' in he
    assert "http://127.0.0.1:8000/procedures/intake-meeting/" in he
    assert "Page address:" in _render_address("http://x/en/", "en")
    assert _render_address(None).strip() == ""  # no site_url, no address


def test_print_stylesheet_is_print_only():
    css = PRINT_CSS.read_text(encoding="utf-8")
    body = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    top = re.findall(r"^(@[a-z]+[^{]*|[^\s@}][^{]*)\{", body, flags=re.M)
    assert [t.split()[0] for t in top] == ["@page", "@media"], top
    assert "@media print" in body


def _print_pdf(page, out: Path) -> Path:
    out.write_bytes(page.pdf(format="A4"))
    return out


def test_procedure_prints_as_a_checklist(built_site, browser, tmp_path):
    server, url = _serve(built_site)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"{url}/{PROCEDURE}")
        assert page.locator('link[href$="assets/stylesheets/print.css"]').count() in (0, 1)
        tabs = [norm(t) for t in page.locator(".md-tabs__link").all_inner_texts()]
        assert len(tabs) >= 5
        steps = [norm(t) for t in page.locator("article h2 + ol > li").all_inner_texts()]
        checklist = [norm(t) for t in page.locator("article .task-list-item").all_inner_texts()]
        meta = [norm(t) for t in page.locator("article .cw-doc-meta li").all_inner_texts()]
        title = norm(page.locator("article h1").evaluate("h => h.firstChild.textContent"))
        folded = norm(page.locator("article details > p").first.text_content())
        link = page.locator('article a[href^="../"]:not(.cw-term)').first.get_attribute("href")
        assert steps and checklist and len(meta) >= 5 and folded and link

        page.evaluate("""() => document.querySelectorAll('link[href$="print.css"]').forEach(l => l.disabled = true)""")
        plain = _print_pdf(page, tmp_path / "plain.pdf")  # the site's styles alone
        _with_print_wiring(context, f"{url}/{PROCEDURE}")
        page.goto(f"{url}/{PROCEDURE}")
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-search"):
            assert page.evaluate(f"getComputedStyle(document.querySelector('{chrome}')).display") == "none", chrome
        printed = _print_pdf(page, tmp_path / "procedure.pdf")
        context.close()

        # without JavaScript, the stylesheet alone opens the folded case
        context = browser.new_context(java_script_enabled=False)
        _with_print_wiring(context, f"{url}/{PROCEDURE}")
        page = context.new_page()
        page.goto(f"{url}/{PROCEDURE}")
        no_js = _print_pdf(page, tmp_path / "no-js.pdf")
        context.close()
    finally:
        server.shutdown()

    raw = pdftotext(printed)
    text = logical(raw)
    flat = norm(text)
    # an address is set left to right in its own isolate: pdftotext gives it in order as it is
    addresses = [norm(run) for run in RUN.findall(raw)]
    lines = {norm(line) for line in text.splitlines()}
    # no navigation, header, footer, search or language menu
    assert not lines & set(tabs), lines & set(tabs)
    for chrome in ("מרחב ידע לליווי תעסוקתי", "הצהרת נגישות", "חיפוש", "English", "العربية",
                   "התוכן נכתב מחדש מתוך המקורות"):
        assert chrome not in flat, chrome
    # the procedure: its title, owner, version, dates, every step and every item to check
    # (compared without the links' targets, which come out of logical() out of order)
    bare = norm(re.sub(r"\)[^()\s\u0590-\u05FF]*\(\s*", "", text))
    for item in [title, *meta, *steps, *checklist]:
        assert item in bare, item
    assert folded in flat
    assert folded in norm(logical(pdftotext(no_js)))
    # a link shows where it leads (its closing bracket, next to Hebrew, goes with the Hebrew run)
    assert [a for a in addresses if f"({link}" in a], addresses
    assert "כתובת הדף:" in flat  # and the page's address ends the printout
    assert [a for a in addresses if re.search(r"https?://[^/\s]+/" + re.escape(PROCEDURE), a)], addresses
    # compact: fewer A4 pages than the screen styles give
    pages = {p: len(pdftotext(p).split("\f")) - 1 for p in (printed, plain)}
    assert pages[printed] < pages[plain], pages
    assert pages[printed] <= 2, pages


# --- the reader as a PDF book --------------------------------------------------------------------


@pytest.fixture(scope="module")
def reader(built_site):
    """The reader's PDF as the build made it, and linked it from the reader's pages."""
    out = built_site / "downloads" / "reader.pdf"
    assert out.is_file() and out.stat().st_size > 100_000, "the build did not make the reader's PDF"
    for page in ("reader/index.html", "reader/crisis-at-work/index.html", "en/reader/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        depth = page.count("/")
        assert f'href="{"../" * depth}downloads/reader.pdf"' in html, page
    pages = logical(pdftotext(out)).split("\f")
    chapters = []
    index = lhtml.parse(str(built_site / "reader" / "index.html"))
    for href in index.xpath('//article//ol/li/a/@href'):
        doc = lhtml.parse(str(built_site / "reader" / href / "index.html"))
        chapters.append((href.strip("/"), doc))
    return types.SimpleNamespace(path=out, pages=pages, chapters=chapters, site=built_site)


def _title(doc) -> str:
    heading = doc.xpath("//article//h1")[0]
    return norm("".join(heading.xpath(".//text()[not(ancestor::a[contains(@class, 'headerlink')])]")))


def _contents(reader) -> dict[str, int]:
    """The page numbers the table of contents gives (page 2), by title."""
    toc = norm(reader.pages[1])
    assert toc.count("תוכן העניינים") == 1
    found = {}
    for _, doc in reader.chapters:
        match = re.search(re.escape(_title(doc)) + r" (\d+)", toc)
        assert match, f"{_title(doc)} not in the contents: {toc}"
        found[_title(doc)] = int(match.group(1))
    match = re.search(r"מילון מונחים (\d+)", toc)
    assert match
    found["מילון מונחים"] = int(match.group(1))
    return found


KNOWN = {
    1: [
        "לפי הדוח, פיתוח התפקידים האלה בשירותי השיקום בקהילה בישראל הוא תחום שהולך וגדל כבר כ-25 שנה.",
        "הסעיף עוסק בהכשרה ובשיקום (habilitation and rehabilitation).",
        "בישראל, כך לפי הדוח, נקודת המפנה הגיעה כשנחקק חוק שיקום מתמודדי נפש בקהילה, תש\"ס-2000.",
    ],
    5: [
        "הפרק ממשיך ישירות את פרק 4, שעסק בהכשרה המקדימה.",
        "על התרומה הייחודית של עמיתים, גם זו שקשה למדוד, נרחיב בפרק 6.",
    ],
    12: [
        "במסגרת נפרדת המסמך מתאר, בהסתמך על Schmitz (2017), מה נדרש מארגון שדרה שמוביל יוזמה שמשתתפים בה מומחים מניסיון.",
        "המסמך מתאר את המחקר The Hidden Dimension of Poverty (כך שמו במסמך), של ATD Fourth World ואוניברסיטת אוקספורד (2019).",
    ],
}


def test_reader_text_in_logical_order(reader):
    book = norm("\n".join(reader.pages))
    for number, sentences in KNOWN.items():
        for sentence in sentences:
            assert sentence in book, f"chapter {number}: {sentence}"
    # and every sentence of the running text of chapters 1, 5 and 12, as the site has it
    missing, total = [], 0
    for number in KNOWN:
        doc = reader.chapters[number - 1][1]
        # the running text: not the download link or the address that only prints
        running = "not(contains(@class, 'cw-reader-pdf')) and not(contains(@class, 'cw-print-address'))"
        for block in doc.xpath(f"//article/p[{running}] | //article/ul/li | //article/ol/li"):
            for sentence in re.split(r"(?<=[.?!:;])\s+", norm(block.text_content())):
                if len(sentence) >= 20:
                    total += 1
                    if sentence not in book:
                        missing.append(sentence)
    assert total > 200
    assert not missing, f"{len(missing)} of {total} sentences not found, e.g. {missing[:3]}"


def test_cover_and_glossary(reader):
    cover = norm(reader.pages[0])
    for text in ("המקראה", "הפרקטיקה המקצועית של ידע מניסיון", "מרחב ידע לליווי תעסוקתי",
                 "מקורות המקראה", "מכון מאיירס-ג'וינט-ברוקדייל"):
        assert text in cover, text
    assert re.search(r"\b\d{1,2}\.\d{1,2}\.20\d\d\b", cover), "the date"
    assert "(2025)" in cover and "(2022)" in cover  # both sources, with their years
    # the glossary closes the book: from its first page to the last, the site's glossary entries
    glossary = norm("\n".join(reader.pages[_contents(reader)["מילון מונחים"] - 1 :]))
    site = lhtml.parse(str(reader.site / "glossary" / "index.html"))
    terms = [norm(h.text_content()).rstrip("¶") for h in site.xpath("//article//h2")]
    assert len(terms) > 100
    assert not [term for term in terms if term not in glossary]
    assert terms[-1] in norm(reader.pages[-2])  # the last entry on the last page


def test_each_chapter_starts_on_the_page_the_contents_give(reader):
    contents = _contents(reader)
    starts = []
    for number, (_, doc) in enumerate(reader.chapters, start=1):
        title = _title(doc)
        page = contents[title]
        text = reader.pages[page - 1]
        body = [norm(line) for line in text.splitlines() if norm(line)]
        # the running headers (book, chapter), then the chapter's first lines
        body = [line for line in body if "·" not in line]
        assert body[0] == f"פרק {number}", (title, page, body[:3])
        assert title in norm(" ".join(body[1:4])), (title, page, body[:4])
        starts.append(page)
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert contents["מילון מונחים"] > starts[-1]
    assert norm(reader.pages[contents["מילון מונחים"] - 1]).count("מילון מונחים") >= 2  # header, title


def test_running_headers_and_page_numbers_spare_the_cover(reader):
    def lines(n):
        return [norm(line) for line in reader.pages[n - 1].splitlines() if norm(line)]

    running = "המקראה · הפרקטיקה המקצועית של ידע מניסיון"
    cover = lines(1)
    assert "המקראה" in cover  # the cover's title
    assert running not in cover and "1" not in cover, cover
    last = len([page for page in reader.pages if page.strip()])
    for n in (2, 3, last):
        assert running in lines(n) and str(n) in lines(n), (n, lines(n)[:3], lines(n)[-3:])


def test_outline_has_an_entry_per_chapter(reader):
    from pypdf import PdfReader

    pdf = PdfReader(str(reader.path))
    top = [item for item in pdf.outline if not isinstance(item, list)]
    titles = [str(item.title) for item in top]
    chapters = [_title(doc) for _, doc in reader.chapters]
    assert [t for t in titles if t in chapters] == chapters, titles  # in logical order, in order
    contents = _contents(reader)
    for item in top:
        if str(item.title) in chapters:
            assert pdf.get_destination_page_number(item) + 1 == contents[str(item.title)], item.title
    assert "מילון מונחים" in titles
    at = next(i for i, item in enumerate(pdf.outline) if not isinstance(item, list) and item.title == chapters[0])
    nested = pdf.outline[at + 1]
    assert isinstance(nested, list) and len(nested) >= 3  # a chapter's sections under it
    assert pdf.trailer["/Root"].get("/MarkInfo", {}).get("/Marked")  # tagged


def test_fonts_are_embedded(reader):
    listing = subprocess.run(["pdffonts", str(reader.path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        # name, type, encoding, emb, sub, uni, object id (the name and type hold spaces)
        emb = row.split()[-5]
        assert emb == "yes", row
        # only the book's own font: Chromium writes the variable Heebo as Type 3 fonts, so a
        # system font used for a missing glyph would show by name (DejaVu, Liberation, Noto...)
        assert "Type 3" in row or "Heebo" in row, row


def _ink(pgm: Path) -> tuple[int, int, list[bytes]]:
    data = pgm.read_bytes()
    magic, width, height, _, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    width, height = int(width), int(height)
    rows = [pixels[y * width : (y + 1) * width] for y in range(height)]
    return width, height, rows


def test_rendered_pages_are_right_to_left(reader, tmp_path):
    """Two pages rendered to images: the contents and the first page of chapter 4. The chapter's
    number and its short title, set right to left, put their ink on the right half."""
    contents = _contents(reader)
    first = contents[_title(reader.chapters[3][1])]
    for page in (2, first):
        subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", str(page), "-l", str(page), str(reader.path),
                        str(tmp_path / f"p{page}")], check=True)
    (chapter_image,) = tmp_path.glob(f"p{first}-*.pgm")
    width, height, rows = _ink(chapter_image)
    dark = [sum(1 for v in row if v < 128) for row in rows]
    assert sum(dark) > width * height * 0.02  # a page of text, not a blank
    # the band of the chapter's number and title, below the running headers and above the rule
    # under the title: all its ink on the right
    band = rows[int(height * 0.06) : int(height * 0.125)]
    right = sum(1 for row in band for v in row[width // 2 :] if v < 128)
    left = sum(1 for row in band for v in row[: width // 2] if v < 128)
    assert right > 100 and left * 10 < right, (right, left)


def test_reader_refuses_what_is_not_a_built_site(tmp_path):
    from courseware.export.reader_pdf import assemble_book, reader_pdf

    with pytest.raises(ContentError, match="reader/index.html"):
        assemble_book(tmp_path)
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "index.html").write_text(
        '<html><body><article class="md-content__inner"><h1>המקראה</h1></article></body></html>', encoding="utf-8"
    )
    with pytest.raises(ContentError, match="lists no chapters"):
        assemble_book(tmp_path)
    with pytest.raises(ContentError, match="Chromium is missing"):
        reader_pdf(tmp_path, tmp_path / "out.pdf", chromium=str(tmp_path / "no-chromium"))


def test_book_html_is_self_contained(built_site):
    from courseware.export.reader_pdf import assemble_book, book_html

    book = assemble_book(built_site)
    page = book_html(book)
    doc = lhtml.fromstring(page)
    assert doc.get("dir") == "rtl" and doc.get("lang") == "he"
    assert not doc.xpath("//link | //script | //img[not(starts-with(@src, 'data:'))]")
    assert "url(data:font/woff2;base64," in page and "http" not in "".join(doc.xpath("//style/text()"))
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    targets = {href[1:] for href in doc.xpath("//a/@href") if href.startswith("#")}
    assert targets <= set(ids), targets - set(ids)  # every link inside the book lands
    assert all(len(t.encode()) < 100 for t in targets)
    assert [c.number for c in book.chapters] == list(range(1, len(book.chapters) + 1))
    assert len(book.chapters) == 12
