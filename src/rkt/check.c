#include "rkt/check.h"

#include "rkt/from_job.h"

bool rkt_check_job(struct arena *arena, const struct source *src, const struct nomad_job *job,
                   const struct node_profile *node, const struct plan_options *options,
                   struct diag_list *diags) {
    struct node_profile defaults;
    if (!node) {
        node_defaults(arena, &defaults);
        node = &defaults;
    }
    struct rkt_job_input *input = rkt_input_from_job(arena, src, job);
    return rkt_plan_findings(arena, input, node, options, diags);
}
