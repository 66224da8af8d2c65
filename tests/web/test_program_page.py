"""Make a program: choices, live preview, downloads, saving as a spec and a target (through the app)."""
from __future__ import annotations

import io
import zipfile
from urllib.parse import urlencode

import pytest
import yaml

from generator.web import documents
from tests.web.conftest import docx_text, f2_choices, text_of


def test_the_page_shows_the_plan_of_card_3412_skill_f2_in_16_hours(page):
    response = page.get("/?" + urlencode(f2_choices(), doseq=True))
    assert response.status_code == 200
    text = text_of(response)
    assert "Жастар үшін оқыту іс-шараларын ұйымдастыру және өткізу" in text
    assert "Барлығы 16 4 8 4" in text  # totals row: hours, theory, practice, assessment (the final one included)
    assert "Қорытынды бағалау 2 0 0 2" in text  # the final assessment has its own row, as in the plan table
    assert "ОН 1.1 оқыту іс-шараларын ұйымдастыра және өткізе алады" in text
    assert 'name="skill" value="F2/S1" checked' in response.data.decode()
    assert 'name="skill" value="F1/S1" checked' not in response.data.decode()


def test_without_choices_the_first_standard_and_card_are_offered_with_every_skill(page):
    response = page.get("/")
    html = response.data.decode()
    assert response.status_code == 200
    assert html.count('name="skill"') == html.count('name="skill" value="F') == 3  # card 1210-0-020: F1–F3
    assert "72" in text_of(response)  # a full card: the default total


def test_the_live_preview_answers_with_the_fragment_and_its_address(page):
    response = page.post("/preview", f2_choices(hours="20"))
    assert response.status_code == 200
    assert response.headers["X-Progen-Address"].startswith("/?standard=M84120&lang=kk&card=3412-0-003")
    assert "hours=20" in response.headers["X-Progen-Address"]
    assert "<html" not in response.data.decode() and 'id="modules"' in response.data.decode()


def test_too_few_hours_are_said_with_the_total_that_works(page):
    import re

    text = text_of(page.get("/?" + urlencode(f2_choices(hours="3"), doseq=True)))
    found = re.search(r"Сағат (?:тым )?аз: .*?(\d+) сағат (?:беріңіз|қажет)", text)
    assert found, text
    enough = int(found.group(1))
    assert enough > 3
    text = text_of(page.get("/?" + urlencode(f2_choices(hours=str(enough)), doseq=True)))
    assert "Сағат аз" not in text and "Сағат тым аз" not in text
    text = text_of(page.get("/?" + urlencode(f2_choices(hours=str(enough - 1)), doseq=True)))
    assert "Сағат аз" in text or "Сағат тым аз" in text


def test_bad_hours_and_no_skill_are_one_sentence_each(page):
    text = text_of(page.get("/?" + urlencode(f2_choices(hours="abc"), doseq=True)))
    assert "Сағат саны 1 мен 1000 аралығындағы бүтін сан болуы керек" in text
    choices = f2_choices()
    del choices["skill"]
    assert "Кемінде бір дағдыны белгілеңіз." in text_of(page.get("/?" + urlencode(choices)))


def test_the_outline_docx_downloads_and_opens(page):
    response = page.post("/document?kind=outline&as=file", f2_choices())
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith("3412-0-003_outline_kk.docx")
    text = docx_text(response.data)
    assert "Жастар үшін оқыту іс-шараларын ұйымдастыру және өткізу" in text
    assert "16" in text


def test_all_documents_come_as_one_zip(page, workspace):
    response = page.post("/documents.zip", f2_choices())
    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(response.data)).namelist()
    assert names == ["3412-0-003_program_kk.docx", "3412-0-003_outline_kk.docx", "3412-0-003_assessment_kk.docx",
                     "3412-0-003_guide_kk.docx"]  # the default kinds
    assert not list((workspace / "output").glob("**/*.docx"))  # a download writes nothing into the workspace


def test_an_unknown_kind_is_not_found(page):
    assert page.post("/document?kind=../../etc&as=file", f2_choices()).status_code == 404


def test_saving_writes_a_spec_and_a_target_and_keeps_the_comments_of_programs_yaml(page, workspace):
    before = (workspace / "programs.yaml").read_text("utf-8")
    response = page.post("/save", f2_choices(name="F2 қысқа курс", save_spec="1", save_target="1",
                                             provider_city="Қарағанды"))
    assert response.status_code == 303
    spec = yaml.safe_load((workspace / "specs" / "F2-қысқа-курс.yaml").read_text("utf-8"))
    assert spec == {"standard": "../standard_data/M84120.kk.yaml", "card": "3412-0-003", "skills": ["F2"],
                    "hours": 16, "provider": {"city": "Қарағанды"}, "language": "kk"}
    after = (workspace / "programs.yaml").read_text("utf-8")
    assert after.startswith(before)  # every line and comment of the file kept, the target appended
    assert yaml.safe_load(after)["targets"] == [
        {"card": "3412-0-003", "standard": "standard_data/M84120.kk.yaml", "languages": ["kk"], "skills": ["F2"],
         "hours": 16, "provider": {"city": "Қарағанды"}, "folder": "F2-қысқа-курс"}]
    assert "сақталды" in text_of(page.get(response.headers["Location"]))


def test_the_saved_spec_renders_with_the_command_line(page, workspace, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    page.post("/save", f2_choices(name="short", save_spec="1"))
    result = CliRunner().invoke(main, ["render", str(workspace / "specs" / "short.yaml"), "--kind", "outline",
                                       "-o", str(tmp_path / "out"), "--workspace", str(workspace)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "3412-0-003" / "3412-0-003_F2_16h_outline_kk.docx").is_file()  # its own name


def test_an_existing_spec_is_replaced_only_when_asked_and_a_target_name_only_once(page, workspace):
    assert page.post("/save", f2_choices(name="short", save_spec="1", save_target="1")).status_code == 303
    again = page.post("/save", f2_choices(name="short", save_spec="1", hours="20"))
    assert again.status_code == 400 and "specs/short.yaml файлы бар" in text_of(again)
    assert yaml.safe_load((workspace / "specs" / "short.yaml").read_text("utf-8"))["hours"] == 16
    assert page.post("/save", f2_choices(name="short", save_spec="1", replace="1", hours="20")).status_code == 303
    assert yaml.safe_load((workspace / "specs" / "short.yaml").read_text("utf-8"))["hours"] == 20
    twice = page.post("/save", f2_choices(name="short", save_target="1"))
    assert twice.status_code == 400 and "«short» атаулы бағдарлама бар" in text_of(twice)
    assert len(yaml.safe_load((workspace / "programs.yaml").read_text("utf-8"))["targets"]) == 1


def test_a_target_is_taken_back_when_the_build_refuses_the_manifest(page, workspace):
    manifest = workspace / "programs.yaml"
    manifest.write_text("# our targets\ntargets:\n  - card: 9999-9-999  # not in any standard\n", "utf-8")
    response = page.post("/save", f2_choices(name="short", save_target="1"))
    assert response.status_code == 400
    assert "Сақталмады:" in text_of(response) and "9999-9-999" in text_of(response)
    assert manifest.read_text("utf-8") == "# our targets\ntargets:\n  - card: 9999-9-999  # not in any standard\n"


@pytest.mark.slow
@pytest.mark.skipif(not documents.pdf_available(), reason="LibreOffice is not installed")
def test_the_outline_pdf_downloads_where_libreoffice_is_installed(page):
    response = page.post("/document?kind=outline&as=pdf", f2_choices())
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    assert response.headers["Content-Disposition"].endswith("3412-0-003_outline_kk.pdf")


def test_without_libreoffice_there_is_no_pdf_button_and_the_page_says_why(page, monkeypatch):
    monkeypatch.setattr(documents, "pdf_available", lambda: False)
    html = page.get("/?" + urlencode(f2_choices(), doseq=True)).data.decode()
    assert "as=pdf" not in html and "LibreOffice орнатылуы керек" in html
