/* api_read.c — Nomad API JSON ({"Job": {...}}) into the job model, with Go
 * encoding/json's rules, driven by the schema. */
#include "nomad/api_json.h"

#include "nomad/schema.h"
#include "util/arena.h"
#include "util/str_index.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct reader {
    struct arena *arena;
    const struct source *src;
    struct diag_list *diags;
    bool failed;
};

static void type_error(struct reader *r, const struct json_value *v, const char *type_name,
                       const char *field, const char *expected) {
    r->failed = true;
    diag_add(r->diags, RULE_NMD016, r->src, v->span,
             "`%s` of %s must be %s, not %s (Nomad's API refuses the job)", field,
             type_name, expected, json_kind_name(v->kind));
}

static struct nomad_string make_string(struct reader *r, const char *text, size_t len,
                                       struct span span) {
    struct nomad_string s;
    s.text = arena_strndup(r->arena, text, len);
    s.len = len;
    s.set = true;
    s.span = span;
    return s;
}

/* An integer literal as Go's encoding/json takes it into an integer field. */
static bool json_integer(const struct json_value *v, bool is_unsigned, int bits,
                         int64_t *out) {
    const char *t = v->as.number.text;
    size_t len = v->as.number.len;
    for (size_t i = 0; i < len; i++)
        if (t[i] == '.' || t[i] == 'e' || t[i] == 'E')
            return false;
    char buf[64];
    if (len >= sizeof buf)
        return false;
    memcpy(buf, t, len);
    buf[len] = '\0';
    errno = 0;
    if (is_unsigned) {
        if (buf[0] == '-')
            return false;
        unsigned long long u = strtoull(buf, NULL, 10);
        if (errno || (bits == 8 && u > 255))
            return false;
        *out = (int64_t)u;
    } else {
        long long s = strtoll(buf, NULL, 10);
        if (errno || (bits == 8 && (s < -128 || s > 127)))
            return false;
        *out = s;
    }
    return true;
}

/* A tree node carrying the span of a JSON value, so later stages locate
 * findings in API JSON configs as in HCL ones (only kind and span, and the
 * text of strings, are filled in). */
static const struct hcl_value *span_node(struct reader *r, const struct json_value *v) {
    struct hcl_value *n = arena_alloc(r->arena, sizeof *n);
    n->span = v->span;
    switch (v->kind) {
    case JSON_OBJECT: n->kind = HCL_OBJECT; break;
    case JSON_ARRAY: n->kind = HCL_LIST; break;
    case JSON_NUMBER:
        n->kind = HCL_FLOAT;
        n->as.number.text = v->as.number.text;
        n->as.number.len = v->as.number.len;
        break;
    case JSON_BOOL: n->kind = HCL_BOOL; n->as.boolean = v->as.boolean; break;
    default:
        n->kind = HCL_STRING;
        n->as.string.text = v->kind == JSON_STRING ? v->as.string.text : "";
        n->as.string.len = v->kind == JSON_STRING ? v->as.string.len : 0;
        break;
    }
    return n;
}

/* The item of an object member: its key (with span) and its value's node. */
static const struct hcl_item *member_item(struct reader *r, const struct json_member *m,
                                          const struct hcl_value *value) {
    struct hcl_item *it = hcl_item_new(r->arena, 1);
    struct hcl_key *key = &it->keys[0];
    key->text = m->key;
    key->len = m->key_len;
    key->span = m->key_span;
    key->quoted = true;
    it->key_count = 1;
    it->value = (struct hcl_value *)value;
    it->has_assign = true;
    return it;
}

static struct gval *to_gval(struct reader *r, const struct json_value *v) {
    struct gval *g = arena_alloc(r->arena, sizeof *g);
    g->node = span_node(r, v);
    switch (v->kind) {
    case JSON_OBJECT:
        g->kind = GVAL_MAP;
        g->as.map.entries = arena_array(r->arena, v->as.object.count + 1,
                                        sizeof *g->as.map.entries);
        g->as.map.cap = v->as.object.count + 1;
        struct str_index keys = {0}; /* a repeated key keeps its first place */
        for (size_t i = 0; i < v->as.object.count; i++) {
            const struct json_member *m = &v->as.object.members[i];
            if (m->value->kind == JSON_NULL)
                continue;
            struct gval *value = to_gval(r, m->value);
            size_t k;
            if (!str_index_get(&keys, m->key, m->key_len, &k)) {
                k = g->as.map.count++;
                g->as.map.entries[k].key = m->key;
                g->as.map.entries[k].key_len = m->key_len;
                str_index_put(r->arena, &keys, m->key, m->key_len, k);
            }
            g->as.map.entries[k].value = value;
            g->as.map.entries[k].item = member_item(r, m, value->node);
        }
        break;
    case JSON_ARRAY:
        g->kind = GVAL_LIST;
        g->as.list.elems = arena_array(r->arena, v->as.array.count + 1,
                                       sizeof *g->as.list.elems);
        g->as.list.cap = v->as.array.count + 1;
        for (size_t i = 0; i < v->as.array.count; i++)
            if (v->as.array.elems[i]->kind != JSON_NULL)
                g->as.list.elems[g->as.list.count++] = to_gval(r, v->as.array.elems[i]);
        break;
    case JSON_NUMBER: {
        g->kind = GVAL_FLOAT;
        char *text = arena_strndup(r->arena, v->as.number.text, v->as.number.len);
        g->as.number = strtod(text, NULL);
        break;
    }
    case JSON_STRING:
        g->kind = GVAL_STRING;
        g->as.string.text = v->as.string.text;
        g->as.string.len = v->as.string.len;
        break;
    case JSON_BOOL:
        g->kind = GVAL_BOOL;
        g->as.boolean = v->as.boolean;
        break;
    case JSON_NULL:
        g->kind = GVAL_STRING;
        g->as.string.text = "";
        break;
    }
    return g;
}

static void read_struct(struct reader *r, const struct nomad_schema *s,
                        const struct json_value *obj, void *out);

static bool read_strings(struct reader *r, const struct json_value *v,
                         struct nomad_strings *out, const char *type_name,
                         const char *field) {
    if (v->kind != JSON_ARRAY) {
        type_error(r, v, type_name, field, "a list of strings");
        return false;
    }
    out->items = arena_array(r->arena, v->as.array.count + 1, sizeof *out->items);
    out->count = 0;
    for (size_t i = 0; i < v->as.array.count; i++) {
        const struct json_value *e = v->as.array.elems[i];
        if (e->kind == JSON_NULL) {
            out->items[out->count++] = make_string(r, "", 0, e->span);
            continue;
        }
        if (e->kind != JSON_STRING) {
            type_error(r, e, type_name, field, "a list of strings");
            return false;
        }
        out->items[out->count++] = make_string(r, e->as.string.text, e->as.string.len,
                                               e->span);
    }
    out->set = true;
    out->span = v->span;
    return true;
}

static void *new_struct(struct reader *r, const struct nomad_schema *s,
                        const struct json_value *v) {
    void *p = arena_alloc(r->arena, s->size);
    *(struct span *)p = v->span;
    if (v->kind == JSON_OBJECT)
        read_struct(r, s, v, p);
    else if (v->kind != JSON_NULL) {
        r->failed = true;
        diag_add(r->diags, RULE_NMD016, r->src, v->span,
                 "this must be an object (a %s), not %s (Nomad's API refuses the job)", s->name,
                 json_kind_name(v->kind));
    }
    return p;
}

static void read_field(struct reader *r, const struct nomad_schema *s,
                       const struct nomad_field *f, const struct json_value *v, char *at) {
    if (v->kind == JSON_NULL) {
        if (f->pointer || f->kind == NOMAD_LIST || f->kind == NOMAD_NAMED_MAP ||
            f->kind == NOMAD_STRINGS || f->kind == NOMAD_MAP || f->kind == NOMAD_HEADERS ||
            f->kind == NOMAD_OPAQUE || f->kind == NOMAD_STRUCT) {
            size_t size = 0;
            switch (f->kind) {
            case NOMAD_STRING: case NOMAD_BYTES: size = sizeof(struct nomad_string); break;
            case NOMAD_INT: case NOMAD_UINT: case NOMAD_INT8: case NOMAD_UINT8:
                size = sizeof(struct nomad_int); break;
            case NOMAD_BOOL: size = sizeof(struct nomad_bool); break;
            case NOMAD_DURATION: size = sizeof(struct nomad_duration); break;
            case NOMAD_STRINGS: size = sizeof(struct nomad_strings); break;
            case NOMAD_MAP: size = sizeof(struct nomad_map); break;
            case NOMAD_HEADERS: size = sizeof(struct nomad_headers); break;
            case NOMAD_OPAQUE: size = sizeof(struct nomad_opaque); break;
            case NOMAD_STRUCT: size = sizeof(void *); break;
            case NOMAD_LIST: case NOMAD_NAMED_MAP: size = sizeof(struct nomad_list); break;
            }
            memset(at, 0, size);
        }
        return;
    }
    switch (f->kind) {
    case NOMAD_STRING:
        if (v->kind != JSON_STRING)
            {
            type_error(r, v, s->name, f->name, "a string");
            return;
        }
        *(struct nomad_string *)at = make_string(r, v->as.string.text, v->as.string.len,
                                                 v->span);
        return;
    case NOMAD_BYTES:
        if (v->kind != JSON_STRING)
            {
            type_error(r, v, s->name, f->name, "a base64 string");
            return;
        }
        *(struct nomad_string *)at = make_string(r, v->as.string.text, v->as.string.len,
                                                 v->span);
        return;
    case NOMAD_INT: case NOMAD_UINT: case NOMAD_INT8: case NOMAD_UINT8: case NOMAD_DURATION: {
        bool is_unsigned = f->kind == NOMAD_UINT || f->kind == NOMAD_UINT8;
        int bits = f->kind == NOMAD_INT8 || f->kind == NOMAD_UINT8 ? 8 : 64;
        int64_t n;
        if (v->kind != JSON_NUMBER || !json_integer(v, is_unsigned, bits, &n))
            {
            type_error(r, v, s->name, f->name,
                              f->kind == NOMAD_DURATION ? "an integer (nanoseconds)"
                                                        : "an integer in range");
            return;
        }
        if (f->kind == NOMAD_DURATION) {
            struct nomad_duration *d = (struct nomad_duration *)at;
            d->ns = n;
            d->set = true;
            d->span = v->span;
        } else {
            struct nomad_int *i = (struct nomad_int *)at;
            i->value = n;
            i->set = true;
            i->span = v->span;
        }
        return;
    }
    case NOMAD_BOOL: {
        if (v->kind != JSON_BOOL)
            {
            type_error(r, v, s->name, f->name, "true or false");
            return;
        }
        struct nomad_bool *b = (struct nomad_bool *)at;
        b->value = v->as.boolean;
        b->set = true;
        b->span = v->span;
        return;
    }
    case NOMAD_STRINGS:
        read_strings(r, v, (struct nomad_strings *)at, s->name, f->name);
        return;
    case NOMAD_MAP: {
        if (v->kind != JSON_OBJECT)
            {
            type_error(r, v, s->name, f->name, "an object of strings");
            return;
        }
        struct nomad_map *m = (struct nomad_map *)at;
        m->entries = arena_array(r->arena, v->as.object.count + 1, sizeof *m->entries);
        m->count = 0;
        m->cap = v->as.object.count + 1;
        struct str_index keys = {0};
        for (size_t i = 0; i < v->as.object.count; i++) {
            const struct json_member *mem = &v->as.object.members[i];
            const struct json_value *e = mem->value;
            if (e->kind != JSON_STRING && e->kind != JSON_NULL)
                {
            type_error(r, e, s->name, f->name, "an object of strings");
            return;
        }
            size_t k;
            if (!str_index_get(&keys, mem->key, mem->key_len, &k)) {
                k = m->count;
                m->entries[m->count++].key = make_string(r, mem->key, mem->key_len,
                                                         mem->key_span);
                str_index_put(r->arena, &keys, mem->key, mem->key_len, k);
            }
            m->entries[k].value = e->kind == JSON_STRING
                                      ? make_string(r, e->as.string.text, e->as.string.len,
                                                    e->span)
                                      : make_string(r, "", 0, e->span);
        }
        m->set = true;
        m->span = v->span;
        return;
    }
    case NOMAD_HEADERS: {
        if (v->kind != JSON_OBJECT)
            {
            type_error(r, v, s->name, f->name, "an object of string lists");
            return;
        }
        struct nomad_headers *h = (struct nomad_headers *)at;
        h->entries = arena_array(r->arena, v->as.object.count + 1, sizeof *h->entries);
        h->count = 0;
        for (size_t i = 0; i < v->as.object.count; i++) {
            const struct json_member *mem = &v->as.object.members[i];
            struct nomad_header_entry *e = &h->entries[h->count++];
            e->name = make_string(r, mem->key, mem->key_len, mem->key_span);
            if (mem->value->kind != JSON_NULL &&
                !read_strings(r, mem->value, &e->values, s->name, f->name))
                return;
        }
        h->set = true;
        h->span = v->span;
        return;
    }
    case NOMAD_OPAQUE: {
        if (v->kind != JSON_OBJECT)
            {
            type_error(r, v, s->name, f->name, "an object");
            return;
        }
        struct nomad_opaque *o = (struct nomad_opaque *)at;
        o->value = to_gval(r, v);
        o->span = v->span;
        return;
    }
    case NOMAD_STRUCT: {
        if (v->kind != JSON_OBJECT)
            {
            type_error(r, v, s->name, f->name, "an object");
            return;
        }
        void **slot = (void **)at;
        if (*slot)
            read_struct(r, f->sub, v, *slot);
        else
            *slot = new_struct(r, f->sub, v);
        return;
    }
    case NOMAD_LIST: {
        if (v->kind != JSON_ARRAY)
            {
            type_error(r, v, s->name, f->name, "a list");
            return;
        }
        struct nomad_list *l = (struct nomad_list *)at;
        l->items = arena_array(r->arena, v->as.array.count + 1, sizeof *l->items);
        l->count = 0;
        for (size_t i = 0; i < v->as.array.count; i++)
            l->items[l->count++] = new_struct(r, f->sub, v->as.array.elems[i]);
        l->set = true;
        l->span = v->span;
        return;
    }
    case NOMAD_NAMED_MAP: {
        if (v->kind != JSON_OBJECT)
            {
            type_error(r, v, s->name, f->name, "an object");
            return;
        }
        struct nomad_list *l = (struct nomad_list *)at;
        l->items = arena_array(r->arena, v->as.object.count + 1, sizeof *l->items);
        l->count = 0;
        for (size_t i = 0; i < v->as.object.count; i++)
            l->items[l->count++] = new_struct(r, f->sub, v->as.object.members[i].value);
        l->set = true;
        l->span = v->span;
        return;
    }
    }
}

static const char *closest_field(const struct nomad_schema *s, const char *key) {
    for (size_t i = 0; i < s->count; i++) {
        const char *tag = s->fields[i].tag;
        if (tag && strcasecmp(tag, key) == 0)
            return s->fields[i].name;
    }
    return NULL;
}

static void read_struct(struct reader *r, const struct nomad_schema *s,
                        const struct json_value *obj, void *out) {
    for (size_t i = 0; i < obj->as.object.count; i++) {
        const struct json_member *m = &obj->as.object.members[i];
        const struct nomad_field *f = nomad_schema_find_json(s, m->key, m->key_len);
        if (!f) {
            char *key = arena_strndup(r->arena, m->key, m->key_len);
            const char *hint = closest_field(s, key);
            struct diag *d = diag_add(r->diags, RULE_NMD015, r->src, m->key_span,
                                      "Nomad 0.12 ignores `%s`: its API %s has no field of that name%s%s%s",
                                      key, s->name, hint ? " (did you mean `" : "",
                                      hint ? hint : "", hint ? "`?)" : "");
            if (d && hint) {
                diag_fix(d, "write `%s`", hint);
                diag_edit_key(d, r->src, m->key_span, hint);
            }
            continue;
        }
        read_field(r, s, f, m->value, (char *)out + f->offset);
    }
}

bool nomad_is_api_json(const struct json_value *root) {
    return root && root->kind == JSON_OBJECT && json_object_member(root, "Job") != NULL;
}

struct nomad_job *nomad_decode_api_json(struct arena *arena, const struct source *src,
                                        const struct json_value *root,
                                        struct diag_list *diags) {
    struct reader r = {arena, src, diags, false};
    const struct json_value *v = json_object_get(root, "Job");
    if (!v || v->kind != JSON_OBJECT) {
        diag_add(diags, RULE_NMD016, src, v ? v->span : root->span,
                 "`Job` must be an object holding the job");
        return NULL;
    }
    struct nomad_job *job = arena_alloc(arena, sizeof *job);
    job->span = v->span;
    read_struct(&r, &nomad_schema_job, v, job);
    if (r.failed)
        return NULL;
    nomad_schema_fill_strings(&nomad_schema_job, job);
    return job;
}
