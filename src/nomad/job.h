/* job.h — the typed Nomad job model (Nomad 0.12.12's api.Job, HCL1 jobspec).
 *
 * Contract: one struct per API struct of Nomad 0.12.12 (`api.Job`,
 * `api.TaskGroup`, `api.Task`, ...), one member per API field, named after
 * the HCL key (snake_case). Every scalar member records whether it was given
 * (`set`; an unset pointer field prints as null, an unset value field as its
 * zero value) and the span of the value that gave it, so later stages can
 * report located findings. Blocks keep the span of their whole item in
 * `span`. Lists are `struct nomad_list` (elements are pointers to the struct
 * named in the comment; `set` distinguishes an empty list from nil). The
 * driver `config` is kept as HCL's generic value (struct gval) together with
 * the tree items that wrote it (a lean decode keeps the items only, and
 * nomad_task_config decodes the value again); the rkt checker reads it
 * from there.
 * Everything lives in the arena of the input file. The model holds the job
 * as decoded, before Nomad's defaults (see nomad/decode.h, nomad/api_json.h);
 * parse-time values Nomad itself fills in (template change_mode/splay/perms,
 * vault env/change_mode, constraint operand "=") are set, with `set` true
 * and the span of the block. */
#ifndef RKTC_NOMAD_JOB_H
#define RKTC_NOMAD_JOB_H

#include "hcl/generic.h"
#include "source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nomad_string {
    const char *text; /* NUL-terminated ("" when unset); len is authoritative */
    uint32_t len;     /* inputs are < 256 MiB */
    bool set;
    struct span span;
};

struct nomad_int { /* int, int8, uint8, int64, uint64 fields alike */
    int64_t value;
    bool set;
    struct span span;
};

struct nomad_bool {
    bool value;
    bool set;
    struct span span;
};

struct nomad_duration { /* Go time.Duration: nanoseconds */
    int64_t ns;
    bool set;
    struct span span;
    bool from_number; /* written as a bare number (taken as nanoseconds) */
};

struct nomad_strings { /* []string */
    struct nomad_string *items;
    uint32_t count;
    bool set;
    struct span span;
};

struct nomad_map_entry {
    struct nomad_string key;   /* span: where the key was written */
    struct nomad_string value;
};

struct nomad_map { /* map[string]string; keys unique, first-written order */
    struct nomad_map_entry *entries;
    uint32_t count;
    uint32_t cap; /* room in entries (0: exactly count) */
    bool set;
    struct span span;
};

struct nomad_header_entry {
    struct nomad_string name;
    struct nomad_strings values;
};

struct nomad_headers { /* map[string][]string (check header) */
    struct nomad_header_entry *entries;
    size_t count;
    bool set;
    struct span span;
};

struct nomad_opaque { /* map[string]interface{}; value NULL means nil */
    const struct gval *value;  /* GVAL_MAP */
    struct span span;
};

struct nomad_list {
    void **items;
    uint32_t count;
    bool set;
    struct span span;
};

struct nomad_constraint {
    struct span span;
    struct nomad_string ltarget, rtarget, operand;
};

struct nomad_affinity {
    struct span span;
    struct nomad_string ltarget, rtarget, operand;
    struct nomad_int weight; /* *int8 */
};

struct nomad_spread_target {
    struct span span;
    struct nomad_string value;
    struct nomad_int percent; /* uint8 */
};

struct nomad_spread {
    struct span span;
    struct nomad_string attribute;
    struct nomad_int weight;   /* *int8 */
    struct nomad_list targets; /* nomad_spread_target */
};

struct nomad_update { /* UpdateStrategy: every field a pointer */
    struct span span;
    struct nomad_duration stagger;
    struct nomad_int max_parallel;
    struct nomad_string health_check;
    struct nomad_duration min_healthy_time, healthy_deadline, progress_deadline;
    struct nomad_int canary;
    struct nomad_bool auto_revert, auto_promote;
};

struct nomad_migrate {
    struct span span;
    struct nomad_int max_parallel;
    struct nomad_string health_check;
    struct nomad_duration min_healthy_time, healthy_deadline;
};

struct nomad_reschedule {
    struct span span;
    struct nomad_int attempts;
    struct nomad_duration interval, delay;
    struct nomad_string delay_function;
    struct nomad_duration max_delay;
    struct nomad_bool unlimited;
};

struct nomad_restart {
    struct span span;
    struct nomad_duration interval;
    struct nomad_int attempts;
    struct nomad_duration delay;
    struct nomad_string mode;
};

struct nomad_periodic {
    struct span span;
    struct nomad_bool enabled;
    struct nomad_string spec;      /* `cron` */
    struct nomad_string spec_type; /* "cron" when cron is given */
    struct nomad_bool prohibit_overlap;
    struct nomad_string time_zone;
};

struct nomad_parameterized {
    struct span span;
    struct nomad_string payload;
    struct nomad_strings meta_required, meta_optional;
};

struct nomad_multiregion_strategy {
    struct span span;
    struct nomad_int max_parallel;
    struct nomad_string on_failure;
};

struct nomad_multiregion_region {
    struct span span;
    struct nomad_string name;
    struct nomad_int count;
    struct nomad_strings datacenters;
    struct nomad_map meta;
};

struct nomad_multiregion {
    struct span span;
    struct nomad_multiregion_strategy *strategy;
    struct nomad_list regions; /* nomad_multiregion_region */
};

struct nomad_ephemeral_disk {
    struct span span;
    struct nomad_bool sticky, migrate;
    struct nomad_int size; /* SizeMB */
};

struct nomad_mount_options {
    struct span span;
    struct nomad_string fs_type;
    struct nomad_strings mount_flags;
};

struct nomad_volume { /* group volume "<name>" (VolumeRequest) */
    struct span span;
    struct nomad_string name; /* the label */
    struct nomad_string type, source;
    struct nomad_bool read_only;
    struct nomad_mount_options *mount_options;
};

struct nomad_port {
    struct span span;
    struct nomad_string label;
    struct nomad_int value; /* `static` */
    struct nomad_int to;
    struct nomad_string host_network;
};

struct nomad_dns {
    struct span span;
    struct nomad_strings servers, searches, options;
};

struct nomad_network {
    struct span span;
    struct nomad_string mode, device, cidr, ip;
    struct nomad_int mbits;
    struct nomad_dns *dns;
    struct nomad_list reserved_ports; /* nomad_port with static > 0 */
    struct nomad_list dynamic_ports;  /* nomad_port otherwise */
};

struct nomad_device {
    struct span span;
    struct nomad_string name;
    struct nomad_int count; /* *uint64 */
    struct nomad_list constraints; /* nomad_constraint */
    struct nomad_list affinities;  /* nomad_affinity */
};

struct nomad_resources {
    struct span span;
    struct nomad_int cpu, memory, disk, iops;
    struct nomad_list networks; /* nomad_network (at most one from HCL) */
    struct nomad_list devices;  /* nomad_device */
};

struct nomad_logs {
    struct span span;
    struct nomad_int max_files, max_file_size;
};

struct nomad_check_restart {
    struct span span;
    struct nomad_int limit;
    struct nomad_duration grace; /* *time.Duration */
    struct nomad_bool ignore_warnings;
};

struct nomad_check {
    struct span span;
    struct nomad_string id, name, type, command;
    struct nomad_strings args;
    struct nomad_string path, protocol, port;
    struct nomad_bool expose;
    struct nomad_string address_mode;
    struct nomad_duration interval, timeout;
    struct nomad_string initial_status;
    struct nomad_bool tls_skip_verify;
    struct nomad_headers header;
    struct nomad_string method;
    struct nomad_check_restart *check_restart;
    struct nomad_string grpc_service;
    struct nomad_bool grpc_use_tls;
    struct nomad_string task;
    struct nomad_int success_before_passing, failures_before_critical;
};

struct nomad_upstream {
    struct span span;
    struct nomad_string destination_name;
    struct nomad_int local_bind_port;
};

struct nomad_expose_path {
    struct span span;
    struct nomad_string path, protocol;
    struct nomad_int local_path_port;
    struct nomad_string listener_port;
};

struct nomad_expose {
    struct span span;
    struct nomad_list paths; /* nomad_expose_path */
};

struct nomad_proxy {
    struct span span;
    struct nomad_string local_service_address;
    struct nomad_int local_service_port;
    struct nomad_expose *expose;
    struct nomad_list upstreams; /* nomad_upstream */
    struct nomad_opaque config;
};

struct nomad_sidecar_service {
    struct span span;
    struct nomad_strings tags;
    struct nomad_string port;
    struct nomad_proxy *proxy;
};

struct nomad_sidecar_task {
    struct span span;
    struct nomad_string name, driver, user;
    struct nomad_opaque config;
    struct nomad_map env;
    struct nomad_resources *resources;
    struct nomad_map meta;
    struct nomad_duration kill_timeout; /* pointer */
    struct nomad_logs *logs;
    struct nomad_duration shutdown_delay; /* pointer */
    struct nomad_string kill_signal;
};

struct nomad_bind_address {
    struct span span;
    struct nomad_string name, address;
    struct nomad_int port;
};

struct nomad_gateway_proxy {
    struct span span;
    struct nomad_duration connect_timeout; /* pointer */
    struct nomad_bool envoy_gateway_bind_tagged_addresses;
    struct nomad_list envoy_gateway_bind_addresses; /* nomad_bind_address */
    struct nomad_bool envoy_gateway_no_default_bind;
    struct nomad_opaque config;
};

struct nomad_ingress_service {
    struct span span;
    struct nomad_string name;
    struct nomad_strings hosts;
};

struct nomad_ingress_listener {
    struct span span;
    struct nomad_int port;
    struct nomad_string protocol;
    struct nomad_list services; /* nomad_ingress_service */
};

struct nomad_gateway_tls {
    struct span span;
    struct nomad_bool enabled;
};

struct nomad_ingress {
    struct span span;
    struct nomad_gateway_tls *tls;
    struct nomad_list listeners; /* nomad_ingress_listener */
};

struct nomad_gateway {
    struct span span;
    struct nomad_gateway_proxy *proxy;
    struct nomad_ingress *ingress;
};

struct nomad_connect {
    struct span span;
    struct nomad_bool native;
    struct nomad_gateway *gateway;
    struct nomad_sidecar_service *sidecar_service;
    struct nomad_sidecar_task *sidecar_task;
};

struct nomad_service {
    struct span span;
    struct nomad_string id, name;
    struct nomad_strings tags, canary_tags;
    struct nomad_bool enable_tag_override;
    struct nomad_string port;         /* PortLabel */
    struct nomad_string address_mode;
    struct nomad_list checks;         /* nomad_check */
    struct nomad_check_restart *check_restart;
    struct nomad_connect *connect;
    struct nomad_map meta, canary_meta;
    struct nomad_string task;         /* TaskName */
};

struct nomad_artifact {
    struct span span;
    struct nomad_string source;      /* GetterSource */
    struct nomad_map options;        /* GetterOptions */
    struct nomad_string mode;        /* GetterMode */
    struct nomad_string destination; /* RelativeDest */
};

struct nomad_template {
    struct span span;
    struct nomad_string source, destination, data; /* SourcePath DestPath EmbeddedTmpl */
    struct nomad_string change_mode, change_signal;
    struct nomad_duration splay;
    struct nomad_string perms, left_delimiter, right_delimiter;
    struct nomad_bool env;           /* Envvars */
    struct nomad_duration vault_grace;
};

struct nomad_vault {
    struct span span;
    struct nomad_strings policies;
    struct nomad_string namespace_;
    struct nomad_bool env;
    struct nomad_string change_mode, change_signal;
};

struct nomad_volume_mount {
    struct span span;
    struct nomad_string volume, destination;
    struct nomad_bool read_only;
    struct nomad_string propagation_mode;
};

struct nomad_lifecycle {
    struct span span;
    struct nomad_string hook;
    struct nomad_bool sidecar;
};

struct nomad_csi_plugin {
    struct span span;
    struct nomad_string id, type, mount_dir;
};

struct nomad_dispatch_payload {
    struct span span;
    struct nomad_string file;
};

struct nomad_scaling {
    struct span span;
    struct nomad_string id, namespace_;
    struct nomad_map target;
    struct nomad_int min, max; /* *int64 */
    struct nomad_opaque policy;
    struct nomad_bool enabled;
    struct nomad_int create_index, modify_index;
};

struct nomad_task {
    struct span span;
    struct nomad_string name;   /* the label */
    struct nomad_string driver, user;
    struct nomad_lifecycle *lifecycle;
    struct nomad_opaque config; /* merged driver config (GVAL_MAP); NULL too in a lean
                                   decode (nomad/decode.h): nomad_task_config reads it */
    const struct hcl_item **config_items; /* the `config` blocks as written */
    size_t config_item_count;
    struct nomad_list constraints; /* nomad_constraint */
    struct nomad_list affinities;  /* nomad_affinity */
    struct nomad_map env;
    struct nomad_list services;    /* nomad_service */
    struct nomad_resources *resources;
    struct nomad_restart *restart;
    struct nomad_map meta;
    struct nomad_duration kill_timeout; /* pointer */
    struct nomad_logs *logs;
    struct nomad_list artifacts;   /* nomad_artifact */
    struct nomad_vault *vault;     /* own, or inherited from group/job */
    bool vault_inherited;
    struct nomad_list templates;   /* nomad_template */
    struct nomad_dispatch_payload *dispatch_payload;
    struct nomad_list volume_mounts; /* nomad_volume_mount */
    struct nomad_csi_plugin *csi_plugin;
    struct nomad_bool leader;
    struct nomad_duration shutdown_delay; /* value, not pointer */
    struct nomad_string kill_signal, kind;
};

struct nomad_group {
    struct span span;
    struct nomad_string name;      /* the label (job-level task: its name) */
    bool from_job_task;            /* made from a job-level `task` */
    struct nomad_int count;
    struct nomad_list constraints; /* nomad_constraint */
    struct nomad_list affinities;  /* nomad_affinity */
    struct nomad_list tasks;       /* nomad_task */
    struct nomad_list spreads;     /* nomad_spread */
    struct nomad_list volumes;     /* nomad_volume (a map by name in JSON) */
    struct nomad_restart *restart;
    struct nomad_reschedule *reschedule;
    struct nomad_ephemeral_disk *ephemeral_disk;
    struct nomad_update *update;
    struct nomad_migrate *migrate;
    struct nomad_list networks;    /* nomad_network */
    struct nomad_map meta;
    struct nomad_list services;    /* nomad_service */
    struct nomad_duration shutdown_delay, stop_after_client_disconnect; /* pointers */
    struct nomad_scaling *scaling;
    struct nomad_vault *vault;     /* group-level vault block (given to tasks) */
};

struct nomad_job {
    struct span span;              /* the whole `job` item */
    struct nomad_bool stop;
    struct nomad_string region, namespace_, id, parent_id, name, type;
    struct nomad_int priority;
    struct nomad_bool all_at_once;
    struct nomad_strings datacenters;
    struct nomad_list constraints; /* nomad_constraint */
    struct nomad_list affinities;  /* nomad_affinity */
    struct nomad_list groups;      /* nomad_group (TaskGroups) */
    struct nomad_update *update;
    struct nomad_multiregion *multiregion;
    struct nomad_list spreads;     /* nomad_spread */
    struct nomad_periodic *periodic;
    struct nomad_parameterized *parameterized;
    struct nomad_bool dispatched;
    struct nomad_string payload;   /* []byte; base64 in JSON */
    struct nomad_reschedule *reschedule;
    struct nomad_migrate *migrate;
    struct nomad_map meta;
    struct nomad_string consul_token, vault_token, vault_namespace, nomad_token_id;
    struct nomad_string status, status_description;
    struct nomad_bool stable;
    struct nomad_int version, submit_time, create_index, modify_index, job_modify_index;
    struct nomad_vault *vault;     /* job-level vault block (given to tasks) */
};

#endif
