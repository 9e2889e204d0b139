/* target.h — what the output targets (sh, systemd) take and give.
 *
 * Contract: a target reads one file's launch plan (rkt/launch.h) and
 * nothing else, and appends files to a target_output: a flat file name (no
 * '/'), its bytes, and whether it is executable. Targets never re-derive
 * rkt flags; they never touch the file system; their findings are GEN
 * diagnostics at the plan's spans. The same plan always gives the same
 * bytes. */
#ifndef RKTC_TARGETS_TARGET_H
#define RKTC_TARGETS_TARGET_H

#include "diag/diag.h"
#include "rkt/launch.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct target_file {
    char *name;       /* heap */
    struct buf data;
    bool executable;
};

struct target_output {
    struct target_file *files;
    size_t count, cap;
};

void target_output_init(struct target_output *out);
void target_output_free(struct target_output *out);
/* Appends a file and returns its buffer (name copied). */
struct buf *target_output_add(struct target_output *out, const char *name,
                              bool executable);

/* The unit/file name components of a plan task. */
char *target_task_name(const struct plan_task *t, const char *suffix);
char *target_alloc_name(const struct plan_task *t, const char *suffix);
char *target_job_name(const char *job, const char *suffix);

#endif
