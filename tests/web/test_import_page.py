"""Import a standard through the page: upload → tree with counts and lint warnings → saved only on "yes"."""
from __future__ import annotations

import io

import pytest

from generator.web import uploads
from tests.web.conftest import SHARED_STANDARDS, text_of


def upload(page, path, name=None, **fields):
    with open(path, "rb") as handle:
        data = handle.read()
    return page.post("/import", {"file": (io.BytesIO(data), name or path.name), **fields},
                     content_type="multipart/form-data")


def pending_of(response) -> str:
    return response.data.decode().split('name="pending" value="')[1].split('"')[0]


def counts(response) -> dict[str, int]:
    import re

    return {name: int(value) for name, value in
            re.findall(r'data-count="(\w+)">(\d+)<', response.data.decode())}


def test_the_seed_text_is_shown_with_its_counts_and_lint_warnings_and_saved_on_yes(page, workspace, seed_path):
    (workspace / "standard_data" / "M84120.kk.yaml").unlink()
    response = upload(page, seed_path)
    assert response.status_code == 200
    assert counts(response) == {"cards": 2, "functions": 7, "skills": 7, "abilities": 33, "knowledge": 40}
    text = text_of(response)
    assert "3412-0-003 Жастармен жұмыс жөніндегі маман" in text
    assert "Стандарттағы қайшылықтар" in text
    assert not (workspace / "standard_data" / "M84120.kk.yaml").exists()  # nothing saved before "yes"
    saved = page.post("/import/save", {"pending": pending_of(response)})
    assert saved.status_code == 303 and saved.headers["Location"] == "/?standard=M84120&lang=kk"
    assert (workspace / "standard_data" / "M84120.kk.yaml").is_file()
    assert "Стандарт standard_data/M84120.kk.yaml файлына сақталды." in text_of(page.get(saved.headers["Location"]))


def test_an_existing_standard_is_replaced_only_after_the_trainer_ticks_it(page, workspace, seed_path):
    target = workspace / "standard_data" / "M84120.kk.yaml"
    target.write_text(target.read_text("utf-8") + "# reviewed by hand\n", "utf-8")
    response = upload(page, seed_path)
    assert "standard_data/M84120.kk.yaml файлы бар" in text_of(response)
    refused = page.post("/import/save", {"pending": pending_of(response)})
    assert refused.status_code == 400 and "ауыстыру үшін белгіні қойыңыз" in text_of(refused)
    assert target.read_text("utf-8").endswith("# reviewed by hand\n")
    assert page.post("/import/save", {"pending": pending_of(response), "replace": "1"}).status_code == 303
    assert not target.read_text("utf-8").endswith("# reviewed by hand\n")


def test_lint_warnings_of_the_seed_are_listed(page, seed_path):
    response = upload(page, seed_path)
    html = response.data.decode()
    assert 'id="lint-warnings"' in html
    assert "3412-0-003" in html.split('id="lint-warnings"')[1].split("</ul>")[0]


def test_an_unknown_pending_import_asks_to_upload_again(page):
    response = page.post("/import/save", {"pending": "nothing-like-this"})
    assert response.status_code == 400 and "файлды қайта жүктеңіз" in text_of(response)


@pytest.mark.skipif(not SHARED_STANDARDS.is_dir(), reason="shared fixtures absent")
def test_a_fixture_docx_is_imported_with_its_counts(page):
    path = SHARED_STANDARDS / "ru_2022A_administrirovanie-baz-dannykh.docx"
    response = upload(page, path)
    assert response.status_code == 200, text_of(response)
    from generator.ingest import import_standard

    standard = import_standard(path)  # the page shows what the importer found, counted the same way
    items = [kind for *_, kind, _item in standard.iter_items()]
    assert counts(response) == {
        "cards": len(standard.cards), "functions": sum(len(c.functions) for c in standard.cards),
        "skills": sum(len(f.skills) for c in standard.cards for f in c.functions),
        "abilities": items.count("ability"), "knowledge": items.count("knowledge")}
    assert counts(response)["abilities"] > 0 and "«Атамекен» A үлгісі" in text_of(response)


@pytest.mark.skipif(not SHARED_STANDARDS.is_dir(), reason="shared fixtures absent")
def test_a_pdf_is_imported_or_refused_in_one_sentence(page):
    response = upload(page, SHARED_STANDARDS / "ru_2022A_administrirovanie-baz-dannykh.pdf")
    if uploads.pdf_supported():
        assert response.status_code == 200 and counts(response)["cards"] >= 1
    else:
        assert response.status_code == 400
        assert "PDF файлдарын progen-нің бұл нұсқасы әлі оқымайды" in text_of(response)


def test_the_upload_is_read_by_content_not_by_name(page, seed_path):
    """The published text named .docx is still read as text (its bytes say so)."""
    response = upload(page, seed_path, name="standard.docx")
    assert response.status_code == 200 and counts(response)["cards"] == 2


def test_receive_stops_reading_past_the_limit_even_without_a_declared_length():
    stream = io.BytesIO(b"x" * (3 * 1024 * 1024))
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.receive(stream, limit=1024 * 1024)
    assert refused.value.key == "upload_too_large" and stream.tell() < 2 * 1024 * 1024


def test_the_page_offers_pdf_only_when_this_progen_reads_it(page):
    html = page.get("/import").data.decode()
    assert (".pdf" in html.split('accept="')[1].split('"')[0]) == uploads.pdf_supported()


def test_after_saving_the_new_standard_is_offered_on_the_program_page(page, workspace):
    from tests.conftest import RU_SAMPLE

    response = upload(page, RU_SAMPLE)
    assert response.status_code == 200, text_of(response)
    saved = page.post("/import/save", {"pending": pending_of(response)})
    program = page.get(saved.headers["Location"])
    assert program.status_code == 200
    html = program.data.decode()
    assert '<option value="ru" selected>' in html
    assert "умеет" in text_of(program)  # the preview phrases Russian outcomes
