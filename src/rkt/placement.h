/* placement.h — would Nomad's scheduler place an allocation on the node?
 *
 * Contract: placement_lint reports, once per constraint and independently
 * of any node, targets Nomad never resolves (RKT025/RKT038) and versions
 * compared as strings (RKT026). placement_check evaluates one group's
 * feasibility on the node: the job's datacenters, the rkt driver, every
 * job/group/task constraint (constraint.h), host volumes, and affinities
 * (RKT035, info); when `report` is set, each failure is an RKT024/RKT034
 * error at its stanza (RKT037 when rktc cannot evaluate a regexp). The
 * distinct_hosts / distinct_property limits depend on the allocations
 * already placed: the fleet scheduler counts them (schedule.h). */
#ifndef RKTC_RKT_PLACEMENT_H
#define RKTC_RKT_PLACEMENT_H

#include "diag/diag.h"
#include "rkt/node.h"
#include "rkt/task.h"

#include <stdbool.h>

struct arena;

void placement_lint(struct arena *arena, const struct rkt_job_input *job,
                    struct diag_list *diags);
bool placement_check(struct arena *arena, const struct rkt_job_input *job,
                     const struct rkt_group_input *group, const struct node_profile *node,
                     bool report, struct diag_list *diags);
#endif
