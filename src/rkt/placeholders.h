/* placeholders.h — template placeholders left in values Nomad uses.
 *
 * Contract: rkt_check_placeholders reports (RKT055, a warning at the value)
 * every string of an rkt task that Nomad and rkt would use as written
 * although it still holds a template placeholder (nomad/kind.h:
 * Levant `[[ ]]`, Go `{{ }}`, Terraform `%{ }` and Terraform-only `${...}`
 * forms): the image, the command, each argument, each volume and each env
 * value. Never refuses a task. */
#ifndef RKTC_RKT_PLACEHOLDERS_H
#define RKTC_RKT_PLACEHOLDERS_H

#include "diag/diag.h"
#include "rkt/config.h"
#include "rkt/task.h"

/* cfg may be NULL (the config did not decode): env values only. */
void rkt_check_placeholders(const struct source *src, const struct rkt_task_input *task,
                            const struct rkt_config *cfg, struct diag_list *diags);

#endif
