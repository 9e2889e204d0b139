/* job_input.c — read one job file for the migration (see job_input.h). */
#include "migrate/job_input.h"

#include "hcl/parse.h"
#include "nomad/api_json.h"
#include "nomad/decode.h"
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
    if (hcl_is_json(src->text, src->len)) {
        struct diag_list json_diags;
        diag_list_init(&json_diags);
        const struct json_value *root = json_parse(arena, src, &json_diags);
        diag_list_free(&json_diags);
        if (root && nomad_is_api_json(root))
            out->api = root;
    }
    if (out->api) {
        out->job = nomad_decode_api_json(arena, src, out->api, diags);
    } else {
        out->hcl = hcl_parse(arena, src, diags);
        if (!out->hcl)
            out->not_hcl = true;
        else
            out->job = nomad_decode_hcl(arena, out->hcl, diags);
    }
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
