/* validate_nul.c — strings with NUL bytes that would reach argv, the
 * environment or a unit file (see validate_internal.h).
 *
 * Nomad's validation lets "p\u0000q" through, but its executor cannot
 * pass such a string to exec (Go's os/exec refuses it) and a unit file
 * cannot hold one, so the task fails when it starts. C strings would cut
 * the value at the NUL silently; every such value is an error at the
 * value instead: job, group and task names, the job's id, region and
 * namespace, the task's user and kill signal, meta at every level and env
 * (keys and values), and every string of the driver config. */
#include "nomad/validate_internal.h"

#include "hcl/generic.h"
#include "hcl/parse.h"
#include "hcl/tree.h"
#include "nomad/decode.h"
#include "util/arena.h"

#include <string.h>

static void nul_at(struct validate_ctx *v, struct span span, const char *what) {
    verr(v, RULE_NMD060, span,
         "%s holds a NUL byte (\\u0000): Nomad's executor cannot pass it to the task "
         "(argv, environment, unit file), so the task would fail to start", what);
}

static bool has_nul(const char *text, size_t len) {
    return text && memchr(text, '\0', len) != NULL;
}

static void check_string(struct validate_ctx *v, const struct nomad_string *s,
                         const char *what) {
    if (s->set && has_nul(s->text, s->len))
        nul_at(v, s->span, what);
}

static void check_map(struct validate_ctx *v, const struct nomad_map *m, const char *what) {
    for (size_t i = 0; i < m->count; i++) {
        const struct nomad_map_entry *e = &m->entries[i];
        if (has_nul(e->key.text, e->key.len))
            nul_at(v, e->key.span, what);
        else if (has_nul(e->value.text, e->value.len))
            nul_at(v, e->value.span, what);
    }
}

static struct span value_span(const struct gval *g, struct span fallback) {
    return g && g->node && g->node->span.end > g->node->span.start ? g->node->span : fallback;
}

static void check_gval(struct validate_ctx *v, const struct gval *g, struct span at) {
    if (!g)
        return;
    switch (g->kind) {
    case GVAL_STRING:
        if (has_nul(g->as.string.text, g->as.string.len))
            nul_at(v, value_span(g, at), "this driver config value");
        break;
    case GVAL_MAP:
        for (size_t i = 0; i < g->as.map.count; i++) {
            const struct gval_entry *e = &g->as.map.entries[i];
            struct span ks = e->item && e->item->key_count ? e->item->keys[0].span
                                                           : value_span(g, at);
            if (has_nul(e->key, e->key_len))
                nul_at(v, ks, "this driver config key");
            check_gval(v, e->value, ks);
        }
        break;
    case GVAL_MAP_LIST:
    case GVAL_LIST:
        for (size_t i = 0; i < g->as.list.count; i++)
            check_gval(v, g->as.list.elems[i], value_span(g, at));
        break;
    default:
        break;
    }
}

/* Whether a key or string under v holds a NUL: every key and string of a
 * decoded config is one of these, so without one there is nothing to
 * report and the config need not be decoded. */
static bool tree_has_nul(const struct hcl_value *v) {
    switch (v->kind) {
    case HCL_OBJECT:
        for (size_t i = 0; i < v->as.object.count; i++) {
            const struct hcl_item *it = v->as.object.items[i];
            for (size_t k = 0; k < it->key_count; k++)
                if (has_nul(it->keys[k].text, it->keys[k].len))
                    return true;
            if (it->value && tree_has_nul(it->value))
                return true;
        }
        return false;
    case HCL_LIST:
        for (size_t i = 0; i < v->as.list.count; i++)
            if (tree_has_nul(v->as.list.elems[i]))
                return true;
        return false;
    case HCL_STRING:
    case HCL_HEREDOC:
        return has_nul(v->as.string.text, v->as.string.len);
    default:
        return false;
    }
}

/* Whether the text of v may give a NUL: a NUL byte, or a backslash (every
 * escape that writes one starts with it). Cheaper than the tree walk; for
 * native HCL only, where a block's text holds all of its values (HCL-JSON
 * values are rearranged). */
static bool may_hold_nul(const struct source *src, const struct hcl_value *v) {
    const char *text = src->text + v->span.start;
    size_t len = v->span.end - v->span.start;
    return memchr(text, '\\', len) || memchr(text, '\0', len);
}

static void check_config(struct validate_ctx *v, const struct nomad_task *t, bool native) {
    if (t->config.value || t->config_item_count == 0) {
        check_gval(v, t->config.value, t->config.span);
        return;
    }
    bool nul = false;
    for (size_t i = 0; !nul && i < t->config_item_count; i++)
        nul = (!native || may_hold_nul(v->src, t->config_items[i]->value)) &&
              tree_has_nul(t->config_items[i]->value);
    if (!nul)
        return;
    /* a lean job (nomad/decode.h): this one config decoded and released */
    struct arena *scratch = arena_new();
    check_gval(v, nomad_task_config(scratch, v->src, t), t->config.span);
    arena_free(scratch);
}

void validate_nul_bytes(struct validate_ctx *v, const struct nomad_job *job) {
    bool native = !hcl_is_json(v->src->text, v->src->len);
    check_string(v, &job->name, "the job name");
    check_string(v, &job->id, "the job id");
    check_string(v, &job->region, "the region");
    check_string(v, &job->namespace_, "the namespace");
    check_map(v, &job->meta, "this meta entry");
    for (size_t i = 0; i < job->groups.count; i++) {
        const struct nomad_group *g = job->groups.items[i];
        check_string(v, &g->name, "the group name");
        check_map(v, &g->meta, "this meta entry");
        for (size_t k = 0; k < g->tasks.count; k++) {
            const struct nomad_task *t = g->tasks.items[k];
            check_string(v, &t->name, "the task name");
            check_string(v, &t->user, "the user");
            check_string(v, &t->kill_signal, "the kill signal");
            check_map(v, &t->env, "this env entry");
            check_map(v, &t->meta, "this meta entry");
            check_config(v, t, native);
        }
    }
}
