#include "nomad/load.h"

#include "hcl/parse.h"
#include "json/json.h"
#include "nomad/api_json.h"
#include "nomad/decode.h"
#include "nomad/validate.h"

struct nomad_job *nomad_load_job(struct arena *arena, const struct source *src,
                                 struct diag_list *diags, bool *unparsable) {
    *unparsable = false;
    const struct json_value *api = NULL;
    if (hcl_is_json(src->text, src->len)) {
        /* only to tell API JSON from HCL-JSON: HCL-JSON files are
         * reported by the HCL front end below */
        struct diag_list json_diags;
        diag_list_init(&json_diags);
        const struct json_value *root = json_parse(arena, src, &json_diags);
        diag_list_free(&json_diags);
        if (root && nomad_is_api_json(root))
            api = root;
    }
    struct nomad_job *job;
    if (api) {
        job = nomad_decode_api_json(arena, src, api, diags);
    } else {
        struct hcl_file *file = hcl_parse(arena, src, diags);
        if (!file) {
            *unparsable = true;
            return NULL;
        }
        job = nomad_decode_hcl(arena, file, diags);
    }
    if (job) /* Nomad's validation: a rejected job never starts */
        nomad_validate(arena, src, job, diags);
    return job;
}
