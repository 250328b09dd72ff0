# SystemdInstallIT's steps after the README's own commands: what the packaged service does under
# a real systemd. Each step's output is asserted by the test method that names it.

step unit 'systemctl show hypernd -p Type -p NotifyAccess -p ActiveState -p SubState \
  -p StatusText -p User -p WatchdogUSec -p KillMode -p NRestarts -p Result'
step security 'systemd-analyze security hypernd --no-pager'
step main-process 'pid=$(unit_property MainPID); echo "user=$(stat -c %U /proc/$pid)";
  echo "exe=$(readlink -f /proc/$pid/exe)"'
step socket 'stat -c "%n %U:%G %a" /run/hypernd /run/hypernd/hypernd.sock /var/lib/hypernd \
  /var/lib/hypernd/state.db'

# A job's view of the sandbox (probe.sh prints it as key=value lines in its result).
step probe 'touch /tmp/hypernd-it-host-tmp
  id=$(hypernctl submit probe) && echo "$id" >/root/it/probe-id && hypernctl wait --json "$id"'

# hypernctl as a member of group hypernd, and as a user who is not.
step group-member 'useradd --create-home member && usermod -a -G hypernd member &&
  runuser -u member -- hypernctl status'
step outsider 'useradd --create-home outsider && runuser -u outsider -- hypernctl status'

# A valid change applied by `systemctl reload` (a job's interval, and Prometheus metrics turned on
# by the job file's key), then an invalid file, which changes nothing. The reload is synchronous:
# the change is there as soon as systemctl returns, and an invalid file fails it.
step reload-valid 'sed -i "s/interval: 1m/interval: 30s/" /etc/hypernd/jobs.yaml &&
  printf "%s\n" "metrics:" "  listen: 127.0.0.1:$KEY_PORT" >>/etc/hypernd/jobs.yaml &&
  start=$(date +%s%N) && systemctl reload hypernd && end=$(date +%s%N) &&
  echo "reload_ms=$(((end - start) / 1000000))" && hypernctl status && unit_property StatusText'
step metrics-key 'scrape $KEY_PORT'
step reload-invalid 'cp /etc/hypernd/jobs.yaml /root/it/jobs.good &&
  sed -i "s/interval: 30s/interval: sometimes/" /etc/hypernd/jobs.yaml &&
  systemctl reload hypernd; echo "reload_exit=$?"; echo "state=$(unit_property ActiveState)";
  echo "status_text=$(unit_property StatusText)"; hypernctl jobs;
  id=$(hypernctl submit probe) && hypernctl wait "$id" >/dev/null && echo "submit_after=ok"'
step reload-invalid-hypernctl 'hypernctl reload; echo "exit=$?"'
step reload-restored 'cp /root/it/jobs.good /etc/hypernd/jobs.yaml && hypernctl reload &&
  unit_property StatusText'

# A drop-in, as `systemctl edit hypernd` writes one: a short grace period, a watchdog that needs
# a ping every 2 s, and Prometheus metrics. The restart keeps the state.
step drop-in 'mkdir -p /etc/systemd/system/hypernd.service.d &&
  printf "%s\n" "[Service]" "ExecStart=" \
    "ExecStart=/usr/bin/hypernd run /etc/hypernd/jobs.yaml --grace 3s" \
    "WatchdogSec=4s" "Environment=HYPERND_METRICS_LISTEN=127.0.0.1:$METRICS_PORT" \
    >/etc/systemd/system/hypernd.service.d/override.conf &&
  systemctl daemon-reload && systemctl restart hypernd && unit_property WatchdogUSec &&
  unit_property MainPID >/root/it/main-pid'
step state-after-restart 'hypernctl result --json "$(cat /root/it/probe-id)"'
# The drop-in's HYPERND_METRICS_LISTEN wins over the job file's key.
step metrics 'scrape $METRICS_PORT'
step metrics-key-ignored 'if scrape $KEY_PORT >/dev/null 2>&1; then echo "key_port=served"; else
  echo "key_port=closed"; fi'
# Three watchdog periods: systemd would have killed and restarted a daemon that stopped pinging.
step watchdog 'sleep 12; echo "main_pid_before=$(cat /root/it/main-pid)";
  echo "main_pid_after=$(unit_property MainPID)"; echo "restarts=$(unit_property NRestarts)";
  echo "state=$(unit_property ActiveState)"'

# A hardened host's /tmp (CIS: noexec), as a drop-in: the daemon loads its native libraries from
# /usr/lib/hypernd and extracts nothing to /tmp, so it starts. The drop-in stays for the rest.
step noexec-tmp 'printf "%s\n" "[Service]" "NoExecPaths=/tmp /var/tmp" \
    >/etc/systemd/system/hypernd.service.d/noexec.conf &&
  systemctl daemon-reload && systemctl restart hypernd; echo "restart=$?";
  echo "state=$(unit_property ActiveState)"; echo "noexec=$(unit_property NoExecPaths)";
  pid=$(unit_property MainPID);
  echo "natives=$(grep -oE "/[^ ]*(sqlitejdbc|junixsocket)[^ ]*" /proc/$pid/maps | sort -u | tr "\n" " ")";
  echo "tmp_executable=$(awk "\$2 ~ /x/ && \$6 ~ /^\/(var\/)?tmp\//" /proc/$pid/maps | wc -l)";
  echo "tmp_libraries=$(find /tmp/systemd-private-*-hypernd.service-*/ -name "*.so" | wc -l)";
  id=$(hypernctl submit probe) && hypernctl wait "$id" >/dev/null && echo "probe=ok"'

# An upgrade (the same program, Debian revision 2): postinst restarts the enabled service, the
# edited job file stays without a question (the shipped one did not change), the state stays,
# and hypernctl's class-data archive is rebuilt.
step upgrade 'echo "main_pid_before=$(unit_property MainPID)" &&
  apt-get install -y -q ./upgrade/hypernd_*.deb >/dev/null &&
  echo "version=$(dpkg-query -W -f "\${Version}" hypernd)" &&
  echo "main_pid_after=$(unit_property MainPID)" && echo "state=$(unit_property ActiveState)" &&
  if grep -q "name: probe" /etc/hypernd/jobs.yaml; then echo jobs_file_kept=yes; fi &&
  if [ -s /var/cache/hypernd/hypernctl.jsa ]; then echo archive=yes; fi'
step state-after-upgrade 'hypernctl result --json "$(cat /root/it/probe-id)"'

# `systemctl stop` while a job runs: the daemon's grace period, then its kill of the job's session,
# then systemd's kill of the process that left the session (KillMode=mixed).
step stop 'id=$(hypernctl submit sleeper) && echo "$id" >/root/it/sleeper-id &&
  wait_for 20 "hypernctl result $id | grep -q RUNNING" && wait_for 10 "test \$(sleeps) -eq 2";
  echo "sleeps_before=$(sleeps)" &&
  start=$(date +%s%N) && systemctl stop hypernd && end=$(date +%s%N) &&
  echo "stop_ms=$(((end - start) / 1000000))" &&
  echo "sleeps_after=$(sleeps)";
  echo "state=$(unit_property ActiveState)"; echo "result=$(unit_property Result)"'
step after-stop 'systemctl start hypernd && hypernctl result --json "$(cat /root/it/sleeper-id)"'
# The journal's entries with the fields hypernd gives them, one JSON object each.
FIELDS=EVENT,JOB,TASK_ID,ATTEMPT,PRIORITY,MESSAGE,KILLED,SYSLOG_IDENTIFIER
step journal "journalctl -u hypernd -o json --output-fields=$FIELDS --no-pager"
step journal-text 'journalctl -u hypernd -o cat --no-pager'
step journal-warnings "journalctl -u hypernd -p warning -o json --output-fields=$FIELDS --no-pager"
# One job's events, by its field; then only its warnings and errors.
step journal-job "journalctl -u hypernd JOB=sleeper -o json --output-fields=$FIELDS --no-pager"
step journal-job-warnings \
  "journalctl -u hypernd JOB=sleeper -p warning -o json --output-fields=$FIELDS --no-pager"

# A job file that is invalid when the service starts fails the unit at once, without a restart
# loop (RestartPreventExitStatus=2); with the file fixed, it starts again.
step invalid-at-start 'cp /etc/hypernd/jobs.yaml /root/it/jobs.good2 &&
  echo "interval: [" >>/etc/hypernd/jobs.yaml && systemctl restart hypernd; echo "restart=$?";
  echo "state=$(unit_property ActiveState)"; echo "sub=$(unit_property SubState)";
  echo "status=$(unit_property ExecMainStatus)";
  echo "errors_in_journal=$(journalctl -u hypernd -p err -o cat --no-pager | grep -c "is invalid")";
  cp /root/it/jobs.good2 /etc/hypernd/jobs.yaml && systemctl reset-failed hypernd &&
  systemctl start hypernd && echo "fixed=$(unit_property ActiveState)"'

# A JVM that cannot start (a bad option in a drop-in): what it prints is a warning in the journal
# (SyslogLevel=warning), and after five failed starts systemd gives up (StartLimitBurst=).
step jvm-option-error 'printf "%s\n" "[Service]" "Environment=HYPERND_JAVA_OPTS=-XX:+NoSuchOption" \
    >/etc/systemd/system/hypernd.service.d/jvm.conf && systemctl daemon-reload &&
  since=$(date "+%Y-%m-%d %H:%M:%S") && sleep 1; systemctl restart hypernd; echo "restart=$?";
  wait_for 120 "test \"\$(unit_property ActiveState)\" = failed";
  echo "state=$(unit_property ActiveState)";
  echo "limit=$(journalctl -u hypernd --since "$since" -o cat | grep -c "Start request repeated too quickly")";
  echo "starts=$(journalctl -u hypernd --since "$since" -o cat | grep -c "Could not create the Java Virtual Machine")";
  echo "option_warnings=$(journalctl -u hypernd -p warning --since "$since" -o cat | grep -c "Unrecognized VM option")";
  echo "vm_warnings=$(journalctl -u hypernd -p warning --since "$since" -o cat | grep -c "Could not create the Java Virtual Machine")";
  rm /etc/systemd/system/hypernd.service.d/jvm.conf && systemctl daemon-reload &&
  systemctl reset-failed hypernd && systemctl start hypernd && echo "fixed=$(unit_property ActiveState)"'

# The README: `apt remove` keeps the job file and the state, `apt purge` deletes both.
step remove 'apt-get remove -y -q hypernd >/dev/null && ls -d /etc/hypernd/jobs.yaml \
  /var/lib/hypernd/state.db; echo "bin=$(command -v hypernd || echo none)";
  echo "active=$(systemctl is-active hypernd)"'
step purge 'apt-get purge -y -q hypernd >/dev/null;
  for p in /etc/hypernd /var/lib/hypernd; do if [ -e $p ]; then echo "$p=kept"; else echo "$p=gone"; fi; done;
  echo "user=$(getent passwd hypernd | cut -d: -f1)"'
