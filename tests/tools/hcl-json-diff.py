#!/usr/bin/env python3
"""hcl-json-diff.py HCL1JSON RKTC [COUNT] [SEED] — differential test of the
HCL-JSON reader: random small HCL-JSON documents (valid shapes with random
edits at the character level) go to the HCL1 reference and to
`rktc parse`; they must agree on accepting, on the decoded value, and on
the error text and its line:column. Prints each disagreement and a final
'N passed, N failed' line; exit 1 on any disagreement.

Known and accepted: where the reference reads past the end of the input
twice before an error (`{"a":0` at end of file), its column is one beyond
any byte of the file; rktc points at the end of the file instead. Those
cases are counted as passed. Inputs where the reference crashes (Go panic)
only need rktc to refuse them."""
import json, os, random, re, subprocess, sys, tempfile

ATOMS = [b'{', b'}', b'[', b']', b',', b':', b'"', b'\\', b'a', b'e', b'E', b'0', b'1', b'9',
         b'.', b'-', b'+', b' ', b'\n', b'\r', b'\t', b'true', b'false', b'null', b'x', b'u',
         b'U', b'$', b'\x00', b'\xff', b'\xc3\xa9', b'\xe2\x86\x92', b'\\u00e9', b'\\x4',
         b'\\101', b'\\n', b"'", b'/', b'#', b'"k"', b'"job"', b'"group"']
KEYS = [b'"k"', b'"j"', b'"job"', b'"g"', b'"task"']


def value(rnd, depth=0):
    r = rnd.random()
    if depth > 3 or r < 0.3:
        return rnd.choice([b'1', b'-2.5e3', b'"s"', b'true', b'null', b'0', b'"\\u00e9"',
                           b'[]', b'{}', b'"${x}"'])
    if r < 0.6:
        return b'[' + b','.join(value(rnd, depth + 1) for _ in range(rnd.randint(0, 3))) + b']'
    return b'{' + b','.join(rnd.choice(KEYS) + b':' + value(rnd, depth + 1)
                            for _ in range(rnd.randint(0, 3))) + b'}'


def document(rnd):
    if rnd.random() < 0.5:
        doc = bytearray(b'{"a":' + value(rnd) + b',"b":' + value(rnd) + b'}')
        for _ in range(rnd.randint(0, 3)):
            p = rnd.randrange(len(doc) + 1)
            k = rnd.random()
            if k < 0.4:
                doc[p:p + 1] = b''
            elif k < 0.8:
                doc[p:p] = rnd.choice(ATOMS)
            else:
                doc[p:p + 1] = rnd.choice(ATOMS)
        return bytes(doc)
    body = b''.join(rnd.choice(ATOMS) for _ in range(rnd.randint(1, 12)))
    return (rnd.choice([b'{"a":', b'{"a": [', b'{"a": "', b'{', b'{"a": {"b":']) + body +
            rnd.choice([b'', b'}', b']}', b'"}']))


def past_end(doc, line, col):
    """True when line:col lies beyond the last byte of doc (see above)."""
    lines = doc.split(b'\n')
    if line != len(lines):
        return False
    return col > len(lines[-1].decode('utf-8', errors='replace')) + 1


def main():
    ref, rktc = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'case.json')
        for _ in range(count):
            doc = document(rnd)
            if not doc.lstrip(b' \t\r\n').startswith(b'{'):
                continue
            with open(path, 'wb') as f:
                f.write(doc)
            r = subprocess.run([ref, path], capture_output=True)
            g = subprocess.run([rktc, 'parse', path], capture_output=True)
            problem = None
            if r.returncode == 0:
                try:
                    same = g.returncode == 0 and json.loads(r.stdout) == json.loads(g.stdout)
                except ValueError:
                    same = False
                if not same:
                    problem = f'value differs: reference {r.stdout[:80]!r} rktc {g.stdout[:80]!r}'
            elif g.returncode != 2:
                problem = f'reference refuses, rktc exit {g.returncode}'
            else:
                out = r.stdout.decode(errors='replace').strip()
                mine = g.stderr.decode(errors='replace')
                m = re.search(r':(\d+):(\d+): error\[(HCL00\d)\]: (.*)', mine)
                if out.startswith('ERROR: ') and m and m.group(3) == 'HCL001':
                    want = out[len('ERROR: '):]
                    pos = re.match(r'(\d+):(\d+): (.*)', want)
                    got_line, got_col, got_msg = int(m.group(1)), int(m.group(2)), m.group(4)
                    if pos:
                        line, col, msg = int(pos.group(1)), int(pos.group(2)), pos.group(3)
                        if msg != got_msg or ((line, col) != (got_line, got_col) and
                                              not past_end(doc, line, col)):
                            problem = f'error differs: reference {want!r} rktc {m.group(0)!r}'
                    elif want != got_msg:
                        problem = f'error differs: reference {want!r} rktc {m.group(0)!r}'
            if problem:
                failed += 1
                print(f'DISAGREE {doc!r}: {problem}')
            else:
                passed += 1
    print(f'hcl-json differential: {passed} passed, {failed} failed')
    return 1 if failed else 0


sys.exit(main())
