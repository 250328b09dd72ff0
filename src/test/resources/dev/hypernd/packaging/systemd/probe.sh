#!/bin/sh
# The job "probe" of SystemdInstallIT: prints, as key=value lines, what a job sees when it runs
# under the packaged hypernd.service, so that the test can check the unit's sandbox as its
# comments describe it.
writable() {
  if touch "$1" 2>/dev/null; then rm -f "$1"; echo yes; else echo no; fi
}
echo "user=$(id -un)"
echo "group=$(id -gn)"
echo "home=$HOME"
echo "cwd=$(pwd)"
echo "task=$HYPERN_TASK_ID"
echo "socket=$HYPERND_SOCKET"
echo "notify_socket=${NOTIFY_SOCKET:-unset}"
echo "watchdog_usec=${WATCHDOG_USEC:-unset}"
echo "no_new_privs=$(awk '/^NoNewPrivs:/ {print $2}' /proc/self/status)"
echo "cap_eff=$(awk '/^CapEff:/ {print $2}' /proc/self/status)"
echo "state_dir_writable=$(writable /var/lib/hypernd/.probe)"
echo "usr_writable=$(writable /usr/local/lib/hypernd-it/.probe)"
echo "etc_writable=$(writable /etc/hypernd/.probe)"
# The test leaves this file in the machine's /tmp before the service starts; PrivateTmp hides it.
if [ -e /tmp/hypernd-it-host-tmp ]; then echo "private_tmp=no"; else echo "private_tmp=yes"; fi
if hypernctl status >/dev/null 2>&1; then echo "hypernctl=ok"; else echo "hypernctl=failed"; fi
