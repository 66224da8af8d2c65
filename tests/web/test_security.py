"""Safety of the page: token on every POST, host check, upload limits, names never paths, no tracebacks."""
from __future__ import annotations

import io
import zipfile

import pytest

from generator.web.app import create_app
from generator.web.security import Guard
from generator.web.uploads import UPLOAD_LIMIT
from tests.web.conftest import BASE, Page, f2_choices, text_of


def tree(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.mark.parametrize("path", ["/save", "/import", "/import/save", "/wording/edit", "/build", "/preview", "/",
                                  "/document?kind=outline&as=file", "/documents.zip"])
def test_a_post_without_the_token_is_refused_and_changes_nothing(page, workspace, path):
    before = tree(workspace.parent)
    data = f2_choices(name="x", save_spec="1", save_target="1", item="3412-0-003/F2/S1/A1", text="жаңа")
    response = page.post(path, data, token=False)
    assert response.status_code == 403
    assert "Бұл форма ескірген" in text_of(response)
    assert tree(workspace.parent) == before


def test_a_post_with_a_wrong_token_is_refused(page, workspace):
    response = page.client.post("/save", data={**f2_choices(name="x", save_spec="1"), "token": "guess"},
                                base_url=BASE)
    assert response.status_code == 403 and not (workspace / "specs").exists()


def test_the_token_may_come_in_the_header_the_page_script_sends(page):
    response = page.client.post("/preview", data=f2_choices(), base_url=BASE,
                                headers={"X-Progen-Token": page.guard.token})
    assert response.status_code == 200


def test_another_host_name_is_refused_even_with_the_token(page):
    """DNS rebinding: evil.example pointed at 127.0.0.1 must not read a page (and its token)."""
    response = page.client.get("/", base_url="http://evil.example:8765")
    assert response.status_code == 403 and page.guard.token not in response.data.decode()


def test_pages_carry_a_strict_content_security_policy_and_are_not_cached(page):
    response = page.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    assert "<script>" not in response.data.decode() and "onclick" not in response.data.decode()


def test_beyond_loopback_every_request_needs_the_access_key(workspace):
    guard = Guard()
    guard.listen_on("0.0.0.0", 8765)
    page = Page(create_app(workspace, guard), guard)
    assert page.client.get("/", base_url="http://192.0.2.7:8765").status_code == 403
    first = page.client.get(f"/?key={guard.access_key}", base_url="http://192.0.2.7:8765")
    assert first.status_code == 200 and "progen_key" in first.headers["Set-Cookie"]
    assert page.client.get("/", base_url="http://192.0.2.7:8765").status_code == 200  # the cookie now


def test_a_50_mb_upload_is_refused_with_a_message(page, workspace):
    before = tree(workspace)
    from werkzeug.datastructures import FileStorage
    from werkzeug.test import stream_encode_multipart

    big = FileStorage(io.BytesIO(b"a" * (50 * 1024 * 1024)), filename="standard.txt")
    body, length, boundary = stream_encode_multipart({"file": big, "token": page.guard.token},
                                                     use_tempfile=False)  # in memory: nothing left open
    response = page.client.post("/import", input_stream=body, content_length=length, base_url=BASE,
                                content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 413
    assert f"Файл тым үлкен: ең көбі {UPLOAD_LIMIT // (1024 * 1024)} МБ қабылданады." in text_of(response)
    assert tree(workspace) == before


def zip_bomb(unpacked: int) -> bytes:
    """A .docx-shaped ZIP whose document.xml inflates ~1000 times (a few hundred KB → ``unpacked`` bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def test_a_zip_bomb_named_docx_is_refused_with_a_message(page, workspace):
    bomb = zip_bomb(300 * 1024 * 1024)
    assert len(bomb) < 2 * 1024 * 1024
    before = tree(workspace)
    response = page.post("/import", {"file": (io.BytesIO(bomb), "standard.docx")}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Бұл Word файлы ашылғанда 128 МБ-тан асып кетеді" in text_of(response)  # progen's archive limits
    assert tree(workspace) == before


def test_a_small_member_that_inflates_too_far_is_refused_too(page):
    """Under the total limit but 1000:1 in one member: no real Word file looks like that."""
    response = page.post("/import", {"file": (io.BytesIO(zip_bomb(20 * 1024 * 1024)), "s.docx")},
                         content_type="multipart/form-data")
    assert response.status_code == 400 and "ашылғанда" in text_of(response)


@pytest.mark.parametrize("content, expected", [
    (b"", "Файл бос."),
    (b"PK\x03\x04not really a zip", "Бұл файл Word құжаты (.docx) емес немесе зақымдалған"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Бұл Word-тың ескі пішімі (.doc)"),
    (b"\x7fELF\x02\x01\x01\0\0\0\0", "Бұл файл мәтін де, Word құжаты да емес"),
    ("Бұл стандарт емес, жай мәтін.\n".encode("utf-8"), "Стандарт оқылмады:"),
])
def test_a_file_that_is_not_a_standard_gets_one_sentence(page, content, expected):
    response = page.post("/import", {"file": (io.BytesIO(content), "standard.docx")},
                         content_type="multipart/form-data")
    assert response.status_code == 400
    assert expected in text_of(response)
    assert "Traceback" not in response.data.decode() and "progen-upload" not in text_of(response)


def test_a_file_name_with_dots_and_slashes_writes_nothing_outside_the_workspace(page, workspace, seed_path):
    outside = tree(workspace.parent)
    response = page.post("/import", {"file": (seed_path.open("rb"), "../../x.yaml")},
                         content_type="multipart/form-data")
    assert response.status_code == 200
    assert "Нәтиже: ../../x.yaml" in text_of(response)  # the name is shown, never used
    pending = response.data.decode().split('name="pending" value="')[1].split('"')[0]
    assert page.post("/import/save", {"pending": pending, "replace": "1"}).status_code == 303
    saved = page.post("/save", f2_choices(name="../../x.yaml", save_spec="1", save_target="1"))
    assert saved.status_code == 303
    written = set(tree(workspace.parent)) - set(outside)
    assert written == {"centre/specs", "centre/specs/x-yaml.yaml"}  # the standard replaced itself in place
    assert not (workspace.parent.parent / "x.yaml").exists()


def test_a_return_address_to_another_site_is_not_followed(page):
    response = page.get("/ui/ru?back=//evil.example/")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    response = page.post("/wording/edit", {"item": "3412-0-003/F2/S1/A1", "text": "жаңа мәтін алады",
                                           "back": "https://evil.example/"})
    assert response.headers["Location"] == "/wording"


def test_an_unexpected_error_is_one_sentence_and_the_traceback_goes_to_the_log(page, monkeypatch, caplog):
    from generator.web import preview

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("deep inside")

    monkeypatch.setattr(preview, "plan_program", broken)
    response = page.get("/")
    assert response.status_code == 500
    assert "Күтпеген қате (ZeroDivisionError) орын алды" in text_of(response)
    assert "deep inside" not in response.data.decode() and "Traceback" not in response.data.decode()
    assert "deep inside" in caplog.text
