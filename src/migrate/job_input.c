/* job_input.c — read one job file for the migration (see job_input.h). */
#include "migrate/job_input.h"

#include "nomad/unit.h"
#include "util/arena.h"

#include <string.h>

static void first_error(struct arena *arena, const struct diag_list *diags, size_t from,
                        struct job_input *out) {
    for (size_t i = from; i < diags->count; i++)
        if (diags->items[i].severity == SEVERITY_ERROR) {
            out->reason = arena_printf(arena, "%s: %s", diags->items[i].rule->id,
                                       diags->items[i].message);
            out->reason_span = diags->items[i].span;
            return;
        }
    out->reason = "not a Nomad job";
}

void job_input_read(struct arena *arena, const struct source *src, struct job_input *out,
                    struct diag_list *diags) {
    memset(out, 0, sizeof *out);
    out->src = src;
    size_t from = diags->count;
    struct unit unit;
    /* migration converts the job Nomad reads: templates Nomad accepts too */
    struct unit_options load = {.stage = UNIT_JOB, .arena = arena, .nomad_exact = true};
    unit_load(&unit, src, &load);
    out->job = unit.job;
    out->hcl = unit.tree;
    out->api = unit.json;
    out->not_hcl = unit.unreadable;
    diag_list_take(diags, &unit.diags);
    unit_free(&unit);
    if (!out->job)
        first_error(arena, diags, from, out);
}

static const struct json_value *element(const struct json_value *array, size_t index) {
    if (!array || array->kind != JSON_ARRAY)
        return NULL;
    size_t seen = 0; /* null elements decode to nil pointers: skipped by the model */
    for (size_t i = 0; i < array->as.array.count; i++) {
        const struct json_value *e = array->as.array.elems[i];
        if (e->kind == JSON_NULL)
            continue;
        if (seen++ == index)
            return e;
    }
    return NULL;
}

const struct json_value *job_input_api_task(const struct job_input *in, size_t gi, size_t ti) {
    if (!in->api)
        return NULL;
    const struct json_value *job = json_object_get_fold(in->api, "Job");
    const struct json_value *group = element(json_object_get_fold(job, "TaskGroups"), gi);
    const struct json_value *task = element(json_object_get_fold(group, "Tasks"), ti);
    return task && task->kind == JSON_OBJECT ? task : NULL;
}
