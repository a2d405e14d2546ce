# Sourced by .ci/run (as root, CI=true) before `mvn -B verify`.
# bench/ drives Postfix's smtp-source (load generator) and smtp-sink (the reference server) in its
# throughput smoke. Only the two tools are wanted: the system Postfix instance is never configured
# ("No configuration") and never started.
if ! [ -x /usr/sbin/smtp-source ] || ! [ -x /usr/sbin/smtp-sink ]; then
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
if ! [ -x /usr/sbin/smtp-source ] || ! [ -x /usr/sbin/smtp-sink ]; then
  echo "30-postfix: /usr/sbin/smtp-source or /usr/sbin/smtp-sink is missing after installing postfix" >&2
  return 1 2>/dev/null || exit 1
fi
echo "30-postfix: $(/usr/sbin/postconf -d mail_version 2>/dev/null || echo 'postfix installed'); smtp-source and smtp-sink present"
