#include "util/arena.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN (_Alignof(max_align_t))

struct chunk {
    struct chunk *next;
    size_t size;
    size_t used;
    _Alignas(max_align_t) unsigned char data[];
};

struct arena {
    struct chunk *head;
    size_t total;
};

struct arena *arena_new(void) { return xcalloc(1, sizeof(struct arena)); }

void arena_free(struct arena *arena) {
    if (!arena)
        return;
    struct chunk *c = arena->head;
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
    free(arena);
}

void *arena_alloc(struct arena *arena, size_t size) {
    size_t need = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    if (need < size)
        xalloc_die();
    struct chunk *c = arena->head;
    if (!c || c->size - c->used < need) {
        size_t cap = need > ARENA_CHUNK / 4 ? need : ARENA_CHUNK;
        struct chunk *n = malloc(sizeof(struct chunk) + cap);
        if (!n)
            xalloc_die();
        n->size = cap;
        n->used = 0;
        if (cap == need && c) {
            /* big block: keep the current chunk as head for small ones */
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            arena->head = n;
        }
        c = n;
    }
    void *p = c->data + c->used;
    c->used += need;
    arena->total += need;
    memset(p, 0, size);
    return p;
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
    p[len] = '\0';
    return p;
}

char *arena_strdup(struct arena *arena, const char *text) {
    return arena_strndup(arena, text, strlen(text));
}

char *arena_printf(struct arena *arena, const char *format, ...) {
    va_list ap, aq;
    va_start(ap, format);
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, format, ap);
    va_end(ap);
    if (n < 0)
        xalloc_die();
    char *p = arena_alloc(arena, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, format, aq);
    va_end(aq);
    return p;
}

void *arena_grow(struct arena *arena, void *old, size_t old_count,
                 size_t new_count, size_t size) {
    void *p = arena_array(arena, new_count, size);
    if (old && old_count)
        memcpy(p, old, (old_count < new_count ? old_count : new_count) * size);
    return p;
}

size_t arena_used(const struct arena *arena) { return arena->total; }
