/* json_flatten.h — HCL1's flattenObjects pass over an HCL-JSON tree.
 *
 * Contract: rewrites every object body of root (in place, new nodes in the
 * arena) exactly as json/parser/flatten.go does: an item whose value is a
 * non-empty object all of whose members are objects is replaced by one item
 * per member (keys extended by the member's keys, value the member's
 * value), an item whose value is a non-empty array of objects by one item
 * per element; repeated until no item matches, member order kept. Adds an
 * HCL004 warning where the body of a labelled block made only of objects is
 * merged into its members: an item whose last two keys are a block type
 * listed in `labelled` (NULL-terminated; the caller's schema, e.g. the
 * Nomad stanzas that take a label) and its label. labelled may be NULL: no
 * such warnings. No recursion. */
#ifndef RKTC_HCL_JSON_FLATTEN_H
#define RKTC_HCL_JSON_FLATTEN_H

#include "diag/diag.h"
#include "hcl/tree.h"

struct arena;

void json_flatten(struct arena *arena, const struct source *src, struct hcl_value *root,
                  const char *const *labelled, struct diag_list *diags);

#endif
