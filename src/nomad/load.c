/* load.c — a job as plan and build read it (see load.h). */
#include "nomad/load.h"

#include "nomad/unit.h"

struct nomad_job *nomad_load_job(struct arena *arena, const struct source *src,
                                 struct diag_list *diags, bool *unparsable) {
    struct unit unit;
    struct unit_options load = {.stage = UNIT_VALID, .arena = arena};
    unit_load(&unit, src, &load);
    struct nomad_job *job = unit.job;
    *unparsable = unit.unreadable;
    diag_list_take(diags, &unit.diags);
    unit_free(&unit);
    return job;
}
