/* str_index.h — a hash index from byte strings to array positions.
 *
 * Contract: an index maps distinct keys (bytes + length, NULs allowed) to
 * a size_t, typically the key's position in an array kept elsewhere, so
 * that a lookup or an insertion costs O(1) on average whatever the number
 * of keys. Keys are not copied: the caller keeps them alive as long as the
 * index. Storage comes from the given arena (released with it); growth
 * doubles the table, so n insertions use O(n) memory in total. A zeroed
 * struct str_index is an empty index. The hash is seeded per process, so
 * crafted keys cannot predict collisions; iteration order is not offered
 * (callers keep their own order). */
#ifndef RKTC_STR_INDEX_H
#define RKTC_STR_INDEX_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct str_index_slot;

struct str_index {
    struct str_index_slot *slots;
    size_t cap;   /* a power of two, or 0 */
    size_t count;
};

/* Position stored for key, or false when the key is absent. */
bool str_index_get(const struct str_index *ix, const char *key, size_t len, size_t *value);
/* Stores key -> value (replacing the value of an equal key). */
void str_index_put(struct arena *arena, struct str_index *ix, const char *key, size_t len,
                   size_t value);

#endif
