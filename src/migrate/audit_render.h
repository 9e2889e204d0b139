/* audit_render.h — `rktc audit` reports: Markdown and JSON.
 *
 * Contract: the renderers take the audited inputs in order (each a source
 * path, and either its inventory or why it is not a job file Nomad reads)
 * and append the report to a buffer: per file, job, group and task every
 * use with its value, location (path:line:col) and per-destination verdict
 * with the reasoning from the mapping table; then a summary across inputs
 * (rkt tasks per destination verdict, options by frequency, blockers with
 * their locations). Same inputs, same bytes. Never prints. */
#ifndef RKTC_MIGRATE_AUDIT_RENDER_H
#define RKTC_MIGRATE_AUDIT_RENDER_H

#include "migrate/inventory.h"
#include "util/buf.h"

struct audit_input {
    const char *path;
    const struct source *src;   /* NULL when unreadable */
    const struct mig_job *job;  /* NULL when not a job file */
    const char *reason;         /* why not (job NULL) */
    struct span reason_span;
    bool has_reason_span;
};

void audit_render_markdown(struct buf *out, const struct audit_input *inputs, size_t count);
void audit_render_json(struct buf *out, const struct audit_input *inputs, size_t count);
/* The conversion matrix (docs/migration.md): every case × destination. */
void audit_render_matrix(struct buf *out);

/* A task's overall verdict name: "same", "changed" (changes or drops
 * only), or "blocked". */
const char *audit_task_verdict(enum mig_verdict v);

#endif
