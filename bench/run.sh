#!/usr/bin/env bash
# ddb-lint performance benchmark: times the ddb-lint CLI and a bare JavaParser parse (bench/BareParse.java)
# on the same files, each in a fresh JVM, and prints both, their ratio and the peak memory.
#
# Usage: bench/run.sh [a|b|all]        (default: all)
#   a    bench/corpus/large     large code base, few files use DynamoDB    target: ddb-lint <= 0.10 x bare parse
#   b    bench/corpus/dynamodb  DynamoDB-heavy code                        target: ddb-lint <= 1.5  x bare parse
#
# Environment:
#   RUNS=3                 measured runs of each tool per corpus (median reported)
#   DDB_LINT_JAR=...       the CLI jar (default: cli/target/ddb-lint.jar in this repository)
#   DDB_LINT_ARGS=...      extra arguments for ddb-lint (default: none)
#   BARE_THREADS=N         BareParse worker threads (default: available processors, as ddb-lint)
#   JAVA=java              the java launcher used for both tools
#   JAVA_OPTS=...          JVM options given to both tools (default: none, i.e. what a user gets)
#   BARE_ONLY=1            time the bare parse only (no ddb-lint jar needed)
#
# Exit: 0 all targets met (or BARE_ONLY), 1 a target missed, 2 setup/usage error, 3 a tool failed.
# Results: printed, and written as markdown to bench/results/latest.md (raw runs in bench/results/runs.tsv).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
CORPUS_DIR="$BENCH_DIR/corpus"
RESULTS_DIR="$BENCH_DIR/results"
CLASSES_DIR="$BENCH_DIR/target/classes"
JAVAPARSER_JAR="${JAVAPARSER_JAR:-$BENCH_DIR/target/lib/javaparser-core-3.28.2.jar}"
GNU_TIME=/usr/bin/time

RUNS="${RUNS:-3}"
DDB_LINT_JAR="${DDB_LINT_JAR:-$REPO_DIR/cli/target/ddb-lint.jar}"
DDB_LINT_ARGS="${DDB_LINT_ARGS:-}"
BARE_THREADS="${BARE_THREADS:-$(nproc)}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:-}"
BARE_ONLY="${BARE_ONLY:-0}"

die() { echo "run.sh: $*" >&2; exit 2; }

# --- arguments -------------------------------------------------------------------------------------------
which_corpora="${1:-all}"
case "$which_corpora" in
    a) corpora=(a) ;;
    b) corpora=(b) ;;
    all) corpora=(a b) ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown corpus '$which_corpora' (want a, b or all)" ;;
esac
[[ $# -le 1 ]] || die "too many arguments (usage: bench/run.sh [a|b|all])"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, got '$RUNS'"
[[ "$BARE_THREADS" =~ ^[1-9][0-9]*$ ]] || die "BARE_THREADS must be a positive number, got '$BARE_THREADS'"

corpus_dir()  { case "$1" in a) echo "$CORPUS_DIR/large" ;; b) echo "$CORPUS_DIR/dynamodb" ;; esac; }
corpus_name() { case "$1" in a) echo "a: large, few DynamoDB" ;; b) echo "b: DynamoDB-heavy" ;; esac; }
corpus_target() { case "$1" in a) echo 0.10 ;; b) echo 1.5 ;; esac; }

# --- checks ----------------------------------------------------------------------------------------------
if ! "$GNU_TIME" -f '%e %M' -o /dev/null true 2>/dev/null; then
    die "GNU time is needed at $GNU_TIME (Debian/Ubuntu: apt-get install time)"
fi
command -v "$JAVA" >/dev/null || die "no '$JAVA' on the PATH (set JAVA=/path/to/java)"
for c in "${corpora[@]}"; do
    d="$(corpus_dir "$c")"
    if [[ ! -d "$d" ]] || [[ -z "$(find "$d" -name '*.java' -type f -print -quit)" ]]; then
        die "corpus $c is missing ($d): fetch it first with bench/fetch-corpus.sh"
    fi
done
[[ -f "$JAVAPARSER_JAR" ]] || die "$JAVAPARSER_JAR is missing: run bench/fetch-corpus.sh (it fetches it too)"
if [[ "$BARE_ONLY" != 1 && ! -f "$DDB_LINT_JAR" ]]; then
    die "ddb-lint jar not found at $DDB_LINT_JAR: build it first with mvn -B -DskipTests package
        (or set DDB_LINT_JAR=..., or BARE_ONLY=1 to time the bare parse alone)"
fi

# Compile BareParse once, so that the source launcher's compile time is not part of the baseline.
if [[ ! -f "$CLASSES_DIR/BareParse.class" || "$BENCH_DIR/BareParse.java" -nt "$CLASSES_DIR/BareParse.class" ]]; then
    mkdir -p "$CLASSES_DIR"
    javac -nowarn -d "$CLASSES_DIR" -cp "$JAVAPARSER_JAR" "$BENCH_DIR/BareParse.java" \
        || die "could not compile bench/BareParse.java"
fi

mkdir -p "$RESULTS_DIR"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- helpers ---------------------------------------------------------------------------------------------
# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
# maximum of the numbers given as arguments
maximum() { printf '%s\n' "$@" | sort -g | tail -1; }

# measure NAME CMD...: runs CMD under GNU time; sets m_secs (wall), m_cpu (user+sys seconds), m_kb (peak RSS)
# and m_rc; the command's stdout/stderr go to $work/NAME.{out,err}
measure() {
    local name="$1" user sys; shift
    set +e
    "$GNU_TIME" -f '%e %M %U %S' -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"
    m_rc=$?
    set -e
    read -r m_secs m_kb user sys < <(tail -1 "$work/$name.time")
    m_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
}

run_bare() {
    # shellcheck disable=SC2086
    measure bare "$JAVA" $JAVA_OPTS -cp "$JAVAPARSER_JAR:$CLASSES_DIR" BareParse --threads "$BARE_THREADS" "$1"
    if [[ $m_rc -ne 0 ]]; then
        echo "run.sh: BareParse failed (exit $m_rc):" >&2
        tail -20 "$work/bare.err" >&2
        exit 3
    fi
}

run_lint() {
    local out="$RESULTS_DIR/ddb-lint-$2.json"
    # shellcheck disable=SC2086
    measure lint "$JAVA" $JAVA_OPTS -jar "$DDB_LINT_JAR" --format json --output "$out" $DDB_LINT_ARGS "$1"
    # 0 = no findings, 1 = findings: both are a successful analysis.
    if [[ $m_rc -ne 0 && $m_rc -ne 1 ]]; then
        echo "run.sh: ddb-lint failed (exit $m_rc) on $1:" >&2
        tail -20 "$work/lint.err" >&2
        exit 3
    fi
}

# --- machine info ----------------------------------------------------------------------------------------
java_version="$("$JAVA" -version 2>&1 | head -1)"
commit="$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$REPO_DIR" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ' (uncommitted changes)' || true)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

echo "ddb-lint benchmark: corpora ${corpora[*]}, RUNS=$RUNS, $(nproc) CPUs, $java_version"
echo "  bare parse: BareParse --threads $BARE_THREADS (JavaParser 3.28.2, JAVA_17, default configuration)"
if [[ "$BARE_ONLY" == 1 ]]; then
    echo "  ddb-lint:   skipped (BARE_ONLY=1)"
else
    echo "  ddb-lint:   $DDB_LINT_JAR --format json --output bench/results/ddb-lint-<corpus>.json${DDB_LINT_ARGS:+ $DDB_LINT_ARGS}"
fi
[[ -z "$JAVA_OPTS" ]] || echo "  JAVA_OPTS:  $JAVA_OPTS"
echo "  load average before: $load_before"

rows=()
raw="$RESULTS_DIR/runs.tsv"
printf 'started\tcorpus\trun\ttool\tseconds\tcpu_seconds\tpeak_rss_kb\texit\n' > "$raw"
status=0

for c in "${corpora[@]}"; do
    dir="$(corpus_dir "$c")"
    rel="${dir#"$REPO_DIR"/}"
    echo
    echo "== corpus $(corpus_name "$c") ($rel)"
    files=$(find "$dir" -name '*.java' -type f | wc -l)
    # Also warms the page cache, so that neither tool pays for the first read from disk.
    lines=$(find "$dir" -name '*.java' -type f -print0 | xargs -0 cat | wc -l)
    ddb_files=$( (grep -rl --include='*.java' dynamodb "$dir" || true) | wc -l)
    echo "   $files files, $lines lines, $ddb_files files contain 'dynamodb'"

    bare_s=(); bare_cpu=(); bare_kb=(); lint_s=(); lint_cpu=(); lint_kb=(); bare_line=""
    for ((i = 1; i <= RUNS; i++)); do
        # Alternate the order to spread any drift (thermal, page cache, other load) over both tools.
        if (( i % 2 == 1 )); then order=(bare lint); else order=(lint bare); fi
        for tool in "${order[@]}"; do
            if [[ $tool == bare ]]; then
                run_bare "$dir"
                bare_s+=("$m_secs"); bare_cpu+=("$m_cpu"); bare_kb+=("$m_kb")
                bare_line="$(tail -1 "$work/bare.out")"
                printf '   run %d  bare parse  %6.2f s  cpu %6.2f s  %6d MB  %s\n' \
                    "$i" "$m_secs" "$m_cpu" $((m_kb / 1024)) "$bare_line"
                printf '%s\t%s\t%d\tbare\t%s\t%s\t%s\t%d\n' "$started" "$c" "$i" "$m_secs" "$m_cpu" "$m_kb" "$m_rc" >> "$raw"
            elif [[ "$BARE_ONLY" != 1 ]]; then
                run_lint "$dir" "$c"
                lint_s+=("$m_secs"); lint_cpu+=("$m_cpu"); lint_kb+=("$m_kb")
                printf '   run %d  ddb-lint    %6.2f s  cpu %6.2f s  %6d MB  exit %d\n' \
                    "$i" "$m_secs" "$m_cpu" $((m_kb / 1024)) "$m_rc"
                printf '%s\t%s\t%d\tddb-lint\t%s\t%s\t%s\t%d\n' "$started" "$c" "$i" "$m_secs" "$m_cpu" "$m_kb" "$m_rc" >> "$raw"
            fi
        done
    done

    bare_med=$(median "${bare_s[@]}")
    bare_cpu_med=$(median "${bare_cpu[@]}")
    bare_mb=$(( $(maximum "${bare_kb[@]}") / 1024 ))
    target=$(corpus_target "$c")
    problems=$(sed -n 's/.*problems=\([0-9]*\).*/\1/p' <<<"$bare_line")
    if [[ "$BARE_ONLY" == 1 ]]; then
        lint_med="-"; lint_mb="-"; ratio="-"; result="-"; cpu_ratio="-"
    else
        lint_med=$(median "${lint_s[@]}")
        lint_cpu_med=$(median "${lint_cpu[@]}")
        cpu_ratio=$(awk -v l="$lint_cpu_med" -v b="$bare_cpu_med" 'BEGIN {printf "%.3f", (b > 0 ? l / b : 0)}')
        lint_mb=$(( $(maximum "${lint_kb[@]}") / 1024 ))
        ratio=$(awk -v l="$lint_med" -v b="$bare_med" 'BEGIN {printf "%.3f", (b > 0 ? l / b : 0)}')
        if awk -v r="$ratio" -v t="$target" 'BEGIN {exit !(r <= t)}'; then result=PASS; else result=FAIL; status=1; fi
    fi
    rows+=("$(corpus_name "$c")|$files|$lines|$ddb_files|$problems|$bare_med|$lint_med|$ratio|≤ $target|$result|$bare_mb|$lint_mb|$cpu_ratio")
done

# --- report ----------------------------------------------------------------------------------------------
header="corpus|files|lines|files with 'dynamodb'|bare-parse problem files|bare parse s (median)|ddb-lint s (median)|ratio ddb-lint/bare|target|result|bare parse peak RSS MB|ddb-lint peak RSS MB|CPU-time ratio"

echo
echo "Results (median of $RUNS fresh-JVM runs, wall time including JVM start-up; peak RSS = max over runs):"
{
    echo "$header"
    printf '%s\n' "${rows[@]}"
} | column -t -s '|' -o ' | '

load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
md="$RESULTS_DIR/latest.md"
{
    echo "# ddb-lint benchmark results"
    echo
    echo "- started: $started; commit $commit$dirty"
    echo "- machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $java_version"
    echo "- load average (1, 5, 15 min) before the run: $load_before, after: $load_after (other processes on the"
    echo "  machine distort the times)"
    echo "- runs: $RUNS per tool and corpus, fresh JVM each, alternating order; times are wall-clock medians"
    echo "  including JVM start-up, peak RSS is the maximum over the runs (GNU time %M)"
    echo "- bare parse: \`BareParse --threads $BARE_THREADS\` (JavaParser 3.28.2, JAVA_17, default configuration)"
    if [[ "$BARE_ONLY" == 1 ]]; then
        echo "- ddb-lint: not run (BARE_ONLY=1)"
    else
        echo "- ddb-lint: \`java -jar ${DDB_LINT_JAR#"$REPO_DIR"/} --format json --output bench/results/ddb-lint-<corpus>.json${DDB_LINT_ARGS:+ $DDB_LINT_ARGS}\`"
    fi
    [[ -z "$JAVA_OPTS" ]] || echo "- JAVA_OPTS (both tools): \`$JAVA_OPTS\`"
    echo
    echo "| ${header//|/ | } |"
    echo "|$(sed 's/[^|]*/---/g' <<<"$header")|"
    for r in "${rows[@]}"; do echo "| ${r//|/ | } |"; done
    echo
    echo "The target is on wall time. The CPU-time ratio (median user+sys of ddb-lint / of the bare parse) is"
    echo "for information: it is less disturbed by other load on the machine."
    echo
    echo "Raw runs:"
    echo
    echo "| corpus | run | tool | wall s | CPU s | peak RSS KB | exit |"
    echo "|---|---|---|---|---|---|---|"
    tail -n +2 "$raw" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8}'
} > "$md"
echo
echo "Written to ${md#"$REPO_DIR"/} (raw runs: ${raw#"$REPO_DIR"/})"
exit $status
