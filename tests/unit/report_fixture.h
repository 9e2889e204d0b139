/* report_fixture.h — hand-built reports for the renderer unit tests: one
 * in-memory source and a diagnostic list, without the parser. */
#ifndef RKTC_TEST_REPORT_FIXTURE_H
#define RKTC_TEST_REPORT_FIXTURE_H

#include "report/report.h"

#define FIXTURE_MAX 32

struct fixture {
    struct source *src[2];
    struct report_file files[2];
    struct diag_list diags;
    char *reasons[FIXTURE_MAX];
    struct report report;
};

/* One file named name with text; options: no colour, fixed timestamp. */
void fixture_init(struct fixture *f, const char *name, const char *text);
/* A second file (sorted after the first by the caller's choice of names). */
void fixture_add_file(struct fixture *f, const char *name, const char *text);
/* Adds a finding of rule over the first occurrence of needle in file i. */
struct diag *fixture_diag(struct fixture *f, size_t file, enum rule_id rule,
                          const char *needle, const char *message);
struct span fixture_span(const struct fixture *f, size_t file, const char *needle);
/* Sorts and wires the report; call after adding findings. */
const struct report *fixture_report(struct fixture *f);
/* Renders in format; caller frees. */
char *fixture_render(struct fixture *f, enum report_format format);
void fixture_free(struct fixture *f);

#endif
