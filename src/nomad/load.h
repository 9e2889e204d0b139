/* load.h — a job file as rktc's plan and build commands read it.
 *
 * Contract: nomad_load_job reads Nomad API JSON ({"Job": {...}}) with the
 * API reader and anything else with the HCL front end (native HCL1 or
 * HCL-JSON) and the jobspec decoder, then applies Nomad's defaults-free
 * validation. Every finding goes to diags. *unparsable is set when the
 * bytes are not HCL at all (the commands' exit status 2). The job is what
 * Nomad would run only when it is non-NULL and diags holds no error. */
#ifndef RKTC_NOMAD_LOAD_H
#define RKTC_NOMAD_LOAD_H

#include "diag/diag.h"
#include "nomad/job.h"

#include <stdbool.h>

struct arena;

struct nomad_job *nomad_load_job(struct arena *arena, const struct source *src,
                                 struct diag_list *diags, bool *unparsable);

#endif
