/* cmd_build.c — `rktc build --target=sh|systemd [-o DIR] [--force]
 * [--dry-run] [--strict] [--node F] [--alloc-id U] [--port ...] FILE...`:
 * launch artifacts for hosts without Nomad (targets/). Every input is
 * planned first; when Nomad would refuse any task of any input (exit 1),
 * an input cannot be read (2) or the command line is wrong (3), nothing is
 * written. --strict also stops on any error or GEN warning. Otherwise the
 * files go into DIR (build_write: atomic, never over a file rktc did not
 * write unless --force, with a manifest) or to stdout with --dry-run.
 * Findings go to stderr; exit 1 when a GEN error remains (files are still
 * written: e.g. a periodic job whose schedule has no OnCalendar= form gets
 * no timer). */
#include "cli/build_rewrite.h"
#include "cli/build_write.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/findings.h"
#include "cli/rkt_options.h"
#include "diag/diag.h"
#include "nomad/load.h"
#include "rkt/from_job.h"
#include "rkt/plan.h"
#include "targets/sh_target.h"
#include "targets/systemd_target.h"
#include "util/arena.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum build_target { TARGET_NONE, TARGET_SH, TARGET_SYSTEMD };

/* --strict: every error and every GEN warning stops the build (plan and
 * build stop on their own only where Nomad would refuse) */
static bool has_stopper(const struct diag_list *diags, size_t from, bool strict) {
    if (!strict)
        return false;
    for (size_t i = from; i < diags->count; i++) {
        const struct diag *d = &diags->items[i];
        if (d->severity == SEVERITY_ERROR ||
            (d->severity == SEVERITY_WARNING && d->rule->family == FAMILY_GEN))
            return true;
    }
    return false;
}

static bool has_error(const struct diag_list *diags) {
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].severity == SEVERITY_ERROR)
            return true;
    return false;
}

/* an error of the translation itself (rkt-side errors do not fail a
 * build, as they do not fail a plan) */
static bool has_gen_error(const struct diag_list *diags) {
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].severity == SEVERITY_ERROR &&
            diags->items[i].rule->family == FAMILY_GEN)
            return true;
    return false;
}

int cmd_build(int argc, char **argv) {
    struct rkt_options ropts = {0};
    enum build_target target = TARGET_NONE;
    const char *dir = ".";
    bool strict = false, force = false, dry_run = false;
    int status = EXIT_OK;
    const char *target_name = NULL;
    struct cli_args args;
    bool ok = cli_args_parse("build", argc, argv, &args);
    for (size_t k = 0; ok && k < args.count; k++) {
        const struct cli_arg *a = &args.items[k];
        int took = rkt_options_take(&ropts, "build", a);
        if (took != 0) {
            ok = took > 0;
            continue;
        }
        switch (a->flag) {
        case FLAG_TARGET:
            target_name = a->value;
            if (strcmp(a->value, "sh") == 0)
                target = TARGET_SH;
            else if (strcmp(a->value, "systemd") == 0)
                target = TARGET_SYSTEMD;
            else if (strcmp(a->value, "nomad-docker") != 0 &&
                     strcmp(a->value, "nomad-podman") != 0) {
                cli_usage_error("build", "--target must be sh, systemd, nomad-docker or "
                                "nomad-podman");
                ok = false;
            }
            break;
        case FLAG_OUTPUT: dir = a->value; break;
        case FLAG_STRICT: strict = true; break;
        case FLAG_FORCE: force = true; break;
        case FLAG_DRY_RUN: dry_run = true; break;
        default: break;
        }
    }
    char **files = args.operands;
    size_t file_count = args.operand_count;
    args.operands = NULL;
    cli_args_free(&args);
    if (!ok) {
        status = EXIT_USAGE;
        goto done;
    }
    struct build_request request = {target_name, dir, strict, force, dry_run,
                                    ropts.node_path || ropts.alloc_id || ropts.port_count,
                                    files, file_count};
    int rewrite = build_rewrite_run(&request); /* --target=nomad-docker|nomad-podman */
    if (rewrite >= 0) {
        status = rewrite;
        goto done;
    }
    if (target == TARGET_NONE) {
        status = cli_usage_error("build", "--target=sh or --target=systemd is required");
        goto done;
    }
    if (file_count == 0) {
        status = cli_usage_error("build", "no input file");
        goto done;
    }
    if (!*dir) {
        status = cli_usage_error("build", "-o needs a directory");
        goto done;
    }

    struct arena *node_arena = arena_new();
    struct node_profile node;
    status = rkt_options_node(node_arena, &ropts, &node);
    if (status != EXIT_OK) {
        arena_free(node_arena);
        goto done;
    }
    struct target_output out;
    target_output_init(&out);
    struct systemd_build sd;
    systemd_build_init(&sd);
    bool stop = false, unreadable = false, errors = false;
    const char *usage = NULL;
    bool *port_used = xcalloc(ropts.port_count + 1, sizeof *port_used);
    for (size_t f = 0; f < file_count; f++) {
        char *error = NULL;
        struct source *src = source_load(files[f], NULL, &error);
        if (!src) {
            fprintf(stderr, "rktc: %s\n", error);
            free(error);
            unreadable = true;
            continue;
        }
        struct arena *arena = arena_new();
        struct diag_list diags;
        diag_list_init(&diags);
        /* HCL, HCL-JSON or Nomad API JSON, decoded and validated as `rktc
         * plan` reads them: nothing is written for a job Nomad refuses */
        bool unparsable;
        struct nomad_job *job = nomad_load_job(arena, src, &diags, &unparsable);
        if (unparsable)
            unreadable = true;
        else if (!job || has_error(&diags))
            stop = true;
        if (job && !stop) {
            struct plan_options popts;
            rkt_options_plan(&ropts, &popts);
            popts.source_name = files[f];
            struct rkt_job_input *input = rkt_input_from_job(arena, src, job);
            size_t before = diags.count;
            struct rkt_plan plan;
            rkt_plan_job(arena, input, &node, &popts, &plan, &diags);
            for (size_t i = 0; i < plan.port_count; i++)
                port_used[i] |= plan.port_used[i];
            if (plan.usage_error && !usage)
                usage = xstrdup(plan.usage_error);
            if (plan.refused || has_stopper(&diags, before, strict))
                stop = true;
            size_t gen_from = diags.count;
            if (target == TARGET_SH)
                sh_target_build(&plan, &out, &diags);
            else
                systemd_target_build(arena, &sd, &plan, &out, &diags);
            if (has_stopper(&diags, gen_from, strict))
                stop = true;
        }
        if (has_gen_error(&diags))
            errors = true;
        cli_print_findings(stderr, &diags);
        diag_list_free(&diags);
        arena_free(arena);
        source_free(src);
    }
    for (size_t i = 0; i < ropts.port_count && !usage; i++)
        if (!port_used[i]) {
            struct buf m;
            buf_init(&m);
            plan_port_unused_message(&m, &ropts.ports[i]);
            usage = buf_detach(&m);
        }
    if (usage) {
        status = cli_usage_error("build", "%s", usage);
    } else {
        status = build_finish(dir, &out, force, dry_run, unreadable, stop, errors);
    }
    free((char *)usage);
    free(port_used);
    systemd_build_free(&sd);
    target_output_free(&out);
    arena_free(node_arena);
done:
    free(files);
    rkt_options_free(&ropts);
    return status;
}
