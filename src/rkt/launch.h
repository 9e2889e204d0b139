/* launch.h — the launch plan as data: everything a renderer reads.
 *
 * Contract: a struct rkt_plan (filled by rkt_plan_job, plan.h) describes
 * one job file completely for every output: `rktc plan`'s JSON and text,
 * the sh launchers and the systemd units. Renderers read only this header
 * (and util/diag): they never look at the Nomad job model, the HCL tree or
 * the options of the command line, never re-derive rkt flags and never
 * search argv strings. Per task: names and the allocation, whether Nomad
 * would start it, the exact trust / prepare / run-prepared argv of the rkt
 * driver, the same launch as one `rkt run` for a supervisor that keeps rkt
 * as its main process (with the `rkt rm` that removes the pod again), the
 * allocation-directory setup, ports, environment, resources, restart,
 * kill, shutdown delay and lifecycle. Per job: identity, type, the parsed
 * periodic stanza with its time zone, and the job features a host without
 * Nomad cannot provide. Every span points into job.src; every string and
 * array lives in the plan's arena. */
#ifndef RKTC_RKT_LAUNCH_H
#define RKTC_RKT_LAUNCH_H

#include "rkt/cron.h"
#include "rkt/time_zone.h"
#include "source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum plan_cmd_kind {
    PLAN_TRUST,        /* rkt trust (only when trust_prefix is set) */
    PLAN_PREPARE,      /* rkt prepare: prints the pod UUID */
    PLAN_RUN_PREPARED, /* rkt run-prepared: its last argument is the UUID */
    PLAN_RUN,          /* rkt run: prepare and run-prepared in one step */
    PLAN_RM,           /* rkt rm: removes the pod that PLAN_RUN saved */
};

/* The last argument of a PLAN_RUN_PREPARED command (the pod UUID, known
 * only once prepare has run). */
#define PLAN_UUID_PLACEHOLDER "<UUID>"

/* Where PLAN_RUN saves the pod UUID: one file per task in this directory,
 * named like the task's unit (one path component of at most 255 bytes). */
#define PLAN_UUID_DIR "/run/rktc"

struct plan_command {
    enum plan_cmd_kind kind;
    const char **argv; /* argv[0] is the node's rkt path */
    size_t argc;       /* 0: no such command (e.g. a refused task) */
};

/* One directory of the allocation layout, in creation order. */
struct plan_dir {
    const char *path;
    unsigned mode;   /* e.g. 0777, 01777 */
    bool tmpfs;      /* the secrets tmpfs (noexec,size=1m) */
    bool chown;      /* owned by nobody when set up as root (all but A) */
};

struct plan_port {
    const char *label;
    int host_port;
    bool is_static;
    const char *port_name; /* port_map value, NULL when not mapped */
};

struct env_var {
    const char *key;
    const char *value;
};

struct task_env {
    struct env_var *vars; /* sorted by key, keys unique */
    size_t count;
};

enum plan_restart_mode { PLAN_RESTART_FAIL, PLAN_RESTART_DELAY };

enum plan_hook {
    PLAN_HOOK_NONE,      /* a main task */
    PLAN_HOOK_PRESTART,
    PLAN_HOOK_POSTSTART,
    PLAN_HOOK_OTHER,     /* a hook Nomad 0.12 does not know */
};

struct plan_task {
    const char *job, *group, *task;
    int index;
    struct span span;        /* the task block (findings about the task) */
    const char *alloc_id;
    const char *alloc_dir;   /* A */
    const char *task_dir;    /* A/T */
    bool skipped;            /* another driver */
    const char *driver;
    bool refused;            /* Nomad would not start it */
    bool unplaced;           /* no host can take its allocation (schedule.h) */
    const char *node;        /* the host profile's name (--node given), else NULL */
    /* the driver's commands, in the order it runs them */
    struct plan_command commands[3];
    size_t command_count;
    /* the same launch for a supervisor: `rkt run` with the global flags,
     * --uuid-file-save=uuid_file, the run-prepared flags (no UUID) and the
     * prepare flags; `rkt rm --uuid-file=uuid_file` (argc 0 when the task
     * is not started) */
    struct plan_command run, rm;
    const char *uuid_file;
    /* how Nomad's executor starts run-prepared: from exec_dir (the task
     * directory), without the exec_unset variables of the client's own
     * environment, with exec_env set (NULL / 0 when the task is not
     * started) */
    const char *exec_dir;
    const char *const *exec_unset;
    size_t exec_unset_count;
    const struct env_var *exec_env;
    size_t exec_env_count;
    /* the allocation directory: its parent (the client's alloc_dir, created
     * with client_dir_mode when missing), then dirs in order */
    const char *client_dir;
    unsigned client_dir_mode;
    struct plan_dir *dirs;
    size_t dir_count;
    struct plan_port *ports;
    size_t port_count;
    struct task_env env;
    int cpu, memory;
    const char *user;
    int64_t kill_timeout_ns;
    const char *kill_signal; /* "SIGINT" when not set */
    int64_t shutdown_delay_ns;
    int restart_attempts;
    int64_t restart_interval_ns, restart_delay_ns;
    const char *restart_mode;   /* as written: "fail" or "delay" */
    enum plan_restart_mode restart; /* delay only for "delay" */
    const char *lifecycle_hook; /* "" when none */
    enum plan_hook hook;
    bool lifecycle_sidecar;
    bool leader;
};

enum plan_job_type { PLAN_JOB_SERVICE, PLAN_JOB_BATCH, PLAN_JOB_SYSTEM };

/* The periodic stanza, parsed once. */
struct plan_periodic {
    struct span span;
    const char *cron;        /* the spec as written */
    struct span cron_span;
    bool cron_valid;         /* else Nomad refuses the job (its decoder says so) */
    struct cron_spec spec;   /* when cron_valid */
    const char *time_zone;   /* "" = UTC */
    struct span time_zone_span;
    bool zone_known;         /* the zone's DST rule was read */
    struct tz_rule zone;     /* when zone_known */
    bool prohibit_overlap;
    bool enabled;
};

/* A job feature the plan does not reproduce without a Nomad agent. */
struct plan_feature {
    const char *what; /* e.g. "service registration and checks (Consul)" */
    struct span span;
};

struct plan_job {
    const struct source *src;
    const char *source_name;  /* the input path as given (plan_options) */
    const char *id;
    const char *type;         /* as written; "service" when not */
    enum plan_job_type kind;  /* service for any other type */
    struct span span;
    const struct plan_periodic *periodic; /* NULL: not periodic */
    bool parameterized;
    const struct plan_feature *dropped;
    size_t dropped_count;
};

struct rkt_plan {
    struct plan_job job;
    struct plan_task *tasks;
    size_t count, cap;
    bool refused;            /* some task would not start */
    const char *usage_error; /* a bad --port override (exit 3) */
    bool *port_used;         /* per plan_options port override: some task has it */
    size_t port_count;
};

const char *plan_cmd_name(enum plan_cmd_kind kind);

#endif
