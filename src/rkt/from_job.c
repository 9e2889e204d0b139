#include "rkt/from_job.h"

#include "nomad/decode.h"
#include "util/arena.h"

#include <string.h>

#define SECOND 1000000000LL

static const char *text(const struct nomad_string *s, const char *fallback) {
    return s->set && s->text ? s->text : fallback;
}

/* An array of n elements; for n = 0 one shared empty block instead (a
 * list of count 0 is never read or written), so that the empty lists of
 * every task and group (constraints, meta, mounts, ...) cost nothing. */
static _Alignas(16) char no_items[512];
_Static_assert(sizeof(struct rkt_task_input) <= sizeof no_items &&
                   sizeof(struct rkt_group_input) <= sizeof no_items,
               "no_items holds one element of every list of the view");

static void *items_for(struct arena *arena, size_t n, size_t size) {
    return n ? arena_array(arena, n, size) : no_items;
}

static void copy_map(struct arena *arena, const struct nomad_map *m, struct rkt_pairs *out) {
    out->count = m->count;
    out->items = items_for(arena, m->count, sizeof *out->items);
    for (size_t i = 0; i < m->count; i++) {
        out->items[i].key = text(&m->entries[i].key, "");
        out->items[i].value = text(&m->entries[i].value, "");
        out->items[i].key_span = m->entries[i].key.span;
        out->items[i].value_span = m->entries[i].value.span;
    }
}

static void copy_constraints(struct arena *arena, const struct nomad_list *constraints,
                             const struct nomad_list *affinities, struct rkt_constraints *out) {
    size_t n = constraints->count + affinities->count;
    out->items = items_for(arena, n, sizeof *out->items);
    out->count = 0;
    for (size_t i = 0; i < constraints->count; i++) {
        const struct nomad_constraint *c = constraints->items[i];
        struct rkt_constraint *r = &out->items[out->count++];
        r->ltarget = text(&c->ltarget, "");
        r->rtarget = text(&c->rtarget, "");
        r->operand = text(&c->operand, "=");
        r->span = c->span;
        r->ltarget_span = c->ltarget.span;
        r->rtarget_span = c->rtarget.span;
        r->operand_span = c->operand.span;
    }
    for (size_t i = 0; i < affinities->count; i++) {
        const struct nomad_affinity *a = affinities->items[i];
        struct rkt_constraint *r = &out->items[out->count++];
        r->ltarget = text(&a->ltarget, "");
        r->rtarget = text(&a->rtarget, "");
        r->operand = text(&a->operand, "=");
        r->weight = a->weight.set ? (int)a->weight.value : 50;
        r->is_affinity = true;
        r->span = a->span;
        r->ltarget_span = a->ltarget.span;
        r->rtarget_span = a->rtarget.span;
        r->operand_span = a->operand.span;
    }
}

static void copy_spreads(struct arena *arena, const struct nomad_list *spreads,
                         struct rkt_spreads *out) {
    out->count = spreads->count;
    out->items = items_for(arena, out->count, sizeof *out->items);
    for (size_t i = 0; i < spreads->count; i++) {
        const struct nomad_spread *s = spreads->items[i];
        struct rkt_spread *r = &out->items[i];
        r->attribute = text(&s->attribute, "");
        r->weight = s->weight.set ? (int)s->weight.value : 50;
        r->span = s->span;
        r->target_count = s->targets.count;
        r->targets = items_for(arena, r->target_count,
                                 sizeof *r->targets);
        for (size_t t = 0; t < s->targets.count; t++) {
            const struct nomad_spread_target *st = s->targets.items[t];
            r->targets[t].value = text(&st->value, "");
            r->targets[t].percent = st->percent.set ? (int)st->percent.value : 0;
        }
    }
}

static struct rkt_network *copy_network(struct arena *arena, const struct nomad_resources *res) {
    if (!res || res->networks.count == 0)
        return NULL;
    const struct nomad_network *n = res->networks.items[0];
    struct rkt_network *net = arena_alloc(arena, sizeof *net);
    size_t total = n->reserved_ports.count + n->dynamic_ports.count;
    net->ports = items_for(arena, total, sizeof *net->ports);
    net->mbits = n->mbits.set ? (int)n->mbits.value : 10;
    net->span = n->span;
    const struct nomad_list *lists[2] = {&n->reserved_ports, &n->dynamic_ports};
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < lists[l]->count; i++) {
            const struct nomad_port *p = lists[l]->items[i];
            struct rkt_port *r = &net->ports[net->port_count++];
            r->label = text(&p->label, "");
            r->is_static = l == 0;
            r->value = l == 0 ? (int)p->value.value : 0;
            r->span = p->span;
        }
    return net;
}

static void apply_restart(const struct nomad_restart *r, struct rkt_task_input *t) {
    if (!r)
        return;
    if (r->attempts.set)
        t->restart_attempts = (int)r->attempts.value;
    if (r->interval.set)
        t->restart_interval_ns = r->interval.ns;
    if (r->delay.set)
        t->restart_delay_ns = r->delay.ns;
    if (r->mode.set && r->mode.text)
        t->restart_mode = r->mode.text;
}

static const struct gval *load_config(struct arena *arena, const struct source *src,
                                      const void *task) {
    return nomad_task_config(arena, src, task);
}

static void copy_task(struct arena *arena, const char *job_type, const struct nomad_group *g,
                      const struct nomad_task *src, struct rkt_task_input *t) {
    t->name = text(&src->name, "");
    t->driver = text(&src->driver, "");
    t->span = src->span;
    t->name_span = src->name.span;
    t->driver_span = src->driver.span;
    t->config = src->config.value;
    if (!t->config && src->config_item_count) { /* a lean job (nomad/decode.h) */
        t->config_load = load_config;
        t->config_from = src;
    }
    t->config_span = src->config.span;
    copy_map(arena, &src->env, &t->env);
    copy_map(arena, &src->meta, &t->meta);
    t->user = text(&src->user, "");
    t->user_span = src->user.span;
    const struct nomad_resources *res = src->resources;
    t->cpu = res && res->cpu.set ? (int)res->cpu.value : 100;
    if (res && res->cpu.set)
        t->cpu_span = res->cpu.span;
    t->memory = res && res->memory.set ? (int)res->memory.value : 300;
    t->network = copy_network(arena, res);
    if (res && res->devices.count) {
        const struct nomad_device *d = res->devices.items[0];
        t->device_request_count = res->devices.count;
        t->device_span = d->span;
    }
    t->mount_count = src->volume_mounts.count;
    t->mounts = items_for(arena, t->mount_count, sizeof *t->mounts);
    for (size_t i = 0; i < t->mount_count; i++) {
        const struct nomad_volume_mount *m = src->volume_mounts.items[i];
        t->mounts[i].volume = text(&m->volume, "");
        t->mounts[i].destination = text(&m->destination, "");
        t->mounts[i].read_only = m->read_only.set && m->read_only.value;
        t->mounts[i].span = m->span;
    }
    t->kill_timeout_ns = src->kill_timeout.set ? src->kill_timeout.ns : 5 * SECOND;
    t->kill_signal = text(&src->kill_signal, "");
    t->shutdown_delay_ns = src->shutdown_delay.ns > 0 ? src->shutdown_delay.ns : 0;
    t->vault_env = src->vault && (!src->vault->env.set || src->vault->env.value);
    for (size_t i = 0; i < src->templates.count; i++) {
        const struct nomad_template *tp = src->templates.items[i];
        if (tp->env.set && tp->env.value)
            t->template_env = true;
    }
    copy_constraints(arena, &src->constraints, &src->affinities, &t->constraints);
    bool batch = strcmp(job_type, "batch") == 0;
    t->restart_attempts = batch ? 3 : 2;
    t->restart_interval_ns = (batch ? 24 * 3600 : 30 * 60) * SECOND;
    t->restart_delay_ns = 15 * SECOND;
    t->restart_mode = "fail";
    apply_restart(g->restart, t);
    apply_restart(src->restart, t);
    if (src->lifecycle) {
        t->lifecycle_hook = text(&src->lifecycle->hook, "");
        t->lifecycle_sidecar = src->lifecycle->sidecar.set && src->lifecycle->sidecar.value;
    } else {
        t->lifecycle_hook = "";
    }
    t->leader = src->leader.set && src->leader.value;
}

/* ---- what only a Nomad agent provides ------------------------------------- */

struct feature_list {
    struct arena *arena;
    struct rkt_job_input *job;
    size_t cap;
};

static void feature(struct feature_list *d, const char *what, struct span span) {
    struct rkt_job_input *j = d->job;
    if (j->agent_feature_count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        j->agent_features = arena_grow(d->arena, j->agent_features, j->agent_feature_count,
                                       cap, sizeof *j->agent_features);
        d->cap = cap;
    }
    j->agent_features[j->agent_feature_count++] = (struct rkt_feature){what, span};
}

static void feature_list(struct feature_list *d, const char *what,
                         const struct nomad_list *list) {
    for (size_t i = 0; i < list->count; i++)
        feature(d, what, *(const struct span *)list->items[i]);
}

static void collect_features(struct arena *arena, const struct nomad_job *job,
                             struct rkt_job_input *in) {
    struct feature_list d = {arena, in, 0};
    if (job->update)
        feature(&d, "the update stanza (rolling deployments)", job->update->span);
    if (job->migrate)
        feature(&d, "the migrate stanza", job->migrate->span);
    if (job->reschedule)
        feature(&d, "the reschedule stanza", job->reschedule->span);
    if (job->vault)
        feature(&d, "Vault tokens and policies", job->vault->span);
    feature_list(&d, "affinity (scheduling preference)", &job->affinities);
    feature_list(&d, "spread (scheduling preference)", &job->spreads);
    if (job->parameterized)
        feature(&d, "dispatch of a parameterized job (payloads and meta)",
                job->parameterized->span);
    for (size_t g = 0; g < job->groups.count; g++) {
        const struct nomad_group *group = job->groups.items[g];
        if (group->update)
            feature(&d, "the update stanza (rolling deployments)", group->update->span);
        if (group->migrate)
            feature(&d, "the migrate stanza", group->migrate->span);
        if (group->reschedule)
            feature(&d, "the reschedule stanza", group->reschedule->span);
        if (group->vault)
            feature(&d, "Vault tokens and policies", group->vault->span);
        feature_list(&d, "affinity (scheduling preference)", &group->affinities);
        feature_list(&d, "spread (scheduling preference)", &group->spreads);
        feature_list(&d, "service registration and checks (Consul)", &group->services);
        for (size_t v = 0; v < group->volumes.count; v++) {
            const struct nomad_volume *vol = group->volumes.items[v];
            if (vol->type.set && strcmp(vol->type.text, "csi") == 0)
                feature(&d, "CSI volumes", vol->span);
        }
        for (size_t t = 0; t < group->tasks.count; t++) {
            const struct nomad_task *task = group->tasks.items[t];
            if (task->driver.set && strcmp(task->driver.text, "rkt") != 0)
                continue;
            feature_list(&d, "service registration and checks (Consul)", &task->services);
            feature_list(&d, "templates (consul-template)", &task->templates);
            feature_list(&d, "artifacts (go-getter downloads)", &task->artifacts);
            feature_list(&d, "affinity (scheduling preference)", &task->affinities);
            if (task->vault && !task->vault_inherited)
                feature(&d, "Vault tokens and policies", task->vault->span);
            if (task->dispatch_payload)
                feature(&d, "dispatch payloads", task->dispatch_payload->span);
        }
    }
}

static const struct rkt_periodic *copy_periodic(struct arena *arena,
                                                const struct nomad_periodic *p) {
    if (!p)
        return NULL;
    struct rkt_periodic *out = arena_alloc(arena, sizeof *out);
    out->span = p->span;
    out->cron = p->spec.set ? p->spec.text : "";
    out->cron_span = p->spec.set ? p->spec.span : p->span;
    out->time_zone = p->time_zone.set ? p->time_zone.text : "";
    out->time_zone_span = p->time_zone.set ? p->time_zone.span : p->span;
    out->prohibit_overlap = p->prohibit_overlap.set && p->prohibit_overlap.value;
    out->enabled = !p->enabled.set || p->enabled.value;
    return out;
}

struct rkt_job_input *rkt_input_from_job(struct arena *arena, const struct source *src,
                                         const struct nomad_job *job) {
    struct rkt_job_input *in = arena_alloc(arena, sizeof *in);
    in->src = src;
    in->id = text(&job->id, text(&job->name, ""));
    in->name = text(&job->name, in->id);
    in->namespace_name = text(&job->namespace_, "default");
    if (!*in->namespace_name)
        in->namespace_name = "default";
    in->type = text(&job->type, "service");
    in->region = text(&job->region, "global");
    if (!*in->region)
        in->region = "global";
    in->region_span = job->region.span;
    in->span = job->span;
    in->datacenter_count = job->datacenters.count;
    in->datacenters = items_for(arena, in->datacenter_count,
                                  sizeof *in->datacenters);
    for (size_t i = 0; i < in->datacenter_count; i++)
        in->datacenters[i] = text(&job->datacenters.items[i], "");
    in->datacenters_span = job->datacenters.span;
    copy_map(arena, &job->meta, &in->meta);
    copy_constraints(arena, &job->constraints, &job->affinities, &in->constraints);
    copy_spreads(arena, &job->spreads, &in->spreads);
    in->group_count = job->groups.count;
    in->groups = items_for(arena, in->group_count, sizeof *in->groups);
    for (size_t gi = 0; gi < in->group_count; gi++) {
        const struct nomad_group *g = job->groups.items[gi];
        struct rkt_group_input *out = &in->groups[gi];
        out->name = text(&g->name, "");
        out->count = g->count.set ? (int)g->count.value : 1;
        if (strcmp(in->type, "system") == 0)
            out->count = 1; /* a system job runs one allocation per node */
        out->span = g->span;
        copy_map(arena, &g->meta, &out->meta);
        copy_constraints(arena, &g->constraints, &g->affinities, &out->constraints);
        copy_spreads(arena, &g->spreads, &out->spreads);
        out->volume_count = g->volumes.count;
        out->volumes = items_for(arena, out->volume_count,
                                   sizeof *out->volumes);
        for (size_t i = 0; i < out->volume_count; i++) {
            const struct nomad_volume *v = g->volumes.items[i];
            out->volumes[i].name = text(&v->name, "");
            out->volumes[i].type = text(&v->type, "");
            out->volumes[i].source = text(&v->source, "");
            out->volumes[i].read_only = v->read_only.set && v->read_only.value;
            out->volumes[i].span = v->span;
        }
        out->task_count = g->tasks.count;
        out->tasks = items_for(arena, out->task_count, sizeof *out->tasks);
        for (size_t ti = 0; ti < out->task_count; ti++)
            copy_task(arena, in->type, g, g->tasks.items[ti], &out->tasks[ti]);
    }
    in->periodic = copy_periodic(arena, job->periodic);
    in->parameterized = job->parameterized != NULL;
    collect_features(arena, job, in);
    return in;
}
