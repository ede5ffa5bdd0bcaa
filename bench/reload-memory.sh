#!/usr/bin/env bash
# Reload the rule set N times (default 200) in the packaged service and report heap and metaspace
# before and after, read from the service's own metrics. Each reload changes one file, so every
# reload really builds, gates and swaps a new rule set.
#   ./mvnw -B package -DskipTests && bench/reload-memory.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
PORT=${PORT:-18080}
# Health and metrics are on the management port (docs/deploy.md).
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19000}
KEY="bench-admin-key"
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
WORK=$(mktemp -d)
cp -r rules "$WORK/rules"
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

java -Xmx512m -Dquarkus.http.port=$PORT -Dquarkus.management.port=$MANAGEMENT_PORT -Dpolicy.rules.dir="$WORK/rules" -Dpolicy.rules.watch=false \
     -Dpolicy.api-keys="bench:$HASH:admin" -jar "${APP:-target/quarkus-app}/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
PID=$!
until curl -sf "localhost:$MANAGEMENT_PORT/q/health/ready" > /dev/null; do sleep 0.5; done

# MB used in the memory pools whose labels match $1, e.g. 'area="heap"' or 'id="Metaspace"'
memory() {
  curl -sf "localhost:$MANAGEMENT_PORT/q/metrics" | awk -v match_="$1" '
    $1 ~ /^jvm_memory_used_bytes/ && index($0, match_) { sum += $NF } END { printf "%.1f", sum / 1048576 }'
}
reload() {
  echo "// reload $1" >> "$WORK/rules/guangxi/wuzhou/xsg.drl"
  curl -sf -X POST -H "Authorization: Bearer $KEY" "localhost:$PORT/api/v1/admin/ruleset/reload" | grep -q '"ACTIVATED"'
}
gc() { jcmd $PID GC.run > /dev/null; sleep 1; }

for i in $(seq 1 5); do reload "warm-up $i"; done
gc
HEAP0=$(memory 'area="heap"'); META0=$(memory 'id="Metaspace"')
START=$(date +%s)
for i in $(seq 1 "$N"); do reload "$i"; done
SECONDS_TAKEN=$(( $(date +%s) - START ))
gc
HEAP1=$(memory 'area="heap"'); META1=$(memory 'id="Metaspace"')
echo "reloads=$N seconds=$SECONDS_TAKEN heap_mb_before=$HEAP0 heap_mb_after=$HEAP1 metaspace_mb_before=$META0 metaspace_mb_after=$META1"
jcmd $PID VM.metaspace 2>/dev/null | grep -m2 -E 'Both|Total Usage' || true
