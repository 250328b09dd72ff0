#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample FILE` as the top frames and stacks.

usage: jfr_top.py FILE.jfr [THREAD_REGEX]   (prints plain text; samples of other threads are
       counted but not summarised)
"""
import collections
import re
import subprocess
import sys


def main():
    path = sys.argv[1]
    only = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
    n = 15
    other = 0
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True).stdout
    top = collections.Counter()
    stacks = collections.Counter()
    threads = collections.Counter()
    total = 0
    for block in text.split("jdk.ExecutionSample")[1:]:
        m = re.search(r'sampledThread = "([^"]*)"', block)
        thread = re.sub(r"-\d+$", "-N", m.group(1)) if m else "?"
        frames = re.findall(r"^\s+([\w$.<>/]+\(.*?\))\s+line:", block, re.M)
        if not frames:
            continue
        if only and not only.search(thread):
            other += 1
            continue
        total += 1
        threads[thread] += 1
        top[frames[0]] += 1
        stacks[" <- ".join(frames[:4])] += 1
    if total == 0:
        print(f"no execution samples (other threads: {other})")
        return
    scope = f" of threads matching /{only.pattern}/ ({other} samples of other threads left out)" \
        if only else ""
    print(f"{total} execution samples{scope}")
    print("\nby thread:")
    for t, c in threads.most_common(8):
        print(f"  {100.0 * c / total:5.1f}%  {t}")
    print("\ntop frames (self):")
    for f, c in top.most_common(n):
        print(f"  {100.0 * c / total:5.1f}%  {f}")
    print("\ntop stacks (4 frames, innermost first):")
    for s, c in stacks.most_common(8):
        print(f"  {100.0 * c / total:5.1f}%  {s}")


if __name__ == "__main__":
    main()
