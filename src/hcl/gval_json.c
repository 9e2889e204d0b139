/* gval_json.c — generic values as JSON, the way Go's encoding/json prints
 * them (MarshalIndent): map keys sorted byte-wise, empty lists as [],
 * invalid UTF-8 as U+FFFD. */
#include "hcl/generic.h"
#include "hcl/decode_rules.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void gval_json_newline(struct buf *out, int indent, int level) {
    if (indent < 0)
        return;
    buf_reserve(out, 1 + (size_t)indent * (size_t)level);
    out->data[out->len++] = '\n';
    memset(out->data + out->len, ' ', (size_t)indent * (size_t)level);
    out->len += (size_t)indent * (size_t)level;
    out->data[out->len] = '\0';
}

static void write_int(struct buf *out, int64_t v) {
    char tmp[24];
    char *p = tmp + sizeof tmp;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    buf_add(out, p, (size_t)(tmp + sizeof tmp - p));
}

static void write_number(struct buf *out, double v) {
    char tmp[40];
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(tmp, sizeof tmp, "%.*g", precision, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    buf_puts(out, tmp);
}

struct sorted_entry {
    const struct gval_entry *e;
};

/* Go's order of map keys: byte-wise, a prefix first */
int gval_key_compare(const char *a, size_t alen, const char *b, size_t blen) {
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c)
        return c;
    return alen < blen ? -1 : alen > blen;
}

static int compare_entries(const void *a, const void *b) {
    const struct gval_entry *x = ((const struct sorted_entry *)a)->e;
    const struct gval_entry *y = ((const struct sorted_entry *)b)->e;
    return gval_key_compare(x->key, x->key_len, y->key, y->key_len);
}

static void write_value(struct buf *out, const struct gval *v, int indent, int level) {
    if (!v) {
        buf_puts(out, "null");
        return;
    }
    switch (v->kind) {
    case GVAL_MAP: {
        size_t n = v->as.map.count;
        if (n == 0) {
            buf_puts(out, "{}");
            return;
        }
        struct sorted_entry small[16]; /* most maps: no allocation */
        struct sorted_entry *s = n <= 16 ? small : xmalloc(n * sizeof *s);
        for (size_t i = 0; i < n; i++)
            s[i].e = &v->as.map.entries[i];
        bool sorted = true;
        for (size_t i = 1; i < n && sorted; i++)
            sorted = compare_entries(&s[i - 1], &s[i]) < 0;
        if (!sorted)
            qsort(s, n, sizeof *s, compare_entries);
        buf_putc(out, '{');
        for (size_t i = 0; i < n; i++) {
            if (i)
                buf_putc(out, ',');
            gval_json_newline(out, indent, level + 1);
            json_write_string(out, s[i].e->key, s[i].e->key_len);
            buf_puts(out, indent < 0 ? ":" : ": ");
            write_value(out, s[i].e->value, indent, level + 1);
            buf_spill(out);
        }
        if (s != small)
            free(s);
        gval_json_newline(out, indent, level);
        buf_putc(out, '}');
        return;
    }
    case GVAL_MAP_LIST:
    case GVAL_LIST:
        if (v->as.list.count == 0) {
            buf_puts(out, "[]");
            return;
        }
        buf_putc(out, '[');
        for (size_t i = 0; i < v->as.list.count; i++) {
            if (i)
                buf_putc(out, ',');
            gval_json_newline(out, indent, level + 1);
            write_value(out, v->as.list.elems[i], indent, level + 1);
            buf_spill(out);
        }
        gval_json_newline(out, indent, level);
        buf_putc(out, ']');
        return;
    case GVAL_INT:
        write_int(out, v->as.integer);
        return;
    case GVAL_FLOAT:
        write_number(out, v->as.number);
        return;
    case GVAL_BOOL:
        buf_puts(out, v->as.boolean ? "true" : "false");
        return;
    case GVAL_STRING:
        json_write_string(out, v->as.string.text, v->as.string.len);
        return;
    }
}

void gval_write_json(struct buf *out, const struct gval *v, int indent) {
    write_value(out, v, indent, 0);
}

void gval_write_json_at(struct buf *out, const struct gval *v, int indent, int level) {
    write_value(out, v, indent, level);
}
