/* install_notes.h — the INSTALL file of a `rktc build` output directory.
 *
 * Contract: install_notes appends to out the exact commands that install
 * and start the files of one output directory: for systemd units, copying
 * them to /etc/systemd/system, `systemctl daemon-reload`, and `systemctl
 * enable --now` of each job's timer (periodic jobs) or job target (units
 * with an [Install] section), the others named as started by hand; for
 * launchers, how each is run (as root, in the foreground, one attempt).
 * job_ids are the IDs of the jobs written there, in input order. The same
 * input gives the same bytes. */
#ifndef RKTC_TARGETS_INSTALL_NOTES_H
#define RKTC_TARGETS_INSTALL_NOTES_H

#include "targets/target.h"

#include <stdbool.h>

#define INSTALL_NOTES_FILE "INSTALL"

void install_notes(struct buf *out, const struct target_output *files, bool systemd,
                   const char *const *job_ids, size_t job_count);

#endif
