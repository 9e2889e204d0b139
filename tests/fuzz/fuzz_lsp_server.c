/* fuzz_lsp_server.c — libFuzzer harness for rktc lsp's server on framed
 * input: after an initialize and the opening of a small job, the input is
 * read as a stream of messages (lsp_server_step) and the documents are
 * checked at the end (lsp_server_flush), all in process. Explores the
 * lifecycle, document changes (ranged ones included), hover, code actions
 * and refused messages. */
#include "lsp/rpc.h"
#include "lsp/server.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static void send(struct lsp_server *s, struct buf *out, const char *body) {
    lsp_server_message(s, body, strlen(body), out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 16)
        return 0;
    struct lsp_options o;
    lsp_options_default(&o);
    o.isolate = false;
    o.max_message = 8192;
    struct lsp_server *s = lsp_server_new(&o);
    struct buf out;
    buf_init(&out);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
                  "\"textDocument\":{\"uri\":\"untitled:a\",\"languageId\":\"hcl\",\"version\":1,"
                  "\"text\":\"job \\\"j\\\" {\\n  regoin = \\\"\\u00e9\\\"\\n  group \\\"g\\\" {\\n"
                  "    task \\\"t\\\" {\\n      driver = \\\"rkt\\\"\\n      config { imgae = \\\"a\\\" }"
                  "\\n    }\\n  }\\n}\\n\"}}}");
    struct rpc_reader r;
    rpc_reader_init(&r, o.max_message);
    rpc_reader_feed(&r, (const char *)data, size);
    int status;
    for (int steps = 0; steps < 64 && !lsp_server_exited(s, &status); steps++) {
        if (!lsp_server_step(s, &r, &out))
            break;
        buf_clear(&out);
    }
    lsp_server_flush(s, &out);
    rpc_reader_free(&r);
    buf_free(&out);
    lsp_server_free(s);
    return 0;
}
