/* inventory.c — the migration inventory of a job (see inventory.h). */
#include "migrate/inventory.h"

#include "rkt/config.h"
#include "rkt/imageref.h"
#include "util/arena.h"
#include "util/buf.h"

#include <ctype.h>
#include <string.h>

struct walker {
    struct arena *arena;
    struct mig_task *task;
    size_t cap;
};

static void use(struct walker *w, const char *case_id, const char *option, const char *value,
                struct span span) {
    const struct mig_case *c = mig_case_find(case_id);
    if (!c)
        return;
    struct mig_task *t = w->task;
    if (t->use_count == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        t->uses = arena_grow(w->arena, t->uses, t->use_count, cap, sizeof *t->uses);
        w->cap = cap;
    }
    struct mig_use *u = &t->uses[t->use_count++];
    u->c = c;
    u->option = option;
    u->value = value;
    u->span = span;
    for (int d = 0; d < MIG_DEST_COUNT; d++)
        if (c->fate[d].verdict > t->verdict[d])
            t->verdict[d] = c->fate[d].verdict;
}

/* a use of a default: the option or feature is not written in the job */
static void use_default(struct walker *w, const char *case_id, const char *option,
                        const char *value, struct span span) {
    size_t before = w->task->use_count;
    use(w, case_id, option, value, span);
    if (w->task->use_count > before)
        w->task->uses[before].implicit = true;
}

static bool all_digits(const char *s) {
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

bool mig_docker_port_name(const char *name, const char **digits_end) {
    const char *p = name;
    while (isdigit((unsigned char)*p))
        p++;
    if (p == name || p - name > 5 || *p != '-')
        return false;
    if (strcmp(p + 1, "tcp") != 0 && strcmp(p + 1, "udp") != 0)
        return false;
    if (digits_end)
        *digits_end = p;
    return true;
}

static const char *show(struct walker *w, const struct cfg_node *n) {
    return cfg_show(w->arena, n);
}

/* the docker reference part of an image (after docker:// or docker:) */
static const char *docker_ref(const char *image) {
    if (strncmp(image, "docker://", 9) == 0)
        return image + 9;
    if (strncmp(image, "docker:", 7) == 0)
        return image + 7;
    return NULL;
}

static bool untagged_or_latest(const char *ref) {
    const char *slash = strrchr(ref, '/');
    const char *last = slash ? slash + 1 : ref;
    const char *colon = strchr(last, ':');
    return !colon || strcmp(colon + 1, "latest") == 0;
}

static void image_use(struct walker *w, const struct cfg_entry *e) {
    const struct cfg_node *v = e->value;
    const char *shown = show(w, v);
    if (v->kind != CFG_STRING) {
        use(w, "image.unparsed", "image", shown, e->span);
        return;
    }
    if (strstr(v->text, "{{"))
        use(w, "image.placeholder", "image", shown, e->span);
    struct image_ref ref = image_classify(w->arena, v->text);
    if (ref.error) {
        use(w, "image.unparsed", "image", shown, e->span);
        return;
    }
    switch (ref.kind) {
    case IMAGE_DOCKER: {
        const char *ref_text = docker_ref(v->text);
        use(w, "image.docker", "image", shown, e->span);
        if (ref_text && untagged_or_latest(ref_text))
            use(w, "image.docker-latest", "image", shown, e->span);
        break;
    }
    case IMAGE_APPC_NAME:
        use(w, "image.appc-name", "image", shown, e->span);
        break;
    case IMAGE_FILE:
    case IMAGE_URL:
        use(w, "image.aci-url", "image", shown, e->span);
        break;
    case IMAGE_HASH:
        use(w, "image.hash", "image", shown, e->span);
        break;
    default:
        use(w, "image.unparsed", "image", shown, e->span);
        break;
    }
}

static const char *insecure_case(const char *value) {
    static const char *const fetch[] = {"image", "tls", "http", "pubkey", "ondisk",
                                        "all-fetch", NULL};
    for (size_t i = 0; fetch[i]; i++)
        if (strcmp(value, fetch[i]) == 0)
            return "insecure_options.fetch";
    if (strcmp(value, "capabilities") == 0)
        return "insecure_options.capabilities";
    if (strcmp(value, "seccomp") == 0)
        return "insecure_options.seccomp";
    if (strcmp(value, "paths") == 0)
        return "insecure_options.paths";
    if (strcmp(value, "all-run") == 0 || strcmp(value, "all") == 0)
        return "insecure_options.all-run";
    return "insecure_options.unknown";
}

/* the elements of a list value (a lone scalar counts as one element) */
static size_t elements(const struct cfg_node *v, const struct cfg_node *const **out) {
    if (v->kind == CFG_LIST) {
        *out = (const struct cfg_node *const *)v->elems;
        return v->count;
    }
    *out = NULL;
    return 0;
}

static void list_uses(struct walker *w, const struct cfg_entry *e) {
    const struct cfg_node *const *el;
    size_t n = elements(e->value, &el);
    const char *key = e->key;
    if (strcmp(key, "insecure_options") == 0) {
        for (size_t i = 0; i < n; i++) {
            const char *text = el[i]->kind == CFG_STRING ? el[i]->text : "";
            /* rkt splits one flag value on commas */
            const char *p = text;
            do {
                const char *comma = strchr(p, ',');
                size_t len = comma ? (size_t)(comma - p) : strlen(p);
                const char *one = arena_strndup(w->arena, p, len);
                use(w, insecure_case(one), "insecure_options", show(w, el[i]), el[i]->span);
                if (strcmp(one, "all") == 0)
                    use(w, "insecure_options.fetch", "insecure_options", show(w, el[i]),
                        el[i]->span);
                p = comma ? comma + 1 : NULL;
            } while (p);
        }
        if (n == 0 && e->value->kind != CFG_LIST)
            use(w, "insecure_options.unknown", "insecure_options", show(w, e->value), e->span);
    } else if (strcmp(key, "dns_servers") == 0) {
        bool host = false, none = false;
        for (size_t i = 0; i < n; i++) {
            if (el[i]->kind == CFG_STRING && strcmp(el[i]->text, "host") == 0)
                host = true;
            if (el[i]->kind == CFG_STRING && strcmp(el[i]->text, "none") == 0)
                none = true;
        }
        use(w, host ? "dns_servers.host" : none ? "dns_servers.none" : "dns_servers.ips",
            "dns_servers", show(w, e->value), e->span);
    } else if (strcmp(key, "dns_search_domains") == 0) {
        use(w, "dns_search_domains", key, show(w, e->value), e->span);
    } else if (strcmp(key, "net") == 0) {
        const char *id = "net.several";
        if (n == 1 && el[0]->kind == CFG_STRING) {
            const char *v = el[0]->text;
            if (strcmp(v, "default") == 0)
                id = "net.default";
            else if (strcmp(v, "host") == 0)
                id = "net.host";
            else if (strcmp(v, "none") == 0)
                id = "net.none";
            else if (strcmp(v, "default-restricted") == 0 || strcmp(v, "all") == 0)
                id = "net.several";
            else if (strchr(v, ':'))
                id = "net.cni-ip";
            else
                id = "net.cni";
        } else if (n == 0) {
            id = "net.default";
        }
        use(w, id, "net", show(w, e->value), e->span);
    } else if (strcmp(key, "volumes") == 0) {
        for (size_t i = 0; i < n; i++) {
            const char *option = arena_printf(w->arena, "volumes[%zu]", i);
            const char *text = el[i]->kind == CFG_STRING ? el[i]->text : "";
            const char *c1 = strchr(text, ':');
            const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
            if (!c1 || c1 == text || c1[1] == '\0' || c1[1] == ':') {
                use(w, "volumes.malformed", option, show(w, el[i]), el[i]->span);
                continue;
            }
            if (text[0] != '/')
                use(w, "volumes.relative", option, show(w, el[i]), el[i]->span);
            if (!c2)
                use(w, "volumes.rw", option, show(w, el[i]), el[i]->span);
            else if (strcmp(c2 + 1, "readOnly") == 0)
                use(w, "volumes.readonly", option, show(w, el[i]), el[i]->span);
            else
                use(w, "volumes.other-mode", option, show(w, el[i]), el[i]->span);
        }
    }
}

static void port_map_entry(struct walker *w, const struct cfg_entry *pe, bool host_net) {
    const struct cfg_node *v = pe->value;
    const char *option = arena_printf(w->arena, "port_map.%s", pe->key);
    const char *text = v->kind == CFG_STRING || v->kind == CFG_NUMBER ? v->text : "";
    const char *id = "port_map.appc-name";
    if (host_net)
        id = "port_map.host-net";
    else if (mig_docker_port_name(text, NULL))
        id = "port_map.docker-name";
    else if (all_digits(text))
        id = "port_map.number";
    use(w, id, option, show(w, v), pe->span);
}

/* net = ["host"]: rkt emits no --port and ignores port_map (docs/rkt-driver.md §11) */
static bool host_network(const struct cfg_node *cfg) {
    const struct cfg_entry *net = cfg_get(cfg, "net");
    return net && net->value->kind == CFG_LIST && net->value->count == 1 &&
           net->value->elems[0]->kind == CFG_STRING &&
           strcmp(net->value->elems[0]->text, "host") == 0;
}

static void port_map_uses(struct walker *w, const struct cfg_entry *e, bool host_net) {
    const struct cfg_node *v = e->value;
    if (v->kind == CFG_MAP) {
        for (size_t i = 0; i < v->count; i++)
            port_map_entry(w, &v->entries[i], host_net);
    } else if (v->kind == CFG_LIST) {
        for (size_t i = 0; i < v->count; i++)
            if (v->elems[i]->kind == CFG_MAP)
                for (size_t k = 0; k < v->elems[i]->count; k++)
                    port_map_entry(w, &v->elems[i]->entries[k], host_net);
    }
}

static bool known_key(const char *key) {
    for (size_t i = 0; rkt_config_keys[i]; i++)
        if (strcmp(rkt_config_keys[i], key) == 0)
            return true;
    return false;
}

static bool has_interpolation(const struct cfg_node *n) {
    if (n->kind == CFG_STRING)
        return strstr(n->text, "${") != NULL;
    for (size_t i = 0; n->kind == CFG_LIST && i < n->count; i++)
        if (has_interpolation(n->elems[i]))
            return true;
    for (size_t i = 0; n->kind == CFG_MAP && i < n->count; i++)
        if (has_interpolation(n->entries[i].value))
            return true;
    return false;
}

static bool mentions_rkt(const struct nomad_list *constraints) {
    for (size_t i = 0; i < constraints->count; i++) {
        const struct nomad_constraint *c = constraints->items[i];
        if ((c->ltarget.set && strstr(c->ltarget.text, "driver.rkt")) ||
            (c->rtarget.set && strstr(c->rtarget.text, "driver.rkt")))
            return true;
    }
    return false;
}

static const struct nomad_constraint *rkt_constraint(const struct nomad_list *constraints) {
    for (size_t i = 0; i < constraints->count; i++) {
        const struct nomad_constraint *c = constraints->items[i];
        if ((c->ltarget.set && strstr(c->ltarget.text, "driver.rkt")) ||
            (c->rtarget.set && strstr(c->rtarget.text, "driver.rkt")))
            return c;
    }
    return NULL;
}

static void config_uses(struct walker *w, const struct nomad_task *task,
                        const struct cfg_node *cfg) {
    const struct cfg_entry *image = cfg_get(cfg, "image");
    const struct cfg_entry *command = cfg_get(cfg, "command");
    if (image)
        image_use(w, image);
    for (size_t i = 0; cfg && i < cfg->count; i++) {
        const struct cfg_entry *e = &cfg->entries[i];
        const char *key = e->key;
        if (!known_key(key)) {
            use(w, "config.unknown-key", key, show(w, e->value), e->span);
        } else if (strcmp(key, "command") == 0) {
            use(w, "command", key, show(w, e->value), e->span);
        } else if (strcmp(key, "args") == 0) {
            use(w, command ? "args.with-command" : "args.without-command", key,
                show(w, e->value), e->span);
        } else if (strcmp(key, "trust_prefix") == 0) {
            use(w, "trust_prefix", key, show(w, e->value), e->span);
        } else if (strcmp(key, "port_map") == 0) {
            port_map_uses(w, e, host_network(cfg));
        } else if (strcmp(key, "no_overlay") == 0) {
            use(w, "no_overlay", key, show(w, e->value), e->span);
        } else if (strcmp(key, "debug") == 0) {
            use(w, "debug", key, show(w, e->value), e->span);
        } else if (strcmp(key, "group") == 0) {
            const char *g = e->value->kind == CFG_STRING ? e->value->text : "";
            use(w, g[0] == '/' ? "group.path"
                   : task->user.set && task->user.len ? "group.with-user"
                                                      : "group.without-user",
                key, show(w, e->value), e->span);
        } else if (strcmp(key, "image") != 0) {
            list_uses(w, e);
        }
    }
    if (!cfg_get(cfg, "net"))
        use_default(w, "net.default", "net", "(not set)", task->driver.span);
    for (size_t i = 0; cfg && i < cfg->count; i++)
        if (has_interpolation(cfg->entries[i].value))
            use(w, "interpolation", cfg->entries[i].key, show(w, cfg->entries[i].value),
                cfg->entries[i].span);
}

/* the labels of the task's first network */
static void port_uses(struct walker *w, const struct nomad_task *task,
                      const struct cfg_node *cfg) {
    const struct nomad_resources *r = task->resources;
    if (!r || r->networks.count == 0)
        return;
    const struct nomad_network *net = r->networks.items[0];
    const struct nomad_list *kinds[2] = {&net->reserved_ports, &net->dynamic_ports};
    bool host = host_network(cfg);
    const struct cfg_entry *pm = cfg_get(cfg, "port_map");
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < kinds[k]->count; i++) {
            const struct nomad_port *p = kinds[k]->items[i];
            const char *label = p->label.set ? p->label.text : "";
            const char *value = p->value.set && p->value.value
                                    ? arena_printf(w->arena, "%s (static %lld)", label,
                                                   (long long)p->value.value)
                                    : arena_printf(w->arena, "%s (dynamic)", label);
            use(w, "resources.ports", arena_printf(w->arena, "port %s", label), value, p->span);
            if (host || !pm)
                continue;
            /* the label's port_map value (the last one written wins) */
            const struct cfg_entry *pe = NULL;
            const struct cfg_node *v = pm->value;
            if (v->kind == CFG_MAP && cfg_get(v, label))
                pe = cfg_get(v, label);
            for (size_t j = 0; v->kind == CFG_LIST && j < v->count; j++)
                if (cfg_get(v->elems[j], label))
                    pe = cfg_get(v->elems[j], label);
            const char *name = pe && (pe->value->kind == CFG_STRING ||
                                      pe->value->kind == CFG_NUMBER)
                                   ? pe->value->text
                                   : "";
            /* an appc port name gets no number in the rewrite (a blocker) */
            bool mapped = mig_docker_port_name(name, NULL) || all_digits(name);
            if (mapped)
                use(w, "env.nomad_port", arena_printf(w->arena, "NOMAD_PORT_%s", label),
                    "mapped by port_map", p->span);
        }
}

static struct span or_span(struct span s, struct span fallback) {
    return s.end > s.start ? s : fallback;
}

static void feature_uses(struct walker *w, const struct nomad_job *job,
                         const struct nomad_group *group, const struct nomad_task *task) {
    struct span at = task->span;
    if (task->user.set && task->user.len)
        use(w, "task.user", "user", arena_printf(w->arena, "\"%s\"", task->user.text),
            task->user.span);
    const struct nomad_resources *r = task->resources;
    if (r && r->cpu.set)
        use(w, "resources.cpu", "resources.cpu", arena_printf(w->arena, "%lld",
                                                              (long long)r->cpu.value),
            r->cpu.span);
    else
        use_default(w, "resources.cpu", "resources.cpu", "100 (default)", r ? r->span : at);
    if (r && r->memory.set)
        use(w, "resources.memory", "resources.memory",
            arena_printf(w->arena, "%lld", (long long)r->memory.value), r->memory.span);
    else
        use_default(w, "resources.memory", "resources.memory", "300 (default)", r ? r->span : at);
    if (task->volume_mounts.count)
        use(w, "volume_mount", "volume_mount",
            arena_printf(w->arena, "%zu mount(s)", (size_t)task->volume_mounts.count),
            ((const struct nomad_volume_mount *)task->volume_mounts.items[0])->span);
    if (r && r->devices.count)
        use(w, "devices", "device", arena_printf(w->arena, "%zu device(s)", (size_t)r->devices.count),
            ((const struct nomad_device *)r->devices.items[0])->span);
    if (task->kill_signal.set && task->kill_signal.len)
        use(w, "kill_signal", "kill_signal", arena_printf(w->arena, "\"%s\"",
                                                          task->kill_signal.text),
            task->kill_signal.span);
    size_t services = task->services.count + group->services.count;
    if (services) {
        const struct nomad_service *s = task->services.count ? task->services.items[0]
                                                             : group->services.items[0];
        use(w, "services", "service", arena_printf(w->arena, "%zu service(s)", services),
            s->span);
    }
    if (task->templates.count || task->artifacts.count || (task->vault && !task->vault_inherited))
        use(w, "templates-artifacts-vault", "template/artifact/vault",
            arena_printf(w->arena, "%zu template(s), %zu artifact(s)%s",
                         (size_t)task->templates.count, (size_t)task->artifacts.count, task->vault ? ", vault" : ""),
            task->templates.count    ? ((const struct nomad_template *)
                                            task->templates.items[0])->span
            : task->artifacts.count ? ((const struct nomad_artifact *)
                                            task->artifacts.items[0])->span
                                    : task->vault->span);
    const struct nomad_list *lists[3] = {&task->constraints, &group->constraints,
                                         &job->constraints};
    for (int i = 0; i < 3; i++)
        if (mentions_rkt(lists[i])) {
            const struct nomad_constraint *c = rkt_constraint(lists[i]);
            use(w, "constraint.rkt", "constraint",
                arena_printf(w->arena, "%s %s %s", c->ltarget.set ? c->ltarget.text : "",
                             c->operand.set ? c->operand.text : "=",
                             c->rtarget.set ? c->rtarget.text : ""),
                c->span);
        }
    if (group->networks.count) {
        const struct nomad_network *n = group->networks.items[0];
        use(w, "group.network", "group network",
            n->mode.set ? arena_printf(w->arena, "mode = \"%s\"", n->mode.text) : "(host mode)",
            n->span);
    }
    struct buf which;
    buf_init(&which);
    struct span first = {0, 0};
    const struct span spans[] = {
        job->update ? job->update->span : first,
        group->update ? group->update->span : first,
        job->migrate ? job->migrate->span : first,
        group->migrate ? group->migrate->span : first,
        job->reschedule ? job->reschedule->span : first,
        group->reschedule ? group->reschedule->span : first,
    };
    const char *const names[] = {"update", "update", "migrate", "migrate", "reschedule",
                                 "reschedule"};
    for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++)
        if (spans[i].end > spans[i].start) {
            if (!strstr(which.data ? which.data : "", names[i]))
                buf_printf(&which, "%s%s", which.len ? ", " : "", names[i]);
            if (first.end == 0)
                first = spans[i];
        }
    const struct nomad_list *prefs[] = {&job->affinities, &group->affinities,
                                        &task->affinities, &job->spreads, &group->spreads};
    for (size_t i = 0; i < sizeof prefs / sizeof prefs[0]; i++)
        if (prefs[i]->count) {
            const char *name = i < 3 ? "affinity" : "spread";
            if (!strstr(which.data ? which.data : "", name))
                buf_printf(&which, "%s%s", which.len ? ", " : "", name);
            if (first.end == 0)
                first = *(const struct span *)prefs[i]->items[0]; /* span: first member */
        }
    if (which.len)
        use(w, "scheduling", "scheduling", arena_strndup(w->arena, which.data, which.len), first);
    buf_free(&which);
    if (job->periodic)
        use(w, "periodic", "periodic",
            job->periodic->spec.set ? arena_printf(w->arena, "\"%s\"", job->periodic->spec.text)
                                    : "set",
            job->periodic->span);
    use_default(w, "caps.default", "capabilities", "(rkt defaults)", or_span(task->driver.span, at));
    use_default(w, "alloc-dirs", "task directories", "/alloc, /local, /secrets",
                or_span(task->driver.span, at));
}

struct mig_job *mig_inventory(struct arena *arena, const struct job_input *in) {
    const struct nomad_job *job = in->job;
    struct mig_job *out = arena_alloc(arena, sizeof *out);
    if (!job)
        return out;
    out->id = job->id.set ? job->id.text : "";
    out->span = job->span;
    out->groups = arena_array(arena, job->groups.count + 1, sizeof *out->groups);
    for (size_t gi = 0; gi < job->groups.count; gi++) {
        const struct nomad_group *group = job->groups.items[gi];
        struct mig_group *g = &out->groups[out->group_count++];
        g->name = group->name.set ? group->name.text : "";
        g->span = group->span;
        g->tasks = arena_array(arena, group->tasks.count + 1, sizeof *g->tasks);
        for (size_t ti = 0; ti < group->tasks.count; ti++) {
            const struct nomad_task *task = group->tasks.items[ti];
            struct mig_task *t = &g->tasks[g->task_count++];
            t->name = task->name.set ? task->name.text : "";
            t->driver = task->driver.set ? task->driver.text : "";
            t->span = task->span;
            t->model = task;
            t->rkt = strcmp(t->driver, "rkt") == 0;
            if (!t->rkt)
                continue;
            out->rkt_task_count++;
            if (in->api) {
                t->api_task = job_input_api_task(in, gi, ti);
                t->config = cfg_from_json(arena, json_object_get_fold(t->api_task, "Config"));
            } else {
                t->config = cfg_from_hcl(arena, task->config_items, task->config_item_count);
            }
            struct walker w = {arena, t, 0};
            config_uses(&w, task, t->config);
            port_uses(&w, task, t->config);
            feature_uses(&w, job, group, task);
        }
    }
    return out;
}

const struct mig_use *mig_task_use(const struct mig_task *t, const char *case_id) {
    for (size_t i = 0; i < t->use_count; i++)
        if (strcmp(t->uses[i].c->id, case_id) == 0)
            return &t->uses[i];
    return NULL;
}
