/* api_write.c — the job model as Nomad API JSON, driven by the schema. */
#include "nomad/api_json.h"

#include "nomad/schema.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static void newline(struct buf *out, int level) {
    static const char spaces[] = "\n                                                                ";
    size_t n = (size_t)level * 4;
    buf_add(out, spaces, 1);
    while (n > 0) {
        size_t k = n < sizeof spaces - 2 ? n : sizeof spaces - 2;
        buf_add(out, spaces + 1, k);
        n -= k;
    }
}

static void write_struct(struct buf *out, const struct nomad_schema *s, const void *v,
                         int level);

static void write_string(struct buf *out, const struct nomad_string *s) {
    json_write_string(out, s->set ? s->text : "", s->set ? s->len : 0);
}

static void write_base64(struct buf *out, const struct nomad_string *s) {
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = (const unsigned char *)s->text;
    buf_putc(out, '"');
    for (size_t i = 0; i < s->len; i += 3) {
        uint32_t n = (uint32_t)p[i] << 16;
        if (i + 1 < s->len)
            n |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < s->len)
            n |= p[i + 2];
        buf_putc(out, alphabet[(n >> 18) & 63]);
        buf_putc(out, alphabet[(n >> 12) & 63]);
        buf_putc(out, i + 1 < s->len ? alphabet[(n >> 6) & 63] : '=');
        buf_putc(out, i + 2 < s->len ? alphabet[n & 63] : '=');
    }
    buf_putc(out, '"');
}

static void write_strings(struct buf *out, const struct nomad_strings *l, int level) {
    if (l->count == 0) {
        buf_puts(out, "[]");
        return;
    }
    buf_putc(out, '[');
    for (size_t i = 0; i < l->count; i++) {
        if (i)
            buf_putc(out, ',');
        newline(out, level + 1);
        write_string(out, &l->items[i]);
    }
    newline(out, level);
    buf_putc(out, ']');
}

static void write_map(struct buf *out, const struct nomad_map *m, int level) {
    if (m->count == 0) {
        buf_puts(out, "{}");
        return;
    }
    buf_putc(out, '{');
    for (size_t i = 0; i < m->count; i++) {
        if (i)
            buf_putc(out, ',');
        newline(out, level + 1);
        write_string(out, &m->entries[i].key);
        buf_puts(out, ": ");
        write_string(out, &m->entries[i].value);
    }
    newline(out, level);
    buf_putc(out, '}');
}

static void write_headers(struct buf *out, const struct nomad_headers *h, int level) {
    if (h->count == 0) {
        buf_puts(out, "{}");
        return;
    }
    buf_putc(out, '{');
    for (size_t i = 0; i < h->count; i++) {
        if (i)
            buf_putc(out, ',');
        newline(out, level + 1);
        write_string(out, &h->entries[i].name);
        buf_puts(out, ": ");
        write_strings(out, &h->entries[i].values, level + 1);
    }
    newline(out, level);
    buf_putc(out, '}');
}

static void write_list(struct buf *out, const struct nomad_field *f,
                       const struct nomad_list *l, int level) {
    bool named = f->kind == NOMAD_NAMED_MAP;
    if (l->count == 0) {
        buf_puts(out, named ? "{}" : "[]");
        return;
    }
    buf_putc(out, named ? '{' : '[');
    for (size_t i = 0; i < l->count; i++) {
        if (i)
            buf_putc(out, ',');
        newline(out, level + 1);
        if (named) {
            /* the first field of a named element is its name */
            const struct nomad_field *key = &f->sub->fields[0];
            write_string(out, (const struct nomad_string *)((const char *)l->items[i] +
                                                            key->offset));
            buf_puts(out, ": ");
        }
        write_struct(out, f->sub, l->items[i], level + 1);
    }
    newline(out, level);
    buf_putc(out, named ? '}' : ']');
}

static void write_field(struct buf *out, const struct nomad_field *f, const char *at,
                        int level) {
    if (f->pointer && !nomad_field_is_set(f, at)) {
        buf_puts(out, "null");
        return;
    }
    switch (f->kind) {
    case NOMAD_STRING:
        write_string(out, (const struct nomad_string *)at);
        break;
    case NOMAD_BYTES:
        write_base64(out, (const struct nomad_string *)at);
        break;
    case NOMAD_INT: case NOMAD_INT8: {
        const struct nomad_int *n = (const struct nomad_int *)at;
        buf_printf(out, "%" PRId64, n->set ? n->value : 0);
        break;
    }
    case NOMAD_UINT: case NOMAD_UINT8: {
        const struct nomad_int *n = (const struct nomad_int *)at;
        buf_printf(out, "%" PRIu64, n->set ? (uint64_t)n->value : 0);
        break;
    }
    case NOMAD_BOOL: {
        const struct nomad_bool *b = (const struct nomad_bool *)at;
        buf_puts(out, b->set && b->value ? "true" : "false");
        break;
    }
    case NOMAD_DURATION: {
        const struct nomad_duration *d = (const struct nomad_duration *)at;
        buf_printf(out, "%" PRId64, d->set ? d->ns : 0);
        break;
    }
    case NOMAD_STRINGS:
        write_strings(out, (const struct nomad_strings *)at, level);
        break;
    case NOMAD_MAP:
        write_map(out, (const struct nomad_map *)at, level);
        break;
    case NOMAD_HEADERS:
        write_headers(out, (const struct nomad_headers *)at, level);
        break;
    case NOMAD_OPAQUE:
        gval_write_json(out, ((const struct nomad_opaque *)at)->value, -1);
        break;
    case NOMAD_STRUCT:
        write_struct(out, f->sub, *(const void *const *)at, level);
        break;
    case NOMAD_LIST: case NOMAD_NAMED_MAP:
        write_list(out, f, (const struct nomad_list *)at, level);
        break;
    }
}

static void write_struct(struct buf *out, const struct nomad_schema *s, const void *v,
                         int level) {
    buf_putc(out, '{');
    bool first = true;
    for (size_t i = 0; i < s->count; i++) {
        const struct nomad_field *f = &s->fields[i];
        const char *at = (const char *)v + f->offset;
        if (f->omitempty && !nomad_field_is_set(f, at))
            continue;
        if (!first)
            buf_putc(out, ',');
        first = false;
        newline(out, level + 1);
        json_write_string(out, f->name, strlen(f->name));
        buf_puts(out, ": ");
        write_field(out, f, at, level + 1);
    }
    newline(out, level);
    buf_putc(out, '}');
}

void nomad_write_api_json(struct buf *out, const struct nomad_job *job) {
    buf_puts(out, "{");
    newline(out, 1);
    buf_puts(out, "\"Job\": ");
    write_struct(out, &nomad_schema_job, job, 1);
    newline(out, 0);
    buf_puts(out, "}\n");
}
