/* plan_render.h — the launch plan as text for `rktc plan`.
 *
 * Contract: plan_json_task appends one task object of docs/cli.md's fixed
 * `rktc plan --format=json` interface ({"job", "group", "index", "task",
 * "alloc_id", "commands": [{"cmd", "argv"}], ...} plus the directories,
 * ports, environment, resources, restart, kill and lifecycle settings that
 * targets need); the caller writes the surrounding {"tasks": [...]}.
 * plan_text_task appends the text form: a comment line naming the task,
 * then each command as one shell-quoted line. Skipped tasks carry
 * "skipped": true and no commands. Never prints. */
#ifndef RKTC_RKT_PLAN_RENDER_H
#define RKTC_RKT_PLAN_RENDER_H

#include "rkt/plan.h"
#include "util/buf.h"

void plan_json_task(struct buf *out, const struct plan_task *task);
void plan_text_task(struct buf *out, const struct plan_task *task);

#endif
