/* github.c — GitHub Actions workflow commands:
 * `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=ID::message`
 * (a finding that fails the run, at or above the failure threshold, is an
 * error (severity error) or a warning; one below it a notice), escaped as
 * actions/toolkit does. GitHub shows about 10 annotations of each kind per
 * step; when a kind would exceed the cap, findings come errors first, then
 * warnings, then notices, at most `cap` of each (one warning slot kept for
 * the summary), and a final `::warning::` line says how many were left
 * out. Otherwise the common order (file, line, column, rule) is kept. */
#include "report/report.h"

#include <string.h>

#define GITHUB_CAP 10

static void escape(struct buf *out, const char *text, bool property) {
    struct buf clean;
    buf_init(&clean);
    report_clean_utf8(&clean, text, strlen(text), false);
    for (size_t i = 0; i < clean.len; i++) {
        char c = clean.data[i];
        if (c == '%')
            buf_puts(out, "%25");
        else if (c == '\r')
            buf_puts(out, "%0D");
        else if (c == '\n')
            buf_puts(out, "%0A");
        else if (property && c == ':')
            buf_puts(out, "%3A");
        else if (property && c == ',')
            buf_puts(out, "%2C");
        else
            buf_putc(out, c);
    }
    buf_free(&clean);
}

static int kind(const struct report *r, size_t i) {
    if (!report_fails(r, i))
        return 2;
    return r->diags->items[i].severity == SEVERITY_ERROR ? 0 : 1;
}

static const char *const kind_names[] = {"error", "warning", "notice"};

static void annotation(struct buf *out, const struct report *r, size_t i) {
    const struct diag *d = &r->diags->items[i];
    buf_printf(out, "::%s file=", kind_names[kind(r, i)]);
    escape(out, d->src ? d->src->path : "rktc", true);
    if (!report_whole_file(d)) {
        struct position s, e;
        report_span_positions(d->src, d->span, &s, &e);
        buf_printf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u", s.line,
                   s.column, e.line, e.column);
    }
    buf_printf(out, ",title=%s::", d->rule->id);
    struct buf text;
    buf_init(&text);
    buf_puts(&text, d->message);
    if (d->fix)
        buf_printf(&text, " (fix: %s)", d->fix);
    escape(out, text.data, false);
    buf_free(&text);
    buf_putc(out, '\n');
}

void report_github(const struct report *r, struct buf *out) {
    size_t cap = r->options.github_cap ? r->options.github_cap : GITHUB_CAP;
    size_t per_kind[3] = {0};
    for (size_t i = 0; i < r->diags->count; i++)
        if (!report_is_suppressed(r, i))
            per_kind[kind(r, i)]++;
    bool over = per_kind[0] > cap || per_kind[1] > cap || per_kind[2] > cap;
    if (!over) {
        for (size_t i = 0; i < r->diags->count; i++)
            if (!report_is_suppressed(r, i))
                annotation(out, r, i);
        return;
    }
    size_t shown = 0, total = per_kind[0] + per_kind[1] + per_kind[2];
    for (int k = 0; k < 3; k++) {
        size_t limit = k == 1 && cap > 1 ? cap - 1 : cap, n = 0;
        for (size_t i = 0; i < r->diags->count && n < limit; i++) {
            if (report_is_suppressed(r, i) || kind(r, i) != k)
                continue;
            annotation(out, r, i);
            n++;
        }
        shown += n;
    }
    buf_printf(out,
               "::warning::rktc: %zu more findings not shown; see the "
               "SARIF/JUnit report\n",
               total - shown);
}
