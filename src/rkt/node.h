/* node.h — the host profile: what a Nomad client would know (`--node FILE`).
 *
 * Contract: node_defaults fills the defaults of docs/host-profile.md;
 * node_read reads a `node { ... }` HCL file over those defaults, reporting
 * unknown keys, wrong types and a bad port range as RKT diagnostics at
 * their keys (it returns false when the profile is unusable). Capacity
 * (cpu_total_compute, memory_total_mb, reserved { cpu, memory,
 * reserved_ports }) is unlimited unless given. A written `attributes` or
 * `meta` block, or any `host_volume`, replaces the default ones. Attribute and
 * meta lookups are exact-key. Everything lives in the arena passed in. */
#ifndef RKTC_RKT_NODE_H
#define RKTC_RKT_NODE_H

#include "diag/diag.h"
#include "hcl/tree.h"
#include "rkt/task.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct node_host_volume {
    const char *name;
    const char *path;
    bool read_only;
};

struct node_port_range {
    int low, high;
};

struct node_profile {
    const char *id;          /* ${node.unique.id}; derived from name */
    const char *name;
    const char *datacenter;
    const char *region;
    const char *class_name;
    const char *address;
    const char *alloc_dir;
    const char *rkt_path;
    bool volumes_enabled;
    int dynamic_min, dynamic_max;
    struct rkt_pairs attributes;
    struct rkt_pairs meta;
    struct node_host_volume *host_volumes;
    size_t host_volume_count;
    /* capacity, under Nomad's client config names; 0 = unlimited */
    int64_t cpu_total_compute; /* MHz */
    int64_t memory_total_mb;
    int64_t reserved_cpu;      /* reserved { cpu } (MHz) */
    int64_t reserved_memory;   /* reserved { memory } (MB) */
    const char *reserved_ports; /* reserved { reserved_ports }: "22,80,8000-8100" */
    struct node_port_range *reserved_ranges;
    size_t reserved_range_count;
};

/* Parses Nomad's port list syntax ("22,80,8000-8100", spaces allowed);
 * false with *error set on a bad entry. Ranges are kept as written. */
bool node_parse_ports(struct arena *arena, const char *text, struct node_port_range **out,
                      size_t *count, const char **error);
bool node_port_reserved(const struct node_profile *node, int port);

void node_defaults(struct arena *arena, struct node_profile *node);
bool node_read(struct arena *arena, const struct hcl_file *file,
               struct node_profile *node, struct diag_list *diags);

/* NULL when absent. */
const char *node_attribute(const struct node_profile *node, const char *name);
const char *node_meta(const struct node_profile *node, const char *name);
const struct node_host_volume *node_host_volume(const struct node_profile *node,
                                                const char *name);

#endif
