"""Pull-request attacks on a page's blocks set apart, its colours judged by contrast and its font sizes.

A page of no layout is read with its blocks set apart unless a label ends the first
(layouts.set_apart, markup.read with blocks); its colours are judged by their contrast, and a font's
size of 9 to 16 pixels is read as one a reader reads (reading/styles.py). Each attack here is a page
whose words a reader sees otherwise than the check read them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IM19_PAGE_HEAD, IM19_PATH, IM19_TITLE_LINE, Trials, add_source, im19_draft, joined, put

HEAD = IM19_PAGE_HEAD
SAID = "Enrollment: 60 participants"


def _enrollment(trials: Trials, body: str, quote: str = SAID, count: int = 60) -> int:
    """`trials validate`'s status for IM19's draft quoting quote (an enrollment of count) from a page of body."""
    result = trials.enrollment("seeds/950_hunt.html", f"{HEAD}{body}\n</body></html>\n", count, quote)
    return result.status


# 1. A rule (<hr>) is a block's end: void, it ended no line, and the digits either side of it were one number
RULED = {
    "in a line": "Enrollment: 6<hr>0 participants",
    "in a paragraph": "<p>Enrollment: 6<hr>0 participants</p>",
    "after a label": "<p>Enrollment:</p><hr><p>60 participants</p>",
}


@pytest.mark.parametrize("body", RULED.values(), ids=RULED.keys())
def test_a_rule_sets_apart_the_text_either_side(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 1


# 2. What a reader is shown but the check does not read (a faint grey block, a grey word, a picture) stands
# between the blocks around it: left out in silence, a label ran over it into the block after it
BETWEEN = {
    "a grey block": "<p>Enrollment:</p><p style='color:#999'>20 participants</p><p>60 participants</p>",
    "a grey word": "<p>Enrollment:</p><p><b style='color:#999'>20</b></p><p>60 participants</p>",
    "a grey line": "<p>Enrollment:<br><b style='color:#999'>20</b><br>60 participants</p>",
    "a picture": "<p>Enrollment:</p><p><img src=twenty.png></p><p>60 participants</p>",
    "a figure": "<p>Enrollment:</p><figure><img src=twenty.png><figcaption>60 participants</figcaption></figure>",
}


@pytest.mark.parametrize("body", BETWEEN.values(), ids=BETWEEN.keys())
def test_a_label_runs_over_nothing_a_reader_is_shown(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 1


def test_a_label_runs_over_a_block_hidden_from_every_reader(trials: Trials) -> None:
    # a block no browser shows (hidden) stands nowhere: the label's value is the block after it
    assert _enrollment(trials, "<p>Enrollment:</p><p hidden>20</p><p>60 participants</p>") == 0


# 3. A blank line a page shows inside a block (two line breaks, a preformatted text's empty line) sets two
# paragraphs apart, as a plain text's blank line does; read as one line break, it joined them
STATUS = 'overall_status: NOT_YET_RECRUITING\nevidence:\n  overall_status: "Status: Not yet recruiting"\n'
BLANK = {
    "two line breaks": "<p>Status: Not yet<br><br>recruiting elsewhere</p>",
    "line breaks around a space": "<p>Status: Not yet<br> <br>recruiting elsewhere</p>",
    "line breaks around a no-break space": "<p>Status: Not yet<br>&nbsp;<br>recruiting elsewhere</p>",
    "a preformatted line of no-break spaces": "<pre>Status: Not yet\n\u00a0\nrecruiting elsewhere</pre>",
    "a preformatted blank line": "<pre>Status: Not yet\n\n\nrecruiting elsewhere</pre>",
    "a preformatted line of spaces": "<pre>Status: Not yet\n  \nrecruiting elsewhere</pre>",
}


def _status(registry: Path, trials: Trials, body: str) -> int:
    source = add_source(registry, "seeds/950_hunt.html", f"{HEAD}{body}\n</body></html>\n")
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS))
    return trials("validate", registry / IM19_PATH).status


@pytest.mark.parametrize("body", BLANK.values(), ids=BLANK.keys())
def test_a_blank_line_in_a_block_sets_its_paragraphs_apart(registry: Path, trials: Trials, body: str) -> None:
    assert _status(registry, trials, body) == 1


@pytest.mark.parametrize(
    "body",
    [
        "<p>Status: Not yet<br>recruiting</p>",  # one line break: one paragraph's lines
        "<pre>Status: Not yet\nrecruiting</pre>",
        "<p>Status:<br><br>Not yet recruiting</p>",  # a label, and its value after a blank line
        "<pre>Status:\n\nNot yet recruiting</pre>",
    ],
)
def test_a_paragraphs_lines_and_a_label_before_a_blank_line_bind(registry: Path, trials: Trials, body: str) -> None:
    assert _status(registry, trials, body) == 0


# 4. A font's size of 9 pixels is read, but a browser draws a <small>, a <sub> or an <h6> smaller than its
# parent's: under a size of 9 pixels, or nested, its words stand smaller than any size a reader reads
SMALLER = {
    "a small in 9 pixels": f"<p style='font-size: 9px'><small>{SAID}</small></p>",
    "a heading in 9 pixels": f"<div style='font-size: 9px'><h6>{SAID}</h6></div>",
    "a rule's 9 pixels": f"<style>p {{ font-size: 9px }}</style><p><small>{SAID}</small></p>",
    "a shorthand's 9 pixels": f"<style>.n {{ font: 9px serif }}</style><p class=n><small>{SAID}</small></p>",
    "a font's size 1": f"<font size=1><small><small><small>{SAID}</small></small></small></font>",
    "six smalls": f"<small><small><small><small><small><small>{SAID}</small></small></small></small></small></small>",
}


@pytest.mark.parametrize("body", SMALLER.values(), ids=SMALLER.keys())
def test_a_font_made_smaller_than_a_reader_reads_hides_its_words(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 1


@pytest.mark.parametrize(
    "body",
    [
        f"<p><small>{SAID}</small></p>",  # 13 pixels
        f"<h6>{SAID}</h6>",
        f"<style>body {{ font-size: 14px }}</style><p><small><small>{SAID}</small></small></p>",  # 9.7 pixels
        f"<p style='font-size: 9px'>{SAID}</p>",
        f"<font size=1>{SAID}</font>",  # 10 pixels
    ],
)
def test_a_small_font_a_reader_reads_shows_its_words(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 0


# 5. A label ending a list's item is none of the next item's, nor of what follows its list: a reader reads
# an item's value in the item, or in a list nested in it
ITEMS = {
    "two items": "<ul><li>Enrollment:</li><li>60 participants</li></ul>",
    "two items left open": "<ul><li>Enrollment:<li>60 participants</ul>",
    "two lists": "<ul><li>Enrollment:</li></ul><ul><li>60 participants</li></ul>",
    "a list and a paragraph": "<ul><li>Enrollment:</li></ul><p>60 participants</p>",
    # an item left open, ended by its list's end tag, or by that of an element around the list
    "an item ended by its list": "<ul><li>Enrollment:</ul><p>60 participants</p>",
    "an item ended by a division": "<div><ul><li>Enrollment:</div><p>60 participants</p>",
    "an item ended by a phrase": "<b><ul><li>Enrollment:</b><p>60 participants</p>",
}


@pytest.mark.parametrize("body", ITEMS.values(), ids=ITEMS.keys())
def test_a_label_ending_an_item_binds_nothing_after_it(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 1


@pytest.mark.parametrize(
    "body",
    [
        "<ul><li>Enrollment:<ul><li>60 participants</li></ul></li></ul>",  # a list nested in the item
        "<ul><li><p>Enrollment:</p><p>60 participants</p></li></ul>",  # the item's own paragraphs
        "<p>Enrollment:</p><ul><li>60 participants</li></ul>",  # a label, and the list after it
    ],
)
def test_a_label_and_its_value_in_one_item_bind(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 0


# An ordered list's item shows its number before it, which a reader reads as the item's: a label above the
# list binds no number of it ("Enrollment: 60. participants", <ol start=60>, was read as an enrollment of 60)
def test_a_list_items_number_is_no_value_of_a_label_above_it(trials: Trials) -> None:
    body = "<p>Enrollment:</p><ol start=60><li>participants</li></ol>"
    assert _enrollment(trials, body, quote="Enrollment: 60. participants") == 1


# 6. A table's caption a browser draws below its rows was read before them, right after a label above the table
CAPTIONS = {
    "a style": "<table><caption style='caption-side: bottom'>60 participants</caption>",
    "a rule": "<style>caption { caption-side: bottom }</style><table><caption>60 participants</caption>",
    "an attribute": "<table><caption align=bottom>60 participants</caption>",
}


@pytest.mark.parametrize("table", CAPTIONS.values(), ids=CAPTIONS.keys())
def test_a_caption_below_its_table_is_no_value_of_a_label_above_it(trials: Trials, table: str) -> None:
    body = f"<p>Enrollment:</p>{table}<tr><td>20 participants in 2023</td></tr></table>"
    assert _enrollment(trials, body) == 1


def test_a_caption_above_its_table_follows_a_label(trials: Trials) -> None:
    body = "<p>Enrollment:</p><table><caption>60 participants</caption><tr><td>in 2023</td></tr></table>"
    assert _enrollment(trials, body) == 0


# 7. An element in a run of a line draws its padding or border above and below it over the lines around it,
# laying no line apart: a white box of 60 pixels over the lines above it hid them, read as shown
COVER = "<p>Enrollment: 60 participants</p><p>Status: <span style='{style}'>x</span></p>"
COVERING = {
    "a border": "border-top: 60px solid #fff",
    "a padding on white": "padding-top: 60px; background: #fff",
    "a padding's shorthand": "padding: 60px 0; background-color: white",
    "all borders": "border: 3em solid white",
    "a border's width": "border-width: 60px; border-style: solid; border-color: #fff",
}


@pytest.mark.parametrize("style", COVERING.values(), ids=COVERING.keys())
def test_a_box_drawn_over_the_lines_around_it_leaves_the_page_unread(trials: Trials, style: str) -> None:
    result = trials.enrollment("seeds/950_hunt.html", f"{HEAD}{COVER.format(style=style)}\n</body></html>\n", 60, SAID)
    assert result.status == 1, result.out
    assert "E531" in result.out and "over the lines around it" in result.out, result.out


@pytest.mark.parametrize(
    "box",
    [
        "<div style='display: inline; border-top: 60px solid #fff'>x</div>",  # a block laid out in a line
        "<style>.x { display: inline }</style><div class=x style='padding-top: 60px; background: #fff'>x</div>",
    ],
)
def test_a_block_laid_out_in_a_line_draws_its_box_over_the_lines_too(trials: Trials, box: str) -> None:
    assert _enrollment(trials, f"<p>{SAID}</p><p>Status:</p>{box}") == 1


def test_a_rule_drawing_a_box_over_the_lines_leaves_the_page_unread(trials: Trials) -> None:
    body = "<style>.tag { padding-bottom: 80px; background: #fff }</style><p><span class=tag>x</span></p>"
    assert _enrollment(trials, f"<p>{SAID}</p>{body}") == 1


@pytest.mark.parametrize(
    "style",
    [
        "padding: 2px 6px; background: #eee",  # a badge
        "padding: 0 40px; background: #fff",  # wide, not tall
        "border-bottom: 1px solid #333",  # an underline
        "display: inline-block; padding: 20px",  # a box of its own in the line: the line is laid taller
    ],
)
def test_a_small_box_in_a_line_is_read(trials: Trials, style: str) -> None:
    assert _enrollment(trials, f"<p><span style='{style}'>Note</span></p><p>{SAID}</p>") == 0


# A padding is drawn only where a background is painted in it: a navigation bar's links padded on no
# background draw nothing over the lines around them (they made an honest page unread), but a background
# from any rule that may match the element, from its own style or its bgcolor, or from a selector the
# reader cannot bound, paints the padding
@pytest.mark.parametrize(
    "body",
    [
        "<style>nav a { padding: 10px 15px }</style><nav><a href=a>Home</a></nav>",
        "<p><span style='padding: 60px 0'>Note</span></p>",
        "<style>.b { padding: 20px; background: none }</style><p><span class=b>Note</span></p>",
        "<style>body { background: #fff } a { padding: 12px }</style><p><a href=a>Note</a></p>",
    ],
)
def test_a_padding_painted_on_no_background_is_read(trials: Trials, body: str) -> None:
    assert _enrollment(trials, f"{body}<p>{SAID}</p>") == 0


@pytest.mark.parametrize(
    "body",
    [
        "<style>span { padding: 60px 0 } .x { background: #fff }</style><p><span class=x>x</span></p>",
        "<style>a { padding: 60px 0 } a:hover { background-color: white }</style><p><a href=a>x</a></p>",
        "<style>.p { padding-top: 60px }</style><p><span class=p style='background: #fff'>x</span></p>",
        "<style>.p { padding-top: 60px } :not(p) { background: #fff }</style><p><span class=p>x</span></p>",
        "<style>.p { padding-top: 60px }</style><p><span class=p bgcolor=white>x</span></p>",
        "<p><span style='padding-top: 60px; box-shadow: inset 0 0 0 60px #fff'>x</span></p>",
        "<p><mark style='padding-top: 60px'>x</mark></p>",  # a browser paints a <mark> yellow
        # an element written with two style attributes: the first's border, whatever the second's says
        "<p><span style='border-top: 100px solid white' style='color: #000'>x</span></p>",
        "<p><span style='padding-top: 60px' style='background: #fff'>x</span></p>",
    ],
)
def test_a_padding_a_background_may_be_painted_in_leaves_the_page_unread(trials: Trials, body: str) -> None:
    assert _enrollment(trials, f"<p>{SAID}</p>{body}") == 1


# 8. A JSON source of no layout is read as its "key: value" lines: a string's blank line ("\n\n") is a
# paragraph's end there too, as in a plain text; read as a space, it joined the paragraphs either side
def _json_status(registry: Path, trials: Trials, note: str) -> int:
    text = json.dumps({"title": IM19_TITLE_LINE, "updated": "Last Updated: 2025-08-17", "note": note})
    source = add_source(registry, "seeds/950_hunt.json", text)
    put(registry, IM19_PATH, joined(im19_draft(source), STATUS))
    return trials("validate", registry / IM19_PATH).status


@pytest.mark.parametrize(
    ("note", "status"),
    [
        ("Status: Not yet\n\n\nrecruiting elsewhere", 1),
        ("Status: Not yet\r\n\r\nrecruiting elsewhere", 1),
        ("Status: Not yet\u2029recruiting elsewhere", 1),  # a paragraph separator: a blank line (json_string)
        ("Status: Not yet\nrecruiting", 0),  # one line break: one paragraph's lines
        ("Status:\n\nNot yet recruiting", 0),  # a label, and its value after a blank line
    ],
)
def test_a_json_strings_paragraphs_are_set_apart(registry: Path, trials: Trials, note: str, status: int) -> None:
    assert _json_status(registry, trials, note) == status


@pytest.mark.parametrize(
    "body",
    [
        # a rule's small size for other elements sets no element's it cannot match
        f"<style>.footer {{ font-size: 10px }}</style><p>1 x 10<sup>6</sup> cells/kg. {SAID}</p>",
        f"<style>.footer {{ font-size: 10px }} p {{ font-size: 14px }}</style><p>10<sup>6</sup>. {SAID}</p>",
    ],
)
def test_a_rules_small_size_sets_only_what_it_may_match(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 0


@pytest.mark.parametrize("rule", [":root { font-size: 16px }", "* { font-size: 14px }", "body > * { font-size: 14px }"])
def test_a_size_for_all_of_the_page_is_read(trials: Trials, rule: str) -> None:
    # a selector the reader cannot bound sets a legible size: it hides nothing (as before sizes were kept)
    assert _enrollment(trials, f"<style>{rule}</style><p><small>{SAID}</small></p>") == 0


def test_a_bodys_size_sets_all_of_the_page(trials: Trials) -> None:
    body = f"<style>body {{ font-size: 9px }}</style><p><small>{SAID}</small></p>"
    assert _enrollment(trials, body) == 1


# 9. A closed <details> shows its <summary>, which is read as none: it stands between the blocks around it
def test_a_closed_details_summary_stands_between_a_label_and_a_block(trials: Trials) -> None:
    body = "<p>Enrollment:</p><details><summary>20 participants</summary>more</details><p>60 participants</p>"
    assert _enrollment(trials, body) == 1


def test_a_hidden_details_stands_nowhere(trials: Trials) -> None:
    body = "<p>Enrollment:</p><details hidden><summary>20</summary></details><p>60 participants</p>"
    assert _enrollment(trials, body) == 0


# 10. A label binds no block a screen below it: more than 200 pixels of margins and paddings, or more than four
# blank lines of line breaks, between them set them apart
@pytest.mark.parametrize(
    "gap",
    ["<br>" * 60 + "<p>", "<p style='margin-top: 390px'>", "<p style='margin-bottom: 390px'></p><p>"],
    ids=["breaks", "a margin above", "a margin below"],
)
def test_a_label_binds_nothing_a_screen_below_it(trials: Trials, gap: str) -> None:
    assert _enrollment(trials, f"<p>Enrollment:</p>{gap}60 participants</p>") == 1


@pytest.mark.parametrize(
    "body",
    [
        "<p>Enrollment:<br><br><br>60 participants</p>",
        "<p>Enrollment:</p><p style='margin-top: 2em'>60 participants</p>",
        "<p style='margin-bottom: 24px'>Enrollment:</p><p>60 participants</p>",
    ],
)
def test_a_label_binds_its_value_a_few_lines_below(trials: Trials, body: str) -> None:
    assert _enrollment(trials, body) == 0


@pytest.mark.parametrize(("blank", "status"), [("\n" * 6, 1), ("\n \n\t\n\n\n\n", 1), ("\n" * 4, 0)])
def test_a_plain_texts_label_binds_nothing_a_screen_below_it(trials: Trials, blank: str, status: int) -> None:
    # a plain text's blank lines, as a page's line breaks: more than four set a label and the text apart
    text = f"{IM19_TITLE_LINE}\nLast Updated: 2025-08-17\nEnrollment:{blank}60 participants\n"
    assert trials.enrollment("seeds/950_hunt.txt", text, 60, SAID).status == status
