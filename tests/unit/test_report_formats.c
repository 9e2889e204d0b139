/* Tests for the one-line and machine renderers: gcc, json, github and
 * checkstyle (src/report/). */
#include "report_fixture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static void two_findings(struct fixture *f) {
    fixture_init(f, "jobs/a b.nomad", "job \"x\" {\n  count = 08\n}\n");
    struct diag *d = fixture_diag(f, 0, RULE_HCL002, "08", "bad \"number\"\nsecond line");
    diag_fix(d, "write 8");
    diag_note(d, fixture_span(f, 0, "job"), "in this job");
    fixture_diag(f, 0, RULE_HCL004, "job", "50% done, a:b");
    fixture_report(f);
}

Test(report_gcc, one_line_per_finding_and_notes) {
    struct fixture f;
    two_findings(&f);
    char *out = fixture_render(&f, REPORT_GCC);
    cr_assert_str_eq(out,
                     "jobs/a b.nomad:1:1: warning: 50% done, a:b [HCL004]\n"
                     "jobs/a b.nomad:2:11: error: bad \"number\" second line [HCL002]\n"
                     "jobs/a b.nomad:1:1: note: in this job\n");
    free(out);
    fixture_free(&f);
}

Test(report_json, fixed_shape_with_fix_summary_notes) {
    struct fixture f;
    two_findings(&f);
    char *out = fixture_render(&f, REPORT_JSON);
    cr_assert(strstr(out, "\"version\": 1,"));
    cr_assert(strstr(out, "\"path\": \"jobs/a b.nomad\""));
    cr_assert(strstr(out, "\"rule\": \"HCL002\",\n          \"severity\": \"error\",\n"
                          "          \"message\": \"bad \\\"number\\\"\\nsecond line\",\n"
                          "          \"line\": 2,\n          \"column\": 11,\n"
                          "          \"end_line\": 2,\n          \"end_column\": 13,\n"),
              "%s", out);
    cr_assert(strstr(out, "\"fix\": \"write 8\""));
    cr_assert(strstr(out, "\"summary\": \"A value cannot be decoded"));
    cr_assert(strstr(out, "\"message\": \"in this job\""));
    cr_assert(strstr(out, "\"errors\": 1,\n    \"warnings\": 1,"));
    free(out);
    fixture_free(&f);
}

Test(report_json, suppressed_findings_listed_apart) {
    struct fixture f;
    fixture_init(&f, "a.nomad", "x = 1\n");
    fixture_diag(&f, 0, RULE_HCL004, "x", "m");
    f.reasons[0] = strdup("reviewed");
    fixture_report(&f);
    char *out = fixture_render(&f, REPORT_JSON);
    cr_assert(strstr(out, "\"diagnostics\": [],\n      \"suppressed\": [\n"), "%s", out);
    cr_assert(strstr(out, "\"justification\": \"reviewed\""));
    cr_assert(strstr(out, "\"suppressed\": 1\n"));
    free(out);
    fixture_free(&f);
}

Test(report_json, invalid_utf8_and_controls_escaped) {
    struct fixture f;
    fixture_init(&f, "a.nomad", "x = 1\n");
    fixture_diag(&f, 0, RULE_HCL004, "x", "bad \xff byte \x01");
    fixture_report(&f);
    char *out = fixture_render(&f, REPORT_JSON);
    cr_assert(strstr(out, "\"bad \xef\xbf\xbd byte \\u0001\""), "%s", out);
    free(out);
    fixture_free(&f);
}

Test(report_github, annotations_escaped) {
    struct fixture f;
    two_findings(&f);
    char *out = fixture_render(&f, REPORT_GITHUB);
    cr_assert_str_eq(out,
                     "::warning file=jobs/a b.nomad,line=1,col=1,endLine=1,endColumn=4,"
                     "title=HCL004::50%25 done, a:b\n"
                     "::error file=jobs/a b.nomad,line=2,col=11,endLine=2,endColumn=13,"
                     "title=HCL002::bad \"number\"%0Asecond line (fix: write 8)\n");
    free(out);
    fixture_free(&f);
}

Test(report_github, cap_orders_by_severity_and_summarises) {
    struct fixture f;
    char text[400] = "";
    for (int i = 0; i < 30; i++)
        strcat(text, "k = 1\n");
    fixture_init(&f, "c.nomad", text);
    for (int i = 0; i < 13; i++) /* warnings first in the file */
        diag_add(&f.diags, RULE_HCL004, f.src[0], span_make((uint32_t)i * 6, (uint32_t)i * 6 + 1), "w%d", i);
    for (int i = 13; i < 15; i++)
        diag_add(&f.diags, RULE_HCL002, f.src[0], span_make((uint32_t)i * 6, (uint32_t)i * 6 + 1), "e%d", i);
    fixture_report(&f);
    f.report.options.github_cap = 10;
    char *out = fixture_render(&f, REPORT_GITHUB);
    const char *first_error = strstr(out, "::error");
    const char *first_warning = strstr(out, "::warning");
    cr_assert(first_error && first_warning && first_error < first_warning, "%s", out);
    size_t warnings = 0;
    for (const char *p = out; (p = strstr(p, "::warning file=")); p++)
        warnings++;
    cr_assert_eq(warnings, 9); /* one slot kept for the summary */
    cr_assert(strstr(out, "::warning::rktc: 4 more findings not shown; see the "
                          "SARIF/JUnit report\n"), "%s", out);
    free(out);
    fixture_free(&f);
}

Test(report_checkstyle, files_and_errors) {
    struct fixture f;
    two_findings(&f);
    fixture_add_file(&f, "z.nomad", "");
    fixture_report(&f);
    char *out = fixture_render(&f, REPORT_CHECKSTYLE);
    cr_assert(strstr(out, "<checkstyle version=\"4.3\">"));
    cr_assert(strstr(out, "<error line=\"2\" column=\"11\" severity=\"error\" "
                          "message=\"bad &quot;number&quot;&#10;second line\" "
                          "source=\"rktc.HCL002\"/>"), "%s", out);
    cr_assert(strstr(out, "<file name=\"z.nomad\"></file>"), "%s", out);
    free(out);
    fixture_free(&f);
}

Test(report_format, names_round_trip) {
    const char *names[] = {"text", "gcc", "json", "junit", "sarif", "github", "checkstyle"};
    for (size_t i = 0; i < 7; i++) {
        enum report_format f;
        cr_assert(report_format_parse(names[i], &f));
        cr_assert_str_eq(report_format_name(f), names[i]);
    }
    enum report_format f;
    cr_assert_not(report_format_parse("xml", &f));
}

Test(report_codeclimate, issues_with_stable_unique_fingerprints) {
    struct fixture f;
    fixture_init(&f, "a.nomad", "x = 1\nx = 1\ny = 2\n");
    diag_add(&f.diags, RULE_HCL004, f.src[0], span_make(0, 5), "one");
    diag_add(&f.diags, RULE_HCL004, f.src[0], span_make(6, 11), "two");
    fixture_diag(&f, 0, RULE_HCL002, "y", "three");
    fixture_report(&f);
    char *out = fixture_render(&f, REPORT_CODECLIMATE);
    cr_assert(strstr(out, "\"check_name\": \"HCL004\", \"description\": \"one\", "
                          "\"severity\": \"major\""), "%s", out);
    cr_assert(strstr(out, "\"location\": {\"path\": \"a.nomad\", \"lines\": "
                          "{\"begin\": 3, \"end\": 3}}"));
    /* same rule and same line text: told apart by occurrence */
    const char *p1 = strstr(out, "\"fingerprint\": \""), *p2 = strstr(p1 + 1, "\"fingerprint\": \"");
    cr_assert(p1 && p2);
    cr_assert(strncmp(p1, p2, 48) != 0);

    /* moving the lines down keeps the fingerprints */
    struct fixture g;
    fixture_init(&g, "a.nomad", "\n\nx = 1\nx = 1\ny = 2\n");
    diag_add(&g.diags, RULE_HCL004, g.src[0], span_make(2, 7), "one");
    diag_add(&g.diags, RULE_HCL004, g.src[0], span_make(8, 13), "two");
    fixture_diag(&g, 0, RULE_HCL002, "y", "three");
    fixture_report(&g);
    char *moved = fixture_render(&g, REPORT_CODECLIMATE);
    const char *q1 = strstr(moved, "\"fingerprint\": \"");
    cr_assert(strncmp(p1, q1, 48) == 0);
    free(out);
    free(moved);
    fixture_free(&f);
    fixture_free(&g);
}

/* A finding below the failure threshold never looks like one that fails
 * the run: with threshold error, the warning is a SARIF note, a GitHub
 * notice, checkstyle info and a minor Code Climate issue. */
Test(report_formats, below_threshold_never_looks_like_a_failure) {
    struct fixture f;
    two_findings(&f);
    f.report.options.threshold = SEVERITY_ERROR;
    char *github = fixture_render(&f, REPORT_GITHUB);
    cr_assert(strstr(github, "::notice file=jobs/a b.nomad,line=1,"), "%s", github);
    cr_assert(strstr(github, "::error file=jobs/a b.nomad,line=2,"), "%s", github);
    cr_assert_null(strstr(github, "::warning"), "%s", github);
    char *sarif = fixture_render(&f, REPORT_SARIF);
    cr_assert(strstr(sarif, "\"ruleId\": \"HCL004\", \"ruleIndex\": 3, \"level\": \"note\""),
              "%s", sarif);
    cr_assert(strstr(sarif, "\"ruleId\": \"HCL002\", \"ruleIndex\": 1, \"level\": \"error\""),
              "%s", sarif);
    char *checkstyle = fixture_render(&f, REPORT_CHECKSTYLE);
    cr_assert(strstr(checkstyle, "severity=\"info\" message=\"50% done, a:b\""), "%s", checkstyle);
    char *cc = fixture_render(&f, REPORT_CODECLIMATE);
    cr_assert(strstr(cc, "\"check_name\": \"HCL004\", \"description\": \"50% done, a:b\", "
                         "\"severity\": \"minor\""), "%s", cc);
    free(github);
    free(sarif);
    free(checkstyle);
    free(cc);
    fixture_free(&f);
}
