/* validate.h — Nomad 0.12.12's defaults and validation, with locations.
 *
 * Contract: nomad_validate reproduces the local path of `nomad job
 * validate`: it works out Nomad's canonical values (docs/nomad.md, Defaults: type
 * service, priority 50, group count, restart/reschedule/update/migrate
 * policies merged from job and group and completed from the type's
 * defaults, task resources and logs, ...) without changing the job, then
 * applies every validation rule and warning of `nomad job validate`, each as an NMD
 * diagnostic located at the key or block that causes it (for a default,
 * the block that lacks the key). Unlike Nomad it does not stop at the first
 * failing check of a group. Never prints; allocations come from arena. */
#ifndef RKTC_NOMAD_VALIDATE_H
#define RKTC_NOMAD_VALIDATE_H

#include "diag/diag.h"
#include "nomad/job.h"

struct arena;

void nomad_validate(struct arena *arena, const struct source *src,
                    const struct nomad_job *job, struct diag_list *diags);

#endif
