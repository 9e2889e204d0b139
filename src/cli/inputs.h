/* inputs.h — which files a `check` run reads.
 *
 * Contract: inputs_collect expands the path arguments: a file is kept as
 * given (whatever its name; a missing path is kept too, so the run reports
 * it as unreadable), a directory is walked recursively (symbolic links to
 * directories are not followed, entries starting with '.' are skipped) for
 * *.nomad, *.hcl, *.nomad.json and *.json. The result is sorted bytewise
 * and free of duplicates (heap; inputs_free); `walked` tells which paths a
 * walk found, so configured exclude globs apply to those only. */
#ifndef RKTC_CLI_INPUTS_H
#define RKTC_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

struct inputs {
    char **paths;
    bool *walked;  /* parallel: found by a directory walk (not named) */
    size_t count, cap;
    size_t skipped_name; /* regular files a walk left out by their name */
    char *const *include; /* extra globs a walk takes (file name or path) */
    size_t include_count;
};

void inputs_collect(struct inputs *out, char *const *args, size_t count);
/* The same, a walk also taking the files that match one of include. */
void inputs_collect_including(struct inputs *out, char *const *args, size_t count,
                              char *const *include, size_t include_count);
void inputs_free(struct inputs *in);
/* True when a file name has one of the extensions a directory walk takes. */
int inputs_wanted_name(const char *name);

#endif
