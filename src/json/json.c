/* json.c — plain JSON reader (see json.h). An explicit stack of open
 * arrays and objects replaces recursion; errors name what was expected and
 * carry Go's encoding/json wording as a note. */
#include "json/json.h"

#include "hcl/parse.h" /* HCL_MAX_DEPTH */
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct frame {
    struct json_value *value; /* JSON_ARRAY or JSON_OBJECT being built */
    size_t cap;
    /* objects: the member whose value is being read */
    const char *key;
    size_t key_len;
    struct span key_span;
};

struct reader {
    struct arena *arena;
    const struct source *src;
    struct diag_list *diags;
    const char *text;
    size_t pos, end;
    struct frame *stack;
    size_t depth;
    bool failed;
};

/* ---- errors ------------------------------------------------------------ */

/* Go's quoteChar: how encoding/json shows the offending byte. */
static void go_quote_char(struct buf *out, unsigned char c) {
    if (c == '\'') {
        buf_puts(out, "'\\''");
        return;
    }
    if (c == '"') {
        buf_puts(out, "'\"'");
        return;
    }
    buf_putc(out, '\'');
    switch (c) {
    case '\a': buf_puts(out, "\\a"); break;
    case '\b': buf_puts(out, "\\b"); break;
    case '\f': buf_puts(out, "\\f"); break;
    case '\n': buf_puts(out, "\\n"); break;
    case '\r': buf_puts(out, "\\r"); break;
    case '\t': buf_puts(out, "\\t"); break;
    case '\v': buf_puts(out, "\\v"); break;
    case '\\': buf_puts(out, "\\\\"); break;
    default:
        if (c < 0x20 || c == 0x7F) {
            buf_printf(out, "\\x%02x", c);
        } else if (c < 0x80) {
            buf_putc(out, (char)c);
        } else if (c < 0xA1 || c == 0xAD) {
            buf_printf(out, "\\u%04x", c); /* not printable for strconv */
        } else {
            char u[4];
            size_t n = utf8_encode(c, u);
            buf_add(out, u, n);
        }
    }
    buf_putc(out, '\'');
}

/* How rktc shows the byte at pos in a message. */
static void show_found(struct buf *out, const struct reader *r) {
    if (r->pos >= r->end) {
        buf_puts(out, "end of input");
        return;
    }
    unsigned char c = (unsigned char)r->text[r->pos];
    if (c >= 0x21 && c < 0x7F && c != '`') {
        buf_printf(out, "`%c`", c);
        return;
    }
    uint32_t cp;
    utf8_decode((const unsigned char *)r->text + r->pos, r->end - r->pos, &cp);
    if (cp == UTF8_INVALID)
        buf_printf(out, "byte 0x%02X (not UTF-8)", c);
    else if (cp == 0xFEFF)
        buf_puts(out, "a byte-order mark (U+FEFF)");
    else
        buf_printf(out, "U+%04X", cp);
}

/* Reports a syntax error at the current byte: `expected` says what was
 * wanted; go_context is the tail of Go's "invalid character ..." message. */
static void syntax_error(struct reader *r, const char *expected, const char *go_context) {
    if (r->failed)
        return;
    r->failed = true;
    struct buf msg, go;
    buf_init(&msg);
    buf_init(&go);
    buf_printf(&msg, "%s, found ", expected);
    show_found(&msg, r);
    /* At the end of input Go's scanner steps once more with a space: the
     * states inside a literal, number or escape refuse it. */
    bool space_refused = (strncmp(go_context, "in ", 3) == 0 &&
                          strcmp(go_context, "in string literal") != 0) ||
                         strncmp(go_context, "after decimal", 13) == 0;
    if (r->pos >= r->end && space_refused) {
        buf_printf(&go, "invalid character ' ' %s", go_context);
    } else if (r->pos >= r->end) {
        buf_puts(&go, "unexpected end of JSON input");
    } else {
        buf_puts(&go, "invalid character ");
        go_quote_char(&go, (unsigned char)r->text[r->pos]);
        buf_printf(&go, " %s", go_context);
    }
    uint32_t at = (uint32_t)r->pos;
    uint32_t len = 0;
    if (r->pos < r->end) {
        uint32_t cp;
        len = (uint32_t)utf8_decode((const unsigned char *)r->text + r->pos, r->end - r->pos, &cp);
    }
    struct diag *d = diag_add(r->diags, RULE_HCL001, r->src, span_make(at, at + len), "%s", msg.data);
    if (d)
        diag_note(d, span_make(at, at + len), "Go's encoding/json: %s", go.data);
    buf_free(&msg);
    buf_free(&go);
}

/* ---- scanning ---------------------------------------------------------- */

static int peek(const struct reader *r) {
    return r->pos < r->end ? (unsigned char)r->text[r->pos] : -1;
}

static void skip_space(struct reader *r) {
    while (r->pos < r->end) {
        char c = r->text[r->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        r->pos++;
    }
}

static struct json_value *new_value(struct reader *r, enum json_kind kind, size_t start) {
    struct json_value *v = arena_alloc(r->arena, sizeof *v);
    v->kind = kind;
    v->span = span_make((uint32_t)start, (uint32_t)start);
    return v;
}

static int hex_digit(int c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* \uXXXX at p (already checked by the scanner loop) or -1. */
static int32_t read_u4(const char *p, size_t left) {
    if (left < 6 || p[0] != '\\' || p[1] != 'u')
        return -1;
    int32_t v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hex_digit((unsigned char)p[i]);
        if (h < 0)
            return -1;
        v = v << 4 | h;
    }
    return v;
}

/* A string at r->pos (the opening quote). Validates like Go's scanner, then
 * decodes like Go's unquote. Returns false after reporting an error. */
static bool read_string(struct reader *r, const char **out, size_t *out_len, struct span *span) {
    size_t start = r->pos++;
    bool plain = true;
    for (;;) {
        int c = peek(r);
        if (c < 0) {
            syntax_error(r, "unterminated string: expected `\"`", "in string literal");
            return false;
        }
        if (c == '"')
            break;
        if (c < 0x20) {
            syntax_error(r, "control character in string (write it as an escape such as `\\n`)",
                         "in string literal");
            return false;
        }
        if (c >= 0x80) {
            uint32_t cp;
            size_t n = utf8_decode((const unsigned char *)r->text + r->pos, r->end - r->pos, &cp);
            if (cp == UTF8_INVALID)
                plain = false;
            r->pos += n;
            continue;
        }
        if (c != '\\') {
            r->pos++;
            continue;
        }
        plain = false;
        r->pos++;
        c = peek(r);
        switch (c) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
            r->pos++;
            break;
        case 'u':
            r->pos++;
            for (int i = 0; i < 4; i++) {
                if (hex_digit(peek(r)) < 0) {
                    syntax_error(r, "invalid \\u escape: expected 4 hexadecimal digits",
                                 "in \\u hexadecimal character escape");
                    return false;
                }
                r->pos++;
            }
            break;
        default:
            syntax_error(r,
                         "invalid escape in string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                         "\\uXXXX)",
                         "in string escape code");
            return false;
        }
    }
    size_t body = start + 1, body_end = r->pos;
    r->pos++; /* closing quote */
    *span = span_make((uint32_t)start, (uint32_t)r->pos);
    if (plain) {
        *out = arena_strndup(r->arena, r->text + body, body_end - body);
        *out_len = body_end - body;
        return true;
    }
    /* every input byte gives at most 3 output bytes */
    char *buf = arena_alloc(r->arena, 3 * (body_end - body) + 1);
    size_t w = 0;
    for (size_t i = body; i < body_end;) {
        unsigned char c = (unsigned char)r->text[i];
        if (c == '\\') {
            char e = r->text[i + 1];
            if (e != 'u') {
                static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
                buf[w++] = to[strchr(from, e) - from];
                i += 2;
                continue;
            }
            int32_t rr = read_u4(r->text + i, body_end - i);
            i += 6;
            if (rr >= 0xD800 && rr < 0xE000) {
                int32_t rr1 = read_u4(r->text + i, body_end - i);
                if (rr < 0xDC00 && rr1 >= 0xDC00 && rr1 < 0xE000) {
                    rr = 0x10000 + ((rr - 0xD800) << 10) + (rr1 - 0xDC00);
                    i += 6;
                } else {
                    rr = 0xFFFD;
                }
            }
            w += utf8_encode((uint32_t)rr, buf + w);
            continue;
        }
        if (c < 0x80) {
            buf[w++] = (char)c;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)r->text + i, body_end - i, &cp);
        if (cp == UTF8_INVALID) {
            memcpy(buf + w, "\xEF\xBF\xBD", 3);
            w += 3;
        } else {
            memcpy(buf + w, r->text + i, n);
            w += n;
        }
        i += n;
    }
    buf[w] = '\0';
    *out = buf;
    *out_len = w;
    return true;
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }

/* A number at r->pos: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static struct json_value *read_number(struct reader *r) {
    size_t start = r->pos;
    if (peek(r) == '-')
        r->pos++;
    if (peek(r) == '0') {
        r->pos++;
    } else if (is_digit(peek(r))) {
        while (is_digit(peek(r)))
            r->pos++;
    } else {
        syntax_error(r, "invalid number: expected a digit after `-`", "in numeric literal");
        return NULL;
    }
    if (peek(r) == '.') {
        r->pos++;
        if (!is_digit(peek(r))) {
            syntax_error(r, "invalid number: expected a digit after `.`",
                         "after decimal point in numeric literal");
            return NULL;
        }
        while (is_digit(peek(r)))
            r->pos++;
    }
    if (peek(r) == 'e' || peek(r) == 'E') {
        r->pos++;
        if (peek(r) == '+' || peek(r) == '-')
            r->pos++;
        if (!is_digit(peek(r))) {
            syntax_error(r, "invalid number: expected a digit in the exponent",
                         "in exponent of numeric literal");
            return NULL;
        }
        while (is_digit(peek(r)))
            r->pos++;
    }
    struct json_value *v = new_value(r, JSON_NUMBER, start);
    v->span.end = (uint32_t)r->pos;
    v->as.number.text = arena_strndup(r->arena, r->text + start, r->pos - start);
    v->as.number.len = r->pos - start;
    return v;
}

static struct json_value *read_literal(struct reader *r, const char *word, enum json_kind kind) {
    size_t start = r->pos;
    for (size_t i = 0; word[i]; i++) {
        if (peek(r) != word[i]) {
            char expected[64], context[64];
            snprintf(expected, sizeof expected, "invalid literal: expected `%s`", word);
            snprintf(context, sizeof context, "in literal %s (expecting '%c')", word, word[i]);
            syntax_error(r, expected, context);
            return NULL;
        }
        r->pos++;
    }
    struct json_value *v = new_value(r, kind, start);
    v->span.end = (uint32_t)r->pos;
    v->as.boolean = kind == JSON_BOOL && word[0] == 't';
    return v;
}

/* ---- structure --------------------------------------------------------- */

static bool push(struct reader *r, enum json_kind kind) {
    if (r->depth >= HCL_MAX_DEPTH) {
        r->failed = true;
        diag_add(r->diags, RULE_HCL003, r->src, span_make((uint32_t)r->pos, (uint32_t)r->pos + 1),
                 "JSON nested deeper than %d arrays and objects", HCL_MAX_DEPTH);
        return false;
    }
    struct frame *f = &r->stack[r->depth++];
    memset(f, 0, sizeof *f);
    f->value = new_value(r, kind, r->pos);
    r->pos++;
    return true;
}

static void add_element(struct reader *r, struct frame *f, struct json_value *v) {
    struct json_value *a = f->value;
    if (a->as.array.count == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 4;
        a->as.array.elems = arena_grow(r->arena, a->as.array.elems, a->as.array.count, cap,
                                       sizeof *a->as.array.elems);
        f->cap = cap;
    }
    a->as.array.elems[a->as.array.count++] = v;
}

static void add_member(struct reader *r, struct frame *f, struct json_value *v) {
    struct json_value *o = f->value;
    if (o->as.object.count == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 4;
        o->as.object.members = arena_grow(r->arena, o->as.object.members, o->as.object.count,
                                          cap, sizeof *o->as.object.members);
        f->cap = cap;
    }
    struct json_member *m = &o->as.object.members[o->as.object.count++];
    m->key = f->key;
    m->key_len = f->key_len;
    m->key_span = f->key_span;
    m->value = v;
}

/* Reads a member key and its `:`; false after an error. */
static bool read_key(struct reader *r, struct frame *f, const char *expected) {
    if (peek(r) != '"') {
        syntax_error(r, expected, "looking for beginning of object key string");
        return false;
    }
    if (!read_string(r, &f->key, &f->key_len, &f->key_span))
        return false;
    skip_space(r);
    if (peek(r) != ':') {
        syntax_error(r, "expected `:` after object key", "after object key");
        return false;
    }
    r->pos++;
    return true;
}

static struct json_value *parse_document(struct reader *r) {
    for (;;) {
        /* a value starts here */
        skip_space(r);
        struct json_value *v = NULL;
        switch (peek(r)) {
        case '{':
            if (!push(r, JSON_OBJECT))
                return NULL;
            skip_space(r);
            if (peek(r) == '}') {
                r->pos++;
                v = r->stack[--r->depth].value;
                v->span.end = (uint32_t)r->pos;
                break;
            }
            if (!read_key(r, &r->stack[r->depth - 1], "expected a string key or `}`"))
                return NULL;
            continue;
        case '[':
            if (!push(r, JSON_ARRAY))
                return NULL;
            skip_space(r);
            if (peek(r) == ']') {
                r->pos++;
                v = r->stack[--r->depth].value;
                v->span.end = (uint32_t)r->pos;
                break;
            }
            continue;
        case '"': {
            v = new_value(r, JSON_STRING, r->pos);
            if (!read_string(r, &v->as.string.text, &v->as.string.len, &v->span))
                return NULL;
            break;
        }
        case 't': v = read_literal(r, "true", JSON_BOOL); break;
        case 'f': v = read_literal(r, "false", JSON_BOOL); break;
        case 'n': v = read_literal(r, "null", JSON_NULL); break;
        default:
            if (peek(r) == '-' || is_digit(peek(r))) {
                v = read_number(r);
                break;
            }
            syntax_error(r,
                         "expected a value (object, array, string, number, true, false or "
                         "null)",
                         "looking for beginning of value");
            return NULL;
        }
        if (!v)
            return NULL;

        /* the value is complete: hand it up, closing containers */
        for (;;) {
            if (r->depth == 0) {
                skip_space(r);
                if (r->pos < r->end) {
                    syntax_error(r, "expected end of input after the JSON value",
                                 "after top-level value");
                    return NULL;
                }
                return v;
            }
            struct frame *f = &r->stack[r->depth - 1];
            bool is_object = f->value->kind == JSON_OBJECT;
            if (is_object)
                add_member(r, f, v);
            else
                add_element(r, f, v);
            skip_space(r);
            int c = peek(r);
            if (c == ',') {
                r->pos++;
                if (is_object) {
                    skip_space(r);
                    if (!read_key(r, f, "expected a string key after `,`"))
                        return NULL;
                }
                break; /* read the next value */
            }
            if (c == (is_object ? '}' : ']')) {
                r->pos++;
                v = f->value;
                v->span.end = (uint32_t)r->pos;
                r->depth--;
                continue;
            }
            bool zero = v->kind == JSON_NUMBER && is_digit(c) &&
                        (strcmp(v->as.number.text, "0") == 0 ||
                         strcmp(v->as.number.text, "-0") == 0);
            if (is_object)
                syntax_error(r,
                             zero ? "expected `,` or `}` after object member (JSON numbers "
                                    "have no leading zeros)"
                                  : "expected `,` or `}` after object member",
                             "after object key:value pair");
            else
                syntax_error(r,
                             zero ? "expected `,` or `]` after array element (JSON numbers "
                                    "have no leading zeros)"
                                  : "expected `,` or `]` after array element",
                             "after array element");
            return NULL;
        }
    }
}

struct json_value *json_parse_range(struct arena *arena, const struct source *src,
                                    size_t start, size_t end, struct diag_list *diags) {
    struct reader r = {.arena = arena, .src = src, .diags = diags, .text = src->text,
                       .pos = start, .end = end};
    r.stack = xcalloc(HCL_MAX_DEPTH, sizeof *r.stack);
    struct json_value *v = parse_document(&r);
    free(r.stack);
    return r.failed ? NULL : v;
}

struct json_value *json_parse(struct arena *arena, const struct source *src,
                              struct diag_list *diags) {
    return json_parse_range(arena, src, 0, src->len, diags);
}

/* ---- lookups ----------------------------------------------------------- */

const struct json_member *json_object_member(const struct json_value *obj, const char *key) {
    if (!obj || obj->kind != JSON_OBJECT)
        return NULL;
    size_t len = strlen(key);
    for (size_t i = obj->as.object.count; i-- > 0;) {
        const struct json_member *m = &obj->as.object.members[i];
        if (m->key_len == len && memcmp(m->key, key, len) == 0)
            return m;
    }
    return NULL;
}

const struct json_value *json_object_get(const struct json_value *obj, const char *key) {
    const struct json_member *m = json_object_member(obj, key);
    return m ? m->value : NULL;
}

static uint32_t fold_ascii(uint32_t c) {
    if (c >= 'A' && c <= 'Z')
        return c + ('a' - 'A');
    if (c == 0x212A) /* KELVIN SIGN */
        return 'k';
    if (c == 0x017F) /* LATIN SMALL LETTER LONG S */
        return 's';
    return c;
}

/* bytes.EqualFold for the cases that can match an ASCII-spelled name. */
static bool equal_fold(const char *a, size_t alen, const char *b, size_t blen) {
    size_t i = 0, j = 0;
    while (i < alen && j < blen) {
        uint32_t ca, cb;
        size_t na = utf8_decode((const unsigned char *)a + i, alen - i, &ca);
        size_t nb = utf8_decode((const unsigned char *)b + j, blen - j, &cb);
        if (ca == UTF8_INVALID || cb == UTF8_INVALID) {
            if (ca != cb || a[i] != b[j])
                return false;
        } else if (fold_ascii(ca) != fold_ascii(cb)) {
            return false;
        }
        i += na;
        j += nb;
    }
    return i == alen && j == blen;
}

const struct json_member *json_object_member_fold(const struct json_value *obj,
                                                  const char *field) {
    if (!obj || obj->kind != JSON_OBJECT)
        return NULL;
    size_t len = strlen(field);
    for (size_t i = obj->as.object.count; i-- > 0;) {
        const struct json_member *m = &obj->as.object.members[i];
        if (equal_fold(m->key, m->key_len, field, len))
            return m;
    }
    return NULL;
}

const struct json_value *json_object_get_fold(const struct json_value *obj, const char *field) {
    const struct json_member *m = json_object_member_fold(obj, field);
    return m ? m->value : NULL;
}

const char *json_kind_name(enum json_kind kind) {
    switch (kind) {
    case JSON_NULL: return "null";
    case JSON_BOOL: return "bool";
    case JSON_NUMBER: return "number";
    case JSON_STRING: return "string";
    case JSON_ARRAY: return "array";
    case JSON_OBJECT: return "object";
    }
    return "?";
}

bool json_string_is(const struct json_value *v, const char *text) {
    return v && v->kind == JSON_STRING && v->as.string.len == strlen(text) &&
           memcmp(v->as.string.text, text, v->as.string.len) == 0;
}
