/* junit.c — JUnit XML in the strict shape of docs/cli.md §4,
 * valid against the windyroad, jenkins-junit and xunit junit-10 schemas:
 * one <testsuite> per input file; one <testcase> per finding (a <failure>,
 * or an <error> for unreadable/unparsable input, or <skipped> (text only:
 * the justification and the finding) when an inline suppression silenced it) and one passing <testcase> per rule that ran on
 * the file without a finding, so CI counts mean something. Suite counts are
 * the sums of the cases; names are unique per (classname, name); messages
 * are single-line, details go in the element text. The github profile adds
 * file/line attributes to testcases (outside all three schemas). Written
 * with libxml2's text writer. */
#include "report/report.h"
#include "version.h"
#include "util/xalloc.h"

#include <libxml/xmlwriter.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define X(s) ((const xmlChar *)(s))

/* Writes an attribute with the value cleaned for XML. */
static void attr(xmlTextWriterPtr w, const char *name, const char *value) {
    struct buf clean;
    buf_init(&clean);
    report_clean_utf8(&clean, value, strlen(value), true);
    xmlTextWriterWriteAttribute(w, X(name), X(clean.data ? clean.data : ""));
    buf_free(&clean);
}

static void attr_first_line(xmlTextWriterPtr w, const char *name,
                            const char *value) {
    struct buf line;
    buf_init(&line);
    report_first_line(&line, value);
    xmlTextWriterWriteAttribute(w, X(name), X(line.data ? line.data : ""));
    buf_free(&line);
}

static void attr_printf(xmlTextWriterPtr w, const char *name,
                        const char *format, ...) __attribute__((format(printf, 3, 4)));
static void attr_printf(xmlTextWriterPtr w, const char *name,
                        const char *format, ...) {
    char value[64]; /* numbers only */
    va_list ap;
    va_start(ap, format);
    vsnprintf(value, sizeof value, format, ap);
    va_end(ap);
    xmlTextWriterWriteAttribute(w, X(name), X(value));
}

static void text(xmlTextWriterPtr w, const char *value) {
    struct buf clean;
    buf_init(&clean);
    report_clean_utf8(&clean, value, strlen(value), true);
    xmlTextWriterWriteString(w, X(clean.data ? clean.data : ""));
    buf_free(&clean);
}

/* Parse and I/O problems are JUnit errors; rule findings are failures. */
static bool input_problem(const struct diag *d) {
    static const enum rule_id ids[] = {RULE_HCL001, RULE_HCL002, RULE_HCL003, RULE_RKC001};
    if (d->severity != SEVERITY_ERROR)
        return false;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (d->rule->code == ids[i])
            return true;
    return false;
}

struct suite_counts {
    size_t tests, failures, errors, skipped;
};

static bool rule_passes(const struct report *r, size_t f, size_t first,
                        size_t count, size_t rule_index) {
    const struct report_file *file = &r->files[f];
    if (file->unreadable || file->unparsable)
        return false;
    if (file->rule_disabled && file->rule_disabled[rule_index])
        return false;
    for (size_t i = first; i < first + count; i++)
        if (report_rule_index(r->diags->items[i].rule) == rule_index)
            return false;
    return true;
}

static struct suite_counts count_suite(const struct report *r, size_t f,
                                       size_t first, size_t count) {
    struct suite_counts c = {0, 0, 0, 0};
    size_t rules;
    rule_table(&rules);
    for (size_t k = 0; k < rules; k++)
        if (rule_passes(r, f, first, count, k))
            c.tests++;
    for (size_t i = first; i < first + count; i++) {
        c.tests++;
        if (report_is_suppressed(r, i))
            c.skipped++;
        else if (input_problem(&r->diags->items[i]))
            c.errors++;
        else
            c.failures++;
    }
    return c;
}

/* "ID [object-path ]path:line:col", with " (n)" when the same rule was
 * reported at the same place before. */
static void case_name(struct buf *name, const struct report *r, size_t first,
                      size_t i) {
    const struct diag *d = &r->diags->items[i];
    struct position p = source_position(d->src, d->span.start);
    bool whole = report_whole_file(d);
    const char *object = report_object(r, i);
    buf_clear(name);
    buf_printf(name, "%s ", d->rule->id);
    if (object)
        buf_printf(name, "%s ", object);
    buf_puts(name, d->src->path);
    if (!whole)
        buf_printf(name, ":%u:%u", p.line, p.column);
    size_t same = 0;
    for (size_t j = first; j < i; j++) {
        const struct diag *e = &r->diags->items[j];
        if (e->rule == d->rule && report_whole_file(e) == whole &&
            (whole || source_position(e->src, e->span.start).line == p.line) &&
            (whole || source_position(e->src, e->span.start).column == p.column))
            same++;
    }
    if (same)
        buf_printf(name, " (%zu)", same + 1);
}

static void finding_case(xmlTextWriterPtr w, const struct report *r, size_t f,
                         size_t first, size_t i, struct buf *scratch) {
    const struct diag *d = &r->diags->items[i];
    const char *path = r->files[f].src->path;
    xmlTextWriterStartElement(w, X("testcase"));
    attr(w, "classname", path);
    case_name(scratch, r, first, i);
    attr(w, "name", scratch->data);
    attr(w, "time", "0");
    if (r->options.junit_profile == JUNIT_GITHUB) {
        attr(w, "file", path);
        if (!report_whole_file(d))
            attr_printf(w, "line", "%u", source_position(d->src, d->span.start).line);
    }
    if (report_is_suppressed(r, i)) {
        /* jenkins-junit allows no attributes on <skipped>, windyroad no
         * <system-out> in a testcase: everything goes in the text */
        xmlTextWriterStartElement(w, X("skipped"));
        buf_clear(scratch);
        buf_printf(scratch, "suppressed in the source%s%s\n",
                   r->suppressed[i][0] ? ": " : "", r->suppressed[i]);
        report_text_one(r, d, false, scratch);
        text(w, scratch->data);
        xmlTextWriterEndElement(w);
    } else {
        xmlTextWriterStartElement(w, X(input_problem(d) ? "error" : "failure"));
        attr_first_line(w, "message", d->message);
        attr(w, "type", severity_name(d->severity));
        buf_clear(scratch);
        report_text_one(r, d, false, scratch);
        text(w, scratch->data);
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndElement(w);
}

static void suite(xmlTextWriterPtr w, const struct report *r, size_t f,
                  const char *timestamp) {
    size_t count, first = report_file_diags(r, f, &count);
    struct suite_counts c = count_suite(r, f, first, count);
    const char *path = r->files[f].src->path;
    xmlTextWriterStartElement(w, X("testsuite"));
    attr(w, "name", path);
    attr_printf(w, "tests", "%zu", c.tests);
    attr_printf(w, "failures", "%zu", c.failures);
    attr_printf(w, "errors", "%zu", c.errors);
    attr_printf(w, "skipped", "%zu", c.skipped);
    attr_printf(w, "time", "%.3f", r->files[f].seconds);
    attr(w, "timestamp", timestamp);
    attr(w, "hostname", r->options.hostname && r->options.hostname[0]
                            ? r->options.hostname : "localhost");
    attr_printf(w, "id", "%zu", f);
    attr(w, "package", "rktc");
    xmlTextWriterStartElement(w, X("properties"));
    xmlTextWriterStartElement(w, X("property"));
    attr(w, "name", "rktc.version");
    attr(w, "value", RKTC_VERSION);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    struct buf scratch;
    buf_init(&scratch);
    /* findings in report order, then the rules that passed in table order */
    for (size_t i = first; i < first + count; i++)
        finding_case(w, r, f, first, i, &scratch);
    size_t rules;
    const struct rule *table = rule_table(&rules);
    for (size_t k = 0; k < rules; k++) {
        if (!rule_passes(r, f, first, count, k))
            continue;
        xmlTextWriterStartElement(w, X("testcase"));
        attr(w, "classname", path);
        buf_clear(&scratch);
        buf_printf(&scratch, "%s %s", table[k].id, table[k].name);
        attr(w, "name", scratch.data);
        attr(w, "time", "0");
        if (r->options.junit_profile == JUNIT_GITHUB)
            attr(w, "file", path);
        xmlTextWriterEndElement(w);
    }
    buf_free(&scratch);
    xmlTextWriterStartElement(w, X("system-out"));
    xmlTextWriterFullEndElement(w);
    xmlTextWriterStartElement(w, X("system-err"));
    xmlTextWriterFullEndElement(w);
    xmlTextWriterEndElement(w);
}

void report_junit(const struct report *r, struct buf *out) {
    char timestamp[32];
    time_t t = (time_t)r->options.timestamp;
    struct tm tm;
    if (!gmtime_r(&t, &tm) ||
        !strftime(timestamp, sizeof timestamp, "%Y-%m-%dT%H:%M:%S", &tm))
        strcpy(timestamp, "1970-01-01T00:00:00");
    xmlBufferPtr xb = xmlBufferCreate();
    if (!xb)
        xalloc_die();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(xb, 0);
    if (!w)
        xalloc_die();
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, X("  "));
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    xmlTextWriterStartElement(w, X("testsuites"));
    for (size_t f = 0; f < r->file_count; f++)
        suite(w, r, f, timestamp);
    xmlTextWriterFullEndElement(w);
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    xmlBufferFree(xb);
}
