/* version.h — version constraints as Nomad 0.12's scheduler checks them.
 *
 * Contract: version_parse follows hashicorp/go-version NewVersion (loose)
 * or NewSemver (strict = true); version_compare is go-version's Compare.
 * version_constraint_check parses a comma-separated constraint list the way
 * go-version (`version` operator: =, !=, >, <, >=, <=, ~>, with its
 * pre-release rules) or Nomad's helper/constraints/semver (`semver`
 * operator: no ~>, plain semver ordering) does, and checks a version
 * against it. Returns -1 when the constraint does not parse (Nomad then
 * treats the constraint as unsatisfied), else 0/1. Pure; no allocation. */
#ifndef RKTC_RKT_VERSION_H
#define RKTC_RKT_VERSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VERSION_MAX_SEGMENTS 16

struct version {
    int64_t segments[VERSION_MAX_SEGMENTS];
    size_t segment_count;   /* padded to at least 3 */
    size_t specified;       /* segments actually written (go-version's si) */
    char pre[128];          /* pre-release ("" when none) */
    char text[160];         /* the original text (String() minus padding) */
};

bool version_parse(const char *text, bool strict, struct version *out);
int version_compare(const struct version *a, const struct version *b);
int version_constraint_check(const char *constraint, bool semver,
                             const char *version_text);

#endif
