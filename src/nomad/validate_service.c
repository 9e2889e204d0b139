/* validate_service.c — Nomad 0.12.12's service, check and Connect
 * validation for task and group services, with canonical names
 * (<job>-<group>-<task> / <job>-<group>; checks `service: "<svc>" check`). */
#include "nomad/validate_internal.h"

#include "util/arena.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *job_name(struct validate_ctx *v) {
    const struct nomad_job *j = v->job;
    return j->name.set ? j->name.text : j->id.set ? j->id.text : "";
}

/* ${JOB}, ${TASKGROUP}, ${TASK} and ${BASE} in a service name, as Nomad
 * expands them when it canonicalises the service. */
static const char *expand_name(struct validate_ctx *v, const char *name, const char *group,
                               const char *task) {
    if (!strstr(name, "${"))
        return name;
    const char *keys[4] = {"${JOB}", "${TASKGROUP}", "${TASK}", "${BASE}"};
    const char *values[4] = {job_name(v), group, task,
                             arena_printf(v->arena, "%s-%s-%s", job_name(v), group, task)};
    size_t cap = strlen(name) * 4 + 256, o = 0;
    char *out = arena_alloc(v->arena, cap);
    for (const char *p = name; *p;) {
        bool replaced = false;
        for (int k = 0; k < 4 && !replaced; k++) {
            size_t kl = strlen(keys[k]);
            if (strncmp(p, keys[k], kl) == 0) {
                size_t vl = strlen(values[k]);
                if (o + vl + 1 >= cap)
                    return name;
                memcpy(out + o, values[k], vl);
                o += vl;
                p += kl;
                replaced = true;
            }
        }
        if (!replaced) {
            if (o + 2 >= cap)
                return name;
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    return out;
}

static const char *service_name(struct validate_ctx *v, const struct nomad_group *g,
                                const struct nomad_task *t, const struct nomad_service *s) {
    if (s->name.set && s->name.len)
        return expand_name(v, s->name.text, g->name.text, t ? t->name.text : "");
    if (t)
        return arena_printf(v->arena, "%s-%s-%s", job_name(v), g->name.text, t->name.text);
    return arena_printf(v->arena, "%s-%s", job_name(v), g->name.text);
}

static const char *check_name(struct validate_ctx *v, const char *svc,
                              const struct nomad_check *c) {
    if (c->name.set && c->name.len)
        return c->name.text;
    return arena_printf(v->arena, "service: \"%s\" check", svc);
}

/* How messages name a check: by its name, or as the unnamed check of its
 * service (Nomad's default name `service: "<svc>" check` reads badly). */
static const char *check_phrase(struct validate_ctx *v, const char *svc,
                                const struct nomad_check *c) {
    if (c->name.set && c->name.len)
        return arena_printf(v->arena, "check \"%s\"", c->name.text);
    return arena_printf(v->arena, "the unnamed check of service \"%s\"", svc);
}

/* RFC 1123 label after ${...} references become ENV-VAR. */
static bool service_name_ok(struct validate_ctx *v, const char *name) {
    size_t n = strlen(name);
    char *stripped = arena_alloc(v->arena, n * 8 + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (name[i] == '$' && name[i + 1] == '{') {
            size_t j = i + 2;
            while (j < n && (isalnum((unsigned char)name[j]) || name[j] == '_' ||
                             name[j] == '-' || name[j] == '.'))
                j++;
            if (j < n && name[j] == '}' && j > i + 2) {
                memcpy(stripped + o, "ENV-VAR", 7);
                o += 7;
                i = j + 1;
                continue;
            }
        }
        stripped[o++] = name[i++];
    }
    stripped[o] = '\0';
    if (o == 0 || o > 63)
        return false;
    for (size_t i = 0; i < o; i++) {
        char c = stripped[i];
        if (!(isalnum((unsigned char)c) || (c == '-' && i > 0 && i + 1 < o)))
            return false;
    }
    return true;
}

static bool requires_port(const struct nomad_check *c) {
    return text_is(&c->type, "http") || text_is(&c->type, "tcp") || text_is(&c->type, "grpc");
}

/* The first failing rule of a check (Nomad's ServiceCheck.validate). */
static void validate_check(struct validate_ctx *v, const struct nomad_check *c,
                           const char *name) {
    const char *type = c->type.set ? c->type.text : "";
    struct span ts = c->type.set ? c->type.span : c->span;
    if (!strcasecmp(type, "http")) {
        if (!c->path.set || !c->path.len) {
            verr(v, RULE_NMD041, c->span, "%s: an http check needs a path", name);
            return;
        }
        if (strstr(c->path.text, "://")) {
            verr(v, RULE_NMD041, c->path.span,
                 "%s: the http path \"%s\" must be relative (e.g. \"/health\")",
                 name, c->path.text);
            return;
        }
    } else if (!strcasecmp(type, "script")) {
        if (!c->command.set || !c->command.len) {
            verr(v, RULE_NMD041, c->span, "%s: a script check needs a command", name);
            return;
        }
    } else if (strcasecmp(type, "tcp") && strcasecmp(type, "grpc")) {
        verr(v, RULE_NMD041, ts,
             "%s: unknown check type \"%s\" (allowed: http, tcp, script, grpc)", name,
             type);
        return;
    }
    if (!c->interval.set || c->interval.ns == 0) {
        struct diag *d = verr(v, RULE_NMD041, c->interval.set ? c->interval.span : c->span,
                              "%s needs an interval of at least 1s", name);
        if (d)
            diag_fix(d, "add `interval = \"10s\"`");
        return;
    }
    if (c->interval.ns < 1000000000LL) {
        verr(v, RULE_NMD041, c->interval.span, "%s: the interval %s is below 1s", name,
             go_duration(v, c->interval.ns));
        return;
    }
    if (!c->timeout.set || c->timeout.ns == 0) {
        struct diag *d = verr(v, RULE_NMD041, c->timeout.set ? c->timeout.span : c->span,
                              "%s needs a timeout of at least 1s", name);
        if (d)
            diag_fix(d, "add `timeout = \"2s\"`");
        return;
    }
    if (c->timeout.ns < 1000000000LL) {
        verr(v, RULE_NMD041, c->timeout.span, "%s: the timeout %s is below 1s", name,
             go_duration(v, c->timeout.ns));
        return;
    }
    if (c->initial_status.set && c->initial_status.len &&
        !text_is(&c->initial_status, "passing") && !text_is(&c->initial_status, "warning") &&
        !text_is(&c->initial_status, "critical")) {
        verr(v, RULE_NMD041, c->initial_status.span,
             "%s: unknown initial_status \"%s\" (allowed: passing, warning, "
             "critical)", name, c->initial_status.text);
        return;
    }
    if (c->address_mode.set && c->address_mode.len && !text_is(&c->address_mode, "host") &&
        !text_is(&c->address_mode, "driver")) {
        verr(v, RULE_NMD041, c->address_mode.span,
             text_is(&c->address_mode, "auto")
                 ? "%s: address_mode \"auto\" is only valid for services; use host "
                   "or driver"
                 : "%s: unknown address_mode (allowed: host, driver)",
             name);
        return;
    }
    if (c->expose.set && c->expose.value && strcasecmp(type, "http") && strcasecmp(type, "grpc")) {
        verr(v, RULE_NMD041, c->expose.span, "%s: expose needs an http or grpc check",
             name);
        return;
    }
    const struct nomad_int *counts[2] = {&c->success_before_passing,
                                         &c->failures_before_critical};
    for (int i = 0; i < 2; i++) {
        if (!counts[i]->set || counts[i]->value == 0)
            continue;
        if (counts[i]->value < 0) {
            verr(v, RULE_NMD041, counts[i]->span, "%s: the count may not be negative",
                 name);
            return;
        }
        if (!strcasecmp(type, "script")) {
            verr(v, RULE_NMD041, counts[i]->span,
                 "%s: %s is not supported for script checks", name,
                 i ? "failures_before_critical" : "success_before_passing");
            return;
        }
    }
    if (c->check_restart) {
        if (c->check_restart->limit.set && c->check_restart->limit.value < 0)
            verr(v, RULE_NMD041, c->check_restart->limit.span,
                 "check_restart limit may not be negative");
        else if (c->check_restart->grace.set && c->check_restart->grace.ns < 0)
            verr(v, RULE_NMD041, c->check_restart->grace.span,
                 "check_restart grace may not be negative");
    }
}

static void validate_connect(struct validate_ctx *v, const struct nomad_service *s,
                             const char *name) {
    const struct nomad_connect *c = s->connect;
    if (!c)
        return;
    int kinds = (c->sidecar_service != NULL) + (c->native.set && c->native.value) +
                (c->gateway != NULL);
    if (kinds != 1) {
        verr(v, RULE_NMD043, c->span,
             "service \"%s\": connect must be exactly one of native, sidecar_service or "
             "gateway", name);
        return;
    }
    if (c->gateway && c->gateway->ingress) {
        const struct nomad_ingress *in = c->gateway->ingress;
        if (in->listeners.count == 0)
            verr(v, RULE_NMD043, in->span, "the ingress gateway needs at least one listener");
        for (size_t i = 0; i < in->listeners.count; i++) {
            const struct nomad_ingress_listener *l = in->listeners.items[i];
            const char *proto = l->protocol.set && l->protocol.len ? l->protocol.text : "tcp";
            if (!l->port.set || l->port.value <= 0)
                verr(v, RULE_NMD043, l->span, "the ingress listener needs a port");
            if (strcmp(proto, "http") && strcmp(proto, "tcp"))
                verr(v, RULE_NMD043, l->protocol.span,
                     "ingress listener protocol must be http or tcp, not \"%s\"", proto);
            if (l->services.count == 0)
                verr(v, RULE_NMD043, l->span, "the ingress listener needs at least one service");
            for (size_t k = 0; k < l->services.count; k++) {
                const struct nomad_ingress_service *is = l->services.items[k];
                bool http = strcmp(proto, "http") == 0;
                if (!is->name.set || !is->name.len)
                    verr(v, RULE_NMD043, is->span, "the ingress service needs a name");
                if (http && is->hosts.count == 0)
                    verr(v, RULE_NMD043, is->span,
                         "an ingress service on an http listener needs one or more hosts");
                else if (!http && is->hosts.count > 0)
                    verr(v, RULE_NMD043, is->hosts.span,
                         "hosts are only allowed on http ingress listeners");
            }
        }
    }
}

/* Service.Validate of Nomad; returns false when the service failed. */
static bool validate_service(struct validate_ctx *v, const struct nomad_service *s,
                             const char *name) {
    size_t before = diag_count(v->diags, SEVERITY_ERROR);
    if (!service_name_ok(v, name))
        verr(v, RULE_NMD040, s->name.set ? s->name.span : s->span,
             "service name \"%s\" is not a valid DNS label (letters, digits and dashes, at "
             "most 63, not starting or ending with a dash)%s", name,
             s->name.set ? "" : "; it is the default <job>-<group>[-<task>] name");
    if (s->address_mode.set && s->address_mode.len && !text_is(&s->address_mode, "auto") &&
        !text_is(&s->address_mode, "host") && !text_is(&s->address_mode, "driver"))
        verr(v, RULE_NMD040, s->address_mode.span,
             "unknown service address_mode \"%s\" (allowed: auto, host, driver)",
             s->address_mode.text);
    for (size_t i = 0; i < s->checks.count; i++) {
        const struct nomad_check *c = s->checks.items[i];
        const char *cname = check_phrase(v, name, c);
        if ((!s->port.set || !s->port.len) && (!c->port.set || !c->port.len) &&
            requires_port(c)) {
            verr(v, RULE_NMD041, c->span,
                 "%s needs a port, but neither it nor service \"%s\" has one",
                 cname, name);
            continue;
        }
        if (text_is(&c->type, "tcp") && s->connect && s->connect->sidecar_service) {
            verr(v, RULE_NMD041, c->type.span,
                 "%s: tcp checks do not work on Connect services", cname);
            continue;
        }
        validate_check(v, c, cname);
    }
    validate_connect(v, s, name);
    if (s->connect && s->connect->native.set && s->connect->native.value &&
        (!s->task.set || !s->task.len))
        verr(v, RULE_NMD040, s->connect->native.span,
             "service \"%s\" is Connect native and must name its task (`task = \"...\"`)",
             name);
    return diag_count(v->diags, SEVERITY_ERROR) == before;
}

static bool is_number(const char *text, long *out) {
    if (!text[0])
        return false;
    char *end;
    *out = strtol(text, &end, 10);
    return *end == '\0';
}

static bool networks_have_label(const struct nomad_list *networks, const char *label) {
    for (size_t i = 0; i < networks->count; i++) {
        const struct nomad_network *n = networks->items[i];
        const struct nomad_list *lists[2] = {&n->reserved_ports, &n->dynamic_ports};
        for (int l = 0; l < 2; l++)
            for (size_t k = 0; k < lists[l]->count; k++)
                if (strcmp(((const struct nomad_port *)lists[l]->items[k])->label.text,
                           label) == 0)
                    return true;
    }
    return false;
}

static bool task_has_label(const struct nomad_task *t, const char *label) {
    return t->resources && networks_have_label(&t->resources->networks, label);
}

/* The first port label of the group's networks, or NULL. */
static const char *group_port(const struct nomad_group *g) {
    for (size_t i = 0; i < g->networks.count; i++) {
        const struct nomad_network *n = g->networks.items[i];
        const struct nomad_list *lists[2] = {&n->reserved_ports, &n->dynamic_ports};
        for (int l = 0; l < 2; l++)
            if (lists[l]->count)
                return ((const struct nomad_port *)lists[l]->items[0])->label.text;
    }
    return NULL;
}

/* Reports a task service's or check's port label the task's network lacks
 * (NMD042); returns false when it did. A label of the group's network is
 * Nomad 0.12's rule only: 1.0 and later accept it, and the fix uses it. */
static bool port_must_exist(struct validate_ctx *v, const struct nomad_group *g,
                            const struct nomad_task *t, const char *label, struct span at,
                            const char *who) {
    if (task_has_label(t, label))
        return true;
    struct diag *d;
    if (networks_have_label(&g->networks, label)) {
        d = verr(v, RULE_NMD042, at,
                 "port label \"%s\" used by %s is a port of group \"%s\"'s network, not "
                 "of task \"%s\"'s: Nomad 0.12 accepts group ports only in group services "
                 "(Nomad 1.0 and later accept this)",
                 label, who, g->name.text, t->name.text);
        if (d)
            diag_fix(d, "for Nomad 0.12, move the service to group \"%s\" (`service { "
                     "port = \"%s\" }` next to the group's network), which uses the port "
                     "the group declares",
                     g->name.text, label);
        return false;
    }
    d = verr(v, RULE_NMD042, at,
             "port label \"%s\" used by %s is not a port of task \"%s\"'s network", label,
             who, t->name.text);
    const char *declared = group_port(g);
    if (d && declared)
        diag_fix(d, "the group's network declares port \"%s\": use it from a group "
                 "service (`service { port = \"%s\" }` in group \"%s\"; task services "
                 "need it in Nomad 1.0+), or declare `port \"%s\" {}` in the task's "
                 "resources { network { ... } }",
                 declared, declared, g->name.text, label);
    else if (d)
        diag_fix(d, "declare `port \"%s\" {}` in the task's resources { network { ... } }",
                 label);
    return false;
}

void validate_task_services(struct validate_ctx *v, const struct nomad_group *g,
                            const struct nomad_task *t) {
    for (size_t i = 0; i < t->services.count; i++) {
        const struct nomad_service *s = t->services.items[i];
        const char *name = service_name(v, g, t, s);
        validate_service(v, s, name);
        for (size_t p = 0; p < i; p++) {
            const struct nomad_service *prev = t->services.items[p];
            if (!strcmp(service_name(v, g, t, prev), name) &&
                !strcmp(prev->port.set ? prev->port.text : "", s->port.set ? s->port.text : "")) {
                verr(v, RULE_NMD040, s->name.set ? s->name.span : s->span,
                     "service \"%s\" is registered twice with the same port", name);
                break;
            }
        }
        long number;
        bool service_port_ok = true;
        if (s->port.set && s->port.len &&
            !(text_is(&s->address_mode, "driver") && is_number(s->port.text, &number)))
            service_port_ok = port_must_exist(v, g, t, s->port.text, s->port.span,
                                              arena_printf(v->arena, "service \"%s\"", name));
        for (size_t k = 0; k < s->checks.count; k++) {
            const struct nomad_check *c = s->checks.items[k];
            const char *cname = check_name(v, name, c);
            const char *cphrase = check_phrase(v, name, c);
            for (size_t p = 0; p < k; p++)
                if (!strcmp(check_name(v, name, s->checks.items[p]), cname)) {
                    verr(v, RULE_NMD041, c->span,
                         "%s is defined twice in service \"%s\" (give each check "
                         "a name)", cphrase, name);
                    break;
                }
            if (c->task.set && c->task.len)
                verr(v, RULE_NMD041, c->task.span,
                     "%s: only checks of group services may name a task", cphrase);
            if (!requires_port(c))
                continue;
            const struct nomad_string *port = c->port.set && c->port.len ? &c->port : &s->port;
            if (!port->set || !port->len)
                continue; /* reported by validate_service */
            if (port == &s->port && !service_port_ok)
                continue; /* the service's port: reported once, for the service */
            if (is_number(port->text, &number)) {
                if (text_is(&c->address_mode, "driver")) {
                    if (number <= 0)
                        verr(v, RULE_NMD041, port->span, "%s: port %ld is not valid",
                             cphrase, number);
                } else {
                    verr(v, RULE_NMD041, port->span,
                         "%s uses the numeric port %ld, which needs "
                         "address_mode = \"driver\"", cphrase, number);
                }
                continue;
            }
            port_must_exist(v, g, t, port->text, port->span,
                            arena_printf(v->arena, "%s", cphrase));
        }
    }
}

static bool same_registration(struct validate_ctx *v, const struct nomad_group *g,
                              const struct nomad_task *ta, const struct nomad_service *a,
                              const struct nomad_task *tb, const struct nomad_service *b) {
    return !strcmp(service_name(v, g, ta, a), service_name(v, g, tb, b)) &&
           !strcmp(a->port.set ? a->port.text : "", b->port.set ? b->port.text : "");
}

void validate_group_services(struct validate_ctx *v, const struct nomad_group *g) {
    /* task services of different tasks share one registry */
    for (size_t t = 1; t < g->tasks.count; t++) {
        const struct nomad_task *task = g->tasks.items[t];
        for (size_t k = 0; k < task->services.count; k++) {
            const struct nomad_service *s = task->services.items[k];
            bool dup = false;
            for (size_t u = 0; u < t && !dup; u++) {
                const struct nomad_task *other = g->tasks.items[u];
                for (size_t j = 0; j < other->services.count && !dup; j++)
                    dup = same_registration(v, g, other, other->services.items[j], task, s);
            }
            if (dup)
                verr(v, RULE_NMD040, s->name.set ? s->name.span : s->span,
                     "service \"%s\" is also registered, with the same port, by another "
                     "task of group \"%s\"", service_name(v, g, task, s), g->name.text);
        }
    }
    for (size_t i = 0; i < g->services.count; i++) {
        const struct nomad_service *s = g->services.items[i];
        const char *name = service_name(v, g, NULL, s);
        if (!validate_service(v, s, name))
            continue;
        bool dup = false;
        for (size_t p = 0; p < i && !dup; p++)
            dup = same_registration(v, g, NULL, g->services.items[p], NULL, s);
        for (size_t t = 0; t < g->tasks.count && !dup; t++) {
            const struct nomad_task *task = g->tasks.items[t];
            for (size_t k = 0; k < task->services.count && !dup; k++)
                dup = same_registration(v, g, task, task->services.items[k], NULL, s);
        }
        if (dup)
            verr(v, RULE_NMD040, s->name.set ? s->name.span : s->span,
                 "service \"%s\" is registered twice with the same port in group \"%s\"",
                 name, g->name.text);
        for (size_t k = 0; k < s->checks.count; k++) {
            const struct nomad_check *c = s->checks.items[k];
            if (!c->task.set || !c->task.len)
                continue;
            const char *cphrase = check_phrase(v, name, c);
            if (!text_is(&c->type, "script") && !text_is(&c->type, "grpc"))
                verr(v, RULE_NMD041, c->task.span,
                     "%s: only script and grpc checks may name a task", cphrase);
            bool found = false;
            for (size_t t = 0; t < g->tasks.count && !found; t++)
                found = !strcmp(((const struct nomad_task *)g->tasks.items[t])->name.text,
                                c->task.text);
            if (!found)
                verr(v, RULE_NMD041, c->task.span, "%s names task \"%s\", which "
                     "the group does not have", cphrase, c->task.text);
        }
    }
}
