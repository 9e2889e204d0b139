/* plan_render.h — `rktc plan`'s own output: the launch plan as JSON or text.
 *
 * Contract: plan_json_task appends one task object of the fixed
 * `rktc plan --format=json` interface ({"job", "group", "index", "task",
 * "alloc_id", "driver", "skipped", "commands": [{"cmd", "argv"}], then the
 * directories, ports, environment, resources, user, kill, restart,
 * lifecycle and leader settings}); the caller writes the surrounding
 * {"tasks": [...]}. plan_text_task appends the text form: a comment line
 * naming the task, then each of the driver's commands as one shell-quoted
 * line. Skipped tasks carry "skipped": true and no commands. A renderer
 * like the sh and systemd targets: it reads only the plan (rkt/launch.h).
 * Never prints. */
#ifndef RKTC_TARGETS_PLAN_RENDER_H
#define RKTC_TARGETS_PLAN_RENDER_H

#include "rkt/launch.h"
#include "util/buf.h"

void plan_json_task(struct buf *out, const struct plan_task *task);
void plan_text_task(struct buf *out, const struct plan_task *task);

#endif
