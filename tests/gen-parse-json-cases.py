#!/usr/bin/env python3
"""gen-parse-json-cases.py HCL1JSON RKTC — (re)writes the HCL-JSON cases of
testdata/parse/: each input json-NAME.json next to its expectation from the
HCL1 reference: json-NAME.out (the reference's JSON, jq -S) when it accepts
the input, otherwise json-NAME.err (rktc's located message) with the
reference's own message in json-NAME.ref (where the reference crashes, rktc
must still refuse). A case where rktc and the reference disagree on
accepting is reported and not written. Checked by tests/golden.sh."""
import json, os, subprocess, sys

CASES = {
 # plain shapes
 "basic": b'{"a": 1, "b": "x", "c": 1.5, "d": true, "e": [1, "two", 3.0]}\n',
 "empty-object": b'{}\n',
 "nested-objects": b'{"a": {"b": {"c": 1}}}\n',
 "whitespace-crlf": b'{\r\n  "a" :\r\n  1 ,\r\n "b":"x"\r\n}\r\n',
 "leading-unicode-space": "\u00a0\u2003{\"a\": 1}\n".encode(),
 "leading-vertical-tab": b'\x0b{"a": 1}\n',
 # null
 "null-member": b'{"a": null, "b": {"c": null}}\n',
 "null-in-array": b'{"a": [1, null]}\n',
 # booleans in arrays
 "bool-in-array-dropped": b'{"a": [true, 1, false, "x"], "b": [true]}\n',
 # nested arrays
 "nested-array-spliced": b'{"a": ["x", ["y", "z"]]}\n',
 "nested-array-only": b'{"a": [[1]]}\n',
 "nested-array-drops-rest": b'{"a": [[1]], "b": 2}\n',
 "nested-array-then-array": b'{"a": [[1], [2]]}\n',
 "nested-array-middle": b'{"a": [1, [2, 3], 4]}\n',
 "nested-empty-array": b'{"a": [1, []]}\n',
 # commas
 "missing-comma-members": b'{"a": 1 "b": 2}\n',
 "missing-comma-nested": b'{"x": {"a": 1 "b": 2}, "c": 3}\n',
 "missing-comma-elements": b'{"a": [1 2 "x" 3.5]}\n',
 "extra-commas-in-array": b'{"a": [,1,,2,]}\n',
 "trailing-comma-member": b'{"a": 1,}\n',
 "leading-comma-member": b'{, "a": 1}\n',
 "double-comma-member": b'{"a": 1,, "b": 2}\n',
 # end of input and trailing content
 "missing-final-brace": b'{"a": 1, "b": {"c": 2\n',
 "cut-after-colon": b'{"a": 1, "b":',
 "trailing-garbage": b'{"a": 1}\nthis is ignored @ "\\q\n',
 "second-object-ignored": b'{"a": 1} {"b": 2}\n',
 "extra-close-brace": b'{"a": 1}}\n',
 "nul-ends-input": b'{"a": 1,\x00 "b": 2}\n',
 "nul-in-string": b'{"a": "x\x00y"}\n',
 # errors swallowed at `}`
 "missing-value-at-brace": b'{"a": 1, "b": }\n',
 "key-without-colon-at-brace": b'{"a": 1, "b"}\n',
 "list-cut-at-brace": b'{"x": {"a": [1, 2}, "c": 3}\n',
 # keys
 "key-number": b'{1: 2}\n',
 "key-bare-colon": b'{"a": 1, : 2}\n',
 "key-list": b'{"a" "b": 1, "c" "d" "e": {"f": 1}}\n',
 "key-empty-string": b'{"": 1, "a": {"": {"x": 1}}}\n',
 "key-escapes": b'{"a\\"b\\tc": 1}\n',
 "key-repeated": b'{"a": {"x": 1}, "a": {"y": 2}, "b": [1], "b": [2], "c": 1, "c": 2}\n',
 # values the parser does not expect
 "value-colon": b'{"a": :}\n',
 "value-rbrack": b'{"a":\n  ]}\n',
 "value-period": b'{"a": .}\n',
 "array-colon": b'{"a": [1: 2]}\n',
 "top-level-array": b'  [1, 2]\n',
 # numbers
 "numbers": b'{"a": 0, "b": -3, "c": 1.5, "d": -0.5, "e": 1e3, "f": 1E+2, "g": 2.5e-3, "h": .5, "i": 1., "j": -0}\n',
 "number-leading-zero": b'{"a": 01}\n',
 "number-negative-leading-zero": b'{"a": -012}\n',
 "number-bare-exponent": b'{"a": 1e}\n',
 "number-bare-exponent-in-array": b'{"a": [1e]}\n',
 "number-dot-exponent": b'{"a": .5e3}\n',
 "number-minus-alone": b'{"a": -}\n',
 "number-int64-overflow": b'{"a": 9223372036854775808}\n',
 "number-int64-limits": b'{"a": 9223372036854775807, "b": -9223372036854775808}\n',
 "number-plus": b'{"a": +1}\n',
 # strings and escapes
 "string-escapes": b'{"a": "q\\"b\\\\n\\nt\\tr\\ra\\af\\fv\\vb\\b"}\n',
 "string-slash-escape": b'{"a": "a\\/b"}\n',
 "string-unicode-escapes": b'{"a": "\\u00e9\\U0001F600\\101\\x41"}\n',
 "string-utf8": "{\"a\": \"h\u00e9llo \u2603 \U0001F600\"}\n".encode(),
 "string-hex-invalid-utf8": b'{"a": "x\\xffy", "\\xc3\\xa9": "\\xe2\\x82"}\n',
 "string-octal-high": b'{"a": "\\377\\200"}\n',
 "string-octal-overflow": b'{"a": "\\400"}\n',
 "string-surrogate-escape": b'{"a": "\\ud800"}\n',
 "string-big-U-escape": b'{"a": "\\U00110000"}\n',
 "string-short-hex": b'{"a": "\\x4"}\n',
 "string-short-u": b'{"a": "\\u12"}\n',
 "string-bad-escape": b'{"a": "\\q"}\n',
 "string-single-quote-escape": b'{"a": "\\\'"}\n',
 "string-newline": b'{"a": "x\ny"}\n',
 "string-unterminated": b'{"a": "abc\n',
 "string-interpolation": b'{"a": "${var.x}", "b": "$${y}", "c": "${"}\n',
 "string-invalid-utf8": b'{"a": "\xff"}\n',
 "string-escape-then-invalid-byte": b'{"a": "a\\x4\xff:,\nU]}\n',
 "string-cr": b'{"a": "x\ry"}\n',
 # identifiers
 "ident-true-typo": b'{"a": tru}\n',
 "ident-uppercase-true": b'{"a": True}\n',
 "ident-unicode-letter": "{\"a\": \u00e9t\u00e9}\n".encode(),
 "ident-unicode-symbol": "{\"a\": \u2192}\n".encode(),
 "invalid-utf8-outside-string": b'{"a": \xff}\n',
 "illegal-char": b'{"a": @}\n',
 "single-quotes": b"{'a': 1}\n",
 # flattening
 "flatten-job": b'{"job": {"web": {"datacenters": ["dc1"], "group": {"g": {"count": 2, "task": {"t": {"driver": "rkt", "config": {"image": "x"}}}}}}}}\n',
 "flatten-list-of-objects": b'{"a": 0, "t": [{"x": {"k": 1}}, {"y": {"k": 2}}], "z": 1}\n',
 "flatten-body-only-objects": b'{"job": {"x": {"group": {"g": {"task": {"t": {"driver": "rkt"}}}}}}}\n',
 "flatten-group-array": b'{"group": [{"g1": {"task": {"t": {"driver": "x", "config": {"a": 1}}}}}]}\n',
 "flatten-mixed-kept": b'{"a": {}, "b": [], "c": [{"x": 1}, 2], "d": {"e": {}, "f": 1}}\n',
 "flatten-empty-leaf": b'{"a": {"b": {"c": {}}}}\n',
 "flatten-nested-in-list": b'{"a": [{"b": {"c": {"d": 1}}}, 1]}\n',
 "flatten-network-port": b'{"job": {"x": {"type": "service", "group": {"g": {"count": 1, "network": {"port": {"http": {"static": 8080}}}}}}}}\n',
 "flatten-key-lists": b'{"a": {"b" "c": {"d": 1}}}\n',
 # nesting
 "deep-nesting-limit": b'{"a": ' * 300 + b'1' + b'}' * 300 + b'\n',
 "deep-nesting-ok": b'{"a": ' * 60 + b'1' + b'}' * 60 + b'\n',
}
CASES = {"json-" + k: v for k, v in CASES.items()}

# rktc refuses these on purpose (an explicit limit), where HCL1 accepts them
LIMITS = {"json-deep-nesting-limit"}


def main():
    ref, rktc = sys.argv[1], sys.argv[2]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    out_dir = os.path.join(root, "testdata", "parse")
    os.makedirs(out_dir, exist_ok=True)
    bad = 0
    for name, data in sorted(CASES.items()):
        rel = "testdata/parse/" + name + ".json"
        path = os.path.join(root, rel)
        with open(path, "wb") as f:
            f.write(data)
        r = subprocess.run([ref, path], capture_output=True)
        ok = r.returncode == 0 and not r.stdout.startswith(b"ERROR")
        g = subprocess.run([rktc, "parse", rel], capture_output=True, cwd=root)
        for ext in (".out", ".err", ".ref"):
            try:
                os.remove(os.path.join(out_dir, name + ext))
            except FileNotFoundError:
                pass
        if ok and name in LIMITS:
            if g.returncode != 2:
                print(f"DISAGREE {name}: rktc should refuse this input at its limit")
                bad += 1
                continue
            with open(os.path.join(out_dir, name + ".err"), "wb") as f:
                f.write(g.stderr)
            with open(os.path.join(out_dir, name + ".ref"), "w") as f:
                f.write("(the reference accepts it; rktc refuses it at its nesting limit)\n")
        elif ok:
            if g.returncode != 0:
                print(f"DISAGREE {name}: reference accepts, rktc refuses: "
                      f"{g.stderr.decode(errors='replace').strip()}")
                bad += 1
                continue
            want = subprocess.run(["jq", "-S", "."], input=r.stdout, capture_output=True,
                                  check=True).stdout
            got = subprocess.run(["jq", "-S", "."], input=g.stdout, capture_output=True).stdout
            if got != want:
                print(f"DIFFERENT {name}: rktc prints another value")
                bad += 1
            with open(os.path.join(out_dir, name + ".out"), "wb") as f:
                f.write(want)
        else:
            msg = (r.stdout + r.stderr).decode(errors="replace").strip().splitlines()
            msg = msg[0] if msg else "(no message)"
            if g.returncode != 2:
                print(f"DISAGREE {name}: reference refuses ({msg}), rktc exit {g.returncode}")
                bad += 1
                continue
            with open(os.path.join(out_dir, name + ".err"), "wb") as f:
                f.write(g.stderr)
            with open(os.path.join(out_dir, name + ".ref"), "w") as f:
                f.write(msg + "\n")
    print(f"{len(CASES)} cases, {bad} disagreements")
    return 1 if bad else 0


sys.exit(main())
