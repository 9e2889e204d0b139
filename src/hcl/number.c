/* number.c — number literals converted as Go's strconv does, with its
 * error texts (HCL1 converts when it decodes, not when it parses). */
#include "hcl/tree.h"
#include "util/arena.h"
#include "util/buf.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Go's strconv.Quote for the short ASCII texts number tokens are. */
static const char *go_quote(struct arena *arena, const char *s, size_t len) {
    struct buf b;
    buf_init(&b);
    buf_putc(&b, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': buf_puts(&b, "\\\""); break;
        case '\\': buf_puts(&b, "\\\\"); break;
        case '\n': buf_puts(&b, "\\n"); break;
        case '\t': buf_puts(&b, "\\t"); break;
        case '\r': buf_puts(&b, "\\r"); break;
        default:
            if (c < 0x20 || c == 0x7F)
                buf_printf(&b, "\\x%02x", c);
            else
                buf_putc(&b, (char)c);
        }
    }
    buf_putc(&b, '"');
    const char *out = arena_strndup(arena, b.data, b.len);
    buf_free(&b);
    return out;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

bool strconv_parse_int(struct arena *arena, const char *text, size_t len, int64_t *out,
                  const char **error) {
    const char *s = text;
    size_t n = len;
    bool negative = false;
    if (n > 0 && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s++, n--;
    }
    int base = 10;
    if (n > 0 && s[0] == '0') {
        if (n >= 2 && (s[1] == 'x' || s[1] == 'X'))
            base = 16, s += 2, n -= 2;
        else if (n >= 2 && (s[1] == 'b' || s[1] == 'B'))
            base = 2, s += 2, n -= 2;
        else if (n >= 2 && (s[1] == 'o' || s[1] == 'O'))
            base = 8, s += 2, n -= 2;
        else
            base = 8, s += 1, n -= 1;
        if (base != 8 && n == 0)
            goto syntax;
    } else if (n == 0) {
        goto syntax;
    }
    uint64_t v = 0;
    bool overflow = false;
    for (size_t i = 0; i < n; i++) {
        int d = digit_value(s[i]);
        if (d >= base)
            goto syntax;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            overflow = true;
        else
            v = v * (uint64_t)base + (uint64_t)d;
    }
    if (overflow || (!negative && v > (uint64_t)INT64_MAX) ||
        (negative && v > (uint64_t)INT64_MAX + 1)) {
        *error = arena_printf(arena, "strconv.ParseInt: parsing %s: value out of range",
                              go_quote(arena, text, len));
        return false;
    }
    *out = negative ? (int64_t)(0 - v) : (int64_t)v;
    return true;
syntax:
    *error = arena_printf(arena, "strconv.ParseInt: parsing %s: invalid syntax",
                          go_quote(arena, text, len));
    return false;
}

/* decimal floating-point syntax Go accepts: [+-] (d+[.d*] | .d+) ([eE][+-]d+)? */
static bool float_syntax(const char *s, size_t n) {
    size_t i = 0, digits = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, digits++;
    }
    if (digits == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t exp = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, exp++;
        if (exp == 0)
            return false;
    }
    return i == n;
}

bool strconv_parse_float(struct arena *arena, const char *text, size_t len, double *out,
                    const char **error) {
    if (!float_syntax(text, len)) {
        *error = arena_printf(arena, "strconv.ParseFloat: parsing %s: invalid syntax",
                              go_quote(arena, text, len));
        return false;
    }
    char *copy = arena_strndup(arena, text, len);
    errno = 0;
    double v = strtod(copy, NULL);
    if (errno == ERANGE && isinf(v)) {
        *error = arena_printf(arena, "strconv.ParseFloat: parsing %s: value out of range",
                              go_quote(arena, text, len));
        return false;
    }
    *out = v;
    return true;
}

bool hcl_number_int(struct arena *arena, const struct hcl_value *v, int64_t *out,
                    const char **error) {
    return strconv_parse_int(arena, v->as.number.text, v->as.number.len, out, error);
}

bool hcl_key_equal_fold(const char *a, size_t alen, const char *b, size_t blen) {
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

size_t hcl_object_filter(const struct hcl_object *obj, const char *key,
                         const struct hcl_item **out, size_t max) {
    size_t n = 0, len = strlen(key);
    for (size_t i = 0; i < obj->count; i++) {
        const struct hcl_item *it = obj->items[i];
        if (it->key_count == 0 || !hcl_key_equal_fold(it->keys[0].text, it->keys[0].len, key, len))
            continue;
        if (out && n < max)
            out[n] = it;
        n++;
    }
    return n;
}

const char *hcl_kind_name(enum hcl_kind kind) {
    switch (kind) {
    case HCL_OBJECT: return "object";
    case HCL_LIST: return "list";
    case HCL_NUMBER: return "number";
    case HCL_FLOAT: return "float";
    case HCL_BOOL: return "bool";
    case HCL_STRING: return "string";
    case HCL_HEREDOC: return "heredoc";
    }
    return "value";
}
