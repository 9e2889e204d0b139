/* target.c — shared helpers of the output targets (see target.h). */
#include "targets/target.h"
#include "util/unit_name.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void target_output_init(struct target_output *out) {
    out->files = NULL;
    out->count = out->cap = 0;
}

void target_output_free(struct target_output *out) {
    for (size_t i = 0; i < out->count; i++) {
        free(out->files[i].name);
        buf_free(&out->files[i].data);
    }
    free(out->files);
    target_output_init(out);
}

struct buf *target_output_add(struct target_output *out, const char *name,
                              bool executable) {
    if (out->count == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 16;
        out->files = xreallocarray(out->files, out->cap, sizeof *out->files);
    }
    struct target_file *f = &out->files[out->count++];
    f->name = xstrdup(name);
    buf_init(&f->data);
    f->executable = executable;
    return &f->data;
}

char *target_task_name(const struct plan_task *t, const char *suffix) {
    char index[24];
    snprintf(index, sizeof index, "%d", t->index);
    const char *parts[] = {t->job, t->group, index, t->task};
    return unit_name_join("rktc-", parts, 4, suffix);
}

char *target_alloc_name(const struct plan_task *t, const char *suffix) {
    char index[24];
    snprintf(index, sizeof index, "%d", t->index);
    const char *parts[] = {t->job, t->group, index};
    return unit_name_join("rktc-", parts, 3, suffix);
}

char *target_job_name(const char *job, const char *suffix) {
    const char *parts[] = {job};
    return unit_name_join("rktc-", parts, 1, suffix);
}
