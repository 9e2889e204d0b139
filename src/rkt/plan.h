/* plan.h — the launch plan: what Nomad's rkt driver would run, per task.
 *
 * Contract: rkt_plan_job takes the driver's view of a job (task.h) and a
 * host profile, takes the placement of every allocation (a group with
 * count = N gives N) and its host ports from the fleet scheduler
 * (schedule.h: options->schedule, else the node alone as a fleet of one,
 * its node checks made only with node_given), derives allocation ids (uuid_derive of job/group/index unless
 * given: a given id is used as is when the plan has one allocation, and
 * with several each id is derived from it), builds each rkt task's
 * environment, decodes and interpolates its
 * config, runs the driver's start-time checks in the driver's order and
 * rkt's own value checks, and builds the exact trust / prepare /
 * run-prepared argv of Nomad 0.10.9 (--set-env sorted by key). It also
 * computes, once, the rest of what the renderers need (rkt/launch.h): the
 * same launch as one `rkt run` plus its `rkt rm`, the allocation-directory
 * setup, kill, shutdown delay, restart and lifecycle per task, and per job
 * the parsed periodic stanza with its time zone's rule (read from the
 * host's zoneinfo, the only I/O) and the features left out. Every finding
 * goes to diags (RKT rules) at the offending key; a task Nomad would not
 * start (rejected config, failed placement, a failing driver check) is
 * marked refused; rkt-side findings never refuse. Tasks of other drivers
 * are listed as skipped. The options are only read: which --port
 * overrides some task has is in rkt_plan.port_used. All memory from the
 * arena. */
#ifndef RKTC_RKT_PLAN_H
#define RKTC_RKT_PLAN_H

#include "diag/diag.h"
#include "rkt/env.h"
#include "rkt/launch.h"
#include "rkt/node.h"
#include "rkt/task.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* Allocations planned per group at most (a larger count is an HCL003
 * input-limit error and refuses the plan). */
#define PLAN_MAX_ALLOCATIONS 1000

struct plan_port_override {
    const char *task;  /* NULL: any task */
    const char *label;
    int port;
};

struct schedule_job;

struct plan_options {
    bool node_given;      /* --node: the node's placement checks are
                             evaluated, else skipped (RKT060) */
    /* where each allocation goes and its host ports (schedule.h, a fleet
     * shared by the jobs of one run); NULL: the node passed, alone */
    const struct schedule_job *schedule;
    const char *alloc_id; /* NULL: derived */
    const struct plan_port_override *ports;
    size_t port_count;
    const char *source_name; /* the input path as given (plan job) */
};

void rkt_plan_job(struct arena *arena, const struct rkt_job_input *job,
                  const struct node_profile *node, const struct plan_options *options,
                  struct rkt_plan *out, struct diag_list *diags);
/* The same planning for its findings only (what `check` needs): nothing of
 * the plan is kept, and the memory of each allocation's tasks is released
 * after it. Returns false when the plan would be refused. */
bool rkt_plan_findings(struct arena *arena, const struct rkt_job_input *job,
                       const struct node_profile *node, const struct plan_options *options,
                       struct diag_list *diags);

/* The usage error for a --port override that no task of any input has
 * (the caller decides after every input: rkt_plan.port_used). */
void plan_port_unused_message(struct buf *out, const struct plan_port_override *o);

#endif
