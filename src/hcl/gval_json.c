/* gval_json.c — generic values as JSON, the way Go's encoding/json prints
 * them (MarshalIndent): map keys sorted byte-wise, empty lists as [],
 * invalid UTF-8 as U+FFFD. */
#include "hcl/generic.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void newline(struct buf *out, int indent, int level) {
    if (indent < 0)
        return;
    buf_putc(out, '\n');
    for (int i = 0; i < indent * level; i++)
        buf_putc(out, ' ');
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

static int compare_entries(const void *a, const void *b) {
    const struct gval_entry *x = ((const struct sorted_entry *)a)->e;
    const struct gval_entry *y = ((const struct sorted_entry *)b)->e;
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int c = memcmp(x->key, y->key, n);
    if (c)
        return c;
    return x->key_len < y->key_len ? -1 : x->key_len > y->key_len;
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
        struct sorted_entry *s = xmalloc(n * sizeof *s);
        for (size_t i = 0; i < n; i++)
            s[i].e = &v->as.map.entries[i];
        qsort(s, n, sizeof *s, compare_entries);
        buf_putc(out, '{');
        for (size_t i = 0; i < n; i++) {
            if (i)
                buf_putc(out, ',');
            newline(out, indent, level + 1);
            json_write_string(out, s[i].e->key, s[i].e->key_len);
            buf_puts(out, indent < 0 ? ":" : ": ");
            write_value(out, s[i].e->value, indent, level + 1);
            buf_spill(out);
        }
        free(s);
        newline(out, indent, level);
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
            newline(out, indent, level + 1);
            write_value(out, v->as.list.elems[i], indent, level + 1);
            buf_spill(out);
        }
        newline(out, indent, level);
        buf_putc(out, ']');
        return;
    case GVAL_INT:
        buf_printf(out, "%lld", (long long)v->as.integer);
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
