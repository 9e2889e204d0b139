/* text.c — the human format: a gcc-style header per finding, the source
 * lines with a caret and underline over the whole span, notes at their own
 * locations, the fix hint, and a summary line. Tabs expand to 8 columns,
 * each character (as source.h counts them) takes one column, bytes that
 * are not printable UTF-8 show as U+FFFD, very long lines are windowed
 * around the span. */
#include "report/report.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define TAB_WIDTH 8
#define MAX_WIDTH 160      /* cells shown of one source line */
#define MAX_SPAN_LINES 6   /* longer spans show head and tail */

struct palette {
    const char *bold, *reset, *caret, *gutter, *note;
    const char *severity[4];
};

static const struct palette plain = {"", "", "", "", "", {"", "", "", ""}};
static const struct palette ansi = {
    "\033[1m", "\033[0m", "\033[1;32m", "\033[34m", "\033[1;36m",
    {"\033[1;31m", "\033[1;35m", "\033[1;36m", "\033[1;34m"}};

/* One source line as display cells (one per column, tabs expanded). */
struct cells {
    struct buf text;       /* display bytes */
    size_t *cell_start;    /* byte offset in text of each cell, + sentinel */
    size_t count;          /* cells */
    size_t *column_cell;   /* first cell of each 1-based character column */
    size_t columns;        /* characters on the line */
};

static void push_cell(struct cells *c, const char *bytes, size_t len,
                      size_t *cap) {
    if (c->count + 2 > *cap) {
        *cap = *cap ? *cap * 2 : 64;
        c->cell_start = xreallocarray(c->cell_start, *cap, sizeof(size_t));
    }
    c->cell_start[c->count++] = c->text.len;
    buf_add(&c->text, bytes, len);
}

/* Splits a line into characters the way source_position counts columns:
 * each byte that is not a UTF-8 continuation byte starts a character. */
static void cells_build(struct cells *c, const char *line, size_t len) {
    memset(c, 0, sizeof *c);
    buf_init(&c->text);
    size_t cap = 0, ccap = 64;
    c->column_cell = xmalloc(ccap * sizeof(size_t));
    size_t i = 0;
    while (i < len) {
        size_t j = i + 1;
        while (j < len && ((unsigned char)line[j] & 0xC0) == 0x80)
            j++;
        if (c->columns + 3 > ccap) {
            ccap *= 2;
            c->column_cell = xreallocarray(c->column_cell, ccap, sizeof(size_t));
        }
        c->column_cell[c->columns++] = c->count;
        unsigned char b = (unsigned char)line[i];
        if (b == '\t') {
            do
                push_cell(c, " ", 1, &cap);
            while (c->count % TAB_WIDTH);
        } else if (b < 0x20 || b == 0x7F) {
            push_cell(c, "\xEF\xBF\xBD", 3, &cap);
        } else {
            struct buf clean;
            buf_init(&clean);
            report_clean_utf8(&clean, line + i, j - i, true);
            /* a run that is not one valid character shows as one U+FFFD */
            if (clean.len > 4 || (j - i > 1 && strstr(clean.data, "\xEF\xBF\xBD")))
                push_cell(c, "\xEF\xBF\xBD", 3, &cap);
            else
                push_cell(c, clean.data, clean.len, &cap);
            buf_free(&clean);
        }
        i = j;
    }
    /* the column just after the last character (end of line) */
    c->column_cell[c->columns] = c->count;
    c->column_cell[c->columns + 1] = c->count + 1;
    if (!c->cell_start)
        c->cell_start = xmalloc(sizeof(size_t));
    c->cell_start[c->count] = c->text.len;
}

static void cells_free(struct cells *c) {
    buf_free(&c->text);
    free(c->cell_start);
    free(c->column_cell);
}

/* Cell index of a 1-based column (columns past the end extend the line). */
static size_t cell_of(const struct cells *c, uint32_t column) {
    if (column == 0)
        column = 1;
    if (column <= c->columns + 1)
        return c->column_cell[column - 1];
    return c->count + (column - c->columns - 1);
}

static size_t digits(uint32_t n) {
    size_t d = 1;
    while (n >= 10)
        n /= 10, d++;
    return d;
}

static void spaces(struct buf *out, size_t n) {
    while (n--)
        buf_putc(out, ' ');
}

/* Prints one line of the excerpt and its underline from column `from` to
 * `to` (exclusive); caret marks the first character with '^'. */
static void excerpt_line(struct buf *out, const struct source *src,
                         uint32_t line, uint32_t from, uint32_t to, bool caret,
                         size_t gutter, const struct palette *p) {
    size_t len;
    const char *text = source_line(src, line, &len);
    struct cells c;
    cells_build(&c, text, len);
    size_t a = cell_of(&c, from), b = cell_of(&c, to);
    if (b <= a)
        b = a + 1;
    size_t first = 0, last = c.count; /* window of cells shown */
    if (c.count > MAX_WIDTH) {
        first = a > 40 ? a - 40 : 0;
        last = first + MAX_WIDTH < c.count ? first + MAX_WIDTH : c.count;
    }
    if (c.count == 0 && !caret && b <= a + 1 && to <= from) {
        /* an empty line inside a multi-line span: nothing to underline */
        buf_printf(out, "%s%*u |%s\n", p->gutter, (int)gutter, line, p->reset);
        cells_free(&c);
        return;
    }
    buf_printf(out, "%s%*u |%s ", p->gutter, (int)gutter, line, p->reset);
    if (first > 0)
        buf_puts(out, "...");
    buf_add(out, c.text.data + c.cell_start[first],
            c.cell_start[last] - c.cell_start[first]);
    if (last < c.count)
        buf_puts(out, "...");
    buf_putc(out, '\n');
    buf_printf(out, "%s%*s |%s ", p->gutter, (int)gutter, "", p->reset);
    if (first > 0)
        buf_puts(out, "   ");
    size_t stop = b < last + 1 ? b : last + 1;
    spaces(out, a > first ? a - first : 0);
    buf_puts(out, p->caret);
    for (size_t k = a > first ? a : first; k < stop; k++)
        buf_putc(out, k == a && caret ? '^' : '~');
    buf_puts(out, p->reset);
    buf_putc(out, '\n');
    cells_free(&c);
}

static uint32_t first_nonblank_column(const struct source *src, uint32_t line) {
    size_t len;
    const char *text = source_line(src, line, &len);
    uint32_t column = 1;
    for (size_t i = 0; i < len; i++) {
        if (text[i] != ' ' && text[i] != '\t')
            return column;
        column++;
    }
    return column;
}

static uint32_t line_end_column(const struct source *src, uint32_t line) {
    size_t len;
    const char *text = source_line(src, line, &len);
    uint32_t column = 1;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            column++;
    return column;
}

/* The source excerpt of a span: every line it covers (head and tail of long
 * spans), underlined. */
static void excerpt(struct buf *out, const struct source *src, struct span span,
                    const struct palette *p) {
    struct position start, end;
    report_span_positions(src, span, &start, &end);
    uint32_t last = end.line;
    if (last > start.line && end.column == 1)
        last--; /* the span ends with a newline */
    size_t gutter = digits(last);
    for (uint32_t line = start.line; line <= last; line++) {
        if (last - start.line + 1 > MAX_SPAN_LINES && line == start.line + 3) {
            buf_printf(out, "%s%*s |%s ...\n", p->gutter, (int)gutter, "", p->reset);
            line = last - 1;
        }
        uint32_t from = line == start.line ? start.column
                                           : first_nonblank_column(src, line);
        uint32_t to = line == end.line ? end.column : line_end_column(src, line);
        if (line == start.line && line == end.line && span.end <= span.start)
            to = from + 1;
        excerpt_line(out, src, line, from, to, line == start.line, gutter, p);
    }
}

static void location(struct buf *out, const struct source *src, struct span span,
                     bool whole_file, const struct palette *p) {
    buf_puts(out, p->bold);
    report_clean_utf8(out, src ? src->path : "rktc", src ? strlen(src->path) : 4,
                      true);
    if (!whole_file) {
        struct position pos = source_position(src, span.start);
        buf_printf(out, ":%u:%u", pos.line, pos.column);
    }
    buf_printf(out, ":%s ", p->reset);
}

static void one(const struct diag *d, const struct palette *p, struct buf *out) {
    bool whole = report_whole_file(d);
    location(out, d->src, d->span, whole, p);
    buf_printf(out, "%s%s[%s]:%s ", p->severity[d->severity & 3],
               severity_name(d->severity), d->rule->id, p->reset);
    report_clean_utf8(out, d->message, strlen(d->message), true);
    buf_putc(out, '\n');
    if (!whole)
        excerpt(out, d->src, d->span, p);
    for (size_t i = 0; i < d->note_count; i++) {
        location(out, d->src, d->notes[i].span, whole, p);
        buf_printf(out, "%snote:%s ", p->note, p->reset);
        report_clean_utf8(out, d->notes[i].message, strlen(d->notes[i].message),
                          true);
        buf_putc(out, '\n');
        if (!whole)
            excerpt(out, d->src, d->notes[i].span, p);
    }
    if (d->fix) {
        buf_printf(out, "  %s= fix:%s ", p->note, p->reset);
        report_clean_utf8(out, d->fix, strlen(d->fix), true);
        buf_putc(out, '\n');
    }
}

void report_text_one(const struct report *r, const struct diag *d, bool color,
                     struct buf *out) {
    (void)r;
    one(d, color ? &ansi : &plain, out);
}

void report_text(const struct report *r, struct buf *out) {
    const struct palette *p = r->options.color ? &ansi : &plain;
    size_t suppressed = 0, files_with = 0;
    const struct source *last_src = NULL;
    for (size_t i = 0; i < r->diags->count; i++) {
        const struct diag *d = &r->diags->items[i];
        if (report_is_suppressed(r, i)) {
            suppressed++;
            continue;
        }
        if (d->src != last_src)
            files_with++, last_src = d->src;
        one(d, p, out);
    }
    buf_puts(out, p->bold);
    report_counts(r, out);
    if (files_with)
        buf_printf(out, " in %zu file%s", files_with, files_with == 1 ? "" : "s");
    buf_printf(out, " (%zu file%s checked", r->file_count,
               r->file_count == 1 ? "" : "s");
    if (suppressed)
        buf_printf(out, ", %zu suppressed", suppressed);
    size_t by_name = r->options.skipped_name, excluded = r->options.skipped_excluded;
    if (by_name || excluded) {
        buf_printf(out, "; %zu skipped:", by_name + excluded);
        if (by_name)
            buf_printf(out, " %zu by extension", by_name);
        if (excluded)
            buf_printf(out, "%s %zu by exclude pattern", by_name ? "," : "", excluded);
    }
    buf_printf(out, ")%s\n", p->reset);
}
