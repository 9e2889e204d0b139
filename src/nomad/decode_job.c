/* decode_job.c — the top level, `job` and `group` stanzas (Nomad 0.12.12
 * jobspec rules and order), and nomad_decode_hcl. */
#include "nomad/decode.h"
#include "nomad/decode_internal.h"
#include "nomad/name_set.h"

#include "util/arena.h"

#include <string.h>
#include <strings.h>

static const char *const group_keys[] = {
    "count", "constraint", "affinity", "restart", "meta", "task", "ephemeral_disk", "update",
    "reschedule", "vault", "migrate", "spread", "shutdown_delay", "network", "service",
    "volume", "scaling", "stop_after_client_disconnect", NULL};

static const char *const group_skip[] = {
    "constraint", "affinity", "meta", "task", "restart", "ephemeral_disk", "update", "vault",
    "migrate", "spread", "network", "service", "volume", "scaling", NULL};

static void give_vault(struct nomad_group *g, struct nomad_vault *v) {
    for (size_t i = 0; i < g->tasks.count; i++) {
        struct nomad_task *t = g->tasks.items[i];
        if (!t->vault) {
            t->vault = v;
            t->vault_inherited = true;
        }
    }
}

static struct nomad_group *decode_group(struct decode_ctx *c, const struct hcl_item *it) {
    const struct hcl_object *body = item_body(c, it, "group");
    if (!body || !check_keys(c, body, group_keys, "group"))
        return NULL;
    struct gval *m = decode_body(c, body);
    if (!m)
        return NULL;
    if (c->cache.count == 0)
        body_cache_fill(c, m);
    struct nomad_group *g = arena_alloc(c->arena, sizeof *g);
    g->span = hcl_item_span(it);
    g->name = nomad_string_make(c, it->keys[1].text, it->keys[1].len, it->keys[1].span);
    if (!decode_fields(c, m, &nomad_schema_group, g, group_skip, true, false, "group"))
        return NULL;
    if (!decode_constraints(c, body_filter(c, body, "constraint"), &g->constraints) ||
        !decode_affinities(c, body_filter(c, body, "affinity"), &g->affinities) ||
        !decode_restart(c, body_filter(c, body, "restart"), &g->restart) ||
        !decode_spreads(c, body_filter(c, body, "spread"), &g->spreads))
        return NULL;
    struct nomad_network *nw = NULL;
    if (!decode_network(c, body_filter(c, body, "network"), &nw))
        return NULL;
    if (nw)
        list_push(c, &g->networks, nw);
    if (!decode_reschedule(c, body_filter(c, body, "reschedule"), &g->reschedule) ||
        !decode_ephemeral_disk(c, body_filter(c, body, "ephemeral_disk"), &g->ephemeral_disk) ||
        !decode_update(c, body_filter(c, body, "update"), &g->update) ||
        !decode_migrate(c, body_filter(c, body, "migrate"), &g->migrate) ||
        !decode_map_blocks(c, body_filter(c, body, "meta"), &g->meta, "meta") ||
        !decode_volumes(c, body_filter(c, body, "volume"), &g->volumes) ||
        !decode_scaling(c, body_filter(c, body, "scaling"), &g->scaling) ||
        !decode_tasks(c, body_filter(c, body, "task"), &g->tasks) ||
        !decode_vault(c, body_filter(c, body, "vault"), &g->vault))
        return NULL;
    if (g->vault)
        give_vault(g, g->vault);
    if (!decode_services(c, body_filter(c, body, "service"), &g->services))
        return NULL;
    return g;
}

bool decode_groups(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    struct name_set seen;
    name_set_init(&seen, c->scratch);
    struct arena *group_scratch = arena_new();
    bool ok = true;
    for (size_t i = 0; ok && i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        /* the next group's tree comes into the cache while this one is
         * decoded */
        if (i + 1 < s.count && s.items[i + 1]->value)
            hcl_value_prefetch(s.items[i + 1]->value);
        if (item_labels(it) == 0) {
            decode_warning(c, RULE_NMD014, it->keys[0].span,
                           "Nomad ignores a `group` block without a name; write "
                           "`group \"<name>\" { ... }`");
            continue;
        }
        const char *name = key_text(it, 1);
        const struct hcl_item *first = name_set_add(&seen, name, it);
        if (first) {
            struct diag *d = decode_error(c, RULE_NMD006, it->keys[1].span,
                                          "group \"%s\" is defined twice in this job", name);
            if (d)
                diag_note(d, first->keys[1].span, "first defined here");
            ok = false;
            break;
        }
        /* the group's generic values and everything else only its decode
         * needs: in a scratch arena of its own, released after it */
        struct arena *outer = c->scratch;
        struct body_cache outer_cache = c->cache;
        c->scratch = group_scratch;
        memset(&c->cache, 0, sizeof c->cache);
        struct nomad_group *g = decode_group(c, it);
        c->scratch = outer;
        c->cache = outer_cache;
        arena_reset(group_scratch);
        if (!g)
            ok = false;
        else
            list_push(c, out, g);
    }
    arena_free(group_scratch);
    return ok;
}

static const char *const job_keys[] = {
    "all_at_once", "constraint", "affinity", "spread", "datacenters", "group", "id", "meta",
    "migrate", "name", "namespace", "parameterized", "periodic", "priority", "region",
    "reschedule", "task", "type", "update", "vault", "vault_token", "consul_token",
    "multiregion", NULL};

static const char *const job_skip[] = {
    "constraint", "affinity", "meta", "migrate", "parameterized", "periodic", "reschedule",
    "update", "vault", "spread", "multiregion", "group", "task", NULL};

static struct nomad_job *decode_job(struct decode_ctx *c, const struct hcl_item *it) {
    struct nomad_job *job = arena_alloc(c->arena, sizeof *job);
    job->span = hcl_item_span(it);
    const struct hcl_object *body = item_body(c, it, "job");
    if (!body)
        return NULL;
    /* Nomad decodes the whole body first (any decode error in it stops
     * here), then each stanza's body again; the whole one is needed only
     * for the job's own fields: the stanzas' values (the groups: nearly
     * all of it) are decoded for their errors only, one block at a time,
     * and the rest is released before the stanzas */
    struct arena *whole = arena_new();
    struct gval *m = hcl_decode_object_checked(whole, c->src, body, job_skip, c->diags);
    job->id = nomad_string_make(c, it->keys[1].text, it->keys[1].len, it->keys[1].span);
    job->name = job->id;
    bool fields = m && decode_fields(c, m, &nomad_schema_job, job, job_skip, false, false, "job");
    arena_free(whole);
    if (!fields || !check_keys(c, body, job_keys, "job"))
        return NULL;
    if (!decode_constraints(c, body_filter(c, body, "constraint"), &job->constraints) ||
        !decode_affinities(c, body_filter(c, body, "affinity"), &job->affinities) ||
        !decode_update(c, body_filter(c, body, "update"), &job->update) ||
        !decode_periodic(c, body_filter(c, body, "periodic"), &job->periodic) ||
        !decode_spreads(c, body_filter(c, body, "spread"), &job->spreads) ||
        !decode_parameterized(c, body_filter(c, body, "parameterized"), &job->parameterized) ||
        !decode_reschedule(c, body_filter(c, body, "reschedule"), &job->reschedule) ||
        !decode_migrate(c, body_filter(c, body, "migrate"), &job->migrate) ||
        !decode_multiregion(c, body_filter(c, body, "multiregion"), &job->multiregion) ||
        !decode_map_blocks(c, body_filter(c, body, "meta"), &job->meta, "meta"))
        return NULL;
    struct nomad_list tasks = {0};
    if (!decode_tasks(c, body_filter(c, body, "task"), &tasks))
        return NULL;
    for (size_t i = 0; i < tasks.count; i++) {
        struct nomad_task *t = tasks.items[i];
        struct nomad_group *g = arena_alloc(c->arena, sizeof *g);
        g->span = t->span;
        g->name = t->name;
        g->from_job_task = true;
        list_push(c, &g->tasks, t);
        list_push(c, &job->groups, g);
    }
    if (!decode_groups(c, body_filter(c, body, "group"), &job->groups) ||
        !decode_vault(c, body_filter(c, body, "vault"), &job->vault))
        return NULL;
    for (size_t i = 0; job->vault && i < job->groups.count; i++)
        give_vault(job->groups.items[i], job->vault);
    return job;
}

static struct nomad_job *decode_file(struct decode_ctx *c, const struct hcl_file *file);

static struct nomad_job *decode_hcl(struct arena *arena, const struct hcl_file *file,
                                    bool lean, struct diag_list *diags) {
    struct decode_ctx ctx = {arena, arena_new(), file->src, diags, {NULL, NULL, 0, 0}, lean};
    struct nomad_job *job = decode_file(&ctx, file);
    arena_free(ctx.scratch);
    return job;
}

struct nomad_job *nomad_decode_hcl(struct arena *arena, const struct hcl_file *file,
                                   struct diag_list *diags) {
    return decode_hcl(arena, file, false, diags);
}

struct nomad_job *nomad_decode_hcl_lean(struct arena *arena, const struct hcl_file *file,
                                        struct diag_list *diags) {
    return decode_hcl(arena, file, true, diags);
}

static struct nomad_job *decode_file(struct decode_ctx *c, const struct hcl_file *file) {
    const struct hcl_object *root = &file->root->as.object;
    bool ok = true;
    for (size_t i = 0; i < root->count; i++) {
        const struct hcl_item *it = root->items[i];
        if (strcmp(it->keys[0].text, "job") == 0)
            continue;
        ok = false;
        struct diag *d = decode_error(c, RULE_NMD001, it->keys[0].span,
                                      "unknown top-level key `%s`: a job file holds only "
                                      "`job \"<id>\" { ... }`", it->keys[0].text);
        if (d && strcasecmp(it->keys[0].text, "job") == 0) {
            diag_fix(d, "write `job` (keys are case-sensitive)");
            diag_edit_key(d, c->src, it->keys[0].span, "job");
        }
    }
    if (!ok)
        return NULL;
    struct item_set jobs = body_filter(c, root, "job");
    if (jobs.count == 0) {
        decode_error(c, RULE_NMD007, span_make(0, 0),
                     "no `job` stanza found: a job file must hold `job \"<id>\" { ... }`");
        return NULL;
    }
    if (jobs.count > 1) {
        struct diag *d = decode_error(c, RULE_NMD007, jobs.items[1]->keys[0].span,
                                      "only one `job` stanza is allowed per file");
        if (d)
            diag_note(d, jobs.items[0]->keys[0].span, "first `job` stanza");
        return NULL;
    }
    if (item_labels(jobs.items[0]) == 0) {
        struct diag *d = decode_error(c, RULE_NMD005, jobs.items[0]->keys[0].span,
                                      "the `job` stanza needs the job ID as its label");
        if (d)
            diag_fix(d, "write `job \"<id>\" { ... }`");
        return NULL;
    }
    struct nomad_job *job = decode_job(c, jobs.items[0]);
    if (job)
        nomad_schema_fill_strings(&nomad_schema_job, job);
    return job;
}
