"""Browser test of the built docs site: every page served on 127.0.0.1 and opened in headless Chromium.

Run after building (`make site-build`); `make test` does both. Screenshots go to _build/screenshots/.
Needs Debian's `chromium` and `chromium-driver` (`make browser` installs them).
"""
import ast
import inspect
import json
import math
import re
import shutil
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from steplr import StepLRScheduler, step_lr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / 'docs'))  # explorer.py: the explorer's controls
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
    # get() can return while a page is still loading on a busy machine: wait for the load, then test it
    WebDriverWait(browser, 60).until(lambda browser: browser.execute_script('return document.readyState') == 'complete')
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


# ---- the schedule explorer (docs/_static/explorer.js, docs/explorer.py) on the tutorial and milestones pages ----
EXPLORER_PAGES = {'01_tutorial.html': 'StepLRScheduler', '07_multistep.html': 'MultiStepLRScheduler'}
EXPLORER_FILES = ['explorer.js', 'explorer.css', 'explorer-table.js']


def explorer_page(browser, server, page):
    "Open `page` and return its explorer's form, after checking that the page logged no error."
    browser.set_window_size(1280, 1000)
    browser.get_log('browser')
    browser.get(f'{server}/{page}')
    errors = [entry['message'] for entry in browser.get_log('browser') if entry['level'] == 'SEVERE']
    assert not errors, errors
    return browser.find_element(By.CSS_SELECTOR, '.steplr-explorer form')


def set_control(browser, form, name, value):
    "Set the control `name` as a reader would: choose an option, tick a box, type, or move a slider."
    control = form.find_element(By.NAME, name)
    kind = control.get_attribute('type')
    if control.tag_name == 'select': Select(control).select_by_value(value)
    elif kind == 'checkbox':
        if control.is_selected() != value: control.send_keys(Keys.SPACE)
    elif kind == 'text':
        control.send_keys(Keys.CONTROL, 'a')
        control.send_keys(value)
    else:  # a range: arrow keys from where it is to `value`
        step = float(control.get_attribute('step'))
        moves = round((float(value) - float(control.get_attribute('value'))) / step)
        if abs(moves) > 40:  # far: put it near, on the side it comes from, as a drag would; finish with the keyboard
            near = round(float(value) - 3 * step * (1 if moves > 0 else -1), 6)
            browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                                   control, str(near))
            moves = 3 if moves > 0 else -3
        control.send_keys((Keys.ARROW_RIGHT if moves > 0 else Keys.ARROW_LEFT) * abs(moves))
    if control.tag_name != 'select' and kind != 'checkbox': assert control.get_attribute('value') == value


def shown(browser):
    "The explorer's code line (under its import, which is checked), and its CSV as (t, lr) rows."
    imports, call = browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-call').text.split('\n')
    assert imports == f"from steplr import {call.split('(')[0]}", imports
    href = browser.find_element(By.CSS_SELECTOR, 'a.steplr-explorer-csv').get_attribute('href')
    header, *rows = urllib.parse.unquote(href.split(',', 1)[1]).splitlines()
    assert header == 't,lr'
    return call, [(int(t), float(lr)) for t, lr in (row.split(',') for row in rows)]


def check_against_steplr(call, rows, base_lr, epochs):
    "The CSV holds every epoch, each value is the closed form's, and the code line builds a scheduler that sets them."
    import torch
    from steplr import MultiStepLRScheduler, multistep_lr, scheduled_lrs
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr)
    scheduler = eval(call, {'StepLRScheduler': StepLRScheduler, 'MultiStepLRScheduler': MultiStepLRScheduler, 'optimizer': optimizer})
    assert call.startswith(f'{type(scheduler).__name__}(optimizer, ')
    arguments = ast.parse(call).body[0].value.keywords
    settings = {keyword.arg: ast.literal_eval(keyword.value) for keyword in arguments}
    defaults = inspect.signature(type(scheduler)).parameters
    assert all(value != defaults[name].default for name, value in settings.items()), call  # only non-default arguments
    closed_form = multistep_lr if isinstance(scheduler, MultiStepLRScheduler) else step_lr
    expected = [closed_form(t, base_lr, **settings) for t in range(epochs)]
    assert [t for t, lr in rows] == list(range(epochs))
    assert [lr for t, lr in rows] == expected, call  # to the last bit: == on floats
    assert scheduled_lrs(scheduler, epochs) == expected


STEP_SETTINGS = [  # the tutorial's figure, EfficientNet's recipe (2.4 epochs at 0.97), warmup_prefix, no warmup
    dict(decay_t='10', decay_rate='0.5', warmup_t='3', warmup_lr_init='1e-05', warmup_prefix=False, base_lr='0.0001', epochs='50'),
    dict(decay_t='2.4', decay_rate='0.97', warmup_t='3', warmup_lr_init='1e-06', warmup_prefix=False, base_lr='0.048', epochs='450'),
    dict(decay_t='7.3', decay_rate='0.1', warmup_t='5', warmup_lr_init='0', warmup_prefix=True, base_lr='0.1', epochs='61'),
    dict(decay_t='30', decay_rate='1.0', warmup_t='0', warmup_lr_init='0', warmup_prefix=False, base_lr='1.0', epochs='1'),
]
MULTISTEP_SETTINGS = [
    dict(milestones='30, 60, 80', timing='milestones', decay_rate='0.1', warmup_t='5', warmup_lr_init='0.001', warmup_prefix=False, base_lr='0.1', epochs='90'),
    dict(milestones='30 60 80', timing='decay_t', decay_rate='0.1', warmup_t='0', warmup_lr_init='0', warmup_prefix=False, base_lr='0.1', epochs='90'),
    dict(milestones='0, 2, 2, 9', timing='decay_t', decay_rate='0.5', warmup_t='4', warmup_lr_init='1e-07', warmup_prefix=True, base_lr='0.8', epochs='20'),
]


@pytest.mark.parametrize('page, settings', [('01_tutorial.html', s) for s in STEP_SETTINGS] + [('07_multistep.html', s) for s in MULTISTEP_SETTINGS])
def test_explorer_code_line_and_csv_are_steplrs(server, browser, page, settings):
    "Set every control, then the code line builds the scheduler that sets the CSV's values, and they are step_lr's."
    form = explorer_page(browser, server, page)
    if 'timing' in settings: set_control(browser, form, 'timing', settings['timing'])
    for name, value in settings.items():
        if name not in ('milestones', 'timing'): set_control(browser, form, name, value)
    if 'milestones' in settings: set_control(browser, form, settings['timing'], settings['milestones'])
    call, rows = shown(browser)
    arguments = {keyword.arg: ast.literal_eval(keyword.value) for keyword in ast.parse(call).body[0].value.keywords}
    assert arguments == expected_arguments(settings), call  # every control reaches the code line
    check_against_steplr(call, rows, float(settings['base_lr']), int(settings['epochs']))
    assert not [entry for entry in browser.get_log('browser') if entry['level'] == 'SEVERE']


def expected_arguments(settings):
    "The keyword arguments a code line should carry for the controls' `settings`: the non-default ones."
    arguments = ({settings['timing']: [int(m) for m in re.split(r'[\s,]+', settings['milestones']) if m]}
                 if 'milestones' in settings else {'decay_t': float(settings['decay_t'])})
    values = dict(decay_rate=float(settings['decay_rate']), warmup_t=int(settings['warmup_t']),
                  warmup_lr_init=float(settings['warmup_lr_init']), warmup_prefix=settings['warmup_prefix'])
    defaults = dict(decay_rate=1.0, warmup_t=0, warmup_lr_init=0.0, warmup_prefix=False)
    return arguments | {name: value for name, value in values.items() if value != defaults[name]}


def test_explorer_refuses_bad_milestones(server, browser):
    "Milestones it cannot take are named in the status line, and the plot, code line, CSV and copy go until fixed."
    form = explorer_page(browser, server, '07_multistep.html')
    for typed, message in [('1.5', 'whole numbers'), ('30, 501', 'from 0 to 500'), ('60, 30', 'non-decreasing'),
                           (', '.join(['1'] * 21), 'at most 20')]:
        set_control(browser, form, 'milestones', typed)
        status = browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-status').text
        assert message in status, (typed, status)
        assert form.find_element(By.NAME, 'milestones').get_attribute('aria-invalid') == 'true'
        assert browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-call').text == ''
        assert not browser.find_element(By.CSS_SELECTOR, 'a.steplr-explorer-csv').get_attribute('href')
        assert not browser.find_elements(By.CSS_SELECTOR, '.steplr-explorer-svg')
        assert not browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-copy').is_enabled()
    set_control(browser, form, 'milestones', '30, 60')
    assert 'milestones=[30, 60]' in shown(browser)[0] and browser.find_elements(By.CSS_SELECTOR, '.steplr-explorer-svg')
    assert browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-status').text == ''
    assert not [entry for entry in browser.get_log('browser') if entry['level'] == 'SEVERE']


def reachable(browser, form, name):
    "Every value the range control `name` can take, from its minimum up, one step at a time."
    return browser.execute_script("""const input = arguments[0].cloneNode(); input.value = input.min; const values = [input.value];
        for (;;) { input.stepUp(); if (input.value === values[values.length - 1]) return values; values.push(input.value); }""",
        form.find_element(By.NAME, name))


def test_explorer_is_exact_for_every_reachable_setting(server, browser):
    "Each piece the page computes equals steplr's for every value its controls can reach, and so do whole schedules."
    import random
    from explorer import BASE_LRS, DECAY_RATES, WARMUP_LR_INITS
    from steplr import multistep_lr
    from steplr.schedule import milestone_schedule, step_schedule
    form = explorer_page(browser, server, '01_tutorial.html')
    options = {name: [o.get_attribute('value') for o in form.find_elements(By.CSS_SELECTOR, f'select[name={name}] option')]
               for name in ('decay_rate', 'base_lr', 'warmup_lr_init')}
    assert options == {'decay_rate': DECAY_RATES, 'base_lr': BASE_LRS, 'warmup_lr_init': WARMUP_LR_INITS}
    decay_ts, warmup_ts, epochs = (reachable(browser, form, name) for name in ('decay_t', 'warmup_t', 'epochs'))
    assert (len(decay_ts), decay_ts[:3], warmup_ts[-1], epochs[-1]) == (991, ['1', '1.1', '1.2'], '20', '500')
    times = range(int(epochs[-1]))  # the decays' clock runs from 0 to epochs - 1, with or without warmup_prefix
    explorer = 'const e = window.steplrExplorer;'
    # the decay count t // decay_t, for every decay_t and every time
    counts = browser.execute_script(explorer + 'return arguments[0].map(d => arguments[1].map(t => e.floorDivide(t, Number(d))))',
                                    decay_ts, list(times))
    for decay_t, row in zip(decay_ts, counts):
        schedule = step_schedule(ast.literal_eval(decay_t))
        assert row == [schedule.decay_count(t) for t in times], decay_t
    # base_lr * decay_rate ** count for every base learning rate, rate and count
    decayed = browser.execute_script(explorer + 'return arguments[0].map(b => arguments[1].map(r => arguments[2].map(k => e.decayedLr(Number(b), r, k))))',
                                     BASE_LRS, DECAY_RATES, list(times))
    for base_lr, by_rate in zip(BASE_LRS, decayed):
        for rate, row in zip(DECAY_RATES, by_rate):
            assert row == [step_lr(k, float(base_lr), 1, float(rate)) for k in times], (base_lr, rate)
    # warmup: every base learning rate, warmup_lr_init, warmup_t and time in warmup
    warmups = [(b, i, w, t) for b in BASE_LRS for i in WARMUP_LR_INITS for w in map(int, warmup_ts[1:]) for t in range(w)]
    values = browser.execute_script(explorer + 'return arguments[0].map(([b, i, w, t]) => e.warmupLr(t, Number(b), Number(i), w))', warmups)
    assert values == [step_lr(t, float(b), 1, warmup_t=w, warmup_lr_init=float(i)) for b, i, w, t in warmups]
    # milestones: bisect_right in both timings, with repeated milestones and one at 0
    lists = [[30, 60, 80], [0], [0, 2, 2, 9], list(range(0, 500, 25)), [499], [5, 5, 5]]
    for milestones in lists:
        for timing in ('decay_t', 'milestones'):
            schedule = milestone_schedule(**{'decay_t': None, 'milestones': None, timing: milestones})
            got = browser.execute_script(explorer + 'return arguments[0].map(t => e.decayCount({milestones: arguments[1], timing: arguments[2], warmup_t: 0}, t))',
                                         list(times), milestones, timing)
            assert got == [schedule.decay_count(t) for t in times], (milestones, timing)
    # whole schedules, composed as the page composes them: a random sample of every control's values
    rng = random.Random(19)
    for _ in range(150):
        settings = dict(decay_rate=rng.choice(DECAY_RATES), warmup_t=int(rng.choice(warmup_ts)), warmup_lr_init=rng.choice(WARMUP_LR_INITS),
                        warmup_prefix=rng.random() < 0.5, base_lr=rng.choice(BASE_LRS), epochs=int(rng.choice(epochs)))
        if rng.random() < 0.7: settings['decay_t'] = rng.choice(decay_ts)
        else: settings.update(milestones=sorted(rng.sample(range(500), rng.randint(1, 20))), timing=rng.choice(['decay_t', 'milestones']))
        page_settings = {**settings, 'base_lr': float(settings['base_lr']), 'warmup_lr_init': float(settings['warmup_lr_init'])}
        if 'decay_t' in settings: page_settings['decay_t'] = float(settings['decay_t'])
        lrs = browser.execute_script(explorer + 'return e.schedule(arguments[0]).lrs', page_settings)
        common = dict(decay_rate=float(settings['decay_rate']), warmup_t=settings['warmup_t'], warmup_lr_init=float(settings['warmup_lr_init']),
                      warmup_prefix=settings['warmup_prefix'])
        if 'decay_t' in settings:
            expected = [step_lr(t, float(settings['base_lr']), ast.literal_eval(settings['decay_t']), **common) for t in range(settings['epochs'])]
        else:
            expected = [multistep_lr(t, float(settings['base_lr']), **common, **{settings['timing']: settings['milestones']})
                        for t in range(settings['epochs'])]
        assert lrs == expected, settings


def plot_path(browser):
    return browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-line').get_attribute('d')


@pytest.mark.parametrize('page', EXPLORER_PAGES)
def test_explorer_keyboard(server, browser, page):
    "Tab reaches the first control; arrow keys move a slider and change a select; the plot and code line follow."
    form = explorer_page(browser, server, page)
    # a link just before the explorer, with text: an empty one has no box, and Chromium will not type into it
    browser.execute_script("const before = document.createElement('a'); before.href = '#'; before.id = 'before-explorer';"
                           "before.textContent = 'before'; arguments[0].parentNode.insertBefore(before, arguments[0])", form)
    browser.find_element(By.ID, 'before-explorer').send_keys(Keys.TAB)
    first = browser.switch_to.active_element
    assert first.get_attribute('name') == ('decay_t' if page == '01_tutorial.html' else 'milestones')
    labels = browser.execute_script("return Array.from(arguments[0].querySelectorAll('input, select')).map(c => [c.name, c.labels.length && c.labels[0].textContent])", form)
    assert all(name and label for name, label in labels), labels  # every control is a labelled form input with a name
    code, path = browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-call').text, plot_path(browser)
    while browser.switch_to.active_element.get_attribute('name') != 'warmup_t':
        browser.switch_to.active_element.send_keys(Keys.TAB)
    warmup_t = int(browser.switch_to.active_element.get_attribute('value'))
    browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert browser.switch_to.active_element.get_attribute('value') == str(warmup_t + 1)
    assert browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-call').text != code and plot_path(browser) != path
    select = form.find_element(By.NAME, 'decay_rate')
    before = select.get_attribute('value')
    select.send_keys(Keys.ARROW_DOWN)
    assert select.get_attribute('value') != before and f"decay_rate={select.get_attribute('value')}" in shown(browser)[0]
    call, rows = shown(browser)
    check_against_steplr(call, rows, float(form.find_element(By.NAME, 'base_lr').get_attribute('value')),
                         int(form.find_element(By.NAME, 'epochs').get_attribute('value')))
    assert not [entry for entry in browser.get_log('browser') if entry['level'] == 'SEVERE']


def line_heights(browser):
    "Where the plotted line is drawn at each epoch, in pixels from the top: its path is M x,y then H x V y per epoch."
    path = plot_path(browser)
    return [float(re.match(r'M[^,]+,([-\d.e]+)', path).group(1))] + [float(v) for v in re.findall(r'V([-\d.e]+)', path)]


def y_labels(browser):
    "The plot's y tick labels, top to bottom."
    return browser.execute_script("return Array.from(document.querySelectorAll('.steplr-explorer-axes text[text-anchor=end]'), t => t.textContent)")


@pytest.mark.parametrize('page', EXPLORER_PAGES)
def test_explorer_log_scale(server, browser, page):
    "Ticked from the keyboard, log scale puts the y ticks at powers of ten and draws each decay by 0.1 as an equal step."
    form = explorer_page(browser, server, page)
    settings = dict(decay_rate='0.1', warmup_t='0', warmup_lr_init='0', base_lr='0.1', epochs='90')
    for name, value in settings.items(): set_control(browser, form, name, value)
    if page == '01_tutorial.html': set_control(browser, form, 'decay_t', '25')  # decays at 25, 50 and 75
    else: set_control(browser, form, 'milestones', '25, 50, 75')
    before, linear = shown(browser), line_heights(browser)
    set_control(browser, form, 'log_scale', True)  # the space bar on the box
    assert form.find_element(By.NAME, 'log_scale').is_selected()
    assert shown(browser) == before  # the code line and the CSV: the scale is how the plot is drawn, not a setting
    log = line_heights(browser)
    steps = lambda heights: [later - earlier for earlier, later in zip(heights, heights[1:]) if later != earlier]
    assert len(steps(log)) == 3 and max(steps(log)) - min(steps(log)) < 0.5, log  # three decays by 0.1: equal steps
    assert steps(linear)[2] < steps(linear)[0] / 50, linear  # where the linear axis all but hides the third
    assert len(y_labels(browser)) >= 4 and all(math.log10(float(label)).is_integer() for label in y_labels(browser))
    assert 'log scale' in browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-svg').get_attribute('aria-label')
    set_control(browser, form, 'warmup_t', '3')  # a warmup from 0: the rate at epoch 0 is 0
    assert y_labels(browser)[-1] == '0' and line_heights(browser)[0] == max(line_heights(browser))  # the bottom edge
    if page == '01_tutorial.html':  # rates that shrink to below the smallest float: labels stay powers of ten
        for name, value in dict(decay_rate='0.01', decay_t='1', epochs='500').items(): set_control(browser, form, name, value)
        labels = y_labels(browser)
        assert labels[-1] == '0' and all(math.log10(float(label)).is_integer() for label in labels[:-1]), labels
    assert not [entry for entry in browser.get_log('browser') if entry['level'] == 'SEVERE']


def luminance(css_colour: str) -> float:
    "The relative luminance (0 black .. 1 white) of an rgb()/rgba() colour."
    red, green, blue = (int(v) / 255 for v in re.findall(r'[\d.]+', css_colour)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize('page', EXPLORER_PAGES)
@pytest.mark.parametrize('theme', ['light', 'dark'])
@pytest.mark.parametrize('width', [1280, 390])
def test_explorer_fits_and_reads_in_both_themes(server, browser, page, theme, width):
    "No sideways scrolling at 1280 and 390 px, readable text in light and dark theme; a screenshot of each."
    explorer_page(browser, server, page)
    browser.execute_script("document.documentElement.dataset.mode = arguments[0]; document.documentElement.dataset.theme = arguments[0]", theme)
    browser.set_window_size(width, 1000)
    explorer = browser.find_element(By.CSS_SELECTOR, '.steplr-explorer')
    browser.execute_script("arguments[0].scrollIntoView()", explorer)
    sizes = browser.execute_script("""const page = document.documentElement, e = arguments[0];
        return [page.scrollWidth, page.clientWidth, e.scrollWidth, e.clientWidth,
                Math.max(...Array.from(e.querySelectorAll('*')).map(n => n.getBoundingClientRect().right)), e.getBoundingClientRect().right]""", explorer)
    page_width, page_client, explorer_width, explorer_client, rightmost, explorer_right = sizes
    assert page_width <= page_client and explorer_width <= explorer_client and rightmost <= explorer_right + 1, sizes
    colours = browser.execute_script("""const style = (s) => getComputedStyle(document.querySelector(s));
        return [style('.steplr-explorer').backgroundColor, style('.steplr-explorer label').color, style('.steplr-explorer-line').stroke]""")
    background, text, line = map(luminance, colours)
    assert (background < 0.1) == (theme == 'dark') and abs(text - background) > 0.4 and abs(line - background) > 0.1, colours
    explorer.screenshot(str(SCREENSHOTS / f"explorer-{page.replace('.html', '')}-{theme}-{width}.png"))
    browser.set_window_size(1280, 1000)


def test_explorer_adds_under_300_kb(server, browser):
    "What the explorer adds to a page (its three files and the cell's markup) weighs under 300 KB, all from the site."
    explorer_page(browser, server, '01_tutorial.html')
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(r => [r.name, r.encodedBodySize])")
    added = {name.split('/')[-1]: size for name, size in loaded if 'explorer' in name}
    assert sorted(added) == sorted(EXPLORER_FILES) and all(name.startswith(server) for name, size in loaded if 'explorer' in name), loaded
    html = (SITE / '01_tutorial.html').read_text()
    markup = re.search(r"<div class='steplr-explorer'.*?explorer\.js'></script>", html, re.S).group()
    total = sum((SITE / '_static' / name).stat().st_size for name in EXPLORER_FILES) + len(markup.encode())
    (ROOT / '_build' / 'explorer-weight.txt').write_text(f'{total} bytes: ' + ', '.join(f'{name} {size}' for name, size in added.items())
                                                         + f', markup {len(markup.encode())}\n')
    assert total < 300_000, total


def test_explorer_copy_button(server, browser):
    "The copy button puts the code line, with its import, on the clipboard, and says so."
    explorer_page(browser, server, '01_tutorial.html')
    # a clipboard that keeps what it is given: headless Chromium's own cannot be read back
    browser.execute_script("Object.defineProperty(navigator, 'clipboard', {value: {writeText: text => "
                           "{ window.copied = text; return Promise.resolve(); }}})")
    button = browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-copy')
    button.send_keys(Keys.ENTER)
    assert browser.execute_script("return window.isSecureContext && window.copied") == \
        browser.find_element(By.CSS_SELECTOR, '.steplr-explorer-call').text
    assert button.text == 'Copied'
