#!/usr/bin/env bash
# Regenerates smtpmock's built-in test TLS material (SPEC 2.11) into
# core/src/main/resources/dev/smtpmock/tls/. Run once; the outputs are committed.
#
#   ca.p12          test CA key + certificate (alias ca)
#   ca.pem          test CA certificate, what clients are told to trust
#   valid.p12       leaf for localhost, 127.0.0.1, ::1, smtpmock.test, mx.example.test
#   expired.p12     same names, valid 2000-2001 only
#   wrong-host.p12  leaf for wrong-host.invalid only
#   untrusted.p12   self-signed leaf, not issued by the CA
#
# Every leaf store has a single key entry, alias "server", carrying the chain
# leaf -> CA (untrusted: the self-signed leaf alone).
#
# The store password of every file is "smtpmock" and the CA private key ships
# inside the jar. This is deliberate and public: nothing here is secret, so
# NEVER trust this CA outside tests.
#
# Only the JDK 17 keytool is used, so anyone can rerun this without openssl.
set -euo pipefail

KEYTOOL="${KEYTOOL:-/usr/lib/jvm/java-17-openjdk-amd64/bin/keytool}"
[[ -x "$KEYTOOL" ]] || KEYTOOL="$(command -v keytool)"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(cd "$SCRIPT_DIR/.." && pwd)/main/resources/dev/smtpmock/tls"
PASS=smtpmock
# RSA 2048 keeps handshakes fast in tests; strength is irrelevant for a public key.
KEY=(-keyalg RSA -keysize 2048 -sigalg SHA256withRSA)
STORE=(-storetype PKCS12 -storepass "$PASS" -keypass "$PASS")

# 2025-01-01 + 36524 days = 2125-01-01: starts well before any build, outlives the project.
START="2025/01/01 00:00:00"
CENTURY=36524
NAMES="dns:localhost,ip:127.0.0.1,ip:::1,dns:smtpmock.test,dns:mx.example.test"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# --- CA ----------------------------------------------------------------------
"$KEYTOOL" -genkeypair -keystore "$WORK/ca.p12" "${STORE[@]}" -alias ca "${KEY[@]}" \
  -dname "CN=smtpmock test CA - never trust outside tests" \
  -ext bc:c=ca:true -ext ku:c=keyCertSign,cRLSign \
  -startdate "$START" -validity "$CENTURY"
"$KEYTOOL" -exportcert -keystore "$WORK/ca.p12" -storepass "$PASS" -alias ca -rfc \
  -file "$WORK/ca.pem"

# --- leaves signed by the CA ---------------------------------------------------
# issue <name> <CN> <SAN> <startdate> <validity-days>
issue() {
  local name=$1 cn=$2 san=$3 start=$4 days=$5
  local store="$WORK/$name.p12"
  "$KEYTOOL" -genkeypair -keystore "$store" "${STORE[@]}" -alias server "${KEY[@]}" \
    -dname "CN=$cn"
  "$KEYTOOL" -certreq -keystore "$store" -storepass "$PASS" -alias server \
    | "$KEYTOOL" -gencert -keystore "$WORK/ca.p12" -storepass "$PASS" -alias ca \
        -sigalg SHA256withRSA -rfc \
        -startdate "$start" -validity "$days" \
        -ext "san=$san" -ext eku=serverAuth -ext ku:c=digitalSignature,keyEncipherment \
        -outfile "$WORK/$name.crt"
  # The CA must be in the store for keytool to accept the reply and build the chain.
  "$KEYTOOL" -importcert -keystore "$store" -storepass "$PASS" -alias ca -noprompt \
    -file "$WORK/ca.pem"
  "$KEYTOOL" -importcert -keystore "$store" -storepass "$PASS" -alias server \
    -file "$WORK/$name.crt"
  # The chain now lives in the key entry; a stray trusted entry would only confuse readers.
  "$KEYTOOL" -delete -keystore "$store" -storepass "$PASS" -alias ca
}

issue valid localhost "$NAMES" "$START" "$CENTURY"
issue expired localhost "$NAMES" "2000/01/01 00:00:00" 366
issue wrong-host wrong-host.invalid "dns:wrong-host.invalid" "$START" "$CENTURY"

# --- self-signed leaf ----------------------------------------------------------
"$KEYTOOL" -genkeypair -keystore "$WORK/untrusted.p12" "${STORE[@]}" -alias server "${KEY[@]}" \
  -dname "CN=localhost" \
  -ext "san=$NAMES" -ext eku=serverAuth -ext ku:c=digitalSignature,keyEncipherment \
  -startdate "$START" -validity "$CENTURY"

# --- publish -------------------------------------------------------------------
mkdir -p "$OUT"
rm -f "$OUT"/ca.p12 "$OUT"/ca.pem "$OUT"/valid.p12 "$OUT"/expired.p12 \
  "$OUT"/wrong-host.p12 "$OUT"/untrusted.p12
cp "$WORK"/ca.p12 "$WORK"/ca.pem "$WORK"/valid.p12 "$WORK"/expired.p12 \
  "$WORK"/wrong-host.p12 "$WORK"/untrusted.p12 "$OUT"/
echo "Wrote test TLS material to $OUT"
