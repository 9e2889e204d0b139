/* plan.h — the launch plan: what Nomad's rkt driver would run, per task.
 *
 * Contract: rkt_plan_job takes the driver's view of a job (task.h) and a
 * host profile, places every allocation (a group with count = N gives N)
 * on the node as Nomad's scheduler would (datacenters, constraints,
 * distinct_hosts/distinct_property, host volumes), assigns ports (static
 * ones as written; dynamic ones from --port overrides, else the lowest free
 * ports of the node's dynamic range, in plan order, avoiding every static
 * port), derives allocation ids (uuid_derive of job/group/index unless
 * given: a given id is used as is when the plan has one allocation, and
 * with several each id is derived from it), builds each rkt task's
 * environment, decodes and interpolates its
 * config, runs the driver's start-time checks in the driver's order and
 * rkt's own value checks, and builds the exact trust / prepare /
 * run-prepared argv of Nomad 0.10.9 (rkt-driver.md §3; --set-env sorted by
 * key). Every finding goes to diags (RKT rules) at the offending key; a
 * task Nomad would not start (rejected config, failed placement, a failing
 * driver check) is marked refused; rkt-side findings never refuse. Tasks of
 * other drivers are listed as skipped. All memory from the arena. */
#ifndef RKTC_RKT_PLAN_H
#define RKTC_RKT_PLAN_H

#include "diag/diag.h"
#include "rkt/env.h"
#include "rkt/node.h"
#include "rkt/task.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* Allocations planned per group at most (a larger count is an HCL003
 * input-limit error and refuses the plan). */
#define PLAN_MAX_ALLOCATIONS 1000

enum plan_cmd_kind { PLAN_TRUST, PLAN_PREPARE, PLAN_RUN_PREPARED };

struct plan_command {
    enum plan_cmd_kind kind;
    const char **argv; /* argv[0] is the node's rkt path */
    size_t argc;
};

struct plan_dir {
    const char *path;
    unsigned mode;   /* e.g. 0777, 01777 */
    bool tmpfs;      /* the secrets tmpfs (noexec,size=1m) */
};

struct plan_port {
    const char *label;
    int host_port;
    bool is_static;
    const char *port_name; /* port_map value, NULL when not mapped */
};

struct plan_task {
    const char *job, *group, *task;
    int index;
    const char *alloc_id;
    const char *alloc_dir;   /* A */
    const char *task_dir;    /* A/T */
    bool skipped;            /* another driver */
    const char *driver;
    bool refused;            /* Nomad would not start it */
    bool unplaced;           /* no host can take its allocation (schedule.h) */
    const char *node;        /* the host profile's name (--node given), else NULL */
    struct plan_command commands[3];
    size_t command_count;
    struct plan_dir *dirs;
    size_t dir_count;
    struct plan_port *ports;
    size_t port_count;
    struct task_env env;
    int cpu, memory;
    const char *user;
    int64_t kill_timeout_ns;
    const char *kill_signal; /* "SIGINT" when not set */
    int restart_attempts;
    int64_t restart_interval_ns, restart_delay_ns;
    const char *restart_mode;
    const char *lifecycle_hook;
    bool lifecycle_sidecar;
    bool leader;
    const struct rkt_task_input *input;
};

struct plan_port_override {
    const char *task;  /* NULL: any task */
    const char *label;
    int port;
    bool used;
};

struct schedule_job;

struct plan_options {
    bool node_given;      /* --node: the node's placement checks are
                             evaluated, else skipped (RKT060) */
    /* where each allocation goes and its host ports (schedule.h, a fleet
     * shared by the jobs of one run); NULL: the node passed, alone */
    const struct schedule_job *schedule;
    const char *alloc_id; /* NULL: derived */
    struct plan_port_override *ports;
    size_t port_count;
};

struct rkt_plan {
    struct plan_task *tasks;
    size_t count, cap;
    bool refused;            /* some task would not start */
    const char *usage_error; /* a bad --port override (exit 3) */
};

void rkt_plan_job(struct arena *arena, const struct rkt_job_input *job,
                  const struct node_profile *node, const struct plan_options *options,
                  struct rkt_plan *out, struct diag_list *diags);

const char *plan_cmd_name(enum plan_cmd_kind kind);

#endif
