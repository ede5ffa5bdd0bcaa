#!/usr/bin/env python3
"""Writes a synthetic catalog of about N measures shaped like a real one: each measure for its own place.

    bench/gen-realistic.py 1000 /tmp/realistic-1000 [rules] [seed]

The national rule files are kept once. Every other rule file is kept at home and cloned until the
catalog holds about N measures; each clone is re-homed to another place: a provincial file to
another province, a city or county file to a city (and county) of another province, and a file
naming region groups (the Pearl River Delta) to copies of those groups in the new province. Its
measure ids become ID-R<k>, its package <package>.r<k>, and its scenario file and the tables it reads are
cloned with every region code moved the same way, so the clone's scenarios pass as the original's do. Places the
reference data does not hold are added to the catalog's reference/regions.yaml and gbt2260.csv (synthetic names);
the groups too. Per-project measures are re-homed like the others.

So an enterprise of Wuzhou meets the national measures, the Guangxi and Wuzhou ones, and the
clones that happen to land on its province or city, as on a real province's platform; the
other clones are for places elsewhere. Deterministic for a given seed.
"""
import os
import random
import re
import shutil
import sys

ID_RULE = re.compile(r'^rule\s+"([^"/]+?)"\s*$', re.M)
LOCATED = re.compile(r'locatedIn\(([^)]*)\)')
QUOTED = re.compile(r'"([^"]+)"')
PROFILE_CODE = re.compile(r'regionCode:\s*"(\d{6})"')
PROFILE_CODE_FULL = re.compile(r'(regionCode:\s*")(\d{6})(")')
# The 31 provincial-level divisions of the mainland (GB/T 2260).
PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
             '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']
# Cities per province are drawn from 01..CITIES: about as many as a province has.
CITIES = 14


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def rule_files(src):
    """(relative path of the .drl, its text) for every rule file but the national ones."""
    out = []
    for root, dirs, files in os.walk(src):
        rel = os.path.relpath(root, src)
        top = rel.split(os.sep)[0]
        if top in ('reference', 'scenarios', 'national') or top.startswith('.'):
            continue
        for name in sorted(files):
            if name.endswith('.drl'):
                out.append(os.path.join(rel, name))
    return sorted(out)


def read_groups(regions_text):
    """Group id -> (zh, en, members) from reference/regions.yaml (the simple layout it uses)."""
    groups = {}
    body = regions_text.split('\ngroups:', 1)[1] if '\ngroups:' in regions_text else ''
    current = None
    for line in body.splitlines():
        m = re.match(r'^  ([a-z0-9-]+):\s*$', line)
        if m:
            current = m.group(1)
            groups[current] = {'zh': '', 'en': '', 'members': []}
            continue
        if current is None:
            continue
        m = re.match(r'^\s+(zh|en):\s*(.+)$', line)
        if m:
            groups[current][m.group(1)] = m.group(2).strip()
        groups[current]['members'] += re.findall(r'"(\d{6})"', line) if 'members' in line or line.strip().startswith('"') else []
    return groups


def home(drl, groups):
    """The province of the file's places and the deepest level it names: 'province', 'city' or 'county'."""
    codes, named_groups = [], []
    for args in LOCATED.findall(drl):
        for value in QUOTED.findall(args):
            (named_groups if value in groups else codes).append(value)
    members = [c for g in named_groups for c in groups[g]['members']]
    provinces = {c[:2] for c in codes + members}
    if len(provinces) != 1:
        return None
    level = 'province'
    for c in codes:
        if not c.endswith('00'):
            level = 'county'
        elif not c.endswith('0000') and level == 'province':
            level = 'city'
    return provinces.pop(), level, named_groups


def mover(province, city, target_province, target_city):
    """Moves a region code: the file's city to the target city, the rest of its province to the target province."""
    def move(code):
        if city and code[:4] == city:
            return target_city + code[4:]
        if code[:2] == province:
            return target_province + code[2:]
        return code
    return move


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    target, out = int(sys.argv[1]), sys.argv[2]
    src = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else os.path.join(os.path.dirname(__file__), '..', 'rules')
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    regions_text = read(os.path.join(src, 'reference', 'regions.yaml'))
    known = set(re.findall(r'code:\s*"(\d{6})"', regions_text))
    groups = read_groups(regions_text)

    all_ids = set()
    for root, _, files in os.walk(src):
        for name in files:
            if name.endswith('.drl'):
                all_ids.update(m.strip() for m in ID_RULE.findall(read(os.path.join(root, name))))
    files = rule_files(src)
    regional_ids = set()
    for path in files:
        regional_ids.update(m.strip() for m in ID_RULE.findall(read(os.path.join(src, path))))
    national = len(all_ids) - len(regional_ids)
    copies = max(0, -(-(target - len(all_ids)) // max(1, len(regional_ids))))

    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(src, out, ignore=shutil.ignore_patterns('kustomization.yaml'))
    pattern = re.compile(r'(?<![A-Za-z0-9-])(' + '|'.join(sorted(map(re.escape, regional_ids), key=len, reverse=True)) + r')(?![A-Za-z0-9-])')
    new_places, new_groups = {}, {}

    # A folder is a place's: the clone k of a folder's files goes to one province (and city), as a real folder would.
    folders = {}
    for path in files:
        folders.setdefault(os.path.dirname(path), []).append(path)
    for folder, paths in sorted(folders.items()):
        units = []
        for path in paths:
            drl = read(os.path.join(src, path))
            placed = home(drl, groups)
            if placed is None:
                continue
            scen_path = os.path.join(src, path[:-len('.drl')] + '.scenarios.yaml')
            units.append((path, drl, placed, scen_path, read(scen_path) if os.path.exists(scen_path) else ''))
        if not units:
            continue
        province = units[0][2][0]
        if any(u[2][0] != province for u in units):
            continue
        named_groups = sorted({g for u in units for g in u[2][2]})
        # Tables of the folder that its rules read: each clone gets its own, keyed by the moved places.
        tables = {name[:-len('.table.csv')]: read(os.path.join(src, folder, name)) for name in os.listdir(os.path.join(src, folder))
                  if name.endswith('.table.csv') and any('"' + name[:-len('.table.csv')] + '"' in u[1] for u in units)}
        city = next((c[:4] for u in units for a in LOCATED.findall(u[1]) for c in QUOTED.findall(a)
                     if re.fullmatch(r'\d{6}', c) and not c.endswith('0000')), None)
        scen_codes = [c for u in units for c in PROFILE_CODE.findall(u[4])]
        foreign = {c[:2] for c in scen_codes if c[:2] != province}
        cities_used = {c[:4] for c in scen_codes if c[:2] == province and c[:4] != city}
        for k in range(1, copies + 1):
            # A province the scenarios do not use as "elsewhere", and a city none of them names.
            q = rnd.choice([p for p in PROVINCES if p != province and p not in foreign])
            target_city = None
            if city:
                taken = {q + c[2:] for c in cities_used}
                target_city = rnd.choice([c for c in (q + '%02d' % i for i in range(1, CITIES + 1)) if c not in taken])
            move = mover(province, city, q, target_city)
            suffix = '-r' + q

            def moved_codes(match):
                return match.group(1) + move(match.group(2)) + match.group(3)

            def rehome(text, drl):
                text = pattern.sub(lambda m: m.group(1) + '-R' + str(k), text)
                if drl:
                    for table in tables:
                        text = text.replace('"' + table + '"', '"' + table + '-r' + str(k) + '"')
                    text = LOCATED.sub(lambda m: 'locatedIn(' + QUOTED.sub(
                        lambda v: '"' + (v.group(1) + suffix if v.group(1) in groups else move(v.group(1))) + '"', m.group(1)) + ')', text)
                    text = re.sub(r'^package\s+([\w.]+)', lambda m: 'package ' + m.group(1) + '.r' + str(k), text, flags=re.M)
                else:
                    text = PROFILE_CODE_FULL.sub(moved_codes, text)
                return text

            for path, drl, _, scen_path, scen in units:
                target_folder = os.path.join(out, folder, 'r' + str(k))
                write(os.path.join(target_folder, os.path.basename(path)), rehome(drl, True))
                if scen:
                    write(os.path.join(target_folder, os.path.basename(scen_path)), rehome(scen, False))
                for a in LOCATED.findall(drl):
                    for c in QUOTED.findall(a):
                        if re.fullmatch(r'\d{6}', c) and move(c) not in known:
                            new_places[move(c)] = True
                for c in PROFILE_CODE.findall(scen):
                    if move(c) != c and move(c) not in known:
                        new_places[move(c)] = True
            for table, text in tables.items():
                for g in named_groups:
                    text = re.sub(r'^' + re.escape(g) + ',', g + suffix + ',', text, flags=re.M)
                text = re.sub(r'^(\d{6}),', lambda m: move(m.group(1)) + ',', text, flags=re.M)
                write(os.path.join(out, folder, 'r' + str(k), table + '-r' + str(k) + '.table.csv'), text)
            for g in named_groups:
                members = [move(m) for m in groups[g]['members']]
                new_groups[g + suffix] = (groups[g]['zh'] + '（合成，' + q + '）', groups[g]['en'] + ' (synthetic, ' + q + ')', members)
                for m in members:
                    if m not in known:
                        new_places[m] = True

    # Places and groups the clones name, so every code is one the reference data knows.
    lines = []
    for code in sorted(new_places):
        for parent in (code[:2] + '0000', code[:4] + '00'):
            if parent not in known and parent not in new_places and parent != code:
                new_places[parent] = True
    extra = ['  - {code: "%s", zh: 合成地区%s, en: Synthetic place %s}' % (c, c, c) for c in sorted(new_places)]
    # The code list every region code is checked against (reference/gbt2260.csv) must know them too.
    listed = read(os.path.join(out, 'reference', 'gbt2260.csv'))
    listed_codes = set(re.findall(r'^(\d{6}),', listed, flags=re.M))
    write(os.path.join(out, 'reference', 'gbt2260.csv'), listed.rstrip('\n') + '\n' + ''.join(
        '%s,合成地区%s\n' % (c, c) for c in sorted(new_places) if c not in listed_codes))
    text = read(os.path.join(out, 'reference', 'regions.yaml'))
    head, sep, tail = text.partition('\ngroups:')
    head = head.rstrip('\n') + '\n  # bench/gen-realistic.py: places of re-homed clones\n' + '\n'.join(extra) + '\n'
    for gid, (zh, en, members) in sorted(new_groups.items()):
        lines.append('  %s:\n    zh: %s\n    en: %s\n    members: [%s]' % (gid, zh, en, ', '.join('"%s"' % m for m in members)))
    write(os.path.join(out, 'reference', 'regions.yaml'), head + sep + tail.rstrip('\n') + '\n' + '\n'.join(lines) + '\n')
    print(f'{len(all_ids) + copies * len(regional_ids)} measures ({national} national, {len(regional_ids)} regional '
          f'at home and {copies} re-homed clones of each) in {out}')


if __name__ == '__main__':
    main()
