#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample FILE` as the top frames and stacks.

usage: jfr_top.py FILE.jfr [N]   (prints plain text)
"""
import collections
import re
import subprocess
import sys


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
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
        total += 1
        threads[thread] += 1
        top[frames[0]] += 1
        stacks[" <- ".join(frames[:4])] += 1
    print(f"{total} execution samples")
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
