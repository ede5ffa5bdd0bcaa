#!/usr/bin/env bash
# Catalog-scale benchmark (issues 10, 26): one table, one row per catalog.
#
#   bench/run.sh [CATALOGS...]          default: 26 260 1040 realistic-1000
#
# A catalog is N (cloned: every rule file of rules/ copied in place, bench/gen-catalog.py) or
# realistic-N (national measures once, the others re-homed over many places, bench/gen-realistic.py).
# Per catalog: the in-process harness (EngineBench: cold build, scenario gate, one-file reload, heap
# after build, per-profile CPU cost split into facts / Drools / assembly / JSON, results per profile);
# then the packaged service on that catalog: time to ready, HTTP single-profile req/s next to
# GET /api/v1/measures/{id} in the same run (wrk, after a warm-up of BENCH_WARMUP), NDJSON
# view=summary profiles/s, and a one-file edit until the new version serves.
# Cloned catalogs are measured on one Wuzhou profile repeated (20,000 lines at 26 measures, fewer in
# proportion above); realistic ones on a synthetic population of the three seed cities (Wuzhou,
# Zhaoqing, Suichang: `population --seed 1`, BENCH_PROFILES lines, 4,000 by default), in process
# and over HTTP alike, with the mean and largest number of results per line of the NDJSON answer.
# Needs: a JDK 17, python3, curl, bc, wrk (apt-get install -y wrk bc).
set -euo pipefail
cd "$(dirname "$0")/.."
CATALOGS=("${@:-26 260 1040 realistic-1000}")
CATALOGS=(${CATALOGS[@]})
PROFILES=${BENCH_PROFILES:-4000}
WORK=${BENCH_WORK:-/tmp/huiqi-bench}
PORT=${BENCH_PORT:-18080}
# Health and metrics are on the management port (docs/deploy.md).
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-19000}
DURATION=${BENCH_DURATION:-15s}
# The JIT needs a minute or more of load before a catalog's thousands of rule classes run compiled:
# measured before that, POST throughput was a third of what it settles at.
WARMUP=${BENCH_WARMUP:-90s}
KEY=bench-key
mkdir -p "$WORK"

./mvnw -B -q -o package -DskipTests >/dev/null
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)

# One profile for every request: a Wuzhou enterprise with figures (a real self-check, ~all criteria decided).
cat > "$WORK/profile.json" <<'JSON'
{"asOf":"2025-06-01","profile":{"regionCode":"450403","industryCode":"C3311","employees":120,"sme":true,
 "financials":{"2024":{"operatingRevenue":8000,"mainBusinessRevenue":7800,"rdExpense":400,"totalAssets":9000},
               "2023":{"operatingRevenue":6500,"rdExpense":300}}}}
JSON
python3 - "$WORK" <<'PY'
import json, sys
p = json.load(open(sys.argv[1] + '/profile.json'))
with open(sys.argv[1] + '/batch.ndjson', 'w') as f:
    for i in range(20000):
        p['id'] = 'row-%d' % i
        f.write(json.dumps(p, ensure_ascii=False) + '\n')
body = json.dumps(json.load(open(sys.argv[1] + '/profile.json')))
open(sys.argv[1] + '/post.lua', 'w').write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[' + body + ']]\n')
PY

# The bench population: three cities, as a registry run would send them, evaluated on the profile's date.
java -jar target/quarkus-app/quarkus-run.jar population --seed 1 --size "$PROFILES" --out "$WORK/population.ndjson" >/dev/null
sed -i 's/^{"id"/{"asOf":"2025-06-01","id"/' "$WORK/population.ndjson"

row() { printf '| %s ' "$@"; printf '|\n'; }
echo
row catalog measures "build (cold, in-process)" "scenario gate" "heap after build" "per profile CPU" "facts" "Drools" "assembly" "JSON" "answer" "ready after start" "POST eligibility req/s" "GET measure req/s" "ratio" "NDJSON summary profiles/s" "results per line (mean / max)" "one-file edit live"
row --- --- --- --- --- --- --- --- --- --- --- --- --- --- --- --- --- ---
for catalog in "${CATALOGS[@]}"; do
  dir="$WORK/catalog-$catalog"
  n=${catalog#realistic-}
  if [[ $catalog == realistic-* ]]; then
    python3 bench/gen-realistic.py "$n" "$dir" >/dev/null
    population="$WORK/population.ndjson"
  else
    python3 bench/gen-catalog.py "$n" "$dir" >/dev/null
    population=""
  fi
  declare -A r=()
  # BENCH_IN_PROCESS=no skips the harness (its columns stay empty): on a loaded machine its build and gate take long.
  if [[ ${BENCH_IN_PROCESS:-yes} != no ]]; then
    for kv in $(java -Xmx1g -cp "$CP" org.huiqi.evaluation.EngineBench "$dir" 10 $population 2>/dev/null | grep '^measures='); do r[${kv%%=*}]=${kv#*=}; done
  fi

  start=$(date +%s.%N)
  java -Xmx1g -Dquarkus.http.port=$PORT -Dquarkus.management.port=$MANAGEMENT_PORT -Dpolicy.rules.dir="$dir" -Dpolicy.api-keys="bench:$HASH:integration" \
       -Dquarkus.log.level=WARN -jar target/quarkus-app/quarkus-run.jar >"$WORK/service-$catalog.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$MANAGEMENT_PORT/q/health/ready" >/dev/null; do sleep 0.2; done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  id=$(curl -s "localhost:$PORT/api/v1/measures" | python3 -c 'import json,sys; print(json.load(sys.stdin)["measures"][0]["id"])')
  wrk -t2 -c8 -d"$WARMUP" -s "$WORK/post.lua" "http://localhost:$PORT/api/v1/eligibility" >/dev/null   # warm-up
  wrk -t2 -c8 -d10s "http://localhost:$PORT/api/v1/measures/$id" >/dev/null
  post=$(wrk -t2 -c8 -d"$DURATION" -s "$WORK/post.lua" "http://localhost:$PORT/api/v1/eligibility" | awk '/Requests\/sec/{print $2}')
  get=$(wrk -t2 -c8 -d"$DURATION" "http://localhost:$PORT/api/v1/measures/$id" | awk '/Requests\/sec/{print $2}')
  # Cloned: 20,000 lines at the real catalog, fewer for bigger ones (the same order of seconds per run).
  if [[ -n $population ]]; then cp "$population" "$WORK/batch-$catalog.ndjson"
  else head -n $(( n > 26 ? 520000 / n : 20000 )) "$WORK/batch.ndjson" > "$WORK/batch-$catalog.ndjson"; fi
  t0=$(date +%s.%N)
  curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/batch-$catalog.ndjson" \
       "localhost:$PORT/api/v1/eligibility/batch?view=summary" > "$WORK/answer-$catalog.ndjson"
  ndjson=$(echo "$(grep -c '"summary"' "$WORK/answer-$catalog.ndjson") / ($(date +%s.%N) - $t0)" | bc)
  perline=$(python3 -c 'import json,sys
n=[len(json.loads(l)["summary"]["results"]) for l in open(sys.argv[1]) if "\"summary\"" in l]
print("%.1f / %d" % (sum(n) / max(1, len(n)), max(n, default=0)))' "$WORK/answer-$catalog.ndjson")
  before=$(curl -s "localhost:$PORT/api/v1/ruleset" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
  # Not head: under pipefail, sort killed by a pipe closed early would end the script.
  file=$(cd "$dir" && find . -name '*.drl' | sort | sed -n 1p)
  t0=$(date +%s.%N)
  echo "// bench edit" >> "$dir/$file"
  # Polled with curl and a bash match alone: a python3 start per poll added about half a second.
  until [[ "$(curl -s "localhost:$PORT/api/v1/ruleset")" != "{\"version\":\"$before\""* ]]; do sleep 0.02; done
  live=$(echo "$(date +%s.%N) - $t0" | bc)
  kill "$pid"; wait "$pid" 2>/dev/null || true

  row "$catalog" "${r[measures]}" "${r[build_ms]} ms" "${r[gate_ms]} ms" "${r[heap_mb]} MB" "${r[per_profile_us]} µs" "${r[facts_us]} µs" \
      "${r[drools_us]} µs" "${r[assembly_us]} µs" "${r[json_us]} µs" "${r[answer_kb]} KB" "$(printf %.1f "$ready") s" "$post" "$get" \
      "$(echo "scale=1; 100 * $post / $get" | bc)%" "$ndjson" "$perline (in process ${r[results]} / ${r[results_max]})" "$(printf %.1f "$live") s"
done
echo
echo "machine: $(nproc) cores, load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
