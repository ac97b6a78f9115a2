#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifests: they parse, and they keep to the sandbox we promise.

usage: check-flatpak-manifest.py --base-id ID [--flatpak-builder PATH] MANIFEST...

Each manifest is read through `flatpak-builder --show-manifest` when flatpak-builder is
given (that is what parses it for a real build, and it works offline), else with Python's
json module. The results are printed as TAP.
"""

import argparse
import json
import os
import subprocess
import sys

ALLOWED_FINISH_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]

# The keyring is reached through the Secret portal inside the sandbox, never directly.
FORBIDDEN_NAMES = ['org.freedesktop.secrets', 'org.gnome.keyring']


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, ok, description, diagnostic=None):
        self.count += 1
        print(f"{'ok' if ok else 'not ok'} {self.count} - {description}")
        if not ok:
            self.failed += 1
            if diagnostic:
                for line in str(diagnostic).splitlines():
                    print(f'# {line}')
        return ok

    def skip(self, description, reason):
        self.count += 1
        print(f'ok {self.count} - {description} # SKIP {reason}')


def load(path, flatpak_builder, tap, name):
    """Returns the manifest as a dict, or None after reporting why it could not be read."""
    if flatpak_builder:
        result = subprocess.run([flatpak_builder, '--show-manifest', path],
                                capture_output=True, text=True, check=False)
        if not tap.check(result.returncode == 0,
                         f'{name}: flatpak-builder --show-manifest parses it',
                         result.stderr.strip()):
            return None
        text = result.stdout
    else:
        tap.skip(f'{name}: flatpak-builder --show-manifest parses it',
                 'flatpak-builder not found')
        with open(path, encoding='utf-8') as f:
            text = f.read()
    try:
        manifest = json.loads(text)
    except ValueError as e:
        tap.check(False, f'{name}: is JSON', e)
        return None
    if not tap.check(isinstance(manifest, dict), f'{name}: is a JSON object'):
        return None
    return manifest


def check_manifest(path, base_id, flatpak_builder, tap):
    name = os.path.basename(path)
    manifest = load(path, flatpak_builder, tap, name)
    if manifest is None:
        return

    app_id = manifest.get('id', manifest.get('app-id'))
    tap.check(app_id in (base_id, base_id + '.Devel'),
              f'{name}: the app ID is {base_id} or its .Devel variant', f'got {app_id!r}')
    tap.check(name == f'{app_id}.json', f'{name}: the file is named after the app ID',
              f'app ID {app_id!r}')
    devel = app_id == base_id + '.Devel'

    tap.check(manifest.get('runtime') == 'org.gnome.Platform'
              and manifest.get('sdk') == 'org.gnome.Sdk',
              f'{name}: runtime org.gnome.Platform, SDK org.gnome.Sdk',
              f"got {manifest.get('runtime')!r} / {manifest.get('sdk')!r}")
    version = str(manifest.get('runtime-version', ''))
    tap.check(version.isdigit(), f'{name}: a stable runtime version', f'got {version!r}')
    tap.check(manifest.get('command') == 'ringside', f'{name}: the command is ringside',
              f"got {manifest.get('command')!r}")

    finish_args = manifest.get('finish-args', [])
    tap.check(sorted(finish_args) == sorted(ALLOWED_FINISH_ARGS)
              and len(set(finish_args)) == len(finish_args),
              f'{name}: finish-args are exactly the allowed set',
              f'got {finish_args}\nallowed {ALLOWED_FINISH_ARGS}')

    dumped = json.dumps(manifest)
    found = [n for n in FORBIDDEN_NAMES if n in dumped]
    tap.check(not found, f'{name}: no direct access to the keyring service',
              f'mentions {found}')

    modules = manifest.get('modules', [])
    module = modules[-1] if modules else {}
    if not isinstance(module, dict):
        module = {}
    tap.check(module.get('name') == 'ringside' and module.get('buildsystem') == 'meson',
              f'{name}: the last module builds ringside with meson',
              f"got {module.get('name')!r} / {module.get('buildsystem')!r}")
    tap.check(module.get('run-tests') is True, f'{name}: the module runs the tests')
    sources = module.get('sources', [])
    tap.check(any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '..'
                  for s in sources),
              f'{name}: the module builds the local source tree', f'sources {sources}')
    config_opts = module.get('config-opts', [])
    expected = '-Ddevelopment=true' if devel else '-Ddevelopment=false'
    tap.check(expected in config_opts
              and ('-Ddevelopment=false' if devel else '-Ddevelopment=true') not in config_opts,
              f'{name}: configured with {expected}', f'config-opts {config_opts}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--base-id', required=True)
    parser.add_argument('--flatpak-builder')
    parser.add_argument('manifests', nargs='+')
    args = parser.parse_args()

    tap = Tap()
    for path in args.manifests:
        check_manifest(path, args.base_id, args.flatpak_builder, tap)
    print(f'1..{tap.count}')
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
