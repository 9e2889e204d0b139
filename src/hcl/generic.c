/* generic.c — a port of HCL1's decoder for `interface{}` targets
 * (decoder.go: decode, decodeInterface, decodeMap, decodeSlice and the
 * scalar decoders), so that values, merges and errors are the reference's.
 *
 * Go's reflect targets are modelled as slot types: an interface (which may
 * already hold a value from an earlier repeated key), a map, or a slice of
 * maps / of interfaces. The decoder keeps Go's stack of kinds, which decides
 * whether an object becomes a map or a list of maps. */
#include "hcl/generic.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/str_index.h"

#include <stdio.h>
#include <string.h>

enum slot_type { SLOT_IFACE, SLOT_MAP, SLOT_SLICE_MAP, SLOT_SLICE_IFACE };
enum go_kind { K_INTERFACE, K_MAP, K_SLICE, K_INT, K_FLOAT, K_BOOL, K_STRING };

struct item_view {
    const struct hcl_item *item;
    size_t key_off; /* keys stripped by ObjectList.Filter */
};

enum node_type { N_LIST_OF_ITEMS, N_OBJECT, N_LIST, N_LITERAL, N_ITEM };

struct node {
    enum node_type type;
    const struct hcl_value *value; /* N_OBJECT, N_LIST, N_LITERAL */
    struct item_view *items;       /* N_LIST_OF_ITEMS: filtered views, or */
    struct hcl_item *const *plain; /* an object's own items (key_off 0) */
    size_t count;
    struct item_view item;         /* N_ITEM */
};

/* The decode path ("root.job[0].web[0]") HCL1 names values by in its
 * errors; built as a chain and only formatted when an error is reported. */
struct path {
    const struct path *parent;
    const char *key; /* NULL: an index */
    size_t key_len;
    size_t index;
};

struct decoder {
    struct arena *arena;
    const struct source *src;
    struct diag_list *diags;
    enum go_kind stack[2 * 256 + 16];
    size_t depth;
    /* the key index of each large map, found by the map's address (kept
     * here rather than in every gval: values stay small) */
    struct str_index indexes;
    /* hcl_decode_object_checked: root keys whose values are only checked,
     * the arena their elements are decoded in, and the depth of the list
     * being checked (0: none) */
    const char *const *check_only;
    struct arena *check_arena;
    size_t check_depth;
};

static void path_append(struct buf *b, const struct path *p) {
    if (p->parent)
        path_append(b, p->parent);
    if (!p->key)
        buf_printf(b, "[%zu]", p->index);
    else if (p->parent)
        buf_printf(b, ".%.*s", (int)p->key_len, p->key);
    else
        buf_add(b, p->key, p->key_len);
}

static const char *path_string(struct decoder *d, const struct path *p) {
    struct buf b;
    buf_init(&b);
    path_append(&b, p);
    const char *s = arena_strndup(d->arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

static const char *go_type(const struct node *n) {
    switch (n->type) {
    case N_LIST_OF_ITEMS: return "*ast.ObjectList";
    case N_OBJECT: return "*ast.ObjectType";
    case N_LIST: return "*ast.ListType";
    case N_LITERAL: return "*ast.LiteralType";
    case N_ITEM: return "*ast.ObjectItem";
    }
    return "?";
}

static struct item_view item_at(const struct node *n, size_t i) {
    if (n->plain) {
        struct item_view v = {n->plain[i], 0};
        return v;
    }
    return n->items[i];
}

static size_t view_keys(const struct item_view *v) { return v->item->key_count - v->key_off; }

/* Where HCL1 would point (node.Pos()); for items without keys it has no
 * position, and we point at the item itself. */
static struct span node_span(const struct node *n) {
    switch (n->type) {
    case N_LIST_OF_ITEMS:
        return n->count ? item_at(n, 0).item->span : span_make(0, 0);
    case N_ITEM:
        return n->item.item->span;
    default:
        return n->value->span;
    }
}

static bool fail(struct decoder *d, const struct node *n, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

#include <stdarg.h>
static bool fail(struct decoder *d, const struct node *n, const char *format, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(msg, sizeof msg, format, ap);
    va_end(ap);
    diag_add(d->diags, RULE_HCL002, d->src, node_span(n), "%s", msg);
    return false;
}

static struct node value_node(const struct hcl_value *v) {
    struct node n = {0};
    n.value = v;
    n.type = v->kind == HCL_OBJECT ? N_OBJECT : v->kind == HCL_LIST ? N_LIST : N_LITERAL;
    return n;
}

static struct node object_items(const struct hcl_object *obj) {
    struct node n = {0};
    n.type = N_LIST_OF_ITEMS;
    n.count = obj->count;
    n.plain = obj->items;
    return n;
}

static struct gval *new_gval(struct decoder *d, enum gval_kind kind, const struct hcl_value *node) {
    struct gval *g = arena_alloc(d->arena, sizeof *g);
    g->kind = kind;
    g->node = node;
    return g;
}

static void list_push(struct decoder *d, struct gval *list, struct gval *elem) {
    if (list->as.list.count == list->as.list.cap) {
        size_t cap = list->as.list.cap ? list->as.list.cap * 2 : 4;
        list->as.list.elems = arena_grow(d->arena, list->as.list.elems, list->as.list.count,
                                         cap, sizeof *list->as.list.elems);
        list->as.list.cap = (uint32_t)cap;
    }
    list->as.list.elems[list->as.list.count++] = elem;
}

/* small maps are scanned; from MAP_INDEX_MIN keys on, a hash index finds
 * a key in constant time, so an object of n keys decodes in O(n) */
#define MAP_INDEX_MIN 16

static struct str_index *map_index(struct decoder *d, const struct gval *map) {
    size_t at;
    if (map->as.map.count < MAP_INDEX_MIN ||
        !str_index_get(&d->indexes, (const char *)&map, sizeof map, &at))
        return NULL;
    return (struct str_index *)(uintptr_t)at;
}

static struct gval_entry *map_find(struct decoder *d, struct gval *map, const char *key,
                                   size_t len) {
    if (map->as.map.count >= MAP_INDEX_MIN) {
        struct str_index *ix = map_index(d, map);
        if (!ix) {
            ix = arena_alloc(d->arena, sizeof *ix);
            for (size_t i = 0; i < map->as.map.count; i++)
                str_index_put(d->arena, ix, map->as.map.entries[i].key,
                              map->as.map.entries[i].key_len, i);
            /* the key is the map's address, held in the arena */
            const struct gval **addr = arena_alloc(d->arena, sizeof *addr);
            *addr = map;
            str_index_put(d->arena, &d->indexes, (const char *)addr, sizeof *addr,
                          (size_t)(uintptr_t)ix);
        }
        size_t at;
        return str_index_get(ix, key, len, &at) ? &map->as.map.entries[at] : NULL;
    }
    for (size_t i = 0; i < map->as.map.count; i++) {
        struct gval_entry *e = &map->as.map.entries[i];
        if (e->key_len == len && memcmp(e->key, key, len) == 0)
            return e;
    }
    return NULL;
}

static struct gval_entry *map_put(struct decoder *d, struct gval *map, const char *key,
                                  size_t len, const struct hcl_item *item) {
    struct gval_entry *e = map_find(d, map, key, len);
    if (e)
        return e;
    if (map->as.map.count >= map->as.map.cap || !map->as.map.entries) {
        size_t cap = map->as.map.cap ? map->as.map.cap * 2 : 8;
        map->as.map.entries = arena_grow(d->arena, map->as.map.entries, map->as.map.count,
                                         cap, sizeof *map->as.map.entries);
        map->as.map.cap = (uint32_t)cap;
    }
    struct str_index *ix = map_index(d, map);
    if (ix)
        str_index_put(d->arena, ix, key, len, map->as.map.count);
    e = &map->as.map.entries[map->as.map.count++];
    e->key = key;
    e->key_len = len;
    e->value = NULL;
    e->item = item;
    return e;
}

static bool decode(struct decoder *d, const struct path *name, const struct node *node,
                   enum slot_type type, struct gval **slot);

static enum go_kind kind_of(const struct gval *g) {
    switch (g->kind) {
    case GVAL_MAP: return K_MAP;
    case GVAL_MAP_LIST:
    case GVAL_LIST: return K_SLICE;
    case GVAL_INT: return K_INT;
    case GVAL_FLOAT: return K_FLOAT;
    case GVAL_BOOL: return K_BOOL;
    case GVAL_STRING: return K_STRING;
    }
    return K_INTERFACE;
}

static const char *node_words(const struct node *n) {
    switch (n->type) {
    case N_LITERAL: return hcl_kind_name(n->value->kind);
    case N_LIST: return "list";
    default: return "block";
    }
}

static bool literal_is(const struct node *n, enum hcl_kind k) {
    return n->type == N_LITERAL && n->value->kind == k;
}

static struct gval *scalar(struct decoder *d, struct gval **slot, enum gval_kind kind,
                           const struct node *n) {
    /* a value in an interface is replaced, as reflect's Set does */
    struct gval *g = new_gval(d, kind, n->value);
    *slot = g;
    return g;
}

static bool decode_bool(struct decoder *d, const struct path *name, const struct node *n,
                        struct gval **slot) {
    if (literal_is(n, HCL_BOOL)) {
        scalar(d, slot, GVAL_BOOL, n)->as.boolean = n->value->as.boolean;
        return true;
    }
    return fail(d, n, "%s: expected a boolean here, not a %s (HCL1: unknown type %s)",
                path_string(d, name), node_words(n),
                go_type(n));
}

static bool decode_float(struct decoder *d, const struct path *name, const struct node *n,
                         struct gval **slot) {
    if (literal_is(n, HCL_FLOAT) || literal_is(n, HCL_NUMBER)) {
        double v;
        const char *err;
        if (!strconv_parse_float(d->arena, n->value->as.number.text, n->value->as.number.len, &v, &err))
            return fail(d, n, "invalid number `%s` (%s)", n->value->as.number.text, err);
        scalar(d, slot, GVAL_FLOAT, n)->as.number = v;
        return true;
    }
    return fail(d, n, "%s: expected a number here, not a %s (HCL1: unknown type %s)",
                path_string(d, name), node_words(n),
                go_type(n));
}

static bool decode_int(struct decoder *d, const struct path *name, const struct node *n,
                       struct gval **slot) {
    const char *text = NULL;
    size_t len = 0;
    if (literal_is(n, HCL_NUMBER)) {
        text = n->value->as.number.text, len = n->value->as.number.len;
    } else if (literal_is(n, HCL_STRING)) {
        text = n->value->as.string.text, len = n->value->as.string.len;
    } else {
        return fail(d, n, "%s: expected an integer here, not a %s (HCL1: unknown type %s)",
                    path_string(d, name), node_words(n),
                    go_type(n));
    }
    int64_t v;
    const char *err;
    if (!strconv_parse_int(d->arena, text, len, &v, &err)) {
        if (literal_is(n, HCL_NUMBER) && len >= 2 && text[text[0] == '-'] == '0')
            return fail(d, n, "invalid number `%.*s`: a leading 0 makes it octal (%s)",
                        (int)len, text, err);
        if (literal_is(n, HCL_STRING))
            return fail(d, n, "%s: this value repeats an earlier integer value, and `%.*s` is "
                        "not an integer (%s)", path_string(d, name), (int)len, text, err);
        return fail(d, n, "invalid number `%.*s` (%s)", (int)len, text, err);
    }
    scalar(d, slot, GVAL_INT, n)->as.integer = v;
    return true;
}

static bool decode_string(struct decoder *d, const struct path *name, const struct node *n,
                          struct gval **slot) {
    if (literal_is(n, HCL_NUMBER)) {
        struct gval *g = scalar(d, slot, GVAL_STRING, n);
        g->as.string.text = n->value->as.number.text;
        g->as.string.len = n->value->as.number.len;
        return true;
    }
    if (literal_is(n, HCL_STRING) || literal_is(n, HCL_HEREDOC)) {
        struct gval *g = scalar(d, slot, GVAL_STRING, n);
        g->as.string.text = n->value->as.string.text;
        g->as.string.len = n->value->as.string.len;
        return true;
    }
    return fail(d, n, "%s: this value repeats an earlier string value and must be a string "
                "too, not a %s (HCL1: unknown type for string %s)",
                path_string(d, name), node_words(n), go_type(n));
}

static bool decode_interface(struct decoder *d, const struct path *name, const struct node *n,
                             struct gval **slot) {
    struct gval *set;
    bool top_is_slice = d->depth == 0 || d->stack[d->depth - 1] == K_SLICE;
    switch (n->type) {
    case N_OBJECT:
    case N_LIST_OF_ITEMS:
        set = new_gval(d, top_is_slice ? GVAL_MAP : GVAL_MAP_LIST,
                       n->type == N_OBJECT ? n->value : NULL);
        break;
    case N_LIST:
        set = new_gval(d, GVAL_LIST, n->value);
        break;
    case N_LITERAL:
        switch (n->value->kind) {
        case HCL_BOOL: set = new_gval(d, GVAL_BOOL, n->value); break;
        case HCL_FLOAT: set = new_gval(d, GVAL_FLOAT, n->value); break;
        case HCL_NUMBER: set = new_gval(d, GVAL_INT, n->value); break;
        default: set = new_gval(d, GVAL_STRING, n->value); break;
        }
        break;
    default:
        return fail(d, n, "%s: a labelled block where a plain value was given before "
                    "(HCL1: cannot decode into interface: %s)", path_string(d, name), go_type(n));
    }
    *slot = set;
    return decode(d, name, n, SLOT_IFACE, slot);
}

/* ObjectList.Filter(key) for every key of a list at once: the items whose
 * next key equals key (ASCII case folded, as HCL1 compares), with that key
 * stripped, in list order. Built once per list, so a block of n labelled
 * items is filtered in O(n) rather than n scans of the whole list. */
struct filter_groups {
    struct str_index by_key;   /* folded key -> group */
    size_t *first, *count;     /* each group's run in views */
    struct item_view *views;
};

static char *fold_key(struct decoder *d, const char *key, size_t len) {
    char *f = arena_strndup(d->arena, key, len);
    for (size_t i = 0; i < len; i++)
        if (f[i] >= 'A' && f[i] <= 'Z')
            f[i] = (char)(f[i] + 32);
    return f;
}

static struct filter_groups *filter_groups(struct decoder *d, const struct node *list) {
    struct filter_groups *g = arena_alloc(d->arena, sizeof *g);
    size_t *group_of = arena_array(d->arena, list->count, sizeof *group_of);
    g->count = arena_array(d->arena, list->count, sizeof *g->count);
    g->first = arena_array(d->arena, list->count, sizeof *g->first);
    size_t groups = 0, members = 0;
    for (size_t i = 0; i < list->count; i++) {
        struct item_view v = item_at(list, i);
        if (view_keys(&v) < 1)
            continue;
        const struct hcl_key *k = &v.item->keys[v.key_off];
        char *folded = fold_key(d, k->text, k->len);
        size_t at;
        if (!str_index_get(&g->by_key, folded, k->len, &at)) {
            at = groups++;
            str_index_put(d->arena, &g->by_key, folded, k->len, at);
        }
        group_of[i] = at;
        g->count[at]++;
        members++;
    }
    g->views = arena_array(d->arena, members, sizeof *g->views);
    for (size_t at = 0, next = 0; at < groups; at++) {
        g->first[at] = next;
        next += g->count[at];
        g->count[at] = 0;
    }
    for (size_t i = 0; i < list->count; i++) {
        struct item_view v = item_at(list, i);
        if (view_keys(&v) < 1)
            continue;
        size_t at = group_of[i];
        struct item_view *out = &g->views[g->first[at] + g->count[at]++];
        out->item = v.item;
        out->key_off = v.key_off + 1;
    }
    return g;
}

static struct node filter(struct decoder *d, const struct filter_groups *g, const char *key,
                          size_t key_len) {
    struct node out = {0};
    out.type = N_LIST_OF_ITEMS;
    size_t at;
    if (str_index_get(&g->by_key, fold_key(d, key, key_len), key_len, &at)) {
        out.items = &g->views[g->first[at]];
        out.count = g->count[at];
    }
    return out;
}

static bool key_matches(const struct hcl_key *k, const char *key, size_t key_len) {
    if (k->len != key_len)
        return false;
    for (size_t j = 0; j < key_len; j++) {
        unsigned char a = (unsigned char)k->text[j], b = (unsigned char)key[j];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b + 32);
        if (a != b)
            return false;
    }
    return true;
}

/* Filter by a scan, for short lists (the common case: a block body of a
 * few attributes), where building the groups would cost more memory than
 * the scans cost time; the views are allocated at their exact count. */
static struct node filter_scan(struct decoder *d, const struct node *list, const char *key,
                               size_t key_len) {
    struct node out = {0};
    out.type = N_LIST_OF_ITEMS;
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++) {
        struct item_view v = item_at(list, i);
        n += view_keys(&v) >= 1 && key_matches(&v.item->keys[v.key_off], key, key_len);
    }
    if (!n)
        return out;
    out.items = arena_array(d->arena, n, sizeof *out.items);
    for (size_t i = 0; i < list->count; i++) {
        struct item_view v = item_at(list, i);
        if (view_keys(&v) < 1 || !key_matches(&v.item->keys[v.key_off], key, key_len))
            continue;
        out.items[out.count].item = v.item;
        out.items[out.count].key_off = v.key_off + 1;
        out.count++;
    }
    return out;
}

/* from this many items on, a list's Filter groups and merged keys are hashed */
#define FILTER_INDEX_MIN 16

static bool key_done(const struct hcl_key *const *done, size_t count, const struct hcl_key *key) {
    for (size_t j = 0; j < count; j++)
        if (done[j]->len == key->len && memcmp(done[j]->text, key->text, key->len) == 0)
            return true;
    return false;
}

static bool check_only(const char *const *keys, const struct hcl_key *key) {
    for (size_t i = 0; keys[i]; i++)
        if (strlen(keys[i]) == key->len && memcmp(keys[i], key->text, key->len) == 0)
            return true;
    return false;
}

static bool decode_map(struct decoder *d, const struct path *name, const struct node *node,
                       struct gval **slot) {
    struct node list = {0};
    struct item_view single;
    if (node->type == N_ITEM) {
        list.type = N_LIST_OF_ITEMS;
        single = node->item;
        list.items = &single;
        list.count = 1;
    } else if (node->type == N_OBJECT) {
        list = object_items(&node->value->as.object);
    } else if (node->type == N_LIST_OF_ITEMS) {
        list = *node;
    } else {
        return fail(d, node, "%s: expected a block here, not a %s (HCL1: not an object type "
                    "for map (%s))", path_string(d, name),
                    node->type == N_LIST ? "list" : hcl_kind_name(node->value->kind),
                    go_type(node));
    }
    struct gval *map = *slot;
    if (!map) {
        map = new_gval(d, GVAL_MAP, node->type == N_OBJECT ? node->value : NULL);
        *slot = map;
    }
    /* keys already merged through Filter (compared exactly, as HCL1 does),
     * and the Filter of every key, built when the first labelled item comes */
    struct str_index done = {0};
    struct filter_groups *groups = NULL;
    bool hashed = list.count >= FILTER_INDEX_MIN;
    const struct hcl_key *done_small[FILTER_INDEX_MIN];
    size_t done_small_count = 0;
    if (!map->as.map.cap && list.count) {
        map->as.map.cap = (uint32_t)list.count;
        map->as.map.entries = arena_array(d->arena, list.count, sizeof *map->as.map.entries);
    }
    for (size_t i = 0; i < list.count; i++) {
        struct item_view view = item_at(&list, i);
        const struct item_view *v = &view;
        if (!v->item->value)
            continue;
        if (view_keys(v) == 0) {
            struct node at = {0};
            at.type = N_ITEM;
            at.item = *v;
            return fail(d, &at, "%s: a block without labels where blocks of the same kind "
                        "have labels (HCL1: map must have string keys)", path_string(d, name));
        }
        const struct hcl_key *key = &v->item->keys[v->key_off];
        size_t seen;
        if (hashed ? str_index_get(&done, key->text, key->len, &seen)
                   : key_done(done_small, done_small_count, key))
            continue;
        struct node value;
        if (view_keys(v) > 1) {
            if (hashed) {
                if (!groups)
                    groups = filter_groups(d, &list);
                value = filter(d, groups, key->text, key->len);
                str_index_put(d->arena, &done, key->text, key->len, 0);
            } else {
                value = filter_scan(d, &list, key->text, key->len);
                done_small[done_small_count++] = key;
            }
        } else {
            value = value_node(v->item->value);
        }
        struct path field = {name, key->text, key->len, 0};
        struct gval_entry *e = map_put(d, map, key->text, key->len, v->item);
        size_t at = (size_t)(e - map->as.map.entries); /* by position: no second lookup */
        struct gval *val = e->value;
        /* a root value that is a list (the only shape holding more values)
         * is pushed one level below this map */
        if (d->check_only && !name->parent && check_only(d->check_only, key))
            d->check_depth = d->depth + 1;
        bool ok = decode(d, &field, &value, SLOT_IFACE, &val);
        d->check_depth = 0;
        if (!ok)
            return false;
        map->as.map.entries[at].value = val;
    }
    return true;
}

/* The element at i of a list node, as decode_slice walks it. */
static struct node element_at(const struct node *node, size_t i) {
    struct node item = {0};
    if (node->type == N_LIST_OF_ITEMS) {
        item.type = N_ITEM;
        item.item = item_at(node, i);
    } else if (node->type == N_OBJECT) {
        item = *node;
    } else {
        item = value_node(node->value->as.list.elems[i]);
    }
    return item;
}

static bool check_elements(struct decoder *d, const struct path *name, const struct node *node,
                           enum slot_type elem, size_t count) {
    struct arena *keep = d->arena;
    struct str_index indexes = d->indexes;
    d->check_depth = 0; /* lists inside the elements are decoded as usual */
    bool ok = true;
    for (size_t i = 0; ok && i < count; i++) {
        struct node item = element_at(node, i);
        struct path field = {name, NULL, 0, i};
        struct gval *val = NULL;
        d->arena = d->check_arena;
        memset(&d->indexes, 0, sizeof d->indexes);
        ok = decode(d, &field, &item, elem, &val);
        d->arena = keep;
        arena_reset(d->check_arena);
    }
    d->indexes = indexes;
    return ok;
}

static bool decode_slice(struct decoder *d, const struct path *name, const struct node *node,
                         enum slot_type type, struct gval **slot) {
    struct gval *list = *slot;
    if (!list) {
        list = new_gval(d, type == SLOT_SLICE_MAP ? GVAL_MAP_LIST : GVAL_LIST,
                        node->type == N_LIST || node->type == N_OBJECT ? node->value : NULL);
        *slot = list;
    }
    enum slot_type elem = list->kind == GVAL_MAP_LIST ? SLOT_MAP : SLOT_IFACE;
    size_t count;
    switch (node->type) {
    case N_LIST_OF_ITEMS: count = node->count; break;
    case N_OBJECT: count = 1; break;
    case N_LIST: count = node->value->as.list.count; break;
    default:
        return fail(d, node, "%s: a plain value where a block or list was given before "
                    "(HCL1: unknown slice type: %s)", path_string(d, name), go_type(node));
    }
    /* a list whose elements are only checked: nothing outside an element
     * refers to its values (a list element always starts from nothing, and
     * later repeated keys append to the list), so each is decoded in the
     * check arena, with the large-map indexes of its own, and dropped */
    bool checked = d->check_depth == d->depth;
    if (checked)
        return check_elements(d, name, node, elem, count);
    if (!list->as.list.cap && count) { /* a fresh list: exactly its elements */
        list->as.list.elems = arena_array(d->arena, count, sizeof *list->as.list.elems);
        list->as.list.cap = (uint32_t)count;
    }
    for (size_t i = 0; i < count; i++) {
        struct node item = element_at(node, i);
        struct path field = {name, NULL, 0, i};
        struct gval *val = NULL;
        if (!decode(d, &field, &item, elem, &val))
            return false;
        list_push(d, list, val);
    }
    return true;
}

static bool decode(struct decoder *d, const struct path *name, const struct node *node,
                   enum slot_type type, struct gval **slot) {
    enum go_kind k;
    switch (type) {
    case SLOT_IFACE: k = *slot ? kind_of(*slot) : K_INTERFACE; break;
    case SLOT_MAP: k = K_MAP; break;
    default: k = K_SLICE; break;
    }
    if (k != K_INTERFACE) {
        if (d->depth == sizeof d->stack / sizeof d->stack[0])
            return fail(d, node, "values nested too deeply");
        d->stack[d->depth++] = k;
    }
    bool ok;
    switch (k) {
    case K_BOOL: ok = decode_bool(d, name, node, slot); break;
    case K_FLOAT: ok = decode_float(d, name, node, slot); break;
    case K_INT: ok = decode_int(d, name, node, slot); break;
    case K_STRING: ok = decode_string(d, name, node, slot); break;
    case K_INTERFACE: ok = decode_interface(d, name, node, slot); break;
    case K_MAP: ok = decode_map(d, name, node, slot); break;
    default:
        ok = decode_slice(d, name, node,
                          type == SLOT_IFACE ? ((*slot)->kind == GVAL_MAP_LIST ? SLOT_SLICE_MAP
                                                                              : SLOT_SLICE_IFACE)
                                             : type,
                          slot);
        break;
    }
    if (k != K_INTERFACE)
        d->depth--;
    return ok;
}

static struct gval *decode_object(struct arena *arena, const struct source *src,
                                  const struct hcl_object *body, const char *const *check_only,
                                  struct diag_list *diags) {
    struct decoder d = {0};
    d.arena = arena;
    d.src = src;
    d.diags = diags;
    d.check_only = check_only;
    if (check_only)
        d.check_arena = arena_new();
    struct node root = {0};
    root = object_items(body);
    struct gval *out = NULL;
    struct path top = {NULL, "root", 4, 0};
    bool ok = decode(&d, &top, &root, SLOT_IFACE, &out);
    arena_free(d.check_arena);
    return ok ? out : NULL;
}

struct gval *hcl_decode_object(struct arena *arena, const struct source *src,
                               const struct hcl_object *body, struct diag_list *diags) {
    return decode_object(arena, src, body, NULL, diags);
}

struct gval *hcl_decode_object_checked(struct arena *arena, const struct source *src,
                                       const struct hcl_object *body,
                                       const char *const *check_only,
                                       struct diag_list *diags) {
    return decode_object(arena, src, body, check_only, diags);
}

struct gval *hcl_decode_generic(struct arena *arena, const struct hcl_file *file,
                                struct diag_list *diags) {
    struct gval *g = hcl_decode_object(arena, file->src, &file->root->as.object, diags);
    if (g)
        g->node = file->root;
    return g;
}

const struct gval *gval_map_get(const struct gval *map, const char *key) {
    if (!map || map->kind != GVAL_MAP)
        return NULL;
    size_t len = strlen(key);
    for (size_t i = 0; i < map->as.map.count; i++)
        if (map->as.map.entries[i].key_len == len &&
            memcmp(map->as.map.entries[i].key, key, len) == 0)
            return map->as.map.entries[i].value;
    return NULL;
}
