#!/bin/sh
# Policy impact at scale (docs/performance.md, "Policy impact"): generates a synthetic population of
# N profiles (default 100,000) and runs `impact` on it against the real catalog, with a draft that
# raises the 规上 threshold and the Pearl River Delta 小升规 amount, under a fixed heap, printing
# wall time, CPU time and peak memory. Needs the packaged application:
#   ./mvnw -B package -DskipTests && bench/impact.sh 100000
set -eu
n="${1:-100000}"
jar="target/quarkus-app/quarkus-run.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -jar "$jar" population --seed 1 --size "$n" --out "$work/pop.ndjson"
cp -r rules "$work/draft"
sed -i 's/mainBusinessRevenue(), 2000)/mainBusinessRevenue(), 3000)/' "$work/draft/national/statistics/above-scale-threshold.drl"
sed -i 's/pearl-river-delta,5,/pearl-river-delta,8,/' "$work/draft/guangdong/xsg-2025-amounts.table.csv"
/usr/bin/time -v java -Xmx512m -jar "$jar" impact --baseline rules --draft "$work/draft" --population "$work/pop.ndjson" \
  --as-of 2025-06-01 --format json --out "$work/report.json" 2>&1 \
  | grep -E 'profiles, .*ETA 0m00s|Elapsed|User time|System time|Maximum resident' | tail -5
ls -l "$work/report.json"
