#!/bin/sh
# fuzz-regressions.sh RKTC — replays every committed fuzzing regression
# input (tests/fuzz/corpus/HARNESS/) through the command line, as the
# harness's entry point is reached there:
#   hcl, json, plan, check  the file as a job: `rktc check` and `rktc plan`
#   node                    the file as the host profile: `plan --node`
#                           (also of fuzz_node's job), `check --node`,
#                           `build --dry-run --node`
#   config                  the file as the configuration: `check --config`
#                           and `check --print-config --config`
#   report                  the file as a saved result: `rktc report` in
#                           every format, standard input open but silent
#   args                    first byte the command (as fuzz_args.c picks
#                           it), the rest its NUL-separated arguments, run
#                           in an empty directory
# Each must end with a normal exit status (0 to 4), never a crash or a
# sanitizer report (under the ASan build those exit with 98/99).
rktc=$1
case $rktc in /*) ;; *) rktc=$PWD/$rktc ;; esac
pass=0 fail=0
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=99"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=98"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a FIFO held open for reading and writing: never data, never end of file
mkfifo "$tmp/silent"
exec 3<>"$tmp/silent"
job=examples/web.nomad
commands="parse check rules explain jobspec plan build audit report"

# run LABEL CMD... : one replay, from the directory run_dir (default .)
run() {
    label=$1
    shift
    (cd "${run_dir:-.}" && "$@") >/dev/null 2>"$tmp/err" </dev/null
    rc=$?
    if [ $rc -le 4 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $label: exit $rc"
        head -5 "$tmp/err"
    fi
}

for f in tests/fuzz/corpus/*/*; do
    case "$f" in */README) continue ;; esac
    harness=${f#tests/fuzz/corpus/}
    harness=${harness%%/*}
    case $harness in
    node)
        run "plan --node $f" "$rktc" plan --node "$f" "$job"
        run "plan --node $f (node-job)" "$rktc" plan --node "$f" tests/fuzz/node-job.nomad
        run "check --node $f" "$rktc" check --no-config --node "$f" "$job"
        run "build --node $f" "$rktc" build --target=systemd --dry-run -o "$tmp/out" \
            --node "$f" "$job" ;;
    config)
        run "check --config $f" "$rktc" check --config "$f" "$job"
        run "check --print-config --config $f" "$rktc" check --print-config --config "$f" ;;
    report)
        # standard input open and silent: a report that reads it hangs
        for format in text gcc json junit sarif github checkstyle codeclimate; do
            run "report --format=$format $f" sh -c 'timeout 10 "$@" <&3' sh \
                "$rktc" report --format=$format "$f"
        done ;;
    args)
        n=$(od -An -tu1 -N1 "$f" | tr -d ' ')
        set -- $commands
        shift $(( ${n:-0} % $# ))
        mkdir -p "$tmp/cwd"
        tail -c +2 "$f" >"$tmp/argv"
        run_dir=$tmp/cwd
        run "rktc $1 (args $f)" sh -c 'xargs -0 -a "$1" "$2" "$3"' sh "$tmp/argv" "$rktc" "$1"
        run_dir=
        rm -rf "$tmp/cwd" ;;
    *)
        run "check $f" "$rktc" check --no-config "$f"
        run "plan $f" "$rktc" plan "$f" ;;
    esac
done
echo "fuzz regressions: $pass passed, $fail failed"
[ $fail -eq 0 ]
