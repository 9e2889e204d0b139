/* task.h — what the rkt driver layer needs to know about a job.
 *
 * Contract: a plain, read-only description of the parts of a Nomad job
 * that the rkt driver, the client's task environment and the scheduler's
 * constraint check look at. It is filled by an adapter from the Nomad job
 * model (or directly by tests); nothing in src/rkt reads the HCL tree of a
 * job. Strings are NUL-terminated and live in the file's arena; every field
 * that can be wrong carries the span where it was written (span 0..0 when
 * unknown: diagnostics then point at the enclosing task). Lists keep the
 * order of the job file. */
#ifndef RKTC_RKT_TASK_H
#define RKTC_RKT_TASK_H

#include "hcl/generic.h"
#include "source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* A string key/value written in the job file (env, meta). */
struct rkt_pair {
    const char *key;
    const char *value;
    struct span key_span;
    struct span value_span;
};

struct rkt_pairs {
    struct rkt_pair *items;
    size_t count;
};

/* A constraint or affinity (job, group or task level). */
struct rkt_constraint {
    const char *ltarget; /* "attribute"; "" when absent */
    const char *rtarget; /* "value"; "" when absent */
    const char *operand; /* "operator"; "=" when absent (Nomad's default) */
    int weight;          /* affinities only */
    bool is_affinity;
    struct span span;         /* the whole stanza */
    struct span ltarget_span; /* 0..0 when absent */
    struct span rtarget_span;
    struct span operand_span;
};

struct rkt_constraints {
    struct rkt_constraint *items;
    size_t count;
};

/* A spread stanza (job or group level): the scheduler's preference for
 * spreading allocations over the values of an attribute. */
struct rkt_spread_target {
    const char *value;
    int percent;
};

struct rkt_spread {
    const char *attribute;
    int weight; /* Nomad's default 50 applied */
    struct rkt_spread_target *targets;
    size_t target_count;
    struct span span;
};

struct rkt_spreads {
    struct rkt_spread *items;
    size_t count;
};

/* A port of the task's first network. */
struct rkt_port {
    const char *label;
    int value;       /* static port; 0 for a dynamic port */
    bool is_static;  /* declared with `static = N` (reserved port) */
    struct span span;
};

struct rkt_network {
    struct rkt_port *ports; /* job-file order, static and dynamic mixed */
    size_t port_count;
    int mbits;
    struct span span;
};

/* A group `volume "<name>"` stanza. */
struct rkt_group_volume {
    const char *name;
    const char *type;   /* "host" */
    const char *source; /* the client host volume's name */
    bool read_only;
    struct span span;
};

/* A task `volume_mount` stanza. */
struct rkt_volume_mount {
    const char *volume;      /* group volume name */
    const char *destination; /* path in the task */
    bool read_only;
    struct span span;
};

/* A device reservation already resolved to host paths (tests only for
 * now: the job file names devices, the client resolves them). */
struct rkt_device {
    const char *host_path;
    const char *task_path;
    const char *permissions;
};

struct rkt_task_input {
    const char *name;
    const char *driver;
    struct span span;        /* the task block */
    struct span name_span;
    struct span driver_span;
    const struct gval *config; /* GVAL_MAP (HCL generic decode), or NULL */
    /* when config is NULL and config_load is set: the config, decoded on
     * demand into arena (a job model that keeps no config values) */
    const struct gval *(*config_load)(struct arena *arena, const struct source *src,
                                      const void *from);
    const void *config_from;
    struct span config_span;
    struct rkt_pairs env;      /* the task's env {} in written order */
    struct rkt_pairs meta;
    const char *user;          /* "" when unset */
    struct span user_span;
    int cpu;                   /* MHz, Nomad default 100 already applied */
    struct span cpu_span;      /* resources.cpu, or empty when defaulted */
    int memory;                /* MB, Nomad default 300 already applied */
    const struct rkt_network *network; /* first task network or NULL */
    struct rkt_volume_mount *mounts;
    size_t mount_count;
    struct rkt_device *devices;
    size_t device_count;
    size_t device_request_count; /* `device` stanzas (resolved only by the client) */
    struct span device_span;
    int64_t kill_timeout_ns;   /* default 5s */
    const char *kill_signal;   /* "" = SIGINT */
    int64_t shutdown_delay_ns; /* 0 when unset */
    bool vault_env;            /* vault { env = true } (VAULT_TOKEN) */
    bool template_env;         /* some template { env = true } */
    struct rkt_constraints constraints; /* task level, incl. affinities */
    /* the effective restart policy (job-type defaults, group, task) */
    int restart_attempts;
    int64_t restart_interval_ns;
    int64_t restart_delay_ns;
    const char *restart_mode;
    const char *lifecycle_hook; /* "" when none */
    bool lifecycle_sidecar;
    bool leader;
};

/* A task's driver config: kept, or decoded on demand into arena. */
static inline const struct gval *rkt_task_config(struct arena *arena, const struct source *src,
                                                 const struct rkt_task_input *t) {
    return t->config || !t->config_load ? t->config : t->config_load(arena, src, t->config_from);
}

struct rkt_group_input {
    const char *name;
    int count;
    struct span span;
    struct rkt_pairs meta;
    struct rkt_constraints constraints;
    struct rkt_spreads spreads;
    struct rkt_group_volume *volumes;
    size_t volume_count;
    struct rkt_task_input *tasks;
    size_t task_count;
};

/* The job's periodic stanza as written. */
struct rkt_periodic {
    struct span span;
    const char *cron;          /* "" when unset */
    struct span cron_span;     /* the stanza when unset */
    const char *time_zone;     /* "" = UTC */
    struct span time_zone_span; /* the stanza when unset */
    bool prohibit_overlap;
    bool enabled;              /* default true */
};

/* A job feature that only a Nomad agent provides (services and checks,
 * templates, artifacts, vault, update/migrate/reschedule, affinities and
 * spreads, CSI volumes, dispatch), where it is written. */
struct rkt_feature {
    const char *what;
    struct span span;
};

struct rkt_job_input {
    const struct source *src;
    const char *id;          /* the job's ID (allocation names) */
    const char *name;        /* the job's name (NOMAD_JOB_NAME) */
    const char *namespace_name; /* "default" unless set */
    const char *region;      /* "global" unless set */
    struct span region_span;
    const char *type;
    struct span span;
    const char **datacenters;
    size_t datacenter_count;
    struct span datacenters_span;
    struct rkt_pairs meta;
    struct rkt_constraints constraints;
    struct rkt_spreads spreads;
    struct rkt_group_input *groups;
    size_t group_count;
    const struct rkt_periodic *periodic; /* NULL when not periodic */
    bool parameterized;
    struct rkt_feature *agent_features; /* in job-file order */
    size_t agent_feature_count;
};

#endif
