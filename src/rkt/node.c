#include "rkt/node.h"

#include "rkt/ident.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

static void pairs_set(struct arena *arena, struct rkt_pairs *pairs, const char *key,
                      const char *value, bool only_if_absent) {
    for (size_t i = 0; i < pairs->count; i++)
        if (strcmp(pairs->items[i].key, key) == 0) {
            if (!only_if_absent)
                pairs->items[i].value = value;
            return;
        }
    /* pairs here are only ever built by this function, from empty: the room
     * is the next power of two above count, so growth doubles */
    size_t n = pairs->count;
    if (n == 0 || (n & (n - 1)) == 0)
        pairs->items = arena_grow(arena, pairs->items, n, n ? 2 * n : 4, sizeof *pairs->items);
    struct rkt_pair *p = &pairs->items[pairs->count++];
    p->key = key;
    p->value = value;
}

/* attributes the client's rkt fingerprint adds (docs/rkt-driver.md §14) */
static void add_fingerprint(struct arena *arena, struct node_profile *node) {
    if (!node_attribute(node, "driver.rkt.version"))
        return;
    pairs_set(arena, &node->attributes, "driver.rkt", "1", true);
    pairs_set(arena, &node->attributes, "driver.rkt.appc.version", "0.8.11", true);
    if (node->volumes_enabled) {
        pairs_set(arena, &node->attributes, "driver.rkt.volumes.enabled", "true", true);
        return;
    }
    for (size_t i = 0; i < node->attributes.count; i++)
        if (strcmp(node->attributes.items[i].key, "driver.rkt.volumes.enabled") == 0) {
            node->attributes.items[i] = node->attributes.items[--node->attributes.count];
            return;
        }
}

void node_defaults(struct arena *arena, struct node_profile *node) {
    memset(node, 0, sizeof *node);
    node->name = "node-1";
    node->datacenter = "dc1";
    node->region = "global";
    node->class_name = "";
    node->address = "127.0.0.1";
    node->alloc_dir = "/var/lib/nomad/alloc";
    node->rkt_path = "/usr/bin/rkt";
    node->volumes_enabled = true;
    node->dynamic_min = 20000;
    node->dynamic_max = 32000;
    pairs_set(arena, &node->attributes, "kernel.name", "linux", false);
    pairs_set(arena, &node->attributes, "driver.rkt.version", "1.30.0", false);
    pairs_set(arena, &node->meta, "rack", "r1", false);
    node->host_volumes = arena_alloc(arena, sizeof *node->host_volumes);
    node->host_volumes[0].name = "shared";
    node->host_volumes[0].path = "/srv/shared";
    node->host_volume_count = 1;
    node->id = uuid_derive(arena, arena_printf(arena, "node:%s", node->name));
    add_fingerprint(arena, node);
}

static const char *pairs_get(const struct rkt_pairs *pairs, const char *key) {
    for (size_t i = 0; i < pairs->count; i++)
        if (strcmp(pairs->items[i].key, key) == 0)
            return pairs->items[i].value;
    return NULL;
}

const char *node_attribute(const struct node_profile *node, const char *name) {
    return pairs_get(&node->attributes, name);
}

const char *node_meta(const struct node_profile *node, const char *name) {
    return pairs_get(&node->meta, name);
}

const struct node_host_volume *node_host_volume(const struct node_profile *node,
                                                const char *name) {
    for (size_t i = 0; i < node->host_volume_count; i++)
        if (strcmp(node->host_volumes[i].name, name) == 0)
            return &node->host_volumes[i];
    return NULL;
}

bool node_parse_ports(struct arena *arena, const char *text, struct node_port_range **out,
                      size_t *count, const char **error) {
    *out = NULL;
    *count = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        char *end;
        long low = strtol(p, &end, 10), high;
        if (end == p || low < 0 || low > 65535) {
            *error = arena_printf(arena, "\"%s\" is not a port list like \"22,80,8000-8100\"",
                                  text);
            return false;
        }
        p = end;
        high = low;
        if (*p == '-') {
            high = strtol(p + 1, &end, 10);
            if (end == p + 1 || high < low || high > 65535) {
                *error = arena_printf(arena, "bad port range in \"%s\"", text);
                return false;
            }
            p = end;
        }
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == ',')
            p++;
        else if (*p) {
            *error = arena_printf(arena, "\"%s\" is not a port list like \"22,80,8000-8100\"",
                                  text);
            return false;
        }
        *out = arena_grow(arena, *out, *count, *count + 1, sizeof **out);
        (*out)[(*count)++] = (struct node_port_range){(int)low, (int)high};
    }
    return true;
}

bool node_port_reserved(const struct node_profile *node, int port) {
    for (size_t i = 0; i < node->reserved_range_count; i++)
        if (port >= node->reserved_ranges[i].low && port <= node->reserved_ranges[i].high)
            return true;
    return false;
}

/* ---- reading the profile -------------------------------------------- */

struct reader {
    struct arena *arena;
    const struct source *src;
    struct diag_list *diags;
    bool ok;
};

static const char *key_text(struct reader *r, const struct hcl_key *k) {
    return arena_strndup(r->arena, k->text, k->len);
}

static bool want_string(struct reader *r, const struct hcl_item *item, const char **out) {
    const struct hcl_value *v = item->value;
    if (v->kind != HCL_STRING && v->kind != HCL_HEREDOC) {
        diag_add(r->diags, RULE_RKT040, r->src, v->span, "`%s` must be a string, not %s",
                 key_text(r, &item->keys[0]), hcl_kind_name(v->kind));
        r->ok = false;
        return false;
    }
    *out = arena_strndup(r->arena, v->as.string.text, v->as.string.len);
    return true;
}

static bool want_bool(struct reader *r, const struct hcl_item *item, bool *out) {
    const struct hcl_value *v = item->value;
    if (v->kind != HCL_BOOL) {
        diag_add(r->diags, RULE_RKT040, r->src, v->span, "`%s` must be true or false",
                 key_text(r, &item->keys[0]));
        r->ok = false;
        return false;
    }
    *out = v->as.boolean;
    return true;
}

static bool want_count(struct reader *r, const struct hcl_item *item, int64_t *out) {
    const struct hcl_value *v = item->value;
    int64_t n;
    const char *error = NULL;
    if (v->kind != HCL_NUMBER || !hcl_number_int(r->arena, v, &n, &error) || n < 0) {
        diag_add(r->diags, RULE_RKT040, r->src, v->span, "`%s` must be a whole number >= 0",
                 key_text(r, &item->keys[0]));
        r->ok = false;
        return false;
    }
    *out = n;
    return true;
}

static void read_reserved(struct reader *r, const struct hcl_item *item,
                          struct node_profile *node) {
    if (item->key_count != 1 || item->value->kind != HCL_OBJECT) {
        diag_add(r->diags, RULE_RKT040, r->src, hcl_item_span(item),
                 "expected `reserved { cpu = N  memory = N  reserved_ports = \"...\" }`");
        r->ok = false;
        return;
    }
    const struct hcl_object *body = &item->value->as.object;
    for (size_t i = 0; i < body->count; i++) {
        const struct hcl_item *it = body->items[i];
        const char *k = key_text(r, &it->keys[0]);
        if (strcmp(k, "cpu") == 0) {
            want_count(r, it, &node->reserved_cpu);
        } else if (strcmp(k, "memory") == 0) {
            want_count(r, it, &node->reserved_memory);
        } else if (strcmp(k, "reserved_ports") == 0) {
            const char *text, *error = NULL;
            if (!want_string(r, it, &text))
                continue;
            if (!node_parse_ports(r->arena, text, &node->reserved_ranges,
                                  &node->reserved_range_count, &error)) {
                diag_add(r->diags, RULE_RKT040, r->src, it->value->span, "%s", error);
                r->ok = false;
                continue;
            }
            node->reserved_ports = text;
        } else if (strcmp(k, "disk") == 0) {
            int64_t ignored;
            want_count(r, it, &ignored); /* Nomad's key; rktc does not place by disk */
        } else {
            diag_add(r->diags, RULE_RKT040, r->src, it->keys[0].span,
                     "unknown reserved key `%s` (expected cpu, memory, reserved_ports)", k);
            r->ok = false;
        }
    }
}

static void read_pairs(struct reader *r, const struct hcl_item *item, struct rkt_pairs *out) {
    const struct hcl_value *v = item->value;
    if (v->kind != HCL_OBJECT) {
        diag_add(r->diags, RULE_RKT040, r->src, v->span, "`%s` must be a block of strings",
                 key_text(r, &item->keys[0]));
        r->ok = false;
        return;
    }
    for (size_t i = 0; i < v->as.object.count; i++) {
        const struct hcl_item *it = v->as.object.items[i];
        const char *value;
        if (it->key_count != 1) {
            diag_add(r->diags, RULE_RKT040, r->src, hcl_item_span(it), "expected `\"name\" = \"value\"`");
            r->ok = false;
            continue;
        }
        if (it->value->kind == HCL_NUMBER || it->value->kind == HCL_FLOAT ||
            it->value->kind == HCL_BOOL) {
            const struct hcl_value *x = it->value;
            value = x->kind == HCL_BOOL ? (x->as.boolean ? "true" : "false")
                                        : arena_strndup(r->arena, x->as.number.text,
                                                        x->as.number.len);
        } else if (!want_string(r, it, &value)) {
            continue;
        }
        pairs_set(r->arena, out, key_text(r, &it->keys[0]), value, false);
    }
}

static void read_host_volume(struct reader *r, const struct hcl_item *item,
                             struct node_profile *node) {
    if (item->key_count != 2 || item->value->kind != HCL_OBJECT) {
        diag_add(r->diags, RULE_RKT040, r->src, hcl_item_span(item),
                 "expected `host_volume \"<name>\" { path = \"...\" }`");
        r->ok = false;
        return;
    }
    struct node_host_volume hv = {key_text(r, &item->keys[1]), "", false};
    const struct hcl_object *body = &item->value->as.object;
    for (size_t i = 0; i < body->count; i++) {
        const struct hcl_item *it = body->items[i];
        const char *k = key_text(r, &it->keys[0]);
        if (strcmp(k, "path") == 0)
            want_string(r, it, &hv.path);
        else if (strcmp(k, "read_only") == 0)
            want_bool(r, it, &hv.read_only);
        else {
            diag_add(r->diags, RULE_RKT040, r->src, it->keys[0].span,
                     "unknown host_volume key `%s` (expected path, read_only)", k);
            r->ok = false;
        }
    }
    for (size_t i = 0; i < node->host_volume_count; i++)
        if (strcmp(node->host_volumes[i].name, hv.name) == 0) {
            node->host_volumes[i] = hv;
            return;
        }
    node->host_volumes = arena_grow(r->arena, node->host_volumes, node->host_volume_count,
                                    node->host_volume_count + 1, sizeof hv);
    node->host_volumes[node->host_volume_count++] = hv;
}

static void read_ports(struct reader *r, const struct hcl_item *item, struct node_profile *node) {
    const struct hcl_value *v = item->value;
    int64_t range[2];
    if (v->kind != HCL_LIST || v->as.list.count != 2) {
        diag_add(r->diags, RULE_RKT040, r->src, v->span,
                 "`dynamic_ports` must be a list of two port numbers, [low, high]");
        r->ok = false;
        return;
    }
    for (int i = 0; i < 2; i++) {
        const struct hcl_value *e = v->as.list.elems[i];
        const char *error = NULL;
        if (e->kind != HCL_NUMBER || !hcl_number_int(r->arena, e, &range[i], &error) ||
            range[i] < 1 || range[i] > 65535) {
            diag_add(r->diags, RULE_RKT040, r->src, e->span, "not a port number (1-65535)");
            r->ok = false;
            return;
        }
    }
    if (range[0] > range[1]) {
        diag_add(r->diags, RULE_RKT040, r->src, v->span, "the dynamic port range is empty");
        r->ok = false;
        return;
    }
    node->dynamic_min = (int)range[0];
    node->dynamic_max = (int)range[1];
}

bool node_read(struct arena *arena, const struct hcl_file *file, struct node_profile *node,
               struct diag_list *diags) {
    struct reader r = {arena, file->src, diags, true};
    const struct hcl_object *root = &file->root->as.object;
    bool seen_node = false;
    /* a written attributes/meta block or host_volume replaces the defaults:
     * the profile describes the client's whole fingerprint */
    bool seen_attributes = false, seen_meta = false, seen_volume = false;
    for (size_t i = 0; i < root->count; i++) {
        const struct hcl_item *item = root->items[i];
        const char *k = key_text(&r, &item->keys[0]);
        if (strcmp(k, "node") != 0 || item->key_count != 1 ||
            item->value->kind != HCL_OBJECT) {
            diag_add(diags, RULE_RKT040, file->src, item->keys[0].span,
                     "a host profile holds one `node { ... }` block, not `%s`", k);
            r.ok = false;
            continue;
        }
        seen_node = true;
        const struct hcl_object *body = &item->value->as.object;
        for (size_t j = 0; j < body->count; j++) {
            const struct hcl_item *it = body->items[j];
            const char *key = key_text(&r, &it->keys[0]);
            if (strcmp(key, "host_volume") == 0) {
                if (!seen_volume)
                    node->host_volume_count = 0;
                seen_volume = true;
                read_host_volume(&r, it, node);
                continue;
            }
            if (strcmp(key, "reserved") == 0) {
                read_reserved(&r, it, node);
                continue;
            }
            if (it->key_count != 1) {
                diag_add(diags, RULE_RKT040, file->src, it->keys[1].span,
                         "`%s` takes no label", key);
                r.ok = false;
                continue;
            }
            if (strcmp(key, "name") == 0)
                want_string(&r, it, &node->name);
            else if (strcmp(key, "datacenter") == 0)
                want_string(&r, it, &node->datacenter);
            else if (strcmp(key, "region") == 0)
                want_string(&r, it, &node->region);
            else if (strcmp(key, "class") == 0 || strcmp(key, "node_class") == 0) /* Nomad's name */
                want_string(&r, it, &node->class_name);
            else if (strcmp(key, "address") == 0)
                want_string(&r, it, &node->address);
            else if (strcmp(key, "alloc_dir") == 0)
                want_string(&r, it, &node->alloc_dir);
            else if (strcmp(key, "rkt_path") == 0)
                want_string(&r, it, &node->rkt_path);
            else if (strcmp(key, "volumes_enabled") == 0)
                want_bool(&r, it, &node->volumes_enabled);
            else if (strcmp(key, "dynamic_ports") == 0)
                read_ports(&r, it, node);
            else if (strcmp(key, "cpu_total_compute") == 0)
                want_count(&r, it, &node->cpu_total_compute);
            else if (strcmp(key, "memory_total_mb") == 0)
                want_count(&r, it, &node->memory_total_mb);
            else if (strcmp(key, "attributes") == 0) {
                if (!seen_attributes)
                    node->attributes.count = 0;
                seen_attributes = true;
                read_pairs(&r, it, &node->attributes);
            } else if (strcmp(key, "meta") == 0) {
                if (!seen_meta)
                    node->meta.count = 0;
                seen_meta = true;
                read_pairs(&r, it, &node->meta);
            }
            else {
                diag_add(diags, RULE_RKT040, file->src, it->keys[0].span,
                         "unknown host profile key `%s`", key);
                r.ok = false;
            }
        }
    }
    if (!seen_node && root->count == 0)
        return r.ok;
    node->id = uuid_derive(arena, arena_printf(arena, "node:%s", node->name));
    add_fingerprint(arena, node);
    return r.ok;
}
