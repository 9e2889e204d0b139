#include "cli/object_path.h"
#include "util/buf.h"

#include <stdbool.h>

/* Whether the items of large objects are in source order without
 * overlapping (true of every parsed body; not promised by HCL-JSON's
 * flattening), remembered over one batch of offsets: such an object is
 * searched by halving instead of item by item. */
#define MEMO_SLOTS 8
#define MEMO_MIN_ITEMS 16

struct memo {
    const struct hcl_object *objects[MEMO_SLOTS];
    bool ordered[MEMO_SLOTS];
    size_t next;
};

static bool items_ordered(const struct hcl_object *o) {
    for (size_t i = 0; i < o->count; i++) {
        const struct hcl_item *it = o->items[i];
        if (hcl_item_span(it).end < hcl_item_span(it).start)
            return false;
        if (i && hcl_item_span(it).start < hcl_item_span(o->items[i - 1]).end)
            return false;
    }
    return true;
}

static bool ordered(struct memo *memo, const struct hcl_object *o) {
    for (size_t i = 0; i < MEMO_SLOTS; i++)
        if (memo->objects[i] == o)
            return memo->ordered[i];
    size_t slot = memo->next++ % MEMO_SLOTS;
    memo->objects[slot] = o;
    memo->ordered[slot] = items_ordered(o);
    return memo->ordered[slot];
}

/* the item of o that holds offset (the first one, in item order) */
static const struct hcl_item *item_at(struct memo *memo, const struct hcl_object *o,
                                      uint32_t offset) {
    if (o->count >= MEMO_MIN_ITEMS && ordered(memo, o)) {
        /* the last item starting at or before offset is the only candidate */
        size_t lo = 0, hi = o->count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (hcl_item_span(o->items[mid]).start <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == 0)
            return NULL;
        const struct hcl_item *it = o->items[lo - 1];
        return offset < hcl_item_span(it).end ? it : NULL;
    }
    for (size_t i = 0; i < o->count; i++) {
        const struct hcl_item *it = o->items[i];
        if (offset >= hcl_item_span(it).start && offset < hcl_item_span(it).end)
            return it;
    }
    return NULL;
}

static void walk(struct memo *memo, const struct hcl_value *v, uint32_t offset,
                 struct buf *out) {
    while (v) {
        const struct hcl_value *next = NULL;
        if (v->kind == HCL_OBJECT) {
            const struct hcl_item *item = item_at(memo, &v->as.object, offset);
            if (item) {
                for (size_t k = 1; k < item->key_count; k++) {
                    if (out->len)
                        buf_putc(out, '/');
                    buf_add(out, item->keys[k].text, item->keys[k].len);
                }
                next = item->value;
            }
        } else if (v->kind == HCL_LIST) {
            for (size_t i = 0; i < v->as.list.count && !next; i++) {
                const struct hcl_value *e = v->as.list.elems[i];
                if (offset >= e->span.start && offset < e->span.end)
                    next = e;
            }
        }
        v = next;
    }
}

void object_paths(const struct hcl_file *file, const uint32_t *offsets, size_t n,
                  char **paths) {
    struct memo memo = {{NULL}, {false}, 0};
    for (size_t i = 0; i < n; i++) {
        paths[i] = NULL;
        if (!file || !file->root)
            continue;
        struct buf out;
        buf_init(&out);
        walk(&memo, file->root, offsets[i], &out);
        if (!out.len)
            buf_free(&out);
        else
            paths[i] = buf_detach(&out);
    }
}

char *object_path(const struct hcl_file *file, uint32_t offset) {
    char *path;
    object_paths(file, &offset, 1, &path);
    return path;
}
