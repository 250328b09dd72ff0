# Helpers of SystemdInstallIT's steps, run by bash as root inside the booted Debian machine.
# Every step appends its command's output to the transcript between two markers:
#   === step NAME
#   ... what the command printed on stdout and stderr ...
#   === status NAME EXIT-STATUS
# and the test reads the transcript after the machine has powered off. A failing step does not
# stop the later ones, so one run shows every failure.
T=/root/it/transcript
: >"$T"

step() {
  local name=$1 status=0
  printf '=== step %s\n' "$name" >>"$T"
  (cd /srv/hypernd && eval "$2") >>"$T" 2>&1 </dev/null || status=$?
  if [ -n "$(tail -c 1 "$T")" ]; then echo >>"$T"; fi
  printf '=== status %s %d\n' "$name" "$status" >>"$T"
}

# wait_for SECONDS COMMAND: runs COMMAND every 0.2 s until it succeeds; fails after SECONDS,
# saying what it waited for.
wait_for() {
  local deadline=$(($(date +%s) + $1))
  until eval "$2" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "still false after $1 s: $2"
      return 1
    fi
    sleep 0.2
  done
}

# unit_property NAME: one property of hypernd.service as systemd sees it.
unit_property() {
  systemctl show -p "$1" --value hypernd
}

# sleeps: how many sleep processes run in the machine (the sleeper job's).
sleeps() {
  pgrep -c -x sleep || true
}

# scrape PORT: the HTTP answer of http://127.0.0.1:PORT/metrics, headers and all (no curl in a
# minimal Debian).
scrape() {
  { printf 'GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && cat <&3; } \
    3<>"/dev/tcp/127.0.0.1/$1"
}

# as_admin COMMAND: runs COMMAND as the README's reader, user admin, in the clone.
as_admin() {
  runuser -u admin -- bash -c "cd /srv/hypernd && $1"
}
