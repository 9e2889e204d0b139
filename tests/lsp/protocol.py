#!/usr/bin/env python3
"""protocol.py RKTC — rktc lsp at the protocol's edges, as a raw client.

Malformed JSON, invalid requests, unknown methods, requests before
initialize, broken headers, a document over the message limit, a checker
that crashes or hangs, thousands of edits (one check, memory bounded), a
client that goes away (stdin or stdout closed), and exit statuses. Every
exchange has a time limit; exits 1 on the first failure.
"""
import json
import select
import os
import subprocess
import sys
import tempfile
import time

RKTC = os.path.abspath(sys.argv[1])
# under AddressSanitizer, freed memory waits in a quarantine (256 MiB):
# keep it small so the memory bound below measures the server, not ASan
os.environ["ASAN_OPTIONS"] = ":".join(
    x for x in (os.environ.get("ASAN_OPTIONS"), "quarantine_size_mb=4") if x)
failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg, file=sys.stderr)


def frame(obj):
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def parse_frames(data):
    out = []
    while data:
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            fail("unframed output: %r" % data[:200])
            break
        length = None
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None or len(rest) < length:
            fail("bad frame: %r" % head)
            break
        out.append(json.loads(rest[:length]))
        data = rest[length:]
    return out


def run(messages, args=(), env=None, timeout=60):
    data = b"".join(m if isinstance(m, bytes) and m.startswith(b"Content-")
                    else frame(m) for m in messages)
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([RKTC, "lsp", "--debounce=20", *args], input=data,
                       capture_output=True, timeout=timeout, env=e)
    return p.returncode, parse_frames(p.stdout), p.stderr.decode(errors="replace")


def init(i=1):
    return {"jsonrpc": "2.0", "id": i, "method": "initialize",
            "params": {"processId": None, "rootUri": None, "capabilities": {}}}


SHUTDOWN = [{"jsonrpc": "2.0", "id": 99, "method": "shutdown"},
            {"jsonrpc": "2.0", "method": "exit"}]
TMP = tempfile.mkdtemp()
with open(os.path.join(TMP, ".rktc.hcl"), "w") as f:
    f.write('failure_threshold = "warning"\n')
URI = "file://" + TMP + "/job.nomad"
JOB = open(os.path.join(os.path.dirname(__file__), "job.nomad")).read()


def open_doc(text, version=1, uri=URI):
    return {"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "hcl",
                                        "version": version, "text": text}}}


def change(text, version, uri=URI):
    return {"jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": uri, "version": version},
                       "contentChanges": [{"text": text}]}}


def by_id(msgs, i):
    return [m for m in msgs if m.get("id") == i and "method" not in m]


def publishes(msgs):
    return [m["params"] for m in msgs if m.get("method") == "textDocument/publishDiagnostics"]


class Client:
    """An interactive session: send, then read until a condition holds."""

    def __init__(self, args=(), env=None):
        e = dict(os.environ)
        e.update(env or {})
        self.p = subprocess.Popen([RKTC, "lsp", "--debounce=20", *args], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=e)
        self.raw = b""
        self.msgs = []

    def send(self, *messages):
        self.p.stdin.write(b"".join(frame(m) for m in messages))
        self.p.stdin.flush()

    def until(self, cond, what, timeout=60):
        deadline = time.time() + timeout
        while not cond(self.msgs):
            left = deadline - time.time()
            r, _, _ = select.select([self.p.stdout], [], [], max(left, 0))
            if not r:
                fail("timed out waiting for " + what)
                return False
            chunk = os.read(self.p.stdout.fileno(), 1 << 20)
            if not chunk:
                fail("the server ended while waiting for " + what)
                return False
            self.raw += chunk
            while True:
                head, sep, rest = self.raw.partition(b"\r\n\r\n")
                if not sep:
                    break
                n = int(head.split(b":")[1])
                if len(rest) < n:
                    break
                self.msgs.append(json.loads(rest[:n]))
                self.raw = rest[n:]
        return True

    def published(self, version=None):
        return self.until(lambda ms: any(p.get("version") == version or version is None
                                         for p in publishes(ms)), "diagnostics")

    def close(self):
        self.send(*SHUTDOWN)
        self.p.stdin.close()
        self.until(lambda ms: by_id(ms, 99), "the shutdown answer", timeout=30)
        return self.p.wait(timeout=30)


# 1. lifecycle, errors of every kind, and the server stays up between them
status, msgs, err = run([
    {"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}},
    init(2),
    b"{not json",
    {"jsonrpc": "1.0", "id": 3, "method": "shutdown"},
    {"id": 4, "method": "initialized"},
    [{"jsonrpc": "2.0", "id": 5, "method": "shutdown"}],
    {"jsonrpc": "2.0", "id": {"a": 1}, "method": "x"},
    {"jsonrpc": "2.0", "id": 6, "method": "workspace/symbol", "params": {"query": ""}},
    {"jsonrpc": "2.0", "id": 7, "method": 12},
    {"jsonrpc": "2.0", "id": 8, "method": "initialize", "params": {}},
    {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 1}},
    {"jsonrpc": "2.0", "method": "unknown/notification", "params": {}},
    {"jsonrpc": "2.0", "id": "s", "result": None},
    {"jsonrpc": "2.0", "id": 9, "method": "textDocument/hover",
     "params": {"textDocument": {"uri": "file:///nowhere"}, "position": {"line": 0, "character": 0}}},
    *SHUTDOWN,
])
expect = {1: -32002, 3: -32600, 4: -32600, 6: -32601, 7: -32600, 8: -32600}
for i, code in expect.items():
    got = by_id(msgs, i)
    if not got or got[0].get("error", {}).get("code") != code:
        fail("request %s: want error %d, got %r" % (i, code, got))
nulls = [m for m in msgs if m.get("id") is None and "error" in m]
codes = sorted(m["error"]["code"] for m in nulls)
if codes != [-32700, -32600, -32600]:
    fail("errors without an id (parse error, batch, bad id): %r" % codes)
caps = by_id(msgs, 2)[0]["result"]["capabilities"]
if set(caps) != {"positionEncoding", "textDocumentSync", "hoverProvider", "codeActionProvider"}:
    fail("capabilities: %r" % caps)
if by_id(msgs, 9)[0].get("result", "x") is not None:
    fail("hover on an unknown document: want null")
if by_id(msgs, 99)[0].get("result", "x") is not None or status != 0:
    fail("shutdown then exit: want null and status 0, got %r" % status)

# 2. exit without shutdown: status 1; end of input: status 1, no hang
status, msgs, _ = run([init(), {"jsonrpc": "2.0", "method": "exit"}])
if status != 1:
    fail("exit without shutdown: status %d" % status)
status, msgs, _ = run([init(), open_doc(JOB)])
if status != 1:
    fail("end of input: status %d" % status)

# 3. framing: a broken header, a missing length, a bare-LF header, then a
# message in pieces
status, msgs, _ = run([
    init(),
    b"Content-Length: abc\r\n\r\n",
    b"Content-Type: x\r\n\r\n",
    b"Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
    b"Content-Length: 59\n\n" + b'{"jsonrpc":"2.0","id":10,"method":"shutdown","params":null}',
    {"jsonrpc": "2.0", "method": "exit"},
])
if len([m for m in msgs if m.get("error", {}).get("code") == -32700]) != 1:
    fail("malformed headers (resynchronised at the next Content-Length) give one parse error: %r" % msgs)
if len([m for m in msgs if m.get("error", {}).get("code") == -32600]) != 1:
    fail("a repeated equal length is fine, the body {} is an invalid request: %r" % msgs)
if not by_id(msgs, 10) or status != 0:
    fail("after malformed headers the server should go on (status %d)" % status)

# 4. a checker that crashes or hangs: one RKC030 finding, the server goes on
for fault, args in (("crash", ()), ("hang", ("--check-timeout=300",))):
    c = Client(args, {"RKTC_LSP_FAULT": fault})
    c.send(init(), open_doc(JOB))
    c.published()
    status = c.close()
    pub = publishes(c.msgs)
    if not pub or [d["code"] for d in pub[-1]["diagnostics"]] != ["RKC030"] or status != 0:
        fail("%s: want one RKC030 finding and a clean exit, got %r status %d" % (fault, pub, status))

# 5. thousands of edits: checked at the last version, a few times at most,
# and the server's memory does not grow with the number of edits
def rss_after(n):
    p = subprocess.Popen([RKTC, "lsp", "--debounce=200"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    parts = [frame(init()), frame(open_doc(JOB))]
    for v in range(2, n + 2):
        parts.append(frame(change(JOB + "\n# edit %d\n" % v + "#" * 2000, v)))
    data = b"".join(parts) + frame({"jsonrpc": "2.0", "id": 50, "method": "textDocument/hover",
                   "params": {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}})
    p.stdin.write(data)
    p.stdin.flush()
    out = b""
    deadline = time.time() + 60
    while b'"id":50' not in out and time.time() < deadline:
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            break
        out += chunk
    with open("/proc/%d/status" % p.pid) as f:
        rss = [int(l.split()[1]) for l in f if l.startswith("VmHWM")][0]
    p.stdin.write(frame(SHUTDOWN[0]) + frame(SHUTDOWN[1]))
    p.stdin.close()
    out += p.stdout.read()
    p.wait(timeout=30)
    return rss, publishes(parse_frames(out)), p.returncode


small, pub_small, st1 = rss_after(200)
big, pub_big, st2 = rss_after(4000)
if not pub_big or pub_big[-1]["version"] != 4001:
    fail("after 4000 edits the last publish is not of the last version")
if len(pub_big) > 20:
    fail("4000 edits in one burst were checked %d times" % len(pub_big))
if big > small + 20 * 1024:
    fail("memory grows with edits: %d KiB after 200, %d KiB after 4000" % (small, big))
if st1 or st2:
    fail("edit bursts: exit statuses %d %d" % (st1, st2))

# 6. a document over the message limit (64 MiB): refused without being
# held, reported on the document, and the server goes on
huge = JOB + "#" * (65 * 1024 * 1024)
c = Client()
c.send(init(), open_doc(JOB), change(huge, 2))
c.published(2)
status = c.close()
pub = publishes(c.msgs)
if not pub or [d["code"] for d in pub[-1]["diagnostics"]] != ["RKC031"] or status != 0:
    fail("huge document: want one RKC031 finding and a clean exit, got %r" %
         [[d["code"] for d in p["diagnostics"]] for p in pub])

# 7. a client that closes our output: a clean exit, not a signal
p = subprocess.Popen([RKTC, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL)
p.stdout.close()
try:
    p.stdin.write(frame(init()) + frame(open_doc(JOB)) + frame(init(3)))
    p.stdin.flush()
except BrokenPipeError:
    pass
try:
    code = p.wait(timeout=30)
    if code != 1:
        fail("closed output: want status 1, got %d" % code)
except subprocess.TimeoutExpired:
    p.kill()
    fail("closed output: the server hangs")

# 8. unreadable input: the syntax error and nothing else, as check reports
c = Client()
c.send(init(), open_doc('job "x" {\n  group "g" {\n'))
c.published()
c.close()
pub = publishes(c.msgs)
codes = [d["code"] for d in pub[-1]["diagnostics"]] if pub else []
if not codes or any(not c.startswith("HCL") for c in codes):
    fail("syntax error: want only HCL findings, got %r" % codes)

# 9. didClose clears the findings; UTF-16 positions after an astral character
status, msgs, _ = run([init(), open_doc('# \U0001F600\njob "x" {\n  regoin = "g"\n}\n'),
                       {"jsonrpc": "2.0", "id": 20, "method": "textDocument/hover",
                        "params": {"textDocument": {"uri": URI}, "position": {"line": 2, "character": 3}}},
                       {"jsonrpc": "2.0", "method": "textDocument/didClose",
                        "params": {"textDocument": {"uri": URI}}}, *SHUTDOWN])
pub = publishes(msgs)
if len(pub) < 2 or pub[-1]["diagnostics"] != []:
    fail("didClose should publish no findings: %r" % pub)
hover = by_id(msgs, 20)
if not hover or "NMD001" not in (hover[0].get("result") or {}).get("contents", {}).get("value", ""):
    fail("hover on the misspelled key: %r" % hover)

# 10. the document's .rktc.hcl: a rule off, another rule's severity, an
# inline suppression; a bad config: the defaults and a message
cfgdir = tempfile.mkdtemp()
with open(os.path.join(cfgdir, ".rktc.hcl"), "w") as f:
    f.write('rule "RKT023" { enabled = false }\nrule "RKT001" { severity = "style" }\n')
job = JOB.replace('  constraint {', '  # rktc:ignore RKT025 -- tested\n  constraint {', 1)
c = Client()
c.send(init(), open_doc(job, uri="file://" + cfgdir + "/job.nomad"))
c.published()
c.close()
diags = {d["code"]: d for d in publishes(c.msgs)[-1]["diagnostics"]}
if "RKT023" in diags or "RKT025" in diags or diags.get("RKT001", {}).get("severity") != 4:
    fail("configuration and suppressions: %r" % {k: v["severity"] for k, v in diags.items()})
with open(os.path.join(cfgdir, ".rktc.hcl"), "w") as f:
    f.write('bogus = 1\n')
c = Client()
c.send(init(), open_doc(JOB, uri="file://" + cfgdir + "/job.nomad"))
c.until(lambda ms: publishes(ms) and any(m.get("method") == "window/showMessage" for m in ms),
        "the configuration message")
c.close()
codes = [d["code"] for d in publishes(c.msgs)[-1]["diagnostics"]]
if "RKT023" not in codes:
    fail("a bad configuration: the defaults apply, got %r" % codes)

if failures:
    print("lsp protocol: %d failure(s)" % failures, file=sys.stderr)
    sys.exit(1)
print("lsp protocol: passed")
