/* config_view.h — a task's driver `config` as written, with locations.
 *
 * Contract: cfg_from_hcl and cfg_from_json turn the `config` of one task
 * into the same small tree, whatever the input form: maps keep every key
 * in written order (repeated keys and repeated `config` blocks included,
 * so callers decide the merge), lists keep their elements, scalars keep
 * their text (strings unquoted, numbers as written). Every node has the
 * span of its value, every map entry the span of `key = value`. Used by
 * the audit (values and locations) and the docker/podman rewrites.
 * Everything lives in the arena; never fails (unknown shapes are
 * CFG_OTHER). */
#ifndef RKTC_MIGRATE_CONFIG_VIEW_H
#define RKTC_MIGRATE_CONFIG_VIEW_H

#include "hcl/tree.h"
#include "json/json.h"
#include "source.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

enum cfg_kind { CFG_STRING, CFG_NUMBER, CFG_BOOL, CFG_LIST, CFG_MAP, CFG_OTHER };

struct cfg_node;

struct cfg_entry {
    const char *key;
    struct span key_span;
    struct span span; /* the whole `key = value` */
    struct cfg_node *value;
};

struct cfg_node {
    enum cfg_kind kind;
    struct span span;
    const char *text; /* CFG_STRING, CFG_NUMBER; "true"/"false" for CFG_BOOL */
    struct cfg_node **elems; /* CFG_LIST */
    struct cfg_entry *entries; /* CFG_MAP */
    size_t count;
};

/* The `config` items of a task (HCL native or HCL-JSON), merged into one
 * map in written order. NULL when there are none. */
struct cfg_node *cfg_from_hcl(struct arena *arena, const struct hcl_item *const *items,
                              size_t count);
struct cfg_node *cfg_from_json(struct arena *arena, const struct json_value *config);

/* The last entry named key (exact), or NULL. */
const struct cfg_entry *cfg_get(const struct cfg_node *map, const char *key);
/* The value as written in compact JSON-like form, for reports. */
const char *cfg_show(struct arena *arena, const struct cfg_node *node);

#endif
