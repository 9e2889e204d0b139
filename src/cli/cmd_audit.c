/* cmd_audit.c — `rktc audit [--format=markdown|json] FILE|DIR...`: what the
 * jobs rely on for a migration away from rkt, and each piece's fate on the
 * docker driver, the podman driver and rktc's systemd units (the table of
 * src/migrate/mapping.c). Directories are walked like `check` does; the
 * files that walk leaves out are named in the report. Files Nomad would not
 * read as a job are reported as such. `rktc audit --matrix`
 * prints the conversion matrix (docs/migration.md) from the same table.
 * Exit 0 with the report on stdout; 2 when an input cannot be read at all;
 * 3 on a usage error. */
#include "util/xalloc.h"
#include "cli/audit_skipped.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/inputs.h"
#include "diag/diag.h"
#include "migrate/audit_render.h"
#include "migrate/inventory.h"
#include "migrate/job_input.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int print_and_free(struct buf *out) {
    int status = EXIT_OK;
    if (out->len && fwrite(out->data, 1, out->len, stdout) != out->len)
        status = EXIT_INPUT;
    buf_free(out);
    if (fflush(stdout) != 0)
        status = EXIT_INPUT;
    return status;
}

int cmd_audit(int argc, char **argv) {
    bool json = false, matrix = false;
    struct cli_args args;
    bool ok = cli_args_parse("audit", argc, argv, &args);
    for (size_t k = 0; ok && k < args.count; k++) {
        const struct cli_arg *a = &args.items[k];
        if (a->flag == FLAG_MATRIX) {
            matrix = true;
        } else if (a->flag == FLAG_FORMAT) {
            if (strcmp(a->value, "json") == 0)
                json = true;
            else if (strcmp(a->value, "markdown") == 0 || strcmp(a->value, "md") == 0)
                json = false;
            else
                ok = cli_usage_error("audit", "--format must be markdown or json") == EXIT_OK;
        }
    }
    char **paths = args.operands;
    size_t path_count = args.operand_count;
    args.operands = NULL;
    cli_args_free(&args);
    if (!ok) {
        free(paths);
        return EXIT_USAGE;
    }
    struct buf out;
    buf_init(&out);
    if (matrix) {
        free(paths);
        if (path_count)
            return cli_usage_error("audit", "--matrix takes no input file");
        audit_render_matrix(&out);
        return print_and_free(&out);
    }
    if (path_count == 0) {
        free(paths);
        return cli_usage_error("audit", "no input file");
    }
    struct inputs in = {0};
    inputs_collect(&in, paths, path_count);
    size_t skipped_count = 0;
    char **skipped = audit_skipped_collect(paths, path_count, &skipped_count);
    free(paths);
    struct audit_input *audits = xcalloc(in.count + skipped_count + 1, sizeof *audits);
    struct arena **arenas = xcalloc(in.count + 1, sizeof *arenas);
    struct source **sources = xcalloc(in.count + 1, sizeof *sources);
    int status = EXIT_OK;
    for (size_t i = 0; audits && arenas && sources && i < in.count; i++) {
        struct audit_input *a = &audits[i];
        a->path = in.paths[i];
        sources[i] = cli_source_load(in.paths[i], NULL);
        if (!sources[i]) {
            a->reason = "the file cannot be read";
            status = EXIT_INPUT;
            continue;
        }
        arenas[i] = arena_new();
        struct diag_list diags;
        diag_list_init(&diags);
        struct job_input job;
        job_input_read(arenas[i], sources[i], &job, &diags);
        diag_list_free(&diags);
        a->src = sources[i];
        if (job.job) {
            a->job = mig_inventory(arenas[i], &job);
        } else {
            a->reason = job.reason;
            a->reason_span = job.reason_span;
            a->has_reason_span = true;
        }
    }
    /* files a directory walk leaves out are named, not skipped silently */
    for (size_t i = 0; audits && i < skipped_count; i++) {
        audits[in.count + i].path = skipped[i];
        audits[in.count + i].reason = "left out of the directory walk: the name does not end "
                                      "in .nomad, .hcl or .json (name the file to audit it)";
    }
    if (audits && arenas && sources) {
        if (json)
            audit_render_json(&out, audits, in.count + skipped_count);
        else
            audit_render_markdown(&out, audits, in.count + skipped_count);
    }
    int printed = print_and_free(&out);
    if (printed != EXIT_OK)
        status = printed;
    for (size_t i = 0; arenas && sources && i < in.count; i++) {
        if (arenas[i])
            arena_free(arenas[i]);
        if (sources[i])
            source_free(sources[i]);
    }
    for (size_t i = 0; i < skipped_count; i++)
        free(skipped[i]);
    free(skipped);
    free(audits);
    free(arenas);
    free(sources);
    inputs_free(&in);
    return status;
}
