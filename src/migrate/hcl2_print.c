/* hcl2_print.c — job files both HCL1 and HCL2 read alike (see hcl2_print.h).
 *
 * What the two languages read differently, and how Nomad 1.x decodes a job
 * (its parser wraps every body so that blocks it has no schema for, like
 * the driver `config`, become attributes holding a list of objects):
 * - a stanza is a block in HCL2; `key = { … }` is an attribute there, and a
 *   list of objects is not a list of blocks: every object under a Nomad key
 *   is written as a block;
 * - inside `config` an HCL1 object under a key is a list of one map; a
 *   block inside config gives the same list in Nomad 1.x, an attribute
 *   holding an object gives it only at the top of a block body, so nested
 *   objects are written as blocks, or as `[{ … }]` inside expressions;
 * - meta and env take identifiers as block attribute names; other keys
 *   need the map attribute form `meta = { "a.b" = "x" }`, which Nomad 1.x
 *   accepts for the job, group and task meta and the task env only;
 * - numbers: HCL2 has no `.5`, hex or octal: decimal is written;
 * - strings are templates in HCL2: `${expr}` is evaluated unless expr is a
 *   plain reference whose root is not `var` or `local` (Nomad 1.x keeps
 *   those as the text `${expr}`), `%{` starts a directive, `$${` and `%%{`
 *   are escapes. Both languages read `\u0024` as `$` without starting an
 *   interpolation, so such text is written with that escape;
 * - heredocs: HCL2 reads `<<EOF` bodies as templates too; `<<-` trims
 *   differently: a heredoc is written as `<<EOF` when its text needs no
 *   escape, else as a quoted string. */
#include "migrate/hcl2_print.h"

#include "hcl/generic.h"
#include "migrate/job_input.h"
#include "nomad/job.h"
#include "nomad/schema.h"

#include <inttypes.h>
#include "util/arena.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct printer {
    struct arena *arena;
    const struct hcl_file *file;
    const struct source *src;
    struct diag_list *diags;
    size_t next_comment;
};

enum context { CTX_STRUCT, CTX_FREE };

/* one printed line group of a body: an attribute or a block */
struct entry {
    bool block;
    const char *key;     /* attribute name or block type and labels */
    const char *value;   /* attribute: the value; block: "{\n…}" */
    const char *lead;    /* comments before it (already indented), or "" */
    const char *trail;   /* a comment on its last line, or NULL */
    bool blank_before;   /* a blank line before it in the source */
    bool multiline;
};

struct entries {
    struct entry *items;
    size_t count, cap;
};

static struct entry *entries_add(struct printer *p, struct entries *e) {
    if (e->count == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 8;
        e->items = arena_grow(p->arena, e->items, e->count, cap, sizeof *e->items);
        e->cap = cap;
    }
    struct entry *x = &e->items[e->count++];
    memset(x, 0, sizeof *x);
    x->lead = "";
    return x;
}

static void indent(struct buf *b, int depth) {
    for (int i = 0; i < depth; i++)
        buf_puts(b, "  ");
}

static const char *buf_text(struct printer *p, struct buf *b) {
    const char *s = arena_strndup(p->arena, b->data ? b->data : "", b->len);
    buf_free(b);
    return s;
}

/* ---- lexical ---------------------------------------------------------- */

bool mig_hcl2_ident(const char *text, size_t len) {
    if (len == 0 || !(isalpha((unsigned char)text[0]) || text[0] == '_'))
        return false;
    for (size_t i = 1; i < len; i++)
        if (!(isalnum((unsigned char)text[i]) || text[i] == '_' || text[i] == '-'))
            return false;
    return true;
}

/* `inner` of `${inner}` that Nomad 1.x keeps as the text `${inner}`: a
 * traversal of identifiers whose root is not an HCL2 variable. */
static bool runtime_reference(const char *s, size_t len) {
    size_t i = 0, seg = 0;
    while (i <= len) {
        size_t j = i;
        while (j < len && s[j] != '.')
            j++;
        if (!mig_hcl2_ident(s + i, j - i))
            return false;
        if (seg == 0 && ((j - i == 3 && strncmp(s + i, "var", 3) == 0) ||
                         (j - i == 5 && strncmp(s + i, "local", 5) == 0)))
            return false;
        seg++;
        if (j == len)
            return true;
        i = j + 1;
    }
    return false;
}

/* the end (index of the closing brace) of the `${` at i, as HCL1 scans it;
 * len when unclosed */
static size_t interp_end(const char *s, size_t len, size_t i) {
    int depth = 0;
    for (size_t k = i + 1; k < len; k++) {
        if (s[k] == '{')
            depth++;
        else if (s[k] == '}' && --depth == 0)
            return k;
    }
    return len;
}

static void put_escaped(struct buf *out, unsigned char c) {
    switch (c) {
    case '"': buf_puts(out, "\\\""); break;
    case '\\': buf_puts(out, "\\\\"); break;
    case '\n': buf_puts(out, "\\n"); break;
    case '\r': buf_puts(out, "\\r"); break;
    case '\t': buf_puts(out, "\\t"); break;
    default:
        if (c < 0x20 || c == 0x7f)
            buf_printf(out, "\\u%04x", c);
        else
            buf_putc(out, (char)c);
    }
}

void mig_hcl2_string(struct buf *out, const char *s, size_t len) {
    buf_putc(out, '"');
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '$' && i + 1 < len && s[i + 1] == '{') {
            size_t end = interp_end(s, len, i);
            if (end < len && runtime_reference(s + i + 2, end - i - 2)) {
                buf_add(out, s + i, end - i + 1);
                i = end;
            } else {
                buf_puts(out, "\\u0024");
            }
        } else if (s[i] == '$' && i + 1 < len && s[i + 1] == '$') {
            buf_puts(out, "\\u0024"); /* `$${` would be an escape in HCL2 */
        } else if (s[i] == '%' && i + 1 < len && (s[i + 1] == '{' || s[i + 1] == '%')) {
            buf_puts(out, "\\u0025");
        } else {
            put_escaped(out, (unsigned char)s[i]);
        }
    }
    buf_putc(out, '"');
}

/* true when a heredoc body can be written as `<<MARK` and read alike */
static bool heredoc_safe(const char *s, size_t len, const char *mark) {
    if (len == 0 || s[len - 1] != '\n')
        return false;
    size_t mlen = strlen(mark);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r' || (c < 0x20 && c != '\n' && c != '\t'))
            return false;
        if (c == '%' && i + 1 < len && (s[i + 1] == '{' || s[i + 1] == '%'))
            return false;
        if (c == '$' && i + 1 < len && s[i + 1] == '$')
            return false;
        if (c == '$' && i + 1 < len && s[i + 1] == '{') {
            size_t end = interp_end(s, len, i);
            if (end >= len || !runtime_reference(s + i + 2, end - i - 2))
                return false;
        }
        if (i == 0 || s[i - 1] == '\n') { /* a line that is the marker */
            size_t k = i;
            while (k < len && (s[k] == ' ' || s[k] == '\t'))
                k++;
            if (len - k >= mlen && strncmp(s + k, mark, mlen) == 0 &&
                (k + mlen == len || s[k + mlen] == '\n'))
                return false;
        }
    }
    return true;
}

static const char *heredoc_mark(struct printer *p, const struct hcl_value *v) {
    const char *t = p->src->text + v->span.start;
    size_t n = v->span.end - v->span.start;
    if (n > 2 && t[0] == '<' && t[1] == '<') {
        size_t i = 2;
        if (i < n && t[i] == '-')
            i++;
        size_t j = i;
        while (j < n && (isalnum((unsigned char)t[j]) || t[j] == '_'))
            j++;
        if (j > i)
            return arena_strndup(p->arena, t + i, j - i);
    }
    return "EOF";
}

/* ---- numbers ---------------------------------------------------------- */

static void put_float(struct buf *out, double d) {
    char text[64];
    if (d == (double)(long long)d && d > -1e15 && d < 1e15) {
        buf_printf(out, "%lld", (long long)d);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(text, sizeof text, "%.*g", prec, d);
        if (strtod(text, NULL) == d)
            break;
    }
    buf_puts(out, text);
    if (!strpbrk(text, ".eEni"))
        buf_puts(out, ".0");
}

static bool hcl2_number_text(const char *t, size_t n) {
    size_t i = 0;
    if (i < n && t[i] == '-')
        i++;
    size_t d = i;
    while (i < n && isdigit((unsigned char)t[i]))
        i++;
    if (i == d || (t[d] == '0' && i - d > 1))
        return false;
    if (i < n && t[i] == '.') {
        size_t f = ++i;
        while (i < n && isdigit((unsigned char)t[i]))
            i++;
        if (i == f)
            return false;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        i++;
        if (i < n && (t[i] == '+' || t[i] == '-'))
            i++;
        size_t e = i;
        while (i < n && isdigit((unsigned char)t[i]))
            i++;
        if (i == e)
            return false;
    }
    return i == n;
}

static void put_number(struct printer *p, struct buf *out, const struct hcl_value *v) {
    const char *t = v->as.number.text;
    size_t n = v->as.number.len;
    const char *err = NULL;
    if (v->kind == HCL_NUMBER) {
        int64_t x;
        if (strconv_parse_int(p->arena, t, n, &x, &err))
            buf_printf(out, "%lld", (long long)x);
        else
            buf_add(out, t, n);
        return;
    }
    if (hcl2_number_text(t, n) && (memchr(t, '.', n) || memchr(t, 'e', n) || memchr(t, 'E', n))) {
        buf_add(out, t, n);
        return;
    }
    double d;
    if (strconv_parse_float(p->arena, t, n, &d, &err))
        put_float(out, d);
    else
        buf_add(out, t, n);
}

/* ---- findings ------------------------------------------------------------ */

static const char *no_common_form(struct printer *p, struct span span, int depth,
                                  const char *what) {
    diag_add(p->diags, RULE_MIG010, p->src, span,
             "%s: HCL1 and HCL2 have no form of this that both read the same", what);
    struct buf b;
    buf_init(&b);
    indent(&b, depth);
    buf_printf(&b, "# MIG010: %s: HCL1 and HCL2 have no form of this that both read the same\n",
               what);
    return buf_text(p, &b);
}

/* ---- comments ---------------------------------------------------------- */

static uint32_t line_of(struct printer *p, uint32_t offset) {
    return source_position(p->src, offset).line;
}

static bool blank_between(struct printer *p, uint32_t prev, uint32_t start);

/* comments that start before limit, one per line at depth */
static const char *lead_comments_after(struct printer *p, uint32_t limit, int depth,
                                      uint32_t prev) {
    struct buf b;
    buf_init(&b);
    while (p->next_comment < p->file->comment_count &&
           p->file->comments[p->next_comment].span.start < limit) {
        struct span s = p->file->comments[p->next_comment++].span;
        if (prev && blank_between(p, prev, s.start))
            buf_putc(&b, '\n');
        prev = s.end;
        indent(&b, depth);
        size_t n = s.end - s.start;
        while (n > 0 && (p->src->text[s.start + n - 1] == '\n' ||
                         p->src->text[s.start + n - 1] == '\r'))
            n--;
        buf_add(&b, p->src->text + s.start, n);
        buf_putc(&b, '\n');
    }
    return buf_text(p, &b);
}

static const char *lead_comments(struct printer *p, uint32_t limit, int depth) {
    return lead_comments_after(p, limit, depth, 0);
}

/* a `#`/`//` comment on the line where offset `end` is */
static const char *trail_comment(struct printer *p, uint32_t end) {
    if (p->next_comment >= p->file->comment_count || end == 0)
        return NULL;
    const struct hcl_comment *c = &p->file->comments[p->next_comment];
    if (c->style == HCL_COMMENT_BLOCK || c->span.start < end ||
        line_of(p, c->span.start) != line_of(p, end - 1))
        return NULL;
    p->next_comment++;
    size_t n = c->span.end - c->span.start;
    while (n > 0 && (p->src->text[c->span.start + n - 1] == '\n' ||
                     p->src->text[c->span.start + n - 1] == '\r'))
        n--;
    return arena_strndup(p->arena, p->src->text + c->span.start, n);
}

/* a blank line between the previous item (ending at prev) and start */
static bool blank_between(struct printer *p, uint32_t prev, uint32_t start) {
    if (prev == 0 || start <= prev)
        return false;
    /* the first blank line after prev, before the first comment or item */
    const char *t = p->src->text;
    uint32_t i = prev;
    while (i < start && t[i] != '\n')
        i++;
    while (i < start) {
        uint32_t j = i + 1;
        while (j < start && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
            j++;
        if (j < start && t[j] == '\n')
            return true;
        if (j >= start || t[j] != '\n')
            return false;
        i = j;
    }
    return false;
}

/* ---- body output -------------------------------------------------------- */

static void emit_entries(struct buf *out, const struct entries *e, int depth) {
    for (size_t i = 0; i < e->count; i++) {
        const struct entry *x = &e->items[i];
        if (i > 0 && (x->block || e->items[i - 1].block || x->blank_before))
            buf_putc(out, '\n');
        buf_puts(out, x->lead);
        indent(out, depth);
        if (x->block) {
            buf_printf(out, *x->value ? "%s %s" : "%s%s", x->key, x->value);
        } else {
            size_t width = strlen(x->key);
            /* the run of one-line attributes around it */
            bool alone = x->multiline;
            for (size_t k = i; !alone && k > 0; k--) {
                const struct entry *y = &e->items[k - 1], *z = &e->items[k];
                if (y->block || y->multiline || *z->lead || z->blank_before)
                    break;
                if (strlen(y->key) > width)
                    width = strlen(y->key);
            }
            for (size_t k = i + 1; !alone && k < e->count; k++) {
                const struct entry *y = &e->items[k];
                if (y->block || y->multiline || *y->lead || y->blank_before)
                    break;
                if (strlen(y->key) > width)
                    width = strlen(y->key);
            }
            buf_printf(out, "%-*s = %s", (int)width, x->key, x->value);
        }
        if (x->trail)
            buf_printf(out, " %s", x->trail);
        buf_putc(out, '\n');
    }
}

/* ---- values ------------------------------------------------------------- */

static void gval_expr(struct printer *p, struct buf *out, const struct gval *g, int depth,
                      bool top);

static void key_text(struct buf *out, const char *key, size_t len) {
    if (mig_hcl2_ident(key, len))
        buf_add(out, key, len);
    else
        mig_hcl2_string(out, key, len);
}

static bool short_list(const char *text) {
    return strlen(text) <= 80 && !strchr(text, '\n');
}

static void put_string_value(struct printer *p, struct buf *out, const struct hcl_value *node,
                             const char *s, size_t len, bool top) {
    if (top && node && node->kind == HCL_HEREDOC) {
        const char *mark = heredoc_mark(p, node);
        if (heredoc_safe(s, len, mark)) {
            buf_printf(out, "<<%s\n", mark);
            buf_add(out, s, len);
            buf_puts(out, mark);
            return;
        }
    }
    mig_hcl2_string(out, s, len);
}

/* [a, b] on one line when short, else one element a line */
static void map_expr(struct printer *p, struct buf *out, const struct gval *m, int depth);

static void list_expr(struct printer *p, struct buf *out, const struct gval *const *elems,
                      size_t count, int depth) {
    if (count == 1 && elems[0]->kind == GVAL_MAP) { /* [{ … }] */
        buf_putc(out, '[');
        map_expr(p, out, elems[0], depth);
        buf_putc(out, ']');
        return;
    }
    struct buf one;
    buf_init(&one);
    buf_putc(&one, '[');
    for (size_t i = 0; i < count; i++) {
        if (i)
            buf_puts(&one, ", ");
        gval_expr(p, &one, elems[i], depth, false);
    }
    buf_putc(&one, ']');
    const char *text = buf_text(p, &one);
    if (short_list(text)) {
        buf_puts(out, text);
        return;
    }
    buf_puts(out, "[\n");
    for (size_t i = 0; i < count; i++) {
        indent(out, depth + 1);
        gval_expr(p, out, elems[i], depth + 1, false);
        buf_puts(out, ",\n");
    }
    indent(out, depth);
    buf_putc(out, ']');
}

static void map_expr(struct printer *p, struct buf *out, const struct gval *m, int depth) {
    if (m->as.map.count == 0) {
        buf_puts(out, "{}");
        return;
    }
    buf_puts(out, "{\n");
    size_t width = 0;
    for (size_t i = 0; i < m->as.map.count; i++) {
        struct buf k;
        buf_init(&k);
        key_text(&k, m->as.map.entries[i].key, m->as.map.entries[i].key_len);
        if (k.len > width)
            width = k.len;
        buf_free(&k);
    }
    for (size_t i = 0; i < m->as.map.count; i++) {
        const struct gval_entry *e = &m->as.map.entries[i];
        struct buf k;
        buf_init(&k);
        key_text(&k, e->key, e->key_len);
        indent(out, depth + 1);
        buf_printf(out, "%-*s = ", (int)width, buf_text(p, &k));
        gval_expr(p, out, e->value, depth + 1, false);
        buf_putc(out, '\n');
    }
    indent(out, depth);
    buf_putc(out, '}');
}

static void gval_expr(struct printer *p, struct buf *out, const struct gval *g, int depth,
                      bool top) {
    switch (g->kind) {
    case GVAL_STRING:
        put_string_value(p, out, g->node, g->as.string.text, g->as.string.len, top);
        break;
    case GVAL_INT:
        buf_printf(out, "%lld", (long long)g->as.integer);
        break;
    case GVAL_FLOAT:
        if (g->node && (g->node->kind == HCL_FLOAT || g->node->kind == HCL_NUMBER))
            put_number(p, out, g->node);
        else
            put_float(out, g->as.number);
        break;
    case GVAL_BOOL:
        buf_puts(out, g->as.boolean ? "true" : "false");
        break;
    case GVAL_LIST:
    case GVAL_MAP_LIST:
        list_expr(p, out, (const struct gval *const *)g->as.list.elems, g->as.list.count, depth);
        break;
    case GVAL_MAP:
        map_expr(p, out, g, depth);
        break;
    }
}

/* ---- free-form bodies (driver config, scaling policy) --------------------- */

static bool keys_are_idents(const struct gval *m) {
    for (size_t i = 0; i < m->as.map.count; i++)
        if (!mig_hcl2_ident(m->as.map.entries[i].key, m->as.map.entries[i].key_len))
            return false;
    return true;
}

static const char *free_body(struct printer *p, const struct gval *m, int depth,
                             uint32_t body_end);

static uint32_t entry_start(const struct gval_entry *e) {
    return e->item ? hcl_item_span(e->item).start : (e->value->node ? e->value->node->span.start : 0);
}

static uint32_t entry_end(const struct gval_entry *e) {
    return e->item ? hcl_item_span(e->item).end : (e->value->node ? e->value->node->span.end : 0);
}

static uint32_t free_entries(struct printer *p, struct entries *es, const struct gval *m,
                             int depth) {
    uint32_t prev = 0;
    for (size_t i = 0; m && i < m->as.map.count; i++) {
        const struct gval_entry *e = &m->as.map.entries[i];
        const struct gval *v = e->value;
        uint32_t start = entry_start(e);
        bool as_blocks = (v->kind == GVAL_MAP_LIST || v->kind == GVAL_LIST) &&
                         v->as.list.count > 0 && mig_hcl2_ident(e->key, e->key_len);
        for (size_t k = 0; as_blocks && k < v->as.list.count; k++)
            if (v->as.list.elems[k]->kind != GVAL_MAP || !keys_are_idents(v->as.list.elems[k]))
                as_blocks = false;
        /* an object (API JSON): HCL1 and HCL2 read a block as a list of it */
        bool one_map = v->kind == GVAL_MAP && mig_hcl2_ident(e->key, e->key_len) &&
                       keys_are_idents(v);
        if (one_map)
            as_blocks = true;
        const char *warn = "";
        if (!mig_hcl2_ident(e->key, e->key_len))
            warn = no_common_form(p, e->item ? e->item->keys[0].span : span_make(start, start),
                                  depth, arena_printf(p->arena, "the key \"%.*s\" is not an "
                                                      "HCL2 identifier", (int)e->key_len, e->key));
        size_t nblocks = as_blocks && !one_map ? v->as.list.count : 1;
        for (size_t k = 0; k < nblocks; k++) {
            struct entry *x = entries_add(p, es);
            const char *lead = lead_comments(p, start + (k ? 1 : 0), depth);
            x->lead = *warn && k == 0 ? arena_printf(p->arena, "%s%s", lead, warn) : lead;
            x->blank_before = k == 0 && blank_between(p, prev, start);
            struct buf kb;
            buf_init(&kb);
            key_text(&kb, e->key, e->key_len);
            x->key = buf_text(p, &kb);
            struct buf vb;
            buf_init(&vb);
            if (as_blocks) {
                const struct gval *elem = one_map ? v : v->as.list.elems[k];
                x->block = true;
                buf_puts(&vb, "{\n");
                uint32_t end = elem->node ? elem->node->span.end : entry_end(e);
                buf_puts(&vb, free_body(p, elem, depth + 1, end));
                indent(&vb, depth);
                buf_putc(&vb, '}');
            } else {
                gval_expr(p, &vb, v, depth, true);
            }
            x->value = buf_text(p, &vb);
            x->multiline = strchr(x->value, '\n') != NULL && strncmp(x->value, "<<", 2) != 0;
        }
        prev = entry_end(e);
        es->items[es->count - 1].trail = trail_comment(p, prev);
    }
    return prev;
}

static const char *free_body(struct printer *p, const struct gval *m, int depth,
                             uint32_t body_end) {
    struct entries es = {0};
    uint32_t prev_end = free_entries(p, &es, m, depth);
    struct buf b;
    buf_init(&b);
    emit_entries(&b, &es, depth);
    buf_puts(&b, lead_comments_after(p, body_end, depth, es.count ? prev_end : 0));
    return buf_text(p, &b);
}

/* ---- Nomad stanza bodies ------------------------------------------------ */

/* keys whose value is a map[string]string (or []string) that HCL1 merges */
static bool map_stanza(const char *key) {
    static const char *const names[] = {"meta", "env", "canary_meta", "options", "header",
                                        NULL};
    for (size_t i = 0; names[i]; i++)
        if (strcasecmp(key, names[i]) == 0)
            return true;
    return false;
}

/* keys whose value is a map[string]interface{} with no schema */
static bool free_stanza(const char *key) {
    return strcasecmp(key, "config") == 0 || strcasecmp(key, "policy") == 0;
}

static const char *lower(struct printer *p, const char *key, size_t len) {
    char *s = arena_strndup(p->arena, key, len);
    for (char *c = s; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return s;
}

static const char *struct_body(struct printer *p, const struct hcl_object *body, int depth,
                               const char *parent, uint32_t body_end);

static bool same_key(const struct hcl_item *a, const struct hcl_item *b) {
    return a->keys[0].len == b->keys[0].len &&
           strncasecmp(a->keys[0].text, b->keys[0].text, a->keys[0].len) == 0;
}

static struct gval *merged_map(struct printer *p, const struct hcl_object *body, size_t from,
                               bool *ok) {
    struct gval *into = arena_alloc(p->arena, sizeof *into);
    into->kind = GVAL_MAP;
    const struct hcl_item *first = body->items[from];
    for (size_t i = from; i < body->count; i++) {
        const struct hcl_item *it = body->items[i];
        if (!same_key(it, first) || it->key_count != 1)
            continue;
        if (it->value->kind != HCL_OBJECT) {
            *ok = false;
            continue;
        }
        struct diag_list quiet;
        diag_list_init(&quiet);
        struct gval *m = hcl_decode_object(p->arena, p->src, &it->value->as.object, &quiet);
        diag_list_free(&quiet);
        if (!m) {
            *ok = false;
            continue;
        }
        if (!into->node)
            into->node = m->node;
        for (size_t k = 0; k < m->as.map.count; k++) {
            struct gval_entry *e = &m->as.map.entries[k];
            size_t j = 0;
            while (j < into->as.map.count &&
                   !(into->as.map.entries[j].key_len == e->key_len &&
                     memcmp(into->as.map.entries[j].key, e->key, e->key_len) == 0))
                j++;
            if (j < into->as.map.count) {
                into->as.map.entries[j].value = e->value;
                continue;
            }
            if (into->as.map.count == into->as.map.cap) {
                size_t cap = into->as.map.cap ? into->as.map.cap * 2 : 8;
                into->as.map.entries = arena_grow(p->arena, into->as.map.entries,
                                                  into->as.map.count, cap,
                                                  sizeof *into->as.map.entries);
                into->as.map.cap = cap;
            }
            into->as.map.entries[into->as.map.count++] = *e;
        }
    }
    return into;
}

static uint32_t last_end(const struct hcl_object *body, size_t from) {
    uint32_t end = hcl_item_span(body->items[from]).end;
    for (size_t i = from + 1; i < body->count; i++)
        if (same_key(body->items[i], body->items[from]) && hcl_item_span(body->items[i]).end > end)
            end = hcl_item_span(body->items[i]).end;
    return end;
}

/* `key = value` of a stanza attribute, straight from the tree */
static void tree_expr(struct printer *p, struct buf *out, const struct hcl_value *v, int depth,
                      bool top) {
    switch (v->kind) {
    case HCL_STRING:
    case HCL_HEREDOC:
        put_string_value(p, out, v, v->as.string.text, v->as.string.len, top);
        break;
    case HCL_NUMBER:
    case HCL_FLOAT:
        put_number(p, out, v);
        break;
    case HCL_BOOL:
        buf_puts(out, v->as.boolean ? "true" : "false");
        break;
    case HCL_LIST: {
        struct buf one;
        buf_init(&one);
        buf_putc(&one, '[');
        for (size_t i = 0; i < v->as.list.count; i++) {
            if (i)
                buf_puts(&one, ", ");
            tree_expr(p, &one, v->as.list.elems[i], depth, false);
        }
        buf_putc(&one, ']');
        const char *text = buf_text(p, &one);
        if (short_list(text)) {
            buf_puts(out, text);
            break;
        }
        buf_puts(out, "[\n");
        for (size_t i = 0; i < v->as.list.count; i++) {
            indent(out, depth + 1);
            tree_expr(p, out, v->as.list.elems[i], depth + 1, false);
            buf_puts(out, ",\n");
        }
        indent(out, depth);
        buf_putc(out, ']');
        break;
    }
    case HCL_OBJECT: {
        struct diag_list quiet;
        diag_list_init(&quiet);
        struct gval *m = hcl_decode_object(p->arena, p->src, &v->as.object, &quiet);
        diag_list_free(&quiet);
        if (m)
            map_expr(p, out, m, depth);
        else
            buf_puts(out, "{}");
        break;
    }
    }
}

static bool all_objects(const struct hcl_value *v) {
    if (v->kind != HCL_LIST || v->as.list.count == 0)
        return false;
    for (size_t i = 0; i < v->as.list.count; i++)
        if (v->as.list.elems[i]->kind != HCL_OBJECT)
            return false;
    return true;
}

/* how many labels Nomad 0.12 reads on a block of this type */
static size_t label_count(const char *type) {
    static const char *const one[] = {"job", "group", "task", "port", "volume", "device",
                                      "region", "target", "envoy_gateway_bind_addresses", NULL};
    for (size_t i = 0; one[i]; i++)
        if (strcmp(type, one[i]) == 0)
            return 1;
    return 0;
}

static const char *dropped_labels(struct printer *p, const struct hcl_item *it, int depth) {
    const char *type = lower(p, it->keys[0].text, it->keys[0].len);
    size_t want = label_count(type);
    if (it->key_count <= want + 1)
        return "";
    struct span s = {it->keys[want + 1].span.start, it->keys[it->key_count - 1].span.end};
    diag_add(p->diags, RULE_MIG011, p->src, s,
             "Nomad 0.12 ignores the labels after `%s`%s; HCL2 refuses them: they are left out",
             type, want ? " and its name" : "");
    struct buf b;
    buf_init(&b);
    indent(&b, depth);
    buf_printf(&b, "# MIG011: labels Nomad 0.12 ignores are left out:");
    for (size_t k = want + 1; k < it->key_count; k++)
        buf_printf(&b, " \"%.*s\"", (int)it->keys[k].len, it->keys[k].text);
    buf_putc(&b, '\n');
    return buf_text(p, &b);
}

static const char *block_head(struct printer *p, const struct hcl_item *it) {
    struct buf b;
    buf_init(&b);
    const char *type = lower(p, it->keys[0].text, it->keys[0].len);
    buf_puts(&b, type);
    size_t want = label_count(type);
    for (size_t k = 1; k < it->key_count && k <= want; k++) {
        buf_putc(&b, ' ');
        mig_hcl2_string(&b, it->keys[k].text, it->keys[k].len);
    }
    return buf_text(p, &b);
}

static const char *block_value(struct printer *p, const struct hcl_object *body, int depth,
                               const char *type, uint32_t end) {
    const char *inner = struct_body(p, body, depth + 1, type, end);
    if (!*inner)
        return "{}";
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "{\n");
    buf_puts(&b, inner);
    indent(&b, depth);
    buf_putc(&b, '}');
    return buf_text(p, &b);
}

/* meta/env/…: a block when every key is an identifier, else the map
 * attribute Nomad 1.x accepts for job/group/task meta and task env */
static void map_entry(struct printer *p, struct entries *es, const struct hcl_object *body,
                      size_t i, int depth, const char *parent, uint32_t prev) {
    const struct hcl_item *it = body->items[i];
    const char *key = lower(p, it->keys[0].text, it->keys[0].len);
    bool ok = true;
    struct gval *m = merged_map(p, body, i, &ok);
    struct entry *x = entries_add(p, es);
    x->lead = lead_comments(p, hcl_item_span(it).start, depth);
    x->blank_before = blank_between(p, prev, hcl_item_span(it).start);
    x->key = key;
    uint32_t end = last_end(body, i);
    if (keys_are_idents(m)) {
        x->block = true;
        struct buf b;
        buf_init(&b);
        buf_puts(&b, "{\n");
        buf_puts(&b, free_body(p, m, depth + 1, end));
        indent(&b, depth);
        buf_putc(&b, '}');
        x->value = buf_text(p, &b);
    } else {
        bool attr_ok = (strcmp(key, "meta") == 0 &&
                        (strcmp(parent, "job") == 0 || strcmp(parent, "group") == 0 ||
                         strcmp(parent, "task") == 0)) ||
                       (strcmp(key, "env") == 0 && strcmp(parent, "task") == 0);
        if (!attr_ok)
            x->lead = arena_printf(
                p->arena, "%s%s", x->lead,
                no_common_form(p, it->keys[0].span, depth,
                               arena_printf(p->arena, "`%s` has a key that is not an HCL2 "
                                                      "identifier, and Nomad 1.x reads `%s` "
                                                      "only as a block here", key, key)));
        struct buf b;
        buf_init(&b);
        map_expr(p, &b, m, depth);
        x->value = buf_text(p, &b);
        x->multiline = true;
        x->lead = arena_printf(p->arena, "%s%s", x->lead, lead_comments(p, end, depth));
    }
    x->trail = trail_comment(p, end);
}

static const char *struct_body(struct printer *p, const struct hcl_object *body, int depth,
                               const char *parent, uint32_t body_end) {
    struct entries es = {0};
    bool *done = arena_array(p->arena, body->count ? body->count : 1, sizeof *done);
    uint32_t prev = 0;
    for (size_t i = 0; i < body->count; i++) {
        if (done[i])
            continue;
        const struct hcl_item *it = body->items[i];
        const char *key = lower(p, it->keys[0].text, it->keys[0].len);
        const struct hcl_value *v = it->value;
        bool mergeable = map_stanza(key) || free_stanza(key);
        if (mergeable && it->key_count == 1 && v->kind == HCL_OBJECT) {
            for (size_t j = i + 1; j < body->count; j++)
                if (same_key(body->items[j], it) && body->items[j]->key_count == 1 &&
                    body->items[j]->value->kind == HCL_OBJECT)
                    done[j] = true;
            if (map_stanza(key)) {
                map_entry(p, &es, body, i, depth, parent, prev);
            } else {
                bool ok = true;
                struct gval *m = merged_map(p, body, i, &ok);
                struct entry *x = entries_add(p, &es);
                x->lead = lead_comments(p, hcl_item_span(it).start, depth);
                x->blank_before = blank_between(p, prev, hcl_item_span(it).start);
                x->key = key;
                x->block = true;
                uint32_t end = last_end(body, i);
                struct buf b;
                buf_init(&b);
                buf_puts(&b, "{\n");
                buf_puts(&b, free_body(p, m, depth + 1, end));
                indent(&b, depth);
                buf_putc(&b, '}');
                x->value = buf_text(p, &b);
                x->trail = trail_comment(p, end);
            }
            prev = last_end(body, i);
            continue;
        }
        if (mergeable && it->key_count > 1) { /* Nomad 0.12 ignores the whole block */
            diag_add(p->diags, RULE_MIG011, p->src, it->keys[1].span,
                     "Nomad 0.12 ignores this labelled `%s` block; HCL2 refuses it: it is left "
                     "out", key);
            struct entry *x = entries_add(p, &es);
            x->lead = lead_comments(p, hcl_item_span(it).end, depth);
            x->key = arena_printf(p->arena, "# MIG011: a labelled `%s` block Nomad 0.12 ignores "
                                  "is left out", key);
            x->block = true;
            x->value = "";
            prev = hcl_item_span(it).end;
            continue;
        }
        if (v->kind == HCL_OBJECT || all_objects(v)) {
            size_t n = v->kind == HCL_OBJECT ? 1 : v->as.list.count;
            for (size_t k = 0; k < n; k++) {
                const struct hcl_value *obj = v->kind == HCL_OBJECT ? v : v->as.list.elems[k];
                struct entry *x = entries_add(p, &es);
                x->lead = lead_comments(p, k ? obj->span.start : hcl_item_span(it).start, depth);
                if (k == 0)
                    x->lead = arena_printf(p->arena, "%s%s", x->lead,
                                           dropped_labels(p, it, depth));
                x->blank_before = k == 0 && blank_between(p, prev, hcl_item_span(it).start);
                x->key = block_head(p, it);
                x->block = true;
                x->value = block_value(p, &obj->as.object, depth, key, obj->span.end);
            }
            prev = hcl_item_span(it).end;
            if (n > 0) /* always: all_objects() is false for an empty list */
                es.items[es.count - 1].trail = trail_comment(p, prev);
            continue;
        }
        /* an attribute: repeated ones merge as HCL1 does (lists concatenate,
         * otherwise the last one wins) */
        const struct hcl_item *last = it;
        bool lists = v->kind == HCL_LIST;
        size_t total = lists ? v->as.list.count : 0;
        for (size_t j = i + 1; j < body->count; j++)
            if (same_key(body->items[j], it) && body->items[j]->key_count == 1 &&
                body->items[j]->value->kind != HCL_OBJECT && !all_objects(body->items[j]->value)) {
                done[j] = true;
                last = body->items[j];
                if (last->value->kind == HCL_LIST)
                    total += last->value->as.list.count;
                else
                    lists = false;
            }
        const struct hcl_value *value = last->value;
        if (lists && last != it) {
            struct hcl_value *cat = arena_alloc(p->arena, sizeof *cat);
            cat->kind = HCL_LIST;
            cat->span = v->span;
            cat->as.list.elems = arena_array(p->arena, total ? total : 1, sizeof *cat->as.list.elems);
            for (size_t j = i; j < body->count; j++)
                if ((j == i || done[j]) && same_key(body->items[j], it) &&
                    body->items[j]->value->kind == HCL_LIST)
                    for (size_t k = 0; k < body->items[j]->value->as.list.count; k++)
                        cat->as.list.elems[cat->as.list.count++] =
                            body->items[j]->value->as.list.elems[k];
            value = cat;
        }
        struct entry *x = entries_add(p, &es);
        x->lead = lead_comments(p, hcl_item_span(it).start, depth);
        x->blank_before = blank_between(p, prev, hcl_item_span(it).start);
        struct buf kb;
        buf_init(&kb);
        if (it->key_count > 1) {
            x->lead = arena_printf(p->arena, "%s%s", x->lead,
                                   no_common_form(p, it->keys[1].span, depth,
                                                  "a labelled attribute"));
        }
        key_text(&kb, key, strlen(key));
        x->key = buf_text(p, &kb);
        struct buf vb;
        buf_init(&vb);
        tree_expr(p, &vb, value, depth, true);
        x->value = buf_text(p, &vb);
        x->multiline = strchr(x->value, '\n') != NULL && strncmp(x->value, "<<", 2) != 0;
        prev = hcl_item_span(last).end;
        x->lead = arena_printf(p->arena, "%s%s", x->lead, lead_comments(p, hcl_item_span(it).end, depth));
        x->trail = trail_comment(p, hcl_item_span(last).end);
    }
    struct buf b;
    buf_init(&b);
    emit_entries(&b, &es, depth);
    buf_puts(&b, lead_comments_after(p, body_end, depth, es.count ? prev : 0));
    return buf_text(p, &b);
}

void mig_hcl2_print(struct arena *arena, const struct hcl_file *file, struct buf *out,
                    struct diag_list *diags) {
    struct printer p = {arena, file, file->src, diags, 0};
    buf_puts(out, struct_body(&p, &file->root->as.object, 0, "", file->root->span.end));
    buf_puts(out, lead_comments(&p, (uint32_t)file->src->len + 1, 0));
}

/* ---- API JSON jobs -------------------------------------------------------- */

/* Go's time.Duration.String */
static const char *go_duration(struct arena *arena, int64_t ns) {
    if (ns == 0)
        return "0s";
    bool neg = ns < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)ns : (uint64_t)ns;
    char buf[64];
    int w = (int)sizeof buf - 1;
    buf[w] = '\0';
    if (u < 1000000000ULL) {
        const char *unit = "ns";
        int prec = 0;
        if (u >= 1000000ULL) {
            unit = "ms";
            prec = 6;
        } else if (u >= 1000ULL) {
            unit = "\xc2\xb5s";
            prec = 3;
        }
        char num[40];
        uint64_t whole, frac, div = 1;
        for (int i = 0; i < prec; i++)
            div *= 10;
        whole = u / div;
        frac = u % div;
        int n = snprintf(num, sizeof num, "%" PRIu64, whole);
        if (frac) {
            char f[16];
            snprintf(f, sizeof f, "%0*" PRIu64, prec, frac);
            size_t fl = strlen(f);
            while (fl > 0 && f[fl - 1] == '0')
                f[--fl] = '\0';
            snprintf(num + n, sizeof num - (size_t)n, ".%s", f);
        }
        return arena_printf(arena, "%s%s%s", neg ? "-" : "", num, unit);
    }
    uint64_t secs = u / 1000000000ULL, frac = u % 1000000000ULL;
    struct buf b;
    buf_init(&b);
    if (neg)
        buf_putc(&b, '-');
    uint64_t h = secs / 3600, m = (secs / 60) % 60, sec = secs % 60;
    if (h)
        buf_printf(&b, "%" PRIu64 "h", h);
    if (h || m)
        buf_printf(&b, "%" PRIu64 "m", m);
    buf_printf(&b, "%" PRIu64, sec);
    if (frac) {
        char f[16];
        snprintf(f, sizeof f, "%09" PRIu64, frac);
        size_t fl = strlen(f);
        while (fl > 0 && f[fl - 1] == '0')
            f[--fl] = '\0';
        buf_printf(&b, ".%s", f);
    }
    buf_putc(&b, 's');
    const char *out = arena_strndup(arena, b.data, b.len);
    buf_free(&b);
    return out;
}

static const struct {
    const char *name, *key;
} api_keys[] = {
    {"TaskGroups", "group"},        {"Tasks", "task"},
    {"Constraints", "constraint"},  {"Affinities", "affinity"},
    {"Spreads", "spread"},          {"Networks", "network"},
    {"Services", "service"},        {"Checks", "check"},
    {"Artifacts", "artifact"},      {"Templates", "template"},
    {"VolumeMounts", "volume_mount"}, {"Devices", "device"},
    {"Volumes", "volume"},          {"RestartPolicy", "restart"},
    {"ReschedulePolicy", "reschedule"}, {"EphemeralDisk", "ephemeral_disk"},
    {"DispatchPayload", "dispatch_payload"}, {"ParameterizedJob", "parameterized"},
    {"Upstreams", "upstreams"},     {"Listeners", "listener"},
    {"Regions", "region"},          {"CanaryMeta", "canary_meta"},
    {"Spec", "cron"},               {"Header", "header"},
};

/* API fields a job file cannot set (server state, derived values) */
static bool api_only(const struct nomad_schema *s, const char *name) {
    static const char *const job[] = {"ID", "Name", "ParentID", "Dispatched", "Payload", "Stop",
                                      "Status", "StatusDescription", "Stable", "Version",
                                      "SubmitTime", "CreateIndex", "ModifyIndex",
                                      "JobModifyIndex", "NomadTokenID", "VaultNamespace", NULL};
    if (s == &nomad_schema_job) {
        for (size_t i = 0; job[i]; i++)
            if (strcmp(job[i], name) == 0)
                return true;
        return false;
    }
    if (s == &nomad_schema_scaling)
        return strcmp(name, "ID") == 0 || strcmp(name, "Namespace") == 0 ||
               strcmp(name, "Target") == 0 || strcmp(name, "CreateIndex") == 0 ||
               strcmp(name, "ModifyIndex") == 0;
    if (s == &nomad_schema_periodic)
        return strcmp(name, "SpecType") == 0;
    if (s == &nomad_schema_service || s == &nomad_schema_check)
        return strcmp(name, "Id") == 0;
    if (s == &nomad_schema_task)
        return strcmp(name, "Kind") == 0;
    if (s == &nomad_schema_network)
        return strcmp(name, "Device") == 0 || strcmp(name, "CIDR") == 0 ||
               strcmp(name, "IP") == 0;
    return false;
}

/* the block label of a struct: the field written as a label, or NULL */
static const char *api_label_field(const struct nomad_schema *s) {
    if (s == &nomad_schema_group || s == &nomad_schema_task || s == &nomad_schema_volume ||
        s == &nomad_schema_multiregion_region || s == &nomad_schema_device ||
        s == &nomad_schema_bind_address)
        return "Name";
    if (s == &nomad_schema_port)
        return "Label";
    if (s == &nomad_schema_spread_target)
        return "Value";
    return NULL;
}

static const char *api_key(struct printer *p, const struct nomad_field *f) {
    for (size_t i = 0; i < sizeof api_keys / sizeof *api_keys; i++)
        if (strcmp(api_keys[i].name, f->name) == 0)
            return api_keys[i].key;
    if (f->tag)
        return f->tag;
    return lower(p, f->name, strlen(f->name));
}

static const char *api_block(struct printer *p, const struct nomad_schema *s, const void *obj,
                             int depth);

static struct span field_span(const struct nomad_field *f, const char *at) {
    switch (f->kind) {
    case NOMAD_STRING: case NOMAD_BYTES: return ((const struct nomad_string *)at)->span;
    case NOMAD_INT: case NOMAD_UINT: case NOMAD_INT8: case NOMAD_UINT8:
        return ((const struct nomad_int *)at)->span;
    case NOMAD_BOOL: return ((const struct nomad_bool *)at)->span;
    case NOMAD_DURATION: return ((const struct nomad_duration *)at)->span;
    default: return span_make(0, 0);
    }
}

static struct entry *api_attr(struct printer *p, struct entries *es, const char *key) {
    struct entry *x = entries_add(p, es);
    x->key = key;
    return x;
}

static const char *nstr(struct printer *p, const struct nomad_string *str) {
    struct buf b;
    buf_init(&b);
    mig_hcl2_string(&b, str->text ? str->text : "", str->len);
    return buf_text(p, &b);
}

static const char *nstrings(struct printer *p, const struct nomad_strings *l, int depth) {
    struct buf one;
    buf_init(&one);
    buf_putc(&one, '[');
    for (size_t i = 0; i < l->count; i++) {
        if (i)
            buf_puts(&one, ", ");
        mig_hcl2_string(&one, l->items[i].text ? l->items[i].text : "", l->items[i].len);
    }
    buf_putc(&one, ']');
    const char *text = buf_text(p, &one);
    if (short_list(text))
        return text;
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "[\n");
    for (size_t i = 0; i < l->count; i++) {
        indent(&b, depth + 1);
        mig_hcl2_string(&b, l->items[i].text ? l->items[i].text : "", l->items[i].len);
        buf_puts(&b, ",\n");
    }
    indent(&b, depth);
    buf_putc(&b, ']');
    return buf_text(p, &b);
}

/* a map[string]string (meta, env, options): a block when the keys are
 * identifiers, else a map attribute (Nomad 1.x: job/group/task meta, env) */
static void api_map(struct printer *p, struct entries *es, const char *key,
                    const struct nomad_map *m, int depth, const struct nomad_schema *owner) {
    bool idents = true;
    for (size_t i = 0; i < m->count; i++)
        if (!mig_hcl2_ident(m->entries[i].key.text, m->entries[i].key.len))
            idents = false;
    struct entry *x = api_attr(p, es, key);
    struct buf b;
    buf_init(&b);
    if (idents) {
        x->block = true;
        buf_puts(&b, "{\n");
        struct entries inner = {0};
        for (size_t i = 0; i < m->count; i++) {
            struct entry *y = api_attr(p, &inner, arena_strndup(p->arena, m->entries[i].key.text,
                                                                m->entries[i].key.len));
            y->value = nstr(p, &m->entries[i].value);
        }
        emit_entries(&b, &inner, depth + 1);
        indent(&b, depth);
        buf_putc(&b, '}');
    } else {
        bool attr_ok = (strcmp(key, "meta") == 0 &&
                        (owner == &nomad_schema_job || owner == &nomad_schema_group ||
                         owner == &nomad_schema_task)) ||
                       (strcmp(key, "env") == 0 && owner == &nomad_schema_task);
        if (!attr_ok)
            x->lead = no_common_form(p, m->span, depth,
                                     arena_printf(p->arena, "`%s` has a key that is not an HCL2 "
                                                  "identifier, and Nomad 1.x reads `%s` only as "
                                                  "a block here", key, key));
        buf_puts(&b, "{\n");
        size_t width = 0;
        for (size_t i = 0; i < m->count; i++) {
            struct buf k;
            buf_init(&k);
            key_text(&k, m->entries[i].key.text, m->entries[i].key.len);
            if (k.len > width)
                width = k.len;
            buf_free(&k);
        }
        for (size_t i = 0; i < m->count; i++) {
            struct buf k;
            buf_init(&k);
            key_text(&k, m->entries[i].key.text, m->entries[i].key.len);
            indent(&b, depth + 1);
            buf_printf(&b, "%-*s = %s\n", (int)width, buf_text(p, &k),
                       nstr(p, &m->entries[i].value));
        }
        indent(&b, depth);
        buf_putc(&b, '}');
        x->multiline = true;
    }
    x->value = buf_text(p, &b);
}

static void api_headers(struct printer *p, struct entries *es, const struct nomad_headers *h,
                        int depth) {
    struct entry *x = api_attr(p, es, "header");
    x->block = true;
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "{\n");
    struct entries inner = {0};
    for (size_t i = 0; i < h->count; i++) {
        const struct nomad_string *n = &h->entries[i].name;
        if (!mig_hcl2_ident(n->text, n->len))
            x->lead = no_common_form(p, n->span, depth, "a check header name that is not an "
                                                        "HCL2 identifier");
        struct buf k;
        buf_init(&k);
        key_text(&k, n->text, n->len);
        struct entry *y = api_attr(p, &inner, buf_text(p, &k));
        y->value = nstrings(p, &h->entries[i].values, depth + 1);
        y->multiline = strchr(y->value, '\n') != NULL;
    }
    emit_entries(&b, &inner, depth + 1);
    indent(&b, depth);
    buf_putc(&b, '}');
    x->value = buf_text(p, &b);
}

static void api_constraint(struct printer *p, struct entries *es, const char *key,
                           const struct nomad_string *l, const struct nomad_string *r,
                           const struct nomad_string *op, const struct nomad_int *weight,
                           int depth) {
    struct entry *x = api_attr(p, es, key);
    x->block = true;
    struct entries inner = {0};
    if (l->set && l->len)
        api_attr(p, &inner, "attribute")->value = nstr(p, l);
    if (op->set && op->len)
        api_attr(p, &inner, "operator")->value = nstr(p, op);
    else if (strcmp(key, "constraint") == 0)
        x->lead = no_common_form(p, op->set ? op->span : l->span, depth,
                                 "an empty constraint operand (a job file gives \"=\")");
    if (r->set && r->len)
        api_attr(p, &inner, "value")->value = nstr(p, r);
    if (weight && weight->set)
        api_attr(p, &inner, "weight")->value = arena_printf(p->arena, "%" PRId64, weight->value);
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "{\n");
    emit_entries(&b, &inner, depth + 1);
    indent(&b, depth);
    buf_putc(&b, '}');
    x->value = buf_text(p, &b);
}

static void api_ports(struct printer *p, struct entries *es, const struct nomad_list *l,
                      bool reserved, int depth) {
    for (size_t i = 0; i < l->count; i++) {
        const struct nomad_port *port = l->items[i];
        struct entry *x = api_attr(p, es, arena_printf(p->arena, "port %s",
                                                       nstr(p, &port->label)));
        x->block = true;
        struct entries inner = {0};
        if (reserved || port->value.value)
            api_attr(p, &inner, "static")->value =
                arena_printf(p->arena, "%" PRId64, port->value.value);
        if (port->to.set && port->to.value)
            api_attr(p, &inner, "to")->value = arena_printf(p->arena, "%" PRId64, port->to.value);
        if (port->host_network.set && port->host_network.len)
            api_attr(p, &inner, "host_network")->value = nstr(p, &port->host_network);
        struct buf b;
        buf_init(&b);
        buf_puts(&b, "{\n");
        emit_entries(&b, &inner, depth + 1);
        indent(&b, depth);
        buf_putc(&b, '}');
        x->value = inner.count ? buf_text(p, &b) : (buf_free(&b), "{}");
    }
}

static void api_fields(struct printer *p, struct entries *es, const struct nomad_schema *s,
                       const void *obj, int depth) {
    const char *label = api_label_field(s);
    for (size_t i = 0; i < s->count; i++) {
        const struct nomad_field *f = &s->fields[i];
        const char *at = (const char *)obj + f->offset;
        if (!nomad_field_is_set(f, at) || (label && strcmp(f->name, label) == 0))
            continue;
        if (api_only(s, f->name)) {
            bool empty = (f->kind == NOMAD_BOOL && !((const struct nomad_bool *)at)->value) ||
                         (f->kind == NOMAD_STRING && ((const struct nomad_string *)at)->len == 0) ||
                         strcmp(f->name, "ID") == 0 || strcmp(f->name, "Name") == 0 ||
                         f->kind == NOMAD_UINT || f->kind == NOMAD_INT;
            if (!empty)
                diag_add(p->diags, RULE_MIG010, p->src, field_span(f, at),
                         "the API field %s has no job file form; it is left out", f->name);
            continue;
        }
        const char *key = api_key(p, f);
        switch (f->kind) {
        case NOMAD_STRING:
        case NOMAD_BYTES:
            api_attr(p, es, key)->value = nstr(p, (const struct nomad_string *)at);
            break;
        case NOMAD_INT: case NOMAD_UINT: case NOMAD_INT8: case NOMAD_UINT8:
            api_attr(p, es, key)->value =
                arena_printf(p->arena, "%" PRId64, ((const struct nomad_int *)at)->value);
            break;
        case NOMAD_BOOL:
            api_attr(p, es, key)->value = ((const struct nomad_bool *)at)->value ? "true" : "false";
            break;
        case NOMAD_DURATION: {
            struct buf b;
            buf_init(&b);
            const char *d = go_duration(p->arena, ((const struct nomad_duration *)at)->ns);
            mig_hcl2_string(&b, d, strlen(d));
            api_attr(p, es, key)->value = buf_text(p, &b);
            break;
        }
        case NOMAD_STRINGS: {
            struct entry *x = api_attr(p, es, key);
            x->value = nstrings(p, (const struct nomad_strings *)at, depth);
            x->multiline = strchr(x->value, '\n') != NULL;
            break;
        }
        case NOMAD_MAP:
            api_map(p, es, key, (const struct nomad_map *)at, depth, s);
            break;
        case NOMAD_HEADERS:
            api_headers(p, es, (const struct nomad_headers *)at, depth);
            break;
        case NOMAD_OPAQUE: {
            const struct gval *g = ((const struct nomad_opaque *)at)->value;
            struct entry *x = api_attr(p, es, key);
            x->block = true;
            struct buf b;
            buf_init(&b);
            buf_puts(&b, "{\n");
            buf_puts(&b, free_body(p, g, depth + 1, 0));
            indent(&b, depth);
            buf_putc(&b, '}');
            x->value = buf_text(p, &b);
            break;
        }
        case NOMAD_STRUCT: {
            struct entry *x = api_attr(p, es, key);
            x->block = true;
            x->value = api_block(p, f->sub, *(const void *const *)at, depth);
            break;
        }
        case NOMAD_LIST:
        case NOMAD_NAMED_MAP: {
            const struct nomad_list *l = (const struct nomad_list *)at;
            if (f->sub == &nomad_schema_port) {
                api_ports(p, es, l, strcmp(f->name, "ReservedPorts") == 0, depth);
                break;
            }
            for (size_t k = 0; k < l->count; k++) {
                const void *item = l->items[k];
                if (f->sub == &nomad_schema_constraint) {
                    const struct nomad_constraint *c = item;
                    api_constraint(p, es, key, &c->ltarget, &c->rtarget, &c->operand, NULL, depth);
                    continue;
                }
                if (f->sub == &nomad_schema_affinity) {
                    const struct nomad_affinity *a = item;
                    api_constraint(p, es, key, &a->ltarget, &a->rtarget, &a->operand, &a->weight,
                                   depth);
                    continue;
                }
                const char *lf = api_label_field(f->sub);
                const char *head = key;
                if (lf) {
                    const struct nomad_field *lfield =
                        nomad_schema_find_json(f->sub, lf, strlen(lf));
                    head = arena_printf(p->arena, "%s %s", key,
                                        nstr(p, (const struct nomad_string *)((const char *)item +
                                                                             lfield->offset)));
                }
                struct entry *x = api_attr(p, es, head);
                x->block = true;
                x->value = api_block(p, f->sub, item, depth);
            }
            break;
        }
        }
        if (es->count)
            es->items[es->count - 1].multiline |= strchr(es->items[es->count - 1].value ?
                                                         es->items[es->count - 1].value : "",
                                                         '\n') != NULL;
    }
}

static const char *api_block(struct printer *p, const struct nomad_schema *s, const void *obj,
                             int depth) {
    struct entries all = {0};
    api_fields(p, &all, s, obj, depth + 1);
    if (all.count == 0)
        return "{}";
    struct entries es = {0}; /* attributes first, then blocks */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < all.count; i++)
            if (all.items[i].block == (pass == 1))
                *entries_add(p, &es) = all.items[i];
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "{\n");
    emit_entries(&b, &es, depth + 1);
    indent(&b, depth);
    buf_putc(&b, '}');
    return buf_text(p, &b);
}

void mig_hcl2_print_api(struct arena *arena, const struct job_input *in, struct buf *out,
                        struct diag_list *diags) {
    static const struct hcl_file no_file;
    struct printer p = {arena, &no_file, in->src, diags, 0};
    const struct nomad_job *job = in->job;
    struct entries es = {0};
    struct entry *x = entries_add(&p, &es);
    x->block = true;
    const struct nomad_string *id = job->id.set ? &job->id : &job->name;
    x->key = arena_printf(arena, "job %s", nstr(&p, id));
    struct entries inner = {0};
    if (job->name.set && job->id.set &&
        (job->name.len != job->id.len || memcmp(job->name.text, job->id.text, job->id.len) != 0))
        api_attr(&p, &inner, "name")->value = nstr(&p, &job->name);
    struct entries all = {0};
    api_fields(&p, &all, &nomad_schema_job, job, 1);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < all.count; i++)
            if (all.items[i].block == (pass == 1))
                *entries_add(&p, &inner) = all.items[i];
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "{\n");
    emit_entries(&b, &inner, 1);
    buf_putc(&b, '}');
    x->value = buf_text(&p, &b);
    emit_entries(out, &es, 0);
}
