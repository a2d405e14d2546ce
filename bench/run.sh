#!/usr/bin/env bash
# Runs every benchmark in one go and writes bench/RESULTS.md (about 13 minutes on 2 cores):
# per-test cost (JMH), throughput with Postfix's smtp-source against smtpmock, GreenMail, Wiser
# and smtp-sink, pipelined throughput, 10,000 idle connections, 200 rules, delay timing.
# Needs Postfix's smtp-source and smtp-sink (.ci/setup/30-postfix.sh installs them) and
# `ulimit -Hn` >= 12000. Extra arguments go to dev.smtpmock.bench.Bench, e.g. --only jmh,delay.
# Every load is bounded in count and time; all traffic goes to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt 12000 ]; then
  echo "bench/run.sh: 10,000 idle connections need ulimit -Hn >= 12000; it is $hard" >&2
  exit 1
fi
ulimit -n "$hard"

if ! [ -x /usr/sbin/smtp-source ] || ! [ -x /usr/sbin/smtp-sink ]; then
  echo "bench/run.sh: Postfix's smtp-source/smtp-sink are missing: run .ci/setup/30-postfix.sh as root" >&2
  exit 1
fi

# bench depends on runner (for the reactor order), so this builds runner/target/smtpmock.jar too
mvn -q -B -DskipTests package -pl bench -am

java_bin=java
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
exec "$java_bin" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  dev.smtpmock.bench.Bench full \
  --runner-jar runner/target/smtpmock.jar \
  --work bench/target/bench-full \
  --results bench/RESULTS.md \
  "$@"
