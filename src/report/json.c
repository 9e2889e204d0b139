/* json.c — the machine format fixed by docs/cli.md §2:
 * {"version": 1, "files": [{"path", "diagnostics": [{"rule", "severity",
 *  "message", "line", "column", "end_line", "end_column", ...}]}]}
 * (1-based; end exclusive), plus per diagnostic the "object" (enclosing
 * block labels, "web/api/app") when known, the rule "summary", the
 * "fix" hint when known and "notes" at secondary locations; per file the
 * "suppressed" findings with their "justification"; and a run "summary"
 * (with "skipped": {"extension", "exclude"} when the directory walk left
 * files out).
 * A whole-file finding (unreadable input) has no region and reads 1:1-1:1.
 * Every input file is listed, also those without findings. */
#include "report/report.h"

#include <string.h>

static void region(struct buf *out, const struct diag *d, struct span span,
                   const char *indent) {
    struct position s = {1, 1}, e = {1, 1};
    if (!report_whole_file(d))
        report_span_positions(d->src, span, &s, &e);
    buf_printf(out,
               ",\n%s\"line\": %u,\n%s\"column\": %u,\n%s\"end_line\": %u,\n"
               "%s\"end_column\": %u",
               indent, s.line, indent, s.column, indent, e.line, indent, e.column);
}

static void diagnostic(struct buf *out, const struct diag *d, const char *object,
                       const char *justification) {
    const char *in = "          ";
    buf_printf(out, "        {\n%s\"rule\": ", in);
    report_json_string(out, d->rule->id);
    buf_printf(out, ",\n%s\"severity\": ", in);
    report_json_string(out, severity_name(d->severity));
    buf_printf(out, ",\n%s\"message\": ", in);
    report_json_string(out, d->message);
    region(out, d, d->span, in);
    if (object) {
        buf_printf(out, ",\n%s\"object\": ", in);
        report_json_string(out, object);
    }
    buf_printf(out, ",\n%s\"summary\": ", in);
    report_json_string(out, d->rule->summary);
    if (d->fix) {
        buf_printf(out, ",\n%s\"fix\": ", in);
        report_json_string(out, d->fix);
    }
    if (d->note_count) {
        buf_printf(out, ",\n%s\"notes\": [", in);
        for (size_t n = 0; n < d->note_count; n++) {
            buf_printf(out, "%s\n%s  {\n%s    \"message\": ", n ? "," : "", in, in);
            report_json_string(out, d->notes[n].message);
            region(out, d, d->notes[n].span, "                ");
            buf_printf(out, "\n%s  }", in);
        }
        buf_printf(out, "\n%s]", in);
    }
    if (justification) {
        buf_printf(out, ",\n%s\"justification\": ", in);
        report_json_string(out, justification);
    }
    buf_puts(out, "\n        }");
}

static void list(struct buf *out, const struct report *r, size_t first,
                 size_t count, bool suppressed) {
    bool any = false;
    for (size_t i = first; i < first + count; i++) {
        if (report_is_suppressed(r, i) != suppressed)
            continue;
        buf_puts(out, any ? ",\n" : "\n");
        diagnostic(out, &r->diags->items[i], report_object(r, i),
                   suppressed ? r->suppressed[i] : NULL);
        any = true;
    }
    buf_puts(out, any ? "\n      ]" : "]");
}

void report_json(const struct report *r, struct buf *out) {
    size_t by[4] = {0}, suppressed = 0;
    for (size_t i = 0; i < r->diags->count; i++) {
        if (report_is_suppressed(r, i))
            suppressed++;
        else
            by[r->diags->items[i].severity & 3]++;
    }
    buf_puts(out, "{\n  \"version\": 1,\n  \"files\": [");
    for (size_t f = 0; f < r->file_count; f++) {
        size_t count, first = report_file_diags(r, f, &count);
        buf_puts(out, f ? ",\n    {\n      \"path\": " : "\n    {\n      \"path\": ");
        report_json_string(out, r->files[f].src->path);
        buf_puts(out, ",\n      \"diagnostics\": [");
        list(out, r, first, count, false);
        buf_puts(out, ",\n      \"suppressed\": [");
        list(out, r, first, count, true);
        buf_puts(out, "\n    }");
    }
    buf_puts(out, r->file_count ? "\n  ],\n" : "],\n");
    buf_printf(out,
               "  \"summary\": {\n    \"files\": %zu,\n    \"errors\": %zu,\n"
               "    \"warnings\": %zu,\n    \"info\": %zu,\n    \"style\": %zu,\n"
               "    \"suppressed\": %zu",
               r->file_count, by[0], by[1], by[2], by[3], suppressed);
    /* present only when the directory walk skipped files */
    if (r->options.skipped_name || r->options.skipped_excluded)
        buf_printf(out, ",\n    \"skipped\": {\"extension\": %zu, \"exclude\": %zu}",
                   r->options.skipped_name, r->options.skipped_excluded);
    buf_puts(out, "\n  }\n}\n");
}
