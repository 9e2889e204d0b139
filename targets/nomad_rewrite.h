/* nomad_rewrite.h — a job file with its rkt tasks turned into docker or
 * podman driver tasks (`rktc build --target=nomad-docker|nomad-podman`).
 *
 * Contract: nomad_rewrite_job edits the input text in place: per rkt task
 * the `driver` value and the `config` block (HCL) or the "Driver" and
 * "Config" values (API JSON) are replaced, a `group` becomes the task's
 * `user = "U:G"`, and `${driver.rkt}` constraints name the new driver;
 * every other byte (comments included) stays as written. The new config
 * is laid out like `nomad fmt` (two-space or tab indentation as the file
 * uses, `=` aligned within runs of attributes). Every use whose fate on the
 * destination is not "same" (mapping.h) becomes one MIG diagnostic at its
 * source location and one comment next to the place in the output (HCL)
 * or one line in `notes` (API JSON and HCL-JSON, which have no comments).
 * Returns false (and an MIG001 error) for inputs it cannot rewrite: not a
 * job, or an HCL-JSON task with several `config` objects.
 * The same input always gives the same bytes. */
#ifndef RKTC_TARGETS_NOMAD_REWRITE_H
#define RKTC_TARGETS_NOMAD_REWRITE_H

#include "diag/diag.h"
#include "migrate/inventory.h"
#include "migrate/job_input.h"
#include "util/buf.h"

#include <stdbool.h>

struct arena;

bool nomad_rewrite_job(struct arena *arena, const struct job_input *in,
                       const struct mig_job *inventory, enum mig_dest dest, struct buf *out,
                       struct buf *notes, struct diag_list *diags);

#endif
