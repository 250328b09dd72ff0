#!/usr/bin/env python3
"""Turns the outputs of bench/run.sh into bench/RESULTS.md. Every number comes from a file in the
results directory; none is typed here.

usage: report.py missed RESULTS_DIR          prints the ids of missed targets that run.sh profiles
       report.py write RESULTS_DIR OUT.md    writes the report
"""
import glob
import json
import os
import statistics
import sys

PEERS_CRON = ["spring", "quartz", "cronUtils"]
CRON_LABEL = {"hypernd": "hypernd `CronSchedule.nextAfter`",
              "spring": "Spring `CronExpression.next`",
              "quartz": "Quartz `CronExpression.getNextValidTimeAfter`",
              "cronUtils": "cron-utils `ExecutionTime.nextExecution`"}
RSS_LIMIT_KB = 80 * 1024
RELOAD_LIMIT_MS = 200


def load(d, name):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return json.load(f)


def spread(values):
    """min, median, max, n of a list of numbers."""
    return (min(values), statistics.median(values), max(values), len(values))


def jmh(d, prefix):
    """benchmark (with params) -> {"forks": [score per round], "unit", "iterations"}; run.sh runs
    one fork of every benchmark per round, in files PREFIX-1.json, PREFIX-2.json, ..."""
    files = sorted(glob.glob(os.path.join(d, prefix + "-*.json")),
                   key=lambda p: int(p.rsplit("-", 1)[1].split(".")[0]))
    if not files:
        return None
    out = {}
    for r, path in enumerate(files):
        with open(path) as f:
            data = json.load(f)
        for b in data:
            method = b["benchmark"].rsplit(".", 1)[1]
            params = b.get("params") or {}
            key = method + "".join(f"[{k}={v}]" for k, v in sorted(params.items()))
            e = out.setdefault(key, {"forks": [], "by_round": {}, "unit":
                                     b["primaryMetric"]["scoreUnit"],
                                     "iterations": len(b["primaryMetric"]["rawData"][0])})
            for iters in b["primaryMetric"]["rawData"]:
                score = statistics.mean(iters)
                e["forks"].append(score)
                e["by_round"][r] = score
    return out


def ratios(j, num, den):
    """num/den per round, for the rounds that measured both."""
    a, b = j[num]["by_round"], j[den]["by_round"]
    return [a[r] / b[r] for r in sorted(a) if r in b and b[r]]


def fmt(x, digits=None):
    if x is None:
        return "n/a"
    if digits is None:
        digits = 0 if abs(x) >= 100 else (1 if abs(x) >= 10 else 2)
    return f"{x:,.{digits}f}"


def mmm(values, digits=None):
    lo, med, hi, _ = spread(values)
    return f"{fmt(lo, digits)} / **{fmt(med, digits)}** / {fmt(hi, digits)}"


def verdict(met):
    return {True: "**met**", False: "**MISSED**", None: "not measured"}[met]


# ---- evaluation ---------------------------------------------------------------------------------

def eval_cron(d):
    j = jmh(d, "jmh-cron")
    if not j or "hypernd" not in j or "spring" not in j:
        return None
    r = ratios(j, "spring", "hypernd")
    h = statistics.median(j["hypernd"]["forks"])
    s = statistics.median(j["spring"]["forks"])
    return {"id": "cron", "target": "cron next-fire ≥ 10× faster than Spring",
            "figure": f"{fmt(statistics.median(r), 1)}× (per-round ratio min / median / max "
                      f"{mmm(r, 1)} over {len(r)} rounds; Spring {fmt(s)} ns, hypernd {fmt(h)} ns)",
            "met": statistics.median(r) >= 10}


def precision_runs(d):
    runs = {}
    for p in glob.glob(os.path.join(d, "precision-*.json")):
        with open(p) as f:
            r = json.load(f)
        runs[(r["jobs"], r["shape"], r["contender"])] = r
    return runs


def eval_precision(d):
    runs = precision_runs(d)
    out = []
    for (jobs, shape) in sorted({(k[0], k[1]) for k in runs}, key=lambda k: (k[1], k[0])):
        h = runs.get((jobs, shape, "hypernd"))
        s = runs.get((jobs, shape, "stpe"))
        q = runs.get((jobs, shape, "quartz"))
        if not h or not s:
            continue
        hp, sp = h["whole"]["p99_us"], s["whole"]["p99_us"]
        limit = 2.0 if shape == "spread" else 1.5
        ratio = hp / sp if sp else float("inf")
        met = ratio <= limit
        fig = f"hypernd p99 {fmt(hp)} µs vs STPE {fmt(sp)} µs: {fmt(ratio, 2)}× (limit {limit}×)"
        target = f"precision, {jobs:,} jobs {shape}: p99 within {limit}× of STPE"
        if shape == "simultaneous" and q:
            qp = q["whole"]["p99_us"]
            qr = qp / hp if hp else float("inf")
            fig += f"; Quartz p99 {fmt(qp)} µs = {fmt(qr, 1)}× hypernd (need ≥ 10×)"
            target += " and ≥ 10× better than Quartz"
            met = met and qr >= 10
        out.append({"id": f"precision-{shape}-{jobs}", "target": target, "figure": fig,
                    "met": met, "jobs": jobs, "shape": shape})
    hyp = [r for k, r in runs.items() if k[2] == "hypernd"]
    if hyp:
        early = sum(r["whole"]["early"] for r in hyp)
        missing = sum(r["whole"]["missing"] for r in hyp)
        out.append({"id": "early", "target": "no hypernd fire starts before its due time or goes "
                                             "missing",
                    "figure": f"{early} early starts, {missing} missing fires over "
                              f"{sum(r['whole']['count'] for r in hyp):,} measured fires",
                    "met": early == 0 and missing == 0})
    return out


def eval_throughput(d):
    j = jmh(d, "jmh-throughput")
    out = []
    hk = "hypernd[store=memory]"
    if j and hk in j and "stpe" in j:
        h = statistics.median(j[hk]["forks"])
        rs = ratios(j, hk, "stpe")
        fig = (f"hypernd {fmt(h)}/s = {fmt(statistics.median(rs), 2)}× STPE (per round "
               f"{mmm(rs, 2)})")
        met = statistics.median(rs) >= 0.5
        if "quartz" in j:
            rq = ratios(j, hk, "quartz")
            fig += f"; {fmt(statistics.median(rq), 1)}× Quartz (per round {mmm(rq, 1)})"
            met = met and statistics.median(rq) >= 20
        out.append({"id": "throughput", "target": "throughput ≥ ½ STPE and ≥ 20× Quartz",
                    "figure": fig, "met": met})
    durable = (j or {}).get("hypernd[store=sqlite]")
    if durable:
        v = statistics.median(durable["forks"])
        out.append({"id": "throughput-durable", "target": "≥ 10,000 durable completions/s",
                    "figure": f"{fmt(v)}/s with the SQLite store (median of "
                              f"{len(durable['forks'])} forks)", "met": v >= 10000})
    else:
        out.append({"id": "throughput-durable", "target": "≥ 10,000 durable completions/s",
                    "figure": "not measured yet: store not landed"
                    if not load(d, "store-available.json") else "not measured: run.sh --store sqlite",
                    "met": None})
    return out


def shell_rounds(sh, variant, key="exec_p50_us"):
    return [r[key] for r in sh["variants"][variant]["rounds"]]


def eval_shell(d):
    sh = load(d, "shell.json")
    if not sh:
        return None
    f = statistics.median(shell_rounds(sh, "floor"))
    e = statistics.median(shell_rounds(sh, "engine"))
    r = shell_ratios(sh, "engine")
    return {"id": "shell", "target": "shell job due-to-exec within 1.2× of ProcessBuilder.start()",
            "figure": f"{fmt(statistics.median(r), 2)}× (per round {mmm(r, 2)}; engine p50 "
                      f"{fmt(e)} µs, floor p50 {fmt(f)} µs)",
            "met": statistics.median(r) <= 1.2}


def shell_ratios(sh, variant, key="exec_p50_us"):
    """variant ÷ floor of the per-round medians, round by round (the variants interleave)."""
    return [a / b for a, b in zip(shell_rounds(sh, variant, key), shell_rounds(sh, "floor", key))]


def eval_daemon(d):
    dm = load(d, "daemon.json")
    out = []
    if not dm or not dm.get("daemon_available"):
        why = (dm or {}).get("daemon_reason", "daemon harness did not run")
        for t in ["daemon RSS < 80 MiB at 1,000 jobs",
                  "SIGHUP reload < 200 ms at 10,000 jobs, no fire lost"]:
            out.append({"id": "daemon", "target": t, "met": None,
                        "figure": f"not measured: hypernd run not available ({why})"})
        return out
    fp = {f["jobs"]: f for f in dm.get("footprint", [])}
    f1k = fp.get(1000)
    if f1k and "rss_kb" in f1k:
        med = statistics.median(f1k["rss_kb"])
        out.append({"id": "footprint", "target": "daemon RSS < 80 MiB at 1,000 jobs",
                    "figure": f"{fmt(med / 1024, 1)} MiB", "met": med < RSS_LIMIT_KB})
    else:
        out.append({"id": "footprint", "target": "daemon RSS < 80 MiB at 1,000 jobs",
                    "figure": f"failed: {(f1k or {}).get('error', 'no sample')}", "met": False})
    rl = dm.get("reload", {})
    if rl.get("reload_ms"):
        med = statistics.median(rl["reload_ms"])
        worst = max(rl["reload_ms"])
        lost = rl["skipped_events"] > 0 or rl["canary_starts"] < rl["canary_starts_expected_min"] \
            or rl["failures"]
        out.append({"id": "reload", "target": "SIGHUP reload < 200 ms at 10,000 jobs, no fire lost",
                    "figure": f"median {fmt(med)} ms, max {fmt(worst)} ms; "
                              f"{rl['skipped_events']} skipped-fire events, canary starts "
                              f"{rl['canary_starts']} (≥ {rl['canary_starts_expected_min']} expected)",
                    "met": med < RELOAD_LIMIT_MS and not lost})
    else:
        out.append({"id": "reload", "target": "SIGHUP reload < 200 ms at 10,000 jobs, no fire lost",
                    "figure": f"failed: {rl.get('error') or rl.get('failures')}", "met": False})
    return out


def evaluate(d):
    targets = []
    for t in [eval_cron(d)] + eval_precision(d) + eval_throughput(d) + [eval_shell(d)] \
            + eval_daemon(d):
        if t:
            targets.append(t)
    return targets


# ---- report -------------------------------------------------------------------------------------

def machine_section(d, lines):
    m = load(d, "machine.json") or {}
    run = load(d, "run.json") or {}
    end = load(d, "machine-end.json") or {}
    lines += ["## Machine and run", ""]
    lines.append(f"- Date: {m.get('date')}; mode: `{run.get('mode')}`; whole run.sh wall time: "
                 f"{fmt(run.get('wall_s'))} s; commit {m.get('git')}")
    lines.append(f"- CPU: {m.get('cpu_model')}, `nproc` = {m.get('nproc')}; memory: "
                 f"{fmt((m.get('mem_total_kb') or 0) / 1024 / 1024, 1)} GiB; kernel {m.get('kernel')}")
    lines.append(f"- JVM: {' / '.join(m.get('java_version', []))}")
    lines.append(f"- Load average (1/5/15 min) at start: {' '.join(m.get('loadavg', []))}; "
                 f"at end: {' '.join(end.get('loadavg', []))}. Shared machines are noisy: read "
                 f"ratios of figures from the same run, not absolute numbers.")
    lines.append(f"- Harness JVM options: `{run.get('java_opts')}`; JMH: {run.get('jmh_opts')}")
    lines.append("")


def cron_section(d, lines):
    lines += ["## 1. Cron next-fire", ""]
    j = jmh(d, "jmh-cron")
    cc = load(d, "crosscheck.json")
    if not j:
        lines += ["Not measured (no JMH output).", ""]
        return
    n = cc["expressions"] if cc else "?"
    lines.append(f"JMH `AverageTime`, ns per next-fire call, averaged over a fixed mix of {n} "
                 f"expressions × {cc['starts'] if cc else '?'} start instants "
                 f"({cc['pairs'] if cc else '?'} calls per invocation). Each library gets its "
                 "own input type prepared beforehand (parse and conversion are not timed). "
                 "Repetitions = rounds: each round runs one JMH fork of every implementation, "
                 "back to back, and a fork's figure is the mean of its "
                 f"{j['hypernd']['iterations']} measurement iterations. Ratios are taken within "
                 "each round, then summarised over the rounds.")
    lines.append("")
    lines.append("| implementation | ns/op min / **median** / max | rounds | peer ÷ hypernd per "
                 "round, min / **median** / max |")
    lines.append("|---|---|---|---|")
    for name in ["hypernd"] + PEERS_CRON:
        if name not in j:
            continue
        f = j[name]["forks"]
        ratio = "—" if name == "hypernd" else f"{mmm(ratios(j, name, 'hypernd'), 1)}×"
        lines.append(f"| {CRON_LABEL[name]} | {mmm(f)} | {len(f)} | {ratio} |")
    lines.append("")
    if cc:
        lines.append("**Cross-check** (run before timing; the benchmark refuses to run on a "
                     "disagreement): a (expression, start) pair is compared with hypernd's answer "
                     "for a peer when the peer's syntax means the same as cronie's for that "
                     "expression, and neither the start nor any answer is within a day of a UTC "
                     "offset change (each library has its own DST rules).")
        lines.append("")
        lines.append("| peer | expressions cross-checked | pairs cross-checked | pairs agreeing |")
        lines.append("|---|---|---|---|")
        for peer, v in cc["peers"].items():
            lines.append(f"| {peer} | {v['expressions_checked']} of {cc['expressions']} | "
                         f"{v['pairs_checked']} of {cc['pairs']} | {v['pairs_agreeing']} |")
        lines.append("")
        if cc["mismatches"]:
            lines.append("**Mismatches:**")
            lines += [f"- {m}" for m in cc["mismatches"]]
            lines.append("")
        near = sum(1 for r in cc["rows"] for p in ["spring", "quartz", "cron-utils"]
                   if not r[p + "_checked"] and r[p] != r["hypernd"])
        lines.append(f"Answers that differ from hypernd on pairs not cross-checked (DST hours or "
                     f"a different day rule): {near}; they are listed in "
                     f"`target/results/crosscheck.json`.")
        lines.append("")
        lines.append("<details><summary>The mix, and how each peer was given it</summary>")
        lines.append("")
        lines.append("| expression (cronie) | zone | exercises | Spring | Quartz | cron-utils |")
        lines.append("|---|---|---|---|---|---|")
        for c in cc["cases"]:
            def cell(text, faithful):
                return f"`{text}`" + ("" if faithful else " (not the same meaning: not checked)")
            lines.append(f"| `{c['expression']}` | {c['zone']} | {c['what']} | "
                         f"{cell(c['spring'], c['spring_faithful'])} | "
                         f"{cell(c['quartz'], c['quartz_faithful'])} | "
                         f"{cell(c['cron_utils'], c['cron_utils_faithful'])} |")
        lines.append("")
        lines.append("Where a peer cannot say what cronie means (Spring ANDs the two day fields, "
                     "Quartz cannot restrict both), it gets the day-of-month-only variant, which "
                     "does no more work than the original. Spring's weekdays are given as names "
                     "because its day-of-week field counts from Monday = 1, so `*/7` means Monday "
                     "there and Sunday in cronie.")
        lines.append("")
        lines.append("</details>")
        lines.append("")


def precision_section(d, lines):
    lines += ["## 2. Scheduling precision", ""]
    runs = precision_runs(d)
    run = load(d, "run.json") or {}
    if not runs:
        lines += ["Not measured.", ""]
        return
    any_run = next(iter(runs.values()))
    lines.append(
        f"Lateness = body start − due time, µs. Interval jobs every {any_run['period_ms']} ms with "
        f"trivial bodies, {any_run['workers']} worker threads for every contender, one JVM per "
        f"run (`{run.get('precision_java_opts')}`). The first {any_run['warmup_s']} s of fires are "
        f"warm-up and discarded; then {any_run['seconds']} s are measured"
        + (" (**--quick**: the full run measures 60 s)" if run.get("mode") == "quick" else "")
        + f". Each cell: **the percentile over every measured fire of the run** (min / median / "
        f"max of the same percentile over the {len(any_run['windows'])} consecutive "
        f"{any_run['window_s']}-s windows of the run, the repetitions).")
    lines.append("")
    lines.append("How due is measured: STPE and hypernd on `System.nanoTime()`, due = anchor + n × "
                 "period, where the anchor is planned by the harness (STPE gets it as the initial "
                 "delay; hypernd, whose `interval()` has no initial delay, reads it from a clock "
                 "pinned to the anchor on the registering thread only — see `PinnedClock`). "
                 "Quartz keeps wall-clock milliseconds, so its due is the trigger's own "
                 "`scheduledFireTime` and its start is read on the wall clock. *spread*: job j's "
                 "phase is j/N of the period (Quartz rounds phases to whole ms); *simultaneous*: "
                 "every job has the same anchor. Quartz runs with its defaults except the thread "
                 "count.")
    lines.append("")
    for (jobs, shape) in sorted({(k[0], k[1]) for k in runs}, key=lambda k: (k[1], k[0])):
        lines.append(f"### {jobs:,} jobs, {shape}")
        lines.append("")
        lines.append("| contender | p50 | p99 | p99.9 | max | early starts | missing fires | "
                     "p99 ÷ STPE p99 |")
        lines.append("|---|---|---|---|---|---|---|---|")
        stpe = runs.get((jobs, shape, "stpe"))
        for c in ["hypernd", "stpe", "quartz"]:
            r = runs.get((jobs, shape, c))
            if not r:
                continue
            w = r["whole"]
            ratio = f"{fmt(w['p99_us'] / stpe['whole']['p99_us'], 2)}×" if stpe and \
                stpe["whole"]["p99_us"] else "—"
            dropped = r.get("dropped_by_scheduler") or {}
            miss = f"{w['missing']}" + (f" ({', '.join(f'{k}: {v}' for k, v in dropped.items())})"
                                        if dropped else "")
            overran = " ⚠ registration overran the first due" if r.get(
                "registration_overran_first_due") else ""
            def cell(key):
                per = [x[key] for x in r["windows"] if x[key] is not None]
                return f"**{fmt(w[key])}** ({fmt(min(per))} / {fmt(statistics.median(per))} / " \
                       f"{fmt(max(per))})" if per else fmt(w[key])
            lines.append(f"| {c}{overran} | {cell('p50_us')} | {cell('p99_us')} | "
                         f"{cell('p999_us')} | {cell('max_us')} | {w['early']} of "
                         f"{w['count']:,} | {miss} | {ratio} |")
        lines.append("")


def throughput_section(d, lines):
    lines += ["## 3. Throughput", ""]
    j = jmh(d, "jmh-throughput")
    if not j:
        lines += ["Not measured.", ""]
        return
    lines.append("JMH `Throughput`: trivial one-shot tasks submitted and completed per second, in "
                 "process, 8 workers each. One invocation submits 10,000 tasks from one thread "
                 "and waits for all to complete (hypernd: `TaskSubmitter.submit`, completion = "
                 "its `task.completed` event; STPE: `execute`, completion = end of body; Quartz "
                 "RAMJobStore: `scheduleJob` with a start-now trigger, completion = "
                 "`triggerComplete`). Repetitions = rounds of one JMH fork per contender, back "
                 "to back; ratios are taken within each round.")
    lines.append("")
    lines.append("| contender | tasks/s min / **median** / max | rounds | hypernd (memory) ÷ "
                 "contender per round, min / **median** / max |")
    lines.append("|---|---|---|---|")
    hk = "hypernd[store=memory]"
    for key in sorted(j, key=lambda k: (not k.startswith("hypernd"), k)):
        f = j[key]["forks"]
        r = f"{mmm(ratios(j, hk, key), 2)}×" if hk in j and key != hk else "—"
        lines.append(f"| {key} | {mmm(f)} | {len(f)} | {r} |")
    lines.append("")
    if "hypernd[store=sqlite]" not in j:
        lines.append("Durable store (target ≥ 10,000 completions/s): "
                     + ("not measured yet: store not landed."
                        if not load(d, "store-available.json")
                        else "not measured in this run; `bench/run.sh --store sqlite` adds it."))
        lines.append("")


def shell_section(d, lines):
    lines += ["## 4. Shell jobs", ""]
    sh = load(d, "shell.json")
    if not sh:
        lines += ["Not measured.", ""]
        return
    lines.append(f"Command `{' '.join(sh['command'])}`, clock: {sh['clock']}. **exec** = from the "
                 "call (the due time) to the child's `main()`, which prints CLOCK_MONOTONIC first "
                 "thing (the clock of `System.nanoTime()`); **done** = from the call until the "
                 "result is in the caller's hands. *floor*: bare `ProcessBuilder.start()`, "
                 "stdout read to EOF, `waitFor()`; *floor_setsid*: the same through "
                 "`/usr/bin/setsid` as ShellRunner starts every job; *floor_setsid_static*: "
                 "the same through a static ten-line setsid+exec helper "
                 "(`bench/src/main/c/setsid_static.c`), the cost of the extra exec alone; *runner*: "
                 "`ShellRunner.run`; *engine*: `TaskSubmitter.submit` of a job whose body is "
                 "`ShellRunner.run`, done = `task.completed`. Variants alternate run by run; "
                 f"{sh['rounds']} rounds × {sh['runs_per_round']} runs each (after "
                 f"{sh['warmup_runs']} warm-up runs); the figures are per-round medians, min / "
                 "**median** / max over rounds.")
    lines.append("")
    lines.append("| variant | exec p50 (µs) | exec ÷ floor, per round | done p50 (µs) | "
                 "done ÷ floor, per round |")
    lines.append("|---|---|---|---|---|")
    for v in sh["variants"]:
        e = shell_rounds(sh, v)
        dn = shell_rounds(sh, v, "done_p50_us")
        lines.append(f"| {v} | {mmm(e)} | {mmm(shell_ratios(sh, v), 2)}× | {mmm(dn)} | "
                     f"{mmm(shell_ratios(sh, v, 'done_p50_us'), 2)}× |")
    lines.append("")


def daemon_section(d, lines):
    lines += ["## 5. Daemon footprint, reload and control path", ""]
    dm = load(d, "daemon.json")
    if not dm:
        lines += ["Not measured: the daemon harness did not run.", ""]
        return
    if not dm["daemon_available"]:
        lines += [f"Not measured: hypernd run / hypernctl not available "
                  f"({dm['daemon_reason']}). `bench/scripts/daemon_bench.py` measures them as "
                  "soon as `bin/hypernd run` exists: rerun `bench/run.sh`.", ""]
        return
    cmd = next((f["cmdline"] for f in dm.get("footprint", []) if "cmdline" in f), None)
    lines.append(f"`bin/hypernd run FILE --log-format json --socket S` with "
                 f"HYPERND_JAVA_OPTS=`{dm['java_opts'] or '(unset: JVM defaults)'}`"
                 + (f" (the daemon's command line: `{cmd}`)" if cmd else "")
                 + "; jobs are `interval: 3600s`, `command: \"true\"` (idle), state and socket "
                 "in a fresh temporary directory. RSS and thread count from `/proc/PID/status` "
                 f"after {dm['footprint'][0].get('idle_s', '?') if dm.get('footprint') else '?'} s "
                 "idle, sampled once a second.")
    lines.append("")
    lines.append("| jobs | RSS MiB min / **median** / max | threads min / **median** / max | "
                 "samples |")
    lines.append("|---|---|---|---|")
    for f in dm.get("footprint", []):
        if "rss_kb" not in f:
            lines.append(f"| {f['jobs']:,} | failed: {f.get('error')} | | |")
            continue
        lines.append(f"| {f['jobs']:,} | {mmm([x / 1024 for x in f['rss_kb']], 1)} | "
                     f"{mmm(f['threads'], 0)} | {len(f['rss_kb'])} |")
    lines.append("")
    rl = dm.get("reload", {})
    if rl.get("reload_ms"):
        lines.append(f"Reload: {rl['jobs']:,} jobs ({rl['canaries']} canaries firing every "
                     f"second), the file edited (one job's interval) and `kill -HUP` "
                     f"{rl['reloads']} times; time from the signal to the `config.loaded` line: "
                     f"{mmm(rl['reload_ms'])} ms over {len(rl['reload_ms'])} reloads. "
                     f"Skipped-fire events during the reloads: {rl['skipped_events']}; canary "
                     f"starts {rl['canary_starts']} (at least {rl['canary_starts_expected_min']} "
                     f"expected over {rl['window_s']} s); config.rejected: {rl['rejected']}.")
    else:
        lines.append(f"Reload: failed: {rl.get('error') or rl.get('failures')}")
    lines.append("")
    if "control" in dm:
        c = dm["control"]
        if "status_ms" in c:
            lines.append(f"Control path: `bin/hypernctl --socket S status` {mmm(c['status_ms'])} "
                         f"ms (exit codes {c['status_exit_codes']}) vs hello-world `java` "
                         f"{mmm(c['hello_ms'])} ms, {c['reps']} runs each: "
                         f"{fmt(statistics.median(c['status_ms']) / statistics.median(c['hello_ms']), 2)}×.")
        else:
            lines.append(f"Control path: failed: {c.get('error')}")
    else:
        lines.append(f"Control path: not measured: hypernctl not available "
                     f"({dm['hypernctl_reason']}).")
    lines.append("")


def profiles_section(d, lines, targets):
    missed = [t for t in targets if t["met"] is False]
    if not missed:
        return
    lines += ["## Where the time goes (missed targets)", ""]
    profiles = sorted(glob.glob(os.path.join(d, "profiles", "*.txt")))
    if not profiles:
        lines += ["No profile was recorded in this run.", ""]
    for p in profiles:
        name = os.path.basename(p)[:-4]
        with open(p) as f:
            text = f.read().rstrip().splitlines()
        lines.append(f"### {name}")
        lines.append("")
        lines.append("```")
        lines += text[:90]
        if len(text) > 90:
            lines.append(f"... ({len(text) - 90} more lines in target/results/profiles/)")
        lines.append("```")
        lines.append("")
    skipped = os.path.join(d, "profiles", "skipped.txt")
    if os.path.exists(skipped):
        with open(skipped) as f:
            lines += ["Profiles not recorded in this run:", ""] + [f"- {l.strip()}" for l in f]
        lines.append("")
    lines.append("CPU profiles are JFR execution samples (every 1 ms, after start-up and warm-up) "
                 "of hypernd's threads, summarised by `bench/scripts/jfr_top.py`, with the time "
                 "threads spent parked on a `ReentrantLock`; JMH profiles are `-prof gc -prof "
                 "stack`. The raw recordings are in `bench/target/results/profiles/`.")
    lines.append("")


def write(d, out):
    targets = evaluate(d)
    lines = ["# hypernd benchmarks: results", "",
             "Generated by `bench/run.sh`; every number below comes from that run's outputs "
             "(`bench/target/results/`). Do not edit by hand: rerun `bench/run.sh` "
             "(or `bench/run.sh --quick`).", ""]
    machine_section(d, lines)
    lines += ["## Targets", "", "| target | figure | verdict |", "|---|---|---|"]
    for t in targets:
        lines.append(f"| {t['target']} | {t['figure']} | {verdict(t['met'])} |")
    lines.append("")
    cron_section(d, lines)
    precision_section(d, lines)
    throughput_section(d, lines)
    shell_section(d, lines)
    daemon_section(d, lines)
    profiles_section(d, lines, targets)
    text = "\n".join(lines) + "\n"
    root = (load(d, "run.json") or {}).get("root")
    if root:
        text = text.replace(root.rstrip("/") + "/", "")  # paths relative to the project root
    with open(out, "w") as f:
        f.write(text)


def main():
    mode, d = sys.argv[1], sys.argv[2]
    if mode == "missed":
        # Largest precision runs first: run.sh profiles only the first precision id.
        missed = [t for t in evaluate(d) if t["met"] is False]
        missed.sort(key=lambda t: -t.get("jobs", 0) if t["id"].startswith("precision") else 0)
        for t in missed:
            print(t["id"])
    elif mode == "write":
        write(d, sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
