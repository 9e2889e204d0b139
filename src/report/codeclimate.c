/* codeclimate.c — GitLab's code quality report (a Code Climate subset): a
 * JSON array of issues with check_name (the rule id), description,
 * severity (for a finding that fails the run, error → critical and the
 * others → major; below the failure threshold, style → info, the others
 * → minor),
 * location {path, lines {begin, end}} and the fingerprint of
 * report_fingerprint, which stays the same when lines move. Suppressed
 * findings are left out. */
#include "report/report.h"

#include <string.h>

static const char *severity(const struct report *r, size_t i) {
    enum severity s = r->diags->items[i].severity;
    if (report_fails(r, i))
        return s == SEVERITY_ERROR ? "critical" : "major";
    return s == SEVERITY_STYLE ? "info" : "minor";
}

void report_codeclimate(const struct report *r, struct buf *out) {
    bool any = false;
    buf_putc(out, '[');
    for (size_t i = 0; i < r->diags->count; i++) {
        if (report_is_suppressed(r, i))
            continue;
        const struct diag *d = &r->diags->items[i];
        char fingerprint[33];
        report_fingerprint(r, i, fingerprint);
        struct position s = {1, 1}, e = {1, 1};
        if (!report_whole_file(d))
            report_span_positions(d->src, d->span, &s, &e);
        buf_puts(out, any ? ",\n  {" : "\n  {");
        buf_puts(out, "\"type\": \"issue\", \"check_name\": ");
        report_json_string(out, d->rule->id);
        buf_puts(out, ", \"description\": ");
        report_json_string(out, d->message);
        buf_printf(out, ", \"severity\": \"%s\",\n   \"categories\": [\"%s\"],\n"
                   "   \"fingerprint\": \"%s\",\n   \"location\": {\"path\": ",
                   severity(r, i),
                   d->severity == SEVERITY_STYLE ? "Style" : "Bug Risk", fingerprint);
        report_json_string(out, d->src ? d->src->path : "");
        buf_printf(out, ", \"lines\": {\"begin\": %u, \"end\": %u}}}", s.line,
                   e.line < s.line ? s.line : e.line);
        any = true;
    }
    buf_puts(out, any ? "\n]\n" : "]\n");
}
