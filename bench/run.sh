#!/usr/bin/env bash
# Runs every benchmark against its peers and writes bench/RESULTS.md.
#
#   bench/run.sh [--quick] [--store memory|memory,sqlite|auto] [--skip-build]
#
#   --quick       shorter runs (JMH 3 rounds, precision 10 s measured): under 10 minutes on 2 cores
#   --store       stores for the hypernd throughput benchmark; auto (default) adds sqlite when the
#                 engine has the durable store (dev.hypernd.store.sqlite.TaskStores)
#   --skip-build  reuse bench/target/benchmarks.jar (while developing the harness)
#
# Steps: install the root project's jar into the local Maven repository (tests and the root's
# style checks skipped: they are the root build's job) and build bench/target/benchmarks.jar;
# then cron cross-check + JMH, JMH throughput, the precision harness (one JVM per run), the shell
# harness, the daemon harness (skipped with a reason until `hypernd run` / `hypernctl` exist),
# profiles of the missed targets, and the report. Raw outputs: bench/target/results/.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
results="$bench/target/results"
mode=full
stores=auto
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --store) stores="$2"; shift ;;
    --store=*) stores="${1#--store=}" ;;
    --skip-build) build=0 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

started=$(date +%s)
log() { echo "[run.sh +$(( $(date +%s) - started ))s] $*" >&2; }

# ---- build ----------------------------------------------------------------------------------
jar="$bench/target/benchmarks.jar"
if [ "$build" = 1 ]; then
  version="$(python3 -c 'import sys, xml.etree.ElementTree as t
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
print(t.parse(sys.argv[1]).getroot().find("m:version", ns).text)' "$root/pom.xml")"
  log "installing hypernd $version from $root into the local Maven repository"
  (cd "$root" && mvn -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true \
      -Dmdep.analyze.skip=true install)
  log "building $jar"
  (cd "$bench" && mvn -B -q -Dhypernd.version="$version" package)
  mkdir -p "$bench/target"
  for c in stamp setsid_static; do
    gcc -O2 -static -o "$bench/target/$c" "$bench/src/main/c/$c.c" 2>/dev/null \
      || gcc -O2 -o "$bench/target/$c" "$bench/src/main/c/$c.c" \
      || log "gcc failed on $c.c: the shell benchmark does without it"
  done
fi
[ -f "$jar" ] || { echo "run.sh: $jar is missing; run without --skip-build" >&2; exit 1; }

rm -rf "$results"
mkdir -p "$results/profiles"
python3 "$bench/scripts/machine.py" "$root" > "$results/machine.json"

logback="-Dlogback.configurationFile=$bench/logback-bench.xml"
heap="-Xms1g -Xmx1g"
java_opts="$logback $heap"
# JMH runs one fork of every benchmark per round, so that each round measures hypernd and its
# peers minutes apart at most: ratios are taken per round, and the rounds are the repetitions.
if [ "$mode" = quick ]; then
  rounds=3
  jmh_opts=(-f 1 -wi 1 -w 1s -i 3 -r 1s)
  prec_seconds=10; prec_warmup=1; prec_window=2
  shell_opts=(--rounds 5 --runs 40 --warmup 30)
  daemon_quick=(--quick)
else
  rounds=5
  jmh_opts=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
  prec_seconds=60; prec_warmup=5; prec_window=10
  shell_opts=(--rounds 10 --runs 100 --warmup 50)
  daemon_quick=()
fi
jmh() { java $java_opts -jar "$jar" "$@"; }

if python3 -c 'import sys, zipfile
sys.exit(0 if sys.argv[2] in zipfile.ZipFile(sys.argv[1]).namelist() else 1)' \
    "$jar" dev/hypernd/store/sqlite/TaskStores.class; then
  echo '{"available": true}' > "$results/store-available.json"
  [ "$stores" = auto ] && stores=memory,sqlite
fi
[ "$stores" = auto ] && stores=memory

# ---- 1. cron ------------------------------------------------------------------------------
log "cron: cross-check"
java $java_opts -cp "$jar" dev.hypernd.bench.cron.CrossCheck "$results/crosscheck.json" \
  || log "cron cross-check found disagreements (listed in RESULTS.md); JMH will refuse to run"
for r in $(seq 1 "$rounds"); do
  log "cron: JMH round $r of $rounds, ${jmh_opts[*]}"
  jmh 'dev.hypernd.bench.cron.CronNextFireBench' "${jmh_opts[@]}" \
    -rf json -rff "$results/jmh-cron-$r.json" > "$results/jmh-cron-$r.log" 2>&1 \
    || log "cron JMH failed; see $results/jmh-cron-$r.log"
done

# ---- 3. throughput (before precision: both are short, precision is the long part) ----------
for r in $(seq 1 "$rounds"); do
  log "throughput: JMH round $r of $rounds, ${jmh_opts[*]}, stores $stores"
  jmh 'dev.hypernd.bench.throughput.ThroughputBench' "${jmh_opts[@]}" -p store="$stores" \
    -rf json -rff "$results/jmh-throughput-$r.json" > "$results/jmh-throughput-$r.log" 2>&1 \
    || log "throughput JMH failed; see $results/jmh-throughput-$r.log"
done

# ---- 2. precision --------------------------------------------------------------------------
precision() { # contender jobs shape out [extra java options...]
  local c="$1" n="$2" s="$3" out="$4"
  shift 4
  java $java_opts "$@" -cp "$jar" dev.hypernd.bench.precision.PrecisionMain \
    --contender "$c" --jobs "$n" --shape "$s" --workers 8 --seconds "$prec_seconds" \
    --warmup "$prec_warmup" --window "$prec_window" --out "$out"
}
for jobs in 1000 10000; do
  for shape in spread simultaneous; do
    for c in hypernd stpe quartz; do
      log "precision: $c, $jobs jobs, $shape, ${prec_seconds}s"
      precision "$c" "$jobs" "$shape" "$results/precision-$c-$jobs-$shape.json" \
        > /dev/null 2>> "$results/precision.log" \
        || log "precision run failed: $c $jobs $shape (see $results/precision.log)"
    done
  done
done

# ---- 4. shell ------------------------------------------------------------------------------
stamp=()
[ -x "$bench/target/stamp" ] && stamp=(--stamp "$bench/target/stamp")
[ -x "$bench/target/setsid_static" ] && stamp+=(--setsid-static "$bench/target/setsid_static")
log "shell: ${shell_opts[*]}"
java $java_opts -cp "$jar" dev.hypernd.bench.shell.ShellMain "${shell_opts[@]}" "${stamp[@]}" \
  --out "$results/shell.json" > /dev/null 2> "$results/shell.log" \
  || log "shell harness failed; see $results/shell.log"

# ---- 5. daemon footprint, reload, control path ---------------------------------------------
log "daemon: footprint, reload, hypernctl status"
python3 "$bench/scripts/daemon_bench.py" --root "$root" --out "$results/daemon.json" \
  --hello-cp "$bench/target/classes" "${daemon_quick[@]}" \
  || log "daemon harness failed"

# ---- profiles of missed targets ------------------------------------------------------------
profile_budget=520 # seconds into a --quick run after which profiles are skipped
jfr_profile() { # name, thread regex, delay, then the java command line after `java`
  local name="$1" threads="$2" delay="$3"
  shift 3
  # Execution samples every millisecond and every park (lock waits), from `delay` on (start-up
  # and warm-up left out).
  java -XX:StartFlightRecording=filename="$results/profiles/$name.jfr",settings=profile,delay="$delay",jdk.ExecutionSample#period=1ms,jdk.ThreadPark#threshold=0ms \
    "$@" > /dev/null 2>> "$results/profiles/$name.log" || true
  python3 "$bench/scripts/jfr_top.py" "$results/profiles/$name.jfr" "$threads" \
    > "$results/profiles/$name.txt"
}
jmh_profile() { # name benchmark [more JMH options]
  local name="$1" benchmark="$2"
  shift 2
  jmh "$benchmark" -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc -prof 'stack:lines=6;top=10' "$@" \
    > "$results/profiles/$name.log" 2>&1 || true
  # The secondary results (gc and stack profilers) of the one benchmark.
  awk '/^Secondary result/ {on=1} /^# Run complete/ {on=0} on' "$results/profiles/$name.log" \
    > "$results/profiles/$name.txt"
}
precision_profiled=0
for id in $(python3 "$bench/scripts/report.py" missed "$results"); do
  if [ "$mode" = quick ] && [ $(( $(date +%s) - started )) -gt $profile_budget ]; then
    log "skipping the profile of $id: the --quick budget is spent"
    echo "$id: profile skipped to keep --quick under 10 minutes; run bench/run.sh (full)" \
      >> "$results/profiles/skipped.txt"
    continue
  fi
  case "$id" in
    cron)
      log "profiling cron (JMH gc + stack)"
      jmh_profile cron-hypernd 'dev.hypernd.bench.cron.CronNextFireBench.hypernd' ;;
    throughput)
      log "profiling throughput (JMH gc + stack)"
      jmh_profile throughput-hypernd 'dev.hypernd.bench.throughput.ThroughputBench.hypernd' \
        -p store=memory ;;
    throughput-durable)
      log "profiling durable throughput (JMH gc + stack)"
      jmh_profile throughput-hypernd-sqlite \
        'dev.hypernd.bench.throughput.ThroughputBench.hypernd' -p store=sqlite ;;
    precision-*)
      [ "$precision_profiled" = 1 ] && continue # one JFR of the engine covers every shape
      precision_profiled=1
      shape="${id#precision-}"; jobs="${shape##*-}"; shape="${shape%-*}"
      log "profiling precision ($jobs jobs, $shape) with JFR"
      jfr_profile "precision-hypernd-$jobs-$shape" 'hypernd-' 4s $java_opts -cp "$jar" \
        dev.hypernd.bench.precision.PrecisionMain --contender hypernd --jobs "$jobs" \
        --shape "$shape" --workers 8 --seconds 6 --warmup 2 --window 6 \
        --out "$results/profiles/precision-run.json" ;;
    footprint)
      log "profiling daemon memory (native memory tracking)"
      python3 "$bench/scripts/daemon_bench.py" --root "$root" --profile footprint \
        --out "$results/profiles/daemon-memory.txt" || true ;;
    reload)
      log "profiling SIGHUP reload with JFR"
      python3 "$bench/scripts/daemon_bench.py" --root "$root" --profile reload \
        --out "$results/profiles/daemon-reload.jfr" || true
      [ -f "$results/profiles/daemon-reload.jfr" ] && python3 "$bench/scripts/jfr_top.py" \
        "$results/profiles/daemon-reload.jfr" > "$results/profiles/daemon-reload.txt" ;;
    shell)
      log "profiling shell with JFR"
      jfr_profile shell-engine 'hypernd-|main|process reaper' 2s $java_opts -cp "$jar" \
        dev.hypernd.bench.shell.ShellMain --rounds 2 --runs 40 --warmup 30 "${stamp[@]}" \
        --out "$results/profiles/shell-run.json" ;;
  esac
done

# ---- report --------------------------------------------------------------------------------
python3 "$bench/scripts/machine.py" "$root" > "$results/machine-end.json"
python3 - "$results/run.json" "$mode" "$(( $(date +%s) - started ))" "$java_opts" \
  "${jmh_opts[*]}" "$root" "$stores" "$rounds" <<'PY'
import json, sys
out, mode, wall, java_opts, jmh_opts, root, stores, rounds = sys.argv[1:]
json.dump({"mode": mode, "wall_s": int(wall), "java_opts": java_opts,
           "jmh_opts": f"{rounds} rounds of: {jmh_opts}",
           "precision_java_opts": java_opts, "root": root, "stores": stores}, open(out, "w"))
PY
python3 "$bench/scripts/report.py" write "$results" "$bench/RESULTS.md"
log "wrote $bench/RESULTS.md"
