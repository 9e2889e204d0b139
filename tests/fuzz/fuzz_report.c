/* fuzz_report.c — libFuzzer harness for the saved-report reader of
 * `rktc report SAVED.json`: bytes through json_parse and
 * report_saved_read (the findings of a saved `check --format=json` result
 * re-created on stand-in sources: the harness reads no file the input
 * names), then what report does with them: the run finished and rendered
 * in every report format (text also in colour, JUnit also with the github
 * profile), and its exit status. */
#include "cli/check_run.h"
#include "cli/config.h"
#include "cli/report_saved.h"
#include "diag/diag.h"
#include "json/json.h"
#include "report/report.h"
#include "source.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stddef.h>
#include <stdint.h>

static void render(enum report_format format, const struct report *report) {
    struct buf out;
    buf_init(&out);
    report_render(format, report, &out);
    buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 16)
        return 0;
    struct source *saved = source_from_memory("saved.json", (const char *)data, size);
    struct arena *arena = arena_new();
    struct diag_list parse_diags;
    diag_list_init(&parse_diags);
    struct json_value *root = json_parse(arena, saved, &parse_diags);
    struct config cfg;
    config_init(&cfg);
    struct check_run run;
    check_run_init(&run);
    struct buf errors;
    buf_init(&errors);
    if (root && report_saved_read(&run, &cfg, root, false, &errors)) {
        check_run_finish(&run);
        struct report_options options = {0};
        options.timestamp = 1700000000;
        options.hostname = "localhost";
        options.junit_profile = JUNIT_STRICT;
        struct report report = check_run_report(&run, &options);
        for (int f = REPORT_TEXT; f <= REPORT_CODECLIMATE; f++)
            render((enum report_format)f, &report);
        /* the variants: colours in text, JUnit's github profile */
        report.options.color = true;
        render(REPORT_TEXT, &report);
        options.junit_profile = JUNIT_GITHUB;
        report = check_run_report(&run, &options);
        render(REPORT_JUNIT, &report);
        (void)check_run_status(&run, SEVERITY_STYLE, false);
    }
    buf_free(&errors);
    check_run_free(&run);
    config_free(&cfg);
    diag_list_free(&parse_diags);
    arena_free(arena);
    source_free(saved);
    return 0;
}
