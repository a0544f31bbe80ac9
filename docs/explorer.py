"""Sphinx extension: the numbers behind the schedule explorer (docs/_static/explorer.js), made by steplr.

The explorer on the tutorial and milestones pages redraws a schedule in the browser as its controls
move. Its values must be `step_lr`'s and `multistep_lr`'s to the last bit. Every control takes a fixed
set of values (`CONTROLS`), so the browser needs only IEEE-754 `+ - * /`, which JavaScript rounds as
Python does, plus two things it does not share with Python:

- `decay_rate ** count`: C's `pow`, which JavaScript's `Math.pow` need not match. steplr computes it
  here, at build time, as `step_lr(count, 1.0, decay_t=1, decay_rate=rate)`, for every rate the page
  offers and every count it can reach, and the page looks it up;
- `t // decay_t` on floats: explorer.js follows CPython's algorithm (through `fmod`, JavaScript's `%`).

A table of every value the controls can reach would be far over the page's 300 KB budget (a few
billion values); this one is about 90 KB. docs/test_site.py checks each piece the page computes
against steplr over every value the controls can reach.
"""
import base64
import json
import struct
from pathlib import Path

from steplr import step_lr

# what each control offers; values are Python literals, so the page's code line can show them as they are
DECAY_RATES = ['1.0', '0.99', '0.98', '0.97', '0.96', '0.95', '0.9', '0.8', '0.75', '0.7', '0.6', '0.5',
               '0.4', '0.3', '0.25', '0.2', '0.1', '0.05', '0.01']
BASE_LRS = ['1e-05', '3e-05', '0.0001', '0.0003', '0.0005', '0.001', '0.003', '0.01', '0.016', '0.03', '0.048',
            '0.05', '0.1', '0.2', '0.256', '0.4', '0.5', '0.8', '1.0']
WARMUP_LR_INITS = ['0', '1e-07', '1e-06', '1e-05', '0.0001', '0.001', '0.01']
CONTROLS = {
    'decay_t': {'min': '1', 'max': '100', 'step': '0.1'},  # a range: 1, 1.1, ... 100
    'warmup_t': {'min': '0', 'max': '20', 'step': '1'},
    'epochs': {'min': '1', 'max': '500', 'step': '1'},
    'decay_rate': DECAY_RATES, 'base_lr': BASE_LRS, 'warmup_lr_init': WARMUP_LR_INITS,
    'milestones': {'min': 0, 'max': 500, 'most': 20},  # integers, at most `most` of them
}
MOST_DECAYS = int(CONTROLS['epochs']['max'])  # t // decay_t < 500 for t < 500 and decay_t >= 1; 20 milestones


def factors(rate: str) -> list[float]:
    "`float(rate) ** count` for count = 0, 1, ... until it stops changing or every reachable count is covered."
    values = []
    for count in range(MOST_DECAYS + 1):
        values.append(step_lr(count, 1.0, decay_t=1, decay_rate=float(rate)))
        if values[-1] in (0.0, 1.0) and count: break  # 0.0 stays 0.0; a rate of 1.0 stays 1.0
    return values


def packed(values: list[float]) -> str:
    "Float64 values, little-endian, in base64: 10.7 characters each where a decimal repr takes about 20."
    return base64.b64encode(struct.pack(f'<{len(values)}d', *values)).decode()


def table_script() -> str:
    "The script that gives explorer.js its controls and its table of decay factors."
    table = {'controls': CONTROLS, 'factors': {rate: packed(factors(rate)) for rate in DECAY_RATES}}
    return ('// made by docs/explorer.py at site build: decay_rate ** count from steplr.step_lr\n'
            f'window.steplrExplorerTable = {json.dumps(table, separators=(",", ":"))};\n')


def write_table(app, exception):
    "Write the table into the built site's _static folder, next to explorer.js."
    if exception is None and app.builder.format == 'html':
        (Path(app.outdir) / '_static' / 'explorer-table.js').write_text(table_script())


def setup(app):
    app.connect('build-finished', write_table)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
