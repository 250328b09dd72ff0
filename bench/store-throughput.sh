#!/usr/bin/env bash
# Durable task transitions per second of the SQLite state store (see StoreThroughputHarness).
# Usage: bench/store-throughput.sh [STATE_DIR [TASKS]]   (STATE_DIR: a directory on the disk to measure)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.hypernd.store.sqlite.StoreThroughputHarness "${1:-$(mktemp -d /var/tmp/hypernd-bench.XXXXXX)}" "${2:-100000}"
