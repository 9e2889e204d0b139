/* Tests for src/report/sarif.c: rules[] from the table, 1-based regions
 * with exclusive ends, levels, relative URIs, suppressions, whole-file
 * findings without a region. (Schema validation: tests/reports.sh.) */
#include "report_fixture.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Test(report_sarif, results_regions_and_rules) {
    struct fixture f;
    fixture_init(&f, "./jobs/é x.nomad", "job \"x\" {\n  count = 08\n}\n");
    fixture_add_file(&f, "z.nomad", "");
    struct diag *d = fixture_diag(&f, 0, RULE_HCL002, "08", "bad number");
    diag_note(d, fixture_span(&f, 0, "job"), "in this job");
    diag_fix(d, "write 8");
    fixture_diag(&f, 0, RULE_HCL004, "job", "style");
    fixture_diag(&f, 1, RULE_RKC001, NULL, "cannot open");
    f.reasons[1] = strdup("ok");
    fixture_report(&f);
    f.files[1].unreadable = true;
    char *out = fixture_render(&f, REPORT_SARIF);
    cr_assert(strstr(out, "\"version\": \"2.1.0\""));
    cr_assert(strstr(out, "\"columnKind\": \"unicodeCodePoints\""));
    size_t rules;
    const struct rule *table = rule_table(&rules);
    char expect[64];
    snprintf(expect, sizeof expect, "{\"id\": \"%s\"", table[rules - 1].id);
    cr_assert(strstr(out, expect), "every rule is listed");
    cr_assert(strstr(out, "\"uri\": \"jobs/%C3%A9%20x.nomad\", \"uriBaseId\": \"%SRCROOT%\""),
              "%s", out);
    cr_assert(strstr(out, "\"region\": {\"startLine\": 2, \"startColumn\": 11, "
                          "\"endLine\": 2, \"endColumn\": 13}"));
    cr_assert(strstr(out, "\"ruleId\": \"HCL002\", \"ruleIndex\": 1, \"level\": \"error\""));
    cr_assert(strstr(out, "\"relatedLocations\": [{\"id\": 1, "));
    cr_assert(strstr(out, "\"suppressions\": [{\"kind\": \"inSource\", "
                          "\"justification\": \"ok\"}]"), "%s", out);
    cr_assert(strstr(out, "\"properties\": {\"fix\": \"write 8\"}"));
    cr_assert(strstr(out, "\"partialFingerprints\": {\"rktcFinding/v1\": \""));
    /* the unreadable file: a location without a region */
    cr_assert(strstr(out, "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
                          "\"z.nomad\", \"uriBaseId\": \"%SRCROOT%\"}}}"), "%s", out);
    cr_assert_null(strstr(out, "\"startLine\": 0"));
    free(out);
    fixture_free(&f);
}

Test(report_sarif, absolute_paths_become_file_uris) {
    struct fixture f;
    fixture_init(&f, "/srv/jobs/a.nomad", "x = 1\n");
    fixture_diag(&f, 0, RULE_HCL004, "x", "m");
    fixture_report(&f);
    char *out = fixture_render(&f, REPORT_SARIF);
    cr_assert(strstr(out, "{\"uri\": \"file:///srv/jobs/a.nomad\"}"), "%s", out);
    free(out);
    fixture_free(&f);
}
