"""The whole flow in a real browser: Debian's headless Chromium driven by selenium through the system
chromedriver (nothing is downloaded). Skipped where Chromium or chromedriver is absent."""
from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from tests.web.conftest import SHARED_STANDARDS, docx_text

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="chromium and chromedriver not installed")]
SCREENSHOTS = os.environ.get("PROGEN_SCREENSHOTS")  # a folder: the main pages are saved there as PNG


@pytest.fixture
def served(workspace):
    """The page's real server (waitress) on a free loopback port, in a thread."""
    from generator.web.server import make_server

    server, url = make_server(workspace, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield url.rstrip("/"), server
    server.close()
    thread.join(10)


@pytest.fixture
def browser(tmp_path):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path / 'chromium-profile'}", "--window-size=1280,1000", "--lang=kk"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.downloads = downloads
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def wait_for(condition, timeout=30.0, what="condition"):
    """Poll ``condition``; an element the page is replacing at that moment (the preview is redrawn
    after each change) counts as "not yet", not as a failure."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except (NoSuchElementException, StaleElementReferenceException):
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def downloaded(folder: Path, name: str) -> Path:
    path = folder / name
    return wait_for(lambda: path if path.is_file() and not list(folder.glob("*.crdownload")) else None,
                    what=f"download of {name}")


def shoot(driver, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        width = driver.get_window_size()["width"]
        driver.set_window_size(width, min(max(height, 600), 6000))
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(Path(SCREENSHOTS) / f"{name}.png"))
        driver.set_window_size(width, 1000)


def test_a_trainer_makes_a_program_imports_a_standard_edits_wording_and_switches_to_russian(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    base, server = served
    find = browser.find_element
    browser.get(base + "/")
    assert find(By.TAG_NAME, "h1").text == "Оқу бағдарламасын жасау"
    shoot(browser, "program-kk-start")

    # card 3412-0-003 (the whole page reloads with its skills), then only F2, 16 hours
    Select(find(By.ID, "card")).select_by_value("3412-0-003")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "input[name=skill][value='F4/S1']"), what="card 3412")
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=skill]"):
        if box.get_attribute("value") != "F2/S1" and box.is_selected():
            box.click()
    hours = find(By.ID, "hours")
    hours.send_keys("16")
    wait_for(lambda: "hours=16" in browser.current_url, what="the preview of the 16 hours typed")
    assert find(By.ID, "total-hours").text == "16"
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "#modules tbody tr")]
    assert rows == ["1 Жастар үшін оқыту іс-шараларын ұйымдастыру және өткізу 14 4 8 2", "Қорытынды бағалау 2 0 0 2"]
    assert "skill=F2%2FS1" in browser.current_url and "hours=16" in browser.current_url
    shoot(browser, "program-kk-preview")

    # the outline DOCX, opened with python-docx
    find(By.ID, "download-outline").click()
    outline = downloaded(browser.downloads, "3412-0-003_outline_kk.docx")
    assert "Жастар үшін оқыту іс-шараларын ұйымдастыру және өткізу" in docx_text(outline.read_bytes())

    # saved as a program of programs.yaml, for the build below
    name = find(By.ID, "name")
    name.clear()
    name.send_keys("short")
    find(By.ID, "save").click()
    try:
        wait_for(lambda: "programs.yaml" in " ".join(e.text for e in browser.find_elements(By.CSS_SELECTOR, ".notice.ok")), what="saved")
    except AssertionError:
        browser.save_screenshot("/tmp/shots/fail.png"); print(browser.page_source[:200]); raise

    # import a fixture DOCX and see its counts
    if SHARED_STANDARDS.is_dir():
        browser.get(base + "/import")
        find(By.ID, "file").send_keys(str(SHARED_STANDARDS / "ru_2022A_administrirovanie-baz-dannykh.docx"))
        find(By.ID, "import-button").click()
        cards = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "[data-count=cards]"), what="import")
        assert int(cards[0].text) >= 1
        assert int(find(By.CSS_SELECTOR, "[data-count=abilities]").text) > 0
        shoot(browser, "import-kk")

    # edit an outcome from the preview, rebuild, see the new text in the built DOCX
    browser.get(base + "/?standard=M84120&lang=kk&card=3412-0-003&skills_card=3412-0-003&skill=F2/S1&hours=16")
    find(By.CSS_SELECTOR, "a.edit[href*='F2/S1/A3']").click()
    text = find(By.ID, "text")
    text.clear()
    new = "топтық жұмысты фасилитациялай алады"
    text.send_keys(new)
    shoot(browser, "wording-edit-kk")
    find(By.ID, "save-outcome").click()
    marked = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "li.overridden"), what="overridden mark")
    assert new in marked[0].text
    browser.get(base + "/build")
    find(By.ID, "build-button").click()
    wait_for(lambda: browser.find_elements(By.ID, "build-done"), timeout=120, what="the build")
    shoot(browser, "build-kk")
    browser.find_element(By.LINK_TEXT, "output/short/3412-0-003/3412-0-003_F2_16h_outline_kk.docx").click()
    built = downloaded(browser.downloads, "3412-0-003_F2_16h_outline_kk.docx")  # the build names the selection
    assert new in docx_text(built.read_bytes())

    # switch the interface to Russian: every page follows
    browser.get(base + "/")
    find(By.CSS_SELECTOR, "nav.languages a[lang=ru]").click()
    wait_for(lambda: find(By.TAG_NAME, "h1").text == "Создание учебной программы", what="Russian")
    assert find(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    browser.get(base + "/build")
    assert find(By.TAG_NAME, "h1").text == "Все документы"
    shoot(browser, "build-ru")
    browser.get(base + "/?standard=M84120&lang=kk&card=3412-0-003&skills_card=3412-0-003&skill=F2/S1&hours=16")
    shoot(browser, "program-ru-preview")
    browser.get(base + "/import")
    shoot(browser, "import-ru")


def test_the_page_is_usable_with_the_keyboard_alone(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, _server = served
    browser.get(base + "/?card=3412-0-003&standard=M84120&lang=kk")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Негізгі мазмұнға өту"  # the skip link comes first
    labelled = browser.execute_script("""
        return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
          .filter(el => !(el.labels && el.labels.length) && !el.closest('label')).map(el => el.name)""")
    assert labelled == []
    hours = browser.find_element(By.ID, "hours")
    hours.send_keys("20" + Keys.ENTER)  # Enter designs again, it does not post the page
    wait_for(lambda: browser.find_element(By.ID, "total-hours").text.startswith("20"), what="preview on Enter")


def test_a_phone_sized_window_shows_one_column(served, browser):
    from selenium.webdriver.common.by import By

    base, _server = served
    browser.set_window_size(390, 900)
    browser.get(base + "/?card=3412-0-003&standard=M84120&lang=kk")
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    choices = browser.find_element(By.CSS_SELECTOR, ".choices").rect
    result = browser.find_element(By.CSS_SELECTOR, ".result").rect
    assert result["y"] > choices["y"] + choices["height"] - 1  # below, not beside
    shoot(browser, "program-kk-phone")
