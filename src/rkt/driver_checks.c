#include "rkt/driver_checks.h"

#include "rkt/imageref.h"
#include "rkt/names.h"
#include "rkt/values.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/str_index.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static struct span or_task(struct span s, const struct rkt_task_input *task) {
    return s.end ? s : task->span;
}

static const char *joined(struct arena *arena, const struct rkt_strings *list) {
    struct buf b;
    buf_init(&b);
    for (size_t i = 0; i < list->count; i++) {
        if (i)
            buf_putc(&b, ',');
        buf_puts(&b, list->items[i].text);
    }
    const char *s = arena_strndup(arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

/* Go's %+q of a []string */
static const char *go_quoted_list(struct arena *arena, const struct rkt_strings *list) {
    struct buf b;
    buf_init(&b);
    buf_putc(&b, '[');
    for (size_t i = 0; i < list->count; i++) {
        if (i)
            buf_putc(&b, ' ');
        buf_putc(&b, '"');
        for (const unsigned char *p = (const unsigned char *)list->items[i].text; *p; p++) {
            if (*p == '"' || *p == '\\')
                buf_printf(&b, "\\%c", *p);
            else if (*p < 0x20 || *p >= 0x7f)
                buf_printf(&b, "\\x%02x", *p);
            else
                buf_putc(&b, (char)*p);
        }
        buf_putc(&b, '"');
    }
    buf_putc(&b, ']');
    const char *s = arena_strndup(arena, b.data, b.len);
    buf_free(&b);
    return s;
}

bool driver_check_start(struct arena *arena, const struct source *src,
                        const struct rkt_task_input *task, const struct rkt_config *cfg,
                        const struct node_profile *node, struct diag_list *diags) {
    bool ok = true;
    if (cfg->volumes.count && !node->volumes_enabled) {
        diag_add(diags, RULE_RKT006, src, or_task(cfg->volumes.span, task),
                 "volumes_enabled is false; cannot use rkt volumes: %s",
                 go_quoted_list(arena, &cfg->volumes));
        ok = false;
    }
    for (size_t i = 0; i < cfg->volumes.count; i++) {
        struct volume_parts parts = volume_split(arena, cfg->volumes.items[i].text);
        if (parts.count != 2 && parts.count != 3) {
            struct diag *d = diag_add(diags, RULE_RKT007, src, or_task(cfg->volumes.items[i].span, task),
                                      "invalid rkt volume: \"%s\" (%zu parts; expected "
                                      "host:container or host:container:readOnly)",
                                      cfg->volumes.items[i].text, parts.count);
            (void)d;
            ok = false;
        }
    }
    const struct rkt_strings *dns = &cfg->dns_servers;
    bool special = dns->count == 1 && (strcmp(dns->items[0].text, "host") == 0 ||
                                       strcmp(dns->items[0].text, "none") == 0);
    if (!special)
        for (size_t i = 0; i < dns->count; i++)
            if (!go_parse_ip(dns->items[i].text)) {
                struct diag *d = diag_add(diags, RULE_RKT008, src, or_task(dns->items[i].span, task),
                                          "invalid ip address for container dns server \"%s\"",
                                          dns->items[i].text);
                if (strcmp(dns->items[i].text, "host") == 0 || strcmp(dns->items[i].text, "none") == 0)
                    diag_fix(d, "\"%s\" only works as the single entry: dns_servers = [\"%s\"]",
                             dns->items[i].text, dns->items[i].text);
                ok = false;
                break; /* the driver stops at the first bad entry */
            }
    const struct rkt_network *net = task->network;
    if (!net && cfg->port_map_count) {
        diag_add(diags, RULE_RKT009, src, or_task(cfg->port_map_span, task),
                 "Trying to map ports but no network interface is available (the task's "
                 "resources have no network)");
        ok = false;
    }
    if (net && strcmp(joined(arena, &cfg->net), "host") != 0)
        for (size_t i = 0; i < net->port_count; i++)
            if (!rkt_config_port(cfg, net->ports[i].label)) {
                struct diag *d = diag_add(
                    diags, RULE_RKT010, src, or_task(net->ports[i].span, task),
                    "port_map is not set. When you defined port in the resources, you need to "
                    "configure port_map. (port \"%s\" has no port_map entry)",
                    net->ports[i].label);
                diag_fix(d, "add `port_map { %s = \"<port>-tcp\" }` to the config",
                         net->ports[i].label);
                ok = false;
            }
    return ok;
}

static bool has_bad_mount_char(const char *s) {
    return strpbrk(s, ",&;+%") != NULL;
}

void driver_check_rkt(struct arena *arena, const struct source *src,
                      const struct rkt_task_input *task, const struct rkt_config *cfg,
                      const struct node_profile *node, bool has_ports,
                      struct diag_list *diags) {
    (void)node;
    /* insecure options: the global flag rkt parses */
    const char *insecure = cfg->insecure_options.count ? joined(arena, &cfg->insecure_options)
                           : *cfg->trust_prefix.text ? NULL
                                                     : "all";
    if (cfg->insecure_options.count) {
        const char *bad;
        const char *e = insecure_options_error(arena, insecure, &bad);
        if (e) {
            struct span span = cfg->insecure_options.span;
            for (size_t i = 0; i < cfg->insecure_options.count; i++) {
                const char *item = cfg->insecure_options.items[i].text;
                if (strstr(item, bad) || (!*bad && (!*item || strchr(item, ','))))
                    span = cfg->insecure_options.items[i].span;
            }
            diag_add(diags, RULE_RKT011, src, or_task(span, task),
                     "rkt rejects --insecure-options=%s: %s; every rkt command of the task "
                     "fails",
                     insecure, e);
        }
        for (size_t i = 0; i < cfg->insecure_options.count; i++)
            if (strcasecmp(cfg->insecure_options.items[i].text, "ondisk") == 0)
                diag_add(diags, RULE_RKT029, src, or_task(cfg->insecure_options.items[i].span, task),
                         "rkt accepts `ondisk` for backward compatibility and ignores it");
    } else if (!*cfg->trust_prefix.text) {
        diag_add(diags, RULE_RKT020, src, or_task(cfg->image.span, task),
                 "no trust_prefix and no insecure_options: Nomad passes "
                 "--insecure-options=all, so the image runs unverified and with every "
                 "security relaxation");
    }
    /* the image */
    struct image_ref ref = image_classify(arena, cfg->image.text);
    if (ref.error)
        diag_add(diags, RULE_RKT013, src, or_task(cfg->image.span, task),
                 "rkt cannot use the image \"%s\": %s", cfg->image.text, ref.error);
    if (ref.kind == IMAGE_DOCKER && !(insecure && insecure_options_allow_image(insecure))) {
        struct diag *d = diag_add(
            diags, RULE_RKT012, src, or_task(cfg->image.span, task),
            "docker image without `image` in the insecure options (--insecure-options=%s): "
            "rkt fails with \"signature verification for docker images is not supported\"",
            insecure ? insecure : "(none)");
        diag_fix(d, "add insecure_options = [\"image\"]");
    }
    if (*cfg->trust_prefix.text) {
        const char *e = trust_prefix_error(arena, cfg->trust_prefix.text);
        if (e)
            diag_add(diags, RULE_RKT030, src, or_task(cfg->trust_prefix.span, task),
                     "rkt trust refuses the prefix \"%s\": %s; the task start aborts",
                     cfg->trust_prefix.text, e);
    }
    /* the task name in the volume names */
    const char *s = rkt_volume_task_name(arena, task->name);
    const char *probe = arena_printf(arena, "a-%s-alloc", s);
    if (acname_error(probe))
        diag_add(diags, RULE_RKT027, src, or_task(task->name_span, task),
                 "rkt refuses the volume name \"<alloc-id>-%s-alloc\" that Nomad derives from "
                 "task \"%s\": volume names must be lower case [a-z0-9-]",
                 s, task->name);
    /* ports */
    const char *net = joined(arena, &cfg->net);
    bool host_net = strcmp(net, "host") == 0;
    bool docker = ref.kind == IMAGE_DOCKER;
    if (task->network && !host_net) {
        for (size_t i = 0; i < task->network->port_count; i++) {
            const struct rkt_port_mapping *m = rkt_config_port(cfg, task->network->ports[i].label);
            if (!m)
                continue;
            const char *e = acname_error(m->name.text);
            if (e)
                diag_add(diags, RULE_RKT014, src, or_task(m->name.span, task),
                         "\"%s\" is not a valid port name (%s); rkt prepare fails",
                         m->name.text, e);
            else if (docker && !docker_port_name_ok(m->name.text)) {
                struct diag *d = diag_add(
                    diags, RULE_RKT015, src, or_task(m->name.span, task),
                    "rkt names the ports of a docker image <port>-<proto>; \"%s\" is no such "
                    "name, so prepare fails (\"port name \\\"%s\\\" could not be found in any "
                    "apps\")",
                    m->name.text, m->name.text);
                bool digits = *m->name.text != '\0';
                for (const char *c = m->name.text; *c; c++)
                    if (!isdigit((unsigned char)*c))
                        digits = false;
                if (digits)
                    diag_fix(d, "write %s = \"%s-tcp\"", m->label, m->name.text);
            }
        }
        bool has_none = false;
        for (size_t i = 0; i < cfg->net.count; i++)
            if (strcmp(cfg->net.items[i].text, "none") == 0)
                has_none = true;
        if (has_none && has_ports && cfg->port_map_count)
            diag_add(diags, RULE_RKT028, src, or_task(cfg->net.span, task),
                     "ports are forwarded (--port) while net is \"%s\": stage1 finds no "
                     "network to forward to and the pod fails at start",
                     net);
    }
    if (cfg->net.count) {
        const char *e = net_list_error(arena, net);
        if (e)
            diag_add(diags, RULE_RKT016, src, or_task(cfg->net.span, task),
                     "rkt rejects --net=%s: %s; run-prepared fails", net, e);
        else if (cfg->net.count > 1)
            for (size_t i = 0; i < cfg->net.count; i++) {
                const char *n = cfg->net.items[i].text;
                if (strcmp(n, "host") == 0 || strcmp(n, "none") == 0) {
                    diag_add(diags, RULE_RKT017, src, or_task(cfg->net.items[i].span, task),
                             "\"%s\" combined with other networks: rkt uses %s networking and "
                             "ignores the rest%s",
                             n, n, strcmp(n, "host") == 0
                                       ? ", and Nomad does not treat the list as host "
                                         "networking for ports"
                                       : "");
                    break;
                }
            }
    }
    /* DNS search domains with host/none */
    const struct rkt_strings *dns = &cfg->dns_servers;
    if (cfg->dns_search_domains.count && dns->count == 1 &&
        (strcmp(dns->items[0].text, "host") == 0 || strcmp(dns->items[0].text, "none") == 0))
        diag_add(diags, RULE_RKT031, src, or_task(cfg->dns_search_domains.span, task),
                 "rkt refuses --dns-search with --dns=%s (\"Cannot call --dns-opt, "
                 "--dns-search, or --dns-domain with --dns=%s\"); run-prepared fails",
                 dns->items[0].text, dns->items[0].text);
    /* volumes */
    for (size_t i = 0; i < cfg->volumes.count; i++) {
        struct volume_parts parts = volume_split(arena, cfg->volumes.items[i].text);
        struct span span = or_task(cfg->volumes.items[i].span, task);
        if (parts.count != 2 && parts.count != 3)
            continue;
        if (parts.count == 3 && !parts.read_only) {
            struct diag *d = diag_add(diags, RULE_RKT018, src, span,
                                      "the third field \"%s\" is not exactly `readOnly`: the "
                                      "volume is mounted read-write",
                                      parts.mode);
            if (strcasecmp(parts.mode, "readonly") == 0 || strcmp(parts.mode, "ro") == 0)
                diag_fix(d, "write \"%s:%s:readOnly\"", parts.host, parts.container);
        }
        if (parts.host[0] != '/')
            diag_add(diags, RULE_RKT019, src, span,
                     "the host path \"%s\" is relative: Nomad passes it through unresolved and "
                     "rkt requires an absolute source (\"source for host volume must be "
                     "absolute path\")",
                     parts.host);
        else if (strchr(parts.host, ','))
            diag_add(diags, RULE_RKT019, src, span,
                     "the host path \"%s\" contains a comma, which rkt's --volume syntax "
                     "cannot carry",
                     parts.host);
        if (has_bad_mount_char(parts.container) || parts.container[0] != '/')
            diag_add(diags, RULE_RKT032, src, span,
                     "the container path \"%s\" %s", parts.container,
                     parts.container[0] != '/' ? "is not absolute"
                                               : "contains `,`, `&`, `;`, `+` or `%`, which "
                                                 "rkt's --mount parsing splits or decodes");
    }
    if (strchr(cfg->command.text, ' ') || strchr(cfg->command.text, '\t')) {
        struct diag *d = diag_add(diags, RULE_RKT042, src, or_task(cfg->command.span, task),
                                  "--exec=%s names one executable, spaces included; rkt does "
                                  "not split it into a program and arguments",
                                  cfg->command.text);
        diag_fix(d, "put the program in `command` and its arguments in `args`");
    }
    /* args rkt misreads */
    for (size_t i = 0; i < cfg->args.count; i++) {
        const char *a = cfg->args.items[i].text;
        if (!*a)
            diag_add(diags, RULE_RKT033, src, or_task(cfg->args.items[i].span, task),
                     "rkt 1.30 drops empty arguments: argument %zu does not reach the app", i);
        else if (strcmp(a, "---") == 0)
            diag_add(diags, RULE_RKT033, src, or_task(cfg->args.items[i].span, task),
                     "a lone `---` ends rkt's argument block: the arguments after it are "
                     "parsed as rkt flags or images");
    }
    if (cfg->debug.value)
        diag_add(diags, RULE_RKT022, src, or_task(cfg->debug.span, task),
                 "debug = true passes --debug=true to every rkt call");
    /* at `cpu = N`, or at the driver line when the default applies */
    struct span cpu_at = task->cpu_span.end ? task->cpu_span
                         : task->driver_span.end ? task->driver_span : task->span;
    diag_add(diags, RULE_RKT021, src, cpu_at,
             "--cpu=%d is read by rkt as %d whole CPUs (no effective limit); the executor's "
             "CPU shares are the real limit",
             task->cpu, task->cpu);
}

static bool env_name_char(char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.';
}

void driver_check_env(struct arena *arena, const struct source *src,
                      const struct rkt_task_input *task, const struct task_env *env,
                      const struct node_profile *node, struct diag_list *diags) {
    if (task->device_request_count)
        diag_add(diags, RULE_RKT043, src, or_task(task->device_span, task),
                 "task \"%s\" reserves %zu device(s); the client picks them at start time, so "
                 "the plan has no device mounts",
                 task->name, task->device_request_count);
    if (task->vault_env || task->template_env)
        diag_add(diags, RULE_RKT041, src, or_task(task->span, task),
                 "task \"%s\" gets %s from the client at start time; the plan has no "
                 "--set-env for %s",
                 task->name,
                 task->vault_env && task->template_env ? "VAULT_TOKEN and template variables"
                 : task->vault_env                     ? "VAULT_TOKEN (vault env = true)"
                                                       : "template variables (env = true)",
                 task->vault_env && task->template_env ? "them" : "it");
    struct str_index user_keys = {0};
    for (size_t i = 0; i < task->env.count; i++) {
        const struct rkt_pair *e = &task->env.items[i];
        for (const char *p = strstr(e->value, "${"); p; p = strstr(p + 1, "${")) {
            const char *q = p + 2;
            while (env_name_char(*q))
                q++;
            if (q == p + 2 || *q != '}')
                continue;
            char *name = arena_strndup(arena, p + 2, (size_t)(q - p - 2));
            if (node_variable(node, name) || env_lookup(env, name))
                continue;
            if (!user_keys.cap) /* the task's own keys, hashed once: n entries stay linear */
                for (size_t j = 0; j < task->env.count; j++)
                    str_index_put(arena, &user_keys, task->env.items[j].key,
                                  strlen(task->env.items[j].key), j);
            size_t at;
            if (str_index_get(&user_keys, name, strlen(name), &at))
                continue;
            diag_add(diags, RULE_RKT039, src, or_task(e->value_span, task),
                     "env %s: the client knows no variable \"%s\", so \"${%s}\" stays in the "
                     "value as written",
                     e->key, name, name);
        }
    }
}
