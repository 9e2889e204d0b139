#!/usr/bin/env python3
"""lsp_seeds.py DIR — seed inputs for tests/fuzz/fuzz_lsp.c: two bytes that
choose the read sizes, then a stream of framed LSP messages (a session, a
batch, broken headers, an oversized body)."""
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def frame(body, header=None):
    body = body if isinstance(body, bytes) else json.dumps(body).encode()
    return (header or b"Content-Length: %d\r\n\r\n" % len(body)) + body


uri = "file:///w/job.nomad"
session = [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
    {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "hcl", "version": 1,
        "text": 'job "x" {\n  regoin = "\U0001F600"\n}\n'}}},
    {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": uri}, "position": {"line": 1, "character": 3}}},
    {"jsonrpc": "2.0", "id": "c", "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 9}},
        "context": {"diagnostics": [], "only": ["quickfix"]}}},
    {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
    {"jsonrpc": "2.0", "method": "exit"},
]
seeds = {
    "session": b"".join(frame(m) for m in session),
    "batch": frame([session[0], session[5]]),
    "broken": frame(b"{", b"Content-Length: 1\r\n\r\n") + b"Content-Length: x\r\n\r\n{}" +
              frame(b"{}", b"content-length:2\n\n"),
    "large": frame(b'{"jsonrpc":"2.0","method":"textDocument/didChange","params":'
                   b'{"textDocument":{"uri":"' + uri.encode() + b'","version":2},'
                   b'"contentChanges":[{"text":"' + b"x" * 5000 + b'"}]}}'),
    "errors": b"".join(frame(b) for b in (b'{"jsonrpc":"2.0","id":[1]}', b'42', b'',
                                          b'{"jsonrpc":"2.0","id":1e400,"method":"\\u0000"}')),
}
for i, (name, data) in enumerate(sorted(seeds.items())):
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([i, 1 + i * 7]) + data)
