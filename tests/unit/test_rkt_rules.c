/* test_rkt_rules.c — every RKT rule must fire and must not fire:
 * testdata/rkt/rules/RKTnnn-fire*.hcl must report RKTnnn, and
 * RKTnnn-quiet*.hcl must not. Each driver rule has both kinds of case. */
#include "rkt_testutil.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RULES "testdata/rkt/rules"

Test(rkt_rules, each_case_fires_or_stays_quiet) {
    DIR *dir = opendir(RULES);
    cr_assert(dir, "cannot open " RULES);
    struct dirent *e;
    int cases = 0;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 12 || strcmp(e->d_name + n - 4, ".hcl") != 0)
            continue;
        char rule[7];
        memcpy(rule, e->d_name, 6);
        rule[6] = '\0';
        bool fire = strncmp(e->d_name + 7, "fire", 4) == 0;
        char path[512];
        snprintf(path, sizeof path, RULES "/%s", e->d_name);
        char *text = rkt_read_file(path);
        cr_assert(text);
        struct rkt_fixture f;
        rkt_fixture_plan(&f, e->d_name, text);
        cr_expect(f.decoded, "%s: the job does not decode", e->d_name);
        if (fire)
            cr_expect(rkt_fixture_fired(&f, rule), "%s: %s did not fire", e->d_name, rule);
        else
            cr_expect(!rkt_fixture_fired(&f, rule), "%s: %s fired", e->d_name, rule);
        rkt_fixture_free(&f);
        free(text);
        cases++;
    }
    closedir(dir);
    cr_expect(cases > 80, "only %d rule cases", cases);
}

Test(rkt_rules, every_driver_rule_has_both_kinds_of_case) {
    size_t count;
    const struct rule *rules = rule_table(&count);
    for (size_t i = 0; i < count; i++) {
        if (strncmp(rules[i].id, "RKT", 3) != 0 || strcmp(rules[i].id, "RKT040") == 0)
            continue;
        bool fire = false, quiet = false;
        DIR *dir = opendir(RULES);
        cr_assert(dir);
        struct dirent *e;
        while ((e = readdir(dir))) {
            if (strncmp(e->d_name, rules[i].id, 6) != 0)
                continue;
            fire |= strncmp(e->d_name + 7, "fire", 4) == 0;
            quiet |= strncmp(e->d_name + 7, "quiet", 5) == 0;
        }
        closedir(dir);
        cr_expect(fire && quiet, "%s lacks a %s case", rules[i].id, fire ? "quiet" : "fire");
    }
}
