/* fuzz_node.c — libFuzzer harness for the host profile reader (`--node
 * FILE`, as rkt_options_node reads it): bytes through hcl_parse and
 * node_read on the default profile; a profile that reads without error is
 * then used as plan and build use it: a fixed job that reaches every part
 * of the profile (attributes, meta, class, datacenter, host volumes,
 * dynamic ports, rkt_path, alloc_dir, node interpolation) is planned on
 * it, and the plan rendered as JSON, text, sh launchers and systemd
 * units. */
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
#include <string.h>

static const char job_text[] =
    "job \"web\" {\n"
    "  datacenters = [\"dc1\", \"dc2\"]\n"
    "  constraint {\n"
    "    attribute = \"${attr.kernel.name}\"\n"
    "    value     = \"linux\"\n"
    "  }\n"
    "  group \"g\" {\n"
    "    count = 2\n"
    "    constraint {\n"
    "      attribute = \"${meta.rack}\"\n"
    "      operator  = \"regexp\"\n"
    "      value     = \"r[0-9]+\"\n"
    "    }\n"
    "    constraint {\n"
    "      attribute = \"${node.class}\"\n"
    "      operator  = \"!=\"\n"
    "      value     = \"gpu\"\n"
    "    }\n"
    "    constraint {\n"
    "      attribute = \"${attr.driver.rkt.version}\"\n"
    "      operator  = \"version\"\n"
    "      value     = \">= 1.0\"\n"
    "    }\n"
    "    constraint {\n"
    "      operator = \"distinct_property\"\n"
    "      attribute = \"${meta.rack}\"\n"
    "      value = \"3\"\n"
    "    }\n"
    "    volume \"data\" {\n"
    "      type      = \"host\"\n"
    "      source    = \"shared\"\n"
    "      read_only = true\n"
    "    }\n"
    "    task \"app\" {\n"
    "      driver = \"rkt\"\n"
    "      volume_mount {\n"
    "        volume      = \"data\"\n"
    "        destination = \"/data\"\n"
    "      }\n"
    "      env {\n"
    "        NODE   = \"${node.unique.name}\"\n"
    "        ID     = \"${node.unique.id}\"\n"
    "        DC     = \"${node.datacenter}\"\n"
    "        REGION = \"${node.region}\"\n"
    "        CLASS  = \"${node.class}\"\n"
    "        KERNEL = \"${attr.kernel.name}\"\n"
    "        RACK   = \"${meta.rack}\"\n"
    "      }\n"
    "      config {\n"
    "        image   = \"docker://nginx:1.19\"\n"
    "        insecure_options = [\"image\"]\n"
    "        args    = [\"${node.unique.name}\", \"${NOMAD_ALLOC_DIR}\"]\n"
    "        volumes = [\"/srv/${node.unique.id}:/id\"]\n"
    "        port_map {\n          http  = \"80-tcp\"\n          admin = \"9000-tcp\"\n        }\n"
    "      }\n"
    "      resources {\n"
    "        network {\n"
    "          port \"http\" {}\n"
    "          port \"admin\" {}\n"
    "        }\n"
    "      }\n"
    "    }\n"
    "  }\n"
    "}\n";

static void plan_on(struct arena *arena, const struct node_profile *node) {
    struct source *src = source_from_memory("job.nomad", job_text, sizeof job_text - 1);
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
    source_free(src);
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
