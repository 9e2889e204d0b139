/* env.h — the task environment Nomad 0.10.9 gives an rkt task (the
 * `--set-env` set; docs/rkt-driver.md §12, docs/nomad.md).
 *
 * Contract: env_build computes the map from explicit parameters (alloc,
 * names, node facts, ports, meta, the user's env {}), applies the 0.10.9
 * key cleaning (only NOMAD_ADDR_/IP_/PORT_/HOST_PORT_/META_ keys; every
 * byte outside [A-Za-z0-9_.] becomes `_`), lets user env entries override
 * Nomad's keys after the plain `${...}` substitution of env_substitute,
 * and returns the variables sorted by key as unsigned bytes. env_lookup
 * finds a key in a built environment. All memory from the arena. */
#ifndef RKTC_RKT_ENV_H
#define RKTC_RKT_ENV_H

#include "rkt/launch.h"
#include "rkt/node.h"
#include "rkt/task.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* struct env_var and struct task_env (the built environment) are plan
 * data: rkt/launch.h */

struct env_port {
    const char *label;
    int host_port;
};

struct env_other_port {
    const char *task;
    const char *label;
    int host_port;
};

struct env_params {
    const char *alloc_id;
    int alloc_index;
    const char *job, *job_id, *group, *task; /* job: name; job_id: ID */
    const char *namespace_name;
    const char *ip;          /* the task network's IP (the node address) */
    int cpu, memory;
    const struct env_port *ports; /* the task's first network */
    size_t port_count;
    const struct env_other_port *other_ports; /* other tasks of the group */
    size_t other_port_count;
    const struct rkt_pairs *job_meta, *group_meta, *task_meta; /* may be NULL */
    const struct rkt_pairs *user_env; /* may be NULL */
};

void env_build(struct arena *arena, const struct env_params *params,
               const struct node_profile *node, struct task_env *out);
const char *env_lookup(const struct task_env *env, const char *key);
/* Nomad's ReplaceEnv: `${name}` with name in [a-zA-Z0-9_.-]+ replaced
 * from the node attribute names (node.*, attr.*, meta.*) or env; unknown
 * names stay as written. */
const char *env_substitute(struct arena *arena, const char *text,
                           const struct task_env *env, const struct node_profile *node);
/* The value of a node variable name as the client knows it (node.unique.id,
 * node.unique.name, node.datacenter, node.class, node.region, attr.<x>,
 * meta.<x>); NULL when unknown. */
const char *node_variable(const struct node_profile *node, const char *name);
/* "ip:port", with IPv6 in brackets (Go's net.JoinHostPort). */
char *join_host_port(struct arena *arena, const char *ip, int port);

#endif
