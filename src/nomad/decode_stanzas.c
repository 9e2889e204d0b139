/* decode_stanzas.c — the small jobspec stanzas: constraint, affinity, spread,
 * update, migrate, reschedule, restart, ephemeral_disk, periodic,
 * parameterized, multiregion, vault (Nomad 0.12.12 jobspec rules). */
#include "nomad/decode_internal.h"

#include "util/arena.h"

#include <string.h>

static const struct gval_entry *map_entry(const struct gval *m, const char *key) {
    if (!m || m->kind != GVAL_MAP)
        return NULL;
    size_t len = strlen(key);
    for (size_t i = 0; i < m->as.map.count; i++)
        if (m->as.map.entries[i].key_len == len &&
            memcmp(m->as.map.entries[i].key, key, len) == 0)
            return &m->as.map.entries[i];
    return NULL;
}

/* Sets a string field from an entry of the generic map (weakly). */
static bool string_from(struct decode_ctx *c, const struct gval_entry *e,
                        struct nomad_string *out, const char *key, const char *where) {
    if (!e)
        return true;
    const char *text, *why;
    size_t len;
    if (!weak_to_string(c, e->value, false, &text, &len, &why)) {
        decode_error(c, RULE_NMD002, entry_span(e), "`%s` in %s: %s", key, where, why);
        return false;
    }
    *out = nomad_string_make(c, text, len, entry_span(e));
    return true;
}

/* jobspec parseBool: a bool or a string strconv.ParseBool accepts. */
static bool parse_bool_value(struct decode_ctx *c, const struct gval_entry *e,
                             const char *key, const char *where, bool *out) {
    const struct gval *v = e->value;
    if (v->kind == GVAL_BOOL) {
        *out = v->as.boolean;
        return true;
    }
    if (v->kind == GVAL_STRING && v->as.string.len > 0) {
        const char *why;
        if (weak_to_bool(c, v, false, out, &why))
            return true;
    }
    decode_error(c, RULE_NMD002, entry_span(e),
                 "`%s` in %s must be true or false (a bool, or the string \"true\" or "
                 "\"false\")", key, where);
    return false;
}

static const char *const constraint_keys[] = {
    "attribute", "distinct_hosts", "distinct_property", "operator", "regexp",
    "set_contains", "value", "version", "semver", NULL};

bool decode_constraints(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        if (item_labels(it) > 0) {
            decode_warning(c, RULE_NMD014, it->keys[1].span,
                           "Nomad ignores this labelled `constraint` block: `constraint` "
                           "takes no label");
            continue;
        }
        const struct hcl_object *body = item_body(c, it, "constraint");
        if (!body || !check_keys(c, body, constraint_keys, "constraint"))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        struct nomad_constraint *k = arena_alloc(c->arena, sizeof *k);
        k->span = hcl_item_span(it);
        if (!string_from(c, map_entry(m, "attribute"), &k->ltarget, "attribute", "constraint") ||
            !string_from(c, map_entry(m, "value"), &k->rtarget, "value", "constraint") ||
            !string_from(c, map_entry(m, "operator"), &k->operand, "operator", "constraint"))
            return false;
        static const char *const shorthand[] = {"version", "semver", "regexp", "set_contains"};
        for (size_t j = 0; j < 4; j++) {
            const struct gval_entry *e = map_entry(m, shorthand[j]);
            if (!e)
                continue;
            k->operand = nomad_string_make(c, shorthand[j], strlen(shorthand[j]),
                                           e->item ? e->item->keys[0].span : entry_span(e));
            if (!string_from(c, e, &k->rtarget, shorthand[j], "constraint"))
                return false;
        }
        const struct gval_entry *e = map_entry(m, "distinct_hosts");
        if (e) {
            bool enabled;
            if (!parse_bool_value(c, e, "distinct_hosts", "constraint", &enabled))
                return false;
            if (!enabled)
                continue; /* Nomad drops the constraint */
            k->operand = nomad_string_make(c, "distinct_hosts", 14,
                                           e->item ? e->item->keys[0].span : entry_span(e));
        }
        e = map_entry(m, "distinct_property");
        if (e) {
            k->operand = nomad_string_make(c, "distinct_property", 17,
                                           e->item ? e->item->keys[0].span : entry_span(e));
            if (!string_from(c, e, &k->ltarget, "distinct_property", "constraint"))
                return false;
        }
        if (!k->operand.set || k->operand.len == 0)
            k->operand = nomad_string_make(c, "=", 1, it->keys[0].span);
        list_push(c, out, k);
    }
    return true;
}

static const char *const affinity_keys[] = {
    "attribute", "operator", "regexp", "set_contains", "set_contains_any",
    "set_contains_all", "value", "version", "semver", "weight", NULL};

bool decode_affinities(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        if (item_labels(it) > 0) {
            decode_warning(c, RULE_NMD014, it->keys[1].span,
                           "Nomad ignores this labelled `affinity` block: `affinity` takes "
                           "no label");
            continue;
        }
        const struct hcl_object *body = item_body(c, it, "affinity");
        if (!body || !check_keys(c, body, affinity_keys, "affinity"))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        struct nomad_affinity *a = arena_alloc(c->arena, sizeof *a);
        a->span = hcl_item_span(it);
        if (!string_from(c, map_entry(m, "attribute"), &a->ltarget, "attribute", "affinity") ||
            !string_from(c, map_entry(m, "value"), &a->rtarget, "value", "affinity") ||
            !string_from(c, map_entry(m, "operator"), &a->operand, "operator", "affinity"))
            return false;
        static const char *const shorthand[] = {"version", "semver", "regexp",
                                                "set_contains_any", "set_contains_all",
                                                "set_contains"};
        for (size_t j = 0; j < 6; j++) {
            const struct gval_entry *e = map_entry(m, shorthand[j]);
            if (!e)
                continue;
            a->operand = nomad_string_make(c, shorthand[j], strlen(shorthand[j]),
                                           e->item ? e->item->keys[0].span : entry_span(e));
            if (!string_from(c, e, &a->rtarget, shorthand[j], "affinity"))
                return false;
        }
        const struct gval_entry *w = map_entry(m, "weight");
        if (w && !decode_field(c, w->value, entry_span(w),
                               nomad_schema_find_key(&nomad_schema_affinity, "weight", 6), a,
                               false, false, "affinity"))
            return false;
        if (!a->operand.set || a->operand.len == 0)
            a->operand = nomad_string_make(c, "=", 1, it->keys[0].span);
        list_push(c, out, a);
    }
    return true;
}

static const char *const spread_keys[] = {"attribute", "weight", "target", NULL};
static const char *const spread_target_keys[] = {"percent", "value", NULL};

bool decode_spreads(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        if (item_labels(it) > 0) {
            decode_warning(c, RULE_NMD014, it->keys[1].span,
                           "Nomad ignores this labelled `spread` block: `spread` takes no "
                           "label");
            continue;
        }
        const struct hcl_object *body = item_body(c, it, "spread");
        if (!body || !check_keys(c, body, spread_keys, "spread"))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        struct nomad_spread *sp = arena_alloc(c->arena, sizeof *sp);
        sp->span = hcl_item_span(it);
        static const char *const skip[] = {"target", NULL};
        if (!decode_fields(c, m, &nomad_schema_spread, sp, skip, false, false, "spread"))
            return false;
        struct item_set targets = body_filter(c, body, "target");
        for (size_t t = 0; t < targets.count; t++) {
            const struct hcl_item *ti = targets.items[t];
            if (item_labels(ti) != 1) {
                struct diag *d = decode_error(
                    c, RULE_NMD005, ti->key_count > 2 ? ti->keys[2].span : ti->keys[0].span,
                    item_labels(ti) == 0
                        ? "spread `target` needs the target value as its label"
                        : "spread `target` takes exactly one label (the target value)");
                if (d)
                    diag_fix(d, "write `target \"<value>\" { percent = ... }`");
                return false;
            }
            const char *label = key_text(ti, 1);
            for (size_t p = 0; p < t; p++)
                if (item_labels(targets.items[p]) == 1 &&
                    strcmp(key_text(targets.items[p], 1), label) == 0) {
                    struct diag *d = decode_error(c, RULE_NMD006, ti->keys[1].span,
                                                  "spread target \"%s\" is defined twice",
                                                  label);
                    if (d)
                        diag_note(d, targets.items[p]->keys[1].span, "first defined here");
                    return false;
                }
            const struct hcl_object *tb = item_body(c, ti, "target");
            if (!tb || !check_keys(c, tb, spread_target_keys, "spread target"))
                return false;
            struct gval *tm = decode_body(c, tb);
            if (!tm)
                return false;
            struct nomad_spread_target *target = arena_alloc(c->arena, sizeof *target);
            target->span = hcl_item_span(ti);
            target->value = nomad_string_make(c, label, ti->keys[1].len, ti->keys[1].span);
            if (!decode_fields(c, tm, &nomad_schema_spread_target, target, NULL, false, false,
                               "spread target"))
                return false;
            list_push(c, &sp->targets, target);
        }
        list_push(c, out, sp);
    }
    return true;
}

/* A singleton stanza decoded straight into its schema. */
bool decode_update(struct decode_ctx *c, struct item_set s, struct nomad_update **out) {
    static const char *const keys[] = {
        "stagger", "max_parallel", "health_check", "min_healthy_time", "healthy_deadline",
        "progress_deadline", "auto_revert", "auto_promote", "canary", NULL};
    bool ok;
    struct nomad_update *u = simple_block(c, s, "update", "only one `update` block is allowed",
                                          keys, &nomad_schema_update, true, &ok);
    if (u)
        *out = u;
    return ok;
}

bool decode_migrate(struct decode_ctx *c, struct item_set s, struct nomad_migrate **out) {
    static const char *const keys[] = {"max_parallel", "health_check", "min_healthy_time",
                                       "healthy_deadline", NULL};
    bool ok;
    struct nomad_migrate *m = simple_block(c, s, "migrate",
                                           "only one `migrate` block is allowed", keys,
                                           &nomad_schema_migrate, true, &ok);
    if (m)
        *out = m;
    return ok;
}

bool decode_reschedule(struct decode_ctx *c, struct item_set s, struct nomad_reschedule **out) {
    static const char *const keys[] = {"attempts", "interval", "unlimited", "delay",
                                       "max_delay", "delay_function", NULL};
    bool ok;
    struct nomad_reschedule *r = simple_block(c, s, "reschedule",
                                              "only one `reschedule` block is allowed", keys,
                                              &nomad_schema_reschedule, true, &ok);
    if (r)
        *out = r;
    return ok;
}

bool decode_restart(struct decode_ctx *c, struct item_set s, struct nomad_restart **out) {
    static const char *const keys[] = {"attempts", "interval", "delay", "mode", NULL};
    bool ok;
    struct nomad_restart *r = simple_block(c, s, "restart",
                                           "only one `restart` block is allowed", keys,
                                           &nomad_schema_restart, true, &ok);
    if (r)
        *out = r;
    return ok;
}

bool decode_ephemeral_disk(struct decode_ctx *c, struct item_set s,
                           struct nomad_ephemeral_disk **out) {
    static const char *const keys[] = {"sticky", "size", "migrate", NULL};
    bool ok;
    struct nomad_ephemeral_disk *d = simple_block(
        c, s, "ephemeral_disk", "only one `ephemeral_disk` block is allowed", keys,
        &nomad_schema_ephemeral_disk, false, &ok);
    if (d)
        *out = d;
    return ok;
}

bool decode_periodic(struct decode_ctx *c, struct item_set s, struct nomad_periodic **out) {
    static const char *const keys[] = {"enabled", "cron", "prohibit_overlap", "time_zone",
                                       NULL};
    bool ok;
    const struct hcl_item *it = single_block(c, s, "periodic",
                                             "only one `periodic` block is allowed per job",
                                             &ok);
    if (!it)
        return ok;
    const struct hcl_object *body = item_body(c, it, "periodic");
    if (!body || !check_keys(c, body, keys, "periodic"))
        return false;
    struct gval *m = decode_body(c, body);
    if (!m)
        return false;
    struct nomad_periodic *p = arena_alloc(c->arena, sizeof *p);
    p->span = hcl_item_span(it);
    const struct gval_entry *e = map_entry(m, "enabled");
    if (e) {
        bool enabled;
        if (!parse_bool_value(c, e, "enabled", "periodic", &enabled))
            return false;
        p->enabled.value = enabled;
        p->enabled.set = true;
        p->enabled.span = entry_span(e);
    }
    e = map_entry(m, "cron");
    if (e) {
        p->spec_type = nomad_string_make(c, "cron", 4, e->item ? e->item->keys[0].span
                                                               : entry_span(e));
        if (!string_from(c, e, &p->spec, "cron", "periodic"))
            return false;
    }
    static const char *const skip[] = {"enabled", "cron", NULL};
    if (!decode_fields(c, m, &nomad_schema_periodic, p, skip, false, false, "periodic"))
        return false;
    *out = p;
    return true;
}

bool decode_parameterized(struct decode_ctx *c, struct item_set s,
                          struct nomad_parameterized **out) {
    static const char *const keys[] = {"payload", "meta_required", "meta_optional", NULL};
    bool ok;
    struct nomad_parameterized *p = simple_block(
        c, s, "parameterized", "only one `parameterized` block is allowed per job", keys,
        &nomad_schema_parameterized, false, &ok);
    if (p)
        *out = p;
    return ok;
}

bool decode_multiregion(struct decode_ctx *c, struct item_set s,
                        struct nomad_multiregion **out) {
    static const char *const keys[] = {"strategy", "region", NULL};
    static const char *const strategy_keys[] = {"max_parallel", "on_failure", NULL};
    static const char *const region_keys[] = {"count", "datacenters", "meta", NULL};
    bool ok;
    const struct hcl_item *it = single_block(c, s, "multiregion",
                                             "only one `multiregion` block is allowed", &ok);
    if (!it)
        return ok;
    const struct hcl_object *body = item_body(c, it, "multiregion");
    if (!body || !check_keys(c, body, keys, "multiregion"))
        return false;
    struct nomad_multiregion *mr = arena_alloc(c->arena, sizeof *mr);
    mr->span = hcl_item_span(it);
    struct item_set st = body_filter(c, body, "strategy");
    if (st.count > 0) {
        mr->strategy = simple_block(c, st, "strategy", "only one `strategy` block is allowed",
                                    strategy_keys, &nomad_schema_multiregion_strategy, false,
                                    &ok);
        if (!ok)
            return false;
    }
    struct item_set regions = body_filter(c, body, "region");
    if (regions.count == 0) {
        decode_error(c, RULE_NMD011, it->keys[0].span,
                     "`multiregion` needs one or more `region \"<name>\"` blocks");
        return false;
    }
    for (size_t i = 0; i < regions.count; i++) {
        const struct hcl_item *ri = regions.items[i];
        if (item_labels(ri) == 0) {
            decode_error(c, RULE_NMD005, ri->keys[0].span,
                         "multiregion `region` needs the region name as its label");
            return false;
        }
        const char *name = key_text(ri, 1);
        for (size_t p = 0; p < i; p++)
            if (item_labels(regions.items[p]) > 0 &&
                strcmp(key_text(regions.items[p], 1), name) == 0) {
                struct diag *d = decode_error(c, RULE_NMD006, ri->keys[1].span,
                                              "region \"%s\" is defined twice", name);
                if (d)
                    diag_note(d, regions.items[p]->keys[1].span, "first defined here");
                return false;
            }
        const struct hcl_object *rb = item_body(c, ri, "region");
        if (!rb || !check_keys(c, rb, region_keys, "region"))
            return false;
        struct gval *m = decode_body(c, rb);
        if (!m)
            return false;
        struct nomad_multiregion_region *r = arena_alloc(c->arena, sizeof *r);
        r->span = hcl_item_span(ri);
        r->name = nomad_string_make(c, name, ri->keys[1].len, ri->keys[1].span);
        static const char *const skip[] = {"meta", NULL};
        if (!decode_fields(c, m, &nomad_schema_multiregion_region, r, skip, false, false,
                           "region"))
            return false;
        if (!decode_map_blocks(c, body_filter(c, rb, "meta"), &r->meta, "meta"))
            return false;
        list_push(c, &mr->regions, r);
    }
    *out = mr;
    return true;
}

bool decode_vault(struct decode_ctx *c, struct item_set s, struct nomad_vault **out) {
    static const char *const keys[] = {"namespace", "policies", "env", "change_mode",
                                       "change_signal", NULL};
    bool ok;
    const struct hcl_item *it = single_block(c, s, "vault",
                                             "only one `vault` block is allowed", &ok);
    if (!it)
        return ok;
    const struct hcl_object *body = item_body(c, it, "vault");
    if (!body || !check_keys(c, body, keys, "vault"))
        return false;
    struct gval *m = decode_body(c, body);
    if (!m)
        return false;
    struct nomad_vault *v = arena_alloc(c->arena, sizeof *v);
    v->span = hcl_item_span(it);
    v->env.value = true;
    v->env.set = true;
    v->env.span = it->keys[0].span;
    v->change_mode = nomad_string_make(c, "restart", 7, it->keys[0].span);
    if (!decode_fields(c, m, &nomad_schema_vault, v, NULL, false, false, "vault"))
        return false;
    *out = v;
    return true;
}
