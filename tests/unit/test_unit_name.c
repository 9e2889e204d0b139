/* Tests for util/unit_name: escaping agrees with systemd-escape (apart
 * from the documented `/`), names never collide, long names are shortened
 * below systemd's limit, and systemd loads units with such names. */
#include "util/unit_name.h"
#include "targets_testutil.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[] = {
    "web", "..", ".", ".hidden", "a-b", "a_b", "a.b", "a:b", "a b", "%n",
    "$HOME", "it's", "\"q\"", "new\nline", "ünï", "\xff", "a\\b", "@x", "~",
    "UPPER", "x@y", "a+b", "---",
};

Test(unit_name, escape_matches_systemd_escape) {
    if (!testutil_have("systemd-escape"))
        cr_skip_test("systemd-escape not installed");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        struct buf mine, theirs;
        buf_init(&mine);
        buf_init(&theirs);
        unit_name_escape(&mine, names[i], strlen(names[i]));
        char *argv[] = {"systemd-escape", "--", (char *)names[i], NULL};
        cr_assert_eq(testutil_run(argv, &theirs, false), 0);
        cr_assert(theirs.len > 0 && theirs.data[theirs.len - 1] == '\n');
        theirs.data[--theirs.len] = '\0';
        cr_expect_str_eq(mine.data, theirs.data, "escaping %s", names[i]);
        buf_free(&mine);
        buf_free(&theirs);
    }
}

Test(unit_name, slash_is_escaped_not_a_separator) {
    const char *a[] = {"a/b", "c"};
    const char *b[] = {"a", "b/c"};
    const char *c[] = {"a-b", "c"};
    const char *d[] = {"a", "b-c"};
    char *na = unit_name_join("rktc-", a, 2, ".service");
    char *nb = unit_name_join("rktc-", b, 2, ".service");
    char *nc = unit_name_join("rktc-", c, 2, ".service");
    char *nd = unit_name_join("rktc-", d, 2, ".service");
    cr_expect_str_eq(na, "rktc-a\\x2fb-c.service");
    cr_expect_str_neq(na, nb);
    cr_expect_str_neq(nc, nd);
    cr_expect_str_neq(na, nc);
    cr_expect_str_eq(nc, "rktc-a\\x2db-c.service");
    free(na);
    free(nb);
    free(nc);
    free(nd);
}

Test(unit_name, long_names_are_shortened_stably_and_distinctly) {
    char long1[400], long2[400];
    memset(long1, '%', sizeof long1 - 1);
    long1[sizeof long1 - 1] = '\0';
    memcpy(long2, long1, sizeof long1);
    long2[300] = 'x';
    const char *c1[] = {long1, "g", "0", "t"};
    const char *c2[] = {long2, "g", "0", "t"};
    char *n1 = unit_name_join("rktc-", c1, 4, ".service");
    char *n1again = unit_name_join("rktc-", c1, 4, ".service");
    char *n2 = unit_name_join("rktc-", c2, 4, ".service");
    cr_expect_leq(strlen(n1), UNIT_NAME_MAX);
    cr_expect_leq(strlen(n2), UNIT_NAME_MAX);
    cr_expect_str_eq(n1, n1again);
    cr_expect_str_neq(n1, n2);
    cr_expect(unit_name_is_valid(n1), "%s", n1);
    /* the cut never splits an escape: every backslash starts \xNN */
    for (const char *p = n1; (p = strchr(p, '\\')) != NULL; p++)
        cr_expect(p[1] == 'x' && p[2] && p[3] && p[3] != '.', "%s", n1);
    free(n1);
    free(n1again);
    free(n2);
}

Test(unit_name, systemd_loads_units_with_these_names) {
    if (!testutil_have("../shared/tools/systemd-argv.py"))
        cr_skip_test("systemd-argv.py not available");
    char *dir = testutil_tempdir();
    cr_assert(dir);
    char longname[300];
    memset(longname, 'n', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    const char *cases[][3] = {
        {"../../etc/x", "..", "new\nline"},
        {"ünï", "$HOME", "%n"},
        {longname, "g", "t"},
        {"it's", "\"q\"", "@x"},
    };
    size_t n = sizeof cases / sizeof cases[0];
    char *argv[8] = {"../shared/tools/systemd-argv.py"};
    char *files[8];
    for (size_t i = 0; i < n; i++) {
        char *unit = unit_name_join("rktc-", cases[i], 3, ".service");
        cr_assert(unit_name_is_valid(unit), "%s", unit);
        size_t len = strlen(dir) + strlen(unit) + 2;
        files[i] = malloc(len);
        snprintf(files[i], len, "%s/%s", dir, unit);
        const char *body = "[Service]\nType=oneshot\nExecStart=/bin/true\n";
        cr_assert(testutil_write_file(files[i], body, strlen(body)));
        argv[i + 1] = files[i];
        free(unit);
    }
    argv[n + 1] = NULL;
    struct buf got;
    buf_init(&got);
    int status = testutil_run(argv, &got, true);
    cr_expect_eq(status, 0, "%s", got.data);
    testutil_remove_tree(dir);
    for (size_t i = 0; i < n; i++)
        free(files[i]);
    free(dir);
    buf_free(&got);
}
