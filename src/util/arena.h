/* arena.h — region allocator: one arena per input file.
 *
 * Contract: everything allocated from an arena lives until arena_free()
 * releases the whole region at once. Allocation never fails silently: on
 * out-of-memory the process aborts with a message (there is no sensible
 * partial result). Memory is zeroed. Not thread-safe; use one per thread. */
#ifndef RKTC_ARENA_H
#define RKTC_ARENA_H

#include <stddef.h>

#include "util/xalloc.h" /* RKTC_NONNULL */

/* Only the bump pointer is public, for the inline fast path. */
struct arena {
    char *next;       /* free space in the current chunk ... */
    char *end;        /* ... up to here */
    size_t total;     /* bytes handed out */
    size_t reserved;  /* bytes in all chunks */
    struct arena_chunk *head;
};

struct arena *arena_new(void);
void arena_free(struct arena *arena);

void *arena_alloc_slow(struct arena *arena, size_t need) RKTC_NONNULL;

/* Zeroed memory for size bytes, 8-byte aligned (enough for everything
 * rktc stores: pointers, 64-bit integers, doubles; not long double). */
static inline void *arena_alloc(struct arena *arena, size_t size) {
    size_t need = (size + 7) & ~(size_t)7;
    if (need >= size && (size_t)(arena->end - arena->next) >= need) {
        void *p = arena->next;
        arena->next += need;
        arena->total += need;
        return p;
    }
    return arena_alloc_slow(arena, size);
}
/* Zeroed array of count elements of size bytes (overflow-checked). */
void *arena_array(struct arena *arena, size_t count, size_t size) RKTC_NONNULL;
/* Copy of the len bytes at text, NUL-terminated. */
char *arena_strndup(struct arena *arena, const char *text, size_t len) RKTC_NONNULL;
char *arena_strdup(struct arena *arena, const char *text) RKTC_NONNULL;
/* printf into the arena. */
char *arena_printf(struct arena *arena, const char *format, ...)
    __attribute__((format(printf, 2, 3))) RKTC_NONNULL;
/* Grows an array held in the arena: returns a block for new_count elements
 * holding the first old_count elements of old (the old block is abandoned). */
void *arena_grow(struct arena *arena, void *old, size_t old_count,
                 size_t new_count, size_t size) RKTC_NONNULL;
/* Gives back the end of the most recent allocation: p, allocated with
 * size old_size, keeps new_size bytes (the rest is zeroed and reused).
 * Does nothing when p is not the most recent allocation. */
void arena_trim(struct arena *arena, void *p, size_t old_size, size_t new_size);
/* Bytes handed out so far (for benchmarks and limits). */
size_t arena_used(const struct arena *arena);
/* Releases everything allocated so far, keeping the current chunk (zeroed
 * again) for what comes next: a scratch arena reused per item. Every
 * pointer into the arena is dangling afterwards. */
void arena_reset(struct arena *arena);

#endif
