#include "hcl/suppress.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct pragma_id {
    const struct rule *rule;
    struct span span; /* the id in the comment */
    bool used;
};

struct pragma {
    struct span comment;
    bool whole_file;
    struct span scope;     /* item scope */
    char *reason;          /* heap, "" when none */
    struct pragma_id *ids;
    size_t id_count;
};

bool rule_is_fixed(const struct rule *rule) {
    static const enum rule_id fixed[] = {RULE_HCL001, RULE_HCL002, RULE_HCL003, RULE_RKC001,
                                         RULE_RKC005};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (rule->code == fixed[i])
            return true;
    return false;
}

/* --- the items of the tree, for "the next attribute or block" --- */

struct items {
    const struct hcl_item **v;
    size_t count, cap;
};

static void collect(struct items *out, const struct hcl_value *v) {
    if (!v)
        return;
    if (v->kind == HCL_OBJECT) {
        for (size_t i = 0; i < v->as.object.count; i++) {
            const struct hcl_item *item = v->as.object.items[i];
            if (out->count == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 64;
                out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
            }
            out->v[out->count++] = item;
            collect(out, item->value);
        }
    } else if (v->kind == HCL_LIST) {
        for (size_t i = 0; i < v->as.list.count; i++)
            collect(out, v->as.list.elems[i]);
    }
}

/* The outermost item starting first at or after offset, or NULL. */
static const struct hcl_item *next_item(const struct items *items, uint32_t offset) {
    const struct hcl_item *best = NULL;
    for (size_t i = 0; i < items->count; i++) {
        const struct hcl_item *it = items->v[i];
        if (hcl_item_span(it).start < offset)
            continue;
        if (!best || hcl_item_span(it).start < hcl_item_span(best).start ||
            (hcl_item_span(it).start == hcl_item_span(best).start && hcl_item_span(it).end > hcl_item_span(best).end))
            best = it;
    }
    return best;
}

/* --- reading a pragma --- */

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* The comment's text without its markers: [*from, *to) in src. */
static void comment_body(const struct source *src, const struct hcl_comment *c,
                         uint32_t *from, uint32_t *to) {
    uint32_t a = c->span.start, b = c->span.end;
    const char *t = src->text;
    if (c->style == HCL_COMMENT_HASH && a < b)
        a += 1;
    else if (c->style == HCL_COMMENT_SLASHES && b - a >= 2)
        a += 2;
    else if (c->style == HCL_COMMENT_BLOCK && b - a >= 4)
        a += 2, b -= 2;
    while (a < b && is_space(t[a]))
        a++;
    while (b > a && is_space(t[b - 1]))
        b--;
    *from = a;
    *to = b;
}

static bool starts_word(const char *t, uint32_t a, uint32_t b, const char *word) {
    size_t n = strlen(word);
    return b - a >= n && memcmp(t + a, word, n) == 0 &&
           (b - a == n || is_space(t[a + n]));
}

/* Parses one comment; returns false when it is not a pragma at all. */
static bool read_pragma(const struct source *src, const struct hcl_comment *c,
                        struct pragma *p, struct diag_list *diags) {
    uint32_t a, b;
    comment_body(src, c, &a, &b);
    const char *t = src->text;
    memset(p, 0, sizeof *p);
    p->comment = c->span;
    if (starts_word(t, a, b, "rktc:ignore-file")) {
        p->whole_file = true;
        a += (uint32_t)strlen("rktc:ignore-file");
    } else if (starts_word(t, a, b, "rktc:ignore")) {
        a += (uint32_t)strlen("rktc:ignore");
    } else {
        if (b - a >= 5 && memcmp(t + a, "rktc:", 5) == 0) {
            uint32_t e = a;
            while (e < b && !is_space(t[e]))
                e++;
            diag_add(diags, RULE_RKC004, src, span_make(a, e),
                     "unknown rktc directive '%.*s' (expected rktc:ignore or "
                     "rktc:ignore-file)", (int)(e - a), t + a);
        }
        return false;
    }
    /* ids up to "--" */
    uint32_t reason_at = b;
    for (uint32_t i = a; i + 1 < b; i++)
        if (t[i] == '-' && t[i + 1] == '-' && (i == a || is_space(t[i - 1]) || t[i - 1] == ',')) {
            reason_at = i;
            break;
        }
    uint32_t i = a;
    while (i < reason_at) {
        while (i < reason_at && (is_space(t[i]) || t[i] == ','))
            i++;
        uint32_t start = i;
        while (i < reason_at && !is_space(t[i]) && t[i] != ',')
            i++;
        if (i == start)
            break;
        char *id = xstrndup(t + start, i - start);
        const struct rule *rule = rule_find(id);
        if (!rule) {
            diag_add(diags, RULE_RKC004, src, span_make(start, i),
                     "unknown rule id '%s' in suppression", id);
        } else if (rule_is_fixed(rule)) {
            diag_add(diags, RULE_RKC004, src, span_make(start, i),
                     "%s reports input that cannot be read or parsed; it cannot "
                     "be suppressed", id);
        } else {
            p->ids = xreallocarray(p->ids, p->id_count + 1, sizeof *p->ids);
            p->ids[p->id_count].rule = rule;
            p->ids[p->id_count].span = span_make(start, i);
            p->ids[p->id_count].used = false;
            p->id_count++;
        }
        free(id);
    }
    uint32_t r = reason_at < b ? reason_at + 2 : b;
    while (r < b && is_space(t[r]))
        r++;
    p->reason = xstrndup(t + r, b - r);
    return true;
}

static bool covers(const struct pragma *p, const struct diag *d) {
    return p->whole_file ||
           (d->span.start >= p->scope.start && d->span.start < p->scope.end);
}

char **suppress_apply(const struct hcl_file *file, struct diag_list *diags,
                      const struct suppress_options *options) {
    const struct source *src = file ? file->src : NULL;
    struct items items = {0};
    bool collected = false; /* the items, listed at the first pragma that needs them */
    struct pragma *pragmas = NULL;
    size_t count = 0;
    size_t original = diags->count;
    for (size_t c = 0; file && c < file->comment_count; c++) {
        struct pragma p;
        size_t before = diags->count;
        if (!read_pragma(src, &file->comments[c], &p, diags))
            continue;
        if (p.id_count == 0) {
            if (diags->count == before)
                diag_add(diags, RULE_RKC004, src, p.comment,
                         "suppression names no rule id");
            free(p.reason);
            continue;
        }
        if (!p.whole_file) {
            if (!collected) {
                collect(&items, file->root);
                collected = true;
            }
            const struct hcl_item *item = next_item(&items, p.comment.end);
            if (!item) {
                diag_add(diags, RULE_RKC004, src, p.comment,
                         "suppression is not followed by an attribute or block");
                free(p.ids);
                free(p.reason);
                continue;
            }
            p.scope = hcl_item_span(item);
        }
        pragmas = xreallocarray(pragmas, count + 1, sizeof *pragmas);
        pragmas[count++] = p;
    }
    free(items.v);

    /* silence the findings of the stages (not the pragma findings above) */
    char **reasons = xcalloc(original ? original : 1, sizeof *reasons);
    for (size_t i = 0; i < original; i++) {
        const struct diag *d = &diags->items[i];
        if (d->src != src)
            continue;
        for (size_t k = 0; k < count && !reasons[i]; k++) {
            struct pragma *p = &pragmas[k];
            if (options->require_reason && !p->reason[0])
                continue;
            if (!covers(p, d))
                continue;
            for (size_t j = 0; j < p->id_count; j++)
                if (p->ids[j].rule == d->rule) {
                    p->ids[j].used = true;
                    reasons[i] = xstrdup(p->reason);
                    break;
                }
        }
    }
    for (size_t k = 0; k < count; k++) {
        struct pragma *p = &pragmas[k];
        if (options->require_reason && !p->reason[0]) {
            diag_add(diags, RULE_RKC003, src, p->comment,
                     "suppression without a reason; write `-- why` after the "
                     "rule ids (required by --require-reason)");
        } else {
            for (size_t j = 0; j < p->id_count; j++)
                if (!p->ids[j].used)
                    diag_add(diags, RULE_RKC002, src, p->ids[j].span,
                             "unused suppression: %s does not fire %s",
                             p->ids[j].rule->id,
                             p->whole_file ? "in this file" : "in the next attribute or block");
        }
        free(p->ids);
        free(p->reason);
    }
    free(pragmas);
    if (diags->count > original)
        reasons = xreallocarray(reasons, diags->count, sizeof *reasons);
    for (size_t i = original; i < diags->count; i++)
        reasons[i] = NULL;
    return reasons;
}

void suppress_free(char **reasons, size_t count) {
    if (!reasons)
        return;
    for (size_t i = 0; i < count; i++)
        free(reasons[i]);
    free(reasons);
}
