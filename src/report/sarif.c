/* sarif.c — SARIF 2.1.0 (docs/cli.md §4): one run whose
 * tool.driver.rules[] is the whole rule table; results with ruleId,
 * ruleIndex, level (a finding that fails the run is "error" or "warning",
 * one below the failure threshold a "note"; rktc's own severity is a
 * tag of the rule), the message, and a
 * region with 1-based start and exclusive end line/column counted in
 * Unicode code points (columnKind says so). Locations are relative URIs
 * against %SRCROOT% (the directory rktc ran in; absolute inputs become
 * file:// URIs); whole-file findings have no region. Notes are
 * relatedLocations, the enclosing blocks' labels a logicalLocation, fix
 * hints go in properties.fix, partialFingerprints
 * (report_fingerprint) let code scanning follow a finding across commits,
 * and findings silenced
 * in the source stay in results[] with suppressions[] of kind "inSource". */
#include "report/report.h"
#include "version.h"

#include <ctype.h>
#include <string.h>

static void text_object(struct buf *out, const char *key, const char *text) {
    buf_printf(out, "\"%s\": {\"text\": ", key);
    report_json_string(out, text);
    buf_putc(out, '}');
}

/* The SARIF level of a finding of severity s: only what fails the run (at
 * or above threshold) is an error or a warning. */
static const char *level(enum severity s, enum severity threshold) {
    if (s > threshold)
        return "note";
    return s == SEVERITY_ERROR ? "error" : "warning";
}

/* RFC 3986 path encoding: unreserved characters and '/' stay as they are. */
static void uri_path(struct buf *out, const char *path) {
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (isalnum(*p) || strchr("-._~/", *p))
            buf_putc(out, (char)*p);
        else
            buf_printf(out, "%%%02X", *p);
    }
}

static void artifact(struct buf *out, const char *path) {
    struct buf uri;
    buf_init(&uri);
    bool absolute = path[0] == '/';
    if (absolute)
        buf_puts(&uri, "file://");
    while (!absolute && strncmp(path, "./", 2) == 0)
        path += 2;
    uri_path(&uri, path);
    buf_puts(out, "\"artifactLocation\": {\"uri\": ");
    report_json_string(out, uri.data);
    if (!absolute)
        buf_puts(out, ", \"uriBaseId\": \"%SRCROOT%\"");
    buf_putc(out, '}');
    buf_free(&uri);
}

static void physical(struct buf *out, const struct diag *d, struct span span) {
    buf_puts(out, "\"physicalLocation\": {");
    artifact(out, d->src ? d->src->path : "");
    if (!report_whole_file(d)) {
        struct position s, e;
        report_span_positions(d->src, span, &s, &e);
        buf_printf(out,
                   ", \"region\": {\"startLine\": %u, \"startColumn\": %u, "
                   "\"endLine\": %u, \"endColumn\": %u}",
                   s.line, s.column, e.line, e.column);
    }
    buf_putc(out, '}');
}

static void rules(struct buf *out, enum severity threshold) {
    size_t count;
    const struct rule *table = rule_table(&count);
    for (size_t k = 0; k < count; k++) {
        const struct rule *rule = &table[k];
        buf_puts(out, k ? ",\n            {" : "\n            {");
        buf_puts(out, "\"id\": ");
        report_json_string(out, rule->id);
        buf_puts(out, ", \"name\": ");
        report_json_string(out, rule->name);
        buf_puts(out, ",\n             ");
        text_object(out, "shortDescription", rule->summary);
        buf_puts(out, ",\n             ");
        text_object(out, "fullDescription", rule->explanation);
        buf_puts(out, ",\n             ");
        struct buf help;
        buf_init(&help);
        buf_printf(&help, "%s\n\n%s\n(`rktc explain %s` prints this text.)",
                   rule->summary, rule->explanation, rule->id);
        text_object(out, "help", help.data);
        buf_free(&help);
        buf_printf(out,
                   ",\n             \"defaultConfiguration\": {\"level\": \"%s\"},"
                   "\n             \"properties\": {\"tags\": [",
                   level(rule->severity, threshold));
        struct buf family;
        buf_init(&family);
        for (const char *c = rule->id; *c && isalpha((unsigned char)*c); c++)
            buf_putc(&family, *c);
        report_json_string(out, family.data ? family.data : "");
        buf_free(&family);
        buf_printf(out, ", \"%s\"]}}", severity_name(rule->severity));
    }
}

static void result(struct buf *out, const struct report *r, size_t i) {
    const struct diag *d = &r->diags->items[i];
    buf_puts(out, "        {\"ruleId\": ");
    report_json_string(out, d->rule->id);
    buf_printf(out, ", \"ruleIndex\": %zu, \"level\": \"%s\",\n         ",
               report_rule_index(d->rule),
               level(d->severity, r->options.threshold));
    text_object(out, "message", d->message);
    buf_puts(out, ",\n         \"locations\": [{");
    physical(out, d, d->span);
    const char *object = report_object(r, i);
    if (object) {
        buf_puts(out, ", \"logicalLocations\": [{\"fullyQualifiedName\": ");
        report_json_string(out, object);
        buf_puts(out, ", \"kind\": \"object\"}]");
    }
    buf_puts(out, "}]");
    if (d->note_count) {
        buf_puts(out, ",\n         \"relatedLocations\": [");
        for (size_t n = 0; n < d->note_count; n++) {
            buf_printf(out, "%s{\"id\": %zu, ", n ? ", " : "", n + 1);
            physical(out, d, d->notes[n].span);
            buf_puts(out, ", ");
            text_object(out, "message", d->notes[n].message);
            buf_putc(out, '}');
        }
        buf_putc(out, ']');
    }
    char fingerprint[33];
    report_fingerprint(r, i, fingerprint);
    buf_printf(out, ",\n         \"partialFingerprints\": {\"rktcFinding/v1\": \"%s\"}",
               fingerprint);
    if (report_is_suppressed(r, i)) {
        buf_puts(out, ",\n         \"suppressions\": [{\"kind\": \"inSource\"");
        if (r->suppressed[i][0]) {
            buf_puts(out, ", \"justification\": ");
            report_json_string(out, r->suppressed[i]);
        }
        buf_puts(out, "}]");
    }
    if (d->fix) {
        buf_puts(out, ",\n         \"properties\": {\"fix\": ");
        report_json_string(out, d->fix);
        buf_putc(out, '}');
    }
    buf_putc(out, '}');
}

void report_sarif(const struct report *r, struct buf *out) {
    buf_puts(out,
             "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
             "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
             "      \"tool\": {\n        \"driver\": {\n"
             "          \"name\": \"rktc\",\n"
             "          \"version\": \"" RKTC_VERSION "\",\n"
             "          \"semanticVersion\": \"" RKTC_VERSION "\",\n"
             "          \"rules\": [");
    rules(out, r->options.threshold);
    buf_puts(out,
             "\n          ]\n        }\n      },\n"
             "      \"originalUriBaseIds\": {\"%SRCROOT%\": {\"description\": "
             "{\"text\": \"The directory rktc ran in.\"}}},\n"
             "      \"columnKind\": \"unicodeCodePoints\",\n"
             "      \"results\": [");
    for (size_t i = 0; i < r->diags->count; i++) {
        buf_puts(out, i ? ",\n" : "\n");
        result(out, r, i);
    }
    buf_puts(out, r->diags->count ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n");
}
