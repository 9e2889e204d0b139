/* generic_stream.c — the generic decode as JSON, written from the tree
 * (see generic_stream.h). Two walks of the same code: the check pass
 * (out == NULL) applies every decode rule in the reference's order and
 * keeps only each map entry's kind, so a repeated key is checked against
 * the kind its first value gave; the write pass walks again and writes.
 * A map's fields are collected first (HCL1's Filter and merges decide
 * them), then written in sorted key order, each from the nodes that
 * decode into it. */
#include "hcl/generic_stream.h"
#include "hcl/decode_rules.h"
#include "hcl/generic.h"
#include "util/arena.h"
#include "util/str_index.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NO_OP UINT32_MAX

/* one node decoded into a map entry, chained in decode order */
struct op {
    struct node value;
    uint32_t next;
};

/* a map entry: its exact key and the nodes that decode into it */
struct entry {
    const char *key;
    size_t len;
    uint32_t first, last;
    enum gval_kind kind; /* the check pass: the slot's kind after the first node */
};

struct stream {
    struct decoder d;
    struct buf *out; /* NULL: the check pass */
    int indent;
    struct arena **levels; /* scratch per JSON nesting level */
    size_t level_count;
};

/* the fields of one map, as the rules produce them */
struct fields {
    struct stream *s;
    struct arena *scratch;
    int level;
    struct entry *entries;
    uint32_t count;
    struct op *ops;
    uint32_t op_count;
    bool hashed;
    struct str_index index; /* key -> entry, for large maps */
};

/* from this many items on, a map's keys are found by a hash */
#define FIELDS_INDEX_MIN 16

static bool apply(struct stream *s, const struct path *name, const struct node *n,
                  enum gval_kind kind, int level, bool *first);

static struct arena *level_arena(struct stream *s, int level) {
    size_t at = (size_t)level;
    if (at >= s->level_count) {
        size_t count = at + 16;
        s->levels = xrealloc(s->levels, count * sizeof *s->levels);
        memset(s->levels + s->level_count, 0, (count - s->level_count) * sizeof *s->levels);
        s->level_count = count;
    }
    if (!s->levels[at])
        s->levels[at] = arena_new();
    return s->levels[at];
}

static bool is_slice(enum gval_kind kind) { return kind == GVAL_MAP_LIST || kind == GVAL_LIST; }

/* the separator before a list element at level, '[' before the first */
static void element_start(struct stream *s, int level, bool *first) {
    buf_putc(s->out, *first ? '[' : ',');
    *first = false;
    gval_json_newline(s->out, s->indent, level);
}

static void list_end(struct stream *s, int level, bool first) {
    if (first) {
        buf_puts(s->out, "[]");
        return;
    }
    gval_json_newline(s->out, s->indent, level);
    buf_putc(s->out, ']');
}

/* The check pass need not enter what cannot fail (rules_cannot_fail). */
static bool safe_to_skip(const struct stream *s, const struct node *n, bool as_map) {
    return !s->out && rules_cannot_fail(&s->d, n, as_map);
}

/* n into an empty interface slot (decodeInterface) */
static bool fresh(struct stream *s, const struct path *name, const struct node *n, int level) {
    enum gval_kind kind;
    if (!rules_interface_kind(&s->d, name, n, &kind))
        return false;
    if (safe_to_skip(s, n, false))
        return true;
    bool first = true;
    if (!apply(s, name, n, kind, level, &first))
        return false;
    if (s->out && is_slice(kind))
        list_end(s, level, first);
    return true;
}

/* The tree is larger than the caches: while one element is written, the
 * next one's subtree is fetched (hcl_value_prefetch). */
static void prefetch_node(const struct node *n, size_t i) {
    struct node next = rules_slice_elem(n, i);
    const struct hcl_value *v = next.type == N_ITEM ? next.item.item->value : next.value;
    if (v)
        hcl_value_prefetch(v);
}

/* ---- values no rule can fail on ------------------------------------
 * A value the parser marked decode_safe (tree.h), where rules_cannot_fail
 * holds, is written straight from the tree by the walk below: no key of
 * its objects comes twice and every number converts, so each object is a
 * map of its items in sorted key order, an item's labels nest as lists of
 * one-entry maps, an object where no list holds it is a list of one map,
 * and the scalars are what rules_scalar makes of them. This is exactly
 * what the rules do to such a value (the fuzzer compares the two), at a
 * fraction of the bookkeeping. */

static void safe_value(struct stream *s, const struct hcl_value *v, bool in_slice, int level);

/* a map entry's start at level: its key and the colon */
static void write_key(struct stream *s, const char *key, size_t len, int level) {
    gval_json_newline(s->out, s->indent, level);
    json_write_string(s->out, key, len);
    buf_puts(s->out, s->indent < 0 ? ":" : ": ");
}

static void safe_labelled(struct stream *s, const struct hcl_item *it, size_t key_off,
                          int level);

/* the value of the field an item's key_off-th key names: a list of one
 * map while labels remain, else the item's value */
static void safe_field(struct stream *s, const struct hcl_item *it, size_t key_off, int level) {
    if (key_off + 1 >= it->key_count) {
        safe_value(s, it->value, false, level);
        return;
    }
    buf_putc(s->out, '[');
    gval_json_newline(s->out, s->indent, level + 1);
    safe_labelled(s, it, key_off + 1, level + 1);
    gval_json_newline(s->out, s->indent, level);
    buf_putc(s->out, ']');
}

/* an item from its key_off-th key on, as the element of a list of maps:
 * {"key": field} */
static void safe_labelled(struct stream *s, const struct hcl_item *it, size_t key_off,
                          int level) {
    buf_putc(s->out, '{');
    write_key(s, it->keys[key_off].text, it->keys[key_off].len, level + 1);
    safe_field(s, it, key_off, level + 1);
    gval_json_newline(s->out, s->indent, level);
    buf_putc(s->out, '}');
}

static bool item_key_less(const struct hcl_item *a, const struct hcl_item *b) {
    return gval_key_compare(a->keys[0].text, a->keys[0].len, b->keys[0].text, b->keys[0].len) < 0;
}

/* an object as a map: its items in sorted key order (a decode_safe
 * object has at most HCL_SAFE_MAX_ITEMS, none sharing a first key) */
static void safe_map(struct stream *s, const struct hcl_value *v, int level) {
    const struct hcl_object *o = &v->as.object;
    if (!o->count) {
        buf_puts(s->out, "{}");
        return;
    }
    const struct hcl_item *order[HCL_SAFE_MAX_ITEMS];
    size_t n = o->count < HCL_SAFE_MAX_ITEMS ? o->count : HCL_SAFE_MAX_ITEMS;
    for (size_t i = 0; i < n; i++) {
        const struct hcl_item *it = o->items[i];
        size_t j = i;
        for (; j > 0 && item_key_less(it, order[j - 1]); j--)
            order[j] = order[j - 1];
        order[j] = it;
    }
    buf_putc(s->out, '{');
    for (size_t i = 0; i < n; i++) {
        const struct hcl_item *it = order[i];
        if (i)
            buf_putc(s->out, ',');
        write_key(s, it->keys[0].text, it->keys[0].len, level + 1);
        safe_field(s, it, 0, level + 1);
    }
    gval_json_newline(s->out, s->indent, level);
    buf_putc(s->out, '}');
}

static void safe_value(struct stream *s, const struct hcl_value *v, bool in_slice, int level) {
    switch (v->kind) {
    case HCL_OBJECT:
        if (in_slice) {
            safe_map(s, v, level);
            return;
        }
        buf_putc(s->out, '[');
        gval_json_newline(s->out, s->indent, level + 1);
        safe_map(s, v, level + 1);
        gval_json_newline(s->out, s->indent, level);
        buf_putc(s->out, ']');
        return;
    case HCL_LIST: {
        bool first = true;
        for (size_t i = 0; i < v->as.list.count; i++) {
            element_start(s, level + 1, &first);
            safe_value(s, v->as.list.elems[i], true, level + 1);
        }
        list_end(s, level, first);
        return;
    }
    default: {
        static const struct path none = {NULL, "value", 5, 0};
        struct node n = rules_value_node(v);
        enum gval_kind kind;
        struct gval g;
        if (rules_interface_kind(&s->d, &none, &n, &kind) &&
            rules_scalar(&s->d, &none, &n, rules_kind_of(kind), &g))
            gval_write_json(s->out, &g, s->indent);
        return;
    }
    }
}

/* An element of a list being written, straight from the tree when no
 * rule can fail on it; false when it needs the rules. */
static bool safe_element(struct stream *s, const struct node *item, bool maps, int level) {
    if (item->type == N_LITERAL ? maps || !item->value->decode_safe
                                : !rules_cannot_fail(&s->d, item, maps))
        return false;
    if (!maps)
        safe_value(s, item->value, true, level);
    else if (item->type == N_ITEM)
        safe_labelled(s, item->item.item, item->item.key_off, level);
    else
        safe_map(s, item->value, level);
    return true;
}

/* decodeSlice: the elements of n, continuing a list at level */
static bool slice_elems(struct stream *s, const struct path *name, const struct node *n,
                        bool maps, int level, bool *first) {
    size_t count;
    if (!rules_slice_count(&s->d, name, n, &count))
        return false;
    for (size_t i = 0; i < count; i++) {
        struct node item = rules_slice_elem(n, i);
        struct path field = {name, NULL, 0, i};
        if (s->out && i + 1 < count)
            prefetch_node(n, i + 1);
        if (s->out) {
            element_start(s, level + 1, first);
            if (safe_element(s, &item, maps, level + 1)) {
                buf_spill(s->out);
                continue;
            }
        } else if (safe_to_skip(s, &item, maps)) {
            continue;
        }
        bool ok = maps ? apply(s, &field, &item, GVAL_MAP, level + 1, NULL)
                       : fresh(s, &field, &item, level + 1);
        if (!ok)
            return false;
        if (s->out)
            buf_spill(s->out);
    }
    return true;
}

static struct entry *entry_for(struct fields *f, const char *key, size_t len) {
    size_t at;
    if (f->hashed) {
        if (str_index_get(&f->index, key, len, &at))
            return &f->entries[at];
    } else {
        for (at = 0; at < f->count; at++)
            if (f->entries[at].len == len && memcmp(f->entries[at].key, key, len) == 0)
                return &f->entries[at];
    }
    at = f->count++;
    if (f->hashed)
        str_index_put(f->scratch, &f->index, key, len, at);
    struct entry *e = &f->entries[at];
    e->key = key;
    e->len = len;
    e->first = e->last = NO_OP;
    return e;
}

static bool on_field(struct decoder *d, void *ctx, const struct path *field,
                     const struct hcl_item *item, const struct node *value) {
    (void)d;
    (void)item;
    struct fields *f = ctx;
    struct stream *s = f->s;
    struct entry *e = entry_for(f, field->key, field->key_len);
    bool fresh_entry = e->first == NO_OP;
    if (!s->out) {
        /* the check pass decodes each node as it comes, as HCL1 does (the
         * first error is the reference's), and keeps only the entry's kind */
        if (fresh_entry) {
            e->first = 0;
            if (!rules_interface_kind(&s->d, field, value, &e->kind))
                return false;
            if (safe_to_skip(s, value, false))
                return true;
        }
        return apply(s, field, value, e->kind, f->level + 1, NULL);
    }
    uint32_t at = f->op_count++;
    f->ops[at].value = *value;
    f->ops[at].next = NO_OP;
    if (fresh_entry)
        e->first = at;
    else
        f->ops[e->last].next = at;
    e->last = at;
    return true;
}

static int compare_entries(const void *a, const void *b) {
    const struct entry *x = *(const struct entry *const *)a;
    const struct entry *y = *(const struct entry *const *)b;
    return gval_key_compare(x->key, x->len, y->key, y->len);
}

/* one entry's value, from the nodes decoded into it (the write pass) */
static bool entry_value(struct stream *s, const struct path *field, const struct fields *f,
                        const struct entry *e, int level) {
    const struct op *op = &f->ops[e->first];
    enum gval_kind kind;
    if (!rules_interface_kind(&s->d, field, &op->value, &kind))
        return false;
    if (is_slice(kind)) { /* repeated: the elements of each, in order */
        bool first = true;
        for (uint32_t at = e->first; at != NO_OP; at = f->ops[at].next)
            if (!apply(s, field, &f->ops[at].value, kind, level, &first))
                return false;
        list_end(s, level, first);
        return true;
    }
    if (kind != GVAL_MAP) /* a scalar: the last one, in the first one's type */
        return apply(s, field, &f->ops[e->last].value, kind, level, NULL);
    if (e->first == e->last)
        return apply(s, field, &op->value, kind, level, NULL);
    /* maps merging (not produced by the rules inside a map: kept general) */
    struct gval *g = NULL;
    for (uint32_t at = e->first; at != NO_OP; at = f->ops[at].next)
        if (!rules_decode(&s->d, field, &f->ops[at].value, SLOT_IFACE, &g))
            return false;
    gval_write_json_at(s->out, g, s->indent, level);
    return true;
}

static bool write_fields(struct stream *s, const struct path *name, struct fields *f,
                         int level) {
    struct buf *out = s->out;
    if (!f->count) {
        buf_puts(out, "{}");
        return true;
    }
    struct entry *small[FIELDS_INDEX_MIN];
    struct entry **order = f->count <= FIELDS_INDEX_MIN
                               ? small
                               : arena_array(f->scratch, f->count, sizeof *order);
    bool sorted = true;
    for (uint32_t i = 0; i < f->count; i++) {
        order[i] = &f->entries[i];
        if (i && sorted)
            sorted = compare_entries(&order[i - 1], &order[i]) < 0;
    }
    if (!sorted)
        qsort(order, f->count, sizeof *order, compare_entries);
    buf_putc(out, '{');
    for (uint32_t i = 0; i < f->count; i++) {
        const struct entry *e = order[i];
        if (i)
            buf_putc(out, ',');
        write_key(s, e->key, e->len, level + 1);
        struct path field = {name, e->key, e->len, 0};
        if (!entry_value(s, &field, f, e, level + 1))
            return false;
        buf_spill(out);
    }
    gval_json_newline(out, s->indent, level);
    buf_putc(out, '}');
    return true;
}

/* decodeMap into a fresh map at level */
static bool map_value(struct stream *s, const struct path *name, const struct node *n,
                      int level) {
    struct fields f = {0};
    f.s = s;
    f.level = level;
    f.scratch = level_arena(s, level);
    size_t size = rules_map_size(n);
    f.hashed = size >= FIELDS_INDEX_MIN;
    /* most maps are small: their fields stay on the stack */
    struct entry small_entries[FIELDS_INDEX_MIN];
    struct op small_ops[FIELDS_INDEX_MIN];
    if (!f.hashed) {
        f.entries = small_entries;
        f.ops = small_ops;
    } else {
        f.entries = arena_array(f.scratch, size, sizeof *f.entries);
        if (s->out)
            f.ops = arena_array(f.scratch, size, sizeof *f.ops);
    }
    bool ok = rules_map_fields(&s->d, f.scratch, name, n, on_field, &f);
    if (ok && s->out)
        ok = write_fields(s, name, &f, level);
    if (arena_used(f.scratch))
        arena_reset(f.scratch);
    return ok;
}

/* n into a slot that already holds a value of kind (decode) */
static bool apply(struct stream *s, const struct path *name, const struct node *n,
                  enum gval_kind kind, int level, bool *first) {
    enum go_kind k = rules_kind_of(kind);
    if (!rules_push(&s->d, n, k))
        return false;
    bool ok;
    if (kind == GVAL_MAP) {
        ok = map_value(s, name, n, level);
    } else if (is_slice(kind)) {
        bool none = true;
        ok = slice_elems(s, name, n, kind == GVAL_MAP_LIST, level, first ? first : &none);
    } else {
        struct gval g;
        ok = rules_scalar(&s->d, name, n, k, &g);
        if (ok && s->out)
            gval_write_json(s->out, &g, s->indent);
    }
    rules_pop(&s->d);
    return ok;
}

bool hcl_generic_write_json(struct buf *out, const struct hcl_file *file, int indent,
                            struct diag_list *diags) {
    struct stream s = {0};
    s.d.arena = arena_new(); /* error texts, and values only where maps merge */
    s.d.src = file->src;
    s.d.diags = diags;
    s.indent = indent;
    struct node root = rules_object_items(&file->root->as.object);
    struct path top = {NULL, "root", 4, 0};
    bool ok = fresh(&s, &top, &root, 0);
    if (ok) {
        s.out = out;
        ok = fresh(&s, &top, &root, 0);
    }
    for (size_t i = 0; i < s.level_count; i++)
        arena_free(s.levels[i]);
    free(s.levels);
    arena_free(s.d.arena);
    return ok;
}
