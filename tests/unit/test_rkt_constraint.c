/* test_rkt_constraint.c — the scheduler's operators (constraint.h) and
 * version constraints (version.h), as Nomad 0.12 / go-version evaluate them. */
#include "rkt/constraint.h"
#include "util/go_regexp.h"
#include "rkt/version.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

struct version_case {
    const char *version, *constraint;
    bool semver;
    int want; /* 1 holds, 0 fails, -1 malformed */
};

Test(rkt_version, constraints) {
    static const struct version_case cases[] = {
        {"1.30.0", ">= 1.27.0", false, 1},
        {"1.10.0", "> 1.2", false, 1},
        {"1.2", "= 1.2.0", false, 1},
        {"1.30.0", ">= 1.0, < 2.0", false, 1},
        {"2.0.0", ">= 1.0, < 2.0", false, 0},
        {"1.3.0", "~> 1.2", false, 1},
        {"2.0.0", "~> 1.2", false, 0},
        {"1.2.9", "~> 1.2.3", false, 1},
        {"1.3.0", "~> 1.2.3", false, 0},
        {"1.0.0-beta", ">= 0.9", false, 0},   /* go-version: pre-releases only match pre-releases */
        {"1.0.0-beta", ">= 0.9", true, 1},    /* Nomad's semver: plain ordering */
        {"1.0.0-beta.2", "> 1.0.0-beta.10", true, 0},
        {"1.0.0-beta.11", "> 1.0.0-beta.10", true, 1},
        {"1.0.0-rc1", "< 1.0.0", true, 1},
        {"1.0.0", "!= 1.0.1", false, 1},
        {"v1.2.3", "1.2.3", false, 1},
        {"1.30.0+git171c416f", "= 1.30.0", false, 1},
        {"1.2.3", "~> 1.0", true, -1},
        {"1.2.3", "foo", false, -1},
        {"1.2.3", ">= 1.0,", false, -1},
        {"not-a-version", ">= 1.0", false, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct version_case *c = &cases[i];
        cr_expect_eq(version_constraint_check(c->constraint, c->semver, c->version), c->want,
                     "%s %s %s", c->version, c->semver ? "semver" : "version", c->constraint);
    }
}

Test(rkt_version, parse_and_compare) {
    struct version a, b;
    cr_assert(version_parse("1.2", false, &a));
    cr_expect_eq(a.segment_count, 3);
    cr_expect_eq(a.specified, 2);
    cr_assert(version_parse("1.2.0.0", false, &b));
    cr_expect_eq(version_compare(&a, &b), 0);
    cr_expect(version_parse("1.0beta", false, &a));
    cr_expect_str_eq(a.pre, "beta");
    cr_expect(!version_parse("1.0beta", true, &a));
    cr_expect(!version_parse("1.", false, &a));
    cr_expect(!version_parse("", false, &a));
}

static struct node_profile node(struct arena *a) {
    struct node_profile n;
    node_defaults(a, &n);
    return n;
}

static int check(struct arena *a, const struct node_profile *n, const char *l, const char *op,
                 const char *r) {
    const char *reason;
    return (int)constraint_check(a, op, constraint_resolve(n, l), constraint_resolve(n, r),
                                 &reason);
}

Test(rkt_constraint, resolve_targets) {
    struct arena *a = arena_new();
    struct node_profile n = node(a);
    struct target_value v = constraint_resolve(&n, "${attr.kernel.name}");
    cr_expect(v.found);
    cr_expect_str_eq(v.text, "linux");
    v = constraint_resolve(&n, "${attr.missing}");
    cr_expect(!v.found);
    cr_expect_str_eq(v.text, ""); /* Go's zero value from the map */
    v = constraint_resolve(&n, "${driver.rkt}");
    cr_expect(!v.found);
    cr_expect_null(v.text);
    v = constraint_resolve(&n, "$attr.kernel.name");
    cr_expect(v.found);
    cr_expect_str_eq(v.text, "$attr.kernel.name");
    cr_expect_str_eq(constraint_resolve(&n, "${node.datacenter}").text, "dc1");
    cr_expect_str_eq(constraint_resolve(&n, "${meta.rack}").text, "r1");
    cr_expect_str_eq(constraint_resolve(&n, "${attr.driver.rkt}").text, "1");
    cr_expect(constraint_target_unresolvable("${driver.rkt.version}"));
    cr_expect(constraint_target_unresolvable("${node.region}"));
    cr_expect(!constraint_target_unresolvable("${attr.anything}"));
    cr_expect(!constraint_target_unresolvable("literal"));
    arena_free(a);
}

Test(rkt_constraint, operators) {
    struct arena *a = arena_new();
    struct node_profile n = node(a);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "=", "linux"), 1);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "is", "linux"), 1);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "==", "windows"), 0);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "!=", "windows"), 1);
    cr_expect_eq(check(a, &n, "${attr.missing}", "!=", ""), 0); /* "" == "" in Go */
    cr_expect_eq(check(a, &n, "${driver.rkt}", "!=", "1"), 1); /* nil != "1" */
    cr_expect_eq(check(a, &n, "${driver.rkt}", "=", "1"), 0);
    cr_expect_eq(check(a, &n, "${attr.driver.rkt.version}", ">", "1.2"), 1);
    cr_expect_eq(check(a, &n, "1.10.0", "<", "1.2"), 1); /* string comparison */
    cr_expect_eq(check(a, &n, "${attr.missing}", "<", "z"), 0);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "is_set", ""), 1);
    cr_expect_eq(check(a, &n, "${attr.missing}", "is_not_set", ""), 1);
    cr_expect_eq(check(a, &n, "${attr.driver.rkt.version}", "version", ">= 1.27.0"), 1);
    cr_expect_eq(check(a, &n, "${attr.driver.rkt.version}", "semver", "< 1.27.0"), 0);
    cr_expect_eq(check(a, &n, "a, b,c", "set_contains", "c ,b"), 1);
    cr_expect_eq(check(a, &n, "a,b", "set_contains_all", "a,x"), 0);
    cr_expect_eq(check(a, &n, "a,b", "set_contains_any", "x, b"), 1);
    cr_expect_eq(check(a, &n, "a,b", "set_contains_any", "x,y"), 0);
    cr_expect_eq(check(a, &n, "x", "distinct_hosts", ""), 1);
    cr_expect_eq(check(a, &n, "x", "no_such_operator", "x"), 0);
    arena_free(a);
}

Test(rkt_constraint, regexp_is_go_re2) {
    struct arena *a = arena_new();
    struct node_profile n = node(a);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "regexp", "^lin"), 1);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "regexp", "nux$"), 1);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "regexp", "^win"), 0);
    cr_expect_eq(check(a, &n, "${attr.driver.rkt.version}", "regexp", "^1\\.\\d+\\.\\d+$"), 1);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "regexp", "(?i)LINUX"), 1);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "regexp", "(?:li|lo)n.*?x"), 1);
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "regexp", "^[\\w]{5}$"), 1);
    cr_expect_eq(check(a, &n, "a{b", "regexp", "a{b"), 1); /* RE2: a literal brace */
    cr_expect_eq(check(a, &n, "${attr.kernel.name}", "regexp", "\\blinux\\b"), 1);
    cr_expect_eq(check(a, &n, "a\nb", "regexp", "(?s)a.b"), 1);
    cr_expect_eq(check(a, &n, "a\nb", "regexp", "a.b"), 0);
    cr_expect_eq(check(a, &n, "a\nb", "regexp", "^b"), 0);
    cr_expect_eq(check(a, &n, "a\nb", "regexp", "(?m)^b"), 1);
    cr_expect_eq(check(a, &n, "ab", "regexp", "a|ab"), 1);
    /* what Go refuses never matches: backreferences, possessive/nested
     * repetition, \C */
    cr_expect_eq(check(a, &n, "aa", "regexp", "(a)\\1"), 0);
    cr_expect_eq(check(a, &n, "aa", "regexp", "a++"), 0);
    cr_expect_eq(check(a, &n, "aa", "regexp", "a\\C"), 0);
    arena_free(a);
}

Test(rkt_constraint, exponential_pattern_is_refused_at_once) {
    const char *bomb = "^l\\w+Reg++++++++++++++++++++++++++++++++++++++++++ionx$";
    char *error = go_regexp_error(bomb, strlen(bomb));
    cr_assert_not_null(error);
    cr_expect(strstr(error, "bad repetition operator"), "%s", error);
    free(error);
    const char *fine = "^[a-z]+(?P<n>\\d{1,3})$";
    cr_expect_null(go_regexp_error(fine, strlen(fine)));
    error = go_regexp_error("x{1001}", 7);
    cr_expect_not_null(error);
    free(error);
}
