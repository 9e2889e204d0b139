/* decode_resources.c — resources, network (ports, dns), device, logs, group
 * volumes and scaling (Nomad 0.12.12 jobspec rules). */
#include "nomad/decode_internal.h"

#include "util/arena.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static bool port_label_ok(const char *label, size_t len) {
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!(isalnum((unsigned char)label[i]) || label[i] == '_'))
            return false;
    return true;
}

static bool same_fold(const char *a, size_t alen, const char *b, size_t blen) {
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return false;
    return true;
}

static bool decode_ports(struct decode_ctx *c, const struct hcl_object *body,
                         struct nomad_network *nw) {
    static const char *const port_keys[] = {"static", "to", "host_network", NULL};
    struct item_set ports = body_filter(c, body, "port");
    for (size_t i = 0; i < ports.count; i++) {
        const struct hcl_item *it = ports.items[i];
        if (item_labels(it) == 0) {
            struct diag *d = decode_error(c, RULE_NMD005, it->keys[0].span,
                                          "`port` needs its label: ports must be named");
            if (d)
                diag_fix(d, "write `port \"http\" { ... }`");
            return false;
        }
        const struct hcl_key *label = &it->keys[1];
        if (!port_label_ok(label->text, label->len)) {
            decode_error(c, RULE_NMD009, label->span,
                         "port label \"%s\" is not allowed: use only letters, digits and "
                         "underscores ([a-zA-Z0-9_]+)", label->text);
            return false;
        }
        for (size_t p = 0; p < i; p++) {
            const struct hcl_key *prev = &ports.items[p]->keys[1];
            if (same_fold(prev->text, prev->len, label->text, label->len)) {
                struct diag *d = decode_error(c, RULE_NMD006, label->span,
                                              "port label \"%s\" collides with \"%s\" (port "
                                              "labels are compared ignoring case)",
                                              label->text, prev->text);
                if (d)
                    diag_note(d, prev->span, "first defined here");
                return false;
            }
        }
        const struct hcl_object *pb = item_body(c, it, "port");
        if (!pb || !check_keys(c, pb, port_keys, "port"))
            return false;
        struct gval *m = decode_body(c, pb);
        if (!m)
            return false;
        struct nomad_port *port = arena_alloc(c->arena, sizeof *port);
        port->span = hcl_item_span(it);
        if (!decode_fields(c, m, &nomad_schema_port, port, NULL, false, false, "port"))
            return false;
        port->label = nomad_string_make(c, label->text, label->len, label->span);
        if (port->value.value > 0)
            list_push(c, &nw->reserved_ports, port);
        else
            list_push(c, &nw->dynamic_ports, port);
    }
    return true;
}

bool decode_network(struct decode_ctx *c, struct item_set s, struct nomad_network **out) {
    static const char *const keys[] = {"mode", "mbits", "dns", "port", NULL};
    static const char *const dns_keys[] = {"servers", "searches", "options", NULL};
    if (s.count == 0)
        return true;
    if (s.count > 1) {
        struct diag *d = decode_error(c, RULE_NMD004, s.items[1]->keys[0].span,
                                      "only one `network` block is allowed here");
        if (d)
            diag_note(d, s.items[0]->keys[0].span, "first `network` block");
        return false;
    }
    const struct hcl_item *it = s.items[0];
    const struct hcl_object *body = item_body(c, it, "network");
    if (!body || !check_keys(c, body, keys, "network"))
        return false;
    struct gval *m = decode_body(c, body);
    if (!m)
        return false;
    struct nomad_network *nw = arena_alloc(c->arena, sizeof *nw);
    nw->span = hcl_item_span(it);
    static const char *const skip[] = {"dns", "port", NULL};
    if (!decode_fields(c, m, &nomad_schema_network, nw, skip, false, false, "network"))
        return false;
    if (!decode_ports(c, body, nw))
        return false;
    struct item_set dns = body_filter(c, body, "dns");
    if (dns.count > 1) {
        decode_error(c, RULE_NMD004, dns.items[1]->keys[0].span,
                     "only one `dns` block is allowed in a network");
        return false;
    }
    if (dns.count == 1) {
        const struct hcl_object *db = item_body(c, dns.items[0], "dns");
        if (!db || !check_keys(c, db, dns_keys, "dns"))
            return false;
        struct gval *dm = decode_body(c, db);
        if (!dm)
            return false;
        nw->dns = arena_alloc(c->arena, sizeof *nw->dns);
        nw->dns->span = hcl_item_span(dns.items[0]);
        if (!decode_fields(c, dm, &nomad_schema_dns, nw->dns, NULL, false, false, "dns"))
            return false;
    }
    *out = nw;
    return true;
}

static bool decode_devices(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    static const char *const keys[] = {"name", "count", "affinity", "constraint", NULL};
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        if (item_labels(it) != 1) {
            struct diag *d = decode_error(
                c, RULE_NMD005, item_labels(it) ? it->keys[2].span : it->keys[0].span,
                item_labels(it) == 0 ? "`device` needs the device name as its label"
                                     : "`device` takes only one label (the device name)");
            if (d)
                diag_fix(d, "write `device \"nvidia/gpu\" { ... }`");
            return false;
        }
        const struct hcl_object *body = item_body(c, it, "device");
        if (!body || !check_keys(c, body, keys, "device"))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        struct nomad_device *dev = arena_alloc(c->arena, sizeof *dev);
        dev->span = hcl_item_span(it);
        dev->name = nomad_string_make(c, it->keys[1].text, it->keys[1].len, it->keys[1].span);
        static const char *const skip[] = {"constraint", "affinity", NULL};
        if (!decode_fields(c, m, &nomad_schema_device, dev, skip, false, false, "device"))
            return false;
        if (!decode_constraints(c, body_filter(c, body, "constraint"), &dev->constraints) ||
            !decode_affinities(c, body_filter(c, body, "affinity"), &dev->affinities))
            return false;
        list_push(c, out, dev);
    }
    return true;
}

bool decode_resources(struct decode_ctx *c, struct item_set s, struct nomad_resources **out) {
    static const char *const keys[] = {"cpu", "iops", "disk", "memory", "network", "device",
                                       NULL};
    if (s.count == 0)
        return true;
    struct nomad_resources *r = arena_alloc(c->arena, sizeof *r);
    r->span = hcl_item_span(s.items[0]);
    *out = r;
    struct item_set plain = items_plain(c, s);
    if (plain.count > 1) {
        struct diag *d = decode_error(c, RULE_NMD004, plain.items[1]->keys[0].span,
                                      "only one `resources` block is allowed per task");
        if (d)
            diag_note(d, plain.items[0]->keys[0].span, "first `resources` block");
        return false;
    }
    for (size_t i = 0; i < s.count; i++)
        if (item_labels(s.items[i]) > 0)
            decode_warning(c, RULE_NMD014, s.items[i]->keys[1].span,
                           "Nomad ignores this labelled `resources` block: `resources` takes "
                           "no label");
    if (plain.count == 0)
        return true;
    const struct hcl_item *it = plain.items[0];
    r->span = hcl_item_span(it);
    const struct hcl_object *body = item_body(c, it, "resources");
    if (!body || !check_keys(c, body, keys, "resources"))
        return false;
    struct gval *m = decode_body(c, body);
    if (!m)
        return false;
    static const char *const skip[] = {"network", "device", NULL};
    if (!decode_fields(c, m, &nomad_schema_resources, r, skip, false, false, "resources"))
        return false;
    struct nomad_network *nw = NULL;
    if (!decode_network(c, body_filter(c, body, "network"), &nw))
        return false;
    if (nw)
        list_push(c, &r->networks, nw);
    return decode_devices(c, body_filter(c, body, "device"), &r->devices);
}

struct nomad_logs *decode_logs(struct decode_ctx *c, struct item_set s, bool *ok) {
    static const char *const keys[] = {"max_files", "max_file_size", NULL};
    *ok = true;
    if (s.count == 0)
        return NULL;
    *ok = false;
    if (s.count > 1) {
        struct diag *d = decode_error(c, RULE_NMD004, s.items[1]->keys[0].span,
                                      "only one `logs` block is allowed in a task (found "
                                      "%zu)", s.count);
        if (d)
            diag_note(d, s.items[0]->keys[0].span, "first `logs` block");
        return NULL;
    }
    const struct hcl_object *body = item_body(c, s.items[0], "logs");
    if (!body || !check_keys(c, body, keys, "logs"))
        return NULL;
    struct gval *m = decode_body(c, body);
    if (!m)
        return NULL;
    struct nomad_logs *logs = arena_alloc(c->arena, sizeof *logs);
    logs->span = hcl_item_span(s.items[0]);
    if (!decode_fields(c, m, &nomad_schema_logs, logs, NULL, false, false, "logs"))
        return NULL;
    *ok = true;
    return logs;
}

/* HCL's strict decoder (hcl.DecodeObject into a struct), used by Nomad for
 * group volumes: strings from strings or integers, bools from bools only. */
static bool strict_string(const struct hcl_value *v) {
    return v->kind == HCL_STRING || v->kind == HCL_HEREDOC || v->kind == HCL_NUMBER;
}

static bool volume_field(struct decode_ctx *c, const struct hcl_item *it,
                         struct nomad_string *out, const char **why) {
    const struct hcl_value *v = it->value;
    if (!strict_string(v)) {
        *why = "expects a string";
        return false;
    }
    if (v->kind == HCL_NUMBER) {
        int64_t n;
        const char *err;
        if (!hcl_number_int(c->arena, v, &n, &err)) {
            *why = err;
            return false;
        }
        const char *text = arena_printf(c->arena, "%lld", (long long)n);
        *out = nomad_string_make(c, text, strlen(text), v->span);
    } else {
        *out = nomad_string_make(c, v->as.string.text, v->as.string.len, v->span);
    }
    return true;
}

static bool decode_volume(struct decode_ctx *c, const struct hcl_item *it,
                          struct nomad_volume *vol, const char **why,
                          const struct hcl_item **bad, bool *unexpected) {
    const struct hcl_object *body = &it->value->as.object;
    for (size_t i = 0; i < body->count; i++) {
        const struct hcl_item *f = body->items[i];
        const char *key = f->keys[0].text;
        *bad = f;
        if (strcasecmp(key, "type") == 0) {
            if (!volume_field(c, f, &vol->type, why))
                return false;
        } else if (strcasecmp(key, "source") == 0) {
            if (!volume_field(c, f, &vol->source, why))
                return false;
        } else if (strcasecmp(key, "read_only") == 0) {
            if (f->value->kind != HCL_BOOL) {
                *why = "expects true or false";
                return false;
            }
            vol->read_only.value = f->value->as.boolean;
            vol->read_only.set = true;
            vol->read_only.span = f->value->span;
        } else if (strcasecmp(key, "mount_options") == 0) {
            if (f->value->kind != HCL_OBJECT) {
                *why = "expects a block";
                return false;
            }
            struct nomad_mount_options *mo = arena_alloc(c->arena, sizeof *mo);
            mo->span = hcl_item_span(f);
            const struct hcl_object *mb = &f->value->as.object;
            for (size_t j = 0; j < mb->count; j++) {
                const struct hcl_item *g = mb->items[j];
                *bad = g;
                if (strcasecmp(g->keys[0].text, "fs_type") == 0) {
                    if (!volume_field(c, g, &mo->fs_type, why))
                        return false;
                } else if (strcasecmp(g->keys[0].text, "mount_flags") == 0) {
                    const struct hcl_value *lv = g->value;
                    if (lv->kind != HCL_LIST) {
                        *why = "expects a list of strings";
                        return false;
                    }
                    mo->mount_flags.items = arena_array(c->arena, lv->as.list.count + 1,
                                                        sizeof *mo->mount_flags.items);
                    for (size_t k = 0; k < lv->as.list.count; k++) {
                        const struct hcl_value *e = lv->as.list.elems[k];
                        if (!strict_string(e) || e->kind == HCL_NUMBER) {
                            *why = "expects a list of strings";
                            return false;
                        }
                        mo->mount_flags.items[k] =
                            nomad_string_make(c, e->as.string.text, e->as.string.len, e->span);
                    }
                    mo->mount_flags.count = lv->as.list.count;
                    mo->mount_flags.set = true;
                    mo->mount_flags.span = lv->span;
                } else {
                    *unexpected = true;
                    *why = arena_printf(c->arena, "unexpected key `%s` in mount_options",
                                        g->keys[0].text);
                    return false;
                }
            }
            vol->mount_options = mo;
        } else if (strcasecmp(key, "name") != 0) {
            *unexpected = true;
            *why = arena_printf(c->arena, "unexpected key `%s` in volume", key);
            return false;
        }
    }
    return true;
}

bool decode_volumes(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    struct nomad_list result = {0};
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        if (item_labels(it) == 0 || !it->value || it->value->kind != HCL_OBJECT) {
            decode_warning(c, RULE_NMD017, hcl_item_span(it),
                           "Nomad drops every volume of this group: a `volume` block needs "
                           "a label (the volume name) and a body");
            return true;
        }
        struct nomad_volume *vol = arena_alloc(c->arena, sizeof *vol);
        vol->span = hcl_item_span(it);
        vol->name = nomad_string_make(c, it->keys[1].text, it->keys[1].len, it->keys[1].span);
        const char *why = NULL;
        const struct hcl_item *bad = it;
        bool unexpected = false;
        if (!decode_volume(c, it, vol, &why, &bad, &unexpected)) {
            if (unexpected) {
                decode_error(c, RULE_NMD001, bad->keys[0].span,
                             "%s (volume accepts: type, source, read_only, mount_options; "
                             "mount_options accepts: fs_type, mount_flags)", why);
                return false;
            }
            decode_warning(c, RULE_NMD017, bad->value ? bad->value->span : hcl_item_span(bad),
                           "`%s` %s; Nomad then silently drops every volume of this group",
                           bad->keys[0].text, why);
            return true;
        }
        size_t k = 0;
        while (k < result.count &&
               strcmp(((struct nomad_volume *)result.items[k])->name.text, vol->name.text))
            k++;
        if (k < result.count)
            result.items[k] = vol;
        else
            list_push(c, &result, vol);
    }
    *out = result;
    return true;
}

bool decode_scaling(struct decode_ctx *c, struct item_set s, struct nomad_scaling **out) {
    static const char *const keys[] = {"min", "max", "policy", "enabled", NULL};
    bool ok;
    const struct hcl_item *it = single_block(c, s, "scaling",
                                             "only one `scaling` block is allowed", &ok);
    if (!it)
        return ok;
    const struct hcl_object *body = item_body(c, it, "scaling");
    if (!body || !check_keys(c, body, keys, "scaling"))
        return false;
    struct gval *m = decode_body(c, body);
    if (!m)
        return false;
    struct nomad_scaling *sc = arena_alloc(c->arena, sizeof *sc);
    sc->span = hcl_item_span(it);
    static const char *const skip[] = {"policy", NULL};
    if (!decode_fields(c, m, &nomad_schema_scaling, sc, skip, false, false, "scaling"))
        return false;
    if (!sc->max.set) {
        struct diag *d = decode_error(c, RULE_NMD011, it->keys[0].span,
                                      "`scaling` needs `max`, the largest count allowed");
        if (d)
            diag_fix(d, "add `max = <count>`");
        return false;
    }
    struct item_set policy = body_filter(c, body, "policy");
    if (policy.count > 0) {
        struct item_set plain = items_plain(c, policy);
        if (plain.count > 1) {
            decode_error(c, RULE_NMD004, plain.items[1]->keys[0].span,
                         "only one `policy` block is allowed per `scaling` block");
            return false;
        }
        if (plain.count == 0) {
            decode_error(c, RULE_NMD008, policy.items[0]->keys[1].span,
                         "`policy` takes no label; Nomad 0.12 crashes on a labelled "
                         "`policy` block given alone");
            return false;
        }
        const struct hcl_object *pb = item_body(c, plain.items[0], "policy");
        if (!pb)
            return false;
        struct gval *pm = decode_body(c, pb);
        if (!pm)
            return false;
        sc->policy.value = gval_keep(c, pm);
        sc->policy.span = hcl_item_span(plain.items[0]);
    }
    *out = sc;
    return true;
}
