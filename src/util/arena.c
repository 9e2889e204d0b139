/* MAP_ANONYMOUS, MAP_POPULATE */
#define _DEFAULT_SOURCE
#include "util/arena.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define ARENA_MIN_CHUNK ((size_t)64 * 1024)
#define ARENA_MAX_CHUNK ((size_t)1024 * 1024)

struct arena_chunk {
    struct arena_chunk *next;
    size_t mapped; /* bytes mapped (a large chunk), or 0: from calloc */
    size_t cap;    /* bytes of data */
    size_t dirty;  /* a spare chunk: bytes of data to zero before reuse */
    _Alignas(8) char data[];
};

/* Released chunks of the usual large size are kept for the next arena
 * that needs one (zeroed when it is taken, so none is zeroed at exit)
 * instead of being unmapped and mapped afresh: a check releases its
 * scratch arenas stage by stage, and fresh pages cost a fault and zeroing
 * each, and more the larger the process is. What is kept never exceeds what was in use at once before, so the
 * peak memory is unchanged. rktc is single-threaded: the list is
 * process-wide. */
#define ARENA_SPARE_MAX 256
static struct arena_chunk *spare[ARENA_SPARE_MAX];
static size_t spare_count;

#define ARENA_STANDARD (sizeof(struct arena_chunk) + ARENA_MAX_CHUNK)

/* used: bytes of data that may be non-zero */
static void chunk_release(struct arena_chunk *c, size_t used) {
    if (c->mapped == ARENA_STANDARD && spare_count < ARENA_SPARE_MAX) {
        c->dirty = used;
        spare[spare_count++] = c;
    } else if (c->mapped) {
        munmap(c, c->mapped);
    } else {
        free(c);
    }
}

static void chunk_free(struct arena_chunk *c) { chunk_release(c, c->cap); }

/* The chunk the bump pointer is in (the others are full or dedicated). */
static bool is_current(const struct arena *arena, const struct arena_chunk *c) {
    return arena->next >= c->data && arena->next <= c->data + c->cap &&
           arena->end == c->data + c->cap;
}

struct arena *arena_new(void) { return xcalloc(1, sizeof(struct arena)); }

void arena_free(struct arena *arena) {
    if (!arena)
        return;
    struct arena_chunk *c = arena->head;
    while (c) {
        struct arena_chunk *next = c->next;
        chunk_release(c, is_current(arena, c) ? (size_t)(arena->next - c->data) : c->cap);
        c = next;
    }
    free(arena);
}

/* A large chunk of an arena that is already large (a syntax tree, a job
 * model) is mapped with its pages populated at once: one system call
 * instead of a page fault per 4 KiB as the chunk fills. A scratch arena's
 * chunks are not: only the pages it touches become memory. */
#define ARENA_POPULATE ((size_t)1024 * 1024)
#define ARENA_POPULATE_AFTER ((size_t)8 * 1024 * 1024)

static struct arena_chunk *chunk_new(size_t bytes, bool populate) {
    struct arena_chunk *c;
    if (bytes == ARENA_STANDARD && spare_count) {
        c = spare[--spare_count];
        memset(c->data, 0, c->dirty);
        c->dirty = 0;
        return c;
    }
    if (bytes >= ARENA_POPULATE) {
        void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | (populate ? MAP_POPULATE : 0), -1, 0);
        if (p == MAP_FAILED)
            xalloc_die();
        c = p;
        c->mapped = bytes;
    } else {
        c = calloc(1, bytes);
        if (!c)
            xalloc_die();
    }
    return c;
}

/* Chunks come from calloc: large ones are fresh zero pages from the
 * kernel, so allocations need no memset of their own. Each new chunk is
 * half as large as all before it (within limits), so a big file takes
 * few chunks and a small one little memory. */
void *arena_alloc_slow(struct arena *arena, size_t size) {
    size_t need = (size + 7) & ~(size_t)7;
    if (need < size)
        xalloc_die();
    size_t cap = arena->reserved / 2;
    if (cap < ARENA_MIN_CHUNK)
        cap = ARENA_MIN_CHUNK;
    if (cap > ARENA_MAX_CHUNK)
        cap = ARENA_MAX_CHUNK;
    bool dedicated = need > cap / 4;
    if (dedicated)
        cap = need;
    if (cap > SIZE_MAX - sizeof(struct arena_chunk))
        xalloc_die();
    struct arena_chunk *n = chunk_new(sizeof(struct arena_chunk) + cap,
                                      arena->reserved >= ARENA_POPULATE_AFTER);
    n->cap = cap;
    n->next = arena->head;
    arena->head = n;
    arena->reserved += cap;
    arena->total += need;
    if (!dedicated) {
        /* the new chunk becomes the current one */
        arena->next = n->data + need;
        arena->end = n->data + cap;
    }
    return n->data;
}

void *arena_array(struct arena *arena, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size)
        xalloc_die();
    return arena_alloc(arena, count * size);
}

char *arena_strndup(struct arena *arena, const char *text, size_t len) {
    char *p = arena_alloc(arena, len + 1);
    if (len)
        memcpy(p, text, len);
    return p; /* p[len] is already 0 */
}

char *arena_strdup(struct arena *arena, const char *text) {
    return arena_strndup(arena, text, strlen(text));
}

/* Formatted straight into the current chunk when it fits (one pass, the
 * usual case); otherwise measured, allocated, and formatted again. */
char *arena_printf(struct arena *arena, const char *format, ...) {
    va_list ap;
    size_t room = (size_t)(arena->end - arena->next);
    va_start(ap, format);
    int n = vsnprintf(arena->next, room, format, ap);
    va_end(ap);
    if (n < 0)
        xalloc_die();
    if ((size_t)n < room) {
        char *p = arena->next;
        size_t need = ((size_t)n + 1 + 7) & ~(size_t)7;
        if (need > room)
            need = room; /* the chunk's end; it is 8-aligned too */
        /* bytes after the NUL were zero and stay zero */
        arena->next += need;
        arena->total += need;
        return p;
    }
    /* vsnprintf wrote into free space: it must read as zeroed again */
    if (room) /* a fresh arena has no chunk yet */
        memset(arena->next, 0, room);
    char *p = arena_alloc(arena, (size_t)n + 1);
    va_start(ap, format);
    vsnprintf(p, (size_t)n + 1, format, ap);
    va_end(ap);
    return p;
}

void *arena_grow(struct arena *arena, void *old, size_t old_count,
                 size_t new_count, size_t size) {
    void *p = arena_array(arena, new_count, size);
    if (old && old_count)
        memcpy(p, old, (old_count < new_count ? old_count : new_count) * size);
    return p;
}

void arena_trim(struct arena *arena, void *p, size_t old_size, size_t new_size) {
    size_t old_need = (old_size + 7) & ~(size_t)7, new_need = (new_size + 7) & ~(size_t)7;
    char *start = p;
    if (new_need >= old_need || start + old_need != arena->next)
        return;
    memset(start + new_need, 0, old_need - new_need);
    arena->next = start + new_need;
    arena->total -= old_need - new_need;
}

size_t arena_used(const struct arena *arena) { return arena->total; }

/* Keeps the current chunk (zeroing what was handed out of it) and frees
 * the others, so a scratch arena reused per item costs one memset of what
 * the item used. */
void arena_reset(struct arena *arena) {
    struct arena_chunk *keep = NULL;
    struct arena_chunk *c = arena->head;
    while (c) {
        struct arena_chunk *next = c->next;
        if (!keep && is_current(arena, c))
            keep = c;
        else
            chunk_free(c);
        c = next;
    }
    arena->head = keep;
    arena->total = 0;
    arena->reserved = 0;
    if (!keep) {
        arena->next = arena->end = NULL;
        return;
    }
    memset(keep->data, 0, (size_t)(arena->next - keep->data));
    keep->next = NULL;
    arena->next = keep->data;
    arena->reserved = keep->cap;
}
