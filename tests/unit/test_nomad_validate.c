/* Unit tests of the validator's Go-compatible helpers. */
#include "nomad/validate_internal.h"
#include "util/arena.h"

#include <criterion/criterion.h>

Test(nomad_validate, go_duration_strings) {
    struct arena *a = arena_new();
    struct validate_ctx v = {.arena = a};
    const struct {
        int64_t ns;
        const char *text;
    } cases[] = {
        {0, "0s"},
        {1, "1ns"},
        {1500, "1.5\xc2\xb5s"},
        {2000000, "2ms"},
        {1500000000, "1.5s"},
        {60000000000LL, "1m0s"},
        {300000000000LL, "5m0s"},
        {86400000000000LL, "24h0m0s"},
        {5400000000000LL, "1h30m0s"},
        {-1000000000, "-1s"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_assert_str_eq(go_duration(&v, cases[i].ns), cases[i].text, "%lld",
                         (long long)cases[i].ns);
    arena_free(a);
}

Test(nomad_validate, paths_escaping_the_allocation_directory) {
    cr_assert_not(path_escapes_alloc_dir("task", "local/app.conf"));
    cr_assert_not(path_escapes_alloc_dir("task", "/etc/app.conf")); /* joined, not absolute */
    cr_assert_not(path_escapes_alloc_dir("task", "../alloc/data"));
    cr_assert(path_escapes_alloc_dir("task", "../../etc"));
    cr_assert(path_escapes_alloc_dir("task", "../../../foo/bar/baz"));
    cr_assert_not(path_escapes_alloc_dir("task", "../../../alloc-dir/alloc-id/x"));
    cr_assert_not(path_escapes_alloc_dir("task/local/", "payload.json"));
    cr_assert(path_escapes_alloc_dir("task/local/", "../../../x"));
}
