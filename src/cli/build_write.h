/* build_write.h — writing the files of `rktc build` into the output dir.
 *
 * Contract: build_write puts every file of out directly inside dir (created
 * if missing), each atomically through safe_write_file, executables with
 * mode 0755 (set on the new file, never through a symlink), and then the
 * manifest `rktc-manifest.txt` listing every file rktc has written there
 * (dir and its missing parents are created, mode 0755).
 * Before writing anything it checks every target path: an existing path
 * that the previous manifest does not list (a file rktc did not write, a
 * symlink, a directory) is refused unless force; a name with '/' or a
 * leading '.' is refused always. On a refusal nothing is written and the
 * reasons are printed to stderr; returns false. build_print writes the
 * files to out_stream instead (--dry-run). */
#ifndef RKTC_CLI_BUILD_WRITE_H
#define RKTC_CLI_BUILD_WRITE_H

#include "targets/target.h"

#include <stdbool.h>
#include <stdio.h>

#define BUILD_MANIFEST "rktc-manifest.txt"

bool build_write(const char *dir, const struct target_output *out, bool force);
void build_print(FILE *stream, const struct target_output *out);

/* The end of a build: nothing written when an input was unreadable (exit
 * 2) or a job refused (exit 1, "nothing written"); otherwise the files are
 * printed (--dry-run) or written and listed. findings makes an otherwise
 * successful build exit 1. Returns the exit status. */
int build_finish(const char *dir, const struct target_output *out, bool force,
                 bool dry_run, bool unreadable, bool refused, bool findings);

#endif
