/* check.h — the rkt stage of `rktc check`.
 *
 * Contract: rkt_check_job runs the whole rkt stage on a decoded job (the
 * adapter of from_job.h, then the plan of plan.h with its placement,
 * config, driver and rkt-side checks) for its findings only
 * (rkt_plan_findings: no plan is kept). node NULL means the default host
 * profile; options NULL means derived allocation ids and ports. Returns
 * true when Nomad would start every rkt task. */
#ifndef RKTC_RKT_CHECK_H
#define RKTC_RKT_CHECK_H

#include "diag/diag.h"
#include "nomad/job.h"
#include "rkt/node.h"
#include "rkt/plan.h"

#include <stdbool.h>

struct arena;

bool rkt_check_job(struct arena *arena, const struct source *src, const struct nomad_job *job,
                   const struct node_profile *node, const struct plan_options *options,
                   struct diag_list *diags);

#endif
