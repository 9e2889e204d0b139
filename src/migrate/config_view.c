/* config_view.c — driver config as a located tree (see config_view.h). */
#include "migrate/config_view.h"

#include "util/arena.h"
#include "util/buf.h"

#include <string.h>

static struct cfg_node *from_hcl_value(struct arena *arena, const struct hcl_value *v);

static void add_hcl_items(struct arena *arena, struct cfg_node *map,
                          const struct hcl_object *obj) {
    map->entries = arena_grow(arena, map->entries, map->count,
                              map->count + obj->count + 1, sizeof *map->entries);
    for (size_t i = 0; i < obj->count; i++) {
        const struct hcl_item *it = obj->items[i];
        if (it->key_count == 0)
            continue;
        struct cfg_entry *e = &map->entries[map->count++];
        e->key = arena_strndup(arena, it->keys[0].text, it->keys[0].len);
        e->key_span = it->keys[0].span;
        e->span = hcl_item_span(it);
        if (it->key_count == 1) {
            e->value = from_hcl_value(arena, it->value);
        } else { /* labels: key "a" "b" { } nests one map per label */
            struct cfg_node *outer = NULL, **slot = &outer;
            for (size_t k = 1; k < it->key_count; k++) {
                struct cfg_node *m = arena_alloc(arena, sizeof *m);
                m->kind = CFG_MAP;
                m->span = hcl_item_span(it);
                m->entries = arena_alloc(arena, sizeof *m->entries);
                m->count = 1;
                m->entries[0].key = arena_strndup(arena, it->keys[k].text, it->keys[k].len);
                m->entries[0].key_span = it->keys[k].span;
                m->entries[0].span = hcl_item_span(it);
                *slot = m;
                slot = &m->entries[0].value;
            }
            *slot = from_hcl_value(arena, it->value);
            e->value = outer;
        }
    }
}

static struct cfg_node *from_hcl_value(struct arena *arena, const struct hcl_value *v) {
    struct cfg_node *n = arena_alloc(arena, sizeof *n);
    n->span = v->span;
    switch (v->kind) {
    case HCL_OBJECT:
        n->kind = CFG_MAP;
        add_hcl_items(arena, n, &v->as.object);
        break;
    case HCL_LIST:
        n->kind = CFG_LIST;
        n->elems = arena_array(arena, v->as.list.count + 1, sizeof *n->elems);
        for (size_t i = 0; i < v->as.list.count; i++)
            n->elems[n->count++] = from_hcl_value(arena, v->as.list.elems[i]);
        break;
    case HCL_NUMBER:
    case HCL_FLOAT:
        n->kind = CFG_NUMBER;
        n->text = arena_strndup(arena, v->as.number.text, v->as.number.len);
        break;
    case HCL_BOOL:
        n->kind = CFG_BOOL;
        n->text = v->as.boolean ? "true" : "false";
        break;
    case HCL_STRING:
    case HCL_HEREDOC:
        n->kind = CFG_STRING;
        n->text = arena_strndup(arena, v->as.string.text, v->as.string.len);
        break;
    }
    return n;
}

struct cfg_node *cfg_from_hcl(struct arena *arena, const struct hcl_item *const *items,
                              size_t count) {
    struct cfg_node *map = NULL;
    for (size_t i = 0; i < count; i++) {
        const struct hcl_item *it = items[i];
        if (it->key_count != 1 || !it->value || it->value->kind != HCL_OBJECT)
            continue;
        if (!map) {
            map = arena_alloc(arena, sizeof *map);
            map->kind = CFG_MAP;
            map->span = it->value->span;
        }
        add_hcl_items(arena, map, &it->value->as.object);
    }
    return map;
}

struct cfg_node *cfg_from_json(struct arena *arena, const struct json_value *v) {
    if (!v)
        return NULL;
    struct cfg_node *n = arena_alloc(arena, sizeof *n);
    n->span = v->span;
    switch (v->kind) {
    case JSON_OBJECT:
        n->kind = CFG_MAP;
        n->entries = arena_array(arena, v->as.object.count + 1, sizeof *n->entries);
        for (size_t i = 0; i < v->as.object.count; i++) {
            const struct json_member *m = &v->as.object.members[i];
            if (m->value->kind == JSON_NULL)
                continue; /* Go's decoding drops nulls of an interface{} map */
            struct cfg_entry *e = &n->entries[n->count++];
            e->key = m->key;
            e->key_span = m->key_span;
            e->span = span_make(m->key_span.start, m->value->span.end);
            e->value = cfg_from_json(arena, m->value);
        }
        break;
    case JSON_ARRAY:
        n->kind = CFG_LIST;
        n->elems = arena_array(arena, v->as.array.count + 1, sizeof *n->elems);
        for (size_t i = 0; i < v->as.array.count; i++)
            if (v->as.array.elems[i]->kind != JSON_NULL)
                n->elems[n->count++] = cfg_from_json(arena, v->as.array.elems[i]);
        break;
    case JSON_NUMBER:
        n->kind = CFG_NUMBER;
        n->text = arena_strndup(arena, v->as.number.text, v->as.number.len);
        break;
    case JSON_BOOL:
        n->kind = CFG_BOOL;
        n->text = v->as.boolean ? "true" : "false";
        break;
    case JSON_STRING:
        n->kind = CFG_STRING;
        n->text = v->as.string.text;
        break;
    case JSON_NULL:
        n->kind = CFG_OTHER;
        n->text = "null";
        break;
    }
    return n;
}

const struct cfg_entry *cfg_get(const struct cfg_node *map, const char *key) {
    const struct cfg_entry *found = NULL;
    if (!map || map->kind != CFG_MAP)
        return NULL;
    for (size_t i = 0; i < map->count; i++)
        if (strcmp(map->entries[i].key, key) == 0)
            found = &map->entries[i];
    return found;
}

static void show(struct buf *b, const struct cfg_node *n) {
    switch (n->kind) {
    case CFG_STRING: {
        buf_putc(b, '"');
        for (const char *p = n->text; *p; p++) {
            if (*p == '"' || *p == '\\')
                buf_putc(b, '\\');
            if (*p == '\n')
                buf_puts(b, "\\n");
            else
                buf_putc(b, *p);
        }
        buf_putc(b, '"');
        break;
    }
    case CFG_NUMBER:
    case CFG_BOOL:
    case CFG_OTHER:
        buf_puts(b, n->text ? n->text : "?");
        break;
    case CFG_LIST:
        buf_putc(b, '[');
        for (size_t i = 0; i < n->count; i++) {
            if (i)
                buf_puts(b, ", ");
            show(b, n->elems[i]);
        }
        buf_putc(b, ']');
        break;
    case CFG_MAP:
        buf_putc(b, '{');
        for (size_t i = 0; i < n->count; i++) {
            buf_printf(b, "%s%s = ", i ? ", " : "", n->entries[i].key);
            show(b, n->entries[i].value);
        }
        buf_putc(b, '}');
        break;
    }
}

const char *cfg_show(struct arena *arena, const struct cfg_node *node) {
    struct buf b;
    buf_init(&b);
    show(&b, node);
    const char *out = arena_strndup(arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return out;
}
