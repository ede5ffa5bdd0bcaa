#!/usr/bin/env python3
"""Writes a synthetic catalog of about N measures, cloned from the real rule files.

    bench/gen-catalog.py 1040 /tmp/catalog-1040 [rules]

Copy k (k = 1, 2, ...) of the catalog lives under <folder>/c<k>/ with package <package>.c<k>, and
every measure id X is renamed X-C<k> in all its files (rules, scenarios, conflicts), so each copy
is a complete, consistent catalog: the same criteria, amounts and scenarios under new ids. The
cross-measure scenarios of rules/scenarios/ are copied the same way. N is rounded up to a whole
number of copies (26 real measures: 26, 260, 1040).
"""
import os
import re
import shutil
import sys

ID_RULE = re.compile(r'^rule\s+"([^"/]+?)"\s*$', re.M)


def measure_ids(src):
    ids = set()
    for root, _, files in os.walk(src):
        for name in files:
            if name.endswith('.drl'):
                with open(os.path.join(root, name), encoding='utf-8') as f:
                    ids.update(m.strip() for m in ID_RULE.findall(f.read()))
    return ids


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    target, out = int(sys.argv[1]), sys.argv[2]
    src = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), '..', 'rules')
    ids = measure_ids(src)
    copies = max(1, -(-target // len(ids)))
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(src, out, ignore=shutil.ignore_patterns('kustomization.yaml'))
    pattern = re.compile(r'(?<![A-Za-z0-9-])(' + '|'.join(sorted(map(re.escape, ids), key=len, reverse=True)) + r')(?![A-Za-z0-9-])')
    for k in range(1, copies):
        for root, _, files in os.walk(src):
            rel = os.path.relpath(root, src)
            if rel.split(os.sep)[0] == 'reference' or rel.startswith('.'):
                continue
            for name in files:
                if not (name.endswith('.drl') or name.endswith('.scenarios.yaml')):
                    continue
                with open(os.path.join(root, name), encoding='utf-8') as f:
                    text = f.read()
                text = pattern.sub(lambda m: m.group(1) + '-C' + str(k), text)
                text = re.sub(r'^package\s+([\w.]+)', lambda m: 'package ' + m.group(1) + '.c' + str(k), text, flags=re.M)
                folder = os.path.join(out, rel, 'c' + str(k))
                os.makedirs(folder, exist_ok=True)
                with open(os.path.join(folder, name), 'w', encoding='utf-8') as f:
                    f.write(text)
    print(f'{len(ids) * copies} measures ({copies} copies of {len(ids)}) in {out}')


if __name__ == '__main__':
    main()
