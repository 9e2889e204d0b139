/* Tests for targets/unit_policy: Nomad's restart/kill/lifecycle/leader
 * settings as unit directives (spec/targets.md §3), each case's unit
 * checked by `systemd-analyze verify` (systemd 252: no output allowed). */
#include "targets/unit_policy.h"
#include "targets_testutil.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S 1000000000LL
#define MIN (60 * S)
#define HOUR (60 * MIN)

struct policy_case {
    const char *name;
    struct policy_input in;
    const char *expect; /* "Section.Key=Value" joined by "\n" */
    const char *notes;  /* rule ids joined by " " */
};

static const struct policy_case cases[] = {
    {"service main task, Nomad's service defaults",
     {POLICY_JOB_SERVICE, POLICY_HOOK_MAIN, false, false, false, 2, 30 * MIN, 15 * S,
      POLICY_MODE_FAIL, NULL, 5 * S, 0},
     "Service.Type=exec\nService.Restart=always\nService.RestartSec=15s\n"
     "Unit.StartLimitIntervalSec=1800s\nUnit.StartLimitBurst=3\n"
     "Service.KillMode=mixed\nService.KillSignal=SIGINT\nService.TimeoutStopSec=5s\n",
     ""},
    {"batch main task, Nomad's batch defaults",
     {POLICY_JOB_BATCH, POLICY_HOOK_MAIN, false, false, false, 3, 24 * HOUR, 15 * S,
      POLICY_MODE_FAIL, "", 5 * S, 0},
     "Service.Type=exec\nService.Restart=on-failure\n"
     "Service.RestartForceExitStatus=SIGHUP SIGINT SIGTERM SIGPIPE\n"
     "Service.RestartSec=15s\nUnit.StartLimitIntervalSec=86400s\nUnit.StartLimitBurst=4\n"
     "Service.KillMode=mixed\nService.KillSignal=SIGINT\nService.TimeoutStopSec=5s\n",
     ""},
    {"system job, mode delay, own signal, shutdown delay",
     {POLICY_JOB_SYSTEM, POLICY_HOOK_MAIN, false, false, false, 2, 5 * MIN, 1500000000LL,
      POLICY_MODE_DELAY, "SIGTERM", 30 * S, 2500000000LL},
     "Service.Type=exec\nService.Restart=always\nService.RestartSec=1500ms\n"
     "Unit.StartLimitIntervalSec=0\nService.KillMode=mixed\nService.KillSignal=SIGTERM\n"
     "Service.ExecStop=/bin/sleep 2.5\nService.TimeoutStopSec=32500ms\n",
     "GEN005"},
    {"attempts = 0 on a service task; kill_timeout = 0",
     {POLICY_JOB_SERVICE, POLICY_HOOK_MAIN, false, false, false, 0, 30 * MIN, 15 * S,
      POLICY_MODE_FAIL, "SIGTERM", 0, 0},
     "Service.Type=exec\nService.Restart=no\nUnit.StartLimitIntervalSec=1800s\n"
     "Unit.StartLimitBurst=1\nService.KillMode=mixed\nService.KillSignal=SIGKILL\n",
     "GEN005"},
    {"attempts = 0 on a batch task is exact",
     {POLICY_JOB_BATCH, POLICY_HOOK_MAIN, false, false, false, 0, 24 * HOUR, 15 * S,
      POLICY_MODE_FAIL, NULL, 5 * S, 0},
     "Service.Type=exec\nService.Restart=no\nUnit.StartLimitIntervalSec=86400s\n"
     "Unit.StartLimitBurst=1\nService.KillMode=mixed\nService.KillSignal=SIGINT\n"
     "Service.TimeoutStopSec=5s\n",
     ""},
    {"prestart hook (not a sidecar) of a service job",
     {POLICY_JOB_SERVICE, POLICY_HOOK_PRESTART, false, false, false, 2, 30 * MIN, 15 * S,
      POLICY_MODE_FAIL, NULL, 5 * S, 0},
     "Service.Type=oneshot\nService.RemainAfterExit=yes\nService.Restart=on-failure\n"
     "Service.RestartSec=15s\nUnit.StartLimitIntervalSec=1800s\nUnit.StartLimitBurst=3\n"
     "Service.KillMode=mixed\nService.KillSignal=SIGINT\nService.TimeoutStopSec=5s\n",
     "GEN005"},
    {"prestart hook of a periodic (timer-launched) job",
     {POLICY_JOB_BATCH, POLICY_HOOK_PRESTART, false, false, true, 3, 24 * HOUR, 15 * S,
      POLICY_MODE_FAIL, NULL, 5 * S, 0},
     "Service.Type=oneshot\nService.Restart=on-failure\n"
     "Service.RestartSec=15s\nUnit.StartLimitIntervalSec=86400s\nUnit.StartLimitBurst=4\n"
     "Service.KillMode=mixed\nService.KillSignal=SIGINT\nService.TimeoutStopSec=5s\n",
     "GEN005"},
    {"prestart sidecar of a batch job restarts on success",
     {POLICY_JOB_BATCH, POLICY_HOOK_PRESTART, true, false, false, 3, 24 * HOUR, 15 * S,
      POLICY_MODE_FAIL, NULL, 5 * S, 0},
     "Service.Type=exec\nService.Restart=always\nService.RestartSec=15s\n"
     "Unit.StartLimitIntervalSec=86400s\nUnit.StartLimitBurst=4\n"
     "Service.KillMode=mixed\nService.KillSignal=SIGINT\nService.TimeoutStopSec=5s\n",
     ""},
    {"poststart hook, not a sidecar",
     {POLICY_JOB_SERVICE, POLICY_HOOK_POSTSTART, false, false, false, 2, 30 * MIN, 15 * S,
      POLICY_MODE_FAIL, NULL, 5 * S, 0},
     "Service.Type=oneshot\nService.Restart=on-failure\n"
     "Service.RestartSec=15s\nUnit.StartLimitIntervalSec=1800s\nUnit.StartLimitBurst=3\n"
     "Service.KillMode=mixed\nService.KillSignal=SIGINT\nService.TimeoutStopSec=5s\n",
     "GEN005"},
    {"leader of a service group cannot stop the group on its death",
     {POLICY_JOB_SERVICE, POLICY_HOOK_MAIN, false, true, false, 2, 30 * MIN, 15 * S,
      POLICY_MODE_FAIL, NULL, 5 * S, 0},
     "Service.Type=exec\nService.Restart=always\nService.RestartSec=15s\n"
     "Unit.StartLimitIntervalSec=1800s\nUnit.StartLimitBurst=3\n"
     "Service.KillMode=mixed\nService.KillSignal=SIGINT\nService.TimeoutStopSec=5s\n",
     "GEN006"},
    {"leader of a batch group",
     {POLICY_JOB_BATCH, POLICY_HOOK_MAIN, false, true, false, 3, 24 * HOUR, 15 * S,
      POLICY_MODE_FAIL, NULL, 250000000LL, 0},
     "Service.Type=exec\nService.Restart=on-failure\n"
     "Service.RestartForceExitStatus=SIGHUP SIGINT SIGTERM SIGPIPE\n"
     "Service.RestartSec=15s\nUnit.StartLimitIntervalSec=86400s\nUnit.StartLimitBurst=4\n"
     "Service.KillMode=mixed\nService.KillSignal=SIGINT\nService.TimeoutStopSec=250ms\n",
     ""},
};

static void render(const struct unit_policy *p, struct buf *out, struct buf *notes) {
    for (size_t i = 0; i < p->directive_count; i++)
        buf_printf(out, "%s.%s=%s\n", p->directives[i].section, p->directives[i].key,
                   p->directives[i].value);
    for (size_t i = 0; i < p->note_count; i++)
        buf_printf(notes, "%s%s", i ? " " : "", rule_get(p->notes[i].rule_id)->id);
}

Test(unit_policy, cases) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct arena *arena = arena_new();
        struct unit_policy p;
        unit_policy_map(arena, &cases[i].in, &p);
        struct buf got, notes;
        buf_init(&got);
        buf_init(&notes);
        render(&p, &got, &notes);
        cr_expect_str_eq(got.data ? got.data : "", cases[i].expect, "%s", cases[i].name);
        cr_expect_str_eq(notes.data ? notes.data : "", cases[i].notes, "%s",
                         cases[i].name);
        buf_free(&got);
        buf_free(&notes);
        arena_free(arena);
    }
}

Test(unit_policy, leader_flags) {
    struct arena *arena = arena_new();
    struct unit_policy p;
    unit_policy_map(arena, &cases[9].in, &p);
    cr_expect_not(p.leader_stops_group_on_success);
    unit_policy_map(arena, &cases[10].in, &p);
    cr_expect(p.leader_stops_group_on_success);
    cr_expect_not(p.restarts_on_success);
    arena_free(arena);
}

Test(unit_policy, durations) {
    struct arena *arena = arena_new();
    cr_expect_str_eq(policy_timespan(arena, 0), "0");
    cr_expect_str_eq(policy_timespan(arena, 90 * S), "90s");
    cr_expect_str_eq(policy_timespan(arena, 1500000000LL), "1500ms");
    cr_expect_str_eq(policy_timespan(arena, 1500), "2us");
    cr_expect_str_eq(policy_sleep_seconds(arena, 5 * S), "5");
    cr_expect_str_eq(policy_sleep_seconds(arena, 250000000LL), "0.25");
    cr_expect_str_eq(policy_sleep_seconds(arena, 1), "0.000000001");
    arena_free(arena);
}

/* Every case's unit must load in systemd 252 without a word. */
Test(unit_policy, systemd_analyze_verify_is_silent) {
    if (!testutil_have("systemd-analyze"))
        cr_skip_test("systemd-analyze not installed");
    char *dir = testutil_tempdir();
    cr_assert(dir);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct arena *arena = arena_new();
        struct unit_policy p;
        unit_policy_map(arena, &cases[i].in, &p);
        struct buf unit;
        buf_init(&unit);
        buf_puts(&unit, "[Unit]\nDescription=policy case\n");
        for (size_t k = 0; k < p.directive_count; k++)
            if (strcmp(p.directives[k].section, "Unit") == 0)
                buf_printf(&unit, "%s=%s\n", p.directives[k].key, p.directives[k].value);
        buf_puts(&unit, "[Service]\nExecStart=/bin/true\n");
        for (size_t k = 0; k < p.directive_count; k++)
            if (strcmp(p.directives[k].section, "Service") == 0)
                buf_printf(&unit, "%s=%s\n", p.directives[k].key, p.directives[k].value);
        char path[4096];
        snprintf(path, sizeof path, "%s/policy-case-%zu.service", dir, i);
        cr_assert(testutil_write_file(path, unit.data, unit.len));
        struct buf got;
        buf_init(&got);
        char *argv[] = {"systemd-analyze", "verify", "--man=no", path, NULL};
        int status = testutil_run(argv, &got, true);
        cr_expect_eq(status, 0, "%s: exit %d", cases[i].name, status);
        cr_expect_eq(got.len, 0, "%s: %s\n%s", cases[i].name, got.data, unit.data);
        buf_free(&got);
        buf_free(&unit);
        arena_free(arena);
    }
    testutil_remove_tree(dir);
    free(dir);
}
