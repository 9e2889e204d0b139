/* systemd_target.h — `rktc build --target=systemd`: units for rkt tasks.
 *
 * Contract: for every allocation of the plan (a group with count = N gives
 * N) writes one `.service` per rkt task Nomad would start, one `.target`
 * per allocation and one per job (docs/targets.md §3-§6):
 * ExecStart= is the plan's `rkt run` (PLAN_RUN: rkt path, global flags,
 * `run`, `--uuid-file-save=PATH`, the run-prepared flags, the prepare
 * flags) as the unit's main process; ExecStartPre= sets up the planned
 * allocation directories (modes, owner, secrets tmpfs) and runs the
 * planned trust; ExecStopPost= is the plan's `rkt rm` of the saved UUID.
 * Restart, kill, shutdown delay, leader and lifecycle come from the plan
 * through unit_policy; a periodic job gets a `.timer` from cron_calendar
 * of the plan's parsed spec and zone (and its job target is not wanted at
 * boot), a
 * parameterized job is not started on its own, other jobs' job target is
 * WantedBy=multi-user.target. Every Exec line goes through
 * systemd_exec_line, every unit name through unit_name. Findings (GEN):
 * features left out, approximate restart/leader/periodic semantics,
 * static ports used by two allocations on the host (error, also across
 * the inputs of one build, tracked in systemd_build). */
#ifndef RKTC_TARGETS_SYSTEMD_TARGET_H
#define RKTC_TARGETS_SYSTEMD_TARGET_H

#include "targets/target.h"

struct systemd_static_port {
    int port;
    char *owner; /* "job/group[index]/task" (heap) */
    char *alloc_id;
};

/* State shared by all inputs of one build. */
struct systemd_build {
    struct systemd_static_port *ports;
    size_t port_count, port_cap;
};

void systemd_build_init(struct systemd_build *build);
void systemd_build_free(struct systemd_build *build);

void systemd_target_build(struct arena *arena, struct systemd_build *build,
                          const struct rkt_plan *plan, struct target_output *out,
                          struct diag_list *diags);

#endif
