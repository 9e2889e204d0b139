/* plan_run.c — the per-file loop of plan and build (plan_run.h). */
#include "cli/plan_run.h"

#include "cli/cli.h"
#include "nomad/load.h"
#include "rkt/from_job.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int plan_run_open(struct plan_run *run, const struct rkt_options *opts, bool plan_refused) {
    memset(run, 0, sizeof *run);
    run->opts = opts;
    run->plan_refused = plan_refused;
    run->node_arena = arena_new();
    int status = rkt_options_nodes(run->node_arena, opts, &run->nodes, &run->node_count);
    if (status != EXIT_OK) {
        arena_free(run->node_arena);
        run->node_arena = NULL;
        return status;
    }
    run->fleet = fleet_new(run->nodes, run->node_count, opts->node_count > 0);
    run->port_used = xcalloc(opts->port_count + 1, sizeof *run->port_used);
    return EXIT_OK;
}

static bool has_error(const struct diag_list *diags) {
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].severity == SEVERITY_ERROR)
            return true;
    return false;
}

bool plan_run_file(struct plan_run *run, const char *path, struct plan_file *file) {
    memset(file, 0, sizeof *file);
    file->path = path;
    file->src = cli_source_load(path, NULL);
    if (!file->src)
        return false;
    file->arena = arena_new();
    diag_list_init(&file->diags);
    struct nomad_job *job = nomad_load_job(file->arena, file->src, &file->diags,
                                           &file->unparsable);
    file->refused = !file->unparsable && (!job || has_error(&file->diags));
    if (!job || (file->refused && !run->plan_refused))
        return true;
    struct plan_options popts;
    rkt_options_plan(run->opts, &popts);
    popts.source_name = path;
    struct rkt_job_input *input = rkt_input_from_job(file->arena, file->src, job);
    file->plan_from = file->diags.count;
    file->schedule = fleet_schedule(run->fleet, file->arena, input, &popts, &file->diags);
    popts.schedule = file->schedule;
    rkt_plan_job(file->arena, input, &run->nodes[0], &popts, &file->plan, &file->diags);
    for (size_t i = 0; i < file->plan.port_count; i++)
        run->port_used[i] |= file->plan.port_used[i];
    if (file->plan.usage_error && !run->usage)
        run->usage = xstrdup(file->plan.usage_error);
    file->planned = true;
    return true;
}

void plan_file_done(struct plan_file *file) {
    diag_list_free(&file->diags);
    arena_free(file->arena);
    source_free(file->src);
    memset(file, 0, sizeof *file);
}

char *plan_run_usage(struct plan_run *run) {
    for (size_t i = 0; i < run->opts->port_count && !run->usage; i++)
        if (!run->port_used[i]) {
            struct buf m;
            buf_init(&m);
            plan_port_unused_message(&m, &run->opts->ports[i]);
            run->usage = buf_detach(&m);
        }
    char *usage = run->usage;
    run->usage = NULL;
    return usage;
}

void plan_run_close(struct plan_run *run) {
    free(run->usage);
    free(run->port_used);
    if (run->fleet)
        fleet_free(run->fleet);
    if (run->node_arena)
        arena_free(run->node_arena);
    memset(run, 0, sizeof *run);
}
