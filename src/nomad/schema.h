/* schema.h — field tables of the job model: one row per API field.
 *
 * Contract: for every struct of nomad/job.h, a table lists its fields in
 * Nomad 0.12.12's declaration order with the Go field name (the API JSON
 * key), the jobspec key mapstructure matches (the `mapstructure` tag, or
 * NULL when it matches the field name case-insensitively), the kind, whether
 * Go declares it as a pointer (unset prints as null), and where it lives in
 * the C struct. The API JSON writer, the API JSON reader and the weak
 * decoding of stanza attributes are all driven by these tables. */
#ifndef RKTC_NOMAD_SCHEMA_H
#define RKTC_NOMAD_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

enum nomad_kind {
    NOMAD_STRING,   /* struct nomad_string */
    NOMAD_INT,      /* struct nomad_int */
    NOMAD_UINT,     /* struct nomad_int holding an unsigned value */
    NOMAD_INT8,     /* struct nomad_int, Go int8 */
    NOMAD_UINT8,    /* struct nomad_int, Go uint8 */
    NOMAD_BOOL,     /* struct nomad_bool */
    NOMAD_DURATION, /* struct nomad_duration */
    NOMAD_STRINGS,  /* struct nomad_strings */
    NOMAD_MAP,      /* struct nomad_map */
    NOMAD_HEADERS,  /* struct nomad_headers */
    NOMAD_OPAQUE,   /* struct nomad_opaque */
    NOMAD_BYTES,    /* struct nomad_string printed as base64 */
    NOMAD_STRUCT,   /* pointer to the struct of `sub` (NULL: null) */
    NOMAD_LIST,     /* struct nomad_list of `sub` */
    NOMAD_NAMED_MAP, /* struct nomad_list of `sub`, printed as an object keyed
                        by each element's first (string) field */
};

struct nomad_schema;

struct nomad_field {
    const char *name;  /* Go field name = API JSON key */
    const char *tag;   /* jobspec key (mapstructure tag), NULL: by name */
    enum nomad_kind kind;
    bool pointer;      /* Go pointer/slice/map: unset prints null */
    bool omitempty;    /* json:",omitempty": unset is left out */
    size_t offset;
    const struct nomad_schema *sub;
};

struct nomad_schema {
    const char *name;  /* Go type name, e.g. "TaskGroup" */
    size_t size;       /* sizeof the C struct */
    const struct nomad_field *fields;
    size_t count;
};

extern const struct nomad_schema nomad_schema_job, nomad_schema_group,
    nomad_schema_task, nomad_schema_constraint, nomad_schema_affinity,
    nomad_schema_spread, nomad_schema_spread_target, nomad_schema_update,
    nomad_schema_migrate, nomad_schema_reschedule, nomad_schema_restart,
    nomad_schema_periodic, nomad_schema_parameterized,
    nomad_schema_multiregion, nomad_schema_multiregion_strategy,
    nomad_schema_multiregion_region, nomad_schema_ephemeral_disk,
    nomad_schema_volume, nomad_schema_mount_options, nomad_schema_port,
    nomad_schema_dns, nomad_schema_network, nomad_schema_device,
    nomad_schema_resources, nomad_schema_logs, nomad_schema_check_restart,
    nomad_schema_check, nomad_schema_upstream, nomad_schema_expose_path,
    nomad_schema_expose, nomad_schema_proxy, nomad_schema_sidecar_service,
    nomad_schema_sidecar_task, nomad_schema_bind_address,
    nomad_schema_gateway_proxy, nomad_schema_ingress_service,
    nomad_schema_ingress_listener, nomad_schema_gateway_tls,
    nomad_schema_ingress, nomad_schema_gateway, nomad_schema_connect,
    nomad_schema_service, nomad_schema_artifact, nomad_schema_template,
    nomad_schema_vault, nomad_schema_volume_mount, nomad_schema_lifecycle,
    nomad_schema_csi_plugin, nomad_schema_dispatch_payload,
    nomad_schema_scaling;

/* The field whose jobspec key is `key` as mapstructure finds it: the exact
 * tag/name first, else the first case-insensitive match. NULL if none. */
const struct nomad_field *nomad_schema_find_key(const struct nomad_schema *s,
                                                const char *key, size_t len);
/* The field for an API JSON key (Go encoding/json: exact name first, then
 * case-insensitive). NULL if none. */
const struct nomad_field *nomad_schema_find_json(const struct nomad_schema *s,
                                                 const char *key, size_t len);

/* Gives every unset string field of the struct at obj (and of everything
 * it holds) the empty text "" instead of NULL, so later stages can print
 * any name; `set` is unchanged. */
void nomad_schema_fill_strings(const struct nomad_schema *s, void *obj);

/* Whether the value of field f, stored at `at` (the struct's address plus
 * f->offset), is set: what Go's encoding/json calls non-empty for a
 * pointer or an omitempty field. */
bool nomad_field_is_set(const struct nomad_field *f, const void *at);

#endif
