/* validate_group.c — Nomad 0.12.12's task-group validation on the
 * canonical group: restart, reschedule, update, migrate policies merged from
 * job and group and completed from the job type's defaults. */
#include "nomad/name_set.h"
#include "nomad/validate_internal.h"

#include "util/arena.h"

#include <stdio.h>
#include <string.h>

#define SECOND 1000000000LL
#define MINUTE (60 * SECOND)
#define HOUR (60 * MINUTE)

static void validate_restart(struct validate_ctx *v, const struct nomad_group *g) {
    const struct nomad_restart *r = g->restart;
    struct span at = r ? r->span : g->span;
    bool batch = v->batch;
    struct eff_int attempts = eff_int(r ? &r->attempts : &(struct nomad_int){0}, batch ? 3 : 2, at);
    struct eff_dur interval = eff_dur(r ? &r->interval : &(struct nomad_duration){0},
                                      batch ? 24 * HOUR : 30 * MINUTE, at);
    struct eff_dur delay = eff_dur(r ? &r->delay : &(struct nomad_duration){0}, 15 * SECOND, at);
    struct eff_str mode = eff_str(r ? &r->mode : &(struct nomad_string){0}, "fail", at);
    bool mode_ok = strcmp(mode.text, "delay") == 0 || strcmp(mode.text, "fail") == 0;
    if (!mode_ok)
        verr(v, RULE_NMD032, mode.span, "unknown restart mode \"%s\" (allowed: delay, fail)",
             mode.text);
    if (attempts.value == 0 && strcmp(mode.text, "fail") != 0)
        verr(v, RULE_NMD032, attempts.span,
             "restart mode \"%s\" with 0 attempts is ambiguous; use mode = \"fail\" or "
             "attempts > 0", mode.text);
    if (interval.ns < 5 * SECOND)
        verr(v, RULE_NMD032, interval.span, "the restart interval must be at least 5s, not %s",
             go_duration(v, interval.ns));
    if (attempts.value * delay.ns > interval.ns)
        verr(v, RULE_NMD032, attempts.given ? attempts.span : interval.span,
             "Nomad cannot restart the group %lld times within %s with a delay of %s",
             (long long)attempts.value, go_duration(v, interval.ns), go_duration(v, delay.ns));
}

/* int64 arithmetic that wraps on overflow, as Go's does (Nomad's checks
 * rely on it, e.g. `next < 0` after a shift) */
static int64_t wrap_mul(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }
static int64_t wrap_add(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }

static bool reschedule_viable(int64_t attempts, int64_t interval, int64_t delay,
                              int64_t max_delay, const char *fn, int64_t *possible,
                              int64_t *recommended) {
    *possible = 0;
    *recommended = 0;
    if (strcmp(fn, "constant") == 0) {
        *recommended = wrap_mul(attempts, delay);
        if (interval < *recommended) {
            *possible = delay ? interval / delay : 0;
            return false;
        }
        return true;
    }
    if (strcmp(fn, "exponential") == 0) {
        for (int64_t i = 0; i < attempts && i < 62; i++) {
            int64_t next = wrap_mul((int64_t)1 << i, delay);
            if (next > max_delay || next < 0) {
                next = max_delay;
                *recommended = wrap_add(*recommended, next);
            } else {
                *recommended = next;
            }
            if (*recommended < interval)
                (*possible)++;
        }
        return *possible >= attempts;
    }
    /* fibonacci */
    int64_t a = delay, b = delay;
    bool ceiling = false;
    for (int64_t i = 0; i < attempts; i++) {
        int64_t next;
        if (ceiling) {
            next = max_delay;
        } else if (i <= 1) {
            next = delay;
        } else {
            next = wrap_add(a, b);
            a = b;
            b = next;
            if (next > max_delay) {
                next = max_delay;
                ceiling = true;
            }
        }
        *recommended = wrap_add(*recommended, next);
        if (*recommended < interval)
            (*possible)++;
    }
    return *possible >= attempts;
}

static void validate_reschedule(struct validate_ctx *v, const struct nomad_group *g) {
    const struct nomad_reschedule *gr = g->reschedule, *jr = v->job->reschedule;
    if (v->system) {
        if (gr || jr)
            verr(v, RULE_NMD028, gr ? gr->span : jr->span,
                 "system jobs may not have a reschedule policy");
        return;
    }
    bool batch = v->batch;
    struct span at = gr ? gr->span : jr ? jr->span : g->span;
    struct eff_int attempts = eff_int2(gr ? &gr->attempts : NULL, jr ? &jr->attempts : NULL,
                                       batch ? 1 : 0, at);
    struct eff_dur interval = eff_dur2(gr ? &gr->interval : NULL, jr ? &jr->interval : NULL,
                                       batch ? 24 * HOUR : 0, at);
    struct eff_dur delay = eff_dur2(gr ? &gr->delay : NULL, jr ? &jr->delay : NULL,
                                    batch ? 5 * SECOND : 30 * SECOND, at);
    struct eff_str fn = eff_str2(gr ? &gr->delay_function : NULL,
                                 jr ? &jr->delay_function : NULL,
                                 batch ? "constant" : "exponential", at);
    struct eff_dur max_delay = eff_dur2(gr ? &gr->max_delay : NULL, jr ? &jr->max_delay : NULL,
                                        batch ? 0 : HOUR, at);
    struct eff_bool unlimited = eff_bool2(gr ? &gr->unlimited : NULL,
                                          jr ? &jr->unlimited : NULL, !batch, at);
    if (!(attempts.value > 0 || unlimited.value))
        return;
    if (attempts.value > 0) {
        if (interval.ns <= 0)
            verr(v, RULE_NMD033, interval.span,
                 "the reschedule interval must be set when attempts > 0");
        if (unlimited.value)
            verr(v, RULE_NMD033, unlimited.given ? unlimited.span : attempts.span,
                 "reschedule attempts = %lld (within %s) and unlimited = true contradict each "
                 "other; set one of them", (long long)attempts.value,
                 go_duration(v, interval.ns));
    }
    bool pre = true;
    if (delay.ns < 5 * SECOND) {
        verr(v, RULE_NMD033, delay.span, "the reschedule delay must be at least 5s, not %s",
             go_duration(v, delay.ns));
        pre = false;
    }
    bool fn_ok = !strcmp(fn.text, "constant") || !strcmp(fn.text, "exponential") ||
                 !strcmp(fn.text, "fibonacci");
    if (!fn_ok) {
        verr(v, RULE_NMD033, fn.span,
             "unknown delay_function \"%s\" (allowed: constant, exponential, fibonacci)",
             fn.text);
        pre = false;
    }
    if (strcmp(fn.text, "constant") != 0) {
        if (max_delay.ns < 5 * SECOND) {
            verr(v, RULE_NMD033, max_delay.span,
                 "the reschedule max_delay must be at least 5s, not %s",
                 go_duration(v, max_delay.ns));
            pre = false;
        }
        if (max_delay.ns < delay.ns) {
            verr(v, RULE_NMD033, max_delay.span,
                 "the reschedule max_delay (%s) is below its delay (%s)",
                 go_duration(v, max_delay.ns), go_duration(v, delay.ns));
            pre = false;
        }
    }
    if (unlimited.value)
        return;
    if (interval.ns < 15 * SECOND)
        verr(v, RULE_NMD033, interval.span, "the reschedule interval must be at least 15s, not %s",
             go_duration(v, interval.ns));
    if (!pre || !fn_ok)
        return;
    int64_t possible, recommended;
    if (!reschedule_viable(attempts.value, interval.ns, delay.ns, max_delay.ns, fn.text,
                           &possible, &recommended))
        verr(v, RULE_NMD033, interval.span,
             "Nomad can only make %lld of %lld reschedule attempts in %s with a delay of %s "
             "(%s); set the interval to at least %s", (long long)possible,
             (long long)attempts.value, go_duration(v, interval.ns), go_duration(v, delay.ns),
             fn.text, go_duration(v, recommended));
}


static void validate_update(struct validate_ctx *v, const struct nomad_group *g,
                            int64_t count) {
    const struct nomad_update *ju = v->job->update, *gu = g->update;
    if (!gu && !ju) {
        /* service jobs get the default strategy (max_parallel 1), others none */
        if (v->service && count < 1)
            verr(v, RULE_NMD050, g->name.span,
                 "the default update max_parallel 1 is above the group's count %lld",
                 (long long)count);
        return;
    }
    struct span at = gu ? gu->span : ju->span;
    if (!v->service && !v->system)
        verr(v, RULE_NMD034, at, "%s jobs may not have an update block", v->type);
    struct eff_dur stagger = eff_dur2(gu ? &gu->stagger : NULL, ju ? &ju->stagger : NULL,
                                      30 * SECOND, at);
    struct eff_int par = eff_int2(gu ? &gu->max_parallel : NULL,
                                  ju ? &ju->max_parallel : NULL, 1, at);
    struct eff_str hc = eff_str2(gu ? &gu->health_check : NULL,
                                 ju ? &ju->health_check : NULL, "checks", at);
    struct eff_dur min_healthy = eff_dur2(gu ? &gu->min_healthy_time : NULL,
                                          ju ? &ju->min_healthy_time : NULL, 10 * SECOND, at);
    struct eff_dur healthy = eff_dur2(gu ? &gu->healthy_deadline : NULL,
                                      ju ? &ju->healthy_deadline : NULL, 5 * MINUTE, at);
    struct eff_dur progress = eff_dur2(gu ? &gu->progress_deadline : NULL,
                                       ju ? &ju->progress_deadline : NULL, 10 * MINUTE, at);
    struct eff_int canary = eff_int2(gu ? &gu->canary : NULL, ju ? &ju->canary : NULL, 0, at);
    struct eff_bool promote = eff_bool2(gu ? &gu->auto_promote : NULL,
                                        ju ? &ju->auto_promote : NULL, false, at);
    if (strcmp(hc.text, "checks") && strcmp(hc.text, "task_states") && strcmp(hc.text, "manual"))
        verr(v, RULE_NMD034, hc.span,
             "unknown update health_check \"%s\" (allowed: checks, task_states, manual)",
             hc.text);
    if (par.value < 0)
        verr(v, RULE_NMD034, par.span, "max_parallel may not be negative (%lld)",
             (long long)par.value);
    if (canary.value < 0)
        verr(v, RULE_NMD034, canary.span, "canary may not be negative (%lld)",
             (long long)canary.value);
    if (canary.value == 0 && promote.value)
        verr(v, RULE_NMD034, promote.span, "auto_promote needs canary > 0");
    if (min_healthy.ns < 0)
        verr(v, RULE_NMD034, min_healthy.span, "min_healthy_time may not be negative (%s)",
             go_duration(v, min_healthy.ns));
    if (healthy.ns <= 0)
        verr(v, RULE_NMD034, healthy.span, "healthy_deadline must be above zero, not %s",
             go_duration(v, healthy.ns));
    if (progress.ns < 0)
        verr(v, RULE_NMD034, progress.span, "progress_deadline may not be negative (%s)",
             go_duration(v, progress.ns));
    if (min_healthy.ns >= healthy.ns)
        verr(v, RULE_NMD034, min_healthy.given ? min_healthy.span : healthy.span,
             "min_healthy_time (%s) must be below healthy_deadline (%s)",
             go_duration(v, min_healthy.ns), go_duration(v, healthy.ns));
    if (progress.ns != 0 && healthy.ns >= progress.ns)
        verr(v, RULE_NMD034, healthy.given ? healthy.span : progress.span,
             "healthy_deadline (%s) must be below progress_deadline (%s)",
             go_duration(v, healthy.ns), go_duration(v, progress.ns));
    if (stagger.ns <= 0)
        verr(v, RULE_NMD034, stagger.span, "stagger must be above zero, not %s",
             go_duration(v, stagger.ns));
    if (par.value > count)
        verr(v, RULE_NMD050, par.given ? par.span : at,
             "update max_parallel %lld is above the group's count %lld: a destructive change "
             "would replace all allocations at once", (long long)par.value, (long long)count);
}

static void validate_migrate(struct validate_ctx *v, const struct nomad_group *g) {
    const struct nomad_migrate *jm = v->job->migrate, *gm = g->migrate;
    if (!jm && !gm)
        return;
    struct span at = gm ? gm->span : jm->span;
    if (!v->service) {
        verr(v, RULE_NMD035, at, "%s jobs may not have a migrate block", v->type);
        return;
    }
    struct eff_int par = eff_int2(gm ? &gm->max_parallel : NULL,
                                  jm ? &jm->max_parallel : NULL, 1, at);
    struct eff_str hc = eff_str2(gm ? &gm->health_check : NULL,
                                 jm ? &jm->health_check : NULL, "checks", at);
    struct eff_dur min_healthy = eff_dur2(gm ? &gm->min_healthy_time : NULL,
                                          jm ? &jm->min_healthy_time : NULL, 10 * SECOND, at);
    struct eff_dur healthy = eff_dur2(gm ? &gm->healthy_deadline : NULL,
                                      jm ? &jm->healthy_deadline : NULL, 5 * MINUTE, at);
    if (par.value < 0)
        verr(v, RULE_NMD035, par.span, "migrate max_parallel may not be negative (%lld)",
             (long long)par.value);
    if (hc.text[0] == '\0')
        verr(v, RULE_NMD035, hc.span, "migrate needs a health_check");
    else if (strcmp(hc.text, "checks") && strcmp(hc.text, "task_states"))
        verr(v, RULE_NMD035, hc.span,
             "unknown migrate health_check \"%s\" (allowed: checks, task_states)", hc.text);
    if (min_healthy.ns < 0)
        verr(v, RULE_NMD035, min_healthy.span, "min_healthy_time may not be negative");
    if (healthy.ns < 0)
        verr(v, RULE_NMD035, healthy.span, "healthy_deadline may not be negative");
    if (min_healthy.ns > healthy.ns)
        verr(v, RULE_NMD035, min_healthy.span, "min_healthy_time must be below healthy_deadline");
}

static void validate_ports(struct validate_ctx *v, const struct nomad_network *n,
                           const char *owner, const struct nomad_port **labels,
                           const char **label_owner, size_t *nlabels,
                           const struct nomad_port **statics, const char **static_owner,
                           size_t *nstatics, bool group) {
    const struct nomad_list *lists[2] = {&n->reserved_ports, &n->dynamic_ports};
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < lists[l]->count; i++) {
            const struct nomad_port *p = lists[l]->items[i];
            bool dup = false;
            for (size_t k = 0; k < *nlabels && !dup; k++)
                if (strcmp(labels[k]->label.text, p->label.text) == 0) {
                    verr(v, RULE_NMD039, p->label.span,
                         "port label \"%s\" is already used by %s", p->label.text,
                         label_owner[k]);
                    dup = true;
                }
            /* only group-network labels are remembered: Nomad compares task
             * port labels with the group's, not with other tasks' */
            if (!dup && group && *nlabels < 256) {
                labels[*nlabels] = p;
                label_owner[(*nlabels)++] = owner;
            }
            if (p->value.value > 65535)
                verr(v, RULE_NMD039, p->value.span, "port %s (%lld) is above 65535",
                     p->label.text, (long long)p->value.value);
            if (p->value.value > 0) {
                bool taken = false;
                for (size_t k = 0; k < *nstatics && !taken; k++)
                    if (statics[k]->value.value == p->value.value) {
                        verr(v, RULE_NMD039, p->value.span,
                             "static port %lld is already reserved by %s",
                             (long long)p->value.value, static_owner[k]);
                        taken = true;
                    }
                if (!taken && *nstatics < 256) {
                    statics[*nstatics] = p;
                    static_owner[(*nstatics)++] = owner;
                }
            }
            if (group && p->to.value < -1)
                verr(v, RULE_NMD039, p->to.span, "port \"%s\" cannot be mapped to %lld",
                     p->label.text, (long long)p->to.value);
            if (group && p->to.value > 65535)
                verr(v, RULE_NMD039, p->to.span,
                     "port \"%s\" cannot be mapped to %lld, above 65535", p->label.text,
                     (long long)p->to.value);
        }
}

static void validate_networks(struct validate_ctx *v, const struct nomad_group *g) {
    const struct nomad_port *labels[256], *statics[256];
    const char *label_owner[256], *static_owner[256];
    size_t nlabels = 0, nstatics = 0;
    for (size_t i = 0; i < g->networks.count; i++)
        validate_ports(v, g->networks.items[i], "the group network", labels, label_owner,
                       &nlabels, statics, static_owner, &nstatics, true);
    for (size_t t = 0; t < g->tasks.count; t++) {
        const struct nomad_task *task = g->tasks.items[t];
        if (!task->resources)
            continue;
        const char *owner = arena_printf(v->arena, "task \"%s\"", task->name.text);
        for (size_t i = 0; i < task->resources->networks.count; i++)
            validate_ports(v, task->resources->networks.items[i], owner, labels, label_owner,
                           &nlabels, statics, static_owner, &nstatics, false);
    }
}

static void validate_scaling(struct validate_ctx *v, const struct nomad_group *g,
                             int64_t count) {
    const struct nomad_scaling *s = g->scaling;
    if (!s)
        return;
    int64_t max = s->max.set ? s->max.value : -1;
    int64_t min = s->min.set ? s->min.value : count;
    if (max < 0)
        verr(v, RULE_NMD049, s->max.set ? s->max.span : s->span,
             "the scaling policy needs a maximum count of 0 or more");
    else if (max < min)
        verr(v, RULE_NMD049, s->max.span, "scaling max (%lld) is below min (%lld)",
             (long long)max, (long long)min);
    if (max >= 0 && count > max)
        verr(v, RULE_NMD049, g->count.set ? g->count.span : s->span,
             "the group count %lld is above the scaling maximum %lld", (long long)count,
             (long long)max);
    if (count < min)
        verr(v, RULE_NMD049, g->count.set ? g->count.span : s->span,
             "the group count %lld is below the scaling minimum %lld", (long long)count,
             (long long)min);
}

/* Admission checks of a Nomad server: warnings, since `nomad job
 * validate` without an agent does not run them. */
static void validate_admission(struct validate_ctx *v, const struct nomad_group *g) {
    const struct nomad_network *net = g->networks.count ? g->networks.items[0] : NULL;
    bool bridge = net && text_is(&net->mode, "bridge");
    for (size_t i = 0; i < g->services.count; i++) {
        const struct nomad_service *s = g->services.items[i];
        const struct nomad_connect *c = s->connect;
        if (c && (c->sidecar_service || c->gateway)) {
            const char *what = c->gateway ? "gateways" : "sidecars";
            if (g->networks.count != 1)
                verr(v, RULE_NMD054, c->span,
                     "Nomad servers refuse this job: Consul Connect %s need exactly one "
                     "network in group \"%s\", found %zu", what, g->name.text,
                     (size_t)g->networks.count);
            else if (c->sidecar_service && !bridge && net)
                verr(v, RULE_NMD054, net->mode.set ? net->mode.span : net->span,
                     "Nomad servers refuse this job: a Consul Connect sidecar needs network "
                     "mode \"bridge\" in group \"%s\", not \"%s\"", g->name.text,
                     net->mode.set ? net->mode.text : "host");
        }
        for (size_t k = 0; k < s->checks.count; k++) {
            const struct nomad_check *ck = s->checks.items[k];
            if (ck->expose.set && ck->expose.value && !(g->networks.count == 1 && bridge))
                verr(v, RULE_NMD054, ck->expose.span,
                     "Nomad servers refuse this job: group \"%s\" must have one bridge "
                     "network to expose service checks", g->name.text);
        }
    }
}

void validate_group(struct validate_ctx *v, const struct nomad_group *g, size_t index) {
    (void)index;
    int64_t count = g->count.set ? g->count.value
                                 : g->scaling && g->scaling->min.set ? g->scaling->min.value : 1;
    struct span head = g->name.set ? g->name.span : g->span;
    if (g->count.set && g->count.value < 0)
        verr(v, RULE_NMD038, g->count.span, "the group count may not be negative");
    if (v->system && count > 1)
        verr(v, RULE_NMD028, g->count.set ? g->count.span : head,
             "system jobs run one allocation per node: group \"%s\" may not have count %lld",
             g->name.text, (long long)count);
    if (g->shutdown_delay.set && g->shutdown_delay.ns < 0)
        verr(v, RULE_NMD038, g->shutdown_delay.span, "shutdown_delay may not be negative");
    if (g->stop_after_client_disconnect.set && g->stop_after_client_disconnect.ns != 0) {
        if (g->stop_after_client_disconnect.ns > 0 && !v->batch && !v->service)
            verr(v, RULE_NMD038, g->stop_after_client_disconnect.span,
                 "stop_after_client_disconnect exists only for batch and service jobs");
        else if (g->stop_after_client_disconnect.ns < 0)
            verr(v, RULE_NMD038, g->stop_after_client_disconnect.span,
                 "stop_after_client_disconnect may not be negative");
    }
    if (g->tasks.count == 0) {
        struct diag *d = verr(v, RULE_NMD023, head, "group \"%s\" has no tasks", g->name.text);
        if (d)
            diag_fix(d, "add `task \"<name>\" { driver = \"rkt\" ... }`");
    }
    validate_constraints(v, &g->constraints, false);
    validate_affinities(v, &g->affinities, g->span);
    validate_restart(v, g);
    validate_spreads(v, &g->spreads, g->span);
    validate_reschedule(v, g);
    int64_t disk = 300;
    struct span disk_span = head;
    if (g->ephemeral_disk) {
        disk_span = g->ephemeral_disk->size.set ? g->ephemeral_disk->size.span
                                                : g->ephemeral_disk->span;
        if (g->ephemeral_disk->size.set)
            disk = g->ephemeral_disk->size.value;
        if (disk < 10)
            verr(v, RULE_NMD036, disk_span, "the ephemeral disk must be at least 10 MB, not %lld",
                 (long long)disk);
    }
    validate_update(v, g, count);
    validate_migrate(v, g);
    if (!g->name.set || g->name.len == 0)
        verr(v, RULE_NMD020, g->span, "task group %zu has no name", index + 1);
    const struct nomad_task *leader = NULL;
    struct name_set task_names;
    name_set_init(&task_names, v->arena);
    for (size_t t = 0; t < g->tasks.count; t++) {
        const struct nomad_task *task = g->tasks.items[t];
        if (!task->name.set || task->name.len == 0) {
            verr(v, RULE_NMD038, task->span, "task %zu of group \"%s\" has no name", t + 1,
                 g->name.text ? g->name.text : "");
        } else {
            const struct nomad_task *prev = name_set_add(&task_names, task->name.text, task);
            if (prev) {
                struct diag *d = verr(v, RULE_NMD038, task->name.span,
                                      "task \"%s\" is defined twice in group \"%s\"",
                                      task->name.text, g->name.text ? g->name.text : "");
                if (d)
                    diag_note(d, prev->name.span, "first defined here");
            }
        }
        if (task->leader.set && task->leader.value) {
            if (leader)
                verr(v, RULE_NMD038, task->leader.span,
                     "only one task of a group may be the leader (task \"%s\" is too)",
                     leader->name.text);
            leader = task;
        }
    }
    for (size_t i = 0; i < g->volumes.count; i++) {
        const struct nomad_volume *vol = g->volumes.items[i];
        if (!text_is(&vol->type, "host") && !text_is(&vol->type, "csi"))
            verr(v, RULE_NMD044, vol->type.set ? vol->type.span : vol->span,
                 "volume \"%s\" has type \"%s\"; Nomad drops volumes that are not host or csi",
                 vol->name.text, vol->type.set ? vol->type.text : "");
        else if (!vol->source.set || vol->source.len == 0)
            verr(v, RULE_NMD044, vol->span, "volume \"%s\" has no source", vol->name.text);
    }
    if (g->vault)
        validate_inherited_vault(v, g->vault);
    validate_networks(v, g);
    validate_group_services(v, g);
    validate_scaling(v, g, count);
    validate_admission(v, g);
    for (size_t t = 0; t < g->tasks.count; t++) {
        const struct nomad_task *task = g->tasks.items[t];
        for (size_t i = 0; i < task->volume_mounts.count; i++) {
            const struct nomad_volume_mount *m = task->volume_mounts.items[i];
            if (!m->volume.set || m->volume.len == 0) {
                verr(v, RULE_NMD044, m->span, "this volume_mount names no volume");
                continue;
            }
            bool found = false;
            for (size_t k = 0; k < g->volumes.count && !found; k++)
                found = strcmp(((const struct nomad_volume *)g->volumes.items[k])->name.text,
                               m->volume.text) == 0;
            if (!found)
                verr(v, RULE_NMD044, m->volume.span,
                     "volume_mount refers to volume \"%s\", which group \"%s\" does not "
                     "define", m->volume.text, g->name.text);
        }
        validate_task(v, g, task, disk, disk_span);
    }
}
