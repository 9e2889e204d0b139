/* json_unquote.c — Go's strconv.Unquote for HCL-JSON strings. */
#include "hcl/json_unquote.h"

#include "util/arena.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

char *json_sanitize_utf8(struct arena *arena, const char *text, size_t len,
                       size_t *out_len) {
    size_t need = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)text + i, len - i, &cp);
        need += cp == UTF8_INVALID ? 3 : n;
        i += n;
    }
    char *out = arena_alloc(arena, need + 1);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)text + i, len - i, &cp);
        if (cp == UTF8_INVALID) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(out + o, text + i, n);
            o += n;
        }
        i += n;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool valid_rune(uint32_t v) { return v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF); }

/* One character of a double-quoted Go literal at s (n bytes left):
 * UnquoteChar. Appends its bytes to out; returns the bytes consumed, or 0
 * on a syntax error. */
static size_t unquote_char(const char *s, size_t n, char *out, size_t *o) {
    unsigned char c = (unsigned char)s[0];
    if (c == '"')
        return 0;
    if (c >= 0x80) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)s, n, &cp);
        if (cp == UTF8_INVALID)
            cp = 0xFFFD;
        *o += utf8_encode(cp, out + *o);
        return k;
    }
    if (c != '\\') {
        out[(*o)++] = (char)c;
        return 1;
    }
    if (n <= 1)
        return 0;
    char e = s[1];
    switch (e) {
    case 'a': out[(*o)++] = '\a'; return 2;
    case 'b': out[(*o)++] = '\b'; return 2;
    case 'f': out[(*o)++] = '\f'; return 2;
    case 'n': out[(*o)++] = '\n'; return 2;
    case 'r': out[(*o)++] = '\r'; return 2;
    case 't': out[(*o)++] = '\t'; return 2;
    case 'v': out[(*o)++] = '\v'; return 2;
    case '\\': out[(*o)++] = '\\'; return 2;
    case '"': out[(*o)++] = '"'; return 2;
    case 'x': case 'u': case 'U': {
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (n - 2 < digits)
            return 0;
        uint32_t v = 0;
        for (size_t j = 0; j < digits; j++) {
            int h = hex_value(s[2 + j]);
            if (h < 0)
                return 0;
            v = v << 4 | (uint32_t)h;
        }
        if (e == 'x') {
            out[(*o)++] = (char)v; /* a raw byte, possibly not UTF-8 */
        } else {
            if (!valid_rune(v))
                return 0;
            *o += utf8_encode(v, out + *o);
        }
        return 2 + digits;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        if (n - 2 < 2)
            return 0;
        uint32_t v = (uint32_t)(e - '0');
        for (size_t j = 0; j < 2; j++) {
            char d = s[2 + j];
            if (d < '0' || d > '7')
                return 0;
            v = v << 3 | (uint32_t)(d - '0');
        }
        if (v > 255)
            return 0;
        out[(*o)++] = (char)v;
        return 4;
    }
    default:
        return 0;
    }
}

bool json_unquote(struct arena *arena, const char *text, size_t len,
                  const char **out, size_t *out_len, size_t *bad) {
    *bad = 0;
    if (len < 2 || text[0] != '"' || text[len - 1] != '"') {
        *out = "";
        *out_len = 0;
        return false;
    }
    const char *body = text + 1;
    size_t n = len - 2;
    if (!memchr(body, '\\', n) && !memchr(body, '\n', n) && !memchr(body, '"', n)) {
        *out = json_sanitize_utf8(arena, body, n, out_len);
        return true;
    }
    /* No input byte yields more than 3 output bytes. */
    char *buf = xmalloc(3 * n + 4);
    size_t o = 0;
    size_t i = 0;
    bool ok = true;
    while (i < n) {
        if (body[i] == '\n') {
            ok = false;
            break;
        }
        size_t k = unquote_char(body + i, n - i, buf, &o);
        if (k == 0) {
            ok = false;
            break;
        }
        i += k;
    }
    if (!ok)
        *bad = i + 1;
    *out = json_sanitize_utf8(arena, buf, o, out_len);
    free(buf);
    return ok;
}
