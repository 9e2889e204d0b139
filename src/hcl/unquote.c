/* unquote.c — string and heredoc values exactly as HCL1 computes them
 * (hcl/strconv.Unquote and token.unindentHeredoc). */
#include "hcl_lexer.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <string.h>

static int unhex(unsigned char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void put_rune(char *out, size_t *n, uint32_t cp) {
    char tmp[4];
    size_t k = utf8_encode(cp, tmp);
    memcpy(out + *n, tmp, k);
    *n += k;
}

/* the bytes that make a string body more than its own value */
enum { HAS_DOLLAR = 1, HAS_BRACE = 2, HAS_NEWLINE = 4, HAS_ESCAPE = 8 };

static unsigned body_flags(const unsigned char *s, size_t n) {
    unsigned flags = 0;
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '$': flags |= HAS_DOLLAR; break;
        case '{': flags |= HAS_BRACE; break;
        case '\n': flags |= HAS_NEWLINE; break;
        case '\\': case '"': flags |= HAS_ESCAPE; break;
        default: break;
        }
    }
    return flags;
}

bool hcl_unquote(struct arena *arena, const char *text, size_t len,
                 const char **out, size_t *out_len) {
    if (len < 2 || text[0] != '"' || text[len - 1] != '"')
        return false;
    const unsigned char *s = (const unsigned char *)text + 1;
    size_t n = len - 2;
    unsigned flags = body_flags(s, n);
    if (!(flags & (HAS_DOLLAR | HAS_BRACE)) && (flags & HAS_NEWLINE))
        return false;
    if (!(flags & (HAS_ESCAPE | HAS_DOLLAR))) {
        *out = arena_strndup(arena, (const char *)s, n);
        *out_len = n;
        return true;
    }
    /* every escape shrinks or keeps the length, except that an invalid
     * byte (1) becomes U+FFFD (3) */
    char *buf = arena_alloc(arena, 3 * n + 1);
    size_t o = 0, i = 0;
    while (i < n) {
        if (s[i] == '$' && i + 1 < n && s[i + 1] == '{') {
            buf[o++] = '$', buf[o++] = '{';
            i += 2;
            int braces = 1;
            while (i < n && braces > 0) {
                if (s[i] < 0x80 && s[i] != '{' && s[i] != '}') {
                    buf[o++] = (char)s[i++];
                    continue;
                }
                uint32_t cp;
                size_t k = utf8_decode(s + i, n - i, &cp);
                if (cp == UTF8_INVALID || cp == 0xFFFD)
                    return false;
                memcpy(buf + o, s + i, k);
                o += k, i += k;
                if (cp == '{')
                    braces++;
                else if (cp == '}')
                    braces--;
            }
            if (braces != 0)
                return false;
            continue;
        }
        unsigned char c = s[i];
        if (c == '\n' || c == '"')
            return false;
        if (c >= 0x80) {
            uint32_t cp;
            size_t k = utf8_decode(s + i, n - i, &cp);
            put_rune(buf, &o, cp == UTF8_INVALID ? 0xFFFD : cp);
            i += k;
            continue;
        }
        if (c != '\\') {
            buf[o++] = (char)c;
            i++;
            continue;
        }
        if (i + 1 >= n)
            return false;
        unsigned char e = s[i + 1];
        i += 2;
        switch (e) {
        case 'a': buf[o++] = '\a'; break;
        case 'b': buf[o++] = '\b'; break;
        case 'f': buf[o++] = '\f'; break;
        case 'n': buf[o++] = '\n'; break;
        case 'r': buf[o++] = '\r'; break;
        case 't': buf[o++] = '\t'; break;
        case 'v': buf[o++] = '\v'; break;
        case '\\': buf[o++] = '\\'; break;
        case '"': buf[o++] = '"'; break;
        case 'x': case 'u': case 'U': {
            size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (n - i < digits)
                return false;
            uint32_t v = 0;
            for (size_t j = 0; j < digits; j++) {
                int d = unhex(s[i + j]);
                if (d < 0)
                    return false;
                v = v << 4 | (uint32_t)d;
            }
            i += digits;
            if (e == 'x') {
                buf[o++] = (char)v;
            } else {
                if (v > 0x10FFFF)
                    return false;
                put_rune(buf, &o, v);
            }
            break;
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = e - '0';
            if (n - i < 2)
                return false;
            for (int j = 0; j < 2; j++) {
                if (s[i + j] < '0' || s[i + j] > '7')
                    return false;
                v = v << 3 | (uint32_t)(s[i + j] - '0');
            }
            i += 2;
            if (v > 255)
                return false;
            buf[o++] = (char)v;
            break;
        }
        default:
            return false;
        }
    }
    buf[o] = '\0';
    arena_trim(arena, buf, 3 * n + 1, o + 1);
    *out = buf;
    *out_len = o;
    return true;
}

static bool has_prefix(const char *s, size_t len, const char *p, size_t plen) {
    return len >= plen && memcmp(s, p, plen) == 0;
}

void hcl_heredoc_value(struct arena *arena, const char *text, size_t len,
                       const char **out, size_t *out_len) {
    const char *nl = memchr(text, '\n', len);
    size_t idx = (size_t)(nl - text);
    bool unindent = text[2] == '-';
    size_t start = idx + 1;
    if (!unindent) {
        size_t end = len - idx + 1;
        *out = arena_strndup(arena, text + start, end > start ? end - start : 0);
        *out_len = end > start ? end - start : 0;
        return;
    }
    size_t end = len - idx + 2; /* keeps the closing line's indentation */
    const char *body = text + start;
    size_t body_len = end > start ? end - start : 0;
    /* the last "line" is the closing line's leading white space */
    const char *last = body;
    for (size_t i = 0; i < body_len; i++)
        if (body[i] == '\n')
            last = body + i + 1;
    size_t prefix_len = (size_t)(body + body_len - last);
    bool indented = true;
    for (const char *line = body; line <= last;) {
        const char *e = memchr(line, '\n', (size_t)(body + body_len - line));
        size_t l = e ? (size_t)(e - line) : (size_t)(body + body_len - line);
        if (!has_prefix(line, l, last, prefix_len)) {
            indented = false;
            break;
        }
        if (!e)
            break;
        line = e + 1;
    }
    if (!indented) {
        size_t raw_end = len - idx + 1;
        size_t n = raw_end > start ? raw_end - start : 0;
        while (n > 0 && (text[start + n - 1] == ' ' || text[start + n - 1] == '\t'))
            n--;
        *out = arena_strndup(arena, text + start, n);
        *out_len = n;
        return;
    }
    char *buf = arena_alloc(arena, body_len + 1);
    size_t o = 0;
    for (const char *line = body; line < last;) {
        const char *e = memchr(line, '\n', (size_t)(last - line));
        size_t l = (size_t)(e - line);
        memcpy(buf + o, line + prefix_len, l - prefix_len);
        o += l - prefix_len;
        buf[o++] = '\n';
        line = e + 1;
    }
    buf[o] = '\0';
    *out = buf;
    *out_len = o;
}
