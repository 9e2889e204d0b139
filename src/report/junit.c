/* junit.c — JUnit XML (docs/cli.md §4), valid against the windyroad, jenkins-junit and
 * xunit junit-10 schemas, that counts what fails the run and nothing else:
 * one <testsuite> per input file; one <testcase> per finding at or above
 * the failure threshold (a <failure>, or an <error> for unreadable or
 * unparsable input, or <skipped> (text only: the justification and the
 * finding) when an inline suppression silenced it), and one passing
 * <testcase> for a file without a failure. Findings below the threshold
 * do not fail the run, so they are no testcases: their text goes to the
 * suite's <system-out>. The threshold is the suite property
 * rktc.failure-threshold. Suite counts are
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

/* What finding i of the report becomes in its file's suite. */
enum junit_role {
    ROLE_FAILURE,  /* fails the run: <failure>, or <error> for input problems */
    ROLE_SKIPPED,  /* would fail, but an inline suppression silenced it */
    ROLE_OUTPUT,   /* below the threshold: a line of <system-out> */
};

static enum junit_role role(const struct report *r, size_t i) {
    const struct diag *d = &r->diags->items[i];
    bool at_threshold = d->severity <= r->options.threshold || report_input_problem(d);
    if (report_is_suppressed(r, i))
        return at_threshold ? ROLE_SKIPPED : ROLE_OUTPUT;
    return report_fails(r, i) ? ROLE_FAILURE : ROLE_OUTPUT;
}

struct suite_counts {
    size_t tests, failures, errors, skipped, output;
};

static struct suite_counts count_suite(const struct report *r, size_t first,
                                       size_t count) {
    struct suite_counts c = {0, 0, 0, 0, 0};
    for (size_t i = first; i < first + count; i++) {
        switch (role(r, i)) {
        case ROLE_FAILURE:
            c.tests++;
            if (report_input_problem(&r->diags->items[i]))
                c.errors++;
            else
                c.failures++;
            break;
        case ROLE_SKIPPED:
            c.tests++;
            c.skipped++;
            break;
        case ROLE_OUTPUT:
            c.output++;
            break;
        }
    }
    if (c.failures + c.errors == 0)
        c.tests++; /* the file passes: one passing testcase says so */
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
        xmlTextWriterStartElement(w, X(report_input_problem(d) ? "error" : "failure"));
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
    struct suite_counts c = count_suite(r, first, count);
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
    xmlTextWriterStartElement(w, X("property"));
    attr(w, "name", "rktc.failure-threshold");
    attr(w, "value", severity_name(r->options.threshold));
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    struct buf scratch;
    buf_init(&scratch);
    /* the findings that fail the run (or would, but were suppressed), in
     * report order; a file without any passes one testcase */
    for (size_t i = first; i < first + count; i++)
        if (role(r, i) != ROLE_OUTPUT)
            finding_case(w, r, f, first, i, &scratch);
    if (c.failures + c.errors == 0) {
        xmlTextWriterStartElement(w, X("testcase"));
        attr(w, "classname", path);
        buf_clear(&scratch);
        buf_printf(&scratch, "rktc check: no finding at or above %s",
                   severity_name(r->options.threshold));
        attr(w, "name", scratch.data);
        attr(w, "time", "0");
        if (r->options.junit_profile == JUNIT_GITHUB)
            attr(w, "file", path);
        xmlTextWriterEndElement(w);
    }
    /* findings below the threshold do not fail the run: their text */
    xmlTextWriterStartElement(w, X("system-out"));
    if (c.output) {
        buf_clear(&scratch);
        buf_printf(&scratch, "%zu finding%s below the failure threshold (%s):\n",
                   c.output, c.output == 1 ? "" : "s",
                   severity_name(r->options.threshold));
        for (size_t i = first; i < first + count; i++) {
            if (role(r, i) != ROLE_OUTPUT)
                continue;
            if (report_is_suppressed(r, i))
                buf_printf(&scratch, r->suppressed[i][0] ? "suppressed in the "
                           "source (%s): " : "suppressed in the source%s: ",
                           r->suppressed[i]);
            report_text_one(r, &r->diags->items[i], false, &scratch);
        }
        text(w, scratch.data);
    }
    xmlTextWriterFullEndElement(w);
    buf_free(&scratch);
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
