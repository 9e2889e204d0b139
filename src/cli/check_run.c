#include "cli/check_run.h"
#include "cli/analyze.h"
#include "cli/cli.h"
#include "cli/object_path.h"
#include "hcl/suppress.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The slot of a finding true of every rkt job (0: RKT023, once per job;
 * 2: RKT060, no host profile) or task (1: RKT021), or -1. */
static int run_wide(const struct diag *d) {
    switch (d->rule->code) {
    case RULE_RKT023: return 0;
    case RULE_RKT021: return 1;
    case RULE_RKT060: return 2;
    default: return -1;
    }
}

void check_run_init(struct check_run *run) {
    memset(run, 0, sizeof *run);
    diag_list_init(&run->diags);
}

/* Moves finding i of from (and its reason) to the end of the run's list. */
static void take(struct check_run *run, struct diag_list *from, size_t i,
                 char *reason, char *object) {
    struct diag_list *to = &run->diags;
    if (to->count == to->cap) {
        to->cap = to->cap ? to->cap * 2 : 64;
        to->items = xreallocarray(to->items, to->cap, sizeof *to->items);
    }
    if (to->count >= run->reasons_cap) {
        run->reasons_cap = to->cap;
        run->reasons = xreallocarray(run->reasons, run->reasons_cap, sizeof *run->reasons);
        run->objects = xreallocarray(run->objects, run->reasons_cap, sizeof *run->objects);
    }
    run->reasons[to->count] = reason;
    run->objects[to->count] = object;
    to->items[to->count++] = from->items[i];
    /* the strings now belong to the run's list */
    from->items[i].message = NULL;
    from->items[i].fix = NULL;
    from->items[i].notes = NULL;
    from->items[i].note_count = 0;
    from->items[i].edits = NULL;
    from->items[i].edit_count = 0;
}

static double seconds_since(const struct timespec *start) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) +
           (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

void check_run_add(struct check_run *run, struct source *src,
                   const struct check_file_facts *facts, const struct config *cfg,
                   struct diag_list *diags, char **reasons, char **objects) {
    if (run->file_count == run->file_cap) {
        run->file_cap = run->file_cap ? run->file_cap * 2 : 16;
        run->files = xreallocarray(run->files, run->file_cap, sizeof *run->files);
        run->sources = xreallocarray(run->sources, run->file_cap, sizeof *run->sources);
    }
    struct report_file *file = &run->files[run->file_count];
    memset(file, 0, sizeof *file);
    file->rule_disabled = cfg->rule_disabled;
    file->unreadable = facts->unreadable;
    file->unparsable = facts->unparsable;
    file->seconds = facts->seconds;
    if (facts->unreadable || facts->unparsable)
        run->input_failed = true;
    for (size_t i = 0; i < diags->count; i++) {
        char *reason = reasons ? reasons[i] : NULL;
        char *object = objects ? objects[i] : NULL;
        const struct diag *d = &diags->items[i];
        if (config_rule_disabled(cfg, d->rule) && !analyze_is_parse_failure(d)) {
            free(reason);
            free(object);
            continue;
        }
        /* true of every rkt task: once per run (a suppression of the kept
         * one silences it for the run) */
        int wide = run_wide(d);
        if (wide >= 0 && run->run_wide_seen[wide]++) {
            free(reason);
            free(object);
            continue;
        }
        if (!diags->items[i].src) { /* about this file, without a place: its start */
            diags->items[i].src = src;
            diags->items[i].span = span_make(0, 0);
        }
        take(run, diags, i, reason, object);
    }
    free(reasons);
    free(objects);
    diag_list_free(diags);
    file->src = src;
    run->sources[run->file_count++] = src;
}

/* The pipeline on one loaded source: findings, inline suppressions, object
 * paths and configured severities; then the run takes it over. */
static void check_loaded(struct check_run *run, struct source *src,
                         const struct config *cfg, struct check_file_facts *facts,
                         const struct timespec *start) {
    char **reasons = NULL, **objects = NULL;
    struct analyze_options options = {0};
    if (run->analyze)
        options = *run->analyze;
    struct unit unit;
    analyze_source(&unit, src, &options);
    struct diag_list diags = unit.diags; /* the run takes the findings over */
    diag_list_init(&unit.diags);
    facts->unparsable = unit.unreadable;
    const struct hcl_file *tree = unit.tree;
    if (cfg->inline_ignore && tree) {
        struct suppress_options so = {cfg->require_reason};
        reasons = suppress_apply(tree, &diags, &so);
    }
    if (tree) {
        objects = xcalloc(diags.count + 1, sizeof *objects);
        uint32_t *offsets = xcalloc(diags.count + 1, sizeof *offsets);
        for (size_t i = 0; i < diags.count; i++)
            offsets[i] = diags.items[i].span.start;
        object_paths(tree, offsets, diags.count, objects);
        free(offsets);
    }
    unit_free(&unit);
    config_apply_severities(cfg, &diags);
    facts->seconds = start ? seconds_since(start) : 0;
    check_run_add(run, src, facts, cfg, &diags, reasons, objects);
}

void check_run_source(struct check_run *run, struct source *src,
                      const struct config *cfg) {
    struct check_file_facts facts = {false, false, 0};
    check_loaded(run, src, cfg, &facts, NULL);
}

void check_run_file(struct check_run *run, const char *path,
                    const char *display_name, const struct config *cfg,
                    bool timed) {
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct check_file_facts facts = {false, false, 0};
    char *error = NULL;
    struct source *src = source_load(path, display_name, &error);
    if (src) {
        check_loaded(run, src, cfg, &facts, timed ? &start : NULL);
        return;
    }
    struct diag_list diags;
    diag_list_init(&diags);
    const char *name = display_name ? display_name
                       : strcmp(path, "-") == 0 ? "<stdin>" : path;
    src = source_from_memory(name, "", 0);
    size_t n = strlen(name);
    /* source_load says "NAME: problem"; the location already names it */
    const char *message = strncmp(error, name, n) == 0 && error[n] == ':'
                              ? error + n + 2 : error;
    diag_add(&diags, RULE_RKC001, src, span_make(0, 0), "%s", message);
    free(error);
    facts.unreadable = true;
    facts.seconds = timed ? seconds_since(&start) : 0;
    check_run_add(run, src, &facts, cfg, &diags, NULL, NULL);
}

void check_run_too_deep(struct check_run *run, const char *path, int max_depth,
                        const struct config *cfg) {
    struct check_file_facts facts = {true, false, 0};
    struct diag_list diags;
    diag_list_init(&diags);
    struct source *src = source_from_memory(path, "", 0);
    diag_add(&diags, RULE_RKC010, src, span_make(0, 0),
             "not checked: this file is more than %d directories below the directory "
             "given, the limit of a directory walk; check its directory on its own",
             max_depth);
    check_run_add(run, src, &facts, cfg, &diags, NULL, NULL);
}

struct keyed {
    uintptr_t key; /* the finding's message pointer: unique, kept by sorting */
    char *reason, *object;
};

static int compare_keys(const void *a, const void *b) {
    uintptr_t x = ((const struct keyed *)a)->key;
    uintptr_t y = ((const struct keyed *)b)->key;
    return x < y ? -1 : x > y;
}

void check_run_finish(struct check_run *run) {
    struct diag_list *list = &run->diags;
    size_t n = 0;
    struct keyed *keyed = xcalloc(list->count + 1, sizeof *keyed);
    for (size_t i = 0; i < list->count; i++)
        if (run->reasons[i] || run->objects[i]) {
            keyed[n].key = (uintptr_t)list->items[i].message;
            keyed[n].reason = run->reasons[i];
            keyed[n++].object = run->objects[i];
        }
    qsort(keyed, n, sizeof *keyed, compare_keys);
    diag_sort(list);
    for (size_t i = 0; i < list->count; i++) {
        struct keyed probe = {(uintptr_t)list->items[i].message, NULL, NULL};
        struct keyed *hit = n ? bsearch(&probe, keyed, n, sizeof *keyed, compare_keys) : NULL;
        run->reasons[i] = hit ? hit->reason : NULL;
        run->objects[i] = hit ? hit->object : NULL;
    }
    free(keyed);
    for (size_t i = 0; i < list->count; i++) {
        struct diag *d = &list->items[i];
        int wide = run_wide(d);
        if (wide < 0 || run->run_wide_seen[wide] < 2)
            continue;
        struct buf message;
        buf_init(&message);
        buf_printf(&message, "%s (reported once for the run: true of every rkt %s, %zu here)",
                   d->message, wide == 1 ? "task" : "job", run->run_wide_seen[wide]);
        free(d->message);
        d->message = buf_detach(&message);
    }
}

struct report check_run_report(const struct check_run *run,
                               const struct report_options *options) {
    struct report r = {run->files, run->file_count, &run->diags, run->reasons,
                       run->objects, *options};
    return r;
}

int check_run_status(const struct check_run *run, enum severity threshold,
                     bool no_fail) {
    if (run->input_failed)
        return EXIT_INPUT;
    for (size_t i = 0; i < run->diags.count; i++)
        if (!run->reasons[i] && run->diags.items[i].severity <= threshold)
            return no_fail ? EXIT_OK : EXIT_FINDINGS;
    return EXIT_OK;
}

void check_run_wide_once(struct diag_list *diags, size_t seen[3]) {
    size_t kept = 0;
    for (size_t i = 0; i < diags->count; i++) {
        struct diag *d = &diags->items[i];
        int wide = run_wide(d);
        if (wide >= 0 && seen[wide]++) {
            free(d->message);
            free(d->fix);
            for (size_t n = 0; n < d->note_count; n++)
                free(d->notes[n].message);
            free(d->notes);
            continue;
        }
        diags->items[kept++] = *d;
    }
    diags->count = kept;
}

void check_run_free(struct check_run *run) {
    for (size_t i = 0; i < run->diags.count; i++) {
        free(run->reasons[i]);
        free(run->objects[i]);
    }
    free(run->reasons);
    free(run->objects);
    diag_list_free(&run->diags);
    for (size_t i = 0; i < run->file_count; i++)
        source_free(run->sources[i]);
    free(run->sources);
    free(run->files);
    memset(run, 0, sizeof *run);
}
