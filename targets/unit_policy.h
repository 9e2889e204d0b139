/* unit_policy.h — Nomad's restart, kill, leader and lifecycle settings of
 * one task as systemd 252 unit directives (docs/targets.md §4-§5).
 *
 * Contract: unit_policy_map turns the settings of one task (after Nomad's
 * defaults: restart merged from job type, group and task; kill_timeout
 * default 5s) into the [Unit]/[Service] directives of its .service unit:
 * Type= and RemainAfterExit= from the lifecycle hook, Restart=,
 * RestartForceExitStatus=, RestartSec=, StartLimitIntervalSec=,
 * StartLimitBurst= from the restart stanza with Nomad's semantics for each
 * mode and job type, KillSignal=, TimeoutStopSec= and the ExecStop= sleep
 * from kill_signal, kill_timeout and shutdown_delay. It only uses
 * directives systemd 252 knows (no RestartMode=). Wherever the units
 * cannot reproduce Nomad exactly it adds a note with the GEN rule id to
 * report it under. Dependencies between units (lifecycle order, leader,
 * group target) are the systemd target's business; this module says what
 * the task's own unit needs (e.g. whether the leader may stop the group).
 * Pure: everything is allocated in the arena. */
#ifndef RKTC_TARGETS_UNIT_POLICY_H
#define RKTC_TARGETS_UNIT_POLICY_H

#include "diag/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

enum policy_job_type { POLICY_JOB_SERVICE, POLICY_JOB_BATCH, POLICY_JOB_SYSTEM };
enum policy_hook { POLICY_HOOK_MAIN, POLICY_HOOK_PRESTART, POLICY_HOOK_POSTSTART };
enum policy_restart_mode { POLICY_MODE_FAIL, POLICY_MODE_DELAY };

struct policy_input {
    enum policy_job_type job_type;
    enum policy_hook hook;
    bool sidecar;
    bool leader;
    bool periodic;          /* launched by a timer: never RemainAfterExit=yes */
    int64_t attempts;
    int64_t interval_ns, delay_ns;
    enum policy_restart_mode mode;
    const char *kill_signal; /* NULL or "" → SIGINT, the driver's default */
    int64_t kill_timeout_ns;
    int64_t shutdown_delay_ns;
};

struct unit_directive {
    const char *section; /* "Unit" or "Service" */
    const char *key;
    const char *value;
};

struct policy_note {
    enum rule_id rule_id;
    const char *message;
};

struct unit_policy {
    struct unit_directive *directives;
    size_t directive_count;
    struct policy_note *notes;
    size_t note_count;
    bool restarts_on_success; /* Nomad restarts the task after exit 0 */
    bool oneshot;
    bool leader_stops_group_on_success; /* OnSuccess= may be written */
};

void unit_policy_map(struct arena *arena, const struct policy_input *in,
                     struct unit_policy *out);

/* A duration as a systemd time span: "5s", "250ms", "1min 30s" style is
 * not used; whole seconds, else ms, else us (rounded up). "0" for 0. */
const char *policy_timespan(struct arena *arena, int64_t ns);
/* A duration as sleep(1) seconds: "5", "0.25". */
const char *policy_sleep_seconds(struct arena *arena, int64_t ns);

#endif
