/* checkstyle.c — Checkstyle XML (version 4.3), read by Jenkins' warnings
 * plugin, reviewdog and many CI dashboards: one <file> per input (also the
 * clean ones), one <error line column severity message source="rktc.ID">
 * per active finding. Checkstyle knows error, warning and info: a finding
 * that fails the run (at or above the failure threshold) is an error or a
 * warning, one below it is info. A whole-file finding reads line 1 without a column. */
#include "report/report.h"
#include "util/xalloc.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#define X(s) ((const xmlChar *)(s))

static void attr(xmlTextWriterPtr w, const char *name, const char *value) {
    struct buf clean;
    buf_init(&clean);
    report_clean_utf8(&clean, value, strlen(value), true);
    xmlTextWriterWriteAttribute(w, X(name), X(clean.data ? clean.data : ""));
    buf_free(&clean);
}

static void attr_number(xmlTextWriterPtr w, const char *name, unsigned n) {
    char value[16];
    snprintf(value, sizeof value, "%u", n);
    xmlTextWriterWriteAttribute(w, X(name), X(value));
}

void report_checkstyle(const struct report *r, struct buf *out) {
    xmlBufferPtr xb = xmlBufferCreate();
    if (!xb)
        xalloc_die();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(xb, 0);
    if (!w)
        xalloc_die();
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, X("  "));
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    xmlTextWriterStartElement(w, X("checkstyle"));
    attr(w, "version", "4.3");
    for (size_t f = 0; f < r->file_count; f++) {
        size_t count, first = report_file_diags(r, f, &count);
        xmlTextWriterStartElement(w, X("file"));
        attr(w, "name", r->files[f].src->path);
        for (size_t i = first; i < first + count; i++) {
            if (report_is_suppressed(r, i))
                continue;
            const struct diag *d = &r->diags->items[i];
            xmlTextWriterStartElement(w, X("error"));
            if (report_whole_file(d)) {
                attr_number(w, "line", 1);
            } else {
                struct position p = source_position(d->src, d->span.start);
                attr_number(w, "line", p.line);
                attr_number(w, "column", p.column);
            }
            attr(w, "severity", !report_fails(r, i) ? "info"
                                : d->severity == SEVERITY_ERROR ? "error" : "warning");
            attr(w, "message", d->message);
            struct buf source;
            buf_init(&source);
            buf_printf(&source, "rktc.%s", d->rule->id);
            attr(w, "source", source.data);
            buf_free(&source);
            xmlTextWriterEndElement(w);
        }
        xmlTextWriterFullEndElement(w);
    }
    xmlTextWriterFullEndElement(w);
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    xmlBufferFree(xb);
}
