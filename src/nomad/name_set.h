/* name_set.h — a set of names for duplicate checks (groups of a job can
 * number in the tens of thousands, so a linear search is too slow).
 *
 * Contract: open addressing over arena memory; name_set_add returns the
 * value stored with an equal name already in the set, or NULL after adding
 * name with value. Names are not copied: they must outlive the set. */
#ifndef RKTC_NOMAD_NAME_SET_H
#define RKTC_NOMAD_NAME_SET_H

#include <stddef.h>

struct arena;

struct name_set {
    struct arena *arena;
    const char **names;
    const void **values;
    size_t *hashes; /* of each name, so a probe compares names only on a match */
    size_t count, cap;
};

void name_set_init(struct name_set *s, struct arena *arena);
const void *name_set_add(struct name_set *s, const char *name, const void *value);

#endif
