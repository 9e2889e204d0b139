/* fuzz_plan.c — libFuzzer harness for the plan path: bytes through
 * hcl_parse, the Nomad decoder (HCL or API JSON), the rkt adapter and
 * rkt_plan_job on the default host profile, with the JSON and text
 * renderings of every planned task; the parsed tree is also read as a
 * host profile (node_read). */
#include "diag/diag.h"
#include "hcl/parse.h"
#include "json/json.h"
#include "nomad/api_json.h"
#include "nomad/decode.h"
#include "rkt/from_job.h"
#include "rkt/plan.h"
#include "targets/plan_render.h"
#include "source.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 18)
        return 0;
    struct source *src = source_from_memory("fuzz.hcl", (const char *)data, size);
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    struct nomad_job *job = NULL;
    const struct json_value *root = NULL;
    if (hcl_is_json(src->text, src->len)) {
        struct diag_list ignored;
        diag_list_init(&ignored);
        root = json_parse(arena, src, &ignored);
        diag_list_free(&ignored);
    }
    if (root && nomad_is_api_json(root)) {
        job = nomad_decode_api_json(arena, src, root, &diags);
    } else {
        struct hcl_file *file = hcl_parse(arena, src, &diags);
        if (file) {
            /* the same tree as a host profile exercises node_read */
            struct node_profile profile;
            node_defaults(arena, &profile);
            (void)node_read(arena, file, &profile, &diags);
            job = nomad_decode_hcl(arena, file, &diags);
        }
    }
    if (job) {
        struct node_profile node;
        node_defaults(arena, &node);
        struct rkt_job_input *input = rkt_input_from_job(arena, src, job);
        struct rkt_plan plan;
        rkt_plan_job(arena, input, &node, NULL, &plan, &diags);
        struct buf out;
        buf_init(&out);
        for (size_t i = 0; i < plan.count; i++) {
            plan_json_task(&out, &plan.tasks[i]);
            plan_text_task(&out, &plan.tasks[i]);
        }
        buf_free(&out);
    }
    for (size_t i = 0; i < diags.count; i++)
        (void)source_position(src, diags.items[i].span.start);
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
    return 0;
}
