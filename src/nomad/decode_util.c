/* decode_util.c — shared helpers of the jobspec decoder: filtering, the
 * invalid-key check, generic decode of bodies, weak field decoding. */
#include "nomad/decode_internal.h"
#include "util/str_index.h"

#include "util/arena.h"
#include "util/distance.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct nomad_string nomad_string_make(struct decode_ctx *c, const char *text,
                                      size_t len, struct span span) {
    struct nomad_string s;
    /* every text given lives as long as the job (the arena's, the tree's
     * or a literal): shared when it is already NUL-terminated */
    s.text = text[len] == '\0' ? text : arena_strndup(c->arena, text, len);
    s.len = len;
    s.set = true;
    s.span = span;
    return s;
}

void list_push(struct decode_ctx *c, struct nomad_list *list, void *item) {
    /* capacity is the next power of two, so growth is amortised O(1) */
    size_t n = list->count;
    if (n == 0 || (n & (n - 1)) == 0)
        list->items = arena_grow(c->arena, list->items, n, n ? 2 * n : 1,
                                 sizeof *list->items);
    list->items[list->count++] = item;
    list->set = true;
}

const char *key_text(const struct hcl_item *it, size_t index) {
    return it->keys[index].text;
}

struct item_set body_filter(struct decode_ctx *c, const struct hcl_object *body,
                            const char *key) {
    struct item_set s = {NULL, 0};
    size_t n = hcl_object_filter(body, key, NULL, 0);
    if (n == 0)
        return s;
    s.items = arena_array(c->scratch, n, sizeof *s.items);
    s.count = hcl_object_filter(body, key, s.items, n);
    return s;
}

static struct item_set items_where(struct decode_ctx *c, struct item_set s, bool labelled) {
    struct item_set r = {NULL, 0};
    if (s.count == 0)
        return r;
    r.items = arena_array(c->scratch, s.count, sizeof *r.items);
    for (size_t i = 0; i < s.count; i++)
        if ((item_labels(s.items[i]) > 0) == labelled)
            r.items[r.count++] = s.items[i];
    return r;
}

struct item_set items_plain(struct decode_ctx *c, struct item_set s) {
    return items_where(c, s, false);
}

static const char *value_kind_words(const struct hcl_value *v) {
    switch (v->kind) {
    case HCL_LIST: return "a list";
    case HCL_OBJECT: return "a block";
    case HCL_STRING: case HCL_HEREDOC: return "a string";
    case HCL_BOOL: return "a bool";
    default: return "a number";
    }
}

const struct hcl_object *item_body(struct decode_ctx *c, const struct hcl_item *it,
                                   const char *what) {
    if (it->value && it->value->kind == HCL_OBJECT)
        return &it->value->as.object;
    struct diag *d = decode_error(c, RULE_NMD010, it->value ? it->value->span : hcl_item_span(it),
                                  "`%s` must be a block, not %s", what,
                                  it->value ? value_kind_words(it->value) : "a value");
    if (d)
        diag_fix(d, "write `%s { ... }`", what);
    return NULL;
}

static const char *suggest(const char *key, const char *const *valid) {
    const char *best = NULL;
    size_t best_distance = 99;
    for (size_t i = 0; valid[i]; i++) {
        if (strcasecmp(key, valid[i]) == 0)
            return valid[i];
        size_t d = edit_distance(key, valid[i], 3); /* hints go at most 3 edits far */
        if (d < best_distance) {
            best_distance = d;
            best = valid[i];
        }
    }
    size_t len = strlen(key);
    size_t limit = len <= 3 ? 1 : len <= 7 ? 2 : 3;
    return best_distance <= limit ? best : NULL;
}

/* Keys that later Nomad releases accept (docs/nomad.md):
 * the usual reason a key is unknown to Nomad 0.12. */
static const struct {
    const char *where, *key, *since;
} newer_keys[] = {
    {"job", "node_pool", "1.7"},
    {"group", "consul", "1.2"},
    {"group", "max_client_disconnect", "1.3"},
    {"group", "disconnect", "1.8"},
    {"task", "scaling", "1.0"},
    {"task", "identity", "1.5"},
    {"task", "action", "1.7"},
    {"resources", "memory_max", "1.1"},
    {"resources", "cores", "1.1"},
    {"network", "hostname", "1.2"},
    {"service", "on_update", "1.2"},
    {"service", "provider", "1.3"},
    {"service", "tagged_addresses", "1.4"},
    {"check", "on_update", "1.2"},
    {"check", "body", "1.2"},
    {"check", "failures_before_warning", "1.8"},
    {"artifact", "headers", "1.4"},
    {"template", "change_script", "1.4"},
    {"template", "uid", "1.4"},
    {"template", "gid", "1.4"},
    {"template", "wait", "1.5"},
    {"template", "error_on_missing_key", "1.5"},
    {"vault", "disable_file", "1.6"},
    {"restart", "render_templates", "1.7"},
    {"periodic", "crons", "1.6"},
    {"scaling", "type", "1.0"},
    {"sidecar_service", "disable_default_tcp_check", "1.1"},
    {"sidecar_service", "meta", "1.5"},
    {"gateway", "terminating", "1.0"},
    {"gateway", "mesh", "1.1"},
};

static const char *newer_release(const char *where, const char *key) {
    for (size_t i = 0; i < sizeof newer_keys / sizeof newer_keys[0]; i++)
        if (!strcmp(newer_keys[i].where, where) && !strcmp(newer_keys[i].key, key))
            return newer_keys[i].since;
    return NULL;
}

bool check_keys(struct decode_ctx *c, const struct hcl_object *body,
                const char *const *valid, const char *where) {
    bool ok = true;
    for (size_t i = 0; i < body->count; i++) {
        const struct hcl_item *it = body->items[i];
        const char *key = it->keys[0].text;
        bool known = false;
        for (size_t v = 0; valid[v] && !known; v++)
            known = strcmp(valid[v], key) == 0;
        if (known)
            continue;
        ok = false;
        const char *hint = suggest(key, valid);
        const char *since = newer_release(where, key);
        struct diag *d;
        if (since)
            d = decode_error(c, RULE_NMD001, it->keys[0].span,
                             "unknown key `%s` in %s: it exists from Nomad %s on, and "
                             "Nomad 0.12 refuses it", key, where, since);
        else if (hint)
            d = decode_error(c, RULE_NMD001, it->keys[0].span,
                             "unknown key `%s` in %s (did you mean `%s`?)", key, where,
                             hint);
        else
            d = decode_error(c, RULE_NMD001, it->keys[0].span, "unknown key `%s` in %s", key,
                             where);
        if (d) {
            char list[1024];
            size_t used = 0;
            list[0] = '\0';
            for (size_t v = 0; valid[v] && used + 40 < sizeof list; v++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                         v ? ", " : "", valid[v]);
            if (valid[0])
                diag_note(d, it->keys[0].span, "%s accepts: %s", where, list);
            else
                diag_note(d, it->keys[0].span, "%s accepts no keys", where);
            if (hint && !since) {
                diag_fix(d, "write `%s`", hint);
                diag_edit_key(d, c->src, it->keys[0].span, hint);
            }
        }
    }
    return ok;
}

static size_t pointer_hash(const void *p) {
    uint64_t h = (uint64_t)(uintptr_t)p;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (size_t)h;
}

/* Makes room for n more bodies at a load of at most 2/3 (one table of its
 * final size when n is known, instead of doubling from 64). */
static void cache_reserve(struct decode_ctx *c, size_t n) {
    struct body_cache *bc = &c->cache;
    size_t want = bc->count + n;
    if (want + want / 2 <= bc->cap)
        return;
    size_t cap = bc->cap ? bc->cap : 64;
    while (cap < want + want / 2)
        cap *= 2;
    const struct hcl_object **keys = arena_array(c->scratch, cap, sizeof *keys);
    struct gval **values = arena_array(c->scratch, cap, sizeof *values);
    for (size_t i = 0; i < bc->cap; i++) {
        if (!bc->keys[i])
            continue;
        size_t j = pointer_hash(bc->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = bc->keys[i];
        values[j] = bc->values[i];
    }
    bc->keys = keys;
    bc->values = values;
    bc->cap = cap;
}

static void cache_put(struct decode_ctx *c, const struct hcl_object *key, struct gval *value) {
    struct body_cache *bc = &c->cache;
    cache_reserve(c, 1);
    size_t j = pointer_hash(key) & (bc->cap - 1);
    while (bc->keys[j] && bc->keys[j] != key)
        j = (j + 1) & (bc->cap - 1);
    if (!bc->keys[j])
        bc->count++;
    bc->keys[j] = key;
    bc->values[j] = value;
}

static struct gval *cache_get(struct decode_ctx *c, const struct hcl_object *key) {
    struct body_cache *bc = &c->cache;
    if (!bc->cap)
        return NULL;
    size_t j = pointer_hash(key) & (bc->cap - 1);
    while (bc->keys[j]) {
        if (bc->keys[j] == key)
            return bc->values[j];
        j = (j + 1) & (bc->cap - 1);
    }
    return NULL;
}

void body_cache_fill(struct decode_ctx *c, struct gval *v) {
    /* explicit stack: values nest as deep as the input; the bodies are
     * collected first so that the table is sized once */
    size_t cap = 64, top = 0, found_cap = 64, found = 0;
    struct gval **stack = xreallocarray(NULL, cap, sizeof *stack);
    struct gval **bodies = xreallocarray(NULL, found_cap, sizeof *bodies);
    stack[top++] = v;
    while (top > 0) {
        struct gval *g = stack[--top];
        size_t n = 0;
        if (g->kind == GVAL_MAP) {
            if (g->node && g->node->kind == HCL_OBJECT) {
                if (found == found_cap) {
                    found_cap *= 2;
                    bodies = xreallocarray(bodies, found_cap, sizeof *bodies);
                }
                bodies[found++] = g;
            }
            n = g->as.map.count;
        } else if (g->kind == GVAL_MAP_LIST || g->kind == GVAL_LIST) {
            n = g->as.list.count;
        }
        if (top + n > cap) {
            cap = (top + n) * 2;
            stack = xreallocarray(stack, cap, sizeof *stack);
        }
        for (size_t i = 0; i < n; i++) {
            struct gval *child = g->kind == GVAL_MAP ? g->as.map.entries[i].value
                                                     : g->as.list.elems[i];
            if (child->kind == GVAL_MAP || child->kind == GVAL_MAP_LIST ||
                child->kind == GVAL_LIST)
                stack[top++] = child; /* leaves hold no bodies */
        }
    }
    free(stack);
    cache_reserve(c, found);
    for (size_t i = 0; i < found; i++)
        cache_put(c, &bodies[i]->node->as.object, bodies[i]);
    free(bodies);
}

struct gval *decode_body(struct decode_ctx *c, const struct hcl_object *body) {
    struct gval *cached = cache_get(c, body);
    if (cached)
        return cached;
    return hcl_decode_object(c->scratch, c->src, body, c->diags);
}

struct span gval_span(const struct gval *v, struct span fallback) {
    return v && v->node ? v->node->span : fallback;
}

struct span entry_span(const struct gval_entry *e) {
    if (e->value && e->value->node)
        return e->value->node->span;
    if (e->item)
        return hcl_item_span(e->item);
    return span_make(0, 0);
}

static bool skipped(const char *key, size_t len, const char *const *skip) {
    for (size_t i = 0; len && skip && skip[i]; i++) /* no skipped key is empty */
        if (skip[i][0] == key[0] && strlen(skip[i]) == len && memcmp(skip[i], key, len) == 0)
            return true;
    return false;
}

bool decode_fields(struct decode_ctx *c, const struct gval *map,
                   const struct nomad_schema *s, void *out,
                   const char *const *skip, bool durations, bool strict,
                   const char *where) {
    if (!map || map->kind != GVAL_MAP)
        return true;
    for (size_t i = 0; i < map->as.map.count; i++) {
        const struct gval_entry *e = &map->as.map.entries[i];
        if (skipped(e->key, e->key_len, skip))
            continue;
        const struct nomad_field *f = nomad_schema_find_key(s, e->key, e->key_len);
        if (!f)
            continue;
        if (!decode_field(c, e->value, entry_span(e), f, out, durations, strict, where))
            return false;
    }
    return true;
}

static const char *gval_words(const struct gval *v) {
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

/* The jobspec key of a field: its tag, else its Go name in lower case
 * (such fields match their key case-insensitively). */
static const char *field_key(struct decode_ctx *c, const struct nomad_field *f) {
    if (f->tag)
        return f->tag;
    char *lower = arena_strdup(c->arena, f->name);
    for (char *p = lower; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return lower;
}

static bool decode_strings(struct decode_ctx *c, const struct gval *v, struct span span,
                           const struct nomad_field *f, struct nomad_strings *out,
                           bool strict, const char *where) {
    const struct gval *single[1];
    const struct gval *const *elems;
    size_t count;
    if (v->kind == GVAL_LIST || v->kind == GVAL_MAP_LIST) {
        elems = (const struct gval *const *)v->as.list.elems;
        count = v->as.list.count;
    } else if (strict) {
        decode_error(c, RULE_NMD002, span, "`%s` in %s must be a list of strings, not %s",
                     field_key(c, f), where, gval_words(v));
        return false;
    } else {
        single[0] = v;
        elems = single;
        count = 1;
    }
    size_t base = 0;
    struct nomad_string *items = arena_array(c->arena, count ? count : 1, sizeof *items);
    for (size_t i = 0; i < count; i++) {
        const char *text, *why;
        size_t len;
        struct span es = gval_span(elems[i], span);
        if (!weak_to_string(c, elems[i], strict, &text, &len, &why)) {
            decode_error(c, RULE_NMD002, es, "element %zu of `%s` in %s: %s", i + 1,
                         field_key(c, f), where, why);
            return false;
        }
        items[base + i] = nomad_string_make(c, text, len, es);
    }
    out->items = items;
    out->count = base + count;
    out->set = true;
    out->span = span;
    return true;
}

bool decode_field(struct decode_ctx *c, const struct gval *v, struct span span,
                  const struct nomad_field *f, void *out, bool durations,
                  bool strict, const char *where) {
    char *at = (char *)out + f->offset;
    const char *why = NULL;
    if (!v)
        return true;
    switch (f->kind) {
    case NOMAD_STRING: {
        const char *text;
        size_t len;
        if (!weak_to_string(c, v, strict, &text, &len, &why))
            break;
        *(struct nomad_string *)at = nomad_string_make(c, text, len, span);
        return true;
    }
    case NOMAD_INT: case NOMAD_UINT: case NOMAD_INT8: case NOMAD_UINT8: {
        int bits = f->kind == NOMAD_INT8 || f->kind == NOMAD_UINT8 ? 8 : 64;
        bool is_unsigned = f->kind == NOMAD_UINT || f->kind == NOMAD_UINT8;
        int64_t value;
        if (!weak_to_int(c, v, bits, is_unsigned, strict, &value, &why))
            break;
        if (bits == 8 && v->kind == GVAL_INT && v->as.integer != value)
            decode_warning(c, RULE_NMD018, span,
                           "`%s` in %s is %lld, outside the %s range; Nomad silently stores "
                           "%lld", field_key(c, f), where, (long long)v->as.integer,
                           is_unsigned ? "0..255" : "-128..127", (long long)value);
        struct nomad_int *n = (struct nomad_int *)at;
        n->value = value;
        n->set = true;
        n->span = span;
        return true;
    }
    case NOMAD_BOOL: {
        bool value;
        if (!weak_to_bool(c, v, strict, &value, &why))
            break;
        struct nomad_bool *b = (struct nomad_bool *)at;
        b->value = value;
        b->set = true;
        b->span = span;
        return true;
    }
    case NOMAD_DURATION: {
        struct nomad_duration *d = (struct nomad_duration *)at;
        int64_t ns;
        if (durations && v->kind == GVAL_STRING) {
            if (!go_parse_duration(c, v->as.string.text, v->as.string.len, &ns, &why)) {
                decode_error(c, RULE_NMD003, span, "`%s` in %s is not a valid duration: %s",
                             field_key(c, f), where, why);
                return false;
            }
            d->from_number = false;
        } else {
            if (!weak_to_int(c, v, 64, false, strict, &ns, &why))
                break;
            d->from_number = v->kind != GVAL_STRING;
            if (d->from_number && ns != 0)
                decode_warning(c, RULE_NMD013, span,
                               "`%s` in %s is the number %lld, which Nomad reads as %lld "
                               "nanoseconds; write a duration with a unit, e.g. \"%llds\"",
                               field_key(c, f), where, (long long)ns, (long long)ns,
                               (long long)ns);
        }
        d->ns = ns;
        d->set = true;
        d->span = span;
        return true;
    }
    case NOMAD_STRINGS:
        return decode_strings(c, v, span, f, (struct nomad_strings *)at, strict, where);
    default:
        return true; /* blocks and maps are decoded by their stanza code */
    }
    decode_error(c, RULE_NMD002, span, "`%s` in %s: %s", field_key(c, f), where,
                 why ? why : "value of the wrong type");
    return false;
}

/* maps of at most this many keys find repeated keys by scanning */
#define STRING_MAP_SCAN 16

static bool map_find(const struct nomad_map *out, const struct str_index *keys, bool hashed,
                     const char *key, size_t len, size_t *at) {
    if (hashed)
        return str_index_get(keys, key, len, at);
    for (size_t k = 0; k < out->count; k++)
        if (out->entries[k].key.len == len && memcmp(out->entries[k].key.text, key, len) == 0) {
            *at = k;
            return true;
        }
    return false;
}

bool decode_string_map(struct decode_ctx *c, const struct gval *map,
                       struct nomad_map *out, const char *where) {
    if (!map || map->kind != GVAL_MAP)
        return true;
    /* keys already in out (an earlier block), found by hash when there may
     * be many: n keys take O(n) */
    size_t most = out->count + map->as.map.count;
    bool hashed = most > STRING_MAP_SCAN;
    struct str_index keys = {0};
    for (size_t k = 0; hashed && k < out->count; k++)
        str_index_put(c->scratch, &keys, out->entries[k].key.text, out->entries[k].key.len, k);
    for (size_t i = 0; i < map->as.map.count; i++) {
        const struct gval_entry *e = &map->as.map.entries[i];
        const char *text, *why;
        size_t len;
        struct span vs = entry_span(e);
        if (!weak_to_string(c, e->value, false, &text, &len, &why)) {
            decode_error(c, RULE_NMD002, vs, "`%.*s` in %s: %s", (int)e->key_len, e->key,
                         where, why);
            return false;
        }
        struct span ks = e->item ? e->item->keys[0].span : vs;
        size_t k;
        if (!map_find(out, &keys, hashed, e->key, e->key_len, &k)) {
            k = out->count;
            if (out->count >= out->cap) {
                /* room for every key of this block at once */
                size_t cap = most > 2 * out->count ? most : 2 * out->count;
                out->entries = arena_grow(c->arena, out->entries, out->count, cap,
                                          sizeof *out->entries);
                out->cap = cap;
            }
            out->entries[k].key = nomad_string_make(c, e->key, e->key_len, ks);
            out->count++;
            if (hashed)
                str_index_put(c->scratch, &keys, out->entries[k].key.text, e->key_len, k);
        }
        out->entries[k].value = nomad_string_make(c, text, len, vs);
    }
    out->set = true;
    return true;
}

bool decode_map_blocks(struct decode_ctx *c, struct item_set s, struct nomad_map *out,
                       const char *what) {
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        if (item_labels(it) > 0) {
            decode_warning(c, RULE_NMD014, it->keys[1].span,
                           "Nomad ignores this labelled `%s` block: `%s` takes no label",
                           what, what);
            continue;
        }
        const struct hcl_object *body = item_body(c, it, what);
        if (!body)
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        if (!out->set)
            out->span = hcl_item_span(it);
        if (!decode_string_map(c, m, out, what))
            return false;
    }
    return true;
}

const struct hcl_item *single_block(struct decode_ctx *c, struct item_set s,
                                    const char *name, const char *too_many,
                                    bool *ok) {
    *ok = true;
    struct item_set plain = items_plain(c, s);
    if (plain.count > 1) {
        struct diag *d = decode_error(c, RULE_NMD004, plain.items[1]->keys[0].span,
                                      "%s", too_many);
        if (d)
            diag_note(d, plain.items[0]->keys[0].span, "first `%s` block", name);
        *ok = false;
        return NULL;
    }
    if (plain.count == 0) {
        if (s.count > 0) {
            const struct hcl_item *it = s.items[0];
            decode_error(c, RULE_NMD008, it->keys[1].span,
                         "`%s` takes no label; Nomad 0.12 crashes on a labelled `%s` block "
                         "given alone", name, name);
            *ok = false;
        }
        return NULL;
    }
    for (size_t i = 0; i < s.count; i++)
        if (item_labels(s.items[i]) > 0)
            decode_warning(c, RULE_NMD014, s.items[i]->keys[1].span,
                           "Nomad ignores this labelled `%s` block: `%s` takes no label",
                           name, name);
    return plain.items[0];
}

static void map_put(struct decode_ctx *c, struct gval *map, const struct gval_entry *e,
                    struct gval *value) {
    for (size_t i = 0; i < map->as.map.count; i++) {
        struct gval_entry *x = &map->as.map.entries[i];
        if (x->key_len == e->key_len && memcmp(x->key, e->key, e->key_len) == 0) {
            x->value = value;
            return;
        }
    }
    if (map->as.map.count == map->as.map.cap) {
        size_t cap = map->as.map.cap ? map->as.map.cap * 2 : 8;
        map->as.map.entries = arena_grow(c->scratch, map->as.map.entries, map->as.map.count,
                                         cap, sizeof *map->as.map.entries);
        map->as.map.cap = cap;
    }
    struct gval_entry *n = &map->as.map.entries[map->as.map.count++];
    *n = *e;
    n->value = value;
}

struct gval *gval_merge(struct decode_ctx *c, struct gval *into, const struct gval *map) {
    if (!into) {
        into = arena_alloc(c->scratch, sizeof *into);
        into->kind = GVAL_MAP;
        into->node = map ? map->node : NULL;
    }
    for (size_t i = 0; map && map->kind == GVAL_MAP && i < map->as.map.count; i++)
        map_put(c, into, &map->as.map.entries[i], map->as.map.entries[i].value);
    return into;
}

struct gval *gval_flatten(struct decode_ctx *c, const struct gval *map) {
    struct gval *out = arena_alloc(c->scratch, sizeof *out);
    out->kind = GVAL_MAP;
    out->node = map->node;
    for (size_t i = 0; map->kind == GVAL_MAP && i < map->as.map.count; i++) {
        const struct gval_entry *e = &map->as.map.entries[i];
        struct gval *v = e->value;
        if (v->kind == GVAL_MAP_LIST) {
            struct gval *merged = arena_alloc(c->scratch, sizeof *merged);
            merged->kind = GVAL_MAP;
            merged->node = v->node;
            for (size_t j = 0; j < v->as.list.count; j++) {
                struct gval *inner = gval_flatten(c, v->as.list.elems[j]);
                for (size_t k = 0; k < inner->as.map.count; k++)
                    map_put(c, merged, &inner->as.map.entries[k],
                            inner->as.map.entries[k].value);
            }
            v = merged;
        } else if (v->kind == GVAL_MAP) {
            v = gval_flatten(c, v);
        }
        map_put(c, out, e, v);
    }
    return out;
}

const struct gval *gval_keep(struct decode_ctx *c, const struct gval *v) {
    if (!v || c->scratch == c->arena)
        return v;
    struct gval *g = arena_alloc(c->arena, sizeof *g);
    *g = *v;
    if (v->kind == GVAL_MAP) {
        uint32_t n = v->as.map.count;
        struct gval_entry *entries = arena_array(c->arena, n ? n : 1, sizeof *entries);
        for (uint32_t i = 0; i < n; i++) {
            entries[i] = v->as.map.entries[i];
            entries[i].value = (struct gval *)gval_keep(c, entries[i].value);
        }
        g->as.map.entries = entries;
        g->as.map.cap = n;
    } else if (v->kind == GVAL_MAP_LIST || v->kind == GVAL_LIST) {
        uint32_t n = v->as.list.count;
        struct gval **elems = arena_array(c->arena, n ? n : 1, sizeof *elems);
        for (uint32_t i = 0; i < n; i++)
            elems[i] = (struct gval *)gval_keep(c, v->as.list.elems[i]);
        g->as.list.elems = elems;
        g->as.list.cap = n;
    }
    return g;
}

/* A block that may appear once, decoded by its schema into a fresh
 * model struct (which starts with its span). */
void *simple_block(struct decode_ctx *c, struct item_set s, const char *name,
                          const char *too_many, const char *const *valid,
                          const struct nomad_schema *schema, bool durations, bool *ok) {
    const struct hcl_item *it = single_block(c, s, name, too_many, ok);
    if (!it)
        return NULL;
    *ok = false;
    const struct hcl_object *body = item_body(c, it, name);
    if (!body || !check_keys(c, body, valid, name))
        return NULL;
    struct gval *m = decode_body(c, body);
    if (!m)
        return NULL;
    void *out = arena_alloc(c->arena, schema->size);
    *(struct span *)out = hcl_item_span(it); /* every model struct starts with its span */
    if (!decode_fields(c, m, schema, out, NULL, durations, false, name))
        return NULL;
    *ok = true;
    return out;
}

bool decode_each_block(struct decode_ctx *c, struct item_set s, const char *name,
                       const char *where, const char *const *valid,
                       const struct nomad_schema *schema, bool durations, bool strict,
                       struct nomad_list *out) {
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_object *body = item_body(c, s.items[i], name);
        if (!body || !check_keys(c, body, valid, where))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        void *block = arena_alloc(c->arena, schema->size);
        *(struct span *)block = hcl_item_span(s.items[i]); /* every model struct starts with its span */
        if (!decode_fields(c, m, schema, block, NULL, durations, strict, where))
            return false;
        list_push(c, out, block);
    }
    return true;
}
