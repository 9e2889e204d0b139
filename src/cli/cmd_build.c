/* cmd_build.c — `rktc build --target=sh|systemd [-o DIR] [--force]
 * [--dry-run] [--strict] [--node F]... [--alloc-id U] [--port ...] FILE...`:
 * launch artifacts for hosts without Nomad (targets/). Every input is
 * planned; a job Nomad would refuse (or, with --strict, one with any error
 * or GEN warning) is not written, nor is one that cannot be read (2); on
 * a command-line error (3) nothing is written. Otherwise the files go into
 * DIR (build_write: atomic, never over a file rktc did not write unless
 * --force, with a manifest) or to stdout with --dry-run.
 * Findings go to stderr; exit 1 when a GEN error remains (files are still
 * written: e.g. a periodic job whose schedule has no OnCalendar= form gets
 * no timer). Each job is written whole or not at all: the jobs that can be
 * built are written even when others fail (then listed as "not written",
 * exit 1, or 2 when one cannot be read). The directory gets an INSTALL
 * file with the commands that install and start it. With --node given
 * several times, allocations are placed on those hosts (schedule.h) and
 * each host's files go into DIR/<node name>. */
#include "cli/build_rewrite.h"
#include "cli/build_write.h"
#include "cli/check_run.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/findings.h"
#include "cli/plan_run.h"
#include "cli/rkt_options.h"
#include "diag/diag.h"
#include "rkt/plan.h"
#include "rkt/schedule.h"
#include "targets/install_notes.h"
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

/* an error of the translation itself (rkt-side errors do not fail a
 * build, as they do not fail a plan) */
static bool has_gen_error(const struct diag_list *diags) {
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].severity == SEVERITY_ERROR &&
            diags->items[i].rule->family == FAMILY_GEN)
            return true;
    return false;
}

/* ---- fleet: per-host outputs (schedule.h) ------------------------------- */

struct host_output {
    struct target_output out;
    struct systemd_build sd;
    char **job_ids; /* jobs written there (heap) */
    size_t job_count;
};

/* The tasks of plan placed on host h (all of them with one host); false
 * when none are. */
static bool plan_for_host(struct arena *arena, const struct rkt_plan *plan,
                          const struct fleet *fleet, size_t h, struct rkt_plan *part) {
    *part = *plan;
    if (fleet_host_count(fleet) == 1)
        return plan->count > 0;
    const char *name = fleet_host(fleet, h)->name;
    part->tasks = arena_array(arena, plan->count + 1, sizeof *part->tasks);
    part->count = 0;
    for (size_t i = 0; i < plan->count; i++)
        if (plan->tasks[i].node && strcmp(plan->tasks[i].node, name) == 0)
            part->tasks[part->count++] = plan->tasks[i];
    part->cap = part->count;
    return part->count > 0;
}

/* moves the files of from to the end of to */
static void take_files(struct target_output *to, struct target_output *from) {
    for (size_t i = 0; i < from->count; i++) {
        struct target_file *f = &from->files[i];
        struct buf *b = target_output_add(to, f->name, f->executable);
        buf_add(b, f->data.data ? f->data.data : "", f->data.len);
    }
}

/* INSTALL, then the files of every host: into dir itself with one host,
 * else into dir/<node name> */
static int finish_hosts(const char *dir, const struct fleet *fleet, struct host_output *hosts,
                        size_t host_count, bool systemd, bool force, bool dry_run,
                        bool errors) {
    int status = EXIT_OK;
    for (size_t h = 0; h < host_count; h++) {
        if (hosts[h].out.count == 0)
            continue;
        struct buf notes;
        buf_init(&notes);
        install_notes(&notes, &hosts[h].out, systemd, (const char *const *)hosts[h].job_ids,
                      hosts[h].job_count);
        buf_add(target_output_add(&hosts[h].out, INSTALL_NOTES_FILE, false), notes.data,
                notes.len);
        buf_free(&notes);
        char *host_dir = NULL;
        if (host_count > 1) {
            const char *name = fleet_host(fleet, h)->name;
            size_t len = strlen(dir) + strlen(name) + 2;
            host_dir = xmalloc(len);
            snprintf(host_dir, len, "%s/%s", dir, name);
            if (dry_run)
                printf("### node %s: %s\n", name, host_dir);
        }
        int st = build_finish(host_dir ? host_dir : dir, &hosts[h].out, force, dry_run, false,
                              false, errors);
        if (st > status)
            status = st;
        free(host_dir);
    }
    return status;
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
                     strcmp(a->value, "nomad-podman") != 0 &&
                     strcmp(a->value, "nomad-hcl2") != 0) {
                cli_usage_error("build", "--target must be sh, systemd, nomad-docker, "
                                "nomad-podman or nomad-hcl2");
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
    int rewrite = build_rewrite_run(&request); /* --target=nomad-docker|nomad-podman|nomad-hcl2 */
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

    /* every job is placed on the --node hosts (schedule.h) and planned; a
     * job Nomad refuses is neither planned nor given ports. With several
     * hosts each gets its own directory DIR/<node name> */
    struct plan_run run;
    status = plan_run_open(&run, &ropts, false);
    if (status != EXIT_OK)
        goto done;
    const struct fleet *fleet = run.fleet;
    size_t host_count = fleet_host_count(fleet);
    struct host_output *hosts = xcalloc(host_count, sizeof *hosts);
    for (size_t h = 0; h < host_count; h++) {
        target_output_init(&hosts[h].out);
        systemd_build_init(&hosts[h].sd);
    }
    bool failed = false, unreadable = false, errors = false;
    size_t jobs_written = 0;
    size_t run_wide_seen[3] = {0, 0, 0};
    struct buf not_written;
    buf_init(&not_written);
    for (size_t f = 0; f < file_count; f++) {
        struct plan_file pf;
        if (!plan_run_file(&run, files[f], &pf)) {
            unreadable = true;
            buf_printf(&not_written, "rktc: not written: %s (cannot be read)\n", files[f]);
            continue;
        }
        /* nothing is written for a job Nomad refuses */
        unreadable |= pf.unparsable;
        bool stop = pf.refused;
        struct target_output *job_out = xcalloc(host_count, sizeof *job_out);
        for (size_t h = 0; h < host_count; h++)
            target_output_init(&job_out[h]);
        const char *job_id = NULL;
        if (pf.planned) {
            const struct rkt_plan *plan = &pf.plan;
            if (plan->refused || has_stopper(&pf.diags, pf.plan_from, strict))
                stop = true;
            job_id = plan->job.id;
            size_t gen_from = pf.diags.count;
            for (size_t h = 0; h < host_count && !stop; h++) {
                struct rkt_plan part;
                if (!plan_for_host(pf.arena, plan, fleet, h, &part))
                    continue;
                if (target == TARGET_SH)
                    sh_target_build(&part, &job_out[h], &pf.diags);
                else
                    systemd_target_build(pf.arena, &hosts[h].sd, &part, &job_out[h],
                                         &pf.diags);
            }
            if (has_stopper(&pf.diags, gen_from, strict))
                stop = true;
        }
        if (has_gen_error(&pf.diags))
            errors = true;
        check_run_wide_once(&pf.diags, run_wide_seen); /* RKT023 once per run */
        /* a job is written whole or not at all */
        if (pf.planned && !stop) {
            for (size_t h = 0; h < host_count; h++)
                if (job_out[h].count) {
                    take_files(&hosts[h].out, &job_out[h]);
                    hosts[h].job_ids = xreallocarray(hosts[h].job_ids, hosts[h].job_count + 1,
                                                     sizeof *hosts[h].job_ids);
                    hosts[h].job_ids[hosts[h].job_count++] = xstrdup(job_id ? job_id : "");
                }
            jobs_written++;
        } else {
            failed |= !pf.unparsable;
            buf_printf(&not_written, "rktc: not written: %s (%s)\n", files[f],
                       pf.unparsable ? "cannot be parsed" : "findings above");
        }
        for (size_t h = 0; h < host_count; h++)
            target_output_free(&job_out[h]);
        free(job_out);
        cli_print_findings(stderr, &pf.diags);
        plan_file_done(&pf);
    }
    char *usage = plan_run_usage(&run);
    if (usage) {
        status = cli_usage_error("build", "%s", usage);
    } else if (jobs_written == 0) {
        if (not_written.len)
            fputs(not_written.data, stderr);
        struct target_output none;
        target_output_init(&none);
        status = build_finish(dir, &none, force, dry_run, unreadable, true, errors);
        target_output_free(&none);
    } else {
        status = finish_hosts(dir, fleet, hosts, host_count, target == TARGET_SYSTEMD, force,
                              dry_run, errors);
        if (not_written.len)
            fputs(not_written.data, stderr);
        if (unreadable)
            status = EXIT_INPUT;
        else if (failed && status == EXIT_OK)
            status = EXIT_FINDINGS;
    }
    buf_free(&not_written);
    free(usage);
    for (size_t h = 0; h < host_count; h++) {
        systemd_build_free(&hosts[h].sd);
        target_output_free(&hosts[h].out);
        for (size_t j = 0; j < hosts[h].job_count; j++)
            free(hosts[h].job_ids[j]);
        free(hosts[h].job_ids);
    }
    free(hosts);
    plan_run_close(&run);
done:
    free(files);
    rkt_options_free(&ropts);
    return status;
}
