#!/usr/bin/env python3
"""Prints the machine, JVM and load facts RESULTS.md states, as JSON."""
import datetime
import json
import os
import platform
import subprocess
import sys


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def mem_total_kb():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                return int(line.split()[1])
    return None


def java_version():
    r = subprocess.run(["java", "-version"], capture_output=True, text=True)
    return [l for l in r.stderr.splitlines() if l.strip()]


def git_rev(root):
    r = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                       text=True)
    dirty = subprocess.run(["git", "-C", root, "status", "--porcelain"], capture_output=True,
                           text=True).stdout.strip()
    return r.stdout.strip() + (" (with uncommitted changes)" if dirty else "")


print(json.dumps({
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
    "nproc": os.cpu_count(),
    "cpu_model": cpu_model(),
    "mem_total_kb": mem_total_kb(),
    "kernel": platform.release(),
    "java_version": java_version(),
    "loadavg": open("/proc/loadavg").read().split()[:3],
    "git": git_rev(sys.argv[1] if len(sys.argv) > 1 else "."),
}, indent=1))
