#include "diag/diag.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct rule rules[] = {
#define RULE(family, number, name, sev, summary, explanation) \
    {RULE_##family##number, FAMILY_##family, #family #number, name, sev, summary, explanation},
#include "diag/rules.def"
#undef RULE
};

const struct rule *rule_table(size_t *count) {
    *count = sizeof rules / sizeof rules[0];
    return rules;
}

const struct rule *rule_get(enum rule_id id) {
    return &rules[(unsigned)id < RULE_COUNT ? id : 0];
}

const struct rule *rule_find(const char *id) {
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    return NULL;
}

static const char *const severity_names[] = {"error", "warning", "info", "style"};

const char *severity_name(enum severity s) {
    return (unsigned)s < 4 ? severity_names[s] : "error";
}

bool severity_parse(const char *text, enum severity *out) {
    for (int i = 0; i < 4; i++)
        if (strcmp(text, severity_names[i]) == 0) {
            *out = (enum severity)i;
            return true;
        }
    return false;
}

void diag_list_init(struct diag_list *list) { memset(list, 0, sizeof *list); }

void diag_list_free(struct diag_list *list) {
    for (size_t i = 0; i < list->count; i++) {
        struct diag *d = &list->items[i];
        free(d->message);
        free(d->fix);
        for (size_t j = 0; j < d->edit_count; j++)
            free(d->edits[j].text);
        free(d->edits);
        for (size_t j = 0; j < d->note_count; j++)
            free(d->notes[j].message);
        free(d->notes);
    }
    free(list->items);
    diag_list_init(list);
}

static char *vformat(const char *format, va_list ap) {
    struct buf b;
    buf_init(&b);
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, format, aq);
    va_end(aq);
    if (n < 0)
        xalloc_die();
    buf_reserve(&b, (size_t)n);
    vsnprintf(b.data, (size_t)n + 1, format, ap);
    b.len = (size_t)n;
    return buf_detach(&b);
}

static struct diag *push(struct diag_list *list, const struct rule *rule,
                         const struct source *src, struct span span,
                         char *message) {
    if (list->count == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 16;
        list->items = xreallocarray(list->items, list->cap, sizeof *list->items);
    }
    struct diag *d = &list->items[list->count++];
    memset(d, 0, sizeof *d);
    d->rule = rule;
    d->severity = rule->severity;
    d->src = src;
    d->span = span;
    d->message = message;
    return d;
}

struct diag *diag_add(struct diag_list *list, enum rule_id id,
                      const struct source *src, struct span span,
                      const char *format, ...) {
    const struct rule *rule = rule_get(id);
    size_t limit = list->limit ? list->limit : DIAG_MAX_PER_FILE;
    if (list->truncated)
        return NULL;
    if (list->count >= limit) {
        list->truncated = true;
        push(list, rule_get(RULE_HCL003), src, span,
                 xstrdup("too many findings in this file; the rest are not shown"))
                ->severity = SEVERITY_ERROR;
        return NULL;
    }
    va_list ap;
    va_start(ap, format);
    char *message = vformat(format, ap);
    va_end(ap);
    return push(list, rule, src, span, message);
}

void diag_note(struct diag *d, struct span span, const char *format, ...) {
    if (!d)
        return;
    va_list ap;
    va_start(ap, format);
    char *message = vformat(format, ap);
    va_end(ap);
    d->notes = xreallocarray(d->notes, d->note_count + 1, sizeof *d->notes);
    d->notes[d->note_count].span = span;
    d->notes[d->note_count].message = message;
    d->note_count++;
}

void diag_fix(struct diag *d, const char *format, ...) {
    if (!d)
        return;
    va_list ap;
    va_start(ap, format);
    free(d->fix);
    d->fix = vformat(format, ap);
    va_end(ap);
}

void diag_edit(struct diag *d, struct span span, const char *text) {
    if (!d)
        return;
    d->edits = xreallocarray(d->edits, d->edit_count + 1, sizeof *d->edits);
    d->edits[d->edit_count].span = span;
    d->edits[d->edit_count].text = xstrdup(text);
    d->edit_count++;
}

void diag_edit_key(struct diag *d, const struct source *src, struct span span,
                   const char *key) {
    if (!d || !src || span.end <= span.start || span.end > src->len)
        return;
    for (const char *p = key; *p; p++)
        if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20 || *p == '$' || *p == '%')
            return;
    bool quoted = src->text[span.start] == '"';
    if (quoted && (span.end - span.start < 2 || src->text[span.end - 1] != '"'))
        return;
    struct buf b;
    buf_init(&b);
    buf_printf(&b, quoted ? "\"%s\"" : "%s", key);
    diag_edit(d, span, b.data);
    buf_free(&b);
}

void diag_list_take(struct diag_list *to, struct diag_list *from) {
    size_t limit = to->limit ? to->limit : DIAG_MAX_PER_FILE;
    for (size_t i = 0; i < from->count; i++) {
        struct diag *d = &from->items[i];
        if (to->truncated || to->count >= limit) {
            to->truncated = true;
            continue; /* freed with from below */
        }
        if (to->count == to->cap) {
            to->cap = to->cap ? to->cap * 2 : 16;
            to->items = xreallocarray(to->items, to->cap, sizeof *to->items);
        }
        to->items[to->count++] = *d;
        memset(d, 0, sizeof *d); /* now owned by to */
    }
    to->truncated |= from->truncated;
    diag_list_free(from);
}

size_t diag_count(const struct diag_list *list, enum severity at_least) {
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].severity <= at_least)
            n++;
    return n;
}

static int compare(const struct diag *a, const struct diag *b) {
    const char *pa = a->src ? a->src->path : "", *pb = b->src ? b->src->path : "";
    int c = strcmp(pa, pb);
    if (c)
        return c;
    if (a->span.start != b->span.start)
        return a->span.start < b->span.start ? -1 : 1;
    return strcmp(a->rule->id, b->rule->id); /* display order: by id text */
}

void diag_sort(struct diag_list *list) {
    /* insertion-merge: stable, lists are short */
    struct diag *v = list->items;
    size_t n = list->count;
    if (n < 2)
        return;
    struct diag *tmp = xmalloc(n * sizeof *tmp);
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = compare(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
            while (i < mid)
                tmp[k++] = v[i++];
            while (j < hi)
                tmp[k++] = v[j++];
        }
        memcpy(v, tmp, n * sizeof *v);
    }
    free(tmp);
}
