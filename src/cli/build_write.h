/* build_write.h — writing the files of `rktc build` into the output dir.
 *
 * Contract: build_write puts every file of out directly inside dir (dir and
 * its missing parents are created, mode 0755), executables with mode 0755
 * and the rest 0666 & ~umask, and then the manifest `rktc-manifest.txt` listing
 * every file rktc has written there. The files of one build appear
 * together or not at all: they are written into a staging directory
 * inside dir (.rktc-stage-XXXXXX), then renamed into place, the manifest
 * last; a failure before or during the renames leaves the previous build
 * as it was and no staging files behind. The whole update (manifest read
 * to last rename) holds an exclusive flock on dir, so concurrent builds
 * into one dir keep every manifest entry; stale staging directories of a
 * killed build are removed under the lock.
 * Before writing anything it checks every target path: an existing path
 * that the previous manifest does not list (a file rktc did not write, a
 * symlink, a directory) is refused unless force; a name with '/' or a
 * leading '.' is refused always. Refusals and failures are printed to
 * stderr. build_print writes the files to out_stream instead (--dry-run). */
#ifndef RKTC_CLI_BUILD_WRITE_H
#define RKTC_CLI_BUILD_WRITE_H

#include "targets/target.h"

#include <stdbool.h>
#include <stdio.h>

#define BUILD_MANIFEST "rktc-manifest.txt"

enum build_write_result {
    BUILD_WRITE_OK,
    BUILD_WRITE_REFUSED, /* a name or an existing file forbids the build */
    BUILD_WRITE_FAILED,  /* an I/O error (full disk, file size limit, ...) */
};

enum build_write_result build_write(const char *dir, const struct target_output *out,
                                    bool force);
void build_print(FILE *stream, const struct target_output *out);

/* The end of a build: nothing written when an input was unreadable (exit
 * 2) or a job refused (exit 1, "nothing written"); otherwise the files are
 * printed (--dry-run) or written and listed; a refused write exits 1, a
 * failed one (I/O) 2. findings makes an otherwise successful build exit 1.
 * Returns the exit status. */
int build_finish(const char *dir, const struct target_output *out, bool force,
                 bool dry_run, bool unreadable, bool refused, bool findings);

#endif
