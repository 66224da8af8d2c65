"""Wording (overrides, comments kept, marked in the preview) and the batch page (state, build, progress)."""
from __future__ import annotations

from urllib.parse import urlencode

import yaml

from tests.web.conftest import docx_text, f2_choices, text_of

ITEM = "3412-0-003/F2/S1/A3"
NEW = "топтық жұмысты фасилитациялай алады және тәлімгер бола алады"


def test_the_edit_page_shows_the_item_and_the_rule_made_outcome(page):
    response = page.get(f"/wording/edit?item={ITEM}&back=/")
    text = text_of(response)
    assert response.status_code == 200
    assert "Топтық басқару және фасилитация, тәлімгерлік дағдылары" in text
    assert "топтық басқару және фасилитация, тәлімгерлік дағдыларын қолдана алады" in text


def test_an_edited_outcome_goes_to_overrides_yaml_keeping_its_comments_and_shows_as_overridden(page, workspace):
    overrides = workspace / "phrasing" / "overrides.yaml"
    overrides.parent.mkdir()
    overrides.write_text("# Checked by the methodologist, 2026-03-01\n"
                         "3412-0-003/F2/S1/A1: оқыту іс-шараларын ұйымдастыра алады  # short form\n", "utf-8")
    back = "/?" + urlencode(f2_choices(), doseq=True)
    response = page.post("/wording/edit", {"item": ITEM, "text": f"  {NEW}\n", "back": back})
    assert response.status_code == 303 and response.headers["Location"] == back
    assert overrides.read_text("utf-8") == (
        "# Checked by the methodologist, 2026-03-01\n"
        "3412-0-003/F2/S1/A1: оқыту іс-шараларын ұйымдастыра алады  # short form\n"
        f"{ITEM}: {NEW}\n")
    preview = page.get(back)
    html = preview.data.decode()
    marked = [chunk for chunk in html.split("<li")[1:] if 'class="overridden"' in chunk.split(">")[0]]
    assert len(marked) == 2 and any(NEW in chunk for chunk in marked)
    assert "элементінің нәтижесі сақталды" in text_of(preview)
    listing = text_of(page.get("/wording"))
    assert NEW in listing and ITEM in listing


def test_removing_an_override_keeps_the_other_lines(page, workspace):
    overrides = workspace / "phrasing" / "overrides.yaml"
    overrides.parent.mkdir()
    overrides.write_text(f"# header\n{ITEM}: {NEW}\n# footer\n", "utf-8")
    assert page.post("/wording/edit", {"item": ITEM, "action": "remove", "back": "/wording"}).status_code == 303
    assert overrides.read_text("utf-8") == "# header\n# footer\n"


def test_saving_the_rule_made_text_unchanged_leaves_no_override(page, workspace):
    rule = "топтық басқару және фасилитация, тәлімгерлік дағдыларын қолдана алады"
    page.post("/wording/edit", {"item": ITEM, "text": rule, "back": "/"})
    assert not (workspace / "phrasing" / "overrides.yaml").exists()


def test_an_unknown_item_and_an_empty_text_are_refused(page, workspace):
    assert page.post("/wording/edit", {"item": "9999/F1/S1/A1", "text": "x"}).status_code == 404
    response = page.post("/wording/edit", {"item": ITEM, "text": "   "})
    assert response.status_code == 400 and "Мәтінді жазыңыз" in text_of(response)
    assert not (workspace / "phrasing" / "overrides.yaml").exists()


def test_a_broken_overrides_file_is_said_and_not_rewritten(page, workspace):
    overrides = workspace / "phrasing" / "overrides.yaml"
    overrides.parent.mkdir()
    overrides.write_text("3412-0-003/F2/S1/A1: [not, text]\n", "utf-8")
    response = page.get("/wording")
    assert response.status_code == 500 and "Жұмыс қалтасының деректері оқылмады" in text_of(response)
    assert overrides.read_text("utf-8") == "3412-0-003/F2/S1/A1: [not, text]\n"


def test_the_build_page_says_what_is_stale_builds_it_and_shows_the_new_text(page, workspace):
    page.post("/save", f2_choices(name="short", save_target="1"))
    state = text_of(page.get("/build"))
    assert "output/short/3412-0-003/3412-0-003_F2_16h_outline_kk.docx" in state and "жасалуы керек" in state
    assert page.post("/build").status_code == 303
    runner = _runner(page)
    runner.wait(120)
    status = page.get("/build/status").get_json()
    assert status["running"] is False and status["counts"] == {"built": 4} and status["done"] == 4
    assert "өзекті" in text_of(page.get("/build"))
    page.post("/wording/edit", {"item": ITEM, "text": NEW, "back": "/"})
    stale = text_of(page.get("/build"))
    assert "өзгерді: нәтижелер мәтіні" in stale
    page.post("/build")
    runner.wait(120)
    outline = page.get("/build/file?key=output/short/3412-0-003/3412-0-003_F2_16h_outline_kk.docx")
    assert outline.status_code == 200 and NEW in docx_text(outline.data)


def test_a_hand_edited_document_is_reported_and_kept(page, workspace):
    page.post("/save", f2_choices(name="short", save_target="1"))
    page.post("/build")
    _runner(page).wait(120)
    document = workspace / "output" / "short" / "3412-0-003" / "3412-0-003_F2_16h_program_kk.docx"
    import docx

    edited = docx.Document(str(document))  # as in Word: the parts change (a byte appended after the ZIP
    edited.add_paragraph("Қолмен қосылған")  # would not: its stamp would still say progen's own content)
    edited.save(str(document))
    assert "қолмен түзетілген, сақталады" in text_of(page.get("/build"))


def test_only_a_target_output_can_be_fetched(page, workspace):
    assert page.get("/build/file?key=programs.yaml").status_code == 404
    assert page.get("/build/file?key=../../etc/passwd").status_code == 404


def test_a_manifest_the_build_refuses_is_said_in_one_sentence(page, workspace):
    (workspace / "programs.yaml").write_text("targets:\n  - card: 9999-9-999\n", "utf-8")
    text = text_of(page.get("/build"))
    assert "9999-9-999" in text and "Traceback" not in text


def _runner(page):
    return page.app.extensions["progen"].builds


def test_the_progress_counts_every_document(page, workspace):
    page.post("/save", f2_choices(name="short", save_target="1"))
    seen = []
    runner = _runner(page)
    original = runner._progress

    def spy(done, total, key):
        seen.append((done, total))
        original(done, total, key)

    runner._progress = spy
    page.post("/build")
    runner.wait(120)
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)  # the default kinds: program, outline, assessment, guide
    assert yaml.safe_load((workspace / "programs.yaml").read_text("utf-8"))["targets"][0]["folder"] == "short"
