# Sourced by .ci/run (as root, CI=true) before `mvn -B verify`.
# bench/ drives Postfix's smtp-source (load generator) and smtp-sink (the reference server) in its
# throughput smoke; core's *IT start private Postfix instances (core/src/test/.../PrivatePostfix)
# with `postfix -c DIR` and `postqueue -c DIR`, from Debian's master.cf. The system instance is
# never configured ("No configuration") and never started.
_smtpmock_postfix_tools="/usr/sbin/smtp-source /usr/sbin/smtp-sink /usr/sbin/postfix /usr/sbin/postqueue /usr/share/postfix/master.cf.dist"
_smtpmock_postfix_missing() {
  local tool
  for tool in $_smtpmock_postfix_tools; do
    [ -e "$tool" ] || { echo "$tool"; return 0; }
  done
  return 1
}
if _smtpmock_postfix_missing >/dev/null; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  # policy-rc.d exit 101 keeps invoke-rc.d from starting the service during the install
  _smtpmock_policy_rc_added=0
  if ! [ -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    _smtpmock_policy_rc_added=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postfix ||
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postfix; }
  if [ "$_smtpmock_policy_rc_added" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  unset _smtpmock_policy_rc_added
fi
if _smtpmock_missing_tool=$(_smtpmock_postfix_missing); then
  echo "30-postfix: $_smtpmock_missing_tool is missing after installing postfix" >&2
  return 1 2>/dev/null || exit 1
fi
unset -f _smtpmock_postfix_missing
unset _smtpmock_postfix_tools _smtpmock_missing_tool
echo "30-postfix: $(/usr/sbin/postconf -d mail_version 2>/dev/null || echo 'postfix installed'); smtp-source, smtp-sink, postfix and postqueue present"
