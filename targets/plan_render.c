#include "targets/plan_render.h"

#include "util/json_quote.h"
#include "util/shell_quote.h"

#include <inttypes.h>
#include <string.h>

static void key(struct buf *out, const char *name, bool *first) {
    if (!*first)
        buf_putc(out, ',');
    *first = false;
    buf_puts(out, "\n      ");
    json_write_string(out, name, strlen(name));
    buf_puts(out, ": ");
}

static void str(struct buf *out, const char *text) {
    if (!text)
        buf_puts(out, "null");
    else
        json_write_string(out, text, strlen(text));
}

void plan_json_task(struct buf *out, const struct plan_task *t) {
    bool first = true;
    buf_puts(out, "    {");
    key(out, "job", &first);
    str(out, t->job);
    key(out, "group", &first);
    str(out, t->group);
    key(out, "index", &first);
    buf_printf(out, "%d", t->index);
    key(out, "task", &first);
    str(out, t->task);
    key(out, "alloc_id", &first);
    str(out, t->alloc_id);
    if (t->node) { /* --node given: the host the allocation is placed on */
        key(out, "node", &first);
        str(out, t->node);
    }
    key(out, "driver", &first);
    str(out, t->driver);
    key(out, "skipped", &first);
    buf_puts(out, t->skipped ? "true" : "false");
    key(out, "commands", &first);
    buf_putc(out, '[');
    for (size_t i = 0; i < t->command_count; i++) {
        const struct plan_command *c = &t->commands[i];
        buf_puts(out, i ? ",\n        {\"cmd\": " : "\n        {\"cmd\": ");
        str(out, plan_cmd_name(c->kind));
        buf_puts(out, ", \"argv\": [");
        for (size_t j = 0; j < c->argc; j++) {
            if (j)
                buf_puts(out, ", ");
            str(out, c->argv[j]);
        }
        buf_puts(out, "]}");
    }
    buf_puts(out, t->command_count ? "\n      ]" : "]");
    if (t->skipped) {
        buf_puts(out, "\n    }");
        return;
    }
    key(out, "alloc_dir", &first);
    str(out, t->alloc_dir);
    key(out, "task_dir", &first);
    str(out, t->task_dir);
    key(out, "dirs", &first);
    buf_putc(out, '[');
    for (size_t i = 0; i < t->dir_count; i++) {
        buf_puts(out, i ? ",\n        {\"path\": " : "\n        {\"path\": ");
        str(out, t->dirs[i].path);
        buf_printf(out, ", \"mode\": \"%04o\", \"tmpfs\": %s}", t->dirs[i].mode,
                   t->dirs[i].tmpfs ? "true" : "false");
    }
    buf_puts(out, t->dir_count ? "\n      ]" : "]");
    key(out, "ports", &first);
    buf_putc(out, '[');
    for (size_t i = 0; i < t->port_count; i++) {
        buf_puts(out, i ? ", {\"label\": " : "{\"label\": ");
        str(out, t->ports[i].label);
        buf_printf(out, ", \"host_port\": %d, \"static\": %s, \"port_name\": ",
                   t->ports[i].host_port, t->ports[i].is_static ? "true" : "false");
        str(out, t->ports[i].port_name);
        buf_putc(out, '}');
    }
    buf_putc(out, ']');
    key(out, "env", &first);
    buf_putc(out, '{');
    for (size_t i = 0; i < t->env.count; i++) {
        if (i)
            buf_puts(out, ", ");
        str(out, t->env.vars[i].key);
        buf_puts(out, ": ");
        str(out, t->env.vars[i].value);
    }
    buf_putc(out, '}');
    key(out, "resources", &first);
    buf_printf(out, "{\"cpu\": %d, \"memory\": %d}", t->cpu, t->memory);
    key(out, "user", &first);
    str(out, t->user ? t->user : "");
    key(out, "kill_timeout_ns", &first);
    buf_printf(out, "%" PRId64, t->kill_timeout_ns);
    key(out, "kill_signal", &first);
    str(out, t->kill_signal);
    key(out, "restart", &first);
    buf_printf(out, "{\"attempts\": %d, \"interval_ns\": %" PRId64 ", \"delay_ns\": %" PRId64
                    ", \"mode\": ",
               t->restart_attempts, t->restart_interval_ns, t->restart_delay_ns);
    str(out, t->restart_mode ? t->restart_mode : "fail");
    buf_putc(out, '}');
    key(out, "lifecycle", &first);
    if (t->lifecycle_hook && *t->lifecycle_hook) {
        buf_puts(out, "{\"hook\": ");
        str(out, t->lifecycle_hook);
        buf_printf(out, ", \"sidecar\": %s}", t->lifecycle_sidecar ? "true" : "false");
    } else {
        buf_puts(out, "null");
    }
    key(out, "leader", &first);
    buf_puts(out, t->leader ? "true" : "false");
    buf_puts(out, "\n    }");
}

void plan_text_task(struct buf *out, const struct plan_task *t) {
    buf_printf(out, "# %s.%s[%d] task %s", t->job, t->group, t->index, t->task);
    if (t->skipped) {
        buf_printf(out, ": skipped (%s driver)\n", t->driver && *t->driver ? t->driver : "no");
        return;
    }
    buf_printf(out, " (alloc %s", t->alloc_id);
    if (t->node)
        buf_printf(out, ", node %s", t->node);
    buf_puts(out, ")\n");
    for (size_t i = 0; i < t->command_count; i++) {
        const struct plan_command *c = &t->commands[i];
        for (size_t j = 0; j < c->argc; j++) {
            if (j)
                buf_putc(out, ' ');
            shell_quote_str(out, c->argv[j]);
        }
        buf_putc(out, '\n');
    }
}
