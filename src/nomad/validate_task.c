/* validate_task.c — Nomad 0.12.12's task validation and its task
 * warnings, on canonical values (resources 100 MHz / 300 MB, logs
 * 10 x 10 MB, kill_timeout 5s, ...). */
#include "nomad/validate_internal.h"

#include "util/arena.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Go's filepath.Join + Clean of "/alloc-dir/alloc-id", prefix, path, then
 * whether the result lies outside "/alloc-dir/alloc-id". */
bool path_escapes_alloc_dir(const char *prefix, const char *path) {
    const char *parts[3] = {"alloc-dir/alloc-id", prefix, path};
    const char *stack[256];
    size_t lens[256];
    size_t depth = 0;
    for (int p = 0; p < 3; p++) {
        const char *s = parts[p];
        while (*s) {
            while (*s == '/')
                s++;
            const char *e = s;
            while (*e && *e != '/')
                e++;
            size_t n = (size_t)(e - s);
            if (n == 0)
                break;
            if (n == 2 && s[0] == '.' && s[1] == '.') {
                if (depth > 0)
                    depth--;
            } else if (!(n == 1 && s[0] == '.')) {
                if (depth == 256)
                    return true;
                stack[depth] = s;
                lens[depth++] = n;
            }
            s = e;
        }
    }
    return !(depth >= 2 && lens[0] == 9 && !strncmp(stack[0], "alloc-dir", 9) &&
             lens[1] == 8 && !strncmp(stack[1], "alloc-id", 8));
}

static bool checksum_ok(struct validate_ctx *v, const struct nomad_map_entry *e) {
    const char *value = e->value.text;
    if (strstr(value, "${"))
        return true;
    const char *colon = strchr(value, ':');
    if (value[0] == '\0') {
        verr(v, RULE_NMD045, e->value.span, "the artifact checksum is empty");
        return false;
    }
    if (!colon) {
        verr(v, RULE_NMD045, e->value.span,
             "the artifact checksum must be written \"type:value\", not \"%s\"", value);
        return false;
    }
    size_t type_len = (size_t)(colon - value);
    const char *hex = colon + 1;
    size_t hex_len = strlen(hex);
    size_t want = 0;
    if (type_len == 3 && !strncmp(value, "md5", 3))
        want = 32;
    else if (type_len == 4 && !strncmp(value, "sha1", 4))
        want = 40;
    else if (type_len == 6 && !strncmp(value, "sha256", 6))
        want = 64;
    else if (type_len == 6 && !strncmp(value, "sha512", 6))
        want = 128;
    for (size_t i = 0; i < hex_len; i++)
        if (!isxdigit((unsigned char)hex[i]) || hex_len % 2) {
            verr(v, RULE_NMD045, e->value.span, "the artifact checksum \"%s\" is not hexadecimal",
                 hex);
            return false;
        }
    if (!want) {
        verr(v, RULE_NMD045, e->value.span,
             "unsupported checksum type \"%.*s\" (allowed: md5, sha1, sha256, sha512)",
             (int)type_len, value);
        return false;
    }
    if (hex_len != want) {
        verr(v, RULE_NMD045, e->value.span, "a %.*s checksum has %zu hex digits, not %zu",
             (int)type_len, value, want, hex_len);
        return false;
    }
    return true;
}

static void validate_artifacts(struct validate_ctx *v, const struct nomad_task *t) {
    for (size_t i = 0; i < t->artifacts.count; i++) {
        const struct nomad_artifact *a = t->artifacts.items[i];
        if (!a->source.set || a->source.len == 0)
            verr(v, RULE_NMD045, a->span, "the artifact needs a source");
        if (a->mode.set && !text_is(&a->mode, "any") && !text_is(&a->mode, "file") &&
            !text_is(&a->mode, "dir"))
            verr(v, RULE_NMD045, a->mode.span,
                 "unknown artifact mode \"%s\" (allowed: any, file, dir)", a->mode.text);
        if (a->destination.set && path_escapes_alloc_dir("task", a->destination.text))
            verr(v, RULE_NMD045, a->destination.span,
                 "the artifact destination \"%s\" leaves the allocation directory",
                 a->destination.text);
        for (size_t k = 0; k < a->options.count; k++)
            if (strcmp(a->options.entries[k].key.text, "checksum") == 0)
                checksum_ok(v, &a->options.entries[k]);
    }
}

static void validate_templates(struct validate_ctx *v, const struct nomad_task *t) {
    for (size_t i = 0; i < t->templates.count; i++) {
        const struct nomad_template *tp = t->templates.items[i];
        if ((!tp->source.set || !tp->source.len) && (!tp->data.set || !tp->data.len))
            verr(v, RULE_NMD046, tp->span, "the template needs a source or data");
        if (!tp->destination.set || !tp->destination.len)
            verr(v, RULE_NMD046, tp->span, "the template needs a destination");
        else if (path_escapes_alloc_dir("task", tp->destination.text))
            verr(v, RULE_NMD046, tp->destination.span,
                 "the template destination \"%s\" leaves the allocation directory",
                 tp->destination.text);
        const char *mode = tp->change_mode.set ? tp->change_mode.text : "restart";
        if (!strcmp(mode, "signal")) {
            if (!tp->change_signal.set || !tp->change_signal.len)
                verr(v, RULE_NMD046, tp->change_mode.span,
                     "change_mode \"signal\" needs a change_signal");
            if (tp->env.set && tp->env.value)
                verr(v, RULE_NMD046, tp->change_mode.span,
                     "env templates cannot use change_mode \"signal\"");
        } else if (strcmp(mode, "noop") && strcmp(mode, "restart")) {
            verr(v, RULE_NMD046, tp->change_mode.span,
                 "unknown template change_mode \"%s\" (allowed: noop, signal, restart)", mode);
        }
        if (tp->splay.set && tp->splay.ns < 0)
            verr(v, RULE_NMD046, tp->splay.span, "the template splay may not be negative");
        if (tp->perms.set && tp->perms.len) {
            char *end;
            unsigned long perms = strtoul(tp->perms.text, &end, 8);
            if (*end || perms > 07777 || tp->perms.text[0] == '-' || tp->perms.text[0] == '+')
                verr(v, RULE_NMD046, tp->perms.span,
                     "template perms \"%s\" is not an octal mode like \"0644\"",
                     tp->perms.text);
        }
        for (size_t p = 0; p < i; p++) {
            const struct nomad_template *prev = t->templates.items[p];
            if (tp->destination.set && prev->destination.set &&
                strcmp(tp->destination.text, prev->destination.text) == 0) {
                struct diag *d = verr(v, RULE_NMD046, tp->destination.span,
                                      "two templates render to \"%s\"", tp->destination.text);
                if (d)
                    diag_note(d, prev->destination.span, "the first one");
                break;
            }
        }
        if (tp->vault_grace.set && tp->vault_grace.ns > 0)
            verr(v, RULE_NMD053, tp->vault_grace.span,
                 "vault_grace is deprecated since Nomad 0.11 and ignored; remove it");
    }
}

void validate_vault(struct validate_ctx *v, const struct nomad_vault *vault) {
    if (vault->policies.count == 0)
        verr(v, RULE_NMD047, vault->policies.set ? vault->policies.span : vault->span,
             "the vault block needs at least one policy");
    for (size_t i = 0; i < vault->policies.count; i++)
        if (strcmp(vault->policies.items[i].text, "root") == 0)
            verr(v, RULE_NMD047, vault->policies.items[i].span,
                 "the \"root\" policy may not be requested");
    const char *mode = vault->change_mode.set ? vault->change_mode.text : "restart";
    if (!strcmp(mode, "signal")) {
        if (!vault->change_signal.set || !vault->change_signal.len)
            verr(v, RULE_NMD047, vault->change_mode.span,
                 "change_mode \"signal\" needs a change_signal");
    } else if (strcmp(mode, "noop") && strcmp(mode, "restart")) {
        verr(v, RULE_NMD047, vault->change_mode.span,
             "unknown vault change_mode \"%s\" (allowed: restart, noop, signal)", mode);
    }
}

void validate_task(struct validate_ctx *v, const struct nomad_group *g,
                   const struct nomad_task *t, int64_t disk_mb, struct span disk_span) {
    (void)g;
    struct span head = t->name.set ? t->name.span : t->span;
    if (strchr(t->name.text, '/') || strchr(t->name.text, '\\'))
        verr(v, RULE_NMD038, head, "task name \"%s\" may not contain slashes", t->name.text);
    if (!t->driver.set || t->driver.len == 0) {
        struct diag *d = verr(v, RULE_NMD024, t->driver.set ? t->driver.span : head,
                              "task \"%s\" has no driver", t->name.text);
        if (d)
            diag_fix(d, "add `driver = \"rkt\"`");
    }
    if (t->kill_timeout.set && t->kill_timeout.ns < 0)
        verr(v, RULE_NMD038, t->kill_timeout.span, "kill_timeout may not be negative");
    if (t->shutdown_delay.set && t->shutdown_delay.ns < 0)
        verr(v, RULE_NMD038, t->shutdown_delay.span, "shutdown_delay may not be negative");
    const struct nomad_resources *r = t->resources;
    int64_t cpu = r && r->cpu.set ? r->cpu.value : 100;
    int64_t mem = r && r->memory.set ? r->memory.value : 300;
    if (cpu < 20)
        verr(v, RULE_NMD036, r->cpu.span, "task \"%s\" asks for %lld MHz of CPU; the minimum is 20",
             t->name.text, (long long)cpu);
    if (mem < 10)
        verr(v, RULE_NMD036, r->memory.span,
             "task \"%s\" asks for %lld MB of memory; the minimum is 10", t->name.text,
             (long long)mem);
    for (size_t i = 0; r && i < r->networks.count; i++) {
        const struct nomad_network *n = r->networks.items[i];
        if (n->mbits.set && n->mbits.value < 1)
            verr(v, RULE_NMD036, n->mbits.span, "a task network needs at least 1 Mbit/s, not %lld",
                 (long long)n->mbits.value);
    }
    for (size_t i = 0; r && i < r->devices.count; i++) {
        const struct nomad_device *dev = r->devices.items[i];
        if (!dev->name.set || !dev->name.len)
            verr(v, RULE_NMD036, dev->span,
                 "a device needs a name: type, vendor/type or vendor/type/name");
        for (size_t k = 0; k < dev->constraints.count; k++) {
            const struct nomad_constraint *c = dev->constraints.items[k];
            if (text_is(&c->operand, "distinct_hosts") ||
                text_is(&c->operand, "distinct_property"))
                verr(v, RULE_NMD025, c->operand.span,
                     "device constraints may not use %s", c->operand.text);
        }
        struct nomad_list plain = dev->constraints;
        /* the other operands follow the usual constraint rules */
        size_t kept = 0;
        const void **items = arena_array(v->arena, plain.count + 1, sizeof *items);
        for (size_t k = 0; k < plain.count; k++) {
            const struct nomad_constraint *c = plain.items[k];
            if (!text_is(&c->operand, "distinct_hosts") &&
                !text_is(&c->operand, "distinct_property"))
                items[kept++] = c;
        }
        plain.items = (void **)items;
        plain.count = kept;
        validate_constraints(v, &plain, false);
        validate_affinities(v, &dev->affinities, dev->span);
    }
    if (r && r->iops.set && r->iops.value != 0)
        verr(v, RULE_NMD052, r->iops.span,
             "iops is deprecated since Nomad 0.9 and ignored; remove it");
    const struct nomad_logs *logs = t->logs;
    int64_t files = logs && logs->max_files.set ? logs->max_files.value : 10;
    int64_t size = logs && logs->max_file_size.set ? logs->max_file_size.value : 10;
    if (files < 1)
        verr(v, RULE_NMD037, logs->max_files.span, "max_files must be at least 1, not %lld",
             (long long)files);
    if (size < 1)
        verr(v, RULE_NMD037, logs->max_file_size.span,
             "max_file_size must be at least 1 (MB), not %lld", (long long)size);
    if (disk_mb <= files * size) {
        struct diag *d = verr(v, RULE_NMD037, logs ? logs->span : disk_span,
                              "task \"%s\" may keep %lld MB of logs (%lld files of %lld MB), "
                              "which must be less than the group's ephemeral disk of %lld MB",
                              t->name.text, (long long)(files * size), (long long)files,
                              (long long)size, (long long)disk_mb);
        if (d && logs)
            diag_note(d, disk_span, "the ephemeral disk size");
    }
    validate_constraints(v, &t->constraints, true);
    validate_affinities(v, &t->affinities, t->span);
    validate_task_services(v, g, t);
    validate_artifacts(v, t);
    if (t->vault && !t->vault_inherited)
        validate_vault(v, t->vault);
    validate_templates(v, t);
    if (t->dispatch_payload && t->dispatch_payload->file.set &&
        path_escapes_alloc_dir("task/local/", t->dispatch_payload->file.text))
        verr(v, RULE_NMD048, t->dispatch_payload->file.span,
             "the dispatch payload file \"%s\" leaves the allocation directory",
             t->dispatch_payload->file.text);
    if (t->lifecycle && t->lifecycle->hook.set && t->lifecycle->hook.len &&
        !text_is(&t->lifecycle->hook, "prestart") && !text_is(&t->lifecycle->hook, "poststart"))
        verr(v, RULE_NMD048, t->lifecycle->hook.span,
             "unknown lifecycle hook \"%s\" (Nomad 0.12 knows prestart and poststart)",
             t->lifecycle->hook.text);
    for (size_t i = 0; i < t->volume_mounts.count; i++) {
        const struct nomad_volume_mount *m = t->volume_mounts.items[i];
        if (!m->destination.set)
            verr(v, RULE_NMD044, m->span,
                 "this volume_mount has no destination (Nomad 0.12 crashes on it)");
        if (m->propagation_mode.set && m->propagation_mode.len &&
            !text_is(&m->propagation_mode, "private") &&
            !text_is(&m->propagation_mode, "host-to-task") &&
            !text_is(&m->propagation_mode, "bidirectional"))
            verr(v, RULE_NMD044, m->propagation_mode.span,
                 "unknown propagation_mode \"%s\" (allowed: private, host-to-task, "
                 "bidirectional)", m->propagation_mode.text);
    }
    if (t->csi_plugin) {
        const struct nomad_csi_plugin *c = t->csi_plugin;
        if (!c->id.set || !c->id.len)
            verr(v, RULE_NMD048, c->span, "csi_plugin needs an id");
        if (!text_is(&c->type, "node") && !text_is(&c->type, "controller") &&
            !text_is(&c->type, "monolith"))
            verr(v, RULE_NMD048, c->type.set ? c->type.span : c->span,
                 "csi_plugin type must be node, controller or monolith, not \"%s\"",
                 c->type.set ? c->type.text : "");
    }
}
