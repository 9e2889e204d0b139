/* config.h — rktc's configuration: file, environment and command line.
 *
 * Contract: a config starts from the built-in defaults (config_init); a
 * config file (HCL1, read with rktc's own front end) is merged by
 * config_read_file, the RKTC_* environment by config_apply_env, and the
 * command line by the caller (setting the fields and their origin), in
 * that order, so later layers win. Every value remembers where it came
 * from for --print-config. config_find picks the file for an input as
 * docs/cli.md §3 says. Errors in a config file are located
 * RKC005 diagnostics in the caller's list (the config's source must
 * outlive them); config_read_file then returns false. Never prints except
 * config_print, which writes to the given stream. */
#ifndef RKTC_CLI_CONFIG_H
#define RKTC_CLI_CONFIG_H

#include "diag/diag.h"

#include <stdbool.h>
#include <stdio.h>

enum origin_kind { ORIGIN_DEFAULT, ORIGIN_FILE, ORIGIN_ENV, ORIGIN_COMMAND_LINE };

struct origin {
    enum origin_kind kind;
    char *where; /* heap: "FILE:LINE" or the variable name; NULL otherwise */
};

struct rule_setting {
    bool disabled;
    bool has_severity;
    enum severity severity;
    struct origin origin; /* ORIGIN_DEFAULT: untouched */
};

struct config {
    char *path;                 /* the file read, or NULL */
    enum severity failure_threshold;
    struct origin failure_threshold_origin;
    char **formats;             /* "NAME" or "NAME:FILE" */
    size_t format_count;
    struct origin formats_origin;
    bool require_reason;
    struct origin require_reason_origin;
    bool inline_ignore;
    struct origin inline_ignore_origin;
    char **exclude;             /* globs of files a directory walk skips */
    size_t exclude_count;
    struct origin exclude_origin;
    struct rule_setting *rules; /* indexed like rule_table() */
    size_t rule_count;
    bool *rule_disabled;        /* the same, as the report wants it */
};

void config_init(struct config *cfg);
void config_free(struct config *cfg);
/* Copies every value (and origin) of from into a fresh cfg. */
void config_copy(struct config *cfg, const struct config *from);

void origin_set(struct origin *o, enum origin_kind kind, const char *where);
void config_set_formats(struct config *cfg, char *const *formats, size_t count,
                        enum origin_kind kind, const char *where);
/* Rules about unreadable or unparsable input (and bad config) cannot be
 * disabled or given another severity. */
bool config_rule_fixed(const char *id);
/* Sets one rule: disabled, or a severity. Returns false for an unknown or
 * fixed id. */
bool config_set_rule(struct config *cfg, const char *id, bool disable,
                     const enum severity *severity, enum origin_kind kind,
                     const char *where);

/* The config file for an input (NULL: stdin/cwd): --config/RKTC_CONFIG are
 * the caller's; this is the first .rktc.hcl walking up from the input's
 * directory, else $XDG_CONFIG_HOME/rktc/config.hcl (or ~/.config/...), or
 * NULL. Heap string. */
char *config_find(const char *input_path);

/* Reads path into cfg. On an unreadable file stores a message in *error and
 * returns false; on invalid content adds RKC005 diagnostics and returns
 * false. *src receives the loaded source (caller frees, after the diags). */
bool config_read_file(struct config *cfg, const char *path, struct source **src,
                      struct diag_list *diags, char **error);
/* RKTC_FAILURE_THRESHOLD, RKTC_REQUIRE_REASON and RKTC_INLINE_IGNORE
 * (true/false/1/0), RKTC_EXCLUDE and RKTC_FORMAT (comma-separated). Returns
 * false and a message in *error on an invalid value. */
bool config_apply_env(struct config *cfg, char **error);

/* Sets the overridden severities in a finding list. */
void config_apply_severities(const struct config *cfg, struct diag_list *diags);
bool config_rule_disabled(const struct config *cfg, const struct rule *rule);

/* True when path (found by a directory walk) matches one of the exclude
 * globs, taken relative to the config file's directory (fnmatch without
 * flags: `*` also matches `/`). */
bool config_excludes(const struct config *cfg, const char *path);

void config_print(const struct config *cfg, FILE *out);

#endif
