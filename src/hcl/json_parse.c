/* json_parse.c — hcl_parse_json: the HCL-JSON form as HCL1 reads it.
 *
 * A port of HashiCorp HCL1's json/parser with an explicit stack instead of
 * recursion (depth limited to HCL_MAX_DEPTH). The reference's behaviour is
 * kept exactly, quirks included:
 *  - an object ends at the first token after a member that is not `,`
 *    (a missing comma drops the rest; the token is consumed);
 *  - a parse error whose current token is `}` is ignored by the innermost
 *    object, which keeps the members read so far (`{"a":}` is `{}`);
 *  - in arrays, booleans are dropped and `[` is ignored, so a nested array
 *    is spliced into its parent and its `]` ends the parent;
 *  - `null` is an empty string as a member value and an error in arrays;
 *  - end of input ends every open object; what follows the top-level
 *    object is never read;
 *  - the scanner's last error wins over a parser error.
 * Then flattenObjects (json_flatten.c) rewrites the tree. Where the
 * reference silently misreads the input, an HCL004 warning says so. */
#include "hcl/json_flatten.h"
#include "hcl/json_scan.h"
#include "hcl/json_unquote.h"
#include "hcl/parse.h"

#include "util/arena.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum frame_kind { FRAME_OBJECT, FRAME_LIST };

enum object_state {
    OBJECT_KEYS,  /* reading the keys of a member */
    OBJECT_AFTER, /* a member is complete: `,` or the object ends */
    OBJECT_VALUE, /* waiting for a nested value (a child frame) */
};

struct frame {
    enum frame_kind kind;
    enum object_state state;
    struct hcl_value *value;   /* the object or list being built */
    size_t cap;                /* capacity of its items/elems */
    /* the member being read (objects) */
    struct hcl_key *keys;
    size_t key_count, key_cap;
    uint32_t assign_at; /* the `:` */
    uint32_t last_end;         /* end of the last member read */
};

struct pending_warning {
    struct span span;
    char *message;
};

struct json_parser {
    struct arena *arena;
    const struct source *src;
    struct diag_list *diags;
    struct json_scanner sc;
    struct json_token tok;
    size_t tok_index;
    struct frame *stack;
    size_t depth;
    /* the outcome */
    bool failed;               /* a parser error stopped the parse */
    enum rule_id rule;
    struct span error_span;
    char *error;
    bool bad_escape;           /* a string Go's Unquote refuses */
    struct span bad_escape_span;
    /* warnings, given only when the parse succeeds */
    struct pending_warning *warnings;
    size_t warning_count, warning_cap;
    bool warned_eof;
    size_t abnormal_end_index; /* token that ended an object early, +1 */
};

static struct span tok_span(const struct json_token *t) { return span_make(t->start, t->end); }

static void warn(struct json_parser *p, struct span span, const char *format, const char *arg)
    __attribute__((format(printf, 3, 0)));

static void warn(struct json_parser *p, struct span span, const char *format, const char *arg) {
    if (p->warning_count == p->warning_cap) {
        size_t cap = p->warning_cap ? 2 * p->warning_cap : 8;
        p->warnings = arena_grow(p->arena, p->warnings, p->warning_count, cap,
                                 sizeof *p->warnings);
        p->warning_cap = cap;
    }
    struct pending_warning *w = &p->warnings[p->warning_count++];
    w->span = span;
    w->message = arena_printf(p->arena, format, arg);
}

static void scan(struct json_parser *p) {
    p->tok = json_scan(&p->sc);
    p->tok_index++;
}

static void fail(struct json_parser *p, enum rule_id rule, struct span span, char *message) {
    p->failed = true;
    p->rule = rule;
    p->error_span = span;
    p->error = message;
}

/* The token as the reference prints it with %+v: "L:C TYPE text". */
static char *token_text(struct json_parser *p) {
    const struct json_token *t = &p->tok;
    return arena_printf(p->arena, "%lld:%lld %s %.*s", (long long)t->line,
                        (long long)t->column, json_tok_name(t->type),
                        (int)(t->end - t->start), p->sc.text + t->start);
}

static struct hcl_value *new_value(struct json_parser *p, enum hcl_kind kind, struct span span) {
    struct hcl_value *v = arena_alloc(p->arena, sizeof *v);
    v->kind = kind;
    v->span = span;
    return v;
}

static const char *token_string(struct json_parser *p, size_t *len) {
    const struct json_token *t = &p->tok;
    const char *text = p->sc.text + t->start;
    size_t n = t->end - t->start;
    const char *out;
    size_t bad;
    if (p->sc.error_count > 0) {
        /* the parse fails on the scanner error anyway */
        *len = 0;
        return "";
    }
    if (!json_unquote(p->arena, text, n, &out, len, &bad) && !p->bad_escape) {
        p->bad_escape = true;
        p->bad_escape_span = span_make(t->start, t->end);
    }
    return out;
}

/* A literal from the current token (NUMBER, FLOAT, BOOL, NULL, STRING). */
static struct hcl_value *literal(struct json_parser *p) {
    const struct json_token *t = &p->tok;
    const char *text = p->sc.text + t->start;
    size_t n = t->end - t->start;
    struct hcl_value *v;
    switch (t->type) {
    case JTOK_NUMBER:
    case JTOK_FLOAT:
        v = new_value(p, t->type == JTOK_NUMBER ? HCL_NUMBER : HCL_FLOAT, tok_span(t));
        v->as.number.text = arena_strndup(p->arena, text, n);
        v->as.number.len = n;
        return v;
    case JTOK_BOOL:
        v = new_value(p, HCL_BOOL, tok_span(t));
        v->as.boolean = n == 4 && memcmp(text, "true", 4) == 0;
        return v;
    case JTOK_NULL:
        v = new_value(p, HCL_STRING, tok_span(t));
        v->as.string.text = "";
        return v;
    default:
        v = new_value(p, HCL_STRING, tok_span(t));
        size_t len;
        v->as.string.text = token_string(p, &len);
        v->as.string.len = (uint32_t)len;
        return v;
    }
}

static void object_add(struct json_parser *p, struct frame *f, struct hcl_value *value) {
    struct hcl_object *obj = &f->value->as.object;
    if (obj->count == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 4;
        obj->items = arena_grow(p->arena, obj->items, obj->count, cap, sizeof *obj->items);
        f->cap = cap;
    }
    struct hcl_item *item = hcl_item_new(p->arena, f->key_count);
    memcpy(item->keys, f->keys, f->key_count * sizeof *f->keys);
    item->key_count = f->key_count;
    item->value = value;
    item->has_assign = true;
    item->assign_at = f->assign_at;
    obj->items[obj->count++] = item;
    f->last_end = value->span.end;
    f->keys = NULL;
    f->key_count = f->key_cap = 0;
    f->state = OBJECT_AFTER;
}

static void list_add(struct json_parser *p, struct frame *f, struct hcl_value *value) {
    struct hcl_list *list = &f->value->as.list;
    if (list->count == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 4;
        list->elems = arena_grow(p->arena, list->elems, list->count, cap, sizeof *list->elems);
        f->cap = cap;
    }
    list->elems[list->count++] = value;
}

static void key_add(struct json_parser *p, struct frame *f) {
    if (f->key_count == f->key_cap) {
        size_t cap = f->key_cap ? 2 * f->key_cap : 2;
        f->keys = arena_grow(p->arena, f->keys, f->key_count, cap, sizeof *f->keys);
        f->key_cap = cap;
    }
    struct hcl_key *k = &f->keys[f->key_count++];
    size_t len;
    k->text = token_string(p, &len);
    k->len = (uint32_t)len;
    k->span = tok_span(&p->tok);
    k->quoted = true;
}

/* Opens an object or list at the current token. */
static bool push(struct json_parser *p, enum frame_kind kind) {
    if (p->depth >= HCL_MAX_DEPTH) {
        fail(p, RULE_HCL003, tok_span(&p->tok),
             arena_printf(p->arena, "nesting deeper than %d objects and arrays", HCL_MAX_DEPTH));
        return false;
    }
    struct frame *f = &p->stack[p->depth++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->state = OBJECT_KEYS;
    f->value = new_value(p, kind == FRAME_OBJECT ? HCL_OBJECT : HCL_LIST, tok_span(&p->tok));
    f->last_end = p->tok.end;
    return true;
}

/* A finished value goes to the frame below; returns it when the stack is
 * empty (the top-level object is complete). */
static struct hcl_value *deliver(struct json_parser *p, struct hcl_value *value) {
    if (p->depth == 0)
        return value;
    struct frame *parent = &p->stack[p->depth - 1];
    if (parent->kind == FRAME_OBJECT)
        object_add(p, parent, value);
    else
        list_add(p, parent, value);
    return NULL;
}

/* objectList stops: the object is complete with the members read so far.
 * `closed` is true when the current token is its `}`. */
static struct hcl_value *end_object(struct json_parser *p) {
    struct frame *f = &p->stack[--p->depth];
    struct hcl_value *v = f->value;
    const struct json_token *t = &p->tok;
    if (t->type == JTOK_RBRACE) {
        v->span.end = t->end;
    } else {
        v->span.end = f->last_end;
        if (t->type == JTOK_EOF) {
            if (!p->warned_eof) {
                p->warned_eof = true;
                warn(p, tok_span(t),
                     "input ends inside an object%s: HCL1 accepts the missing `}` and "
                     "drops an incomplete member, other JSON readers refuse the file",
                     t->end > t->start ? " (a NUL byte ends the input for HCL1)" : "");
            }
        } else {
            if (p->abnormal_end_index != p->tok_index) {
                size_t n = t->end - t->start;
                const char *text = arena_printf(p->arena, "`%.*s%s`", n > 24 ? 24 : (int)n,
                                                p->sc.text + t->start, n > 24 ? "..." : "");
                warn(p, tok_span(t),
                     "expected `,` or `}` after an object member, found %s: HCL1 ends the "
                     "object here and silently ignores the rest of it",
                     text);
            }
            /* the enclosing object usually ends on the next token too */
            p->abnormal_end_index = p->tok_index + 1;
        }
    }
    return deliver(p, v);
}

/* A parser error at the current token: ignored by the innermost object
 * when the token is `}` (returns true to go on), fatal otherwise. */
static bool parse_error(struct json_parser *p, char *message, bool benign) {
    if (p->tok.type != JTOK_RBRACE) {
        fail(p, RULE_HCL001, tok_span(&p->tok), message);
        return false;
    }
    while (p->stack[p->depth - 1].kind != FRAME_OBJECT)
        p->depth--;
    if (!benign)
        warn(p, tok_span(&p->tok),
             "%s: HCL1 ignores this error at `}` and silently drops the incomplete member",
             message);
    return true;
}

/* One step of an object frame. Returns the top-level object when done. */
static struct hcl_value *step_object(struct json_parser *p, struct frame *f, bool *stop) {
    if (f->state == OBJECT_AFTER) {
        scan(p);
        if (p->tok.type == JTOK_COMMA) {
            f->state = OBJECT_KEYS;
            return NULL;
        }
        return end_object(p);
    }
    /* objectKey */
    scan(p);
    switch (p->tok.type) {
    case JTOK_EOF:
        return end_object(p);
    case JTOK_STRING:
        key_add(p, f);
        return NULL;
    case JTOK_COLON:
        if (f->key_count > 0)
            break;
        /* fall through */
    default:
        if (!parse_error(p,
                         arena_printf(p->arena, "expected: STRING got: %s",
                                      json_tok_name(p->tok.type)),
                         p->tok.type == JTOK_RBRACE && f->key_count == 0)) {
            *stop = true;
            return NULL;
        }
        return end_object(p);
    case JTOK_ILLEGAL:
        if (!parse_error(p, arena_strdup(p->arena, "illegal"), false)) {
            *stop = true;
            return NULL;
        }
        return end_object(p);
    }
    /* objectValue */
    f->assign_at = tok_span(&p->tok).start;
    scan(p);
    switch (p->tok.type) {
    case JTOK_NUMBER: case JTOK_FLOAT: case JTOK_BOOL: case JTOK_NULL: case JTOK_STRING:
        object_add(p, f, literal(p));
        return NULL;
    case JTOK_LBRACE:
    case JTOK_LBRACK:
        f->state = OBJECT_VALUE;
        if (!push(p, p->tok.type == JTOK_LBRACE ? FRAME_OBJECT : FRAME_LIST))
            *stop = true;
        return NULL;
    case JTOK_EOF:
        return end_object(p);
    default: {
        char *message = arena_printf(p->arena, "Expected object value, got unknown token: %s",
                                     token_text(p));
        if (!parse_error(p, message, false)) {
            *stop = true;
            return NULL;
        }
        return end_object(p);
    }
    }
}

/* One step of a list frame (listType). */
static struct hcl_value *step_list(struct json_parser *p, struct frame *f, bool *stop) {
    scan(p);
    switch (p->tok.type) {
    case JTOK_NUMBER: case JTOK_FLOAT: case JTOK_STRING:
        list_add(p, f, literal(p));
        return NULL;
    case JTOK_COMMA:
        return NULL;
    case JTOK_LBRACE:
        if (!push(p, FRAME_OBJECT))
            *stop = true;
        return NULL;
    case JTOK_BOOL:
        warn(p, tok_span(&p->tok),
             "HCL1 drops booleans inside arrays: this `%s` is not part of the array",
             arena_strndup(p->arena, p->sc.text + p->tok.start, p->tok.end - p->tok.start));
        return NULL;
    case JTOK_LBRACK:
        warn(p, tok_span(&p->tok), "%s",
             "nested array: HCL1 ignores this `[`, so its elements are spliced into the "
             "enclosing array and its `]` ends the enclosing array");
        return NULL;
    case JTOK_RBRACK: {
        struct frame done = p->stack[--p->depth];
        done.value->span.end = p->tok.end;
        return deliver(p, done.value);
    }
    default:
        if (!parse_error(p,
                         arena_printf(p->arena, "unexpected token while parsing list: %s",
                                      json_tok_name(p->tok.type)),
                         false)) {
            *stop = true;
            return NULL;
        }
        return end_object(p);
    }
}

/* Parses the top-level object; NULL when the parse failed (p->failed). */
static struct hcl_value *parse_root(struct json_parser *p) {
    scan(p);
    if (p->tok.type == JTOK_EOF) {
        fail(p, RULE_HCL001, tok_span(&p->tok), arena_strdup(p->arena, "EOF token found"));
        return NULL;
    }
    if (p->tok.type != JTOK_LBRACE) {
        fail(p, RULE_HCL001, tok_span(&p->tok),
             arena_printf(p->arena, "Expected object, got unknown token: %s", token_text(p)));
        return NULL;
    }
    push(p, FRAME_OBJECT);
    for (;;) {
        struct frame *f = &p->stack[p->depth - 1];
        bool stop = false;
        struct hcl_value *root = f->kind == FRAME_OBJECT ? step_object(p, f, &stop)
                                                          : step_list(p, f, &stop);
        if (stop)
            return NULL;
        if (root)
            return root;
    }
}

/* What follows the top-level object's `}` is never read by HCL1. */
static void check_trailing(struct json_parser *p) {
    if (p->tok.type != JTOK_RBRACE)
        return;
    for (size_t i = p->tok.end; i < p->sc.len; i++) {
        char c = p->sc.text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        warn(p, span_make((uint32_t)i, (uint32_t)i + 1), "%s",
             "content after the top-level object: HCL1 silently ignores it");
        return;
    }
}

/* A hint for the errors people run into when they write HCL-JSON by hand
 * (NULL when there is nothing useful to add). */
static const char *error_hint(const struct source *src, struct span span, const char *message) {
    if (strcmp(message, "illegal char escape") == 0)
        return span.start < src->len && src->text[span.start] == '/'
                   ? "HCL1 has no `\\/` escape: write `/` itself"
                   : "HCL1 knows the escapes \\a \\b \\f \\n \\r \\t \\v \\\\ \\\" "
                     "\\ooo \\xHH \\uHHHH \\UHHHHHHHH";
    if (strcmp(message, "numbers cannot start with 0") == 0)
        return "drop the leading zeros (HCL-JSON has no octal numbers) or quote the value";
    if (strcmp(message, "literal not terminated") == 0)
        return "close the string on the same line; write a line break as \\n";
    if (strcmp(message, "illegal char") == 0)
        return "only true, false and null may be written without quotes";
    if (strcmp(message, "unexpected token while parsing list: NULL") == 0)
        return "HCL1 cannot read null inside an array: remove it or write \"\"";
    if (strncmp(message, "expected: STRING got: ", 22) == 0 && strcmp(message + 22, "LBRACK") != 0)
        return "object keys are quoted strings: \"key\": value";
    return NULL;
}

static void add_error(struct diag_list *diags, enum rule_id rule, const struct source *src,
                      struct span span, const char *message) {
    struct diag *d = diag_add(diags, rule, src, span, "%s", message);
    const char *hint = error_hint(src, span, message);
    if (d && hint)
        diag_fix(d, "%s", hint);
}

struct hcl_file *hcl_parse_json(struct arena *arena, const struct source *src,
                                struct diag_list *diags) {
    return hcl_parse_json_with(arena, src, NULL, diags);
}

struct hcl_file *hcl_parse_json_with(struct arena *arena, const struct source *src,
                                     const struct hcl_parse_options *options,
                                     struct diag_list *diags) {
    struct json_parser p = {.arena = arena, .src = src, .diags = diags};
    json_scan_init(&p.sc, src->text, src->len);
    p.stack = xcalloc(HCL_MAX_DEPTH, sizeof *p.stack);
    struct hcl_value *root = parse_root(&p);
    free(p.stack);

    bool hcl003 = p.failed && p.rule == RULE_HCL003;
    if (p.sc.error_count > 0 && !hcl003) {
        /* the reference reports its scanner's last error first */
        add_error(diags, RULE_HCL001, src, json_scan_error_span(&p.sc), p.sc.error);
        return NULL;
    }
    if (p.failed) {
        add_error(diags, p.rule, src, p.error_span, p.error);
        return NULL;
    }
    if (p.bad_escape) {
        diag_add(diags, RULE_HCL001, src, p.bad_escape_span, "%s",
                 "invalid escape in string: an octal escape above \\377, a surrogate \\u "
                 "escape or a \\U escape above U+10FFFF encodes no character");
        return NULL;
    }
    check_trailing(&p);
    for (size_t i = 0; i < p.warning_count; i++)
        diag_add(diags, RULE_HCL004, src, p.warnings[i].span, "%s", p.warnings[i].message);
    json_flatten(arena, src, root, options ? options->labelled_blocks : NULL, diags);

    struct hcl_file *file = arena_alloc(arena, sizeof *file);
    file->src = src;
    file->root = root;
    file->is_json = true;
    return file;
}
