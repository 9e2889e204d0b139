/* decode_internal.h — shared helpers of the jobspec decoder (decode_*.c).
 *
 * Contract: a decode_ctx carries the arena, the source and the diagnostic
 * list; every helper that fails adds a located error and returns false, and
 * callers return false at once (Nomad stops at the first failing stanza).
 * Items are the tree's `struct hcl_item`; "filter" follows HCL1's
 * ObjectList.Filter: the items whose first key matches, where an item's
 * remaining keys are its labels. */
#ifndef RKTC_NOMAD_DECODE_INTERNAL_H
#define RKTC_NOMAD_DECODE_INTERNAL_H

#include "diag/diag.h"
#include "hcl/generic.h"
#include "hcl/tree.h"
#include "nomad/job.h"
#include "nomad/schema.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* Generic values of object bodies already decoded as part of an enclosing
 * body (Nomad decodes the job body whole, then each stanza's body again;
 * the values are the same, so rktc decodes once and looks them up). */
struct body_cache {
    const struct hcl_object **keys;
    struct gval **values;
    size_t count, cap;
};

struct decode_ctx {
    struct arena *arena;   /* the job model */
    /* what only the decode needs: the generic values of the bodies, the
     * cache, filtered item sets, name sets; released after the decode, so
     * a value the job keeps is copied out of it (gval_keep) */
    struct arena *scratch;
    const struct source *src;
    struct diag_list *diags;
    struct body_cache cache;
    /* the model keeps no driver `config` values: readers decode them again
     * one task at a time (nomad_task_config) */
    bool lean;
};

/* Remembers every object body inside a decoded value. */
void body_cache_fill(struct decode_ctx *c, struct gval *v);

/* Items of a body whose first key is `key`. */
struct item_set {
    const struct hcl_item **items;
    size_t count;
};

struct item_set body_filter(struct decode_ctx *c, const struct hcl_object *body,
                            const char *key);
/* Number of labels (keys after the first). */
static inline size_t item_labels(const struct hcl_item *it) { return it->key_count - 1; }
/* Items without labels. */
struct item_set items_plain(struct decode_ctx *c, struct item_set s);

/* The object body of a stanza item, or an NMD010 error naming `what`. */
const struct hcl_object *item_body(struct decode_ctx *c, const struct hcl_item *it,
                                   const char *what);
/* Invalid-key check: every item of body whose first key is not in valid
 * (NULL-terminated) gets an NMD001 error; false if any. */
bool check_keys(struct decode_ctx *c, const struct hcl_object *body,
                const char *const *valid, const char *where);
/* Generic decode of a body (NULL on failure; the HCL002 is reported). */
struct gval *decode_body(struct decode_ctx *c, const struct hcl_object *body);

/* Weak decoding of the generic map into the scalar fields of schema s at
 * out, skipping keys listed in skip (NULL-terminated, may be NULL).
 * durations: install the string->duration conversion. strict: no weak
 * typing (mapstructure without WeaklyTypedInput). */
bool decode_fields(struct decode_ctx *c, const struct gval *map,
                   const struct nomad_schema *s, void *out,
                   const char *const *skip, bool durations, bool strict,
                   const char *where);
/* One value into one field (kinds string/int/uint/bool/duration/strings). */
bool decode_field(struct decode_ctx *c, const struct gval *v, struct span span,
                  const struct nomad_field *f, void *out, bool durations,
                  bool strict, const char *where);
/* Merges the entries of map into a map[string]string (values weakly
 * converted). */
bool decode_string_map(struct decode_ctx *c, const struct gval *map,
                       struct nomad_map *out, const char *where);
/* Merges every plain block of the set into out (meta, env, ...). */
bool decode_map_blocks(struct decode_ctx *c, struct item_set s,
                       struct nomad_map *out, const char *what);

/* Nomad's flattenMapSlice: block values (lists of maps) become one merged
 * map, recursively (proxy and gateway `config`). */
struct gval *gval_flatten(struct decode_ctx *c, const struct gval *map);
/* A new map holding the entries of a then b (b wins), as mapstructure merges
 * repeated `config` blocks. */
struct gval *gval_merge(struct decode_ctx *c, struct gval *into, const struct gval *map);
/* A deep copy of v in the job's arena (its strings are the tree's), for a
 * generic value the job keeps; v itself lives in the scratch arena. */
const struct gval *gval_keep(struct decode_ctx *c, const struct gval *v);

/* Span of a generic value (its node), or fallback. */
struct span gval_span(const struct gval *v, struct span fallback);
/* The span of the value of an entry of a map (entry item, else node). */
struct span entry_span(const struct gval_entry *e);

/* Weak conversions (Go mapstructure with WeaklyTypedInput). On failure they
 * return false and set *why to a plain-words reason (arena). */
bool weak_to_string(struct decode_ctx *c, const struct gval *v, bool strict,
                    const char **text, size_t *len, const char **why);
bool weak_to_int(struct decode_ctx *c, const struct gval *v, int bits,
                 bool is_unsigned, bool strict, int64_t *out, const char **why);
bool weak_to_bool(struct decode_ctx *c, const struct gval *v, bool strict,
                  bool *out, const char **why);
/* Go's time.ParseDuration; false with Go's message in *why. */
bool go_parse_duration(struct decode_ctx *c, const char *text, size_t len,
                       int64_t *out, const char **why);
/* Go's strconv.FormatFloat(f, 'f', -1, 64). */
const char *go_format_float(struct decode_ctx *c, double f);

/* Errors and warnings: a located diagnostic of rule at span (printf
 * format); decode_error returns the record for notes and fixes. */
#define decode_error(c, rule, span, ...) \
    diag_add((c)->diags, (rule), (c)->src, (span), __VA_ARGS__)
#define decode_warning(c, rule, span, ...) \
    ((void)diag_add((c)->diags, (rule), (c)->src, (span), __VA_ARGS__))

/* A string field from text, which must live as long as the job (it is
 * shared, not copied, when text[len] is a NUL). */
struct nomad_string nomad_string_make(struct decode_ctx *c, const char *text,
                                      size_t len, struct span span);
/* Appends an element to a list (arena). */
void list_push(struct decode_ctx *c, struct nomad_list *list, void *item);
/* A key's text as a NUL-terminated string. */
const char *key_text(const struct hcl_item *it, size_t index);

/* Singleton stanza: checks "only one" (plain items) and the Nomad crash on a
 * lone labelled block. Returns the one plain item, or NULL with *ok false on
 * error (and *ok true when there is nothing to decode). */
const struct hcl_item *single_block(struct decode_ctx *c, struct item_set s,
                                    const char *name, const char *too_many,
                                    bool *ok);
/* Every block of s, each checked against valid keys and decoded by schema
 * into a new struct (which starts with its span) appended to out; false on
 * the first error. where names the block in messages. */
bool decode_each_block(struct decode_ctx *c, struct item_set s, const char *name,
                       const char *where, const char *const *valid,
                       const struct nomad_schema *schema, bool durations, bool strict,
                       struct nomad_list *out);

/* single_block, then the body checked against valid keys and decoded by
 * schema into a new struct; *ok as for single_block. */
void *simple_block(struct decode_ctx *c, struct item_set s, const char *name,
                   const char *too_many, const char *const *valid,
                   const struct nomad_schema *schema, bool durations, bool *ok);

/* Stanza decoders (decode_*.c). */
bool decode_constraints(struct decode_ctx *c, struct item_set s, struct nomad_list *out);
bool decode_affinities(struct decode_ctx *c, struct item_set s, struct nomad_list *out);
bool decode_spreads(struct decode_ctx *c, struct item_set s, struct nomad_list *out);
bool decode_update(struct decode_ctx *c, struct item_set s, struct nomad_update **out);
bool decode_migrate(struct decode_ctx *c, struct item_set s, struct nomad_migrate **out);
bool decode_reschedule(struct decode_ctx *c, struct item_set s, struct nomad_reschedule **out);
bool decode_restart(struct decode_ctx *c, struct item_set s, struct nomad_restart **out);
bool decode_ephemeral_disk(struct decode_ctx *c, struct item_set s,
                           struct nomad_ephemeral_disk **out);
bool decode_periodic(struct decode_ctx *c, struct item_set s, struct nomad_periodic **out);
bool decode_parameterized(struct decode_ctx *c, struct item_set s,
                          struct nomad_parameterized **out);
bool decode_multiregion(struct decode_ctx *c, struct item_set s,
                        struct nomad_multiregion **out);
bool decode_vault(struct decode_ctx *c, struct item_set s, struct nomad_vault **out);
bool decode_network(struct decode_ctx *c, struct item_set s, struct nomad_network **out);
bool decode_resources(struct decode_ctx *c, struct item_set s,
                      struct nomad_resources **out);
bool decode_volumes(struct decode_ctx *c, struct item_set s, struct nomad_list *out);
bool decode_scaling(struct decode_ctx *c, struct item_set s, struct nomad_scaling **out);
bool decode_services(struct decode_ctx *c, struct item_set s, struct nomad_list *out);
bool decode_tasks(struct decode_ctx *c, struct item_set s, struct nomad_list *out);
bool decode_groups(struct decode_ctx *c, struct item_set s, struct nomad_list *out);
/* A task body with the given valid keys (task or sidecar_task). */
struct nomad_task *decode_task_body(struct decode_ctx *c, const struct hcl_item *it,
                                    const char *const *valid, const char *where);
struct nomad_logs *decode_logs(struct decode_ctx *c, struct item_set s, bool *ok);

#endif
