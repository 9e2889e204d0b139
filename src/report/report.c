/* report.c — format names, dispatch, and helpers shared by the renderers. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

static const char *const format_names[] = {
    [REPORT_TEXT] = "text",   [REPORT_GCC] = "gcc",
    [REPORT_JSON] = "json",   [REPORT_JUNIT] = "junit",
    [REPORT_SARIF] = "sarif", [REPORT_GITHUB] = "github",
    [REPORT_CHECKSTYLE] = "checkstyle", [REPORT_CODECLIMATE] = "codeclimate",
};
#define FORMAT_COUNT (sizeof format_names / sizeof format_names[0])

bool report_format_parse(const char *name, enum report_format *out) {
    for (size_t i = 0; i < FORMAT_COUNT; i++)
        if (strcmp(format_names[i], name) == 0) {
            *out = (enum report_format)i;
            return true;
        }
    return false;
}

const char *report_format_name(enum report_format format) {
    return (size_t)format < FORMAT_COUNT ? format_names[format] : "?";
}

void report_render(enum report_format format, const struct report *r,
                   struct buf *out) {
    switch (format) {
    case REPORT_TEXT: report_text(r, out); break;
    case REPORT_GCC: report_gcc(r, out); break;
    case REPORT_JSON: report_json(r, out); break;
    case REPORT_JUNIT: report_junit(r, out); break;
    case REPORT_SARIF: report_sarif(r, out); break;
    case REPORT_GITHUB: report_github(r, out); break;
    case REPORT_CHECKSTYLE: report_checkstyle(r, out); break;
    case REPORT_CODECLIMATE: report_codeclimate(r, out); break;
    }
}

bool report_is_suppressed(const struct report *r, size_t i) {
    return r->suppressed && r->suppressed[i];
}

const char *report_object(const struct report *r, size_t i) {
    return r->objects ? r->objects[i] : NULL;
}

bool report_input_problem(const struct diag *d) {
    if (d->severity != SEVERITY_ERROR)
        return false;
    switch (d->rule->code) {
    case RULE_HCL001: case RULE_HCL002: case RULE_HCL003: case RULE_RKC001:
        return true;
    default:
        return false;
    }
}

bool report_fails(const struct report *r, size_t i) {
    const struct diag *d = &r->diags->items[i];
    if (report_is_suppressed(r, i))
        return false;
    return d->severity <= r->options.threshold || report_input_problem(d);
}

bool report_whole_file(const struct diag *d) {
    return !d->src || d->rule->code == RULE_RKC001;
}

void report_span_positions(const struct source *src, struct span span,
                           struct position *start, struct position *end) {
    *start = source_position(src, span.start);
    *end = span.end > span.start ? source_position(src, span.end) : *start;
}

static const char *diag_path(const struct diag *d) {
    return d->src ? d->src->path : "";
}

size_t report_file_diags(const struct report *r, size_t f, size_t *count) {
    const char *path = r->files[f].src->path;
    const struct diag *items = r->diags->items;
    size_t lo = 0, hi = r->diags->count;
    while (lo < hi) { /* first diagnostic whose path is >= path */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(diag_path(&items[mid]), path) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < r->diags->count && items[end].src == r->files[f].src)
        end++;
    *count = end - lo;
    return lo;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_valid(const unsigned char *s, size_t n, unsigned *cp) {
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

void report_clean_utf8(struct buf *out, const char *text, size_t len,
                       bool xml_safe) {
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned cp;
        size_t n = utf8_valid(s + i, len - i, &cp);
        bool bad = n == 0;
        if (!bad && xml_safe &&
            ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
             cp == 0xFFFE || cp == 0xFFFF))
            bad = true;
        if (bad)
            buf_puts(out, "\xEF\xBF\xBD");
        else
            buf_add(out, s + i, n);
        i += n ? n : 1;
    }
}

void report_json_string(struct buf *out, const char *text) {
    struct buf clean;
    buf_init(&clean);
    report_clean_utf8(&clean, text, strlen(text), false);
    buf_putc(out, '"');
    for (size_t i = 0; i < clean.len; i++) {
        unsigned char c = (unsigned char)clean.data[i];
        switch (c) {
        case '"': buf_puts(out, "\\\""); break;
        case '\\': buf_puts(out, "\\\\"); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\r': buf_puts(out, "\\r"); break;
        case '\t': buf_puts(out, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7F)
                buf_printf(out, "\\u%04x", c);
            else
                buf_putc(out, (char)c);
        }
    }
    buf_putc(out, '"');
    buf_free(&clean);
}

void report_first_line(struct buf *out, const char *text) {
    size_t len = strcspn(text, "\r\n");
    report_clean_utf8(out, text, len, true);
}

static void count_phrase(struct buf *out, size_t n, const char *one,
                         const char *many, bool *first) {
    if (!n)
        return;
    buf_printf(out, "%s%zu %s", *first ? "" : ", ", n, n == 1 ? one : many);
    *first = false;
}

void report_counts(const struct report *r, struct buf *out) {
    size_t by[4] = {0};
    for (size_t i = 0; i < r->diags->count; i++)
        if (!report_is_suppressed(r, i))
            by[r->diags->items[i].severity & 3]++;
    bool first = true;
    count_phrase(out, by[SEVERITY_ERROR], "error", "errors", &first);
    count_phrase(out, by[SEVERITY_WARNING], "warning", "warnings", &first);
    count_phrase(out, by[SEVERITY_INFO], "info", "info", &first);
    count_phrase(out, by[SEVERITY_STYLE], "style", "style", &first);
    if (first)
        buf_puts(out, "no findings");
}

size_t report_rule_index(const struct rule *rule) {
    size_t count;
    const struct rule *table = rule_table(&count);
    return (size_t)(rule - table);
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

void report_fingerprint(const struct report *r, size_t i, char out[33]) {
    const struct diag *d = &r->diags->items[i];
    struct key k = key_of(d);
    size_t same = 0;
    /* equal keys share the path, so only this file's earlier findings count */
    for (size_t j = i; j-- > 0 && r->diags->items[j].src == d->src;) {
        struct key o = key_of(&r->diags->items[j]);
        same += o.a == k.a && o.b == k.b;
    }
    char occurrence[24];
    int n = snprintf(occurrence, sizeof occurrence, "%zu", same);
    k.a = fnv(k.a, occurrence, (size_t)n);
    k.b = fnv(k.b, occurrence, (size_t)n);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)k.a,
             (unsigned long long)k.b);
}
