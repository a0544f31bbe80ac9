"""Package set-up for steplr: metadata and requirements come from settings.ini (nbdev 2 style)."""
from configparser import ConfigParser

import setuptools

config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
statuses = ['Planning', 'Pre-Alpha', 'Alpha', 'Beta', 'Production/Stable', 'Mature', 'Inactive']
license_name, license_classifier = licenses[cfg['license']]
min_python = cfg['min_python']
python_versions = cfg['python_versions'].split()  # the Pythons CI runs: the classifiers claim these and no others
if python_versions[0] != min_python:
    raise ValueError(f'settings.ini: min_python is {min_python}, but python_versions starts at {python_versions[0]}')

setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    author=cfg['author'],
    author_email=cfg['author_email'],
    url=cfg['git_url'],
    project_urls={'Documentation': f"{cfg['doc_host']}{cfg['doc_baseurl']}", 'Source': cfg['git_url'],
                  'Issues': f"{cfg['git_url']}/issues"},
    license=license_name,
    license_files=['LICENSE'],
    keywords=cfg['keywords'].split(),
    classifiers=[
        f'Development Status :: {cfg["status"]} - {statuses[int(cfg["status"])]}',
        f'Intended Audience :: {cfg["audience"]}',
        f'License :: {license_classifier}',
        f'Natural Language :: {cfg["language"]}',
        'Programming Language :: Python :: 3',
        *[f'Programming Language :: Python :: {version}' for version in python_versions],
        'Typing :: Typed',
        'Topic :: Scientific/Engineering :: Artificial Intelligence',
    ],
    packages=setuptools.find_packages(include=['steplr', 'steplr.*']),
    include_package_data=True,
    package_data={'steplr': ['py.typed', 'train_py.json', 'train_py_0.4.12.json']},
    python_requires=f'>={min_python}',
    install_requires=cfg['requirements'].split(),
    extras_require={'plot': cfg['plot_requirements'].split(), 'yaml': cfg['yaml_requirements'].split(),
                    'dev': cfg['dev_requirements'].split()},
    zip_safe=False,
    entry_points={'console_scripts': cfg.get('console_scripts', '').split(),
                  'nbdev': [f'{cfg["lib_path"]}={cfg["lib_path"]}._modidx:d']},
)
