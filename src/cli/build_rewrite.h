/* build_rewrite.h — `rktc build --target=nomad-docker|nomad-podman`.
 *
 * Contract: build_rewrite_run carries out a parsed `build` command line
 * whose --target names a migration target and returns its exit status;
 * for any other target it returns -1 without side effects (cmd_build goes
 * on).
 * nomad-docker/nomad-podman: each input job is rewritten (migrate/rewrite.h,
 * targets/nomad_rewrite.h) and printed in the syntax HCL1 and HCL2 read
 * alike (migrate/hcl2_print.h) into a file of the same base name in -o DIR
 * (JSON inputs become `<stem>.hcl`, with the notes as comments), written
 * with build_write's policy (--force, --dry-run). Nothing is written when
 * an input cannot be read (exit 2), is not a job Nomad reads (exit 1), or,
 * with --strict, when any MIG error or warning arises (1). Otherwise exit 1
 * when MIG001 blockers remain (the files are written), 0 when none.
 * nomad-hcl2: every input printed by migrate/hcl2_print.h, a walked
 * directory's tree mirrored below -o DIR; exit 1 (files written) when an
 * MIG010/MIG011 finding arises, else as above. MIG findings go to stderr
 * (docs/migration-hcl2.md). */
#ifndef RKTC_CLI_BUILD_REWRITE_H
#define RKTC_CLI_BUILD_REWRITE_H

#include <stdbool.h>
#include <stddef.h>

/* A parsed `rktc build` command line. */
struct build_request {
    const char *target;  /* the --target value */
    const char *dir;     /* -o DIR */
    bool strict, force, dry_run;
    bool rkt_options;    /* --node, --alloc-id or --port was given */
    char **files;
    size_t file_count;
};

int build_rewrite_run(const struct build_request *request);

#endif
