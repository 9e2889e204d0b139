/* cmd_plan.c — `rktc plan [--format=json|text] [--node F]... [--alloc-id U]
 * [--port [TASK.]LABEL=PORT]... [--strict] FILE...`: the launch plan of every
 * rkt task (docs/cli.md §2, fixed JSON interface). Diagnostics go to stderr;
 * exit 1 when Nomad would not start a task (or, with --strict, on any
 * error-severity finding), 2 when an input cannot be read or parsed, 3 on
 * a usage error, 4 on an invalid host profile. Nothing is printed on stdout
 * when the plan is refused. With --node given once or more, every
 * allocation is placed on those hosts (schedule.h); each task object names
 * its "node", and allocations no host can take are listed under
 * "unplaced" (exit 1, the rest of the plan is still printed). */
#include "cli/args.h"
#include "cli/cli.h"
#include "util/xalloc.h"
#include "cli/findings.h"
#include "cli/plan_run.h"
#include "cli/rkt_options.h"
#include "diag/diag.h"
#include "rkt/plan.h"
#include "rkt/schedule.h"
#include "targets/plan_render.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* findings shown on stderr: errors and warnings (info is for `check`),
 * the note that placement was not evaluated (RKT060), and every finding
 * of a file whose plan is refused */
static bool shown_in_plan(const struct diag *d) {
    return d->severity <= SEVERITY_WARNING || d->rule->code == RULE_RKT060;
}

static void show_findings(struct diag_list *diags, bool all) {
    struct diag_list shown;
    diag_list_init(&shown);
    size_t kept = 0;
    for (size_t i = 0; i < diags->count; i++)
        if (shown_in_plan(&diags->items[i]))
            kept++;
    if (all || kept == diags->count) {
        cli_print_findings(stderr, diags);
        return;
    }
    /* move the shown records into a list of their own (ownership moves) */
    shown.items = xcalloc(kept ? kept : 1, sizeof *shown.items);
    if (!shown.items)
        return;
    shown.cap = kept;
    for (size_t i = 0, j = 0; i < diags->count; i++)
        if (shown_in_plan(&diags->items[i]))
            shown.items[j++] = diags->items[i];
    shown.count = kept;
    cli_print_findings(stderr, &shown);
    free(shown.items);
}

static bool has_error(const struct diag_list *diags, size_t from) {
    for (size_t i = from; i < diags->count; i++)
        if (diags->items[i].severity == SEVERITY_ERROR)
            return true;
    return false;
}

int cmd_plan(int argc, char **argv) {
    struct rkt_options ropts = {0};
    const char *format = "text";
    bool strict = false;
    struct cli_args args;
    bool ok = cli_args_parse("plan", argc, argv, &args);
    for (size_t k = 0; ok && k < args.count; k++) {
        const struct cli_arg *a = &args.items[k];
        int took = rkt_options_take(&ropts, "plan", a);
        if (took != 0) {
            ok = took > 0;
        } else if (a->flag == FLAG_FORMAT) {
            if (strcmp(a->value, "json") != 0 && strcmp(a->value, "text") != 0) {
                cli_usage_error("plan", "--format must be json or text");
                ok = false;
            }
            format = a->value;
        } else if (a->flag == FLAG_STRICT) {
            strict = true;
        }
    }
    char **files = args.operands;
    size_t file_count = args.operand_count;
    args.operands = NULL;
    cli_args_free(&args);
    if (!ok) {
        free(files);
        rkt_options_free(&ropts);
        return EXIT_USAGE;
    }
    if (file_count == 0) {
        free(files);
        rkt_options_free(&ropts);
        return cli_usage_error("plan", "no input file");
    }
    /* every job is placed on the --node hosts (schedule.h) and planned,
     * a refused one too, so that all its findings show */
    struct plan_run run;
    int status = plan_run_open(&run, &ropts, true);
    if (status != EXIT_OK) {
        free(files);
        rkt_options_free(&ropts);
        return status;
    }
    struct buf unplaced;
    buf_init(&unplaced);
    size_t unplaced_count = 0;
    bool placement_failed = false;
    bool json = strcmp(format, "json") == 0;
    struct buf out;
    buf_init(&out);
    if (json)
        buf_puts(&out, "{\"tasks\": [");
    size_t written = 0;
    bool refused = false, unreadable = false;
    for (size_t f = 0; f < file_count; f++) {
        struct plan_file pf;
        if (!plan_run_file(&run, files[f], &pf)) {
            unreadable = true;
            continue;
        }
        unreadable |= pf.unparsable;
        bool file_refused = pf.refused;
        if (pf.planned) {
            struct rkt_plan *plan = &pf.plan;
            /* unplaced allocations are listed, not a refused plan */
            bool other_refusal = false;
            for (size_t i = 0; i < plan->count; i++)
                other_refusal |= plan->tasks[i].refused && !plan->tasks[i].unplaced;
            if (pf.schedule->unplaced) {
                placement_failed = true;
                if (json)
                    schedule_json_unplaced(&unplaced, pf.schedule, &unplaced_count);
                else
                    schedule_text_unplaced(&unplaced, pf.schedule);
                if (!other_refusal)
                    plan->refused = false;
            }
            if (plan->refused || (strict && has_error(&pf.diags, pf.plan_from)))
                file_refused = true;
            for (size_t i = 0; i < plan->count; i++) {
                if (plan->tasks[i].unplaced)
                    continue;
                if (json) {
                    buf_puts(&out, written ? ",\n" : "\n");
                    plan_json_task(&out, &plan->tasks[i]);
                } else {
                    plan_text_task(&out, &plan->tasks[i]);
                }
                written++;
            }
        }
        refused |= file_refused;
        show_findings(&pf.diags, file_refused);
        plan_file_done(&pf);
    }
    char *usage = plan_run_usage(&run);
    if (json) {
        buf_puts(&out, written ? "\n]" : "]");
        if (placement_failed) {
            buf_puts(&out, ", \"unplaced\": [");
            buf_add(&out, unplaced.data, unplaced.len);
            buf_puts(&out, "\n]");
        }
        buf_puts(&out, "}\n");
    } else {
        buf_add(&out, unplaced.data, unplaced.len);
    }
    if (usage) {
        status = cli_usage_error("plan", "%s", usage);
    } else if (unreadable) {
        status = EXIT_INPUT;
    } else if (refused) {
        status = EXIT_FINDINGS;
    } else {
        fwrite(out.data, 1, out.len, stdout);
        if (fflush(stdout) != 0)
            status = EXIT_INPUT;
        else if (placement_failed)
            status = EXIT_FINDINGS;
    }
    free(usage);
    buf_free(&out);
    buf_free(&unplaced);
    plan_run_close(&run);
    free(files);
    rkt_options_free(&ropts);
    return status;
}
