#include "rkt/config.h"

#include "rkt/names.h"
#include "util/arena.h"
#include "util/distance.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

const char *const rkt_config_keys[] = {
    "image", "command", "args", "trust_prefix", "dns_servers", "dns_search_domains",
    "net", "port_map", "volumes", "insecure_options", "no_overlay", "debug", "group", NULL,
};

struct decoder {
    struct arena *arena;
    const struct source *src;
    const struct interp_scope *scope;
    struct diag_list *diags;
    struct span fallback;
    bool ok;
};

static struct span span_of(const struct decoder *d, const struct gval *v) {
    return v && v->node ? v->node->span : d->fallback;
}


const char *rkt_config_suggest(const char *key) {
    char norm[128];
    size_t n = strlen(key);
    if (n >= sizeof norm)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        norm[i] = key[i] == '-' ? '_' : (char)tolower((unsigned char)key[i]);
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; rkt_config_keys[i]; i++) {
        if (strcmp(norm, rkt_config_keys[i]) == 0)
            return rkt_config_keys[i];
        size_t d = edit_distance(norm, rkt_config_keys[i], 2);
        if (d < best_d) {
            best_d = d;
            best = rkt_config_keys[i];
        }
    }
    return best;
}

static void type_error(struct decoder *d, const struct gval *v, const char *key,
                       const char *required) {
    diag_add(d->diags, RULE_RKT003, d->src, span_of(d, v),
             "wrong type for rkt config key \"%s\": %s required; the task fails at start "
             "(\"Inappropriate value for attribute \\\"%s\\\": %s required.\")",
             key, required, key, required);
    d->ok = false;
}

static const char *interpolate(struct decoder *d, const char *text, struct span span) {
    struct interp_result r = interp_template(d->arena, text, d->scope);
    if (r.status == INTERP_ERROR) {
        diag_add(d->diags, RULE_RKT004, d->src, span, "%s The task fails at start.", r.message);
        d->ok = false;
    } else if (r.status == INTERP_UNSUPPORTED) {
        diag_add(d->diags, RULE_RKT005, d->src, span,
                 "rktc does not evaluate %s; the plan keeps \"%s\" as written", r.message,
                 text);
    }
    return r.text;
}

static const char *go_float_text(struct arena *arena, double x) {
    if (x == floor(x) && fabs(x) < 1e21)
        return arena_printf(arena, "%.0f", x);
    for (int prec = 1; prec <= 17; prec++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            return arena_strdup(arena, buf);
    }
    return arena_printf(arena, "%.17g", x);
}

/* a scalar converted to string the way cty converts primitives */
static bool to_string(struct decoder *d, const struct gval *v, struct rkt_string *out) {
    out->span = span_of(d, v);
    out->set = true;
    switch (v->kind) {
    case GVAL_STRING:
        out->text = interpolate(d, arena_strndup(d->arena, v->as.string.text, v->as.string.len),
                                out->span);
        return true;
    case GVAL_INT:
        out->text = arena_printf(d->arena, "%lld", (long long)v->as.integer);
        return true;
    case GVAL_FLOAT:
        out->text = go_float_text(d->arena, v->as.number);
        return true;
    case GVAL_BOOL:
        out->text = v->as.boolean ? "true" : "false";
        return true;
    default:
        return false;
    }
}

static void decode_string(struct decoder *d, const char *key, const struct gval *v,
                          struct rkt_string *out) {
    if (!to_string(d, v, out)) {
        type_error(d, v, key, "string");
        out->text = "";
    }
}

static void decode_bool(struct decoder *d, const char *key, const struct gval *v,
                        struct rkt_bool *out) {
    out->span = span_of(d, v);
    out->set = true;
    if (v->kind == GVAL_BOOL) {
        out->value = v->as.boolean;
        return;
    }
    if (v->kind == GVAL_STRING) {
        struct rkt_string s;
        to_string(d, v, &s);
        if (strcmp(s.text, "true") == 0 || strcmp(s.text, "false") == 0) {
            out->value = s.text[0] == 't';
            return;
        }
    }
    type_error(d, v, key, "a bool is");
}

static void decode_strings(struct decoder *d, const char *key, const struct gval *v,
                           struct rkt_strings *out) {
    out->span = span_of(d, v);
    out->set = true;
    if (v->kind != GVAL_LIST) {
        type_error(d, v, key, "list of string");
        return;
    }
    out->items = arena_array(d->arena, v->as.list.count ? v->as.list.count : 1,
                             sizeof *out->items);
    for (size_t i = 0; i < v->as.list.count; i++) {
        const struct gval *e = v->as.list.elems[i];
        if (!to_string(d, e, &out->items[out->count])) {
            diag_add(d->diags, RULE_RKT003, d->src, span_of(d, e),
                     "wrong type for element %zu of rkt config key \"%s\": string required; "
                     "the task fails at start",
                     i, key);
            d->ok = false;
            continue;
        }
        out->count++;
    }
}

static void decode_port_map(struct decoder *d, const struct gval *v, struct rkt_config *out) {
    out->port_map_span = span_of(d, v);
    bool maps = v->kind == GVAL_MAP_LIST;
    if (v->kind == GVAL_LIST) { /* API JSON: an array of objects */
        maps = true;
        for (size_t i = 0; i < v->as.list.count; i++)
            maps &= v->as.list.elems[i]->kind == GVAL_MAP;
    }
    if (!maps) {
        type_error(d, v, "port_map", "list of map of string");
        return;
    }
    for (size_t i = 0; i < v->as.list.count; i++) {
        const struct gval *m = v->as.list.elems[i];
        for (size_t j = 0; j < m->as.map.count; j++) {
            const struct gval_entry *e = &m->as.map.entries[j];
            struct rkt_string name;
            if (!to_string(d, e->value, &name)) {
                type_error(d, e->value, "port_map", "list of map of string");
                continue;
            }
            const char *label = arena_strndup(d->arena, e->key, e->key_len);
            struct span key_span = e->item ? e->item->keys[0].span : name.span;
            size_t k;
            for (k = 0; k < out->port_map_count; k++)
                if (strcmp(out->port_map[k].label, label) == 0)
                    break;
            if (k == out->port_map_count) {
                out->port_map = arena_grow(d->arena, out->port_map, out->port_map_count,
                                           out->port_map_count + 1, sizeof *out->port_map);
                out->port_map_count++;
            }
            out->port_map[k].label = label;
            out->port_map[k].name = name;
            out->port_map[k].key_span = key_span;
        }
    }
}

bool rkt_config_decode(struct arena *arena, const struct source *src,
                       const struct gval *config, struct span fallback,
                       const struct interp_scope *scope, struct rkt_config *out,
                       struct diag_list *diags) {
    struct decoder d = {arena, src, scope, diags, fallback, true};
    memset(out, 0, sizeof *out);
    out->image.text = out->command.text = out->trust_prefix.text = out->group.text = "";
    if (!config || config->kind != GVAL_MAP) {
        diag_add(diags, RULE_RKT002, src, fallback,
                 "the rkt task has no config with an `image`; the task fails at start "
                 "(\"Missing required argument: The argument \\\"image\\\" is required\")");
        return false;
    }
    for (size_t i = 0; i < config->as.map.count; i++) {
        const struct gval_entry *e = &config->as.map.entries[i];
        const char *key = arena_strndup(arena, e->key, e->key_len);
        const struct gval *v = e->value;
        if (strcmp(key, "image") == 0)
            decode_string(&d, key, v, &out->image);
        else if (strcmp(key, "command") == 0)
            decode_string(&d, key, v, &out->command);
        else if (strcmp(key, "trust_prefix") == 0)
            decode_string(&d, key, v, &out->trust_prefix);
        else if (strcmp(key, "group") == 0)
            decode_string(&d, key, v, &out->group);
        else if (strcmp(key, "args") == 0)
            decode_strings(&d, key, v, &out->args);
        else if (strcmp(key, "dns_servers") == 0)
            decode_strings(&d, key, v, &out->dns_servers);
        else if (strcmp(key, "dns_search_domains") == 0)
            decode_strings(&d, key, v, &out->dns_search_domains);
        else if (strcmp(key, "net") == 0)
            decode_strings(&d, key, v, &out->net);
        else if (strcmp(key, "volumes") == 0)
            decode_strings(&d, key, v, &out->volumes);
        else if (strcmp(key, "insecure_options") == 0)
            decode_strings(&d, key, v, &out->insecure_options);
        else if (strcmp(key, "no_overlay") == 0)
            decode_bool(&d, key, v, &out->no_overlay);
        else if (strcmp(key, "debug") == 0)
            decode_bool(&d, key, v, &out->debug);
        else if (strcmp(key, "port_map") == 0)
            decode_port_map(&d, v, out);
        else {
            struct span span = e->item ? e->item->keys[0].span : span_of(&d, v);
            struct diag *diag = diag_add(
                diags, RULE_RKT001, src, span,
                "unknown rkt config key \"%s\"; the task fails at start (\"No argument or "
                "block type is named \\\"%s\\\".\")",
                key, key);
            const char *hint = rkt_config_suggest(key);
            if (hint) {
                diag_fix(diag, "did you mean \"%s\"?", hint);
                if (e->item)
                    diag_edit_key(diag, src, span, hint);
            }
            d.ok = false;
        }
    }
    if (!out->image.set) {
        diag_add(diags, RULE_RKT002, src, fallback,
                 "the rkt config has no `image`; the task fails at start (\"Missing required "
                 "argument: The argument \\\"image\\\" is required\")");
        d.ok = false;
    }
    return d.ok;
}

const struct rkt_port_mapping *rkt_config_port(const struct rkt_config *config,
                                               const char *label) {
    for (size_t i = 0; i < config->port_map_count; i++)
        if (strcmp(config->port_map[i].label, label) == 0)
            return &config->port_map[i];
    return NULL;
}
