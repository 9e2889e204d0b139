/* analyze.h — the checking pipeline for one input file.
 *
 * Contract: analyze_source loads one source through the front end
 * (unit_load, up to Nomad's validation) and then runs the rkt driver's
 * checks on the job, each stage adding its findings to the unit's diags.
 * Later stages run only when the earlier ones produced their structure.
 * u->unreadable (the bytes are not HCL or JSON) makes `check` exit 2; the
 * caller frees the unit. Never prints. */
#ifndef RKTC_CLI_ANALYZE_H
#define RKTC_CLI_ANALYZE_H

#include "diag/diag.h"
#include "nomad/unit.h"

#include <stdbool.h>

struct node_profile;
struct plan_options;

struct analyze_options {
    /* options of later stages (host profile, target Nomad version) join
     * this struct; C forbids an empty one */
    int reserved;
    const struct node_profile *node;  /* rkt stage: NULL = default profile */
    const struct plan_options *plan;  /* rkt stage: --alloc-id, --port */
};

void analyze_source(struct unit *u, const struct source *src,
                    const struct analyze_options *options);

/* True when d is a front-end error that stops a file from being checked. */
bool analyze_is_parse_failure(const struct diag *d);

#endif
