/* nomad_rewrite.c — the edit list applied to the input text (see nomad_rewrite.h). */
#include "targets/nomad_rewrite.h"

#include "util/xalloc.h"

#include <stdlib.h>

static int edit_order(const void *a, const void *b) {
    const struct mig_edit *x = *(const struct mig_edit *const *)a;
    const struct mig_edit *y = *(const struct mig_edit *const *)b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x < y ? -1 : x > y; /* stable: the list's order */
}

void nomad_rewrite_apply(const char *text, size_t len, const struct mig_edits *edits,
                         struct buf *out) {
    size_t n = edits->count;
    const struct mig_edit **order = n ? xmalloc(n * sizeof *order) : NULL;
    for (size_t i = 0; i < n; i++)
        order[i] = &edits->items[i];
    if (n)
        qsort(order, n, sizeof *order, edit_order);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const struct mig_edit *e = order[i];
        if (e->start < at || e->end > len)
            continue; /* overlapping: the earlier edit wins */
        buf_add(out, text + at, e->start - at);
        buf_puts(out, e->text);
        at = e->end;
    }
    buf_add(out, text + at, len - at);
    free(order);
}
