#!/usr/bin/env bash
# Compares the work tree with an earlier commit, side by side in one run: throughput of the runner
# jar under Postfix's smtp-source (a connection per message, and reused connections) and the
# per-test cost (JMH PerTestCost.smtpmock), each measured alternately for the two builds, several
# rounds, so that a machine's drift falls on both alike. Prints a Markdown table for
# bench/RESULTS.md. About 6 minutes on 2 cores; run it where nothing else builds.
#   bash bench/compare.sh BASE_REV [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."

base_rev=${1:?usage: bench/compare.sh BASE_REV [ROUNDS]}
rounds=${2:-3}
work=bench/target/compare
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
rm -rf "$work"
mkdir -p "$work"

if ! [ -x /usr/sbin/smtp-source ]; then
  echo "bench/compare.sh: Postfix's smtp-source is missing: run .ci/setup/30-postfix.sh as root" >&2
  exit 1
fi

# the base is built in a worktree of its own; the head is this work tree as it is
git worktree add -q --detach "$work/base" "$base_rev"
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true' EXIT
for tree in "$work/base" .; do
  (cd "$tree" && mvn -q -B -DskipTests package -pl bench -am) >&2
done
head_rev="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/RESULTS.md' || echo '+changes')"
base_short=$(git rev-parse --short "$base_rev")

tree_of() { if [ "$1" = base ]; then echo "$work/base"; else echo .; fi; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# messages per second of one smtp-source run against a fresh runner, after a warm-up run of the
# same load (a fresh JVM is still compiling through its first tens of thousands of messages)
throughput() {
  local build=$1 load=$2 messages=$3 port log pid start end
  port=$(free_port)
  log="$work/$build-runner-$RANDOM.log"
  "$java_bin" -jar "$(tree_of "$build")/runner/target/smtpmock.jar" run --smtp-port "$port" \
    --admin-port -1 --quiet --seed 1 >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do grep -q "smtpmock ready" "$log" && break; sleep 0.1; done
  # shellcheck disable=SC2086
  /usr/sbin/smtp-source $load -l 1024 -m "$messages" -f s@bench.test -t r@bench.test \
    -M client.bench.test "127.0.0.1:$port" >/dev/null
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  /usr/sbin/smtp-source $load -l 1024 -m "$messages" -f s@bench.test -t r@bench.test \
    -M client.bench.test "127.0.0.1:$port" >/dev/null
  end=$(date +%s.%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  python3 -c "print(round($messages / ($end - $start)))"
}

# the median per-test cost in ms (start a server, one message through Angus Mail, stop)
per_test_cost() {
  local tree json
  tree=$(tree_of "$1")
  json="$work/$1-jmh-$RANDOM.json"
  (cd "$tree" && "$java_bin" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
    org.openjdk.jmh.Main 'dev\.smtpmock\.bench\.jmh\.PerTestCost\.smtpmock$' -f 1 -wi 3 -w 2s -i 5 \
    -r 2s -foe true -rf json -rff "$OLDPWD/$json" \
    -jvmArgsAppend '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbench.timeWaitDrainSeconds=65' \
    >/dev/null)
  python3 -c "import json; print(round(json.load(open('$json'))[0]['primaryMetric']['scorePercentiles']['50.0'], 2))"
}

declare -A results
loads=("-s 20|24000" "-d -s 20|60000")
for round in $(seq 1 "$rounds"); do
  for build in base head; do
    for entry in "${loads[@]}"; do
      load=${entry%|*}
      results["$build|$load"]+="$(throughput "$build" "$load" "${entry#*|}") "
    done
    results["$build|cost"]+="$(per_test_cost "$build") "
  done
  echo "compare: round $round of $rounds done" >&2
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
row() {
  local what=$1 key=$2 unit=$3 b h
  b=$(echo "${results[base|$key]}" | median)
  h=$(echo "${results[head|$key]}" | median)
  printf '| %s | %s %s (%s) | %s %s (%s) | %s× |\n' "$what" "$b" "$unit" "${results[base|$key]% }" \
    "$h" "$unit" "${results[head|$key]% }" "$(python3 -c "print(round($h / $b, 2))")"
}
echo "Made by \`bash bench/compare.sh $base_rev $rounds\` on $(date -u '+%Y-%m-%d %H:%M UTC');"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Medians of $rounds alternating rounds, each round's figures in brackets."
echo
echo "| | before ($base_short) | after ($head_rev) | after ÷ before |"
echo "| --- | --- | --- | --- |"
for entry in "${loads[@]}"; do
  row "throughput, smtp-source ${entry%|*} -m ${entry#*|}" "${entry%|*}" "msgs/s"
done
row "per-test cost (JMH PerTestCost.smtpmock, median)" cost ms
