#!/usr/bin/env bash
# End-to-end test of the runner as a user meets it: start `smtpmock run` with a scenario that
# answers the third RCPT of a transaction with 452 and the end of every message with 554, drive it
# with three real clients (swaks, curl, Python's smtplib), check the replies each one got, read
# the results back through the admin API with curl, and stop it with SIGTERM (exit 143).
#
# Usage: SMTPMOCK="java -jar runner/target/smtpmock.jar" runner/src/test/shell/e2e.sh
# (SMTPMOCK is the command that runs smtpmock; the JUnit test E2eShellTest sets it.)
set -euo pipefail

smtpmock=${SMTPMOCK:-"java -jar $(dirname "$0")/../../../target/smtpmock.jar"}
work=$(mktemp -d)
pid=

cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  echo "--- runner stdout" >&2; cat "$work/out" >&2 || true
  echo "--- runner stderr" >&2; cat "$work/err" >&2 || true
  exit 1
}
pass() { echo "ok: $*"; }

# expect DESCRIPTION FILE PATTERN: the file has a line matching the extended regex
expect() {
  grep -Eq -- "$3" "$2" || { echo "--- $2" >&2; cat "$2" >&2; fail "$1: no line matching /$3/"; }
  pass "$1"
}

cat > "$work/e2e.yaml" <<'YAML'
scenario: e2e
description: 452 on the third RCPT of a transaction, 554 after the data.
rules:
  - name: third-rcpt
    when: rcpt
    nth: 3
    per: transaction
    reply: 452 4.5.3 Too many recipients
  - name: reject-after-data
    when: message
    reply: 554 5.7.1 Message rejected
YAML

# shellcheck disable=SC2086 # $smtpmock is a command line
$smtpmock run "$work/e2e.yaml" --smtp-port 0 --admin-port 0 --log-format json >"$work/out" 2>"$work/err" &
pid=$!

# with --log-format json the ready line is JSON too: the first line of stdout
for _ in $(seq 1 300); do
  grep -q '^{"event":"ready",' "$work/out" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "the runner exited before it was ready"
  sleep 0.1
done
ready=$(head -1 "$work/out")
[[ $ready =~ ^\{\"event\":\"ready\",\"smtp\":\"127\.0\.0\.1:([0-9]+)\",\"admin\":\"(http://127\.0\.0\.1:[0-9]+)\",\"scenario\":\"e2e\",\"seed\":\"-?[0-9]+\"\}$ ]] ||
  fail "no JSON ready line first within 30 s, or one of the wrong form: $ready"
port=${BASH_REMATCH[1]}
admin=${BASH_REMATCH[2]}
pass "ready line: $ready"

# --- swaks: the transcript it prints shows each reply; <** marks an error reply
set +e
swaks --server "127.0.0.1:$port" --helo swaks.test --from alice@a.test \
  --to bob@b.test,carol@c.test,dave@d.test --header "Subject: from swaks" \
  --body "hello from swaks" --timeout 10 >"$work/swaks" 2>&1
swaks_exit=$?
set -e
expect "swaks: first RCPT accepted" "$work/swaks" '^ *<-  250 2\.1\.5 Ok'
expect "swaks: third RCPT gets 452" "$work/swaks" '^ *<\*\* +452 4\.5\.3 Too many recipients'
expect "swaks: the data gets 554" "$work/swaks" '^ *<\*\* +554 5\.7\.1 Message rejected'
[ "$swaks_exit" -ne 0 ] || fail "swaks exited 0 although the message was rejected"
pass "swaks exit code $swaks_exit"

# --- curl: --mail-rcpt-allowfails goes on to DATA when some recipients are refused
printf 'Subject: from curl\r\n\r\nhello from curl\r\n' >"$work/mail.txt"
set +e
curl -v --max-time 10 --url "smtp://127.0.0.1:$port" --mail-from alice@a.test \
  --mail-rcpt bob@b.test --mail-rcpt carol@c.test --mail-rcpt dave@d.test \
  --mail-rcpt-allowfails --upload-file "$work/mail.txt" >"$work/curl" 2>&1
curl_exit=$?
set -e
expect "curl: third RCPT gets 452" "$work/curl" '^< 452 4\.5\.3 Too many recipients'
expect "curl: the data gets 554" "$work/curl" '^< 554 5\.7\.1 Message rejected'
[ "$curl_exit" -ne 0 ] || fail "curl exited 0 although the message was rejected"
pass "curl exit code $curl_exit"

# --- Python's smtplib: the reply codes and texts as a library sees them
python3 - "$port" <<'PY' >"$work/python" 2>&1 || { cat "$work/python" >&2; fail "smtplib"; }
import smtplib, sys
port = int(sys.argv[1])
with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
    s.ehlo("python.test")
    assert s.mail("alice@a.test") == (250, b"2.1.0 Ok"), "MAIL"
    replies = [s.rcpt(r) for r in ("bob@b.test", "carol@c.test", "dave@d.test")]
    assert replies[0] == (250, b"2.1.5 Ok"), replies
    assert replies[1] == (250, b"2.1.5 Ok"), replies
    assert replies[2] == (452, b"4.5.3 Too many recipients"), replies
    data = s.data(b"Subject: from python\r\n\r\nhello from python\r\n")
    assert data == (554, b"5.7.1 Message rejected"), data
    # sendmail() raises on the same refusal, as an application would see it
    try:
        s.sendmail("alice@a.test", ["bob@b.test"], b"Subject: from python sendmail\r\n\r\nx\r\n")
        raise AssertionError("sendmail did not raise")
    except smtplib.SMTPDataError as e:
        assert (e.smtp_code, e.smtp_error) == (554, b"5.7.1 Message rejected"), e
print("python: all replies as expected")
PY
pass "python smtplib: 250, 250, 452 on RCPT; 554 after the data"

# --- the admin API, with curl: four rejected messages, none accepted, rules counted
curl -fsS -D "$work/headers" "$admin/api/messages?status=rejected&wait=5s&count=4" >"$work/rejected" ||
  fail "GET /api/messages"
expect "X-Total-Count: 4" "$work/headers" '^[Xx]-[Tt]otal-[Cc]ount: 4'
python3 - "$work/rejected" <<'PY' || fail "rejected messages"
import json, sys
messages = json.load(open(sys.argv[1]))
subjects = [m["subject"] for m in messages]
assert subjects == ["from swaks", "from curl", "from python", "from python sendmail"], subjects
assert all(m["status"] == "rejected" for m in messages)
assert all(m["reply"] == "554 5.7.1 Message rejected" for m in messages)
assert [len(m["recipients"]) for m in messages] == [2, 2, 2, 1], messages
PY
pass "admin API lists the four rejected messages"
[ "$(curl -fsS "$admin/api/messages")" = "[]" ] || fail "accepted messages should be none"
pass "no accepted message"
curl -fsS "$admin/api/stats" >"$work/stats"
expect "stats count the firings" "$work/stats" \
  '"rules":\[\{"name":"third-rcpt","fired":3\},\{"name":"reject-after-data","fired":4\}\]'
[ "$(curl -fsS "$admin/health")" = '{"status":"UP"}' ] || fail "/health"
pass "health is UP"
expect "live JSON log names the rule" "$work/out" '"text":"452 4\.5\.3 Too many recipients","rule":\{"name":"third-rcpt"'

# --- SIGTERM: exit 143 once both ports are closed
kill -TERM "$pid"
set +e
wait "$pid"
code=$?
set -e
pid=
[ "$code" -eq 143 ] || fail "exit code after SIGTERM: $code, expected 143"
pass "SIGTERM: exit 143"
if curl -s --max-time 2 "$admin/health" >/dev/null; then fail "admin port still open"; fi
pass "admin port closed"
echo "e2e: all passed"
