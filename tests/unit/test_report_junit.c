/* Tests for src/report/junit.c: the strict shape validates against the
 * three JUnit schemas (../shared/schemas/junit), counts equal the sums of
 * the cases, names are unique, parse problems are <error>, suppressed
 * findings <skipped>, findings below the failure threshold <system-out>,
 * a file without failures one passing case, and the github profile adds
 * file/line. */
#include "report_fixture.h"

#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const schemas[] = {"windyroad-JUnit.xsd", "jenkins-junit.xsd",
                                      "xunit-junit-10.xsd"};

static void silent(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

/* 0 valid, 1 invalid, -1 schema missing */
static int validate(const char *xml, const char *xsd) {
    const char *shared = getenv("RKTC_SHARED") ? getenv("RKTC_SHARED") : "../shared";
    char path[512];
    snprintf(path, sizeof path, "%s/schemas/junit/%s", shared, xsd);
    if (access(path, R_OK) != 0)
        return -1;
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidErrors(vc, silent, silent, NULL);
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "junit.xml", NULL, XML_PARSE_NONET);
    int rc = doc ? (xmlSchemaValidateDoc(vc, doc) == 0 ? 0 : 1) : 1;
    xmlFreeDoc(doc);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
    return rc;
}

static void build(struct fixture *f) {
    fixture_init(f, "a.nomad", "job \"x\" {\n  count = 08\n  a = 1\n  a = 1\n}\n");
    fixture_add_file(f, "b.nomad", "x = \"\x01\xff\"\n");
    fixture_diag(f, 0, RULE_HCL002, "08", "bad <number> & \"more\"\nline two");
    diag_add(&f->diags, RULE_HCL004, f->src[0], fixture_span(f, 0, "a = 1"), "same place");
    diag_add(&f->diags, RULE_HCL004, f->src[0], fixture_span(f, 0, "a = 1"), "same place again");
    fixture_diag(f, 1, RULE_HCL004, "x", "ctl \x01 and \xff");
    f->reasons[3] = strdup("reviewed \x02");
    f->files[0].unparsable = true;
    fixture_report(f);
}

static size_t count(const char *s, const char *needle) {
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

Test(report_junit, validates_against_all_three_schemas) {
    struct fixture f;
    build(&f);
    char *xml = fixture_render(&f, REPORT_JUNIT);
    for (size_t i = 0; i < 3; i++) {
        int rc = validate(xml, schemas[i]);
        if (rc < 0)
            cr_skip_test("schemas not found (set RKTC_SHARED)");
        cr_expect_eq(rc, 0, "%s rejects:\n%s", schemas[i], xml);
    }
    free(xml);
    fixture_free(&f);
}

Test(report_junit, empty_run_validates) {
    struct fixture f;
    fixture_init(&f, "a.nomad", "");
    fixture_report(&f);
    f.report.file_count = 0;
    char *xml = fixture_render(&f, REPORT_JUNIT);
    for (size_t i = 0; i < 3; i++) {
        int rc = validate(xml, schemas[i]);
        if (rc < 0)
            cr_skip_test("schemas not found");
        cr_expect_eq(rc, 0, "%s rejects:\n%s", schemas[i], xml);
    }
    free(xml);
    fixture_free(&f);
}

Test(report_junit, shape_counts_and_names) {
    struct fixture f;
    build(&f);
    char *xml = fixture_render(&f, REPORT_JUNIT);
    cr_assert(strncmp(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n", 52) == 0);
    /* a.nomad is unparsable: only its three findings, no passing rules */
    cr_assert(strstr(xml, "<testsuite name=\"a.nomad\" tests=\"3\" failures=\"2\" "
                          "errors=\"1\" skipped=\"0\" time=\"0.000\" "
                          "timestamp=\"2026-01-02T03:04:05\" hostname=\"localhost\" "
                          "id=\"0\" package=\"rktc\">"), "%s", xml);
    cr_assert(strstr(xml, "<error message=\"bad &lt;number&gt; &amp; &quot;more&quot;\" "
                          "type=\"error\">"), "%s", xml);
    cr_assert(strstr(xml, "name=\"HCL004 a.nomad:3:3\""));
    cr_assert(strstr(xml, "name=\"HCL004 a.nomad:3:3 (2)\""));
    /* b.nomad: its one finding is suppressed, so it passes */
    cr_assert(strstr(xml, "<testsuite name=\"b.nomad\" tests=\"2\" "
                          "failures=\"0\" errors=\"0\" skipped=\"1\""), "%s", xml);
    cr_assert(strstr(xml, "<skipped>suppressed in the source: reviewed \xef\xbf\xbd\n"
                          "b.nomad:1:1: warning[HCL004]: ctl \xef\xbf\xbd and \xef\xbf\xbd\n"),
              "%s", xml);
    cr_assert(strstr(xml, "<testcase classname=\"b.nomad\" name=\"rktc check: no finding "
                          "at or above warning\" time=\"0\"/>"), "%s", xml);
    /* at most one testcase per file and per finding: no per-rule cases */
    cr_assert_null(strstr(xml, "name=\"HCL001 syntax-error\""));
    cr_assert_eq(count(xml, "<testcase "), 5);
    cr_assert_null(strstr(xml, " file=\""));
    cr_assert_null(strchr(xml, '\x01'));
    free(xml);
    fixture_free(&f);
}

/* Findings below the failure threshold are no failures: with threshold
 * error, the warnings go to <system-out>, only the parse error fails. */
Test(report_junit, below_threshold_is_output_not_failure) {
    struct fixture f;
    build(&f);
    f.report.options.threshold = SEVERITY_ERROR;
    char *xml = fixture_render(&f, REPORT_JUNIT);
    cr_assert(strstr(xml, "<testsuite name=\"a.nomad\" tests=\"1\" failures=\"0\" "
                          "errors=\"1\" skipped=\"0\""), "%s", xml);
    cr_assert(strstr(xml, "<system-out>2 findings below the failure threshold (error):\n"
                          "a.nomad:3:3: warning[HCL004]: same place\n"), "%s", xml);
    /* the suppressed warning is below the threshold too: b.nomad passes */
    cr_assert(strstr(xml, "<testsuite name=\"b.nomad\" tests=\"1\" failures=\"0\" "
                          "errors=\"0\" skipped=\"0\""), "%s", xml);
    cr_assert_eq(count(xml, "<failure"), 0);
    for (size_t i = 0; i < 3; i++) {
        int rc = validate(xml, schemas[i]);
        if (rc < 0)
            cr_skip_test("schemas not found");
        cr_expect_eq(rc, 0, "%s rejects:\n%s", schemas[i], xml);
    }
    free(xml);
    fixture_free(&f);
}

Test(report_junit, github_profile_adds_file_and_line) {
    struct fixture f;
    build(&f);
    f.report.options.junit_profile = JUNIT_GITHUB;
    char *xml = fixture_render(&f, REPORT_JUNIT);
    cr_assert(strstr(xml, "time=\"0\" file=\"a.nomad\" line=\"2\">"), "%s", xml);
    free(xml);
    fixture_free(&f);
}

Test(report_junit, identical_reports_identical_bytes) {
    struct fixture f;
    build(&f);
    char *a = fixture_render(&f, REPORT_JUNIT), *b = fixture_render(&f, REPORT_JUNIT);
    cr_assert_str_eq(a, b);
    free(a);
    free(b);
    fixture_free(&f);
}
