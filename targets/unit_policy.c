/* unit_policy.c — restart/kill/lifecycle → unit directives (see unit_policy.h). */
#include "targets/unit_policy.h"
#include "util/arena.h"

#include <string.h>

struct builder {
    struct arena *arena;
    struct unit_policy *out;
    size_t dcap, ncap;
};

static void directive(struct builder *b, const char *section, const char *key,
                      const char *value) {
    struct unit_policy *o = b->out;
    if (o->directive_count == b->dcap) {
        size_t cap = b->dcap ? b->dcap * 2 : 16;
        o->directives = arena_grow(b->arena, o->directives, o->directive_count,
                                   cap, sizeof *o->directives);
        b->dcap = cap;
    }
    o->directives[o->directive_count++] = (struct unit_directive){section, key, value};
}

static void note(struct builder *b, enum rule_id rule_id, const char *message) {
    struct unit_policy *o = b->out;
    if (o->note_count == b->ncap) {
        size_t cap = b->ncap ? b->ncap * 2 : 4;
        o->notes = arena_grow(b->arena, o->notes, o->note_count, cap, sizeof *o->notes);
        b->ncap = cap;
    }
    o->notes[o->note_count++] = (struct policy_note){rule_id, message};
}

const char *policy_timespan(struct arena *arena, int64_t ns) {
    if (ns <= 0)
        return "0";
    if (ns % 1000000000 == 0)
        return arena_printf(arena, "%llds", (long long)(ns / 1000000000));
    if (ns % 1000000 == 0)
        return arena_printf(arena, "%lldms", (long long)(ns / 1000000));
    return arena_printf(arena, "%lldus", (long long)((ns + 999) / 1000));
}

const char *policy_sleep_seconds(struct arena *arena, int64_t ns) {
    if (ns <= 0)
        return "0";
    long long whole = (long long)(ns / 1000000000);
    long long frac = (long long)(ns % 1000000000);
    if (frac == 0)
        return arena_printf(arena, "%lld", whole);
    char digits[16];
    int len = 9;
    for (int i = 8; i >= 0; i--) {
        digits[i] = (char)('0' + frac % 10);
        frac /= 10;
    }
    while (len > 0 && digits[len - 1] == '0')
        len--;
    digits[len] = '\0';
    return arena_printf(arena, "%lld.%s", whole, digits);
}

static const char *hook_name(enum policy_hook hook) {
    return hook == POLICY_HOOK_PRESTART ? "prestart" : "poststart";
}

void unit_policy_map(struct arena *arena, const struct policy_input *in,
                     struct unit_policy *out) {
    memset(out, 0, sizeof *out);
    struct builder b = {arena, out, 0, 0};

    /* lifecycle → Type= (docs/targets.md §5) */
    bool hook = in->hook != POLICY_HOOK_MAIN;
    out->oneshot = hook && !in->sidecar;
    if (out->oneshot) {
        directive(&b, "Service", "Type", "oneshot");
        /* a prestart hook stays "active" so that After=/Requires= in the main
         * units wait for its success; never for timer launches (docs/targets.md §6) */
        if (in->hook == POLICY_HOOK_PRESTART && !in->periodic)
            directive(&b, "Service", "RemainAfterExit", "yes");
    } else {
        directive(&b, "Service", "Type", "exec");
    }

    /* restart (docs/targets.md §4) */
    out->restarts_on_success =
        hook ? in->sidecar : in->job_type != POLICY_JOB_BATCH;
    if (in->attempts == 0) {
        directive(&b, "Service", "Restart", "no");
        if (out->restarts_on_success)
            note(&b, RULE_GEN005,
                 "restart attempts = 0: Nomad marks this task failed even when it "
                 "exits 0 (and kills its siblings); systemd records a clean exit");
    } else if (out->restarts_on_success) {
        directive(&b, "Service", "Restart", "always");
    } else {
        directive(&b, "Service", "Restart", "on-failure");
        if (!out->oneshot)
            directive(&b, "Service", "RestartForceExitStatus",
                      "SIGHUP SIGINT SIGTERM SIGPIPE");
        else
            note(&b, RULE_GEN005,
                 arena_printf(arena,
                              "the %s task runs as Type=oneshot, where systemd 252 "
                              "takes death by SIGHUP, SIGINT, SIGTERM or SIGPIPE as "
                              "success and does not restart it; Nomad restarts it",
                              hook_name(in->hook)));
    }
    if (in->attempts > 0)
        directive(&b, "Service", "RestartSec", policy_timespan(arena, in->delay_ns));
    if (in->mode == POLICY_MODE_DELAY && in->attempts > 0) {
        directive(&b, "Unit", "StartLimitIntervalSec", "0");
        note(&b, RULE_GEN005,
             arena_printf(arena,
                          "restart mode \"delay\": after %lld restarts Nomad waits "
                          "until the %s window ends; systemd keeps restarting every "
                          "%s",
                          (long long)in->attempts,
                          policy_timespan(arena, in->interval_ns),
                          policy_timespan(arena, in->delay_ns)));
    } else {
        directive(&b, "Unit", "StartLimitIntervalSec",
                  policy_timespan(arena, in->interval_ns));
        directive(&b, "Unit", "StartLimitBurst",
                  arena_printf(arena, "%lld", (long long)in->attempts + 1));
    }

    /* stopping (docs/targets.md §4) */
    const char *signal = in->kill_signal && *in->kill_signal ? in->kill_signal : "SIGINT";
    if (in->kill_timeout_ns <= 0)
        signal = "SIGKILL"; /* Nomad kills at once; TimeoutStopSec=0 would never */
    directive(&b, "Service", "KillMode", "mixed");
    directive(&b, "Service", "KillSignal", signal);
    if (in->shutdown_delay_ns > 0)
        directive(&b, "Service", "ExecStop",
                  arena_printf(arena, "/bin/sleep %s",
                               policy_sleep_seconds(arena, in->shutdown_delay_ns)));
    int64_t stop = (in->kill_timeout_ns > 0 ? in->kill_timeout_ns : 0) +
                   (in->shutdown_delay_ns > 0 ? in->shutdown_delay_ns : 0);
    if (stop > 0)
        directive(&b, "Service", "TimeoutStopSec", policy_timespan(arena, stop));

    /* leader (docs/targets.md §5): OnSuccess= fires on automatic restarts in
     * systemd 252 (systemd/systemd#26903), so only a leader that does not
     * restart after success may stop its group that way */
    if (in->leader) {
        out->leader_stops_group_on_success = !out->restarts_on_success || in->attempts == 0;
        if (!out->leader_stops_group_on_success)
            note(&b, RULE_GEN006,
                 "leader task that restarts after exiting: systemd 252 cannot stop "
                 "the group when the leader is finally dead without also stopping "
                 "it on every restart; the group is not stopped with it");
    }
}
