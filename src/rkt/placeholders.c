/* placeholders.c — template placeholders left in values (see placeholders.h). */
#include "rkt/placeholders.h"

#include "nomad/kind.h"

#include <stdio.h>
#include <string.h>

static void check_value(const struct source *src, const struct rkt_task_input *task,
                        const char *what, const char *value, struct span at,
                        struct diag_list *diags) {
    struct nomad_marker m;
    if (!value || !nomad_template_marker(value, strlen(value), 0, &m))
        return;
    struct diag *d = diag_add(
        diags, RULE_RKT055, src, at.end ? at : task->span,
        "task \"%s\": %s \"%s\" still holds the %s placeholder `%.*s`; Nomad and rkt "
        "use it as written",
        task->name, what, value, nomad_template_name(m.kind), (int)(m.end - m.start),
        value + m.start);
    if (d)
        diag_fix(d, "render the job file with its template tool first (or write the "
                 "value out)");
}

static void check_list(const struct source *src, const struct rkt_task_input *task,
                       const char *what, const struct rkt_strings *list,
                       struct diag_list *diags) {
    for (size_t i = 0; i < list->count; i++)
        check_value(src, task, what, list->items[i].text,
                    list->items[i].span.end ? list->items[i].span : list->span, diags);
}

void rkt_check_placeholders(const struct source *src, const struct rkt_task_input *task,
                            const struct rkt_config *cfg, struct diag_list *diags) {
    if (cfg) {
        if (cfg->image.set)
            check_value(src, task, "rkt image", cfg->image.text, cfg->image.span, diags);
        if (cfg->command.set)
            check_value(src, task, "command", cfg->command.text, cfg->command.span, diags);
        check_list(src, task, "argument", &cfg->args, diags);
        check_list(src, task, "volume", &cfg->volumes, diags);
    }
    for (size_t i = 0; i < task->env.count; i++) {
        const struct rkt_pair *e = &task->env.items[i];
        char what[128];
        snprintf(what, sizeof what, "env %s", e->key);
        check_value(src, task, what, e->value, e->value_span, diags);
    }
}
