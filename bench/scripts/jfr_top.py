#!/usr/bin/env python3
"""Summarises a JFR recording: where the threads ran (jdk.ExecutionSample: top frames and
stacks) and how long they waited for a ReentrantLock (jdk.ThreadPark under ReentrantLock.lock,
by the hypernd method that asked for it).

usage: jfr_top.py FILE.jfr [THREAD_REGEX]   (plain text; samples of other threads are counted but
       not summarised)
"""
import collections
import re
import subprocess
import sys

UNITS = {"ns": 1e-6, "us": 1e-3, "µs": 1e-3, "ms": 1.0, "s": 1000.0}


def events(path, name):
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", name, path],
                          capture_output=True, text=True).stdout
    for block in text.split(name + " {")[1:]:
        m = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', block)
        thread = re.sub(r"-\d+$", "-N", m.group(1)) if m else "?"
        frames = re.findall(r"^\s+([\w$.<>/]+\(.*?\))(?:\s+line:.*)?$", block, re.M)
        d = re.search(r"duration = ([\d.]+) (ns|us|µs|ms|s)\b", block)
        ms = float(d.group(1)) * UNITS[d.group(2)] if d else 0.0
        yield thread, frames, ms


def short(frame):
    return frame.split("(")[0]


def main():
    path = sys.argv[1]
    only = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
    top, stacks, threads = collections.Counter(), collections.Counter(), collections.Counter()
    inclusive = collections.Counter()
    total = other = 0
    for thread, frames, _ in events(path, "jdk.ExecutionSample"):
        if not frames:
            continue
        if only and not only.search(thread):
            other += 1
            continue
        total += 1
        threads[thread] += 1
        top[short(frames[0])] += 1
        stacks[" <- ".join(short(f) for f in frames[:5])] += 1
        for method in {short(f) for f in frames if f.startswith("dev.hypernd.")}:
            inclusive[method] += 1
    scope = f" of threads matching /{only.pattern}/ ({other} samples of other threads left out)" \
        if only else ""
    print(f"CPU: {total} execution samples{scope}")
    if total:
        print("\nby thread:")
        for t, c in threads.most_common(8):
            print(f"  {100.0 * c / total:5.1f}%  {t}")
        print("\ntop frames (self):")
        for f, c in top.most_common(15):
            print(f"  {100.0 * c / total:5.1f}%  {f}")
        print("\ntop stacks (5 frames, innermost first):")
        for s, c in stacks.most_common(8):
            print(f"  {100.0 * c / total:5.1f}%  {s}")
        if inclusive:
            print("\nhypernd methods on the stack (inclusive, deepest 64 frames):")
            for m, c in inclusive.most_common(12):
                print(f"  {100.0 * c / total:5.1f}%  {m}")

    waits, wait_ms, by_thread = collections.Counter(), collections.Counter(), collections.Counter()
    for thread, frames, ms in events(path, "jdk.ThreadPark"):
        if only and not only.search(thread):
            continue
        if not any("ReentrantLock.lock" in f for f in frames):
            continue
        caller = next((short(f) for f in frames if f.startswith("dev.hypernd")), "?")
        waits[caller] += 1
        wait_ms[caller] += ms
        by_thread[thread] += ms
    if waits:
        print(f"\nlock waits (ReentrantLock.lock parks): {sum(waits.values())} waits, "
              f"{sum(wait_ms.values()):.1f} ms in all")
        for caller, ms in wait_ms.most_common(8):
            print(f"  {ms:9.1f} ms  {waits[caller]:6d} waits  {caller}")
        print("  by thread: " + ", ".join(f"{t} {ms:.1f} ms" for t, ms in by_thread.most_common(4)))


if __name__ == "__main__":
    main()
