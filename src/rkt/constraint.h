/* constraint.h — constraint and affinity operators, evaluated against a
 * host profile exactly as Nomad 0.12's scheduler does (feasible.go:
 * resolveTarget, checkConstraint; docs/nomad.md).
 *
 * Contract: constraint_resolve turns a target into Nomad's (value, found)
 * pair; constraint_check applies one operator. distinct_hosts and
 * distinct_property are not node properties: constraint_check reports them
 * satisfied, and the placement code counts allocations for them. `regexp`
 * is Go's regexp (RE2 syntax, linear-time search), evaluated by RE2
 * itself (util/go_regexp.h); a pattern Go refuses never matches, and
 * *reason then carries RE2's message. */
#ifndef RKTC_RKT_CONSTRAINT_H
#define RKTC_RKT_CONSTRAINT_H

#include "rkt/node.h"

#include <stdbool.h>

struct arena;

struct target_value {
    const char *text; /* NULL: Go's nil interface (unknown interpolation) */
    bool found;
};

enum constraint_result {
    CONSTRAINT_FALSE = 0,
    CONSTRAINT_TRUE = 1,
    CONSTRAINT_UNKNOWN = 2,
};

struct target_value constraint_resolve(const struct node_profile *node,
                                       const char *target);
/* true when target starts with "${" and is none of the forms Nomad's
 * scheduler resolves: it never resolves on any node. */
bool constraint_target_unresolvable(const char *target);
/* true for the operators of docs/nomad.md (affinity: the subset). */
bool constraint_operand_known(const char *operand, bool affinity);

enum constraint_result constraint_check(struct arena *arena, const char *operand,
                                        struct target_value l, struct target_value r,
                                        const char **reason);

#endif
