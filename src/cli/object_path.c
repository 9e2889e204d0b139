#include "cli/object_path.h"
#include "util/buf.h"

static void walk(const struct hcl_value *v, uint32_t offset, struct buf *out) {
    while (v) {
        const struct hcl_value *next = NULL;
        if (v->kind == HCL_OBJECT) {
            for (size_t i = 0; i < v->as.object.count && !next; i++) {
                const struct hcl_item *item = v->as.object.items[i];
                if (offset < item->span.start || offset >= item->span.end)
                    continue;
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

char *object_path(const struct hcl_file *file, uint32_t offset) {
    if (!file || !file->root)
        return NULL;
    struct buf out;
    buf_init(&out);
    walk(file->root, offset, &out);
    if (!out.len) {
        buf_free(&out);
        return NULL;
    }
    return buf_detach(&out);
}
