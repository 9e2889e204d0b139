/* rewrite.h — the edits that turn a job's rkt tasks into docker or podman
 * tasks (`rktc build --target=nomad-docker|nomad-podman`).
 *
 * Contract: mig_rewrite_edits lists the edits of the input text (edits.h);
 * the target applies them (targets/nomad_rewrite.h). Per rkt task the
 * `driver` value and the `config` block (HCL) or the "Driver" and "Config"
 * values (API JSON) are replaced, a `group` becomes the task's
 * `user = "U:G"`, and `${driver.rkt}` constraints become
 * `${attr.driver.<new driver>}`, the attribute Nomad 0.12 and 1.x both set.
 * In HCL inputs the rkt tasks' networks move to one group-level `network`
 * whose ports carry `to` = the container port the rkt `port_map` gave (and
 * whose `mbits` takes the tasks' `mbits`), the new config lists the task's
 * ports in `ports` (no `port_map`), and the services of every rkt task of
 * such a group move to the group with `task` = their task; where the ports
 * cannot move, MIG012 (JSON inputs, which are not edited in place but
 * written as HCL first, get the same findings at their JSON locations).
 * Every other byte (comments included) stays as written. The new config is laid out
 * like `nomad fmt`. Every use whose fate on the destination is not "same"
 * (mapping.h) becomes one MIG diagnostic at its source location and one
 * comment next to the place in the output (HCL) or one line in `notes`
 * (JSON inputs, which have no comments). Returns false (and an MIG001
 * error) for inputs it cannot rewrite: not a job, or an HCL-JSON task with
 * several `config` objects. The same input always gives the same edits. */
#ifndef RKTC_MIGRATE_REWRITE_H
#define RKTC_MIGRATE_REWRITE_H

#include "diag/diag.h"
#include "migrate/edits.h"
#include "migrate/inventory.h"
#include "migrate/job_input.h"
#include "util/buf.h"

#include <stdbool.h>

struct arena;

bool mig_rewrite_edits(struct arena *arena, const struct job_input *in,
                       const struct mig_job *inventory, enum mig_dest dest,
                       struct mig_edits *edits, struct buf *notes, struct diag_list *diags);

#endif
