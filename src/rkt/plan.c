#include "rkt/plan.h"

#include "rkt/config.h"
#include "rkt/driver_checks.h"
#include "rkt/placeholders.h"
#include "rkt/ident.h"
#include "rkt/names.h"
#include "rkt/placement.h"
#include "rkt/schedule.h"
#include "rkt/time_zone.h"
#include "rkt/values.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/unit_name.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *plan_cmd_name(enum plan_cmd_kind kind) {
    switch (kind) {
    case PLAN_TRUST:
        return "trust";
    case PLAN_PREPARE:
        return "prepare";
    case PLAN_RUN:
        return "run";
    case PLAN_RM:
        return "rm";
    default:
        return "run-prepared";
    }
}

struct argv_builder {
    struct arena *arena;
    const char **items;
    size_t count, cap;
};

static void push(struct argv_builder *b, const char *arg) {
    if (b->count == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        b->items = arena_grow(b->arena, b->items, b->count, cap, sizeof *b->items);
        b->cap = cap;
    }
    b->items[b->count++] = arg;
}

static const char *join(struct arena *arena, const struct rkt_strings *list) {
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        n += strlen(list->items[i].text) + 1;
    char *s = arena_alloc(arena, n + 1);
    size_t at = 0;
    for (size_t i = 0; i < list->count; i++) {
        if (i)
            s[at++] = ',';
        size_t len = strlen(list->items[i].text);
        memcpy(s + at, list->items[i].text, len);
        at += len;
    }
    s[at] = '\0';
    return s;
}

static const char *bool_text(bool b) { return b ? "true" : "false"; }

/* G1/G1'/G2 of docs/rkt-driver.md §5 */
static void push_global(struct argv_builder *b, const struct rkt_config *cfg) {
    if (cfg->insecure_options.count)
        push(b, arena_printf(b->arena, "--insecure-options=%s",
                             join(b->arena, &cfg->insecure_options)));
    else if (!*cfg->trust_prefix.text)
        push(b, "--insecure-options=all");
    push(b, arena_printf(b->arena, "--debug=%s", bool_text(cfg->debug.value)));
}

/* ---- directories -------------------------------------------------------- */

/* Nomad's client layout: A itself is the agent's (0755, not chowned);
 * everything below it belongs to nobody when the client runs as root, and
 * secrets is a tmpfs. The client's alloc_dir (A's parent) is made 0711
 * when it does not exist. */
static void add_dirs(struct arena *arena, struct plan_task *pt) {
    const char *a = pt->alloc_dir;
    const char *t = pt->task_dir;
    const char *slash = strrchr(a, '/');
    pt->client_dir = slash && slash != a ? arena_strndup(arena, a, (size_t)(slash - a)) : "/";
    pt->client_dir_mode = 0711;
    struct plan_dir dirs[] = {
        {a, 0755, false, false},
        {arena_printf(arena, "%s/alloc", a), 0777, false, true},
        {arena_printf(arena, "%s/alloc/logs", a), 0777, false, true},
        {arena_printf(arena, "%s/alloc/tmp", a), 0777, false, true},
        {arena_printf(arena, "%s/alloc/data", a), 0777, false, true},
        {t, 0777, false, true},
        {arena_printf(arena, "%s/local", t), 0777, false, true},
        {arena_printf(arena, "%s/tmp", t), 01777, false, true},
        {arena_printf(arena, "%s/secrets", t), 0777, true, true},
    };
    pt->dir_count = sizeof dirs / sizeof dirs[0];
    pt->dirs = arena_array(arena, pt->dir_count, sizeof *pt->dirs);
    memcpy(pt->dirs, dirs, sizeof dirs);
}

/* ---- argv --------------------------------------------------------------- */

static const char *host_volume_path(const struct rkt_group_input *group,
                                    const struct node_profile *node,
                                    const struct rkt_volume_mount *m, bool *read_only) {
    for (size_t i = 0; i < group->volume_count; i++) {
        const struct rkt_group_volume *v = &group->volumes[i];
        if (strcmp(v->name, m->volume) != 0)
            continue;
        const struct node_host_volume *hv = node_host_volume(node, v->source);
        if (!hv)
            return NULL;
        *read_only = hv->read_only || v->read_only || m->read_only;
        return hv->path;
    }
    return NULL;
}

static struct plan_command command(enum plan_cmd_kind kind, const struct argv_builder *b) {
    return (struct plan_command){kind, b->items, b->count};
}

static void push_all(struct argv_builder *b, const struct argv_builder *from) {
    for (size_t i = 0; i < from->count; i++)
        push(b, from->items[i]);
}

/* The flags of `rkt prepare` after the subcommand: volumes and mounts,
 * environment, image, app options, arguments. */
static void prepare_flags(struct argv_builder *b, const struct plan_task *pt,
                          const struct rkt_group_input *group,
                          const struct rkt_task_input *task, const struct rkt_config *cfg,
                          const struct node_profile *node) {
    struct arena *arena = b->arena;
    const char *s = rkt_volume_task_name(arena, task->name);
    const char *alloc = pt->alloc_id;
    if (cfg->no_overlay.value)
        push(b, "--no-overlay=true");
    static const char *const fixed[3][2] = {
        {"alloc", "/alloc"}, {"local", "/local"}, {"secrets", "/secrets"}};
    for (int i = 0; i < 3; i++) {
        const char *source = i == 0 ? arena_printf(arena, "%s/alloc", pt->alloc_dir)
                                    : arena_printf(arena, "%s/%s", pt->task_dir, fixed[i][0]);
        push(b, arena_printf(arena, "--volume=%s-%s-%s,kind=host,source=%s", alloc, s,
                             fixed[i][0], source));
        push(b, arena_printf(arena, "--mount=volume=%s-%s-%s,target=%s", alloc, s, fixed[i][0],
                             fixed[i][1]));
    }
    for (size_t i = 0; i < cfg->volumes.count; i++) {
        struct volume_parts parts = volume_split(arena, cfg->volumes.items[i].text);
        push(b, arena_printf(arena, "--volume=%s-%s-%zu,kind=host,source=%s,readOnly=%s", alloc,
                             s, i, parts.host, bool_text(parts.read_only)));
        push(b, arena_printf(arena, "--mount=volume=%s-%s-%zu,target=%s", alloc, s, i,
                             parts.container ? parts.container : ""));
    }
    size_t mount_index = 0;
    for (size_t i = 0; i < task->mount_count; i++) {
        bool ro = false;
        const char *path = host_volume_path(group, node, &task->mounts[i], &ro);
        if (!path)
            continue;
        push(b, arena_printf(arena,
                             "--volume=%s-%s-taskmounts-%zu,kind=host,source=%s,readOnly=%s",
                             alloc, s, mount_index, path, bool_text(ro)));
        push(b, arena_printf(arena, "--mount=volume=%s-%s-taskmounts-%zu,target=%s", alloc, s,
                             mount_index, task->mounts[i].destination));
        mount_index++;
    }
    for (size_t i = 0; i < task->device_count; i++) {
        const struct rkt_device *d = &task->devices[i];
        bool ro = !strchr(d->permissions ? d->permissions : "", 'w');
        push(b, arena_printf(arena,
                             "--volume=%s-%s-taskdevices-%zu,kind=host,source=%s,readOnly=%s",
                             alloc, s, i, d->host_path, bool_text(ro)));
        push(b, arena_printf(arena, "--mount=volume=%s-%s-taskdevices-%zu,target=%s", alloc, s,
                             i, d->task_path));
    }
    for (size_t i = 0; i < pt->env.count; i++)
        push(b, arena_printf(arena, "--set-env=%s=%s", pt->env.vars[i].key,
                             pt->env.vars[i].value));
    push(b, cfg->image.text);
    if (*cfg->command.text)
        push(b, arena_printf(arena, "--exec=%s", cfg->command.text));
    push(b, arena_printf(arena, "--memory=%lld", (long long)task->memory * 1048576LL));
    push(b, arena_printf(arena, "--cpu=%d", task->cpu));
    const char *net = join(arena, &cfg->net);
    if (task->network && strcmp(net, "host") != 0)
        for (size_t i = 0; i < pt->port_count; i++) {
            const struct rkt_port_mapping *m = rkt_config_port(cfg, pt->ports[i].label);
            if (m)
                push(b, arena_printf(arena, "--port=%s:%d", m->name.text, pt->ports[i].host_port));
        }
    if (*task->user)
        push(b, arena_printf(arena, "--user=%s", task->user));
    if (*cfg->group.text)
        push(b, arena_printf(arena, "--group=%s", cfg->group.text));
    if (cfg->args.count) {
        push(b, "--");
        for (size_t i = 0; i < cfg->args.count; i++)
            push(b, cfg->args.items[i].text);
    }
}

/* The flags of `rkt run-prepared` between the subcommand and the UUID. */
static void run_prepared_flags(struct argv_builder *b, const struct rkt_config *cfg) {
    struct arena *arena = b->arena;
    const struct rkt_strings *dns = &cfg->dns_servers;
    if (dns->count == 1 && (strcmp(dns->items[0].text, "host") == 0 ||
                            strcmp(dns->items[0].text, "none") == 0))
        push(b, arena_printf(arena, "--dns=%s", dns->items[0].text));
    else
        for (size_t i = 0; i < dns->count; i++)
            push(b, arena_printf(arena, "--dns=%s", dns->items[i].text));
    for (size_t i = 0; i < cfg->dns_search_domains.count; i++)
        push(b, arena_printf(arena, "--dns-search=%s", cfg->dns_search_domains.items[i].text));
    const char *net = join(arena, &cfg->net);
    if (*net)
        push(b, arena_printf(arena, "--net=%s", net));
}

/* Where `rkt run` saves the pod UUID (PLAN_UUID_DIR). */
static const char *uuid_file(struct arena *arena, const struct plan_task *pt) {
    char index[24];
    snprintf(index, sizeof index, "%d", pt->index);
    const char *parts[] = {pt->job, pt->group, index, pt->task};
    char *base = unit_name_join("rktc-", parts, 4, ".uuid");
    const char *path = arena_printf(arena, "%s/%s", PLAN_UUID_DIR, base);
    free(base);
    return path;
}

/* The variables Nomad's executor removes from the rkt process's
 * environment (the client's env blacklist, hard-wired in the driver), and
 * what it sets: the executor's own allocation index is always 0. */
static const char *const executor_unset[] = {
    "CONSUL_TOKEN", "VAULT_TOKEN", "ATLAS_TOKEN", "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "GOOGLE_APPLICATION_CREDENTIALS",
};
static const struct env_var executor_env[] = {{"NOMAD_ALLOC_INDEX", "0"}};

/* trust (when trust_prefix is set), prepare and run-prepared as the driver
 * runs them; the same launch as `rkt run` (rkt path, global flags, run,
 * --uuid-file-save, the run-prepared flags, the prepare flags) and the
 * `rkt rm` of its saved UUID */
static void build_commands(struct arena *arena, struct plan_task *pt,
                           const struct rkt_group_input *group,
                           const struct rkt_task_input *task, const struct rkt_config *cfg,
                           const struct node_profile *node) {
    const char *rkt = node->rkt_path;
    if (*cfg->trust_prefix.text) {
        struct argv_builder b = {arena, NULL, 0, 0};
        push(&b, rkt);
        push(&b, "trust");
        push(&b, "--skip-fingerprint-review=true");
        push(&b, arena_printf(arena, "--prefix=%s", cfg->trust_prefix.text));
        push(&b, arena_printf(arena, "--debug=%s", bool_text(cfg->debug.value)));
        pt->commands[pt->command_count++] = command(PLAN_TRUST, &b);
    }
    struct argv_builder global = {arena, NULL, 0, 0};
    push(&global, rkt);
    push_global(&global, cfg);
    struct argv_builder prepare = {arena, NULL, 0, 0};
    prepare_flags(&prepare, pt, group, task, cfg, node);
    struct argv_builder run = {arena, NULL, 0, 0};
    run_prepared_flags(&run, cfg);

    struct argv_builder b = {arena, NULL, 0, 0};
    push_all(&b, &global);
    push(&b, "prepare");
    push_all(&b, &prepare);
    pt->commands[pt->command_count++] = command(PLAN_PREPARE, &b);

    struct argv_builder r = {arena, NULL, 0, 0};
    push_all(&r, &global);
    push(&r, "run-prepared");
    push_all(&r, &run);
    push(&r, PLAN_UUID_PLACEHOLDER);
    pt->commands[pt->command_count++] = command(PLAN_RUN_PREPARED, &r);
    pt->exec_dir = pt->task_dir;
    pt->exec_unset = executor_unset;
    pt->exec_unset_count = sizeof executor_unset / sizeof executor_unset[0];
    pt->exec_env = executor_env;
    pt->exec_env_count = sizeof executor_env / sizeof executor_env[0];

    pt->uuid_file = uuid_file(arena, pt);
    struct argv_builder one = {arena, NULL, 0, 0};
    push_all(&one, &global);
    push(&one, "run");
    push(&one, arena_printf(arena, "--uuid-file-save=%s", pt->uuid_file));
    push_all(&one, &run);
    push_all(&one, &prepare);
    pt->run = command(PLAN_RUN, &one);

    struct argv_builder rm = {arena, NULL, 0, 0};
    push(&rm, rkt);
    push(&rm, "rm");
    push(&rm, arena_printf(arena, "--uuid-file=%s", pt->uuid_file));
    pt->rm = command(PLAN_RM, &rm);
}

/* ---- the job ------------------------------------------------------------ */

static size_t total_allocations(const struct rkt_job_input *job) {
    size_t n = 0;
    for (size_t g = 0; g < job->group_count; g++)
        n += job->groups[g].count > 0 ? (size_t)job->groups[g].count : 0;
    return n;
}

static const char *alloc_id_for(struct arena *arena, const struct rkt_job_input *job,
                                const struct rkt_group_input *group, int index,
                                const struct plan_options *opts) {
    if (opts && opts->alloc_id) {
        if (total_allocations(job) == 1)
            return opts->alloc_id;
        return uuid_derive(arena, arena_printf(arena, "alloc:%s/%s/%s/%d", opts->alloc_id,
                                               job->id, group->name, index));
    }
    return uuid_derive(arena, arena_printf(arena, "alloc:%s/%s/%d", job->id, group->name, index));
}

static void add_task(struct arena *arena, struct rkt_plan *plan, const struct plan_task *pt) {
    if (plan->count == plan->cap) {
        size_t cap = plan->cap ? plan->cap * 2 : 8;
        plan->tasks = arena_grow(arena, plan->tasks, plan->count, cap, sizeof *pt);
        plan->cap = cap;
    }
    plan->tasks[plan->count++] = *pt;
}

static bool is_rkt(const struct rkt_task_input *task) {
    return task->driver && strcmp(task->driver, "rkt") == 0;
}

static enum plan_hook hook_of(const char *hook) {
    if (!hook || !*hook)
        return PLAN_HOOK_NONE;
    if (strcmp(hook, "prestart") == 0)
        return PLAN_HOOK_PRESTART;
    if (strcmp(hook, "poststart") == 0)
        return PLAN_HOOK_POSTSTART;
    return PLAN_HOOK_OTHER;
}

/* the periodic stanza, parsed; the zone's rule from the host's zoneinfo */
static const struct plan_periodic *plan_periodic(struct arena *arena,
                                                 const struct rkt_periodic *in) {
    if (!in)
        return NULL;
    struct plan_periodic *p = arena_alloc(arena, sizeof *p);
    p->span = in->span;
    p->cron = in->cron;
    p->cron_span = in->cron_span;
    const char *error = NULL;
    p->cron_valid = cron_parse(arena, in->cron, strlen(in->cron), &p->spec, &error);
    p->time_zone = in->time_zone;
    p->time_zone_span = in->time_zone_span;
    const char *rule = tz_zone_footer(arena, in->time_zone);
    p->zone_known = rule && tz_rule_parse(rule, &p->zone);
    p->prohibit_overlap = in->prohibit_overlap;
    p->enabled = in->enabled;
    return p;
}

static void plan_job_facts(struct arena *arena, const struct rkt_job_input *job,
                           const struct plan_options *opts, struct plan_job *out) {
    out->src = job->src;
    out->source_name = opts && opts->source_name ? opts->source_name : "";
    out->id = job->id;
    out->type = job->type ? job->type : "service";
    out->kind = strcmp(out->type, "batch") == 0    ? PLAN_JOB_BATCH
                : strcmp(out->type, "system") == 0 ? PLAN_JOB_SYSTEM
                                                   : PLAN_JOB_SERVICE;
    out->span = job->span;
    out->periodic = plan_periodic(arena, job->periodic);
    out->parameterized = job->parameterized;
    struct plan_feature *dropped =
        arena_array(arena, job->agent_feature_count + 1, sizeof *dropped);
    for (size_t i = 0; i < job->agent_feature_count; i++)
        dropped[i] = (struct plan_feature){job->agent_features[i].what,
                                           job->agent_features[i].span};
    out->dropped = dropped;
    out->dropped_count = job->agent_feature_count;
}

void plan_port_unused_message(struct buf *out, const struct plan_port_override *o) {
    buf_printf(out, "--port %s%s%s=%d: no task has a port \"%s\"", o->task ? o->task : "",
               o->task ? "." : "", o->label, o->port, o->label);
}

/* keep: the plan is the output; else only its findings and whether it is
 * refused matter, and what each allocation needs lives in a scratch arena
 * released after it (the commands and directories, which hold no
 * findings, are not built) */
static void plan_job(struct arena *arena, const struct rkt_job_input *job,
                     const struct node_profile *node, const struct plan_options *opts,
                     bool keep, struct rkt_plan *out, struct diag_list *diags) {
    memset(out, 0, sizeof *out);
    struct arena *ta = keep ? arena : arena_new(); /* each allocation's tasks */
    const struct source *src = job->src;
    plan_job_facts(arena, job, opts, &out->job);
    out->port_count = opts ? opts->port_count : 0;
    out->port_used = arena_array(arena, out->port_count + 1, sizeof *out->port_used);
    bool retired_noted = false;
    for (size_t g = 0; g < job->group_count; g++)
        for (size_t t = 0; t < job->groups[g].task_count; t++) {
            const struct rkt_task_input *task = &job->groups[g].tasks[t];
            if (is_rkt(task) && !retired_noted) {
                diag_add(diags, RULE_RKT023, src, task->driver_span.end ? task->driver_span : task->span,
                         "the rkt driver is retired (removed from Nomad in 0.11, rkt "
                         "abandoned upstream); run `rktc audit` to plan the migration");
                retired_noted = true;
            }
        }
    placement_lint(arena, job, diags);
    /* where each allocation goes and its host ports (schedule.h): the
     * caller's fleet, or the one node given */
    const struct schedule_job *sched = opts ? opts->schedule : NULL;
    struct fleet *own_fleet = NULL;
    if (!sched) {
        own_fleet = fleet_new(node, 1, opts && opts->node_given);
        fleet_note_skipped(own_fleet, false); /* `check`: the plan is not the output */
        sched = fleet_schedule(own_fleet, arena, job, opts, diags);
    }
    if (sched->usage_error)
        out->usage_error = sched->usage_error;
    for (size_t i = 0; i < out->port_count; i++)
        out->port_used[i] |= sched->port_used[i];
    const struct node_profile *default_node = node;
    for (size_t g = 0; g < job->group_count; g++) {
        const struct rkt_group_input *group = &job->groups[g];
        int count = group->count;
        if (count > PLAN_MAX_ALLOCATIONS) {
            diag_add(diags, RULE_HCL003, src, group->span,
                     "group \"%s\" asks for %d allocations; rktc plans at most %d per group",
                     group->name, count, PLAN_MAX_ALLOCATIONS);
            out->refused = true;
            count = PLAN_MAX_ALLOCATIONS;
        }
        (void)count; /* the schedule holds the (capped) allocations */
        for (int k = 0; k < sched->groups[g].count; k++) {
            bool report = k == 0;
            const struct schedule_alloc *sa = &sched->groups[g].allocs[k];
            int index = sa->index; /* a system job's are all 0, one per host */
            bool placed = sa->node != NULL;
            const struct node_profile *node = placed ? sa->node : default_node;
            const char *alloc_id =
                sa->alloc_salt ? uuid_derive(ta, arena_printf(ta, "alloc:%s/%s/%s/%d",
                                                                 sa->alloc_salt, job->id,
                                                                 group->name, index))
                               : alloc_id_for(ta, job, group, index, opts);
            const char *alloc_dir = arena_printf(ta, "%s/%s", node->alloc_dir, alloc_id);
            /* ports of every task first: other tasks' ports are in the env */
            struct plan_task *tasks = arena_array(ta, group->task_count ? group->task_count : 1,
                                                  sizeof *tasks);
            for (size_t t = 0; t < group->task_count; t++) {
                const struct rkt_task_input *task = &group->tasks[t];
                struct plan_task *pt = &tasks[t];
                pt->job = job->id;
                pt->group = group->name;
                pt->task = task->name;
                pt->index = index;
                pt->span = task->span;
                pt->alloc_id = alloc_id;
                pt->alloc_dir = alloc_dir;
                pt->task_dir = arena_printf(ta, "%s/%s", alloc_dir, task->name);
                pt->driver = task->driver;
                pt->refused = !placed;
                pt->unplaced = !placed;
                pt->node = placed && sched->fleet_profiled ? node->name : NULL;
                pt->ports = arena_array(ta, sa->task_port_counts[t] + 1, sizeof *pt->ports);
                if (sa->task_port_counts[t]) /* no ports: task_ports[t] may be NULL */
                    memcpy(pt->ports, sa->task_ports[t],
                           sa->task_port_counts[t] * sizeof *pt->ports);
                pt->port_count = sa->task_port_counts[t];
            }
            size_t group_ports = SIZE_MAX;
            for (size_t t = 0; t < group->task_count; t++) {
                const struct rkt_task_input *task = &group->tasks[t];
                struct plan_task *pt = &tasks[t];
                pt->cpu = task->cpu;
                pt->memory = task->memory;
                pt->user = task->user;
                pt->kill_timeout_ns = task->kill_timeout_ns;
                pt->kill_signal = task->kill_signal && *task->kill_signal ? task->kill_signal : "SIGINT";
                pt->shutdown_delay_ns = task->shutdown_delay_ns;
                pt->restart_attempts = task->restart_attempts;
                pt->restart_interval_ns = task->restart_interval_ns;
                pt->restart_delay_ns = task->restart_delay_ns;
                pt->restart_mode = task->restart_mode;
                pt->restart = task->restart_mode && strcmp(task->restart_mode, "delay") == 0
                                  ? PLAN_RESTART_DELAY
                                  : PLAN_RESTART_FAIL;
                pt->lifecycle_hook = task->lifecycle_hook;
                pt->hook = hook_of(task->lifecycle_hook);
                pt->lifecycle_sidecar = task->lifecycle_sidecar;
                pt->leader = task->leader;
                if (!is_rkt(task)) {
                    pt->skipped = true;
                    if (report && retired_noted)
                        diag_add(diags, RULE_RKT036, src,
                                 task->driver_span.end ? task->driver_span : task->span,
                                 "task \"%s\" uses the %s driver; rktc plans only rkt tasks",
                                 task->name, task->driver && *task->driver ? task->driver : "(no)");
                    if (keep)
                        add_task(ta, out, pt);
                    continue;
                }
                /* the environment */
                struct env_port *ports = arena_array(ta, pt->port_count + 1, sizeof *ports);
                for (size_t i = 0; i < pt->port_count; i++) {
                    ports[i].label = pt->ports[i].label;
                    ports[i].host_port = pt->ports[i].host_port;
                }
                /* the other tasks' ports, counted once per group (a group of n
                 * tasks without ports stays linear) */
                if (group_ports == SIZE_MAX) {
                    group_ports = 0;
                    for (size_t o = 0; o < group->task_count; o++)
                        group_ports += tasks[o].port_count;
                }
                size_t other_count = group_ports - pt->port_count;
                struct env_other_port *others = arena_array(ta, other_count + 1, sizeof *others);
                size_t k = 0;
                for (size_t o = 0; other_count && o < group->task_count; o++)
                    if (o != t)
                        for (size_t i = 0; i < tasks[o].port_count; i++) {
                            others[k].task = group->tasks[o].name;
                            others[k].label = tasks[o].ports[i].label;
                            others[k].host_port = tasks[o].ports[i].host_port;
                            k++;
                        }
                struct env_params params = {
                    .alloc_id = alloc_id, .alloc_index = index, .job = job->name,
                    .job_id = job->id, .group = group->name, .task = task->name,
                    .namespace_name = job->namespace_name, .ip = node->address,
                    .cpu = task->cpu, .memory = task->memory, .ports = ports,
                    .port_count = pt->port_count, .other_ports = others,
                    .other_port_count = other_count, .job_meta = &job->meta,
                    .group_meta = &group->meta, .task_meta = &task->meta,
                    .user_env = &task->env,
                };
                env_build(ta, &params, node, &pt->env);
                struct interp_scope scope = {&pt->env, node};
                struct diag_list scratch;
                diag_list_init(&scratch);
                struct diag_list *sink = report ? diags : &scratch;
                if (report)
                    driver_check_env(ta, src, task, &pt->env, node, sink);
                struct rkt_config cfg;
                bool decoded = rkt_config_decode(ta, src, rkt_task_config(ta, src, task),
                                                 task->config_span.end ? task->config_span : task->span,
                                                 &scope, &cfg, sink);
                rkt_check_placeholders(src, task, decoded ? &cfg : NULL, sink);
                if (!decoded) {
                    pt->refused = true;
                } else {
                    for (size_t i = 0; i < pt->port_count; i++) {
                        const struct rkt_port_mapping *m = rkt_config_port(&cfg, pt->ports[i].label);
                        pt->ports[i].port_name = m ? m->name.text : NULL;
                    }
                    if (!driver_check_start(ta, src, task, &cfg, node, sink))
                        pt->refused = true;
                    driver_check_rkt(ta, src, task, &cfg, node, pt->port_count > 0, sink);
                    if (keep) {
                        add_dirs(ta, pt);
                        if (!pt->refused)
                            build_commands(ta, pt, group, task, &cfg, node);
                    }
                }
                diag_list_free(&scratch);
                if (pt->refused)
                    out->refused = true;
                if (keep)
                    add_task(ta, out, pt);
            }
            if (!keep)
                arena_reset(ta);
        }
    }
    fleet_free(own_fleet);
    if (!keep)
        arena_free(ta);
}

void rkt_plan_job(struct arena *arena, const struct rkt_job_input *job,
                  const struct node_profile *node, const struct plan_options *opts,
                  struct rkt_plan *out, struct diag_list *diags) {
    plan_job(arena, job, node, opts, true, out, diags);
}

bool rkt_plan_findings(struct arena *arena, const struct rkt_job_input *job,
                       const struct node_profile *node, const struct plan_options *opts,
                       struct diag_list *diags) {
    struct rkt_plan plan;
    plan_job(arena, job, node, opts, false, &plan, diags);
    return !plan.refused;
}
