/* name_set.c — open-addressing set of names in an arena. */
#include "nomad/name_set.h"

#include "util/arena.h"

#include <stdint.h>
#include <string.h>

void name_set_init(struct name_set *s, struct arena *arena) {
    memset(s, 0, sizeof *s);
    s->arena = arena;
}

static size_t hash(const char *name) {
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return (size_t)h;
}

static void grow(struct name_set *s) {
    size_t cap = s->cap ? s->cap * 2 : 4; /* most sets hold a name or two */
    const char **names = arena_array(s->arena, cap, sizeof *names);
    const void **values = arena_array(s->arena, cap, sizeof *values);
    size_t *hashes = arena_array(s->arena, cap, sizeof *hashes);
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->names[i])
            continue;
        size_t j = s->hashes[i] & (cap - 1);
        while (names[j])
            j = (j + 1) & (cap - 1);
        names[j] = s->names[i];
        values[j] = s->values[i];
        hashes[j] = s->hashes[i];
    }
    s->names = names;
    s->values = values;
    s->hashes = hashes;
    s->cap = cap;
}

const void *name_set_add(struct name_set *s, const char *name, const void *value) {
    if (2 * (s->count + 1) > s->cap)
        grow(s);
    size_t h = hash(name);
    size_t j = h & (s->cap - 1);
    while (s->names[j]) { /* the stored hash first: most probes read no name */
        if (s->hashes[j] == h && strcmp(s->names[j], name) == 0)
            return s->values[j];
        j = (j + 1) & (s->cap - 1);
    }
    s->names[j] = name;
    s->values[j] = value;
    s->hashes[j] = h;
    s->count++;
    return NULL;
}
