#include "cli/analyze.h"
#include "hcl/generic.h"
#include "hcl/parse.h"
#include "json/json.h"
#include "nomad/api_json.h"
#include "nomad/decode.h"
#include "nomad/validate.h"
#include "rkt/check.h"

#include <string.h>

bool analyze_is_parse_failure(const struct diag *d) {
    return d->severity == SEVERITY_ERROR &&
           (d->rule->code == RULE_HCL001 || d->rule->code == RULE_HCL002 ||
            d->rule->code == RULE_HCL003);
}

static bool has_parse_failure(const struct diag_list *diags, size_t from) {
    for (size_t i = from; i < diags->count; i++)
        if (analyze_is_parse_failure(&diags->items[i]))
            return true;
    return false;
}

const struct hcl_file *analyze_file(struct arena *arena, const struct source *src,
                                    const struct analyze_options *options,
                                    struct diag_list *diags, bool *parse_failed) {
    (void)options;
    size_t first = diags->count;
    *parse_failed = false;

    const struct hcl_file *file = hcl_parse(arena, src, diags);
    if (!file || has_parse_failure(diags, first)) {
        *parse_failed = true;
        return file;
    }
    const struct gval *generic = hcl_decode_generic(arena, file, diags);
    if (!generic || has_parse_failure(diags, first)) {
        *parse_failed = true;
        return file;
    }
    /* Nomad job model, validation and rkt checks follow here. */
    const struct json_value *api = NULL;
    if (file->is_json) {
        struct diag_list json_diags;
        diag_list_init(&json_diags);
        const struct json_value *root = json_parse(arena, src, &json_diags);
        diag_list_free(&json_diags);
        if (root && nomad_is_api_json(root))
            api = root;
    }
    const struct nomad_job *job = api ? nomad_decode_api_json(arena, src, api, diags)
                                      : nomad_decode_hcl_generic(arena, file, generic, diags);
    if (job)
        nomad_validate(arena, src, job, diags);
    if (job)
        rkt_check_job(arena, src, job, options ? options->node : NULL,
                      options ? options->plan : NULL, diags);
    return file;
}
