/* check_options.h — the command line of `rktc check`.
 *
 * Contract: check_options_parse reads argv (argv[0] is "check") into opts;
 * on a bad command line it prints the problem (cli_usage_error) and returns
 * false. It does not touch the environment or files. check_options_free
 * releases what parse allocated. */
#ifndef RKTC_CLI_CHECK_OPTIONS_H
#define RKTC_CLI_CHECK_OPTIONS_H

#include "cli/rkt_options.h"
#include "diag/diag.h"
#include "report/report.h"

#include <stdbool.h>

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct rule_override {
    const char *id;
    bool disable;              /* --disable; otherwise a severity */
    enum severity severity;
};

struct check_options {
    char **formats;            /* --format values, NAME[:FILE] */
    size_t format_count;
    enum color_mode color;
    bool threshold_given;
    enum severity threshold;
    bool no_fail, allow_empty, require_reason, no_inline_ignore;
    bool no_config, print_config;
    const char *config_path;   /* --config */
    const char *stdin_filename;
    enum junit_profile junit_profile;
    struct rule_override *overrides;
    size_t override_count;
    struct rkt_options rkt;    /* --node, --alloc-id, --port */
    /* --include / --exclude GLOB (repeatable, comma-separated lists): files
     * a directory walk also takes, or leaves out (as `exclude` in .rktc.hcl,
     * added to it; globs match the path as walked, `*` crosses `/`) */
    char **include, **exclude;  /* point into a copy owned by opts */
    size_t include_count, exclude_count;
    char **glob_copies;
    size_t glob_copy_count;
    char **inputs;             /* positional arguments (point into argv) */
    size_t input_count;
};

bool check_options_parse(struct check_options *opts, int argc, char **argv);
void check_options_free(struct check_options *opts);

/* A --format value: NAME or NAME:FILE (FILE "-" or absent: stdout, *file
 * NULL). Returns false for an unknown name or an empty FILE. */
bool check_format_split(const char *spec, enum report_format *format,
                        const char **file, size_t *name_len);

#endif
