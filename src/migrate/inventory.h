/* inventory.h — what one job relies on, case by case, for a migration.
 *
 * Contract: mig_inventory walks a job read by job_input_read and lists,
 * per group and task, every rkt option used (one use per value that has its
 * own fate: each port_map label, each volume, each insecure option) and
 * every Nomad feature that matters to a migration, each tied to its case in
 * the mapping table (mapping.h), with the value as written and the span
 * where it was written. Tasks of other drivers are listed without uses.
 * A task's verdict per destination is its worst use's verdict (same <
 * changed < no equivalent < blocker). Pure; everything in the arena. */
#ifndef RKTC_MIGRATE_INVENTORY_H
#define RKTC_MIGRATE_INVENTORY_H

#include "migrate/config_view.h"
#include "migrate/job_input.h"
#include "migrate/mapping.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct mig_use {
    const struct mig_case *c;
    const char *option; /* e.g. "image", "port_map.db", "volumes[1]", "resources.cpu" */
    const char *value;  /* as written (compact), or a description */
    struct span span;
    bool implicit; /* not written: a default (no `net`, default resources, ...) */
};

struct mig_task {
    const char *name;
    const char *driver;
    struct span span;
    bool rkt;
    const struct nomad_task *model;
    const struct cfg_node *config; /* rkt tasks: the config as written */
    const struct json_value *api_task; /* API JSON inputs: the task object */
    struct mig_use *uses;
    size_t use_count;
    enum mig_verdict verdict[MIG_DEST_COUNT];
};

struct mig_group {
    const char *name;
    struct span span;
    struct mig_task *tasks;
    size_t task_count;
};

struct mig_job {
    const char *id;
    struct span span;
    struct mig_group *groups;
    size_t group_count;
    size_t rkt_task_count;
};

struct mig_job *mig_inventory(struct arena *arena, const struct job_input *in);

/* True when name is a docker2aci port name "<port>-tcp" or "<port>-udp";
 * *digits_end (optional) points after the port digits. */
bool mig_docker_port_name(const char *name, const char **digits_end);

/* The uses of a task that concern case_id (first one, or NULL). */
const struct mig_use *mig_task_use(const struct mig_task *t, const char *case_id);

#endif
