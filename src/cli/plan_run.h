/* plan_run.h — the per-file loop `rktc plan` and `rktc build` share: load
 * every input through the front end, place its allocations on the --node
 * hosts, plan its rkt tasks, and gather what only the whole run decides
 * (a --port override no task has, a usage error of the plan).
 *
 * Contract: plan_run_open loads the host profiles of opts (printing the
 * problem and returning EXIT_INPUT or EXIT_CONFIG when one cannot be used,
 * else EXIT_OK) and builds the fleet. For each input, plan_run_file
 * fills a struct plan_file: false when the file cannot be read (the reason
 * is printed on stderr, nothing else is set). Otherwise the file is loaded
 * once (unit_load through nomad_load_job); `unparsable` is set when it is
 * not HCL or JSON at all (exit class 2), `refused` when Nomad would refuse
 * the job (no job, or an error finding). The job is placed and planned
 * when there is one and it is not refused, or always with
 * plan_refused (plan shows every finding of a refused job; build neither
 * plans it nor lets it take ports on the hosts); then `planned` is set and
 * plan_from is the index of the first finding of placement and planning.
 * plan_file_done releases a file's arena, source and findings.
 * plan_run_usage returns the run's usage error (heap, or NULL) once every
 * input was planned; plan_run_close releases the run. Never exits. */
#ifndef RKTC_CLI_PLAN_RUN_H
#define RKTC_CLI_PLAN_RUN_H

#include "cli/rkt_options.h"
#include "diag/diag.h"
#include "rkt/plan.h"
#include "rkt/schedule.h"

#include <stdbool.h>
#include <stddef.h>

struct plan_run {
    const struct rkt_options *opts;
    bool plan_refused;
    struct arena *node_arena;
    struct node_profile *nodes;
    size_t node_count;
    struct fleet *fleet;
    bool *port_used; /* per --port override: some task of some input has it */
    char *usage;     /* the first usage error of a plan (heap) */
};

struct plan_file {
    const char *path;
    struct arena *arena;
    struct source *src;
    struct diag_list diags;
    bool unparsable;
    bool refused;
    bool planned;
    struct rkt_plan plan;
    const struct schedule_job *schedule;
    size_t plan_from;
};

int plan_run_open(struct plan_run *run, const struct rkt_options *opts, bool plan_refused);
bool plan_run_file(struct plan_run *run, const char *path, struct plan_file *file);
void plan_file_done(struct plan_file *file);
char *plan_run_usage(struct plan_run *run);
void plan_run_close(struct plan_run *run);

#endif
