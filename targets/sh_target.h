/* sh_target.h — `rktc build --target=sh`: one POSIX sh launcher per
 * allocation and task.
 *
 * Contract: for every rkt task of the plan that Nomad would start, writes
 * `rktc-<job>-<group>-<index>-<task>.sh` (names escaped as unit names),
 * executable, which: creates the allocation and task directories with
 * Nomad's modes (owner nobody and the secrets tmpfs when run as root,
 * docs/targets.md §1), runs the planned `rkt trust` when there is one,
 * runs the planned `rkt prepare` and takes its whitespace-trimmed stdout
 * as the pod UUID, then, from the task directory, with the rkt process
 * environment of Nomad's executor (NOMAD_ALLOC_INDEX=0, env blacklist
 * removed), `exec`s the planned `rkt run-prepared` with that UUID — the
 * planned argv byte for byte (shell_quote). `set -eu`; shellcheck-clean.
 * One attempt only: a task with a restart policy gets a GEN info. */
#ifndef RKTC_TARGETS_SH_TARGET_H
#define RKTC_TARGETS_SH_TARGET_H

#include "targets/target.h"

void sh_target_build(const struct target_job *job, const struct rkt_plan *plan,
                     struct target_output *out, struct diag_list *diags);

#endif
