/* decode_rules.h — HCL1's generic decode rules, shared by the decoder that
 * builds values (generic.c) and the one that writes JSON straight from the
 * tree (generic_stream.c). Private to src/hcl.
 *
 * Contract: a port of HCL1's decoder.go for `interface{}` targets. Go's
 * reflect targets are slots of a kind; the decoder keeps Go's stack of
 * kinds (push on entering a typed slot, pop on leaving), which decides
 * whether an object becomes a map or a list of maps. Every rule that can
 * fail reports the reference's error (one HCL002 diagnostic) and returns
 * false; the decode stops at the first. Both decoders apply the rules in
 * the reference's order, so they report the same first error. */
#ifndef RKTC_HCL_DECODE_RULES_H
#define RKTC_HCL_DECODE_RULES_H

#include "hcl/generic.h"
#include "util/str_index.h"

#include <stdbool.h>
#include <stddef.h>

enum go_kind { K_INTERFACE, K_MAP, K_SLICE, K_INT, K_FLOAT, K_BOOL, K_STRING };

/* an item as seen through ObjectList.Filter: the first key_off keys stripped */
struct item_view {
    const struct hcl_item *item;
    size_t key_off;
};

enum node_type { N_LIST_OF_ITEMS, N_OBJECT, N_LIST, N_LITERAL, N_ITEM };

/* HCL1's ast.Node: what is decoded into a slot */
struct node {
    enum node_type type;
    const struct hcl_value *value; /* N_OBJECT, N_LIST, N_LITERAL */
    struct item_view *items;       /* N_LIST_OF_ITEMS: filtered views, or */
    struct hcl_item *const *plain; /* an object's own items (key_off 0) */
    size_t count;
    struct item_view item;         /* N_ITEM */
};

/* The decode path ("root.job[0].web[0]") HCL1 names values by in its
 * errors; built as a chain and only formatted when an error is reported. */
struct path {
    const struct path *parent;
    const char *key; /* NULL: an index */
    size_t key_len;
    size_t index;
};

struct decoder {
    struct arena *arena; /* values (generic.c) and error texts */
    const struct source *src;
    struct diag_list *diags;
    enum go_kind stack[2 * 256 + 16];
    size_t depth;
    /* the key index of each large map, found by the map's address (kept
     * here rather than in every gval: values stay small; generic.c) */
    struct str_index indexes;
    /* hcl_decode_object_checked (generic.c): root keys whose values are
     * only checked, the arena their elements are decoded in, and the depth
     * of the list being checked (0: none) */
    const char *const *check_only;
    struct arena *check_arena;
    size_t check_depth;
};

struct node rules_value_node(const struct hcl_value *v);
struct node rules_object_items(const struct hcl_object *obj);

/* Enters a slot of kind k (not K_INTERFACE); fails when too deep. */
bool rules_push(struct decoder *d, const struct node *n, enum go_kind k);
static inline void rules_pop(struct decoder *d) { d->depth--; }
enum go_kind rules_kind_of(enum gval_kind kind);

/* decodeInterface: the kind of value an empty interface slot takes for n. */
bool rules_interface_kind(struct decoder *d, const struct path *name, const struct node *n,
                          enum gval_kind *kind);

/* Whether decoding n into a fresh slot of its own kind (an object, or an
 * item's remaining labels and value, also as a map) cannot fail: the
 * parser marked it decode_safe (tree.h) and the stack of kinds has room
 * for its depth. A decoder that keeps no value need not enter it. */
bool rules_cannot_fail(const struct decoder *d, const struct node *n, bool as_map);

/* decodeBool/Float/Int/String: n decoded into a scalar slot of kind k,
 * stored in *out (kind, node and value; nothing allocated on success). */
bool rules_scalar(struct decoder *d, const struct path *name, const struct node *n,
                  enum go_kind k, struct gval *out);

/* decodeSlice: how many elements n gives a slice (fails for a literal),
 * and the i-th of them. */
bool rules_slice_count(struct decoder *d, const struct path *name, const struct node *n,
                       size_t *count);
struct node rules_slice_elem(const struct node *n, size_t i);

/* decodeMap's loop: for each (key, value) HCL1 decodes into the map, in its
 * order, calls fn with the field's path (name.key), the item and the node;
 * stops at fn's first false. Fails for a node that is not a block, and for
 * a block without labels among labelled ones. The filtered item lists live
 * in scratch (they must outlast every use of the nodes given to fn). */
typedef bool (*rules_field_fn)(struct decoder *d, void *ctx, const struct path *field,
                               const struct hcl_item *item, const struct node *value);
bool rules_map_fields(struct decoder *d, struct arena *scratch, const struct path *name,
                      const struct node *node, rules_field_fn fn, void *ctx);
/* How many items a map decoded from node has at most. */
size_t rules_map_size(const struct node *node);

/* decode: n into *slot of the given type (generic.c, building values) */
enum slot_type { SLOT_IFACE, SLOT_MAP, SLOT_SLICE_MAP, SLOT_SLICE_IFACE };
bool rules_decode(struct decoder *d, const struct path *name, const struct node *node,
                  enum slot_type type, struct gval **slot);

/* gval_json.c: the writer's pieces, for writing values piece by piece */
void gval_json_newline(struct buf *out, int indent, int level);
void gval_write_json_at(struct buf *out, const struct gval *v, int indent, int level);
int gval_key_compare(const char *a, size_t alen, const char *b, size_t blen);

#endif
