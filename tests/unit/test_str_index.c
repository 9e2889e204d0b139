/* Tests for src/util/str_index.c: lookups by bytes and length, replacement,
 * growth past many keys, keys with NUL bytes and the empty key. */
#include "util/arena.h"
#include "util/str_index.h"

#include <criterion/criterion.h>
#include <stdio.h>

Test(str_index, empty_index_finds_nothing) {
    struct str_index ix = {0};
    size_t v;
    cr_assert_not(str_index_get(&ix, "a", 1, &v));
}

Test(str_index, put_get_replace_and_grow) {
    struct arena *a = arena_new();
    struct str_index ix = {0};
    enum { N = 100000 };
    char **keys = arena_array(a, N, sizeof *keys);
    for (size_t i = 0; i < N; i++) {
        keys[i] = arena_printf(a, "key%zu", i);
        str_index_put(a, &ix, keys[i], strlen(keys[i]), i);
    }
    cr_assert_eq(ix.count, N);
    size_t v;
    for (size_t i = 0; i < N; i += 997) {
        cr_assert(str_index_get(&ix, keys[i], strlen(keys[i]), &v));
        cr_assert_eq(v, i);
    }
    cr_assert_not(str_index_get(&ix, "key", 3, &v));
    str_index_put(a, &ix, "key7", 4, 42);
    cr_assert_eq(ix.count, N, "an equal key is replaced, not added");
    cr_assert(str_index_get(&ix, "key7", 4, &v));
    cr_assert_eq(v, 42);
    arena_free(a);
}

Test(str_index, lengths_not_nul_terminators_delimit_keys) {
    struct arena *a = arena_new();
    struct str_index ix = {0};
    str_index_put(a, &ix, "p\0q", 3, 1);
    str_index_put(a, &ix, "p", 1, 2);
    str_index_put(a, &ix, "", 0, 3);
    size_t v;
    cr_assert(str_index_get(&ix, "p\0q", 3, &v));
    cr_assert_eq(v, 1);
    cr_assert(str_index_get(&ix, "p", 1, &v));
    cr_assert_eq(v, 2);
    cr_assert(str_index_get(&ix, "", 0, &v));
    cr_assert_eq(v, 3);
    cr_assert_not(str_index_get(&ix, "p\0", 2, &v));
    arena_free(a);
}
