#!/usr/bin/env bash
# Fetches the benchmark corpora listed in bench/corpus.txt from Maven Central (their -sources.jar)
# and extracts the .java files into bench/corpus/large/ (corpus a) and bench/corpus/dynamodb/ (b).
# Also fetches javaparser-core (for bench/BareParse.java) into bench/target/lib/.
#
# Idempotent: an artifact already extracted is skipped; a directory no longer listed is removed.
# Usage: bench/fetch-corpus.sh
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CORPUS_DIR="$BENCH_DIR/corpus"
JARS_DIR="$CORPUS_DIR/.jars"      # downloaded sources jars
STATE_DIR="$CORPUS_DIR/.state"    # one marker per completely extracted artifact
LIB_DIR="$BENCH_DIR/target/lib"
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.11.0"
JAVAPARSER="com.github.javaparser:javaparser-core:3.28.2"

for tool in mvn unzip jar; do
    command -v "$tool" >/dev/null || { echo "fetch-corpus: '$tool' is required (apt-get install $tool)" >&2; exit 2; }
done

mkdir -p "$JARS_DIR" "$STATE_DIR" "$LIB_DIR" "$CORPUS_DIR/large" "$CORPUS_DIR/dynamodb"

# mvn_copy G:A:V[:type:classifier] DIR: copies one artifact from Central (via the local repository).
# Maven's output is shown only when it fails.
mvn_copy() {
    local log
    log="$(mktemp)"
    if mvn -B -Dstyle.color=never "$DEP_PLUGIN:copy" -Dartifact="$1" -DoutputDirectory="$2" >"$log" 2>&1; then
        rm -f "$log"
    else
        grep -E 'ERROR|BUILD' "$log" >&2 || cat "$log" >&2
        rm -f "$log"
        return 1
    fi
}

# --- javaparser-core for BareParse -------------------------------------------------------------
jp_jar="$LIB_DIR/javaparser-core-${JAVAPARSER##*:}.jar"
if [[ ! -f "$jp_jar" ]]; then
    echo "fetching $JAVAPARSER"
    mvn_copy "$JAVAPARSER" "$LIB_DIR"
fi

# --- corpora -----------------------------------------------------------------------------------
declare -A wanted=()   # "large/<dir>" -> 1
while read -r corpus gav _; do
    [[ -z "$corpus" || "$corpus" == \#* ]] && continue
    case "$corpus" in
        a) sub=large ;;
        b) sub=dynamodb ;;
        *) echo "fetch-corpus: bad corpus '$corpus' in corpus.txt (want a or b)" >&2; exit 2 ;;
    esac
    IFS=: read -r group artifact version <<<"$gav"
    [[ -n "$group" && -n "$artifact" && -n "$version" ]] || { echo "fetch-corpus: bad G:A:V '$gav'" >&2; exit 2; }
    name="$artifact-$version"
    dest="$CORPUS_DIR/$sub/$name"
    marker="$STATE_DIR/$sub--$name"
    wanted["$sub/$name"]=1

    if [[ -f "$marker" && -d "$dest" ]]; then
        echo "have     $sub/$name"
        continue
    fi
    jar="$JARS_DIR/$name-sources.jar"
    if [[ ! -f "$jar" ]]; then
        echo "fetching $gav:jar:sources"
        if ! mvn_copy "$gav:jar:sources" "$JARS_DIR"; then
            echo "fetch-corpus: could not download $gav:jar:sources from Maven Central" >&2
            exit 1
        fi
    fi
    echo "extract  $sub/$name"
    rm -rf "$dest" "$dest.tmp"
    mkdir -p "$dest.tmp"
    # Only .java files; unzip exits 11 when nothing matched. Some jars on Central have duplicate
    # entries that unzip rejects as a "possible zip bomb"; the JDK's jar tool extracts them.
    if ! unzip -q -o "$jar" '*.java' -d "$dest.tmp" 2>"$dest.err"; then
        if ! grep -q 'caution: filename not matched' "$dest.err"; then
            echo "         unzip failed ($(head -1 "$dest.err")); extracting with jar xf instead"
            rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
            (cd "$dest.tmp" && jar xf "$jar")
        fi
    fi
    rm -f "$dest.err"
    find "$dest.tmp" -type f ! -name '*.java' -delete
    find "$dest.tmp" -type d -empty -delete 2>/dev/null || true
    mkdir -p "$dest.tmp"
    mv "$dest.tmp" "$dest"
    touch "$marker"
done < "$BENCH_DIR/corpus.txt"

# --- remove what corpus.txt no longer lists ----------------------------------------------------
for sub in large dynamodb; do
    for d in "$CORPUS_DIR/$sub"/*/; do
        [[ -d "$d" ]] || continue
        name="$(basename "$d")"
        if [[ -z "${wanted["$sub/$name"]:-}" ]]; then
            echo "remove   $sub/$name (not in corpus.txt)"
            rm -rf "${CORPUS_DIR:?}/$sub/$name" "$STATE_DIR/$sub--$name"
        fi
    done
done

# --- summary -----------------------------------------------------------------------------------
for sub in large dynamodb; do
    files=$(find "$CORPUS_DIR/$sub" -name '*.java' -type f | wc -l)
    lines=$(find "$CORPUS_DIR/$sub" -name '*.java' -type f -print0 | xargs -0 cat | wc -l)
    ddb=$( (grep -rl --include='*.java' dynamodb "$CORPUS_DIR/$sub" || true) | wc -l)
    printf 'corpus %-9s files=%d lines=%d files-mentioning-dynamodb=%d\n' "$sub" "$files" "$lines" "$ddb"
done
