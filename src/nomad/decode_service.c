/* decode_service.c — service, check, check_restart and the Consul Connect
 * stanzas (Nomad 0.12.12 jobspec rules). */
#include "nomad/decode_internal.h"

#include "util/arena.h"

#include <string.h>

static struct nomad_check_restart *decode_check_restart(struct decode_ctx *c,
                                                        struct item_set s, bool *ok) {
    static const char *const keys[] = {"limit", "grace", "ignore_warnings", NULL};
    return simple_block(c, s, "check_restart", "only one `check_restart` block is allowed here",
                        keys, &nomad_schema_check_restart, true, ok);
}

static bool decode_header(struct decode_ctx *c, const struct gval_entry *e,
                          struct nomad_headers *out) {
    const struct gval *v = e->value;
    if (v->kind != GVAL_MAP_LIST) {
        decode_error(c, RULE_NMD012, entry_span(e),
                     "check `header` must be a block of `Name = [\"value\", ...]` entries");
        return false;
    }
    out->set = true;
    out->span = e->item ? hcl_item_span(e->item) : entry_span(e);
    for (size_t b = 0; b < v->as.list.count; b++) {
        const struct gval *m = v->as.list.elems[b];
        for (size_t i = 0; m->kind == GVAL_MAP && i < m->as.map.count; i++) {
            const struct gval_entry *h = &m->as.map.entries[i];
            if (h->value->kind != GVAL_LIST) {
                decode_error(c, RULE_NMD012, entry_span(h),
                             "check header \"%.*s\" must be a list of strings, e.g. [\"...\"]",
                             (int)h->key_len, h->key);
                return false;
            }
            size_t k = 0;
            while (k < out->count && !(out->entries[k].name.len == h->key_len &&
                                       memcmp(out->entries[k].name.text, h->key,
                                              h->key_len) == 0))
                k++;
            if (k == out->count) {
                out->entries = arena_grow(c->arena, out->entries, out->count,
                                          out->count + 1, sizeof *out->entries);
                memset(&out->entries[k], 0, sizeof out->entries[k]);
                out->entries[k].name = nomad_string_make(
                    c, h->key, h->key_len, h->item ? h->item->keys[0].span : entry_span(h));
                out->count++;
            }
            struct nomad_strings *vals = &out->entries[k].values;
            for (size_t j = 0; j < h->value->as.list.count; j++) {
                const struct gval *s = h->value->as.list.elems[j];
                if (s->kind != GVAL_STRING) {
                    decode_error(c, RULE_NMD012, gval_span(s, entry_span(h)),
                                 "check header \"%.*s\" must hold strings only",
                                 (int)h->key_len, h->key);
                    return false;
                }
                vals->items = arena_grow(c->arena, vals->items, vals->count,
                                         vals->count + 1, sizeof *vals->items);
                vals->items[vals->count++] = nomad_string_make(
                    c, s->as.string.text, s->as.string.len, gval_span(s, entry_span(h)));
            }
            vals->set = true;
            vals->span = entry_span(h);
        }
    }
    return true;
}

static bool decode_checks(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    static const char *const keys[] = {
        "name", "type", "interval", "timeout", "path", "protocol", "port", "command", "args",
        "initial_status", "tls_skip_verify", "header", "method", "check_restart",
        "address_mode", "grpc_service", "grpc_use_tls", "task", "success_before_passing",
        "failures_before_critical", "expose", NULL};
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        const struct hcl_object *body = item_body(c, it, "check");
        if (!body || !check_keys(c, body, keys, "check"))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        struct nomad_check *ck = arena_alloc(c->arena, sizeof *ck);
        ck->span = hcl_item_span(it);
        for (size_t k = 0; k < m->as.map.count; k++)
            if (m->as.map.entries[k].key_len == 6 &&
                memcmp(m->as.map.entries[k].key, "header", 6) == 0 &&
                !decode_header(c, &m->as.map.entries[k], &ck->header))
                return false;
        static const char *const skip[] = {"header", "check_restart", NULL};
        if (!decode_fields(c, m, &nomad_schema_check, ck, skip, true, false, "check"))
            return false;
        bool ok;
        ck->check_restart = decode_check_restart(c, body_filter(c, body, "check_restart"), &ok);
        if (!ok)
            return false;
        list_push(c, out, ck);
    }
    out->set = true;
    return true;
}

static struct nomad_proxy *decode_proxy(struct decode_ctx *c, const struct hcl_item *it) {
    static const char *const keys[] = {"local_service_address", "local_service_port",
                                       "upstreams", "expose", "config", NULL};
    static const char *const upstream_keys[] = {"destination_name", "local_bind_port", NULL};
    static const char *const expose_keys[] = {"path", NULL};
    static const char *const path_keys[] = {"path", "protocol", "local_path_port",
                                            "listener_port", NULL};
    const struct hcl_object *body = item_body(c, it, "proxy");
    if (!body || !check_keys(c, body, keys, "proxy"))
        return NULL;
    struct gval *m = decode_body(c, body);
    if (!m)
        return NULL;
    struct nomad_proxy *p = arena_alloc(c->arena, sizeof *p);
    p->span = hcl_item_span(it);
    static const char *const skip[] = {"upstreams", "expose", "config", NULL};
    if (!decode_fields(c, m, &nomad_schema_proxy, p, skip, true, false, "proxy"))
        return NULL;
    struct item_set ups = body_filter(c, body, "upstreams");
    for (size_t i = 0; i < ups.count; i++) {
        const struct hcl_object *ub = item_body(c, ups.items[i], "upstreams");
        if (!ub || !check_keys(c, ub, upstream_keys, "upstreams"))
            return NULL;
        struct gval *um = decode_body(c, ub);
        if (!um)
            return NULL;
        struct nomad_upstream *u = arena_alloc(c->arena, sizeof *u);
        u->span = hcl_item_span(ups.items[i]);
        if (!decode_fields(c, um, &nomad_schema_upstream, u, NULL, true, false, "upstreams"))
            return NULL;
        list_push(c, &p->upstreams, u);
    }
    struct item_set ex = body_filter(c, body, "expose");
    if (ex.count > 1) {
        decode_error(c, RULE_NMD004, ex.items[1]->keys[0].span,
                     "only one `expose` block is allowed in a proxy");
        return NULL;
    }
    if (ex.count == 1) {
        const struct hcl_object *eb = item_body(c, ex.items[0], "expose");
        if (!eb || !check_keys(c, eb, expose_keys, "expose"))
            return NULL;
        p->expose = arena_alloc(c->arena, sizeof *p->expose);
        p->expose->span = hcl_item_span(ex.items[0]);
        if (!decode_each_block(c, body_filter(c, eb, "path"), "path", "expose path", path_keys,
                               &nomad_schema_expose_path, true, false, &p->expose->paths))
            return NULL;
    }
    struct item_set cfg = body_filter(c, body, "config");
    if (cfg.count > 1) {
        decode_error(c, RULE_NMD004, cfg.items[1]->keys[0].span,
                     "only one `config` block is allowed in a proxy");
        return NULL;
    }
    if (cfg.count == 1) {
        const struct hcl_object *cb = item_body(c, cfg.items[0], "config");
        if (!cb)
            return NULL;
        struct gval *cm = decode_body(c, cb);
        if (!cm)
            return NULL;
        p->config.value = gval_keep(c, gval_flatten(c, cm));
        p->config.span = hcl_item_span(cfg.items[0]);
    }
    return p;
}

static struct nomad_gateway *decode_gateway(struct decode_ctx *c, const struct hcl_item *it) {
    static const char *const keys[] = {"proxy", "ingress", NULL};
    static const char *const proxy_keys[] = {
        "connect_timeout", "envoy_gateway_bind_tagged_addresses",
        "envoy_gateway_bind_addresses", "envoy_gateway_no_default_bind",
        "envoy_dns_discovery_type", "config", NULL};
    static const char *const ingress_keys[] = {"tls", "listener", NULL};
    static const char *const tls_keys[] = {"enabled", NULL};
    static const char *const listener_keys[] = {"port", "protocol", "service", NULL};
    static const char *const service_keys[] = {"name", "hosts", NULL};
    static const char *const bind_keys[] = {"address", "port", NULL};
    const struct hcl_object *body = item_body(c, it, "gateway");
    if (!body || !check_keys(c, body, keys, "gateway"))
        return NULL;
    struct nomad_gateway *g = arena_alloc(c->arena, sizeof *g);
    g->span = hcl_item_span(it);
    struct item_set px = body_filter(c, body, "proxy");
    if (px.count != 1) {
        decode_error(c, RULE_NMD011, px.count ? px.items[1]->keys[0].span : it->keys[0].span,
                     "a Connect `gateway` must have exactly one `proxy` block");
        return NULL;
    }
    const struct hcl_object *pb = item_body(c, px.items[0], "proxy");
    if (!pb || !check_keys(c, pb, proxy_keys, "gateway proxy"))
        return NULL;
    struct gval *pm = decode_body(c, pb);
    if (!pm)
        return NULL;
    g->proxy = arena_alloc(c->arena, sizeof *g->proxy);
    g->proxy->span = hcl_item_span(px.items[0]);
    static const char *const pskip[] = {"config", "envoy_gateway_bind_addresses", NULL};
    if (!decode_fields(c, pm, &nomad_schema_gateway_proxy, g->proxy, pskip, true, false,
                       "gateway proxy"))
        return NULL;
    struct item_set binds = body_filter(c, pb, "envoy_gateway_bind_addresses");
    for (size_t i = 0; i < binds.count; i++) {
        const struct hcl_item *bi = binds.items[i];
        if (item_labels(bi) == 0) {
            decode_error(c, RULE_NMD005, bi->keys[0].span,
                         "`envoy_gateway_bind_addresses` needs a label (the listener name)");
            return NULL;
        }
        const struct hcl_object *bb = item_body(c, bi, "envoy_gateway_bind_addresses");
        if (!bb)
            return NULL;
        struct gval *bm = decode_body(c, bb);
        if (!bm)
            return NULL;
        struct nomad_bind_address *ba = arena_alloc(c->arena, sizeof *ba);
        ba->span = hcl_item_span(bi);
        static const char *const skip_name[] = {"name", NULL};
        (void)bind_keys;
        if (!decode_fields(c, bm, &nomad_schema_bind_address, ba, skip_name, false, true,
                           "envoy_gateway_bind_addresses")) {
            /* Nomad 0.12 panics on a decode error here */
            return NULL;
        }
        ba->name = nomad_string_make(c, bi->keys[1].text, bi->keys[1].len, bi->keys[1].span);
        g->proxy->envoy_gateway_bind_addresses.set = true;
        size_t k = 0;
        struct nomad_list *l = &g->proxy->envoy_gateway_bind_addresses;
        while (k < l->count && strcmp(((struct nomad_bind_address *)l->items[k])->name.text,
                                      ba->name.text))
            k++;
        if (k < l->count)
            l->items[k] = ba;
        else
            list_push(c, l, ba);
    }
    struct item_set cfg = body_filter(c, pb, "config");
    if (cfg.count > 1) {
        decode_error(c, RULE_NMD004, cfg.items[1]->keys[0].span,
                     "only one `config` block is allowed in a gateway proxy");
        return NULL;
    }
    if (cfg.count == 1) {
        const struct hcl_object *cb = item_body(c, cfg.items[0], "config");
        if (!cb)
            return NULL;
        struct gval *cm = decode_body(c, cb);
        if (!cm)
            return NULL;
        g->proxy->config.value = gval_keep(c, gval_flatten(c, cm));
        g->proxy->config.span = hcl_item_span(cfg.items[0]);
    }
    struct item_set in = body_filter(c, body, "ingress");
    if (in.count != 1) {
        decode_error(c, RULE_NMD011, in.count ? in.items[1]->keys[0].span : it->keys[0].span,
                     "a Connect `gateway` must have exactly one `ingress` block");
        return NULL;
    }
    const struct hcl_object *ib = item_body(c, in.items[0], "ingress");
    if (!ib || !check_keys(c, ib, ingress_keys, "ingress"))
        return NULL;
    g->ingress = arena_alloc(c->arena, sizeof *g->ingress);
    g->ingress->span = hcl_item_span(in.items[0]);
    struct item_set tls = body_filter(c, ib, "tls");
    if (tls.count > 1) {
        decode_error(c, RULE_NMD004, tls.items[1]->keys[0].span,
                     "only one `tls` block is allowed in an ingress");
        return NULL;
    }
    if (tls.count == 1) {
        const struct hcl_object *tb = item_body(c, tls.items[0], "tls");
        if (!tb || !check_keys(c, tb, tls_keys, "tls"))
            return NULL;
        struct gval *tm = decode_body(c, tb);
        if (!tm)
            return NULL;
        g->ingress->tls = arena_alloc(c->arena, sizeof *g->ingress->tls);
        g->ingress->tls->span = hcl_item_span(tls.items[0]);
        if (!decode_fields(c, tm, &nomad_schema_gateway_tls, g->ingress->tls, NULL, false,
                           true, "tls"))
            return NULL;
    }
    struct item_set ls = body_filter(c, ib, "listener");
    for (size_t i = 0; i < ls.count; i++) {
        const struct hcl_object *lb = item_body(c, ls.items[i], "listener");
        if (!lb || !check_keys(c, lb, listener_keys, "listener"))
            return NULL;
        struct gval *lm = decode_body(c, lb);
        if (!lm)
            return NULL;
        struct nomad_ingress_listener *l = arena_alloc(c->arena, sizeof *l);
        l->span = hcl_item_span(ls.items[i]);
        static const char *const skip[] = {"service", NULL};
        if (!decode_fields(c, lm, &nomad_schema_ingress_listener, l, skip, false, true,
                           "listener"))
            return NULL;
        if (!decode_each_block(c, body_filter(c, lb, "service"), "service", "ingress service",
                               service_keys, &nomad_schema_ingress_service, false, true,
                               &l->services))
            return NULL;
        list_push(c, &g->ingress->listeners, l);
    }
    return g;
}

static const char *const sidecar_task_keys[] = {
    "driver", "user", "config", "env", "resources", "meta", "logs", "kill_timeout",
    "shutdown_delay", "kill_signal", "name", NULL};

static struct nomad_sidecar_task *decode_sidecar_task(struct decode_ctx *c,
                                                      const struct hcl_item *it) {
    struct nomad_task *t = decode_task_body(c, it, sidecar_task_keys, "sidecar_task");
    if (!t)
        return NULL;
    struct nomad_sidecar_task *st = arena_alloc(c->arena, sizeof *st);
    st->span = hcl_item_span(it);
    st->name = t->name;
    st->driver = t->driver;
    st->user = t->user;
    st->config = t->config;
    st->env = t->env;
    st->resources = t->resources;
    st->meta = t->meta;
    st->kill_timeout = t->kill_timeout;
    st->logs = t->logs;
    st->kill_signal = t->kill_signal;
    st->shutdown_delay = t->shutdown_delay; /* a pointer here: unset stays null */
    return st;
}

static struct nomad_connect *decode_connect(struct decode_ctx *c, const struct hcl_item *it) {
    static const char *const keys[] = {"native", "gateway", "sidecar_service",
                                       "sidecar_task", NULL};
    static const char *const sidecar_keys[] = {"port", "proxy", "tags", NULL};
    const struct hcl_object *body = item_body(c, it, "connect");
    if (!body || !check_keys(c, body, keys, "connect"))
        return NULL;
    struct gval *m = decode_body(c, body);
    if (!m)
        return NULL;
    struct nomad_connect *cn = arena_alloc(c->arena, sizeof *cn);
    cn->span = hcl_item_span(it);
    static const char *const skip[] = {"gateway", "sidecar_service", "sidecar_task", NULL};
    if (!decode_fields(c, m, &nomad_schema_connect, cn, skip, false, false, "connect"))
        return NULL;
    struct item_set gw = body_filter(c, body, "gateway");
    if (gw.count > 1) {
        decode_error(c, RULE_NMD004, gw.items[1]->keys[0].span,
                     "only one `gateway` block is allowed in connect");
        return NULL;
    }
    if (gw.count == 1 && !(cn->gateway = decode_gateway(c, gw.items[0])))
        return NULL;
    struct item_set ss = body_filter(c, body, "sidecar_service");
    struct item_set stask = body_filter(c, body, "sidecar_task");
    if (ss.count == 0) {
        if (stask.count > 0)
            decode_warning(c, RULE_NMD014, stask.items[0]->keys[0].span,
                           "Nomad 0.12 ignores `sidecar_task` when the connect block has no "
                           "`sidecar_service`");
        return cn;
    }
    if (ss.count > 1) {
        decode_error(c, RULE_NMD004, ss.items[1]->keys[0].span,
                     "only one `sidecar_service` block is allowed in connect");
        return NULL;
    }
    const struct hcl_object *sb = item_body(c, ss.items[0], "sidecar_service");
    if (!sb || !check_keys(c, sb, sidecar_keys, "sidecar_service"))
        return NULL;
    struct gval *sm = decode_body(c, sb);
    if (!sm)
        return NULL;
    cn->sidecar_service = arena_alloc(c->arena, sizeof *cn->sidecar_service);
    cn->sidecar_service->span = hcl_item_span(ss.items[0]);
    static const char *const sskip[] = {"proxy", NULL};
    if (!decode_fields(c, sm, &nomad_schema_sidecar_service, cn->sidecar_service, sskip, true,
                       false, "sidecar_service"))
        return NULL;
    struct item_set px = body_filter(c, sb, "proxy");
    if (px.count > 1) {
        decode_error(c, RULE_NMD004, px.items[1]->keys[0].span,
                     "only one `proxy` block is allowed in sidecar_service");
        return NULL;
    }
    if (px.count == 1 && !(cn->sidecar_service->proxy = decode_proxy(c, px.items[0])))
        return NULL;
    if (stask.count == 0)
        return cn;
    if (stask.count > 1) {
        decode_error(c, RULE_NMD004, stask.items[1]->keys[0].span,
                     "only one `sidecar_task` block is allowed in connect");
        return NULL;
    }
    if (!(cn->sidecar_task = decode_sidecar_task(c, stask.items[0])))
        return NULL;
    return cn;
}

static const char *const service_keys[] = {
    "name", "tags", "canary_tags", "enable_tag_override", "port", "check", "address_mode",
    "check_restart", "connect", "task", "meta", "canary_meta", NULL};

bool decode_services(struct decode_ctx *c, struct item_set s, struct nomad_list *out) {
    for (size_t i = 0; i < s.count; i++) {
        const struct hcl_item *it = s.items[i];
        const struct hcl_object *body = item_body(c, it, "service");
        if (!body || !check_keys(c, body, service_keys, "service"))
            return false;
        struct gval *m = decode_body(c, body);
        if (!m)
            return false;
        struct nomad_service *sv = arena_alloc(c->arena, sizeof *sv);
        sv->span = hcl_item_span(it);
        static const char *const skip[] = {"check", "check_restart", "connect", "meta",
                                           "canary_meta", NULL};
        if (!decode_fields(c, m, &nomad_schema_service, sv, skip, false, false, "service"))
            return false;
        struct item_set checks = body_filter(c, body, "check");
        if (checks.count > 0 && !decode_checks(c, checks, &sv->checks))
            return false;
        struct item_set cr = body_filter(c, body, "check_restart");
        bool ok;
        sv->check_restart = decode_check_restart(c, cr, &ok);
        if (!ok)
            return false;
        struct item_set cn = body_filter(c, body, "connect");
        if (cn.count > 1) {
            decode_error(c, RULE_NMD004, cn.items[1]->keys[0].span,
                         "only one `connect` block is allowed in a service");
            return false;
        }
        if (cn.count == 1 && !(sv->connect = decode_connect(c, cn.items[0])))
            return false;
        if (!decode_map_blocks(c, body_filter(c, body, "meta"), &sv->meta, "meta") ||
            !decode_map_blocks(c, body_filter(c, body, "canary_meta"), &sv->canary_meta,
                               "canary_meta"))
            return false;
        list_push(c, out, sv);
    }
    return true;
}
