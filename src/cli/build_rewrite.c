/* build_rewrite.c — the migration targets of `rktc build` (see build_rewrite.h). */
#include "util/xalloc.h"
#include "cli/build_rewrite.h"

#include "cli/build_write.h"
#include "cli/cli.h"
#include "cli/inputs.h"
#include "cli/findings.h"
#include "migrate/inventory.h"
#include "migrate/job_input.h"
#include "targets/nomad_rewrite.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool stops(const struct diag_list *diags, bool strict) {
    for (size_t i = 0; strict && i < diags->count; i++)
        if (diags->items[i].rule->family == FAMILY_MIG &&
            diags->items[i].severity <= SEVERITY_WARNING)
            return true;
    return false;
}

static bool has_blocker(const struct diag_list *diags) {
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].rule->code == RULE_MIG001 &&
            diags->items[i].severity == SEVERITY_ERROR)
            return true;
    return false;
}

int build_rewrite_run(const struct build_request *request) {
    const char *target = request->target;
    enum mig_dest dest;
    if (target && strcmp(target, "nomad-docker") == 0)
        dest = MIG_DOCKER;
    else if (target && strcmp(target, "nomad-podman") == 0)
        dest = MIG_PODMAN;
    else
        return -1;
    const char *dir = request->dir;
    bool strict = request->strict, force = request->force, dry_run = request->dry_run;
    char **files = request->files;
    size_t file_count = request->file_count;
    if (request->rkt_options)
        return cli_usage_error("build", "--node, --alloc-id and --port are for the sh and "
                               "systemd targets, not --target=%s", target);
    if (file_count == 0 || !*dir) {
        return cli_usage_error("build", file_count ? "-o needs a directory" : "no input file");
    }
    struct inputs inputs = {0};
    inputs_collect(&inputs, files, file_count); /* directories are walked */
    struct target_output out;
    target_output_init(&out);
    bool unreadable = false, refused = false, stop = false, blockers = false;
    for (size_t f = 0; f < inputs.count; f++) {
        char *error = NULL;
        struct source *src = source_load(inputs.paths[f], NULL, &error);
        if (!src) {
            fprintf(stderr, "rktc: %s\n", error);
            free(error);
            unreadable = true;
            continue;
        }
        struct arena *arena = arena_new();
        struct diag_list diags;
        diag_list_init(&diags);
        struct job_input in;
        job_input_read(arena, src, &in, &diags);
        if (in.not_hcl) {
            unreadable = true;
        } else if (!in.job) {
            refused = true;
        } else {
            const char *name = base_name(inputs.paths[f]);
            for (size_t i = 0; i < out.count; i++)
                if (strcmp(out.files[i].name, name) == 0) {
                    fprintf(stderr, "rktc: two inputs are named %s; build them separately\n",
                            name);
                    refused = true;
                }
            struct mig_job *inv = mig_inventory(arena, &in);
            struct buf text, notes;
            buf_init(&text);
            buf_init(&notes);
            if (!nomad_rewrite_job(arena, &in, inv, dest, &text, &notes, &diags))
                refused = true;
            else {
                struct buf *b = target_output_add(&out, name, false);
                buf_add(b, text.data ? text.data : "", text.len);
                if ((in.api || in.hcl->is_json) && notes.len) {
                    char *notes_name = arena_printf(arena, "%s.migration.txt", name);
                    struct buf *nb = target_output_add(&out, notes_name, false);
                    buf_add(nb, notes.data, notes.len);
                }
            }
            buf_free(&text);
            buf_free(&notes);
        }
        if (stops(&diags, strict))
            stop = true;
        if (has_blocker(&diags))
            blockers = true;
        cli_print_findings(stderr, &diags);
        diag_list_free(&diags);
        arena_free(arena);
        source_free(src);
    }
    int status = build_finish(dir, &out, force, dry_run, unreadable, refused || stop, blockers);
    target_output_free(&out);
    inputs_free(&inputs);
    return status;
}
