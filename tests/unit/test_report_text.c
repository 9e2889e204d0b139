/* Tests for src/report/text.c: header, excerpt with caret and underline
 * over the whole span (multi-line, tabs, UTF-8, invalid bytes, long
 * lines), notes, fix hints, colours only when asked, the summary line. */
#include "report_fixture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static char *render(struct fixture *f) {
    fixture_report(f);
    return fixture_render(f, REPORT_TEXT);
}

Test(report_text, header_excerpt_caret_and_summary) {
    struct fixture f;
    fixture_init(&f, "web.nomad", "job \"web\" {\n  count = 08\n}\n");
    fixture_diag(&f, 0, RULE_HCL002, "08", "bad number");
    char *out = render(&f);
    cr_assert_str_eq(out, "web.nomad:2:11: error[HCL002]: bad number\n"
                          "2 |   count = 08\n"
                          "  |           ^~\n"
                          "1 error in 1 file (1 file checked)\n");
    free(out);
    fixture_free(&f);
}

Test(report_text, tabs_expand_and_utf8_counts_characters) {
    struct fixture f;
    fixture_init(&f, "t.nomad", "\tname = \"h\xc3\xa9llo\" x\n");
    fixture_diag(&f, 0, RULE_HCL004, "x", "here");
    char *out = render(&f);
    /* tab -> 8 columns; "héllo" is 5 characters */
    cr_assert_str_eq(out, "t.nomad:1:17: warning[HCL004]: here\n"
                          "1 |         name = \"h\xc3\xa9llo\" x\n"
                          "  | " "                       ^\n"
                          "1 warning in 1 file (1 file checked)\n");
    free(out);
    fixture_free(&f);
}

Test(report_text, multi_line_span_underlines_every_line) {
    struct fixture f;
    fixture_init(&f, "m.nomad", "a = 1\ngroup \"g\" {\n  count = 1\n}\nb = 2\n");
    fixture_diag(&f, 0, RULE_HCL004, "group \"g\" {\n  count = 1\n}", "block");
    char *out = render(&f);
    cr_assert_str_eq(out, "m.nomad:2:1: warning[HCL004]: block\n"
                          "2 | group \"g\" {\n"
                          "  | ^~~~~~~~~~~\n"
                          "3 |   count = 1\n"
                          "  |   ~~~~~~~~~\n"
                          "4 | }\n"
                          "  | ~\n"
                          "1 warning in 1 file (1 file checked)\n");
    free(out);
    fixture_free(&f);
}

Test(report_text, long_spans_show_head_and_tail) {
    struct fixture f;
    fixture_init(&f, "l.nomad", "x {\n1\n2\n3\n4\n5\n6\n7\n}\n");
    fixture_diag(&f, 0, RULE_HCL004, "x {\n1\n2\n3\n4\n5\n6\n7\n}", "long");
    char *out = render(&f);
    cr_assert(strstr(out, "  | ...\n"), "%s", out);
    cr_assert(strstr(out, "8 | 7\n"), "%s", out);
    cr_assert(strstr(out, "9 | }\n"), "%s", out);
    cr_assert_null(strstr(out, "5 | 4\n"), "%s", out);
    free(out);
    fixture_free(&f);
}

Test(report_text, notes_and_fix_hint) {
    struct fixture f;
    fixture_init(&f, "n.nomad", "task \"a\" {}\ntask \"a\" {}\n");
    struct span first = fixture_span(&f, 0, "task");
    struct diag *d = diag_add(&f.diags, RULE_HCL004, f.src[0], span_make(12, 16),
                              "duplicate");
    diag_note(d, first, "first defined here");
    diag_fix(d, "rename one of them");
    char *out = render(&f);
    cr_assert_str_eq(out, "n.nomad:2:1: warning[HCL004]: duplicate\n"
                          "2 | task \"a\" {}\n"
                          "  | ^~~~\n"
                          "n.nomad:1:1: note: first defined here\n"
                          "1 | task \"a\" {}\n"
                          "  | ^~~~\n"
                          "  = fix: rename one of them\n"
                          "1 warning in 1 file (1 file checked)\n");
    free(out);
    fixture_free(&f);
}

Test(report_text, control_and_invalid_bytes_are_replaced) {
    struct fixture f;
    fixture_init(&f, "c.nomad", "a = \"\x1b[31m\xff\" z\n");
    fixture_diag(&f, 0, RULE_HCL004, "z", "z");
    char *out = render(&f);
    cr_assert_null(strchr(out, '\x1b'), "escape sequences from the input must not "
                                        "reach the terminal");
    cr_assert(strstr(out, "\xef\xbf\xbd[31m\xef\xbf\xbd\""));
    /* 5 + 1 (ESC) + 4 ("[31m") + 1 (0xff) + 2, z is column 14 */
    cr_assert(strstr(out, "c.nomad:1:14:"), "%s", out);
    free(out);
    fixture_free(&f);
}

Test(report_text, long_lines_are_windowed) {
    char line[2100];
    memset(line, 'a', 2000);
    strcpy(line + 2000, " HERE b\n");
    struct fixture f;
    fixture_init(&f, "w.json", line);
    fixture_diag(&f, 0, RULE_HCL004, "HERE", "far right");
    char *out = render(&f);
    cr_assert(strlen(out) < 600, "%zu bytes", strlen(out));
    cr_assert(strstr(out, "...aaaa"));
    cr_assert(strstr(out, "HERE b\n"));
    cr_assert(strstr(out, "^~~~\n"));
    free(out);
    fixture_free(&f);
}

Test(report_text, colour_only_when_asked) {
    struct fixture f;
    fixture_init(&f, "k.nomad", "a = 1\n");
    fixture_diag(&f, 0, RULE_HCL004, "a", "m");
    fixture_report(&f);
    char *plain = fixture_render(&f, REPORT_TEXT);
    cr_assert_null(strchr(plain, '\033'));
    f.report.options.color = true;
    char *colour = fixture_render(&f, REPORT_TEXT);
    cr_assert(strstr(colour, "\033[1;35mwarning[HCL004]:\033[0m"), "%s", colour);
    free(plain);
    free(colour);
    fixture_free(&f);
}

Test(report_text, summary_counts_files_and_suppressed) {
    struct fixture f;
    fixture_init(&f, "a.nomad", "x = 1\ny = 2\n");
    fixture_add_file(&f, "b.nomad", "z = 3\n");
    fixture_diag(&f, 0, RULE_HCL002, "x", "one");
    fixture_diag(&f, 0, RULE_HCL004, "y", "two");
    fixture_diag(&f, 1, RULE_HCL004, "z", "three");
    f.reasons[2] = strdup("known");
    char *out = render(&f);
    cr_assert(strstr(out, "1 error, 1 warning in 1 file (2 files checked, 1 suppressed)\n"),
              "%s", out);
    cr_assert_null(strstr(out, "three"));
    free(out);
    fixture_free(&f);
}

Test(report_text, no_findings) {
    struct fixture f;
    fixture_init(&f, "a.nomad", "x = 1\n");
    char *out = render(&f);
    cr_assert_str_eq(out, "no findings (1 file checked)\n");
    free(out);
    fixture_free(&f);
}

Test(report_text, unreadable_file_has_no_excerpt) {
    struct fixture f;
    fixture_init(&f, "gone.nomad", "");
    f.files[0].unreadable = true;
    fixture_diag(&f, 0, RULE_RKC001, NULL, "cannot open: No such file or directory");
    char *out = render(&f);
    cr_assert_str_eq(out, "gone.nomad: error[RKC001]: cannot open: No such file or "
                          "directory\n1 error in 1 file (1 file checked)\n");
    free(out);
    fixture_free(&f);
}

Test(report_text, empty_lines_inside_a_span_are_not_underlined) {
    struct fixture f;
    fixture_init(&f, "e.nomad", "group {\n\n  a = 1\n}\n");
    fixture_diag(&f, 0, RULE_HCL004, "group {\n\n  a = 1\n}", "block");
    char *out = render(&f);
    cr_assert_str_eq(out, "e.nomad:1:1: warning[HCL004]: block\n"
                          "1 | group {\n"
                          "  | ^~~~~~~\n"
                          "2 |\n"
                          "3 |   a = 1\n"
                          "  |   ~~~~~\n"
                          "4 | }\n"
                          "  | ~\n"
                          "1 warning in 1 file (1 file checked)\n");
    free(out);
    fixture_free(&f);
}
