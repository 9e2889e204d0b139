#include "util/str_index.h"
#include "util/arena.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

struct str_index_slot {
    const char *key; /* NULL: empty */
    size_t len;
    size_t value;
    uint64_t hash;
};

static uint64_t seed;

static uint64_t mix(uint64_t h, uint64_t w) {
    h = (h ^ w) * 0xff51afd7ed558ccdu;
    return (h << 31) | (h >> 33);
}

/* Eight bytes at a time (multiply and rotate); the last 1 to 8 bytes as
 * one word made of overlapping loads (keys are short: one or two words
 * and the tail); then a 64-bit finaliser. The length is mixed in first,
 * so keys that read as the same words differ. The seed comes from the
 * process (address-space layout and pid), not from the input. */
static uint64_t hash_of(const char *key, size_t len) {
    if (!seed) {
        seed = ((uint64_t)(uintptr_t)&seed * 0x9E3779B97F4A7C15u) ^ (uint64_t)getpid() ^
               0xcbf29ce484222325u;
        seed |= 1;
    }
    uint64_t h = seed ^ (len * 0x9E3779B97F4A7C15u);
    size_t i = 0;
    for (; i + 8 < len; i += 8) {
        uint64_t w;
        memcpy(&w, key + i, 8);
        h = mix(h, w);
    }
    size_t rest = len - i; /* 0 only for the empty key */
    uint64_t w = 0;
    if (rest >= 4) {
        uint32_t a, b;
        memcpy(&a, key + i, 4);
        memcpy(&b, key + len - 4, 4);
        w = (uint64_t)a << 32 | b;
    } else if (rest) {
        w = (uint64_t)(unsigned char)key[i] << 16 | (uint64_t)(unsigned char)key[i + rest / 2] << 8 |
            (unsigned char)key[len - 1];
    }
    h = mix(h, w);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return h;
}

static struct str_index_slot *probe(struct str_index_slot *slots, size_t cap, const char *key,
                                    size_t len, uint64_t h) {
    size_t mask = cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        struct str_index_slot *s = &slots[i];
        if (!s->key)
            return s;
        if (s->hash == h && s->len == len && (len == 0 || memcmp(s->key, key, len) == 0))
            return s;
    }
}

bool str_index_get(const struct str_index *ix, const char *key, size_t len, size_t *value) {
    if (!ix->cap)
        return false;
    struct str_index_slot *s = probe(ix->slots, ix->cap, key, len, hash_of(key, len));
    if (!s->key)
        return false;
    *value = s->value;
    return true;
}

void str_index_put(struct arena *arena, struct str_index *ix, const char *key, size_t len,
                   size_t value) {
    if ((ix->count + 1) * 4 > ix->cap * 3) { /* keep the load under 3/4 */
        size_t cap = ix->cap ? ix->cap * 2 : 16;
        struct str_index_slot *slots = arena_array(arena, cap, sizeof *slots);
        for (size_t i = 0; i < ix->cap; i++) {
            struct str_index_slot *old = &ix->slots[i];
            if (old->key)
                *probe(slots, cap, old->key, old->len, old->hash) = *old;
        }
        ix->slots = slots;
        ix->cap = cap;
    }
    uint64_t h = hash_of(key, len);
    struct str_index_slot *s = probe(ix->slots, ix->cap, key, len, h);
    if (!s->key) {
        s->key = key ? key : "";
        s->len = len;
        s->hash = h;
        ix->count++;
    }
    s->value = value;
}
