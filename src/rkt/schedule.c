#include "rkt/schedule.h"

#include "hcl/generic.h"
#include "rkt/constraint.h"
#include "rkt/placement.h"
#include "util/arena.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PORT_WORDS (65536 / 64)

struct fleet_host {
    const struct node_profile *node;
    int64_t cpu_used, memory_used;
    uint64_t *ports; /* host ports taken by allocations (heap bitmap) */
};

struct fleet {
    struct fleet_host *hosts; /* sorted by name */
    size_t count;
    bool profiled;
    bool note_skipped; /* RKT060 for unprofiled jobs */
};

static int by_name(const void *a, const void *b) {
    const struct fleet_host *x = a, *y = b;
    return strcmp(x->node->name, y->node->name);
}

struct fleet *fleet_new(const struct node_profile *nodes, size_t count, bool profiled) {
    struct fleet *f = xcalloc(1, sizeof *f);
    f->hosts = xcalloc(count ? count : 1, sizeof *f->hosts);
    f->count = count;
    f->profiled = profiled;
    f->note_skipped = true;
    for (size_t i = 0; i < count; i++) {
        f->hosts[i].node = &nodes[i];
        f->hosts[i].ports = xcalloc(PORT_WORDS, sizeof *f->hosts[i].ports);
    }
    qsort(f->hosts, count, sizeof *f->hosts, by_name);
    return f;
}

void fleet_free(struct fleet *fleet) {
    if (!fleet)
        return;
    for (size_t i = 0; i < fleet->count; i++)
        free(fleet->hosts[i].ports);
    free(fleet->hosts);
    free(fleet);
}

size_t fleet_host_count(const struct fleet *fleet) { return fleet->count; }
const struct node_profile *fleet_host(const struct fleet *fleet, size_t i) {
    return fleet->hosts[i].node;
}
bool fleet_profiled(const struct fleet *fleet) { return fleet->profiled; }
void fleet_note_skipped(struct fleet *fleet, bool on) { fleet->note_skipped = on; }

static bool bit_has(const uint64_t *bits, int port) {
    return port >= 0 && port < 65536 && ((bits[port / 64] >> (port % 64)) & 1);
}

static void bit_set(uint64_t *bits, int port) {
    if (port >= 0 && port < 65536)
        bits[port / 64] |= (uint64_t)1 << (port % 64);
}

static bool is_rkt(const struct rkt_task_input *task) {
    return task->driver && strcmp(task->driver, "rkt") == 0;
}

/* ---- the state of one job's placement ------------------------------------ */

struct job_state {
    struct arena *arena;
    struct fleet *fleet;
    const struct rkt_job_input *job;
    const struct plan_options *opts;
    uint64_t job_statics[PORT_WORDS]; /* every static port of the job */
    int *job_on_host;                 /* allocations of the job per host */
    int **group_on_host;              /* [group][host] */
    const char ***group_values;       /* [group][alloc]: host name of each placed alloc */
    struct schedule_job *out;
    const char *usage_error;
    /* unprofiled: the default host, moved into the job's first datacenter
     * and its region (what the job's environment then shows) */
    const struct node_profile *stand_in;
    /* per host: every dynamic-range port below it is taken on the host,
     * a static port of the job, or reserved; only moves up, so the search
     * for the lowest free dynamic port never rescans the taken ones */
    int *dynamic_floor;
};

/* a failing check: its text and where to point */
struct failure {
    const char *reason;
    enum rule_id rule;
    struct span span;
};

/* the override of a port (the task's own first, else one for any task),
 * and its index; NULL when none */
static const struct plan_port_override *find_override(const struct plan_options *opts,
                                                      const char *task, const char *label,
                                                      size_t *at) {
    if (!opts)
        return NULL;
    size_t any = opts->port_count;
    for (size_t i = 0; i < opts->port_count; i++) {
        const struct plan_port_override *o = &opts->ports[i];
        if (strcmp(o->label, label) != 0)
            continue;
        if (o->task && strcmp(o->task, task) == 0) {
            *at = i;
            return o;
        }
        if (!o->task && any == opts->port_count)
            any = i;
    }
    if (any == opts->port_count)
        return NULL;
    *at = any;
    return &opts->ports[any];
}

/* The ports taken on a host while an allocation's are chosen: the host's
 * (base) and this allocation's so far (own, where new ones are set; the
 * host's own bitmap when the allocation is committed there). `set` lists
 * what was set in own, when own is a scratch bitmap to clear afterwards
 * (room for every port of the group). */
struct taken {
    const uint64_t *base;
    uint64_t *own;
    int *set;
    size_t set_count;
};

static bool taken_has(const struct taken *t, int port) {
    return bit_has(t->base, port) || bit_has(t->own, port);
}

static void taken_add(struct taken *t, int port) {
    if (t->set && !bit_has(t->own, port) && port >= 0 && port < 65536)
        t->set[t->set_count++] = port;
    bit_set(t->own, port);
}

/* empties a scratch `own` bitmap again */
static void taken_clear(struct taken *t) {
    for (size_t i = 0; i < t->set_count; i++)
        t->own[t->set[i] / 64] = 0;
    t->set_count = 0;
}

/* whether a dynamic port is unavailable: taken, a static port of the job,
 * or reserved on the node */
static bool dynamic_unavailable(const struct job_state *st, const struct node_profile *node,
                                const struct taken *taken, int port) {
    return taken_has(taken, port) || bit_has(st->job_statics, port) ||
           node_port_reserved(node, port);
}

/* The ports of one allocation on host h: statics as written, dynamics the
 * lowest free ones from `floor` up (no port below it is free in `taken`).
 * `taken` starts as the host's bitmap (or empty) and collects this
 * allocation's ports. Returns false with *fail set when they do not fit. */
static bool assign_ports(struct job_state *st, const struct rkt_group_input *group,
                         const struct fleet_host *h, int floor, struct taken *taken, bool commit,
                         struct schedule_alloc *alloc, struct failure *fail) {
    const struct node_profile *node = h->node;
    bool checks = st->fleet->profiled;
    int cursor = floor > node->dynamic_min ? floor : node->dynamic_min;
    for (size_t t = 0; t < group->task_count; t++) {
        const struct rkt_task_input *task = &group->tasks[t];
        const struct rkt_network *net = task->network;
        size_t count = net ? net->port_count : 0;
        struct plan_port *ports = commit ? arena_array(st->arena, count ? count : 1, sizeof *ports)
                                         : NULL;
        size_t n = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < count; i++) {
                const struct rkt_port *p = &net->ports[i];
                if (p->is_static != (pass == 0))
                    continue;
                size_t at = 0;
                const struct plan_port_override *o =
                    find_override(st->opts, task->name, p->label, &at);
                if (o)
                    st->out->port_used[at] = true;
                int port;
                if (p->is_static) {
                    port = p->value;
                    if (o && o->port != p->value && !st->usage_error)
                        st->usage_error = arena_printf(
                            st->arena, "--port %s=%d: port \"%s\" of task \"%s\" is static (%d)",
                            o->label, o->port, p->label, task->name, p->value);
                    if (is_rkt(task)) {
                        if (checks && node_port_reserved(node, port)) {
                            fail->reason = arena_printf(
                                st->arena, "static port %d (%s) is reserved on the node", port,
                                p->label);
                            fail->rule = RULE_RKT024;
                            fail->span = p->span;
                            return false;
                        }
                        /* a fact of any one host, profiled or not */
                        if (taken_has(taken, port)) {
                            fail->reason = arena_printf(
                                st->arena, "static port %d (%s) is already in use on the node%s",
                                port, p->label,
                                checks ? "" : " (without --node every allocation is planned on "
                                              "one host; give the hosts with --node)");
                            fail->rule = RULE_RKT024;
                            fail->span = p->span;
                            return false;
                        }
                    }
                } else if (o) {
                    port = o->port;
                    if (taken_has(taken, port)) {
                        fail->reason = arena_printf(
                            st->arena, "port %d (--port %s) is already in use on the node", port,
                            p->label);
                        fail->rule = RULE_RKT024;
                        fail->span = p->span;
                        return false;
                    }
                } else {
                    while (cursor <= node->dynamic_max &&
                           dynamic_unavailable(st, node, taken, cursor))
                        cursor++;
                    if (cursor > node->dynamic_max) {
                        fail->reason = arena_printf(
                            st->arena, "dynamic port selection failed: the node's dynamic port "
                                       "range %d-%d is exhausted",
                            node->dynamic_min, node->dynamic_max);
                        fail->rule = RULE_RKT024;
                        fail->span = net->span;
                        return false;
                    }
                    port = cursor;
                }
                taken_add(taken, port);
                if (commit)
                    ports[n++] = (struct plan_port){p->label, port, p->is_static, NULL};
            }
        if (commit) {
            alloc->task_ports[t] = ports;
            alloc->task_port_counts[t] = n;
        }
    }
    return true;
}

static int64_t group_cpu(const struct rkt_group_input *g) {
    int64_t n = 0;
    for (size_t t = 0; t < g->task_count; t++)
        n += g->tasks[t].cpu;
    return n;
}

static int64_t group_memory(const struct rkt_group_input *g) {
    int64_t n = 0;
    for (size_t t = 0; t < g->task_count; t++)
        n += g->tasks[t].memory;
    return n;
}

/* the value of a distinct_property / spread attribute on a host */
static const char *property(const struct node_profile *node, const char *target) {
    struct target_value v = constraint_resolve(node, target);
    return v.found && v.text ? v.text : NULL;
}

/* allocations of the job (group < 0) or of one group whose host has
 * `value` for target */
static int count_with_value(const struct job_state *st, int group, const char *target,
                            const char *value) {
    int n = 0;
    for (size_t h = 0; h < st->fleet->count; h++) {
        const char *v = property(st->fleet->hosts[h].node, target);
        if (!v || strcmp(v, value) != 0)
            continue;
        n += group < 0 ? st->job_on_host[h] : st->group_on_host[group][h];
    }
    return n;
}

static bool distinct_ok(const struct job_state *st, const struct rkt_constraints *list,
                        int group, size_t h, struct failure *fail) {
    const struct node_profile *node = st->fleet->hosts[h].node;
    for (size_t i = 0; i < list->count; i++) {
        const struct rkt_constraint *c = &list->items[i];
        if (c->is_affinity)
            continue;
        int here = group < 0 ? st->job_on_host[h] : st->group_on_host[group][h];
        if (strcmp(c->operand, "distinct_hosts") == 0) {
            /* feasible.go: the operand alone turns it on */
            if (here > 0) {
                fail->reason = arena_printf(
                    st->arena, "distinct_hosts: the node already runs an allocation of %s",
                    group < 0 ? "the job" : "the group");
                fail->rule = RULE_RKT024;
                fail->span = c->span;
                return false;
            }
        } else if (strcmp(c->operand, "distinct_property") == 0) {
            long allowed = 1;
            if (*c->rtarget) {
                char *end;
                allowed = strtol(c->rtarget, &end, 10);
                if (*end || allowed < 1)
                    continue; /* Nomad's validation rejects it */
            }
            const char *v = property(node, c->ltarget);
            if (!v) {
                fail->reason = arena_printf(st->arena,
                                            "distinct_property: the node has no property %s",
                                            c->ltarget);
            } else if (count_with_value(st, group, c->ltarget, v) >= allowed) {
                fail->reason = arena_printf(
                    st->arena, "distinct_property: %s = \"%s\" already has %ld allocation(s)",
                    c->ltarget, v, allowed);
            } else {
                continue;
            }
            fail->rule = RULE_RKT024;
            fail->span = c->ltarget_span.end ? c->ltarget_span : c->span;
            return false;
        }
    }
    return true;
}

/* The first failing check of the group's constraints on the node, through
 * placement_check (its findings go to scratch); copies the non-error
 * findings (affinities, unevaluated regexps) when keep is set. */
static bool feasible_static(const struct job_state *st, const struct rkt_group_input *group,
                            const struct node_profile *node, bool keep, struct failure *fail,
                            struct diag_list *diags) {
    struct diag_list scratch;
    diag_list_init(&scratch);
    bool ok = placement_check(st->arena, st->job, group, node, true, &scratch);
    for (size_t i = 0; i < scratch.count; i++) {
        const struct diag *d = &scratch.items[i];
        if (d->severity == SEVERITY_ERROR && (d->rule->code == RULE_RKT024 ||
                                              d->rule->code == RULE_RKT034)) {
            if (!fail->reason) {
                fail->reason = arena_strndup(st->arena, d->message, strlen(d->message));
                fail->rule = d->rule->code;
                fail->span = d->span;
            }
        } else if (keep) {
            diag_add(diags, d->rule->code, d->src, d->span, "%s", d->message);
        }
    }
    diag_list_free(&scratch);
    if (!ok && !fail->reason) {
        fail->reason = "the node does not satisfy the group's constraints";
        fail->rule = RULE_RKT024;
        fail->span = group->span;
    }
    return ok;
}

static bool capacity_ok(const struct job_state *st, const struct rkt_group_input *group,
                        const struct fleet_host *h, struct failure *fail) {
    const struct node_profile *n = h->node;
    int64_t cpu = group_cpu(group), mem = group_memory(group);
    if (n->cpu_total_compute > 0 &&
        h->cpu_used + cpu > n->cpu_total_compute - n->reserved_cpu) {
        fail->reason = arena_printf(
            st->arena, "dimension \"cpu\" exhausted: the allocation asks for %lld MHz, %lld of "
                       "%lld MHz are free (%lld reserved)",
            (long long)cpu, (long long)(n->cpu_total_compute - n->reserved_cpu - h->cpu_used),
            (long long)n->cpu_total_compute, (long long)n->reserved_cpu);
        fail->rule = RULE_RKT024;
        fail->span = group->span;
        return false;
    }
    if (n->memory_total_mb > 0 &&
        h->memory_used + mem > n->memory_total_mb - n->reserved_memory) {
        fail->reason = arena_printf(
            st->arena, "dimension \"memory\" exhausted: the allocation asks for %lld MB, %lld "
                       "of %lld MB are free (%lld reserved)",
            (long long)mem, (long long)(n->memory_total_mb - n->reserved_memory - h->memory_used),
            (long long)n->memory_total_mb, (long long)n->reserved_memory);
        fail->rule = RULE_RKT024;
        fail->span = group->span;
        return false;
    }
    return true;
}

/* ---- scoring (rank.go, spread.go) ------------------------------------------ */

/* structs.ScoreFit: 0 (empty) .. 18 (full), normalized by 18 */
static double binpack(const struct fleet_host *h, const struct rkt_group_input *group) {
    const struct node_profile *n = h->node;
    double free_cpu = 1.0, free_mem = 1.0;
    double node_cpu = (double)(n->cpu_total_compute - n->reserved_cpu);
    double node_mem = (double)(n->memory_total_mb - n->reserved_memory);
    if (n->cpu_total_compute > 0 && node_cpu > 0)
        free_cpu = 1.0 - (double)(h->cpu_used + group_cpu(group)) / node_cpu;
    if (n->memory_total_mb > 0 && node_mem > 0)
        free_mem = 1.0 - (double)(h->memory_used + group_memory(group)) / node_mem;
    double score = 20.0 - (pow(10.0, free_cpu) + pow(10.0, free_mem));
    if (score > 18.0)
        score = 18.0;
    else if (score < 0)
        score = 0;
    return score / 18.0;
}

static bool affinity_matches(struct arena *arena, const struct rkt_constraint *c,
                             const struct node_profile *node) {
    if (!constraint_operand_known(c->operand, true))
        return false;
    struct target_value l = constraint_resolve(node, c->ltarget);
    struct target_value r = constraint_resolve(node, c->rtarget);
    const char *reason = NULL;
    return constraint_check(arena, c->operand, l, r, &reason) == CONSTRAINT_TRUE;
}

static void affinity_score(struct arena *arena, const struct rkt_constraints *list,
                           const struct node_profile *node, double *total, double *weights) {
    for (size_t i = 0; i < list->count; i++) {
        const struct rkt_constraint *c = &list->items[i];
        if (!c->is_affinity)
            continue;
        *weights += fabs((double)c->weight);
        if (affinity_matches(arena, c, node))
            *total += c->weight;
    }
}

/* allocations of group g per value of target, over the hosts */
static int value_count(const struct job_state *st, size_t g, const char *target,
                       const char *value) {
    return count_with_value(st, (int)g, target, value);
}

static double even_spread(const struct job_state *st, size_t g, const char *target,
                          const struct node_profile *node) {
    /* the combined use map: every value that has allocations */
    int min = 0, max = 0;
    bool any = false;
    for (size_t h = 0; h < st->fleet->count; h++) {
        const char *v = property(st->fleet->hosts[h].node, target);
        if (!v || st->group_on_host[g][h] == 0)
            continue;
        int c = value_count(st, g, target, v);
        if (!any || c < min)
            min = c;
        if (!any || c > max)
            max = c;
        any = true;
    }
    if (!any)
        return 0.0;
    const char *nv = property(node, target);
    if (!nv)
        return -1.0;
    int current = value_count(st, g, target, nv);
    double delta_boost = min == 0 ? -1.0 : (double)(min - current) / (double)min;
    if (current != min)
        return delta_boost;
    if (min == max)
        return -1.0;
    return (double)(max - min) / (double)min;
}

static double spread_one(const struct job_state *st, size_t g, const struct rkt_spread *s,
                         int sum_weights, const struct node_profile *node) {
    const struct rkt_group_input *group = &st->job->groups[g];
    const char *nv = property(node, s->attribute);
    if (!nv)
        return -1.0;
    if (s->target_count == 0)
        return even_spread(st, g, s->attribute, node);
    int used = value_count(st, g, s->attribute, nv) + 1;
    double desired = -1.0;
    int percent_sum = 0;
    for (size_t i = 0; i < s->target_count; i++) {
        percent_sum += s->targets[i].percent;
        if (strcmp(s->targets[i].value, nv) == 0)
            desired = (double)s->targets[i].percent / 100.0 * group->count;
    }
    if (desired < 0 && percent_sum < 100)
        desired = (double)(100 - percent_sum) / 100.0 * group->count;
    if (desired <= 0)
        return -1.0;
    double weight = sum_weights ? (double)s->weight / (double)sum_weights : 0.0;
    return (desired - used) / desired * weight;
}

static double score_host(const struct job_state *st, size_t g, size_t h) {
    const struct rkt_group_input *group = &st->job->groups[g];
    const struct fleet_host *host = &st->fleet->hosts[h];
    double scores[4];
    int n = 0;
    scores[n++] = binpack(host, group);
    int collisions = st->group_on_host[g][h];
    if (collisions > 0 && group->count > 0)
        scores[n++] = -1.0 * (double)(collisions + 1) / (double)group->count;
    double total = 0, weights = 0;
    affinity_score(st->arena, &st->job->constraints, host->node, &total, &weights);
    affinity_score(st->arena, &group->constraints, host->node, &total, &weights);
    for (size_t t = 0; t < group->task_count; t++)
        affinity_score(st->arena, &group->tasks[t].constraints, host->node, &total, &weights);
    if (total != 0.0 && weights > 0)
        scores[n++] = total / weights;
    int sum_weights = 0;
    for (size_t i = 0; i < group->spreads.count; i++)
        sum_weights += group->spreads.items[i].weight;
    for (size_t i = 0; i < st->job->spreads.count; i++)
        sum_weights += st->job->spreads.items[i].weight;
    double spread = 0;
    for (size_t i = 0; i < group->spreads.count; i++)
        spread += spread_one(st, g, &group->spreads.items[i], sum_weights, host->node);
    for (size_t i = 0; i < st->job->spreads.count; i++)
        spread += spread_one(st, g, &st->job->spreads.items[i], sum_weights, host->node);
    if (spread != 0.0)
        scores[n++] = spread;
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += scores[i];
    return sum / n;
}

/* ---- placing ------------------------------------------------------------------ */

static bool group_has_rkt(const struct rkt_group_input *group) {
    for (size_t t = 0; t < group->task_count; t++)
        if (is_rkt(&group->tasks[t]))
            return true;
    return false;
}

static void report_unplaced(struct job_state *st, const struct rkt_group_input *group,
                            int index, const struct schedule_alloc *a,
                            const struct failure *first, struct diag_list *diags) {
    if (diags->truncated)
        return; /* the list takes no more findings: diag_add would drop it */
    struct buf m;
    buf_init(&m);
    buf_printf(&m, "allocation %s.%s[%d] cannot be placed", st->job->id, group->name, index);
    if (st->fleet->count == 1) {
        buf_printf(&m, " on node \"%s\": %s", st->fleet->hosts[0].node->name, a->reasons[0]);
    } else {
        buf_puts(&m, ":");
        bool any = false;
        for (size_t h = 0; h < st->fleet->count; h++) {
            if (!a->reasons[h])
                continue; /* a system job's allocation is for one host */
            buf_printf(&m, "%s node \"%s\": %s", any ? ";" : "", st->fleet->hosts[h].node->name,
                       a->reasons[h]);
            any = true;
        }
    }
    struct span span = first->span.end ? first->span : group->span;
    diag_add(diags, first->rule, st->job->src, span, "%s", m.data);
    buf_free(&m);
}

static void place_group(struct job_state *st, size_t g, struct diag_list *diags) {
    const struct rkt_group_input *group = &st->job->groups[g];
    struct fleet *fleet = st->fleet;
    struct schedule_group *sg = &st->out->groups[g];
    int count = group->count > PLAN_MAX_ALLOCATIONS ? PLAN_MAX_ALLOCATIONS : group->count;
    if (count < 0)
        count = 0;
    sg->count = count;
    sg->allocs = arena_array(st->arena, count ? (size_t)count : 1, sizeof *sg->allocs);
    bool rkt = group_has_rkt(group);
    bool checks = fleet->profiled && rkt;
    /* the node-only checks do not change between allocations */
    struct failure *static_fail = arena_array(st->arena, fleet->count, sizeof *static_fail);
    bool *static_ok = arena_array(st->arena, fleet->count, sizeof *static_ok);
    for (size_t h = 0; h < fleet->count; h++)
        static_ok[h] = !checks || feasible_static(st, group, fleet->hosts[h].node,
                                                  fleet->count == 1, &static_fail[h], diags);
    /* a system job: one allocation on every host that passes the node's
     * checks (Nomad's system scheduler); `only` names each one's host */
    long *only = NULL;
    if (checks && st->job->type && strcmp(st->job->type, "system") == 0) {
        only = arena_array(st->arena, fleet->count + 1, sizeof *only);
        count = 0;
        for (size_t h = 0; h < fleet->count; h++)
            if (static_ok[h])
                only[count++] = (long)h;
        if (count == 0)
            only[count++] = -1; /* no host at all: one unplaced allocation */
        sg->count = count;
        sg->allocs = arena_array(st->arena, (size_t)count, sizeof *sg->allocs);
    }
    /* one scratch bitmap for the allocations' trial ports, emptied after
     * each try by the list of what was set (no 8 KiB copy per host) */
    uint64_t *scratch = xcalloc(PORT_WORDS, sizeof *scratch);
    static const uint64_t no_ports[PORT_WORDS];
    size_t group_ports = 0;
    for (size_t t = 0; t < group->task_count; t++)
        group_ports += group->tasks[t].network ? group->tasks[t].network->port_count : 0;
    struct taken trial = {NULL, scratch,
                          arena_array(st->arena, group_ports + 1, sizeof(int)), 0};
    for (int k = 0; k < count; k++) {
        struct schedule_alloc *a = &sg->allocs[k];
        int index = only ? 0 : k;
        a->index = index;
        if (only && only[k] >= 0)
            a->alloc_salt = fleet->hosts[only[k]].node->name;
        a->reasons = arena_array(st->arena, fleet->count, sizeof *a->reasons);
        a->task_ports = arena_array(st->arena, group->task_count ? group->task_count : 1,
                                    sizeof *a->task_ports);
        a->task_port_counts = arena_array(st->arena, group->task_count ? group->task_count : 1,
                                          sizeof *a->task_port_counts);
        long best = -1;
        double best_score = 0;
        struct failure first = {0};
        for (size_t h = 0; h < fleet->count; h++) {
            if (only && only[k] >= 0 && (long)h != only[k])
                continue;
            struct fleet_host *host = &fleet->hosts[h];
            struct failure fail = {0};
            bool ok = static_ok[h];
            if (!ok)
                fail = static_fail[h];
            if (ok && checks)
                ok = distinct_ok(st, &st->job->constraints, -1, h, &fail) &&
                     distinct_ok(st, &group->constraints, (int)g, h, &fail) &&
                     capacity_ok(st, group, host, &fail);
            if (ok) {
                trial.base = host->ports;
                ok = assign_ports(st, group, host, st->dynamic_floor[h], &trial, false, NULL,
                                  &fail);
                taken_clear(&trial);
            }
            if (!ok) {
                a->reasons[h] = fail.reason;
                if (!first.reason)
                    first = fail;
                continue;
            }
            if (!rkt) { /* not an rkt group: the first host, unscored */
                best = (long)h;
                break;
            }
            double score = score_host(st, g, h);
            if (best < 0 || score > best_score) {
                best = (long)h;
                best_score = score;
            }
        }
        if (best < 0) {
            st->out->unplaced++;
            report_unplaced(st, group, index, a, &first, diags);
            /* the ports still go into the plan (refused) for its readers */
            struct failure ignored = {0};
            trial.base = no_ports;
            assign_ports(st, group, &fleet->hosts[0], 0, &trial, true, a, &ignored);
            taken_clear(&trial);
            continue;
        }
        struct fleet_host *host = &fleet->hosts[best];
        a->node = fleet->profiled ? host->node : st->stand_in;
        for (size_t h = 0; h < fleet->count && !only; h++)
            if (h != (size_t)best && !a->reasons[h])
                a->reasons[h] = "feasible, scored lower";
        struct failure ignored = {0};
        struct taken on_host = {host->ports, host->ports, NULL, 0};
        assign_ports(st, group, host, st->dynamic_floor[best], &on_host, true, a, &ignored);
        int *floor = &st->dynamic_floor[best];
        if (*floor < host->node->dynamic_min)
            *floor = host->node->dynamic_min;
        while (*floor <= host->node->dynamic_max &&
               dynamic_unavailable(st, host->node, &on_host, *floor))
            (*floor)++;
        if (rkt) {
            host->cpu_used += group_cpu(group);
            host->memory_used += group_memory(group);
        }
        st->job_on_host[best]++;
        st->group_on_host[g][best]++;
    }
    free(scratch);
}

const struct schedule_job *fleet_schedule(struct fleet *fleet, struct arena *arena,
                                          const struct rkt_job_input *job,
                                          const struct plan_options *opts,
                                          struct diag_list *diags) {
    struct job_state *st = xcalloc(1, sizeof *st);
    st->arena = arena;
    st->fleet = fleet;
    st->job = job;
    st->opts = opts;
    struct schedule_job *out = arena_alloc(arena, sizeof *out);
    memset(out, 0, sizeof *out);
    out->fleet = fleet;
    out->fleet_profiled = fleet->profiled;
    out->job_id = job->id;
    out->group_count = job->group_count;
    out->groups = arena_array(arena, job->group_count ? job->group_count : 1, sizeof *out->groups);
    out->group_names = arena_array(arena, job->group_count ? job->group_count : 1,
                                   sizeof *out->group_names);
    st->out = out;
    out->port_used = arena_array(arena, (opts ? opts->port_count : 0) + 1,
                                 sizeof *out->port_used);
    st->job_on_host = arena_array(arena, fleet->count, sizeof *st->job_on_host);
    st->dynamic_floor = arena_array(arena, fleet->count, sizeof *st->dynamic_floor);
    st->group_on_host = arena_array(arena, job->group_count ? job->group_count : 1,
                                    sizeof *st->group_on_host);
    bool any_rkt = false;
    for (size_t g = 0; g < job->group_count; g++) {
        const struct rkt_group_input *group = &job->groups[g];
        out->group_names[g] = group->name;
        st->group_on_host[g] = arena_array(arena, fleet->count, sizeof **st->group_on_host);
        any_rkt |= group_has_rkt(group);
        for (size_t t = 0; t < group->task_count; t++) {
            const struct rkt_network *net = group->tasks[t].network;
            for (size_t p = 0; net && p < net->port_count; p++)
                if (net->ports[p].is_static)
                    bit_set(st->job_statics, net->ports[p].value);
        }
    }
    if (!fleet->profiled) {
        struct node_profile *n = arena_alloc(arena, sizeof *n);
        *n = *fleet->hosts[0].node;
        if (job->datacenter_count && strcmp(job->datacenters[0], "*") != 0)
            n->datacenter = job->datacenters[0];
        if (job->region && *job->region)
            n->region = job->region;
        st->stand_in = n;
    }
    if (!fleet->profiled && fleet->note_skipped && any_rkt)
        diag_add(diags, RULE_RKT060, job->src, job->span,
                 "no host profile, so the node's placement checks were skipped (datacenters, "
                 "region, constraints, affinities, rkt driver, host volumes, distinct_hosts, "
                 "distinct_property, CPU, memory, reserved ports); give the target host with "
                 "--node FILE (`rktc node init --from-host -o FILE` writes one)");
    for (size_t g = 0; g < job->group_count; g++)
        place_group(st, g, diags);
    out->usage_error = st->usage_error;
    free(st);
    return out;
}

/* ---- output --------------------------------------------------------------- */

static void json_str(struct buf *out, const char *s) { json_write_string(out, s, strlen(s)); }

void schedule_json_unplaced(struct buf *out, const struct schedule_job *s, size_t *written) {
    for (size_t g = 0; g < s->group_count; g++)
        for (int i = 0; i < s->groups[g].count; i++) {
            const struct schedule_alloc *a = &s->groups[g].allocs[i];
            if (a->node)
                continue;
            buf_puts(out, *written ? ",\n    {" : "\n    {");
            (*written)++;
            buf_puts(out, "\"job\": ");
            json_str(out, s->job_id);
            buf_puts(out, ", \"group\": ");
            json_str(out, s->group_names[g]);
            buf_printf(out, ", \"index\": %d, \"reasons\": {", a->index);
            bool any = false;
            for (size_t h = 0; h < s->fleet->count; h++) {
                if (!a->reasons[h])
                    continue;
                buf_puts(out, any ? ", " : "");
                json_str(out, s->fleet->hosts[h].node->name);
                buf_puts(out, ": ");
                json_str(out, a->reasons[h]);
                any = true;
            }
            buf_puts(out, "}}");
        }
}

void schedule_text_unplaced(struct buf *out, const struct schedule_job *s) {
    for (size_t g = 0; g < s->group_count; g++)
        for (int i = 0; i < s->groups[g].count; i++) {
            const struct schedule_alloc *a = &s->groups[g].allocs[i];
            if (a->node)
                continue;
            buf_printf(out, "# unplaced: %s.%s[%d]:", s->job_id, s->group_names[g], a->index);
            bool any = false;
            for (size_t h = 0; h < s->fleet->count; h++) {
                if (!a->reasons[h])
                    continue;
                buf_printf(out, "%s %s: %s", any ? ";" : "", s->fleet->hosts[h].node->name,
                           a->reasons[h]);
                any = true;
            }
            buf_putc(out, '\n');
        }
}
