/* fuzz_lsp.c — libFuzzer harness for rktc lsp's message reader: the bytes
 * go through the Content-Length reader in chunks whose sizes the input's
 * first bytes choose (so partial reads are explored), under a small body
 * limit (so oversized bodies are skipped); every message is read as
 * JSON-RPC and answered with an error response carrying its id; every
 * message's text is also taken as a document and positions are mapped
 * both ways. The reader must never hold more than the limit plus one
 * chunk. */
#include "lsp/position.h"
#include "lsp/rpc.h"
#include "source.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define LIMIT 4096

static void message(const char *body, size_t len) {
    struct rpc_message m;
    rpc_parse(body, len, &m);
    struct buf out;
    buf_init(&out);
    rpc_error(&out, m.id, m.kind == RPC_INVALID ? m.error_code : -32601,
              m.error_message ? m.error_message : (m.method ? m.method : "x"));
    buf_free(&out);
    rpc_message_free(&m);
    struct source *src = source_from_memory("doc", body, len);
    for (uint32_t off = 0; off <= len; off += 1 + off / 8) {
        struct lsp_position p = lsp_position(src, off);
        uint32_t back = lsp_offset(src, p);
        if (back > off)
            abort();
        p.character += 3;
        (void)lsp_offset(src, p);
    }
    source_free(src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 20)
        return 0;
    struct rpc_reader r;
    rpc_reader_init(&r, LIMIT);
    size_t at = size >= 2 ? 2 : size;
    unsigned seed = size >= 2 ? (unsigned)data[0] << 8 | data[1] : 7;
    while (at < size) {
        seed = seed * 1103515245u + 12345u;
        size_t chunk = 1 + (seed >> 16) % 97;
        if (chunk > size - at)
            chunk = size - at;
        rpc_reader_feed(&r, (const char *)data + at, chunk);
        at += chunk;
        const char *body;
        size_t len;
        enum rpc_event ev;
        while ((ev = rpc_reader_next(&r, &body, &len)) != RPC_NEED_MORE) {
            if (ev == RPC_MESSAGE)
                message(body, len);
            if (ev == RPC_TOO_LARGE && len > RPC_SNIFF_BYTES)
                abort();
        }
        if (rpc_reader_held(&r) > LIMIT + RPC_MAX_HEADER + RPC_SNIFF_BYTES + 100)
            abort();
    }
    rpc_reader_free(&r);
    return 0;
}
