/* target.h — what the output targets (sh, systemd) take and give.
 *
 * Contract: a target reads one file's launch plan (rkt/plan.h) plus the
 * few job-level facts the plan does not carry (struct target_job, filled
 * by the CLI from the job model: periodic and parameterized stanzas,
 * shutdown delays, features a host without Nomad cannot provide) and
 * appends files to a target_output: a flat file name (no '/'), its bytes,
 * and whether it is executable. Targets never re-derive rkt flags; they
 * never touch the file system; their findings are GEN diagnostics at the
 * spans given here. The same input always gives the same bytes. */
#ifndef RKTC_TARGETS_TARGET_H
#define RKTC_TARGETS_TARGET_H

#include "diag/diag.h"
#include "rkt/plan.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* A job feature the generated files leave out (a GEN finding). */
struct target_dropped {
    const char *what; /* e.g. "service registration and checks" */
    struct span span;
};

/* Per task: what the plan does not carry. */
struct target_task_extra {
    const char *group, *task;
    int64_t shutdown_delay_ns;
};

struct target_job {
    const struct source *src;
    const char *source_name;  /* the input path as given */
    const char *id;           /* job ID */
    const char *type;         /* "service", "batch", "system" */
    struct span span;
    bool periodic;
    const char *cron;         /* periodic.cron */
    struct span cron_span;
    const char *time_zone;    /* "" = UTC */
    struct span time_zone_span;
    bool prohibit_overlap;
    bool periodic_enabled;
    struct span periodic_span;
    bool parameterized;
    struct target_task_extra *extras;
    size_t extra_count;
    struct target_dropped *dropped;
    size_t dropped_count;
    /* the DST rule of time_zone (POSIX TZ string from its zoneinfo file),
     * NULL when unknown or UTC */
    const char *time_zone_rule;
};

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

/* The extra facts of one task (zero values when none were given). */
struct target_task_extra target_job_extra(const struct target_job *job,
                                          const char *group, const char *task);

/* The unit/file name components of a plan task. */
char *target_task_name(const struct plan_task *t, const char *suffix);
char *target_alloc_name(const struct plan_task *t, const char *suffix);
char *target_job_name(const char *job, const char *suffix);

#endif
