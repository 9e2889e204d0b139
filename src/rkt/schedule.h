/* schedule.h — placing allocations on a fleet of host profiles, as Nomad
 * 0.12's generic scheduler does (scheduler/stack.go, feasible.go, rank.go,
 * spread.go), but deterministic.
 *
 * Contract: a fleet is the set of hosts of one run (`--node` given once or
 * more; none: the default profile, unprofiled) and the resources that
 * earlier allocations took on each host: CPU, memory and ports. Jobs are
 * placed one after the other with fleet_schedule, every group `count`
 * times. A host is feasible when, in Nomad's order: it is in one of the
 * job's datacenters and its region, every job/group/task constraint holds,
 * it has a healthy rkt driver, the group's host volumes, distinct_hosts
 * and distinct_property allow another allocation, and it has the CPU,
 * memory, static ports (not reserved, not in use) and dynamic ports the
 * allocation asks for. Every feasible host is scored (binpack ScoreFit,
 * job anti-affinity, affinities, spread; the mean of the scores, as
 * Nomad's normalization) and the best wins, ties going to the host whose
 * name sorts first. Ports: static ones as written, dynamic ones from
 * --port overrides or the lowest free ports of the host's dynamic range
 * that no allocation on the host uses, that are not reserved and that are
 * no static port of the job. Unprofiled, every allocation goes on one
 * host and only its ports are checked (no static port twice, dynamic
 * ports free): every other check depends on the node and is skipped (one
 * RKT060 info names them). An allocation no host can take is unplaced,
 * with the first failing check of every host, and is an error finding
 * (RKT024, or RKT034 for host volumes) at the check that fails on the
 * first host. Groups without rkt tasks are placed on the first host
 * unchecked. A system job (Nomad's system scheduler) gets one allocation,
 * index 0, on every host that passes the node's checks; a host that
 * passes them but lacks the resources gives an unplaced allocation, and
 * so does a fleet where no host passes them. Results live in the arena given; the fleet's own state on
 * the heap (fleet_free). */
#ifndef RKTC_RKT_SCHEDULE_H
#define RKTC_RKT_SCHEDULE_H

#include "diag/diag.h"
#include "rkt/node.h"
#include "rkt/plan.h"
#include "rkt/task.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct fleet;

struct schedule_alloc {
    int index;                       /* NOMAD_ALLOC_INDEX */
    const char *alloc_salt;          /* system jobs: the host's name, mixed into the id */
    const struct node_profile *node; /* NULL: unplaced */
    const char **reasons;  /* per host (fleet order): the first failing check, or NULL
                              (NULL too for the other hosts of a system job's allocation) */
    struct plan_port **task_ports; /* per task of the group: statics first, then dynamics */
    size_t *task_port_counts;
};

struct schedule_group {
    struct schedule_alloc *allocs;
    int count;
};

struct schedule_job {
    const struct fleet *fleet;
    bool fleet_profiled;      /* the hosts came from --node */
    const char *job_id;
    const char **group_names;
    struct schedule_group *groups;
    size_t group_count;
    size_t unplaced;          /* allocations no host can take */
    const char *usage_error;  /* a bad --port override */
    bool *port_used;          /* per --port override of the options: some task has it */
};

/* nodes: count >= 1; profiled: they came from --node (else the default
 * profile, whose placement checks are skipped). The nodes must outlive the
 * fleet. */
struct fleet *fleet_new(const struct node_profile *nodes, size_t count, bool profiled);
void fleet_free(struct fleet *fleet);
size_t fleet_host_count(const struct fleet *fleet);
const struct node_profile *fleet_host(const struct fleet *fleet, size_t i);
bool fleet_profiled(const struct fleet *fleet);
/* Whether an unprofiled fleet reports RKT060 once per job (default on). */
void fleet_note_skipped(struct fleet *fleet, bool on);

/* Places every allocation of job (count capped at PLAN_MAX_ALLOCATIONS),
 * notes which --port overrides of opts it uses, and reports findings. */
const struct schedule_job *fleet_schedule(struct fleet *fleet, struct arena *arena,
                                          const struct rkt_job_input *job,
                                          const struct plan_options *opts,
                                          struct diag_list *diags);

/* The unplaced allocations as JSON objects {"job", "group", "index",
 * "reasons": {"<node>": "<first failing check>"}}, each preceded by ",\n"
 * when *written is nonzero (then counted). */
void schedule_json_unplaced(struct buf *out, const struct schedule_job *s, size_t *written);
/* The same as text lines "# unplaced: job.group[i]: node: reason; ...". */
void schedule_text_unplaced(struct buf *out, const struct schedule_job *s);

#endif
