/* Tests for rktc lsp's protocol layer: Content-Length framing (whole,
 * split at every byte, several messages in one read), malformed headers
 * and oversized bodies, JSON-RPC classification and errors, UTF-16
 * positions, and the server's answers to single messages (in process). */
#include "diag/diag.h"
#include "lsp/position.h"
#include "lsp/rpc.h"
#include "lsp/server.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void feed_str(struct rpc_reader *r, const char *s) { rpc_reader_feed(r, s, strlen(s)); }

static char *next_body(struct rpc_reader *r, enum rpc_event want) {
    const char *body;
    size_t len;
    enum rpc_event ev = rpc_reader_next(r, &body, &len);
    cr_assert_eq(ev, want, "event %d, want %d", ev, want);
    if (ev != RPC_MESSAGE && ev != RPC_TOO_LARGE)
        return NULL;
    char *copy = malloc(len + 1);
    memcpy(copy, body, len);
    copy[len] = '\0';
    return copy;
}

Test(lsp_framing, one_message) {
    struct rpc_reader r;
    rpc_reader_init(&r, 1024);
    feed_str(&r, "Content-Length: 7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8"
                 "\r\n\r\n{\"a\":1}");
    char *b = next_body(&r, RPC_MESSAGE);
    cr_expect_str_eq(b, "{\"a\":1}");
    free(b);
    next_body(&r, RPC_NEED_MORE);
    cr_expect_eq(rpc_reader_held(&r), 0);
    rpc_reader_free(&r);
}

Test(lsp_framing, nothing_yet) {
    struct rpc_reader r;
    rpc_reader_init(&r, 1024);
    next_body(&r, RPC_NEED_MORE);
    rpc_reader_feed(&r, "", 0);
    next_body(&r, RPC_NEED_MORE);
    rpc_reader_free(&r);
}

Test(lsp_framing, split_at_every_byte) {
    const char *stream = "Content-Length: 2\r\n\r\n{}content-length:3\r\n\r\n[1]";
    size_t n = strlen(stream);
    for (size_t cut = 0; cut <= n; cut++) {
        struct rpc_reader r;
        rpc_reader_init(&r, 1024);
        int got = 0;
        const char *body;
        size_t len;
        for (size_t i = 0; i < n; i++) { /* byte by byte up to cut, then the rest */
            size_t step = i < cut ? 1 : n - i;
            rpc_reader_feed(&r, stream + i, step);
            i += step - 1;
            while (rpc_reader_next(&r, &body, &len) == RPC_MESSAGE) {
                cr_expect_eq(len, got == 0 ? 2u : 3u);
                cr_expect(memcmp(body, got == 0 ? "{}" : "[1]", len) == 0);
                got++;
            }
        }
        cr_expect_eq(got, 2, "cut %zu: %d messages", cut, got);
        rpc_reader_free(&r);
    }
}

Test(lsp_framing, batch_in_one_read) {
    struct rpc_reader r;
    rpc_reader_init(&r, 1024);
    char stream[4096] = "";
    for (int i = 0; i < 50; i++) {
        char body[64], msg[128];
        snprintf(body, sizeof body, "{\"id\":%d}", i);
        snprintf(msg, sizeof msg, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
        strcat(stream, msg);
    }
    feed_str(&r, stream);
    for (int i = 0; i < 50; i++) {
        char *b = next_body(&r, RPC_MESSAGE), want[64];
        snprintf(want, sizeof want, "{\"id\":%d}", i);
        cr_expect_str_eq(b, want);
        free(b);
    }
    next_body(&r, RPC_NEED_MORE);
    rpc_reader_free(&r);
}

Test(lsp_framing, bare_newlines_and_blank_lines_between) {
    struct rpc_reader r;
    rpc_reader_init(&r, 1024);
    feed_str(&r, "\r\nContent-Length: 2\n\n{}\r\n");
    free(next_body(&r, RPC_MESSAGE));
    next_body(&r, RPC_NEED_MORE);
    rpc_reader_free(&r);
}

Test(lsp_framing, malformed_headers_resync) {
    struct rpc_reader r;
    rpc_reader_init(&r, 1024);
    feed_str(&r, "Content-Length: x\r\n\r\ngarbage");
    next_body(&r, RPC_BAD_HEADER);
    feed_str(&r, "Content-Length: 2\r\n\r\n{}");
    char *b = next_body(&r, RPC_MESSAGE);
    cr_expect_str_eq(b, "{}");
    free(b);
    /* no colon; two different lengths; an overflowing length */
    feed_str(&r, "Nonsense\r\n\r\n");
    next_body(&r, RPC_BAD_HEADER);
    feed_str(&r, "Content-Length: 2\r\nContent-Length: 3\r\n\r\n");
    next_body(&r, RPC_BAD_HEADER);
    feed_str(&r, "Content-Length: 99999999999999999999999999\r\n\r\n");
    next_body(&r, RPC_BAD_HEADER);
    rpc_reader_free(&r);
}

Test(lsp_framing, endless_header_is_dropped) {
    struct rpc_reader r;
    rpc_reader_init(&r, 1024);
    char junk[RPC_MAX_HEADER + 100];
    memset(junk, 'x', sizeof junk);
    rpc_reader_feed(&r, junk, sizeof junk);
    next_body(&r, RPC_BAD_HEADER);
    cr_expect_lt(rpc_reader_held(&r), 64u);
    rpc_reader_free(&r);
}

Test(lsp_framing, oversized_body_is_skipped_not_held) {
    struct rpc_reader r;
    rpc_reader_init(&r, 100);
    feed_str(&r, "Content-Length: 100000\r\n\r\n{\"method\":\"x\",\"params\":{\"uri\":\"file:///a\"");
    next_body(&r, RPC_NEED_MORE);
    char chunk[1000];
    memset(chunk, ' ', sizeof chunk);
    size_t sent = strlen("{\"method\":\"x\",\"params\":{\"uri\":\"file:///a\"");
    while (sent + sizeof chunk <= 100000) {
        rpc_reader_feed(&r, chunk, sizeof chunk);
        sent += sizeof chunk;
        cr_assert_leq(rpc_reader_held(&r), (size_t)RPC_SNIFF_BYTES + 1000);
        if (sent < 100000)
            next_body(&r, RPC_NEED_MORE);
    }
    rpc_reader_feed(&r, chunk, 100000 - sent);
    feed_str(&r, "Content-Length: 2\r\n\r\n{}");
    char *start = next_body(&r, RPC_TOO_LARGE);
    cr_expect(strstr(start, "file:///a") != NULL);
    cr_expect_eq(r.skipped, 100000u);
    free(start);
    char *b = next_body(&r, RPC_MESSAGE);
    cr_expect_str_eq(b, "{}");
    free(b);
    rpc_reader_free(&r);
}

static void parse_str(const char *body, struct rpc_message *m) { rpc_parse(body, strlen(body), m); }

Test(lsp_jsonrpc, kinds) {
    struct rpc_message m;
    parse_str("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}", &m);
    cr_expect_eq(m.kind, RPC_REQUEST);
    cr_expect_str_eq(m.method, "initialize");
    rpc_message_free(&m);
    parse_str("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}", &m);
    cr_expect_eq(m.kind, RPC_NOTIFICATION);
    cr_expect_null(m.params);
    rpc_message_free(&m);
    parse_str("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":null}", &m);
    cr_expect_eq(m.kind, RPC_RESPONSE);
    rpc_message_free(&m);
}

Test(lsp_jsonrpc, invalid_messages) {
    static const struct {
        const char *body;
        int code;
        bool has_id;
    } cases[] = {
        {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"", RPC_PARSE_ERROR, false},
        {"", RPC_PARSE_ERROR, false},
        {"\xff\xfe", RPC_PARSE_ERROR, false},
        {"[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}]", RPC_INVALID_REQUEST, false},
        {"42", RPC_INVALID_REQUEST, false},
        {"{\"id\":1,\"method\":\"x\"}", RPC_INVALID_REQUEST, true},
        {"{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"x\"}", RPC_INVALID_REQUEST, false},
        {"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":7}", RPC_INVALID_REQUEST, true},
        {"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"a\\u0000b\"}", RPC_INVALID_REQUEST, true},
        {"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"x\",\"params\":5}", RPC_INVALID_REQUEST, true},
        {"{\"jsonrpc\":\"2.0\",\"id\":4}", RPC_INVALID_REQUEST, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct rpc_message m;
        parse_str(cases[i].body, &m);
        cr_expect_eq(m.kind, RPC_INVALID, "case %zu", i);
        cr_expect_eq(m.error_code, cases[i].code, "case %zu: %d", i, m.error_code);
        cr_expect_eq(m.id != NULL, cases[i].has_id, "case %zu", i);
        rpc_message_free(&m);
    }
}

Test(lsp_jsonrpc, error_echoes_the_id) {
    struct rpc_message m;
    parse_str("{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"method\":7}", &m);
    struct buf out;
    buf_init(&out);
    rpc_error(&out, m.id, m.error_code, m.error_message);
    cr_expect(strstr(out.data, "\"id\":\"a\\\"b\"") != NULL, "%s", out.data);
    cr_expect(strncmp(out.data, "Content-Length: ", 16) == 0);
    size_t len = strtoul(out.data + 16, NULL, 10);
    cr_expect_eq(len, strlen(strstr(out.data, "\r\n\r\n") + 4));
    buf_free(&out);
    rpc_message_free(&m);
}

Test(lsp_position, utf16_units) {
    /* "é" is 2 bytes / 1 unit; U+1F600 is 4 bytes / 2 units */
    const char *text = "a\xc3\xa9" "b\n\xf0\x9f\x98\x80x\r\ny";
    struct source *src = source_from_memory("t", text, strlen(text));
    struct lsp_position p = lsp_position(src, 3); /* b */
    cr_expect_eq(p.line, 0);
    cr_expect_eq(p.character, 2);
    p = lsp_position(src, 9); /* x after the emoji */
    cr_expect_eq(p.line, 1);
    cr_expect_eq(p.character, 2);
    p = lsp_position(src, 7); /* inside the emoji: its start */
    cr_expect_eq(p.character, 0);
    struct lsp_position q = {1, 2};
    cr_expect_eq(lsp_offset(src, q), 9u);
    q.character = 1; /* inside the surrogate pair */
    cr_expect_eq(lsp_offset(src, q), 5u);
    q.character = 99; /* past the line: before "\r\n" */
    cr_expect_eq(lsp_offset(src, q), 10u);
    q.line = 2, q.character = 0;
    cr_expect_eq(lsp_offset(src, q), 12u);
    q.line = 40;
    cr_expect_eq(lsp_offset(src, q), (uint32_t)strlen(text));
    for (uint32_t off = 0; off <= strlen(text); off++) {
        uint32_t back = lsp_offset(src, lsp_position(src, off));
        cr_expect_leq(back, off);
    }
    source_free(src);
}

/* ---- the server, one message at a time (checks in process) ---- */

static struct lsp_server *server(void) {
    struct lsp_options o;
    lsp_options_default(&o);
    o.isolate = false;
    return lsp_server_new(&o);
}

static void send(struct lsp_server *s, struct buf *out, const char *body) {
    lsp_server_message(s, body, strlen(body), out);
}

Test(lsp_server, lifecycle_and_errors) {
    struct lsp_server *s = server();
    struct buf out;
    buf_init(&out);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}");
    cr_expect(strstr(out.data, "-32002") != NULL, "%s", out.data);
    buf_clear(&out);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{}}");
    cr_expect(strstr(out.data, "\"hoverProvider\":true") != NULL);
    buf_clear(&out);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/rename\",\"params\":{}}");
    cr_expect(strstr(out.data, "\"id\":3,\"error\":{\"code\":-32601") != NULL, "%s", out.data);
    buf_clear(&out);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"method\":\"no/such/notification\"}");
    cr_expect_eq(out.len, 0);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\"}");
    cr_expect(strstr(out.data, "\"id\":4,\"result\":null") != NULL);
    int status;
    cr_expect(!lsp_server_exited(s, &status));
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    cr_expect(lsp_server_exited(s, &status));
    cr_expect_eq(status, 0);
    buf_free(&out);
    lsp_server_free(s);
}

Test(lsp_server, changes_wait_for_flush_and_check_the_latest_text) {
    struct lsp_server *s = server();
    struct buf out;
    buf_init(&out);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    buf_clear(&out);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{"
                  "\"textDocument\":{\"uri\":\"untitled:a\",\"languageId\":\"hcl\",\"version\":1,"
                  "\"text\":\"job {\"}}}");
    for (int v = 2; v < 50; v++) {
        char msg[512];
        snprintf(msg, sizeof msg,
                 "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{"
                 "\"textDocument\":{\"uri\":\"untitled:a\",\"version\":%d},\"contentChanges\":"
                 "[{\"text\":\"job \\\"j\\\" {\\n  regoin = \\\"%d\\\"\\n}\\n\"}]}}", v, v);
        send(s, &out, msg);
    }
    cr_expect_eq(out.len, 0, "nothing is checked before the flush");
    cr_expect(lsp_server_stale(s));
    lsp_server_flush(s, &out);
    cr_expect(!lsp_server_stale(s));
    cr_expect(strstr(out.data, "\"version\":49") != NULL, "%s", out.data);
    cr_expect(strstr(out.data, "NMD001") != NULL, "%s", out.data);
    cr_expect(strstr(out.data, "\"version\":2,") == NULL);
    /* the quick fix of the misspelled key */
    buf_clear(&out);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/codeAction\",\"params\":{"
                  "\"textDocument\":{\"uri\":\"untitled:a\"},\"range\":{\"start\":{\"line\":1,"
                  "\"character\":3},\"end\":{\"line\":1,\"character\":3}},\"context\":"
                  "{\"diagnostics\":[]}}}");
    cr_expect(strstr(out.data, "\"newText\":\"region\"") != NULL, "%s", out.data);
    cr_expect(strstr(out.data, "\"kind\":\"quickfix\"") != NULL);
    buf_clear(&out);
    send(s, &out, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{"
                  "\"textDocument\":{\"uri\":\"untitled:a\"}}}");
    cr_expect(strstr(out.data, "\"diagnostics\":[]") != NULL);
    cr_expect_eq(lsp_server_documents(s), 0);
    buf_free(&out);
    lsp_server_free(s);
}

Test(lsp_server, step_reads_framed_input) {
    struct lsp_server *s = server();
    struct rpc_reader r;
    rpc_reader_init(&r, 1 << 20);
    struct buf out;
    buf_init(&out);
    const char *init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":null}";
    char stream[256];
    snprintf(stream, sizeof stream, "Content-Length: %zu\r\n\r\n%sContent-Length: 5\r\n\r\n{bad}",
             strlen(init), init);
    feed_str(&r, stream);
    cr_expect(lsp_server_step(s, &r, &out));
    cr_expect(lsp_server_step(s, &r, &out));
    cr_expect(!lsp_server_step(s, &r, &out));
    cr_expect(strstr(out.data, "\"capabilities\"") != NULL, "%s", out.data);
    cr_expect(strstr(out.data, "\"id\":null,\"error\":{\"code\":-32700") != NULL, "%s", out.data);
    buf_free(&out);
    rpc_reader_free(&r);
    lsp_server_free(s);
}

Test(lsp_diag, edit_key_keeps_quotes) {
    const char *text = "\"imgae\" = 1\nimgae = 2\n";
    struct source *src = source_from_memory("t", text, strlen(text));
    struct diag_list list;
    diag_list_init(&list);
    struct diag *d = diag_add(&list, RULE_NMD001, src, span_make(0, 7), "x");
    diag_edit_key(d, src, span_make(0, 7), "image");
    d = diag_add(&list, RULE_NMD001, src, span_make(12, 17), "x");
    diag_edit_key(d, src, span_make(12, 17), "image");
    diag_edit_key(d, src, span_make(12, 17), "bad\"key"); /* refused */
    cr_expect_str_eq(list.items[0].edits[0].text, "\"image\"");
    cr_expect_str_eq(list.items[1].edits[0].text, "image");
    cr_expect_eq(list.items[1].edit_count, 1);
    diag_list_free(&list);
    source_free(src);
}
