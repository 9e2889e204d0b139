/* sh_target.h — `rktc build --target=sh`: one POSIX sh launcher per
 * allocation and task.
 *
 * Contract: for every rkt task of the plan that Nomad would start, writes
 * `rktc-<job>-<group>-<index>-<task>.sh` (names escaped as unit names),
 * executable, which: sets up the planned allocation directories with
 * their modes (owner nobody and the secrets tmpfs when run as root), runs
 * the planned `rkt trust` when there is one, runs the planned `rkt
 * prepare` and takes its whitespace-trimmed stdout as the pod UUID, then
 * starts the planned `rkt run-prepared` with that UUID as Nomad's
 * executor does (the plan's exec_dir, exec_unset and exec_env) with
 * `exec` — the planned argv byte for byte (shell_quote). `set -eu`;
 * shellcheck-clean.
 * One attempt only: a task with a restart policy gets a GEN info. */
#ifndef RKTC_TARGETS_SH_TARGET_H
#define RKTC_TARGETS_SH_TARGET_H

#include "targets/target.h"

void sh_target_build(const struct rkt_plan *plan, struct target_output *out,
                     struct diag_list *diags);

#endif
