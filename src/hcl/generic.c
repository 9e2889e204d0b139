/* generic.c — HCL1's decode into `interface{}` values (struct gval): the
 * rules of decode_rules.h applied to build the values, so that values,
 * merges and errors are the reference's. Repeated keys merge into the
 * value already in the map's entry: slices append, scalars are decoded
 * again into the first value's type, maps take the new keys. */
#include "hcl/generic.h"
#include "hcl/decode_rules.h"
#include "util/arena.h"
#include "util/str_index.h"

#include <string.h>

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

static bool decode_interface(struct decoder *d, const struct path *name, const struct node *n,
                             struct gval **slot) {
    enum gval_kind kind;
    if (!rules_interface_kind(d, name, n, &kind))
        return false;
    *slot = new_gval(d, kind, n->type == N_LIST_OF_ITEMS ? NULL : n->value);
    return decode(d, name, n, SLOT_IFACE, slot);
}

static bool check_only(const char *const *keys, const char *key, size_t len) {
    for (size_t i = 0; keys[i]; i++)
        if (strlen(keys[i]) == len && memcmp(keys[i], key, len) == 0)
            return true;
    return false;
}

static bool decode_field(struct decoder *d, void *ctx, const struct path *field,
                         const struct hcl_item *item, const struct node *value) {
    struct gval *map = ctx;
    struct gval_entry *e = map_put(d, map, field->key, field->key_len, item);
    size_t at = (size_t)(e - map->as.map.entries); /* by position: no second lookup */
    struct gval *val = e->value;
    /* a root value that is a list (the only shape holding more values) is
     * pushed one level below this map */
    if (d->check_only && field->parent && !field->parent->parent &&
        check_only(d->check_only, field->key, field->key_len))
        d->check_depth = d->depth + 1;
    bool ok = decode(d, field, value, SLOT_IFACE, &val);
    d->check_depth = 0;
    if (!ok)
        return false;
    map->as.map.entries[at].value = val;
    return true;
}

static bool decode_map(struct decoder *d, const struct path *name, const struct node *node,
                       struct gval **slot) {
    struct gval *map = *slot;
    if (!map) {
        map = new_gval(d, GVAL_MAP, node->type == N_OBJECT ? node->value : NULL);
        *slot = map;
    }
    size_t size = rules_map_size(node);
    if (!map->as.map.cap && size) {
        map->as.map.cap = (uint32_t)size;
        map->as.map.entries = arena_array(d->arena, size, sizeof *map->as.map.entries);
    }
    return rules_map_fields(d, d->arena, name, node, decode_field, map);
}

/* The elements of a list whose values are only checked: nothing outside
 * an element refers to its values (a list element always starts from
 * nothing, and later repeated keys append to the list), so each is
 * decoded in the check arena, with large-map indexes of its own, and
 * dropped; an element that cannot fail is not decoded at all. */
static bool check_elements(struct decoder *d, const struct path *name, const struct node *node,
                           enum slot_type elem, size_t count) {
    struct arena *keep = d->arena;
    struct str_index indexes = d->indexes;
    d->check_depth = 0; /* lists inside the elements are decoded as usual */
    bool ok = true;
    for (size_t i = 0; ok && i < count; i++) {
        struct node item = rules_slice_elem(node, i);
        if (rules_cannot_fail(d, &item, elem == SLOT_MAP))
            continue;
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
    if (!rules_slice_count(d, name, node, &count))
        return false;
    if (d->check_depth == d->depth)
        return check_elements(d, name, node, elem, count);
    if (!list->as.list.cap && count) { /* a fresh list: exactly its elements */
        list->as.list.elems = arena_array(d->arena, count, sizeof *list->as.list.elems);
        list->as.list.cap = (uint32_t)count;
    }
    for (size_t i = 0; i < count; i++) {
        struct node item = rules_slice_elem(node, i);
        struct path field = {name, NULL, 0, i};
        struct gval *val = NULL;
        if (!decode(d, &field, &item, elem, &val))
            return false;
        list_push(d, list, val);
    }
    return true;
}

static bool decode_scalar(struct decoder *d, const struct path *name, const struct node *node,
                          enum go_kind k, struct gval **slot) {
    struct gval g;
    if (!rules_scalar(d, name, node, k, &g))
        return false;
    /* a value in an interface is replaced, as reflect's Set does */
    struct gval *set = arena_alloc(d->arena, sizeof *set);
    *set = g;
    *slot = set;
    return true;
}

bool rules_decode(struct decoder *d, const struct path *name, const struct node *node,
                  enum slot_type type, struct gval **slot) {
    return decode(d, name, node, type, slot);
}

static bool decode(struct decoder *d, const struct path *name, const struct node *node,
                   enum slot_type type, struct gval **slot) {
    enum go_kind k;
    switch (type) {
    case SLOT_IFACE: k = *slot ? rules_kind_of((*slot)->kind) : K_INTERFACE; break;
    case SLOT_MAP: k = K_MAP; break;
    default: k = K_SLICE; break;
    }
    if (k == K_INTERFACE)
        return decode_interface(d, name, node, slot);
    if (!rules_push(d, node, k))
        return false;
    bool ok;
    switch (k) {
    case K_MAP: ok = decode_map(d, name, node, slot); break;
    case K_SLICE:
        ok = decode_slice(d, name, node,
                          type == SLOT_IFACE ? ((*slot)->kind == GVAL_MAP_LIST ? SLOT_SLICE_MAP
                                                                              : SLOT_SLICE_IFACE)
                                             : type,
                          slot);
        break;
    default: ok = decode_scalar(d, name, node, k, slot); break;
    }
    rules_pop(d);
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
    struct node root = rules_object_items(body);
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
