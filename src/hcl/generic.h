/* generic.h — HCL's generic decode: the tree as Go's interface{} values.
 *
 * Contract: hcl_decode_generic reproduces HashiCorp HCL1's
 * `hcl.DecodeObject(&out interface{}, tree)` exactly: objects under a key
 * become lists of maps, labels nest as list-of-maps per label, repeated
 * blocks accumulate, repeated lists concatenate, repeated scalars are
 * re-decoded into the first value's type (last wins), and the decoder's
 * errors (number conversion, mixed shapes, "map must have string keys")
 * come out as one located HCL002 diagnostic with the reference's text, and
 * a NULL result. Nomad takes `config`, `meta`, `env`, ... from this model.
 * Values live in the arena. gval_write_json prints a value as JSON the way
 * Go's encoding/json does (map keys sorted, invalid UTF-8 as U+FFFD). */
#ifndef RKTC_HCL_GENERIC_H
#define RKTC_HCL_GENERIC_H

#include "diag/diag.h"
#include "hcl/tree.h"
#include "util/buf.h"
#include "util/json_quote.h" /* json_write_string, for the users of generic values */

#include <stdbool.h>
#include <stdint.h>

enum gval_kind {
    GVAL_MAP,      /* map[string]interface{} */
    GVAL_MAP_LIST, /* []map[string]interface{} (elements are GVAL_MAP) */
    GVAL_LIST,     /* []interface{} */
    GVAL_INT,
    GVAL_FLOAT,
    GVAL_BOOL,
    GVAL_STRING,
};

struct gval;

struct gval_entry {
    const char *key;
    size_t key_len;
    struct gval *value;
    const struct hcl_item *item; /* where the key was written (first time) */
};

struct gval {
    enum gval_kind kind;
    const struct hcl_value *node; /* source node, for locations (may be NULL) */
    union {
        struct {
            struct gval_entry *entries; /* in first-written order */
            uint32_t count, cap;        /* inputs are < 4 GiB */
        } map;
        struct {
            struct gval **elems;
            uint32_t count, cap;
        } list; /* GVAL_MAP_LIST and GVAL_LIST */
        int64_t integer;
        double number;
        bool boolean;
        struct {
            const char *text;
            size_t len;
        } string;
    } as;
};

struct arena;

struct gval *hcl_decode_generic(struct arena *arena, const struct hcl_file *file,
                                struct diag_list *diags);
/* Decodes one object body (e.g. a stanza's body) the same way, as the root. */
struct gval *hcl_decode_object(struct arena *arena, const struct source *src,
                               const struct hcl_object *body,
                               struct diag_list *diags);

/* As hcl_decode_object, for a caller that reads only some of the body's
 * keys: the values of the root keys listed in check_only (NULL-terminated,
 * compared exactly) are decoded for their errors only and dropped, one
 * list element at a time, so the decode holds one element's values at
 * most. The errors and the values of the other keys are
 * hcl_decode_object's; a list of check_only values comes out empty. */
struct gval *hcl_decode_object_checked(struct arena *arena, const struct source *src,
                                       const struct hcl_object *body,
                                       const char *const *check_only,
                                       struct diag_list *diags);

const struct gval *gval_map_get(const struct gval *map, const char *key);
void gval_write_json(struct buf *out, const struct gval *v, int indent);

#endif
