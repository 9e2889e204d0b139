#include "report_fixture.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

void fixture_init(struct fixture *f, const char *name, const char *text) {
    memset(f, 0, sizeof *f);
    diag_list_init(&f->diags);
    fixture_add_file(f, name, text);
}

void fixture_add_file(struct fixture *f, const char *name, const char *text) {
    size_t i = f->src[0] ? 1 : 0;
    f->src[i] = source_from_memory(name, text, strlen(text));
    f->files[i].src = f->src[i];
}

struct span fixture_span(const struct fixture *f, size_t file, const char *needle) {
    const char *at = strstr(f->src[file]->text, needle);
    if (!at)
        abort();
    uint32_t start = (uint32_t)(at - f->src[file]->text);
    return span_make(start, start + (uint32_t)strlen(needle));
}

struct diag *fixture_diag(struct fixture *f, size_t file, enum rule_id rule,
                          const char *needle, const char *message) {
    struct span span = needle ? fixture_span(f, file, needle) : span_make(0, 0);
    return diag_add(&f->diags, rule, f->src[file], span, "%s", message);
}

const struct report *fixture_report(struct fixture *f) {
    /* reasons are keyed by message pointer across the sort */
    const char *keys[FIXTURE_MAX];
    char *values[FIXTURE_MAX];
    size_t n = f->diags.count < FIXTURE_MAX ? f->diags.count : FIXTURE_MAX;
    for (size_t i = 0; i < n; i++) {
        keys[i] = f->diags.items[i].message;
        values[i] = f->reasons[i];
    }
    diag_sort(&f->diags);
    for (size_t i = 0; i < n; i++) {
        f->reasons[i] = NULL;
        for (size_t k = 0; k < n; k++)
            if (keys[k] == f->diags.items[i].message)
                f->reasons[i] = values[k];
    }
    f->report.files = f->files;
    f->report.file_count = f->src[1] ? 2 : 1;
    f->report.diags = &f->diags;
    f->report.suppressed = f->reasons;
    f->report.options.timestamp = 1767323045; /* 2026-01-02T03:04:05 */
    f->report.options.hostname = "localhost";
    f->report.options.threshold = SEVERITY_WARNING; /* check's default */
    return &f->report;
}

char *fixture_render(struct fixture *f, enum report_format format) {
    struct buf out;
    buf_init(&out);
    report_render(format, &f->report, &out);
    if (!out.data)
        buf_puts(&out, "");
    return buf_detach(&out);
}

void fixture_free(struct fixture *f) {
    for (size_t i = 0; i < FIXTURE_MAX; i++)
        free(f->reasons[i]);
    diag_list_free(&f->diags);
    source_free(f->src[0]);
    source_free(f->src[1]);
}
