/* fuzz_node.c — libFuzzer harness for the host profile reader (`--node
 * FILE`, as rkt_options_node reads it): bytes through hcl_parse and
 * node_read on the default profile; a profile that reads without error is
 * then used as plan and build use it: a fixed job that reaches every part
 * of the profile (tests/fuzz/node-job.nomad: attributes, meta, class,
 * datacenter, host volumes, dynamic ports, rkt_path, alloc_dir, node
 * interpolation) is planned on it, and the plan rendered as JSON, text,
 * sh launchers and systemd units. */
#include "diag/diag.h"
#include "hcl/parse.h"
#include "nomad/decode.h"
#include "rkt/from_job.h"
#include "rkt/node.h"
#include "rkt/plan.h"
#include "source.h"
#include "targets/plan_render.h"
#include "targets/sh_target.h"
#include "targets/systemd_target.h"
#include "targets/target.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* tests/fuzz/node-job.nomad, read once (the harness runs from the
 * repository's root) */
static struct source *job_src;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    char *error = NULL;
    job_src = source_load("tests/fuzz/node-job.nomad", NULL, &error);
    if (!job_src) {
        fprintf(stderr, "fuzz_node: %s (run from the repository's root)\n", error);
        abort();
    }
    return 0;
}

static void plan_on(struct arena *arena, const struct node_profile *node) {
    const struct source *src = job_src;
    struct diag_list diags;
    diag_list_init(&diags);
    struct hcl_file *file = hcl_parse(arena, src, &diags);
    struct nomad_job *job = file ? nomad_decode_hcl(arena, file, &diags) : NULL;
    if (job) {
        struct rkt_job_input *input = rkt_input_from_job(arena, src, job);
        struct plan_options options;
        memset(&options, 0, sizeof options);
        options.node_given = true;
        struct rkt_plan plan;
        rkt_plan_job(arena, input, node, &options, &plan, &diags);
        struct buf out;
        buf_init(&out);
        for (size_t i = 0; i < plan.count; i++) {
            plan_json_task(&out, &plan.tasks[i]);
            plan_text_task(&out, &plan.tasks[i]);
        }
        buf_free(&out);
        struct target_output files;
        target_output_init(&files);
        sh_target_build(&plan, &files, &diags);
        struct systemd_build build;
        systemd_build_init(&build);
        systemd_target_build(arena, &build, &plan, &files, &diags);
        systemd_build_free(&build);
        target_output_free(&files);
    }
    for (size_t i = 0; i < diags.count; i++)
        (void)source_position(src, diags.items[i].span.start);
    diag_list_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 16)
        return 0;
    struct source *src = source_from_memory("node.hcl", (const char *)data, size);
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    struct node_profile node;
    node_defaults(arena, &node);
    struct hcl_file *file = hcl_parse(arena, src, &diags);
    if (file && node_read(arena, file, &node, &diags))
        plan_on(arena, &node);
    for (size_t i = 0; i < diags.count; i++) {
        (void)source_position(src, diags.items[i].span.start);
        (void)source_position(src, diags.items[i].span.end);
    }
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
    return 0;
}
