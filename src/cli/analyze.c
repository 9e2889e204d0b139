/* analyze.c — check's pipeline for one source (see analyze.h). */
#include "cli/analyze.h"
#include "rkt/check.h"
#include "util/arena.h"

bool analyze_is_parse_failure(const struct diag *d) {
    return d->severity == SEVERITY_ERROR &&
           (d->rule->code == RULE_HCL001 || d->rule->code == RULE_HCL002 ||
            d->rule->code == RULE_HCL003);
}

void analyze_source(struct unit *u, const struct source *src,
                    const struct analyze_options *options) {
    /* the rkt stage and the validation decode each task's driver config
     * when they look at it: the job need not keep them all */
    struct unit_options load = {.stage = UNIT_VALID, .lean = true};
    unit_load(u, src, &load);
    if (u->job) {
        /* the rkt stage keeps nothing but its findings: its memory (the
         * driver's view of the job, the schedule) is released after it */
        struct arena *scratch = arena_new();
        rkt_check_job(scratch, src, u->job, options ? options->node : NULL,
                      options ? options->plan : NULL, &u->diags);
        arena_free(scratch);
    }
}
