#!/bin/sh
# check_golden.sh RKTC [CASE...] — golden tests of `rktc check`
# (run by testdata/check/run.sh, which tests/golden.sh runs).
#
# Every directory testdata/check/CASE/ is one case, run in a scratch copy
# of that directory:
#   args             the arguments of `rktc check`: one line, split by the
#                    shell (so quoting works; no redirections)
#   env              optional: NAME=value lines exported for the run (the
#                    shell expands them: $PWD is the scratch case dir)
#   stdin            optional: fed to standard input (else /dev/null)
#   expected/status  the exit status
#   expected/stdout, expected/stderr
#                    the output streams (a missing file means empty)
#   expected/FILE    every other file the run must write, e.g. a report
#                    from --format=junit:FILE, compared byte for byte,
#                    except SARIF files (*.sarif), compared without
#                    tool.driver.rules — the whole rule table, which grows
#                    as rules are added (tests/reports.sh checks it by
#                    schema and by counting).
#   anything else    input files, config files (.rktc.hcl), directories.
# The run sees SOURCE_DATE_EPOCH=1767323045, HOME and XDG_CONFIG_HOME in an
# empty scratch directory, TERM=dumb, and no NO_COLOR or RKTC_* variables.
# RKTC_UPDATE=1 writes the expected files from the actual run instead.
set -u
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a private copy: a rebuild during the run must not change the program
cp "$1" "$tmp/rktc" && "$tmp/rktc" --version >/dev/null || { echo "cannot run $1" >&2; exit 1; }
rktc=$tmp/rktc
shift
cases=${*:-$(ls testdata/check)}
pass=0 fail=0

normalize() { # FILE -> stdout
    if [ "${1%.sarif}" != "$1" ]; then
        jq 'del(.runs[0].tool.driver.rules)' "$1"
    else
        cat "$1"
    fi
}

for name in $cases; do
    dir=testdata/check/$name
    [ -f "$dir/args" ] || continue
    work=$tmp/$name
    rm -rf "$work"
    mkdir -p "$work/case" "$work/home"
    cp -R "$dir/." "$work/case/"
    rm -rf "$work/case/expected" "$work/case/args" "$work/case/env" "$work/case/stdin"
    args=$(cat "$dir/args")
    (
        cd "$work/case" || exit 99
        unset NO_COLOR RKTC_CONFIG RKTC_FORMAT RKTC_FAILURE_THRESHOLD \
              RKTC_REQUIRE_REASON RKTC_INLINE_IGNORE RKTC_EXCLUDE
        export SOURCE_DATE_EPOCH=1767323045 HOME="$work/home" \
               XDG_CONFIG_HOME="$work/home/.config" TERM=dumb
        if [ -f "$root/$dir/env" ]; then
            while IFS= read -r line; do
                [ -n "$line" ] && eval "export $line"
            done <"$root/$dir/env"
        fi
        input=/dev/null
        [ -f "$root/$dir/stdin" ] && input=$root/$dir/stdin
        eval "set -- $args"
        "$rktc" check "$@" <"$input" >"$work/stdout" 2>"$work/stderr"
        echo $? >"$work/status"
    )
    if [ "${RKTC_UPDATE:-}" = 1 ]; then
        mkdir -p "$dir/expected"
        cp "$work/status" "$dir/expected/status"
        for s in stdout stderr; do
            if [ -s "$work/$s" ]; then cp "$work/$s" "$dir/expected/$s"
            else rm -f "$dir/expected/$s"; fi
        done
        for f in "$dir"/expected/*; do
            b=$(basename "$f")
            case $b in status|stdout|stderr) continue ;; esac
            [ -f "$work/case/$b" ] && cp "$work/case/$b" "$f"
        done
        echo "updated $dir"
        continue
    fi
    ok=1
    for s in status stdout stderr; do
        want=$dir/expected/$s
        [ -f "$want" ] || want=/dev/null
        if ! normalize "$want" >"$work/want" || ! normalize "$work/$s" >"$work/got" ||
           ! cmp -s "$work/want" "$work/got"; then
            ok=0
            echo "FAIL check/$name: $s differs"
            diff "$work/want" "$work/got" | head -20
        fi
    done
    for f in "$dir"/expected/*; do
        b=$(basename "$f")
        case $b in status|stdout|stderr) continue ;; esac
        if [ ! -f "$work/case/$b" ]; then
            ok=0
            echo "FAIL check/$name: $b was not written"
        elif ! normalize "$f" >"$work/want" || ! normalize "$work/case/$b" >"$work/got" ||
             ! cmp -s "$work/want" "$work/got"; then
            ok=0
            echo "FAIL check/$name: $b differs"
            diff "$work/want" "$work/got" | head -20
        fi
    done
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "golden check: $pass passed, $fail failed"
[ $fail -eq 0 ]
