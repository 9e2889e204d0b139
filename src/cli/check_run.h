/* check_run.h — the findings of one `check` run, file by file.
 *
 * Contract: check_run_file loads one input, runs analyze_file on it in a
 * fresh arena, applies the file's inline suppressions (unless its config
 * turns them off) and its config's rule settings, and moves the surviving
 * findings into the run's list; an unreadable input becomes one RKC001
 * finding on an empty source carrying its name; a finding a stage made
 * without a source is placed at the file's start. Files must be added in
 * path order. check_run_finish sorts the list; then check_run_report gives
 * the report every renderer reads (valid until check_run_free), and
 * check_run_status the exit status. Never prints. */
#ifndef RKTC_CLI_CHECK_RUN_H
#define RKTC_CLI_CHECK_RUN_H

#include "cli/config.h"
#include "report/report.h"

struct analyze_options;

struct check_run {
    struct report_file *files;
    struct source **sources;  /* owned, parallel to files */
    size_t file_count, file_cap;
    struct diag_list diags;   /* all files */
    char **reasons;           /* parallel to diags.items */
    char **objects;           /* parallel: object paths (object_path.h) */
    size_t reasons_cap;
    bool input_failed;        /* unreadable or unparsable input */
    /* findings true of every rkt job or task (RKT023 the retired driver,
     * RKT021 --cpu without unit, RKT060 no host profile) are kept once per
     * run: how many were seen */
    size_t run_wide_seen[3];
    const struct analyze_options *analyze; /* NULL: defaults */
};

void check_run_init(struct check_run *run);
struct check_file_facts {
    bool unreadable, unparsable;
    double seconds;
};

/* Adds one file with findings already made (e.g. read back from a saved
 * report): takes src, the findings and the parallel reasons/objects arrays
 * (either may be NULL), drops the findings of rules cfg disables. */
void check_run_add(struct check_run *run, struct source *src,
                   const struct check_file_facts *facts, const struct config *cfg,
                   struct diag_list *diags, char **reasons, char **objects);
/* The same for a source already in memory (an editor's buffer): takes
 * src; not timed. */
void check_run_source(struct check_run *run, struct source *src,
                      const struct config *cfg);
void check_run_file(struct check_run *run, const char *path,
                    const char *display_name, const struct config *cfg,
                    bool timed);
void check_run_finish(struct check_run *run);
struct report check_run_report(const struct check_run *run,
                               const struct report_options *options);
/* 2 when an input failed; else 1 when an active finding is at or above
 * threshold (0 with no_fail); else 0. */
int check_run_status(const struct check_run *run, enum severity threshold,
                     bool no_fail);
void check_run_free(struct check_run *run);

/* For commands that print file by file (build): drops from diags the
 * findings true of every rkt job or task (RKT023, RKT021, RKT060) that
 * seen[] (zeroed by the caller once per run) says were already shown. */
void check_run_wide_once(struct diag_list *diags, size_t seen[3]);

#endif
