/* gcc.c — one line per finding, as compilers print them, so editors and
 * `grep` can jump to it: `FILE:LINE:COL: SEVERITY: MESSAGE [ID]`, then a
 * `FILE:LINE:COL: note: ...` line per secondary location. Whole-file
 * findings omit LINE:COL. Suppressed findings are left out. */
#include "report/report.h"

#include <string.h>

static void single_line(struct buf *out, const char *text) {
    struct buf clean;
    buf_init(&clean);
    report_clean_utf8(&clean, text, strlen(text), true);
    for (size_t i = 0; i < clean.len; i++)
        buf_putc(out, clean.data[i] == '\n' || clean.data[i] == '\r' ? ' '
                                                                   : clean.data[i]);
    buf_free(&clean);
}

static void where(struct buf *out, const struct diag *d, struct span span) {
    single_line(out, d->src ? d->src->path : "rktc");
    if (!report_whole_file(d)) {
        struct position p = source_position(d->src, span.start);
        buf_printf(out, ":%u:%u", p.line, p.column);
    }
    buf_puts(out, ": ");
}

void report_gcc(const struct report *r, struct buf *out) {
    for (size_t i = 0; i < r->diags->count; i++) {
        if (report_is_suppressed(r, i))
            continue;
        const struct diag *d = &r->diags->items[i];
        where(out, d, d->span);
        buf_printf(out, "%s: ", severity_name(d->severity));
        single_line(out, d->message);
        buf_printf(out, " [%s]\n", d->rule->id);
        for (size_t n = 0; n < d->note_count; n++) {
            where(out, d, d->notes[n].span);
            buf_puts(out, "note: ");
            single_line(out, d->notes[n].message);
            buf_putc(out, '\n');
        }
    }
}
