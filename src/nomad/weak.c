/* weak.c — Go's weak typing as Nomad's decoder applies it (mapstructure with
 * WeaklyTypedInput), Go's strconv number parsing and time.ParseDuration. */
#include "nomad/decode_internal.h"

#include "util/arena.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kind_words(const struct gval *v) {
    switch (v->kind) {
    case GVAL_MAP: return "a map";
    case GVAL_MAP_LIST: return "a block";
    case GVAL_LIST: return "a list";
    case GVAL_INT: case GVAL_FLOAT: return "a number";
    case GVAL_BOOL: return "a bool";
    case GVAL_STRING: return "a string";
    }
    return "a value";
}

const char *go_format_float(struct decode_ctx *c, double f) {
    if (isnan(f))
        return "NaN";
    if (isinf(f))
        return f > 0 ? "+Inf" : "-Inf";
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, f);
        if (strtod(buf, NULL) == f)
            break;
    }
    /* buf: [-]d.ddde[+-]xx -> digits and exponent */
    const char *p = buf;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    char digits[32];
    size_t nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
    int exp = *p == 'e' ? atoi(p + 1) : 0;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    char out[400];
    size_t o = 0;
    if (neg && !(nd == 1 && digits[0] == '0'))
        out[o++] = '-';
    int point = exp + 1; /* digits before the decimal point */
    if (point <= 0) {
        out[o++] = '0';
        if (!(nd == 1 && digits[0] == '0')) {
            out[o++] = '.';
            for (int i = 0; i < -point; i++)
                out[o++] = '0';
            for (size_t i = 0; i < nd; i++)
                out[o++] = digits[i];
        }
    } else {
        for (int i = 0; i < point; i++)
            out[o++] = (size_t)i < nd ? digits[i] : '0';
        if ((size_t)point < nd) {
            out[o++] = '.';
            for (size_t i = (size_t)point; i < nd; i++)
                out[o++] = digits[i];
        }
    }
    out[o] = '\0';
    return arena_strdup(c->arena, out);
}

bool weak_to_string(struct decode_ctx *c, const struct gval *v, bool strict,
                    const char **text, size_t *len, const char **why) {
    switch (v->kind) {
    case GVAL_STRING:
        *text = v->as.string.text;
        *len = v->as.string.len;
        return true;
    case GVAL_BOOL:
        if (strict)
            break;
        *text = v->as.boolean ? "1" : "0";
        *len = 1;
        return true;
    case GVAL_INT:
        if (strict)
            break;
        *text = arena_printf(c->arena, "%lld", (long long)v->as.integer);
        *len = strlen(*text);
        return true;
    case GVAL_FLOAT:
        if (strict)
            break;
        *text = go_format_float(c, v->as.number);
        *len = strlen(*text);
        return true;
    default:
        break;
    }
    *why = arena_printf(c->arena, "expected a string, got %s", kind_words(v));
    return false;
}

/* strconv.ParseInt / ParseUint with base 0. */
static bool go_parse_int(struct decode_ctx *c, const char *s, size_t len, int bits,
                         bool is_unsigned, int64_t *out, const char **why) {
    const char *func = is_unsigned ? "strconv.ParseUint" : "strconv.ParseInt";
    size_t i = 0;
    bool neg = false;
    if (!is_unsigned && i < len && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    unsigned base = 10;
    if (i < len && s[i] == '0') {
        if (i + 1 < len && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
            base = 16;
            i += 2;
        } else if (i + 1 < len && (s[i + 1] == 'b' || s[i + 1] == 'B')) {
            base = 2;
            i += 2;
        } else if (i + 1 < len && (s[i + 1] == 'o' || s[i + 1] == 'O')) {
            base = 8;
            i += 2;
        } else if (i + 1 < len) {
            base = 8;
            i += 1;
        }
    }
    bool any = false, range = false;
    unsigned __int128 value = 0;
    for (; i < len; i++) {
        char ch = s[i];
        unsigned d;
        if (ch == '_' )
            continue;
        if (ch >= '0' && ch <= '9')
            d = (unsigned)(ch - '0');
        else if (ch >= 'a' && ch <= 'z')
            d = (unsigned)(ch - 'a' + 10);
        else if (ch >= 'A' && ch <= 'Z')
            d = (unsigned)(ch - 'A' + 10);
        else
            d = 99;
        if (d >= base) {
            *why = arena_printf(c->arena,
                                "\"%.*s\" is not %s integer (%s: parsing \"%.*s\": "
                                "invalid syntax)", (int)len, s,
                                is_unsigned ? "a non-negative" : "an", func, (int)len, s);
            return false;
        }
        any = true;
        value = value * base + d;
        if (value > ((unsigned __int128)1 << 64))
            range = true, value = (unsigned __int128)1 << 64;
    }
    if (!any) {
        *why = arena_printf(c->arena,
                            "\"%.*s\" is not %s integer (%s: parsing \"%.*s\": "
                            "invalid syntax)", (int)len, s,
                            is_unsigned ? "a non-negative" : "an", func, (int)len, s);
        return false;
    }
    unsigned __int128 limit = is_unsigned ? ((unsigned __int128)1 << bits) - 1
                                          : ((unsigned __int128)1 << (bits - 1)) -
                                                (neg ? 0 : 1);
    if (range || value > limit) {
        *why = arena_printf(c->arena,
                            "%.*s is out of range for this %d-bit %s field (%s: parsing "
                            "\"%.*s\": value out of range)", (int)len, s, bits,
                            is_unsigned ? "unsigned" : "integer", func, (int)len, s);
        return false;
    }
    *out = neg ? -(int64_t)(value - 1) - 1 : (int64_t)(uint64_t)value;
    if (neg && value == 0)
        *out = 0;
    return true;
}

static int64_t wrap(int64_t v, int bits, bool is_unsigned) {
    if (bits == 8)
        return is_unsigned ? (int64_t)(uint8_t)v : (int64_t)(int8_t)v;
    return v;
}

bool weak_to_int(struct decode_ctx *c, const struct gval *v, int bits,
                 bool is_unsigned, bool strict, int64_t *out, const char **why) {
    switch (v->kind) {
    case GVAL_INT:
        *out = wrap(v->as.integer, bits, is_unsigned);
        return true;
    case GVAL_FLOAT: {
        double f = v->as.number;
        if (f >= 9.3e18 || f <= -9.3e18 || isnan(f))
            *out = INT64_MIN;
        else
            *out = (int64_t)f;
        *out = wrap(*out, bits, is_unsigned);
        return true;
    }
    case GVAL_BOOL:
        if (strict)
            break;
        *out = v->as.boolean ? 1 : 0;
        return true;
    case GVAL_STRING:
        if (strict)
            break;
        if (v->as.string.len == 0) {
            *out = 0;
            return true;
        }
        return go_parse_int(c, v->as.string.text, v->as.string.len, bits, is_unsigned,
                            out, why);
    default:
        break;
    }
    *why = arena_printf(c->arena, "expected a number, got %s", kind_words(v));
    return false;
}

bool weak_to_bool(struct decode_ctx *c, const struct gval *v, bool strict,
                  bool *out, const char **why) {
    switch (v->kind) {
    case GVAL_BOOL:
        *out = v->as.boolean;
        return true;
    case GVAL_INT:
        if (strict)
            break;
        *out = v->as.integer != 0;
        return true;
    case GVAL_FLOAT:
        if (strict)
            break;
        *out = v->as.number != 0;
        return true;
    case GVAL_STRING: {
        if (strict)
            break;
        static const char *const yes[] = {"1", "t", "T", "TRUE", "true", "True", NULL};
        static const char *const no[] = {"0", "f", "F", "FALSE", "false", "False", "", NULL};
        for (size_t i = 0; yes[i]; i++)
            if (strlen(yes[i]) == v->as.string.len &&
                memcmp(yes[i], v->as.string.text, v->as.string.len) == 0) {
                *out = true;
                return true;
            }
        for (size_t i = 0; no[i]; i++)
            if (strlen(no[i]) == v->as.string.len &&
                memcmp(no[i], v->as.string.text, v->as.string.len) == 0) {
                *out = false;
                return true;
            }
        *why = arena_printf(c->arena,
                            "\"%.*s\" is not a bool (use true or false; Nomad also takes "
                            "1, t, T, TRUE, True, 0, f, F, FALSE, False)",
                            (int)v->as.string.len, v->as.string.text);
        return false;
    }
    default:
        break;
    }
    *why = arena_printf(c->arena, "expected a bool, got %s", kind_words(v));
    return false;
}

/* time.ParseDuration */
static const struct {
    const char *name;
    uint64_t ns;
} duration_units[] = {
    {"ns", 1ULL}, {"us", 1000ULL}, {"\xc2\xb5s", 1000ULL}, {"\xce\xbcs", 1000ULL},
    {"ms", 1000000ULL}, {"s", 1000000000ULL}, {"m", 60000000000ULL},
    {"h", 3600000000000ULL},
};

bool go_parse_duration(struct decode_ctx *c, const char *s, size_t len, int64_t *out,
                       const char **why) {
    const char *orig = s;
    size_t orig_len = len;
    const uint64_t top = 1ULL << 63;
    uint64_t d = 0;
    bool neg = false;
#define INVALID()                                                                    \
    do {                                                                             \
        *why = arena_printf(c->arena, "time: invalid duration \"%.*s\"", (int)orig_len, \
                            orig);                                                   \
        return false;                                                                \
    } while (0)
    if (len > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s++;
        len--;
    }
    if (len == 1 && s[0] == '0') {
        *out = 0;
        return true;
    }
    if (len == 0)
        INVALID();
    while (len > 0) {
        uint64_t v = 0, f = 0;
        double scale = 1;
        if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9')))
            INVALID();
        size_t i = 0;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            if (v > top / 10)
                INVALID();
            v = v * 10 + (uint64_t)(s[i] - '0');
            if (v > top)
                INVALID();
        }
        bool pre = i > 0;
        s += i;
        len -= i;
        bool post = false;
        if (len > 0 && s[0] == '.') {
            s++;
            len--;
            size_t j = 0;
            bool overflow = false;
            for (; j < len && s[j] >= '0' && s[j] <= '9'; j++) {
                if (overflow)
                    continue;
                if (f > (top - 1) / 10) {
                    overflow = true;
                    continue;
                }
                uint64_t y = f * 10 + (uint64_t)(s[j] - '0');
                if (y > top) {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10;
            }
            post = j > 0;
            s += j;
            len -= j;
        }
        if (!pre && !post)
            INVALID();
        size_t u = 0;
        while (u < len && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9'))
            u++;
        if (u == 0) {
            *why = arena_printf(c->arena, "time: missing unit in duration \"%.*s\"",
                                (int)orig_len, orig);
            return false;
        }
        uint64_t unit = 0;
        for (size_t k = 0; k < sizeof duration_units / sizeof duration_units[0]; k++)
            if (strlen(duration_units[k].name) == u &&
                memcmp(duration_units[k].name, s, u) == 0)
                unit = duration_units[k].ns;
        if (unit == 0) {
            *why = arena_printf(c->arena,
                                "time: unknown unit \"%.*s\" in duration \"%.*s\"", (int)u,
                                s, (int)orig_len, orig);
            return false;
        }
        s += u;
        len -= u;
        if (v > top / unit)
            INVALID();
        v *= unit;
        if (f > 0) {
            v += (uint64_t)((double)f * ((double)unit / scale));
            if (v > top)
                INVALID();
        }
        d += v;
        if (d > top)
            INVALID();
    }
    if (neg) {
        *out = d == top ? INT64_MIN : -(int64_t)d;
        return true;
    }
    if (d > top - 1)
        INVALID();
    *out = (int64_t)d;
    return true;
#undef INVALID
}
