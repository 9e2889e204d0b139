/* json_flatten.c — flattenObjects of HCL1's JSON parser (json_flatten.h).
 * Same frontier algorithm as the Go code: a stack of pending items, terminal
 * items collected in reverse and reversed at the end. */
#include "hcl/json_flatten.h"

#include "util/arena.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct entry {
    struct hcl_item *item; /* the original item when unchanged */
    struct hcl_key *keys;
    size_t key_count;
    struct hcl_value *value;
    uint32_t assign_at;
    bool warned;           /* a merge warning was given for this chain */
};

struct vec {
    void *data;
    size_t count, cap, size;
};

static void *vec_push(struct vec *v) {
    if (v->count == v->cap) {
        v->cap = v->cap ? 2 * v->cap : 16;
        v->data = xreallocarray(v->data, v->cap, v->size);
    }
    return (char *)v->data + v->size * v->count++;
}

struct flatten {
    struct arena *arena;
    const struct source *src;
    struct diag_list *diags;
    const char *const *labelled; /* NULL-terminated, or NULL */
    struct vec frontier; /* struct entry */
    struct vec out;      /* struct hcl_item * */
};

static bool all_objects_in_object(const struct hcl_object *o) {
    for (size_t i = 0; i < o->count; i++)
        if (o->items[i]->value->kind != HCL_OBJECT)
            return false;
    return true;
}

static bool all_objects_in_list(const struct hcl_list *l) {
    for (size_t i = 0; i < l->count; i++)
        if (l->elems[i]->kind != HCL_OBJECT)
            return false;
    return true;
}

/* Is k one of the caller's labelled block types? Only their bodies can be
 * merged by mistake: an unlabelled block that legitimately holds only
 * labelled blocks reads the same way merged or not. */
static bool labelled_block(const struct flatten *f, const struct hcl_key *k) {
    if (!f->labelled)
        return false;
    for (const char *const *n = f->labelled; *n; n++)
        if (k->len == strlen(*n) && memcmp(k->text, *n, k->len) == 0)
            return true;
    return false;
}

static void warn_merge(struct flatten *f, const struct entry *e) {
    struct buf keys;
    buf_init(&keys);
    for (size_t i = 0; i < e->key_count && keys.len < 200; i++) {
        if (i)
            buf_putc(&keys, ' ');
        buf_printf(&keys, "\"%.*s\"", (int)(e->keys[i].len > 60 ? 60 : e->keys[i].len),
                   e->keys[i].text);
    }
    diag_add(f->diags, RULE_HCL004, f->src, e->value->span,
             "every member of the body of %s is an object, so HCL1 merges the body into "
             "them (their keys become more labels of %s): give the body at least one "
             "plain attribute",
             keys.data, keys.data);
    buf_free(&keys);
}

static struct hcl_item *materialize(struct flatten *f, const struct entry *e) {
    if (e->item)
        return e->item;
    struct hcl_item *item = hcl_item_new(f->arena, e->key_count);
    memcpy(item->keys, e->keys, e->key_count * sizeof *e->keys);
    item->key_count = e->key_count;
    item->value = e->value;
    item->has_assign = true;
    item->assign_at = e->assign_at;
    return item;
}

static void flatten_body(struct flatten *f, struct hcl_object *obj) {
    f->frontier.count = 0;
    f->out.count = 0;
    for (size_t i = 0; i < obj->count; i++) {
        struct hcl_item *it = obj->items[i];
        struct entry *e = vec_push(&f->frontier);
        *e = (struct entry){it, it->keys, it->key_count, it->value, it->assign_at, false};
    }
    while (f->frontier.count > 0) {
        struct entry e = ((struct entry *)f->frontier.data)[--f->frontier.count];
        struct hcl_value *v = e.value;
        if (v->kind == HCL_OBJECT && v->as.object.count > 0 &&
            all_objects_in_object(&v->as.object)) {
            if (e.key_count >= 2 && !e.warned && labelled_block(f, &e.keys[e.key_count - 2])) {
                warn_merge(f, &e);
                e.warned = true;
            }
            for (size_t i = 0; i < v->as.object.count; i++) {
                const struct hcl_item *m = v->as.object.items[i];
                struct hcl_key *keys =
                    arena_array(f->arena, e.key_count + m->key_count, sizeof *keys);
                memcpy(keys, e.keys, e.key_count * sizeof *keys);
                memcpy(keys + e.key_count, m->keys, m->key_count * sizeof *keys);
                struct entry *n = vec_push(&f->frontier);
                *n = (struct entry){NULL, keys, e.key_count + m->key_count, m->value,
                                    e.assign_at, e.warned};
            }
        } else if (v->kind == HCL_LIST && v->as.list.count > 0 &&
                   all_objects_in_list(&v->as.list)) {
            for (size_t i = 0; i < v->as.list.count; i++) {
                struct entry *n = vec_push(&f->frontier);
                *n = (struct entry){NULL, e.keys, e.key_count, v->as.list.elems[i],
                                    e.assign_at, e.warned};
            }
        } else {
            struct hcl_item **slot = vec_push(&f->out);
            *slot = materialize(f, &e);
        }
    }
    struct hcl_item **out = f->out.data;
    size_t n = f->out.count;
    struct hcl_item **items = arena_array(f->arena, n, sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = out[n - 1 - i];
    obj->items = items;
    obj->count = n;
}

void json_flatten(struct arena *arena, const struct source *src, struct hcl_value *root,
                  const char *const *labelled, struct diag_list *diags) {
    struct flatten f = {arena, src, diags, labelled, {NULL, 0, 0, sizeof(struct entry)},
                        {NULL, 0, 0, sizeof(struct hcl_item *)}};
    struct vec todo = {NULL, 0, 0, sizeof(struct hcl_object *)};
    *(struct hcl_object **)vec_push(&todo) = &root->as.object;
    while (todo.count > 0) {
        struct hcl_object *obj = ((struct hcl_object **)todo.data)[--todo.count];
        flatten_body(&f, obj);
        for (size_t i = 0; i < obj->count; i++) {
            struct hcl_value *v = obj->items[i]->value;
            if (v->kind == HCL_OBJECT) {
                *(struct hcl_object **)vec_push(&todo) = &v->as.object;
            } else if (v->kind == HCL_LIST) {
                for (size_t j = 0; j < v->as.list.count; j++)
                    if (v->as.list.elems[j]->kind == HCL_OBJECT)
                        *(struct hcl_object **)vec_push(&todo) = &v->as.list.elems[j]->as.object;
            }
        }
    }
    free(todo.data);
    free(f.frontier.data);
    free(f.out.data);
}
