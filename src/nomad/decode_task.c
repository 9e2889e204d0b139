/* decode_task.c — task bodies, artifacts, templates, volume mounts and the
 * other task sub-stanzas (Nomad 0.12.12 jobspec rules and order). */
#include "nomad/decode_internal.h"
#include "nomad/name_set.h"

#include "util/arena.h"

#include <string.h>

static bool decode_artifacts(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    static const char *const keys[] = {"source", "options", "mode", "destination", NULL};
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        if (item_labels(it) > 0) {
            decode_warning(c, RULE_NMD014, it->keys[1].span,
                           "Nomad ignores this labelled `artifact` block: `artifact` takes "
                           "no label");
            continue;
        }
        const struct hcl_object *body = item_body(c, it, "artifact");
        if (!body || !check_keys(c, body, keys, "artifact"))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        struct nomad_artifact *a = arena_alloc(c->arena, sizeof *a);
        a->span = hcl_item_span(it);
        static const char *const skip[] = {"options", NULL};
        if (!decode_fields(c, m, &nomad_schema_artifact, a, skip, false, false, "artifact"))
            return false;
        struct item_set opts = body_filter(c, body, "options");
        if (opts.count > 0) {
            bool ok;
            const struct hcl_item *oi = single_block(
                c, opts, "options", "only one `options` block is allowed per artifact", &ok);
            if (!ok)
                return false;
            const struct hcl_object *ob = item_body(c, oi, "options");
            if (!ob)
                return false;
            struct gval *om = decode_body(c, ob);
            if (!om)
                return false;
            a->options.span = hcl_item_span(oi);
            if (!decode_string_map(c, om, &a->options, "artifact options"))
                return false;
        }
        list_push(c, out, a);
    }
    return true;
}

static bool decode_templates(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    static const char *const keys[] = {
        "change_mode", "change_signal", "data", "destination", "left_delimiter", "perms",
        "right_delimiter", "source", "splay", "env", "vault_grace", NULL};
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        if (item_labels(it) > 0) {
            decode_warning(c, RULE_NMD014, it->keys[1].span,
                           "Nomad ignores this labelled `template` block: `template` takes "
                           "no label");
            continue;
        }
        const struct hcl_object *body = item_body(c, it, "template");
        if (!body || !check_keys(c, body, keys, "template"))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        struct nomad_template *t = arena_alloc(c->arena, sizeof *t);
        t->span = hcl_item_span(it);
        t->change_mode = nomad_string_make(c, "restart", 7, it->keys[0].span);
        t->splay.ns = 5000000000LL;
        t->splay.set = true;
        t->splay.span = it->keys[0].span;
        t->perms = nomad_string_make(c, "0644", 4, it->keys[0].span);
        if (!decode_fields(c, m, &nomad_schema_template, t, NULL, true, false, "template"))
            return false;
        list_push(c, out, t);
    }
    return true;
}

static bool decode_volume_mounts(struct decode_ctx *c, struct item_set s,
                                 struct nomad_list *out) {
    static const char *const keys[] = {"volume", "read_only", "destination",
                                       "propagation_mode", NULL};
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        const struct hcl_object *body = item_body(c, it, "volume_mount");
        if (!body || !check_keys(c, body, keys, "volume_mount"))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        struct nomad_volume_mount *vm = arena_alloc(c->arena, sizeof *vm);
        vm->span = hcl_item_span(it);
        if (!decode_fields(c, m, &nomad_schema_volume_mount, vm, NULL, false, false,
                           "volume_mount"))
            return false;
        list_push(c, out, vm);
    }
    out->set = true;
    return true;
}

/* A stanza that may appear once, read from its first item (labels are not
 * looked at, as Nomad reads o.Items[0]). */
static const struct hcl_item *first_only(struct decode_ctx *c, struct item_set s,
                                         const char *name, bool *ok) {
    *ok = true;
    if (s.count == 0)
        return NULL;
    if (s.count > 1) {
        struct diag *d = decode_error(c, RULE_NMD004, s.items[1]->keys[0].span,
                                      "only one `%s` block is allowed in a task (found %zu)",
                                      name, s.count);
        if (d)
            diag_note(d, s.items[0]->keys[0].span, "first `%s` block", name);
        *ok = false;
        return NULL;
    }
    return s.items[0];
}

static void *small_block(struct decode_ctx *c, struct item_set s, const char *name,
                         const char *const *valid, const struct nomad_schema *schema,
                         bool *ok) {
    const struct hcl_item *it = first_only(c, s, name, ok);
    if (!it)
        return NULL;
    *ok = false;
    const struct hcl_object *body = item_body(c, it, name);
    if (!body || (valid && !check_keys(c, body, valid, name)))
        return NULL;
    struct gval *m = decode_body(c, body);
    if (!m)
        return NULL;
    void *out = arena_alloc(c->arena, schema->size);
    *(struct span *)out = hcl_item_span(it);
    if (!decode_fields(c, m, schema, out, NULL, false, false, name))
        return NULL;
    *ok = true;
    return out;
}

/* One more `config` block's value into a task's merged config: the first
 * block's value as decoded (shared with the cache, never changed); from
 * the second on, merged into a copy, as mapstructure merges them. */
static void config_add(struct decode_ctx *c, const struct gval **value,
                       const struct gval **shared, struct gval *cm, bool first) {
    if (first && cm->kind == GVAL_MAP) {
        *value = *shared = cm;
        return;
    }
    struct gval *into = (struct gval *)*value;
    if (into && into == *shared)
        into = gval_merge(c, NULL, *shared);
    *value = gval_merge(c, into, cm);
}

const struct gval *nomad_task_config(struct arena *arena, const struct source *src,
                                     const struct nomad_task *t) {
    if (t->config.value || t->config_item_count == 0)
        return t->config.value;
    /* the blocks decoded without error when the job was decoded: quietly */
    struct diag_list quiet;
    diag_list_init(&quiet);
    struct decode_ctx c = {arena, arena, src, &quiet, {NULL, NULL, 0, 0}, false};
    const struct gval *value = NULL, *shared = NULL;
    for (size_t i = 0; i < t->config_item_count; i++) {
        const struct hcl_value *body = t->config_items[i]->value;
        struct gval *cm = hcl_decode_object(arena, src, &body->as.object, &quiet);
        if (cm)
            config_add(&c, &value, &shared, cm, i == 0);
    }
    diag_list_free(&quiet);
    return value;
}

static const char *const task_skip[] = {
    "artifact", "config", "constraint", "affinity", "dispatch_payload", "lifecycle", "env",
    "logs", "meta", "resources", "restart", "service", "template", "vault", "volume_mount",
    "csi_plugin", NULL};

struct nomad_task *decode_task_body(struct decode_ctx *c, const struct hcl_item *it,
                                    const char *const *valid, const char *where) {
    const struct hcl_object *body = item_body(c, it, where);
    if (!body || !check_keys(c, body, valid, where))
        return NULL;
    struct gval *m = decode_body(c, body);
    if (!m)
        return NULL;
    struct nomad_task *t = arena_alloc(c->arena, sizeof *t);
    t->span = hcl_item_span(it);
    if (!decode_fields(c, m, &nomad_schema_task, t, task_skip, true, false, where))
        return NULL;
    if (!decode_map_blocks(c, body_filter(c, body, "env"), &t->env, "env"))
        return NULL;
    if (!decode_services(c, body_filter(c, body, "service"), &t->services))
        return NULL;
    struct item_set csi = body_filter(c, body, "csi_plugin");
    if (csi.count > 0) {
        if (csi.count != 1) {
            decode_error(c, RULE_NMD004, csi.items[1]->keys[0].span,
                         "only one `csi_plugin` block is allowed in a task (found %zu)",
                         csi.count);
            return NULL;
        }
        if (item_labels(csi.items[0]) > 0) {
            decode_error(c, RULE_NMD008, csi.items[0]->keys[1].span,
                         "`csi_plugin` takes no label; Nomad 0.12 crashes on a labelled "
                         "`csi_plugin` block");
            return NULL;
        }
        bool ok;
        t->csi_plugin = small_block(c, csi, "csi_plugin", NULL, &nomad_schema_csi_plugin, &ok);
        if (!ok)
            return NULL;
    }
    struct item_set cfg = body_filter(c, body, "config");
    if (cfg.count > 0) {
        t->config_items = arena_array(c->arena, cfg.count, sizeof *t->config_items);
        const struct gval *shared = NULL;
        for (size_t i = 0; i < cfg.count; i++) {
            const struct hcl_item *ci = cfg.items[i];
            if (item_labels(ci) > 0) {
                decode_warning(c, RULE_NMD014, ci->keys[1].span,
                               "Nomad ignores this labelled `config` block: `config` takes "
                               "no label");
                continue;
            }
            const struct hcl_object *cb = item_body(c, ci, "config");
            if (!cb)
                return NULL;
            struct gval *cm = decode_body(c, cb);
            if (!cm)
                return NULL;
            if (!c->lean)
                config_add(c, &t->config.value, &shared, cm, t->config_item_count == 0);
            if (t->config_item_count == 0)
                t->config.span = hcl_item_span(ci);
            t->config_items[t->config_item_count++] = ci;
        }
        t->config.value = gval_keep(c, t->config.value);
    }
    if (!decode_constraints(c, body_filter(c, body, "constraint"), &t->constraints) ||
        !decode_affinities(c, body_filter(c, body, "affinity"), &t->affinities) ||
        !decode_map_blocks(c, body_filter(c, body, "meta"), &t->meta, "meta"))
        return NULL;
    struct item_set vm = body_filter(c, body, "volume_mount");
    if (vm.count > 0 && !decode_volume_mounts(c, vm, &t->volume_mounts))
        return NULL;
    if (!decode_resources(c, body_filter(c, body, "resources"), &t->resources) ||
        !decode_restart(c, body_filter(c, body, "restart"), &t->restart))
        return NULL;
    bool ok;
    t->logs = decode_logs(c, body_filter(c, body, "logs"), &ok);
    if (!ok)
        return NULL;
    if (!decode_artifacts(c, body_filter(c, body, "artifact"), &t->artifacts) ||
        !decode_templates(c, body_filter(c, body, "template"), &t->templates) ||
        !decode_vault(c, body_filter(c, body, "vault"), &t->vault))
        return NULL;
    static const char *const payload_keys[] = {"file", NULL};
    t->dispatch_payload = small_block(c, body_filter(c, body, "dispatch_payload"),
                                      "dispatch_payload", payload_keys,
                                      &nomad_schema_dispatch_payload, &ok);
    if (!ok)
        return NULL;
    static const char *const lifecycle_keys[] = {"hook", "sidecar", NULL};
    t->lifecycle = small_block(c, body_filter(c, body, "lifecycle"), "lifecycle",
                               lifecycle_keys, &nomad_schema_lifecycle, &ok);
    if (!ok)
        return NULL;
    return t;
}

static const char *const task_keys[] = {
    "driver", "user", "config", "env", "resources", "meta", "logs", "kill_timeout",
    "shutdown_delay", "kill_signal", "artifact", "constraint", "affinity",
    "dispatch_payload", "lifecycle", "leader", "restart", "service", "template", "vault",
    "kind", "volume_mount", "csi_plugin", NULL};

bool decode_tasks(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    struct name_set seen;
    name_set_init(&seen, c->scratch);
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        if (item_labels(it) == 0) {
            decode_warning(c, RULE_NMD014, it->keys[0].span,
                           "Nomad ignores a `task` block without a name; write "
                           "`task \"<name>\" { ... }`");
            continue;
        }
        const char *name = key_text(it, 1);
        const struct hcl_item *first = name_set_add(&seen, name, it);
        if (first) {
            struct diag *d = decode_error(c, RULE_NMD006, it->keys[1].span,
                                          "task \"%s\" is defined twice in this group", name);
            if (d)
                diag_note(d, first->keys[1].span, "first defined here");
            return false;
        }
        struct nomad_task *t = decode_task_body(c, it, task_keys, "task");
        if (!t)
            return false;
        t->name = nomad_string_make(c, name, it->keys[1].len, it->keys[1].span);
        list_push(c, out, t);
    }
    return true;
}
