#!/usr/bin/env python3
"""Daemon footprint, SIGHUP reload time and hypernctl wall time, against the CLI contract.

Uses only `bin/hypernd run FILE --log-format json --socket S` (JSON log lines on stdout with an
`event` field: daemon.started, config.loaded, task.started, task.skipped) and
`bin/hypernctl --socket S status`. Each part is skipped, with the reason written to the output,
when the command it needs is not there yet.

usage: daemon_bench.py --root ROOT --out FILE [--quick] --hello-cp CP
       daemon_bench.py --root ROOT --profile footprint|reload --out FILE
         footprint: `jcmd PID VM.native_memory summary` of the daemon idle with 1,000 jobs
         reload: a JFR recording (FILE) of the reloads at 10,000 jobs, started and stopped with jcmd
"""
import argparse
import json
import os
import queue
import signal
import statistics
import subprocess
import tempfile
import threading
import time

IDLE_COUNTS = [10, 1000, 10000]
RELOAD_JOBS = 10000
CANARIES = 5


def probe(cmd, cwd, expect):
    """Whether `cmd` exits 0 and its help text contains `expect`."""
    try:
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, f"{' '.join(cmd)}: {e}"
    if r.returncode != 0:
        tail = (r.stderr or r.stdout).strip().splitlines()[-1:] or [""]
        return False, f"`{' '.join(cmd)}` exits {r.returncode}: {tail[0][:200]}"
    if expect not in r.stdout + r.stderr:
        return False, f"`{' '.join(cmd)}` does not print {expect!r}"
    return True, ""


def job_file(path, idle_jobs, canaries, changed=False):
    lines = ["jobs:"]
    for i in range(idle_jobs):
        # One job edited between the two reload variants; the rest never change.
        every = "3599s" if (changed and i == 0) else "3600s"
        lines += [f"  - name: idle-{i:05d}", f"    interval: {every}", "    command: \"true\""]
    for i in range(canaries):
        lines += [f"  - name: canary-{i}", "    interval: 1s", "    command: \"true\""]
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


class Daemon:
    """bin/hypernd run in the foreground; stdout lines are timestamped as they arrive."""

    def __init__(self, root, jobs_path, workdir, extra_java_opts=""):
        env = dict(os.environ)
        if extra_java_opts:
            env["HYPERND_JAVA_OPTS"] = (env.get("HYPERND_JAVA_OPTS", "") + " "
                                        + extra_java_opts).strip()
        env["XDG_RUNTIME_DIR"] = workdir
        self.socket = os.path.join(workdir, "hypernd.sock")
        # Explicit, because as root the default state file is /var/lib/hypernd/state.db.
        self.state = os.path.join(workdir, "state.db")
        self.lines = queue.Queue()
        self.proc = subprocess.Popen(
            [os.path.join(root, "bin/hypernd"), "run", jobs_path,
             "--log-format", "json", "--socket", self.socket, "--state", self.state],
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            t = time.monotonic_ns()
            try:
                ev = json.loads(line)
            except ValueError:
                continue
            self.lines.put((t, ev))

    def wait_for(self, event, timeout):
        """The first (time, event) with this event name, skipping others (kept in `seen`)."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None and self.lines.empty():
                return None, seen
            try:
                t, ev = self.lines.get(timeout=min(left, 0.5))
            except queue.Empty:
                continue
            seen.append((t, ev))
            if ev.get("event") == event:
                return t, seen

    def drain(self):
        out = []
        while True:
            try:
                out.append(self.lines.get_nowait())
            except queue.Empty:
                return out

    def status(self):
        fields = {}
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                fields[k] = v.strip()
        return int(fields["VmRSS"].split()[0]), int(fields["Threads"])

    def cmdline(self):
        with open(f"/proc/{self.proc.pid}/cmdline", "rb") as f:
            return " ".join(a.decode() for a in f.read().split(b"\0") if a)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def footprint(root, quick):
    idle_s = 5 if quick else 20
    samples = 3 if quick else 5
    out = []
    for n in IDLE_COUNTS:
        with tempfile.TemporaryDirectory(prefix="hypernd-bench-") as work:
            path = os.path.join(work, "jobs.yaml")
            job_file(path, n, 0)
            d = Daemon(root, path, work)
            try:
                t, _ = d.wait_for("daemon.started", 120)
                if t is None:
                    out.append({"jobs": n, "error": "no daemon.started line within 120 s"})
                    continue
                time.sleep(idle_s)
                rss, threads = [], []
                for _ in range(samples):
                    r, th = d.status()
                    rss.append(r)
                    threads.append(th)
                    time.sleep(1)
                out.append({"jobs": n, "idle_s": idle_s, "rss_kb": rss, "threads": threads,
                            "cmdline": d.cmdline()})
            finally:
                d.stop()
    return out


def reload(root, quick, jfr=None):
    reps = 3 if jfr else 5 if quick else 20
    with tempfile.TemporaryDirectory(prefix="hypernd-bench-") as work:
        path = os.path.join(work, "jobs.yaml")
        job_file(path, RELOAD_JOBS, CANARIES)
        d = Daemon(root, path, work)
        try:
            t, _ = d.wait_for("daemon.started", 120)
            if t is None:
                return {"error": "no daemon.started line within 120 s"}
            time.sleep(3)
            d.drain()
            if jfr:
                subprocess.run(["jcmd", str(d.proc.pid), "JFR.start", "name=reload",
                                "settings=profile", f"filename={jfr}",
                                "jdk.ExecutionSample#period=1ms"], capture_output=True)
            times_ms, failures = [], []
            begin = time.monotonic_ns()
            events = []
            for i in range(reps):
                job_file(path, RELOAD_JOBS, CANARIES, changed=(i % 2 == 0))
                sent = time.monotonic_ns()
                d.proc.send_signal(signal.SIGHUP)
                got, seen = d.wait_for("config.loaded", 60)
                events += seen
                if got is None:
                    failures.append(f"reload {i}: no config.loaded within 60 s")
                    continue
                times_ms.append((got - sent) / 1e6)
                time.sleep(1.5)
                events += d.drain()
            end = time.monotonic_ns()
            if jfr:
                subprocess.run(["jcmd", str(d.proc.pid), "JFR.stop", "name=reload"],
                               capture_output=True)
            events += d.drain()
            started = sum(1 for _, e in events
                          if e.get("event") == "task.started"
                          and str(e.get("job", "")).startswith("canary-"))
            missed = [e for _, e in events if e.get("event") == "task.skipped"]
            rejected = [e for _, e in events if e.get("event") == "config.rejected"]
            window_s = (end - begin) / 1e9
            return {"jobs": RELOAD_JOBS + CANARIES, "reloads": reps, "reload_ms": times_ms,
                    "failures": failures, "rejected": len(rejected),
                    "canaries": CANARIES, "window_s": round(window_s, 2),
                    "canary_starts": started,
                    "canary_starts_expected_min": CANARIES * (int(window_s) - 1),
                    "skipped_events": len(missed),
                    "skipped_examples": missed[:3]}
        finally:
            d.stop()


def timed(cmd, cwd, reps):
    times, codes = [], set()
    for _ in range(reps):
        t = time.monotonic_ns()
        r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.monotonic_ns() - t) / 1e6)
        codes.add(r.returncode)
    return times, sorted(codes)


def control(root, quick, hello_cp):
    reps = 5 if quick else 20
    with tempfile.TemporaryDirectory(prefix="hypernd-bench-") as work:
        path = os.path.join(work, "jobs.yaml")
        job_file(path, 10, 0)
        d = Daemon(root, path, work)
        try:
            t, _ = d.wait_for("daemon.started", 120)
            if t is None:
                return {"error": "no daemon.started line within 120 s"}
            ctl = [os.path.join(root, "bin/hypernctl"), "--socket", d.socket, "status"]
            timed(ctl, root, 1)  # the first call may build nothing, but warms the page cache
            status_ms, codes = timed(ctl, root, reps)
            hello = ["java", "-cp", hello_cp, "dev.hypernd.bench.control.Hello"]
            timed(hello, root, 1)
            hello_ms, hello_codes = timed(hello, root, reps)
            return {"reps": reps, "status_ms": status_ms, "status_exit_codes": codes,
                    "hello_ms": hello_ms, "hello_exit_codes": hello_codes}
        finally:
            d.stop()


def native_memory(root, out):
    with tempfile.TemporaryDirectory(prefix="hypernd-bench-") as work:
        path = os.path.join(work, "jobs.yaml")
        job_file(path, 1000, 0)
        d = Daemon(root, path, work, "-XX:NativeMemoryTracking=summary")
        try:
            t, _ = d.wait_for("daemon.started", 120)
            time.sleep(5)
            r = subprocess.run(["jcmd", str(d.proc.pid), "VM.native_memory", "summary"],
                               capture_output=True, text=True)
            rss, threads = d.status()
            with open(out, "w") as f:
                f.write(f"daemon idle with 1,000 jobs, HYPERND_JAVA_OPTS += "
                        f"-XX:NativeMemoryTracking=summary: VmRSS {rss} kB, {threads} threads\n\n")
                f.write(r.stdout)
        finally:
            d.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--hello-cp")
    ap.add_argument("--profile", choices=["footprint", "reload"])
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    if a.profile == "footprint":
        native_memory(root, a.out)
        return
    if a.profile == "reload":
        reload(root, True, jfr=os.path.abspath(a.out))
        return
    result = {"java_opts": os.environ.get("HYPERND_JAVA_OPTS", "")}
    daemon_ok, daemon_why = probe([os.path.join(root, "bin/hypernd"), "run", "--help"], root,
                                "hypernd run")
    ctl_ok, ctl_why = probe([os.path.join(root, "bin/hypernctl"), "--help"], root, "status")
    result["daemon_available"], result["daemon_reason"] = daemon_ok, daemon_why
    result["hypernctl_available"], result["hypernctl_reason"] = ctl_ok, ctl_why
    if daemon_ok:
        result["footprint"] = footprint(root, a.quick)
        result["reload"] = reload(root, a.quick)
        if ctl_ok:
            result["control"] = control(root, a.quick, a.hello_cp)
    with open(a.out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
