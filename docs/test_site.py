"""Browser test of the built docs site: every page served on 127.0.0.1 and opened in headless Chromium.

Run after building (`make site-build`); `make test` does both. Screenshots go to _build/screenshots/.
Needs Debian's `chromium` and `chromium-driver` (`make browser` installs them).
"""
import inspect
import json
import re
import shutil
import tempfile
import threading
import urllib.error
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from steplr import StepLRScheduler

ROOT = Path(__file__).resolve().parent.parent
SITE, SCREENSHOTS = ROOT / '_build' / 'site', ROOT / '_build' / 'screenshots'
PAGES = sorted(path.name for path in SITE.glob('*.html'))
NOTEBOOK_PAGES = sorted(f'{path.stem}.html' for path in (ROOT / 'nbs').glob('*.ipynb'))
CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                  '--no-first-run', '--disable-sync', '--disable-quic', '--window-size=1280,1000']


def draws_figures(page: str) -> bool:
    "Whether the notebook behind `page` draws a matplotlib figure."
    cells = json.loads((ROOT / 'nbs' / page.replace('.html', '.ipynb')).read_text())['cells']
    return any(re.search(r'plot_schedule\(|plt\.subplots\(', ''.join(cell['source'])) for cell in cells
               if cell['cell_type'] == 'code' and not ''.join(cell['source']).startswith('#| export'))  # code, not a figure


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args): pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        "Let the browser drop a connection (it does, mid-transfer, when it navigates on) without a traceback."


@pytest.fixture(scope='session')
def server():
    "The built site, served over HTTP on a free port of 127.0.0.1."
    assert PAGES, f'no site in {SITE}: run `make site-build` first'
    httpd = QuietServer(('127.0.0.1', 0), partial(QuietHandler, directory=str(SITE)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f'http://127.0.0.1:{httpd.server_address[1]}'
    httpd.shutdown()


@pytest.fixture(scope='session')
def browser():
    "Headless Chromium, driven through Debian's chromedriver (nothing is downloaded)."
    profile = tempfile.mkdtemp()
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which('chromium') or '/usr/bin/chromium'
    for flag in CHROMIUM_FLAGS + [f'--user-data-dir={profile}']: options.add_argument(flag)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which('chromedriver') or '/usr/bin/chromedriver'))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def status(url: str) -> int:
    "The HTTP status of `url`."
    try:
        with urllib.request.urlopen(url) as response: return response.status
    except urllib.error.HTTPError as error: return error.code


def test_every_notebook_is_a_page():
    assert set(NOTEBOOK_PAGES) <= set(PAGES), set(NOTEBOOK_PAGES) - set(PAGES)


@pytest.mark.parametrize('page', PAGES)
def test_page(server, browser, page):
    url = f'{server}/{page}'
    assert status(url) == 200
    browser.get_log('browser')  # drop what earlier pages logged
    browser.get(url)
    assert browser.execute_script('return document.readyState') == 'complete'
    errors = [entry['message'] for entry in browser.get_log('browser') if entry['level'] == 'SEVERE']
    assert not errors, errors
    images = browser.execute_script('return Array.from(document.images).map(i => [i.src, i.complete && i.naturalWidth > 0])')
    assert all(loaded for src, loaded in images), [src for src, loaded in images if not loaded]
    if page in NOTEBOOK_PAGES and draws_figures(page):
        figures = browser.find_elements(By.CSS_SELECTOR, 'article .cell_output img')
        assert figures and all(figure.is_displayed() for figure in figures[:1]), f'no figure on {page}'
    height = min(browser.execute_script("return document.documentElement.scrollHeight"), 16000)
    browser.set_window_size(1280, height)
    browser.save_screenshot(str(SCREENSHOTS / page.replace('.html', '.png')))
    browser.set_window_size(1280, 1000)


def test_nothing_is_loaded_from_elsewhere():
    "Every script, stylesheet, font and image the pages use is served by the site itself."
    external = re.compile(r'<(?:script|img)[^>]+src="(?:https?:)?//|<link[^>]+href="(?:https?:)?//|url\((?:["\']?)(?:https?:)?//|@import\s+(?:url\()?["\']?(?:https?:)?//')
    offenders = [path.relative_to(SITE) for path in [*SITE.glob('*.html'), *SITE.glob('_static/**/*.css')]
                 if external.search(path.read_text(encoding='utf-8', errors='replace'))]
    assert not offenders, offenders


@pytest.mark.parametrize('page', PAGES)
def test_internal_links_resolve(server, page):
    hrefs = set(re.findall(r'<a[^>]+href="([^"#:]+)(?:#[^"]*)?"', (SITE / page).read_text(encoding='utf-8')))
    broken = [href for href in hrefs if status(f'{server}/{href}') != 200]
    assert not broken, broken


def test_sidebar_links_resolve(server, browser):
    browser.get(f'{server}/index.html')
    links = {a.get_attribute('href').split('#')[0] for a in browser.find_elements(By.CSS_SELECTOR, '.bd-sidebar-primary nav a')}
    assert {f'{server}/{page}' for page in NOTEBOOK_PAGES if page != 'index.html'} <= links, links
    assert all(status(link) == 200 for link in links)


def test_sidebar_has_two_parts_tutorial_first(server, browser):
    "The sidebar: one part for learning, opening with the tutorial, and one for how steplr is built."
    browser.get(f'{server}/index.html')
    captions = [c.text for c in browser.find_elements(By.CSS_SELECTOR, '.bd-sidebar-primary .caption-text')]
    assert captions == ['Learning steplr', 'How steplr is built'], captions
    links = [a.get_attribute('href').split('/')[-1].split('#')[0]
             for a in browser.find_elements(By.CSS_SELECTOR, '.bd-sidebar-primary nav ul a')]
    links = [link for link in links if link != 'index.html']
    assert links[0] == '01_tutorial.html', links
    assert [link[0] for link in links] == sorted(link[0] for link in links), links  # learning pages (0x) before the rest (1x)


def test_scheduler_table_lists_every_parameter(server, browser):
    "show_doc renders as on nbdev's sites: the constructor's table has a row per parameter, in order."
    browser.get(f'{server}/11_scheduler.html')
    expected = list(inspect.signature(StepLRScheduler).parameters)
    tables = [[row.text.split()[0] for row in table.find_elements(By.CSS_SELECTOR, 'tbody tr')]
              for table in browser.find_elements(By.CSS_SELECTOR, 'article .cell_output table')]
    assert expected in tables, tables


# a code block (input or output) scrolls sideways when its longest line is wider than the page shows
SIDEWAYS = """return Array.from(document.querySelectorAll('article pre'))
    .map(pre => [pre.scrollWidth > pre.clientWidth + 1, pre.textContent.split('\\n')[0].slice(0, 60)])"""


@pytest.mark.parametrize('width, height, allowed', [(1280, 900, 1 / 20), (1920, 1080, 0)])
def test_code_fits_the_page(server, browser, width, height, allowed):
    "At 1280x900 at most 1 code block in 20 scrolls sideways; at 1920x1080 none does."
    browser.set_window_size(width, height)
    total, sideways = 0, []
    for page in PAGES:
        browser.get(f'{server}/{page}')
        blocks = browser.execute_script(SIDEWAYS)
        total += len(blocks)
        sideways += [f'{page}: {first_line}' for scrolls, first_line in blocks if scrolls]
    browser.set_window_size(1280, 1000)
    report = '\n'.join([f'{width}x{height}: {len(sideways)} of {total} code blocks scroll sideways', *sideways])
    (ROOT / '_build' / f'code-fit-{width}x{height}.txt').write_text(report + '\n')
    assert len(sideways) <= allowed * total, report
