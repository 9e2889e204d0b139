/* test_cli_report_saved.c — a saved `check --format=json` result read back
 * (report_saved_read) for files that are gone: the stand-in text. */
#include "cli/check_run.h"
#include "cli/config.h"
#include "cli/report_saved.h"
#include "json/json.h"
#include "report/report.h"
#include "source.h"
#include "util/arena.h"
#include "util/buf.h"

#include <criterion/criterion.h>
#include <string.h>

struct saved {
    struct source *json;
    struct arena *arena;
    struct config cfg;
    struct check_run run;
    struct buf errors;
    bool ok;
};

static void read_saved(struct saved *s, const char *text) {
    s->json = source_from_memory("saved.json", text, strlen(text));
    s->arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    struct json_value *root = json_parse(s->arena, s->json, &diags);
    cr_assert_not_null(root);
    diag_list_free(&diags);
    config_init(&s->cfg);
    check_run_init(&s->run);
    buf_init(&s->errors);
    s->ok = report_saved_read(&s->run, &s->cfg, root, false, &s->errors);
    check_run_finish(&s->run);
}

static void saved_free(struct saved *s) {
    buf_free(&s->errors);
    check_run_free(&s->run);
    config_free(&s->cfg);
    arena_free(s->arena);
    source_free(s->json);
}

/* Every line as wide as the widest column made a 10 GB text for a finding
 * at line 99999, column 99999 (found reviewing what fuzz_report reaches). */
Test(report_saved, stand_in_is_only_as_wide_as_each_line_needs) {
    struct saved s;
    read_saved(&s, "{\"version\": 1, \"files\": [{\"path\": \"gone.nomad\", \"diagnostics\": ["
                   "{\"rule\": \"NMD014\", \"message\": \"m\", \"line\": 3, \"column\": 5,"
                   " \"end_line\": 99999, \"end_column\": 99999}]}]}");
    cr_assert(s.ok);
    cr_assert_eq(s.run.file_count, 1);
    const struct source *src = s.run.sources[0];
    cr_expect_lt(src->len, 300000);
    cr_expect_eq(src->line_count, 100000);
    const struct diag *d = &s.run.diags.items[0];
    struct position start = source_position(src, d->span.start);
    struct position end = source_position(src, d->span.end);
    cr_expect_eq(start.line, 3);
    cr_expect_eq(start.column, 5);
    cr_expect_eq(end.line, 99999);
    cr_expect_eq(end.column, 99999);
    saved_free(&s);
}

/* A finding on an empty line of the stand-in: its excerpt has no text (the
 * text renderer once did pointer arithmetic on a NULL line, fuzz_report). */
Test(report_saved, finding_on_an_empty_line_renders) {
    struct saved s;
    read_saved(&s, "{\"version\": 1, \"files\": [{\"path\": \"gone.nomad\", \"diagnostics\": ["
                   "{\"rule\": \"NMD014\", \"message\": \"m\", \"line\": 2, \"column\": 1,"
                   " \"end_line\": 2, \"end_column\": 1},"
                   "{\"rule\": \"NMD014\", \"message\": \"n\", \"line\": 3, \"column\": 4,"
                   " \"end_line\": 3, \"end_column\": 6}]}]}");
    cr_assert(s.ok);
    struct report_options options = {0};
    options.hostname = "localhost";
    struct report report = check_run_report(&s.run, &options);
    struct buf out;
    buf_init(&out);
    report_render(REPORT_TEXT, &report, &out);
    cr_assert_not_null(out.data);
    cr_expect_not_null(strstr(out.data, "gone.nomad:2:1: warning[NMD014]: m\n"));
    cr_expect_not_null(strstr(out.data, "gone.nomad:3:4: warning[NMD014]: n\n"));
    buf_free(&out);
    saved_free(&s);
}

Test(report_saved, unknown_rule_is_an_error_message_not_output) {
    struct saved s;
    read_saved(&s, "{\"version\": 1, \"files\": [{\"path\": \"a.nomad\", \"diagnostics\": ["
                   "{\"rule\": \"XYZ999\", \"message\": \"m\"}]}]}");
    cr_expect_not(s.ok);
    cr_assert_not_null(s.errors.data);
    cr_expect_str_eq(s.errors.data,
                     "rktc: a.nomad: a saved finding names an unknown rule 'XYZ999'\n");
    saved_free(&s);
}
