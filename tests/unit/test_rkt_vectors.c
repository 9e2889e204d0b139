/* test_rkt_vectors.c — the derived vectors of rkt-driver.md §12 as golden
 * files: testdata/rkt/vectors/NAME.hcl planned must give NAME.argv exactly;
 * `# expect-refused: ID` cases must be refused with that rule, and
 * `# expect: ID` rules must fire. */
#include "rkt_testutil.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VECTORS "testdata/rkt/vectors"

static void check_directives(const struct rkt_fixture *f, const char *name, const char *text) {
    for (const char *p = text; strncmp(p, "# ", 2) == 0;) {
        const char *end = strchr(p, '\n');
        char id[16] = "";
        if (sscanf(p, "# expect-refused: %15s", id) == 1) {
            cr_expect(f->plan.refused, "%s: expected the plan to be refused", name);
            cr_expect(rkt_fixture_fired(f, id), "%s: expected %s", name, id);
        } else if (sscanf(p, "# expect: %15s", id) == 1) {
            cr_expect(rkt_fixture_fired(f, id), "%s: expected %s", name, id);
        } else if (sscanf(p, "# expect-not: %15s", id) == 1) {
            cr_expect(!rkt_fixture_fired(f, id), "%s: %s must not fire", name, id);
        }
        p = end + 1;
    }
}

Test(rkt_vectors, every_vector_plans_as_recorded) {
    DIR *dir = opendir(VECTORS);
    cr_assert(dir, "cannot open " VECTORS);
    struct dirent *e;
    int cases = 0;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".hcl") != 0)
            continue;
        char path[512], expected_path[512];
        snprintf(path, sizeof path, VECTORS "/%s", e->d_name);
        snprintf(expected_path, sizeof expected_path, VECTORS "/%.*s.argv", (int)(n - 4),
                 e->d_name);
        char *text = rkt_read_file(path);
        cr_assert(text);
        struct rkt_fixture f;
        rkt_fixture_plan(&f, e->d_name, text);
        cr_expect(f.decoded, "%s: the job does not decode", e->d_name);
        char *expected = rkt_read_file(expected_path);
        if (expected) {
            cr_expect(!f.plan.refused, "%s: refused", e->d_name);
            char *got = rkt_fixture_argv_text(&f);
            cr_expect_str_eq(got, expected, "%s: argv differs", e->d_name);
            free(got);
            free(expected);
        }
        check_directives(&f, e->d_name, text);
        rkt_fixture_free(&f);
        free(text);
        cases++;
    }
    closedir(dir);
    cr_expect(cases >= 18, "only %d vectors found", cases);
}
