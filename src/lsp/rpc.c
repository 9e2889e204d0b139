/* rpc.c — LSP base protocol framing and JSON-RPC messages (see rpc.h). */
#include "lsp/rpc.h"

#include "report/report.h"
#include "util/arena.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void rpc_reader_init(struct rpc_reader *r, size_t max_body) {
    memset(r, 0, sizeof *r);
    buf_init(&r->in);
    buf_init(&r->sniff);
    r->max_body = max_body;
}

void rpc_reader_free(struct rpc_reader *r) {
    buf_free(&r->in);
    buf_free(&r->sniff);
    memset(r, 0, sizeof *r);
}

size_t rpc_reader_held(const struct rpc_reader *r) {
    return r->in.len - r->pos + r->sniff.len;
}

static void compact(struct rpc_reader *r) {
    if (r->pos == 0)
        return;
    size_t rest = r->in.len - r->pos;
    if (rest)
        memmove(r->in.data, r->in.data + r->pos, rest);
    r->in.len = rest;
    if (r->in.data)
        r->in.data[rest] = '\0';
    r->pos = 0;
}

/* Consumes up to len bytes of an oversized body; returns how many. */
static size_t skip_bytes(struct rpc_reader *r, const char *data, size_t len) {
    size_t n = len < r->skip ? len : r->skip;
    if (r->sniff.len < RPC_SNIFF_BYTES) {
        size_t keep = RPC_SNIFF_BYTES - r->sniff.len;
        buf_add(&r->sniff, data, n < keep ? n : keep);
    }
    r->skip -= n;
    if (r->skip == 0)
        r->too_large_done = true;
    return n;
}

void rpc_reader_feed(struct rpc_reader *r, const char *data, size_t len) {
    compact(r);
    if (r->skip) {
        size_t n = skip_bytes(r, data, len);
        data += n;
        len -= n;
    }
    if (len)
        buf_add(&r->in, data, len);
}

/* The end of the header block at p (the offset just after the blank
 * line), or 0 when it is not complete yet. */
static size_t header_end(const char *p, size_t avail) {
    size_t limit = avail < RPC_MAX_HEADER ? avail : RPC_MAX_HEADER;
    for (size_t i = 0; i < limit; i++) {
        if (p[i] != '\n')
            continue;
        if (i + 1 < avail && p[i + 1] == '\n')
            return i + 2;
        if (i + 2 < avail && p[i + 1] == '\r' && p[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* Parses the header lines in [p, p+n): the Content-Length value. */
static bool parse_headers(const char *p, size_t n, size_t *length) {
    bool found = false;
    *length = 0;
    size_t i = 0;
    while (i < n) {
        size_t eol = i;
        while (eol < n && p[eol] != '\n')
            eol++;
        size_t end = eol;
        if (end > i && p[end - 1] == '\r')
            end--;
        if (end == i) { /* the blank line */
            i = eol + 1;
            continue;
        }
        const char *colon = memchr(p + i, ':', end - i);
        if (!colon)
            return false;
        size_t name_len = (size_t)(colon - (p + i));
        if (name_len == 14 && strncasecmp(p + i, "Content-Length", 14) == 0) {
            size_t before = *length;
            const char *v = colon + 1, *stop = p + end;
            while (v < stop && (*v == ' ' || *v == '\t'))
                v++;
            while (stop > v && (stop[-1] == ' ' || stop[-1] == '\t'))
                stop--;
            if (v == stop)
                return false;
            size_t value = 0;
            for (; v < stop; v++) {
                if (*v < '0' || *v > '9' || value > (SIZE_MAX - 9) / 10)
                    return false;
                value = value * 10 + (size_t)(*v - '0');
            }
            if (found && value != before)
                return false; /* two lengths: which one? */
            *length = value;
            found = true;
        }
        i = eol + 1;
    }
    return found;
}

/* After a framing error: drops bytes up to the next plausible header. */
static void resync(struct rpc_reader *r, size_t from) {
    const char *p = r->in.data + r->pos;
    size_t avail = r->in.len - r->pos;
    for (size_t i = from; i + 14 <= avail; i++)
        if (strncasecmp(p + i, "Content-Length", 14) == 0) {
            r->pos += i;
            return;
        }
    /* keep only a tail that may be the start of the next header */
    size_t keep = 0;
    for (size_t k = avail - from < 13 ? avail - from : 13; k > 0 && !keep; k--)
        if (strncasecmp(p + avail - k, "Content-Length", k) == 0)
            keep = k;
    r->pos += avail - keep;
}

enum rpc_event rpc_reader_next(struct rpc_reader *r, const char **body, size_t *len) {
    if (r->too_large_done) {
        r->too_large_done = false;
        *body = r->sniff.data ? r->sniff.data : "";
        *len = r->sniff.len;
        return RPC_TOO_LARGE;
    }
    if (r->skip)
        return RPC_NEED_MORE;
    buf_clear(&r->sniff);
    if (!r->in.data)
        return RPC_NEED_MORE;
    /* blank lines between messages are tolerated */
    while (r->pos < r->in.len && (r->in.data[r->pos] == '\r' || r->in.data[r->pos] == '\n'))
        r->pos++;
    const char *p = r->in.data + r->pos;
    size_t avail = r->in.len - r->pos;
    if (avail == 0)
        return RPC_NEED_MORE;
    size_t head = header_end(p, avail);
    if (head == 0) {
        if (avail < RPC_MAX_HEADER)
            return RPC_NEED_MORE;
        resync(r, 1);
        return RPC_BAD_HEADER;
    }
    size_t length;
    if (!parse_headers(p, head, &length)) {
        /* the body (if any) has no known length: go to the next header */
        r->pos += head;
        resync(r, 0);
        return RPC_BAD_HEADER;
    }
    if (length > r->max_body) {
        r->pos += head;
        r->skip = length;
        r->skipped = length;
        size_t n = skip_bytes(r, r->in.data + r->pos, r->in.len - r->pos);
        r->pos += n;
        if (r->too_large_done) {
            r->too_large_done = false;
            *body = r->sniff.data ? r->sniff.data : "";
            *len = r->sniff.len;
            return RPC_TOO_LARGE;
        }
        return RPC_NEED_MORE;
    }
    if (avail - head < length)
        return RPC_NEED_MORE;
    *body = p + head;
    *len = length;
    r->pos += head + length;
    return RPC_MESSAGE;
}

/* ---- messages ---------------------------------------------------------- */

static void invalid(struct rpc_message *m, int code, const char *message) {
    m->kind = RPC_INVALID;
    m->error_code = code;
    m->error_message = message;
}

void rpc_parse(const char *body, size_t len, struct rpc_message *m) {
    memset(m, 0, sizeof *m);
    m->src = source_from_memory("<message>", body, len);
    m->arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    const struct json_value *root = json_parse(m->arena, m->src, &diags);
    if (!root) {
        const char *why = diags.count ? diags.items[0].message : "invalid JSON";
        invalid(m, RPC_PARSE_ERROR, arena_printf(m->arena, "parse error: %s", why));
        diag_list_free(&diags);
        return;
    }
    diag_list_free(&diags);
    if (root->kind == JSON_ARRAY) {
        invalid(m, RPC_INVALID_REQUEST, "batch messages are not part of the Language "
                                        "Server Protocol; send one message per frame");
        return;
    }
    if (root->kind != JSON_OBJECT) {
        invalid(m, RPC_INVALID_REQUEST, "a JSON-RPC message is an object");
        return;
    }
    const struct json_member *id = json_object_member(root, "id");
    if (id && id->value->kind != JSON_STRING && id->value->kind != JSON_NUMBER &&
        id->value->kind != JSON_NULL) {
        invalid(m, RPC_INVALID_REQUEST, "\"id\" must be a number, a string or null");
        return;
    }
    if (id && id->value->kind != JSON_NULL)
        m->id = id->value;
    if (!json_string_is(json_object_get(root, "jsonrpc"), "2.0")) {
        invalid(m, RPC_INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\"");
        return;
    }
    const struct json_value *method = json_object_get(root, "method");
    const struct json_value *params = json_object_get(root, "params");
    if (params && params->kind == JSON_NULL)
        params = NULL; /* some clients send "params": null for none */
    if (method) {
        if (method->kind != JSON_STRING || strlen(method->as.string.text) != method->as.string.len) {
            invalid(m, RPC_INVALID_REQUEST, "\"method\" must be a string");
            return;
        }
        if (params && params->kind != JSON_OBJECT && params->kind != JSON_ARRAY) {
            invalid(m, RPC_INVALID_REQUEST, "\"params\" must be an object or an array");
            return;
        }
        m->method = method->as.string.text;
        m->params = params;
        m->kind = id ? RPC_REQUEST : RPC_NOTIFICATION;
        return;
    }
    if (id && (json_object_get(root, "result") || json_object_get(root, "error"))) {
        m->kind = RPC_RESPONSE;
        return;
    }
    invalid(m, RPC_INVALID_REQUEST, "a JSON-RPC message needs a \"method\" (or is a response)");
}

void rpc_message_free(struct rpc_message *m) {
    if (m->arena)
        arena_free(m->arena);
    source_free(m->src);
    memset(m, 0, sizeof *m);
}

/* ---- writing ----------------------------------------------------------- */

void rpc_json_string(struct buf *out, const char *text, size_t len) {
    struct buf clean;
    buf_init(&clean);
    report_clean_utf8(&clean, text, len, false);
    buf_putc(out, '"');
    for (size_t i = 0; i < clean.len; i++) {
        unsigned char c = (unsigned char)clean.data[i];
        switch (c) {
        case '"': buf_puts(out, "\\\""); break;
        case '\\': buf_puts(out, "\\\\"); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\r': buf_puts(out, "\\r"); break;
        case '\t': buf_puts(out, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7F)
                buf_printf(out, "\\u%04x", c);
            else
                buf_putc(out, (char)c);
        }
    }
    buf_putc(out, '"');
    buf_free(&clean);
}

void rpc_json_id(struct buf *out, const struct json_value *id) {
    if (id && id->kind == JSON_NUMBER)
        buf_add(out, id->as.number.text, id->as.number.len);
    else if (id && id->kind == JSON_STRING)
        rpc_json_string(out, id->as.string.text, id->as.string.len);
    else
        buf_puts(out, "null");
}

void rpc_frame(struct buf *out, const char *body, size_t len) {
    buf_printf(out, "Content-Length: %zu\r\n\r\n", len);
    buf_add(out, body, len);
}

void rpc_result(struct buf *out, const struct json_value *id, const char *result) {
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "{\"jsonrpc\":\"2.0\",\"id\":");
    rpc_json_id(&b, id);
    buf_puts(&b, ",\"result\":");
    buf_puts(&b, result);
    buf_putc(&b, '}');
    rpc_frame(out, b.data, b.len);
    buf_free(&b);
}

void rpc_error(struct buf *out, const struct json_value *id, int code, const char *message) {
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "{\"jsonrpc\":\"2.0\",\"id\":");
    rpc_json_id(&b, id);
    buf_printf(&b, ",\"error\":{\"code\":%d,\"message\":", code);
    rpc_json_string(&b, message, strlen(message));
    buf_puts(&b, "}}");
    rpc_frame(out, b.data, b.len);
    buf_free(&b);
}

void rpc_notify(struct buf *out, const char *method, const char *params) {
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "{\"jsonrpc\":\"2.0\",\"method\":");
    rpc_json_string(&b, method, strlen(method));
    buf_puts(&b, ",\"params\":");
    buf_puts(&b, params);
    buf_putc(&b, '}');
    rpc_frame(out, b.data, b.len);
    buf_free(&b);
}

bool rpc_write_all(int fd, const char *data, size_t len) {
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}
