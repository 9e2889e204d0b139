/* codeclimate.c — GitLab's code quality report (a Code Climate subset): a
 * JSON array of issues with check_name (the rule id), description,
 * severity (error → critical, warning → major, info → minor, style → info),
 * location {path, lines {begin, end}} and a fingerprint that stays the same
 * when lines move: a hash of the rule, the path, the text of the span's
 * first line (blanks trimmed) and the number of earlier findings with the
 * same key. Suppressed findings are left out. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

static const char *severity(enum severity s) {
    static const char *const names[] = {"critical", "major", "minor", "info"};
    return names[s & 3];
}

/* FNV-1a, 64 bits. */
static uint64_t fnv(uint64_t h, const char *data, size_t len) {
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

struct key {
    uint64_t a, b;
};

static struct key key_of(const struct diag *d) {
    struct key k = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
    const char *path = d->src ? d->src->path : "";
    const char *parts[2] = {d->rule->id, path};
    for (int i = 0; i < 2; i++) {
        k.a = fnv(k.a, parts[i], strlen(parts[i]) + 1);
        k.b = fnv(k.b, parts[i], strlen(parts[i]) + 1);
    }
    if (d->src && !report_whole_file(d)) {
        size_t len;
        struct position p = source_position(d->src, d->span.start);
        const char *line = source_line(d->src, p.line, &len);
        while (len && (*line == ' ' || *line == '\t'))
            line++, len--;
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
            len--;
        k.a = fnv(k.a, line, len);
        k.b = fnv(k.b, line, len);
    }
    return k;
}

void report_codeclimate(const struct report *r, struct buf *out) {
    bool any = false;
    buf_putc(out, '[');
    for (size_t i = 0; i < r->diags->count; i++) {
        if (report_is_suppressed(r, i))
            continue;
        const struct diag *d = &r->diags->items[i];
        struct key k = key_of(d);
        size_t same = 0;
        /* equal keys share the path, so only this file's findings count */
        for (size_t j = i; j-- > 0 && r->diags->items[j].src == d->src;)
            if (!report_is_suppressed(r, j)) {
                struct key o = key_of(&r->diags->items[j]);
                same += o.a == k.a && o.b == k.b;
            }
        char occurrence[24];
        int n = snprintf(occurrence, sizeof occurrence, "%zu", same);
        k.a = fnv(k.a, occurrence, (size_t)n);
        k.b = fnv(k.b, occurrence, (size_t)n);
        struct position s = {1, 1}, e = {1, 1};
        if (!report_whole_file(d))
            report_span_positions(d->src, d->span, &s, &e);
        buf_puts(out, any ? ",\n  {" : "\n  {");
        buf_puts(out, "\"type\": \"issue\", \"check_name\": ");
        report_json_string(out, d->rule->id);
        buf_puts(out, ", \"description\": ");
        report_json_string(out, d->message);
        buf_printf(out, ", \"severity\": \"%s\",\n   \"categories\": [\"%s\"],\n"
                   "   \"fingerprint\": \"%016llx%016llx\",\n   \"location\": {\"path\": ",
                   severity(d->severity),
                   d->severity == SEVERITY_STYLE ? "Style" : "Bug Risk",
                   (unsigned long long)k.a, (unsigned long long)k.b);
        report_json_string(out, d->src ? d->src->path : "");
        buf_printf(out, ", \"lines\": {\"begin\": %u, \"end\": %u}}}", s.line,
                   e.line < s.line ? s.line : e.line);
        any = true;
    }
    buf_puts(out, any ? "\n]\n" : "]\n");
}
