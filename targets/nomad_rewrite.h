/* nomad_rewrite.h — the nomad-docker and nomad-podman targets: the input
 * text with the migration stage's edits applied.
 *
 * Contract: nomad_rewrite_apply writes text with every edit of the list
 * (migrate/edits.h) applied: edits in order of their start, an edit that
 * overlaps an earlier one is skipped. The target knows nothing of HCL or
 * the job model; the migration stage decided every byte it writes. */
#ifndef RKTC_TARGETS_NOMAD_REWRITE_H
#define RKTC_TARGETS_NOMAD_REWRITE_H

#include "migrate/edits.h"
#include "util/buf.h"

#include <stddef.h>

void nomad_rewrite_apply(const char *text, size_t len, const struct mig_edits *edits,
                         struct buf *out);

#endif
