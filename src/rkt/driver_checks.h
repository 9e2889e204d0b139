/* driver_checks.h — what would fail or misbehave when an rkt task starts.
 *
 * Contract: driver_check_start runs the 0.9+ driver's start-time checks of
 * docs/rkt-driver.md §3 (volumes disabled, volume format, DNS servers, port_map
 * without network, unmapped port labels) on a decoded config and reports
 * each failure (RKT006-RKT010) at the offending value; it returns false
 * when the driver would refuse the task. driver_check_rkt reports what rkt
 * 1.30.0 itself would reject or silently misread later (docs/rkt-driver.md §17.9)
 * and the surprises of §5/§15 (unverified images, --cpu without unit,
 * debug); these never refuse a task. driver_check_env reports `${...}` in
 * the task's env {} that the client leaves as written (RKT039). */
#ifndef RKTC_RKT_DRIVER_CHECKS_H
#define RKTC_RKT_DRIVER_CHECKS_H

#include "diag/diag.h"
#include "rkt/config.h"
#include "rkt/env.h"
#include "rkt/node.h"
#include "rkt/task.h"

#include <stdbool.h>

struct arena;

bool driver_check_start(struct arena *arena, const struct source *src,
                        const struct rkt_task_input *task, const struct rkt_config *cfg,
                        const struct node_profile *node, struct diag_list *diags);
void driver_check_rkt(struct arena *arena, const struct source *src,
                      const struct rkt_task_input *task, const struct rkt_config *cfg,
                      const struct node_profile *node, bool has_ports,
                      struct diag_list *diags);
void driver_check_env(struct arena *arena, const struct source *src,
                      const struct rkt_task_input *task, const struct task_env *env,
                      const struct node_profile *node, struct diag_list *diags);

#endif
