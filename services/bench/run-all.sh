#!/usr/bin/env bash
# Builds governance, documents and the benches, runs every benchmark in its own JVM and prints all
# figures in one table at the end. From anywhere:
#
#   services/bench/run-all.sh
#
# Environment:
#   BENCH_MAVEN_ARGS  extra Maven arguments for the build (e.g. -o for offline)
#   BENCH_SKIP_BUILD  1 to use the jars already built
#   BENCH_JAVA_OPTS   system properties for every bench, e.g. "-Dbench.coalitions=1000" for a quick run
#   BENCH_ONLY        space-separated subset, e.g. "ReadBench ScaleBench"
# Each bench's full output goes to services/bench/target/bench-logs/<Bench>.log. A missed target is
# printed as MISSED, not a failure; the exit status is non-zero when a bench errs.
set -u
cd "$(dirname "$0")/../.."

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  ./mvnw -q -B ${BENCH_MAVEN_ARGS:-} -pl services/governance,services/documents,services/bench -am package -DskipTests \
    || { echo "build failed" >&2; exit 1; }
fi

CP="services/bench/target/bench.jar:services/bench/target/lib/*"
LOGS=services/bench/target/bench-logs
mkdir -p "$LOGS"
BENCHES="${BENCH_ONLY:-VotingBench RenderSealBench PackBench ReadBench StartupBench ScaleBench}"
failed=""

for bench in $BENCHES; do
  extra=""
  # PackBench's heap target is enforced by the heap limit itself (an OutOfMemoryError fails the run).
  [ "$bench" = PackBench ] && extra="-Xmx256m"
  echo "=== $bench ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  java $extra ${BENCH_JAVA_OPTS:-} -cp "$CP" "nl.samenspel.bench.$bench" > "$LOGS/$bench.log" 2>&1
  status=$?
  grep -v '^@summary' "$LOGS/$bench.log" | grep -v 'EmbeddedPostgres' | sed -n '/^$/,$p'
  if [ $status -ne 0 ]; then
    failed="$failed $bench"
    echo "$bench exited with $status; see $LOGS/$bench.log" >&2
    tail -20 "$LOGS/$bench.log" >&2
  fi
done

echo
echo "=== Summary ($(date -u +%Y-%m-%d\ %H:%M) UTC, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
{
  printf 'bench\tfigure\tmeasured\ttarget\tverdict\n'
  for bench in $BENCHES; do
    grep -h '^@summary' "$LOGS/$bench.log" 2>/dev/null | cut -f2-
  done
} | column -t -s "$(printf '\t')"

if [ -n "$failed" ]; then
  echo "errors in:$failed" >&2
  exit 1
fi
