#!/usr/bin/env bash
# Writes the class list of hypernctl: the classes that its verbs load, one name a line, from
# which the package's postinst builds a class-data sharing archive with the installed Java
# (java -Xshare:dump; see packaging/deb/README.md). Called by debian/rules:
#
#   packaging/deb/hypernctl-classlist.sh JAR JOBFILE OUT
#
# It starts a throw-away daemon (in-memory store, socket in a temporary directory) on JOBFILE,
# runs hypernctl's verbs against it with -XX:DumpLoadedClassList, and merges what they loaded.
# JOBFILE needs an interval or cron job called heartbeat.
set -euo pipefail

jar="${1:?usage: hypernctl-classlist.sh JAR JOBFILE OUT}"
jobs="${2:?usage: hypernctl-classlist.sh JAR JOBFILE OUT}"
out="${3:?usage: hypernctl-classlist.sh JAR JOBFILE OUT}"
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"
java="${java:-java}"

dir="$(mktemp -d)"
daemon=""
cleanup() {
  if [ -n "$daemon" ]; then
    kill -TERM "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

socket="$dir/hypernd.sock"
"$java" -jar "$jar" run --store memory --socket "$socket" "$jobs" >"$dir/daemon.log" 2>&1 &
daemon=$!
for _ in $(seq 1 300); do
  [ -S "$socket" ] && break
  kill -0 "$daemon" 2>/dev/null || { cat "$dir/daemon.log" >&2; exit 1; }
  sleep 0.1
done
[ -S "$socket" ] || { echo "hypernctl-classlist.sh: the daemon did not start" >&2; exit 1; }

n=0
# Runs one hypernctl command line as the launcher does, recording the classes it loads; a verb
# that the daemon refuses (exit 1) or cannot reach (exit 3) is part of the training too.
ctl() {
  n=$((n + 1))
  "$java" -Xshare:off -XX:DumpLoadedClassList="$dir/list.$n" -XX:TieredStopAtLevel=1 \
    -XX:+UseSerialGC -cp "$jar" dev.hypernd.cli.HypernctlMain "$@" || [ $? -le 3 ]
}

ctl --help >/dev/null
ctl status --help >/dev/null
ctl --socket "$dir/absent.sock" status 2>/dev/null
ctl --socket "$socket" status >/dev/null
ctl --socket "$socket" --json status >/dev/null
ctl --socket "$socket" jobs >/dev/null
ctl --socket "$socket" next heartbeat >/dev/null
id="$(ctl --socket "$socket" submit heartbeat)"
ctl --socket "$socket" wait --timeout 30s "$id" >/dev/null
ctl --socket "$socket" result "$id" >/dev/null
ctl --socket "$socket" result sched-999999999 2>/dev/null
ctl --socket "$socket" tasks --state COMPLETED >/dev/null
ctl --socket "$socket" metrics --job heartbeat >/dev/null
ctl --socket "$socket" pause heartbeat >/dev/null
ctl --socket "$socket" resume heartbeat >/dev/null
ctl --socket "$socket" reload >/dev/null
ctl --socket "$socket" __complete jobs >/dev/null
ctl --socket "$socket" __complete active-tasks >/dev/null

# Class names only: the JDK's @-lines and generated classes (proxies, lambda forms) are
# particular to one JDK build, and the archive is built by whichever Java 17+ is installed.
cat "$dir"/list.* | grep -v -e '^#' -e '^@' -e '[$]Proxy' -e 'LambdaForm[$]' -e 'Lambda[$]' |
  awk 'NF && !seen[$0]++' >"$out"
