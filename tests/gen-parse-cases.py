#!/usr/bin/env python3
"""gen-parse-cases.py HCL1JSON RKTC — (re)writes testdata/parse/: each edge
case NAME.hcl next to its expectation, taken from the HCL1 reference:
NAME.out (the reference's JSON, jq -S) when the reference accepts the input,
otherwise NAME.err (rktc's located message; the reference's own message is
kept in NAME.ref). A case where rktc and the reference disagree on accepting
is reported and not written."""
import json, os, subprocess, sys

CASES = {
 # comments and white space
 "empty": b"",
 "only-comments": b"# a\n// b\n/* c */\n",
 "comment-hash-eof": b"a = 1 # trailing",
 "comment-block-multiline": b"/* one\ntwo */ a = 1\n",
 "comment-block-nonnesting": b"/* /* */ */\n",
 "comment-block-unterminated": b"a = 1\n/* never closed\n",
 "comment-single-slash": b"a = 1 / 2\n",
 "comment-inside-list": b"a = [1, # one\n  2 /* two */, // three\n 3]\n",
 "comment-between-key-and-assign": b"a /* x */ = /* y */ 1\n",
 "one-line-items": b"a = 1 b = 2 c = \"x\"\n",
 "crlf": b"job \"x\" {\r\n  a = 1\r\n  b = <<EOF\r\nline\r\nEOF\r\n}\r\n",
 "lone-cr-whitespace": b"a\r=\r1\n",
 "form-feed": b"a = 1\f\n",
 "bom": b"\xef\xbb\xbfa = 1\n",
 "nul-byte": b"a = \"x\x00y\"\n",
 "invalid-utf8-string": b"a = \"\xff\"\n",
 "invalid-utf8-comment": b"# \xc3\x28\na = 1\n",
 "utf8-string": "a = \"h\u00e9llo \u2603 \U0001F600\"\n".encode(),
 "utf8-ident": "caf\u00e9 = 1\n\u540d\u524d = 2\n".encode(),
 "utf8-ident-digit": "a\u0663 = 1\n".encode(),
 "utf8-symbol-key": "\u2192 = 1\n".encode(),
 "private-use-e123": "a = \"\ue123\"\n".encode(),
 # identifiers and keys
 "ident-dash-dot": b"my-cool-key = 1\nfoo.bar.baz = 2\na- = 3\nx..y = 4\n",
 "ident-leading-dash": b"-x = 1\n",
 "key-quoted": b"\"quoted key\" = 1\n\"a.b\" = 2\n",
 "key-true": b"true = 1\n",
 "key-quoted-true": b"\"true\" = 1\n",
 "value-ident": b"a = foo\n",
 "value-null": b"a = null\n",
 "key-case-kept": b"Count = 1\ncount = 2\n",
 # numbers
 "num-decimal": b"a = 42\nb = -7\nc = 0\n",
 "num-hex": b"a = 0x1F\nb = 0X1f\nc = -0x10\n",
 "num-hex-empty": b"a = 0x\n",
 "num-octal": b"a = 0755\nb = 0644\nc = 00\n",
 "num-octal-08": b"a = 08\n",
 "num-octal-018": b"a = 018\n",
 "num-octal-float": b"a = 018.5\nb = 089.5\nc = 09e1\n",
 "num-float": b"a = 1.5\nb = 1.\nc = .5\nd = -0.5\ne = 1e2\nf = 1.5e3\ng = 1E-2\n",
 "num-exponent-bare": b"a = 1e\n",
 "num-exponent-bare-eof": b"a = 1e",
 "num-dot-exponent": b"a = .5e3\n",
 "num-two-dots": b"a = 1.2.3\n",
 "num-then-ident": b"a = 9a\n",
 "num-space-minus": b"a = - 3\n",
 "num-plus": b"a = +1\n",
 "num-int64-max": b"a = 9223372036854775807\nb = -9223372036854775808\n",
 "num-int64-overflow": b"a = 9223372036854775808\n",
 "num-float-overflow": b"a = 1e400\n",
 "num-float-underflow": b"a = 1e-400\n",
 # strings and escapes
 "str-escapes": b"a = \"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"\n",
 "str-octal-hex": b"a = \"\\101\\x42\\u0043\\U00000044\"\n",
 "str-hex-high-byte": b"a = \"\\xff\"\n",
 "str-octal-377": b"a = \"\\377\"\n",
 "str-octal-777": b"a = \"\\777\"\n",
 "str-U-too-big": b"a = \"\\U00110000\"\n",
 "str-surrogate": b"a = \"\\ud800\"\n",
 "str-escape-q": b"a = \"\\q\"\n",
 "str-escape-slash": b"a = \"\\/\"\n",
 "str-escape-dollar": b"a = \"\\${x}\"\n",
 "str-escape-short-hex": b"a = \"\\x4\"\n",
 "str-escape-short-octal": b"a = \"\\12\"\n",
 "str-single-quote": b"a = 'x'\n",
 "str-newline": b"a = \"x\ny\"\n",
 "str-unterminated-eof": b"a = \"abc",
 "str-dollar-alone": b"a = \"$x {y} ${a}}\"\n",
 "str-double-dollar": b"a = \"$${y}\"\n",
 "str-interp-quotes": b"a = \"${foo(\"bar\")}\"\n",
 "str-interp-nested-braces": b"a = \"${a{b{c}}}\"\n",
 "str-interp-newline": b"a = \"${a\nb}\"\n",
 "str-interp-escape-raw": b"a = \"${x\\\"}\"\nb = \"${x\\\\y}\"\n",
 "str-interp-brace-in-string": b"a = \"${ \"}\" }\"\n",
 "str-interp-unbalanced": b"a = \"${abc\"\n",
 "str-empty": b"a = \"\"\n",
 "str-nul-escape": b"a = \"\\u0000\"\n",
 # heredocs
 "heredoc-basic": b"a = <<EOF\nhello\nworld\nEOF\n",
 "heredoc-empty": b"a = <<EOF\nEOF\n",
 "heredoc-indented-close": b"a = <<EOF\nfoo\n  EOF\n",
 "heredoc-indent-strip": b"a = <<-EOF\n    foo\n      bar\n    EOF\n",
 "heredoc-indent-mismatch": b"a = <<-EOF\n    foo  \n  bar\n    EOF\n",
 "heredoc-indent-blank-line": b"a = <<-EOF\n  foo\n\n  bar\n  EOF\n",
 "heredoc-indent-unindented-close": b"a = <<-EOF\n  foo\nEOF\n",
 "heredoc-indent-empty": b"a = <<-EOF\nEOF\n",
 "heredoc-no-final-newline": b"a = <<EOF\nfoo\nEOF",
 "heredoc-anchor-space": b"a = << EOF\nfoo\nEOF\n",
 "heredoc-anchor-trailing": b"a = <<EOF x\nfoo\nEOF\n",
 "heredoc-zero-anchor": b"a = <<\nfoo\n\n",
 "heredoc-single-lt": b"a = <EOF\n",
 "heredoc-eof-after-lt": b"a = <<",
 "heredoc-not-closer": b"a = <<EOF\nEOFX\nyEOF\nEOF  \nEOF\n",
 "heredoc-numeric-anchor": b"a = <<123\nx\n123\n",
 "heredoc-interp-kept": b"a = <<EOF\n${x} \\n \"q\"\nEOF\n",
 "heredoc-in-list": b"a = [<<EOF\nx\nEOF\n, \"y\"]\n",
 "heredoc-cr-close": b"a = <<EOF\nfoo\nEOF\r\r\n",
 "heredoc-as-key": b"<<EOF\nx\nEOF\n = 1\n",
 # lists
 "list-commas": b"a = [1,,2]\nb = [,]\nc = [1,]\n",
 "list-nested": b"a = [[1][2]]\nb = [[1], [2, [3]]]\n",
 "list-nested-then-elem": b"a = [[1] 2]\n",
 "list-missing-comma": b"a = [1 2]\n",
 "list-object": b"a = [{b = 1}, {c = [2]}]\n",
 "list-mixed": b"a = [1, \"two\", 3.5, true, <<E\nx\nE\n]\n",
 "list-ident": b"a = [foo]\n",
 "list-unterminated": b"a = [1, 2\n",
 "list-bools": b"a = [true, false]\n",
 "list-repeated-concat": b"a = [1]\na = [2, 3]\n",
 # objects, blocks, labels
 "block-vs-assign": b"x { a = 1 }\ny = { a = 1 }\n",
 "block-empty": b"x {}\n",
 "block-labels": b"a \"b\" \"c\" { x = 1 }\n",
 "block-ident-labels": b"group foo { count = 1 }\n",
 "block-many-labels": b"a b c d e { x = 1 }\n",
 "block-repeated": b"x { a = 1 }\nx { b = 2 }\n",
 "block-labels-repeated": b"a \"b\" { x = 1 }\na \"c\" { y = 2 }\na \"b\" { z = 3 }\n",
 "block-label-case-merge": b"a \"x\" { p = 1 }\nA \"y\" { q = 2 }\n",
 "block-labelled-unlabelled": b"a \"b\" { x = 1 }\na { y = 2 }\n",
 "block-unlabelled-labelled": b"a { y = 2 }\na \"b\" { x = 1 }\n",
 "block-one-line-commas": b"a = {b = 1, c = 2}\nd = {e = 1 f = 2}\n",
 "block-labels-assign": b"port \"http\" = {}\n",
 "block-two-keys-assign": b"a b = 1\n",
 "block-no-keys": b"= 1\n",
 "block-brace-start": b"{ }\n",
 "block-key-only": b"a\n",
 "block-key-then-number": b"a 1\n",
 "block-unclosed": b"job \"x\" {\n  a = 1\n",
 "block-extra-close": b"a = 1\n}\n",
 "block-item-commas": b"a = 1, b = 2,\n",
 "block-double-comma": b"a = 1,, b = 2\n",
 "scalar-repeated-last-wins": b"a = 1\na = 2\nb = \"x\"\nb = \"y\"\n",
 "scalar-repeated-type-int-string": b"a = 1\na = \"x\"\n",
 "scalar-repeated-type-string-int": b"a = \"x\"\na = 1\n",
 "scalar-repeated-type-int-float": b"a = 1\na = 2.5\n",
 "scalar-repeated-type-float-int": b"a = 1.5\na = 2\n",
 "scalar-repeated-type-bool-int": b"a = true\na = 1\n",
 "scalar-then-block": b"a = 1\na { b = 2 }\n",
 "block-then-scalar": b"a { b = 2 }\na = 1\n",
 "list-then-scalar": b"a = [1]\na = 2\n",
 "scalar-then-list": b"a = 1\na = [2]\n",
 "list-then-block": b"a = [1]\na { b = 1 }\n",
 "block-then-list": b"a { b = 1 }\na = [1]\n",
 "object-in-list-then-block": b"x = [{a = 1}]\nx { b = 2 }\n",
 # the reference's acceptance quirks
 "quirk-value-runs-into-brace": b"x { a = } }\n",
 "quirk-value-runs-into-brace-keeps-earlier": b"x { k = 1, a = } }\n",
 "quirk-value-runs-into-brace-needs-close": b"x { a = }\n",
 "quirk-list-runs-into-brace": b"x { a = [1, } }\n",
 "quirk-list-needcomma-brace": b"x { a = [1 } }\n",
 "quirk-nested-list-brace": b"x { a = [[1 } }\n",
 "quirk-list-in-list-object": b"a = [ { b = } } ]\n",
 "quirk-top-level-brace": b"a = }\n",
 "quirk-top-level-trailing-assign": b"a = 1\nb =\n",
 "quirk-top-level-trailing-assign-two-keys": b"a b =\n",
 "quirk-block-trailing-assign": b"x { a =\n",
 "quirk-key-then-brace": b"x { a }\n",
 "quirk-dropped-bad-number": b"x { a = [1e } }\n",
 "deep-nesting-ok": b"a = " + b"[" * 100 + b"]" * 100 + b"\n",
 "deep-nesting-limit": b"a = " + b"[" * 300 + b"]" * 300 + b"\n",
 "stray-close-bracket": b"a = 1 ]\n",
 "stray-period": b"a = 1 . 2\n",
 "illegal-char": b"a = 1;\n",
 "star-slash": b"*/\n",
}

# rktc refuses these on purpose (an explicit limit), where HCL1 accepts them
LIMITS = {"deep-nesting-limit"}

def main():
    ref, rktc = sys.argv[1], sys.argv[2]
    out_dir = os.path.join(os.path.dirname(__file__), "..", "testdata", "parse")
    os.makedirs(out_dir, exist_ok=True)
    bad = 0
    for name, data in sorted(CASES.items()):
        path = os.path.join(out_dir, name + ".hcl")
        with open(path, "wb") as f:
            f.write(data)
        r = subprocess.run([ref, path], capture_output=True)
        ok = r.returncode == 0 and not r.stdout.startswith(b"ERROR")
        g = subprocess.run([rktc, "parse", "testdata/parse/" + name + ".hcl"],
                           capture_output=True, cwd=os.path.join(out_dir, "..", ".."))
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
                print(f"DISAGREE {name}: reference accepts, rktc refuses: {g.stderr.decode(errors='replace').strip()}")
                bad += 1
                continue
            want = json.dumps(json.loads(r.stdout), sort_keys=True, indent=2, ensure_ascii=False)
            with open(os.path.join(out_dir, name + ".out"), "w") as f:
                f.write(want + "\n")
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
