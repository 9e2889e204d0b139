/* hcl.y — the HCL1 grammar (native syntax), exactly as HashiCorp's HCL1
 * parser (the revision Nomad 0.11/0.12 vendor) accepts it.
 *
 * Beyond the textbook grammar (docs/hcl1.md §3) it reproduces two behaviours of
 * the reference that make it accept odd input, because Nomad accepts it:
 *  - inside a block, an attribute whose value runs into a `}` where a value,
 *    a list element, `,` or `]` is expected is dropped, that `}` is
 *    consumed, and the block still needs its own `}`;
 *  - at the very end of the file, `key =` with no value is dropped.
 * Both are reported as HCL005 warnings.
 *
 * Error recovery: HCL1 refuses a file at its first error. To report
 * independent mistakes in one run, the parser resumes at the next key
 * after an error inside a body (`objlist: objlist error`), with bison's
 * usual suppression of cascades, up to HCL_MAX_SYNTAX_ERRORS per file;
 * a file with any error yields no tree.
 *
 * The Makefile builds this grammar twice: as written (LAC, for exact
 * "expected ..." lists) and without LAC as hclyyparse_fast, which
 * parse.c runs first; the actions are the same. */
%define api.pure full
%define api.prefix {hclyy}
%define api.location.type {struct span}
%define parse.error custom
%define parse.lac full
%locations
%param {void *scanner}
%parse-param {struct hcl_parser *ps}

%code requires {
#include "source.h"
#include "hcl/tree.h"
#include "hcl_lexer.h"

/* Work stacks: the elements of the object bodies, key lists and lists
 * being parsed sit on top of these; a finished construct copies its own
 * elements into the arena in one exact block and pops them. Semantic
 * values of the partial constructs are start indices into the stacks. */
struct hcl_parser {
    struct hcl_lexer *lx;
    struct hcl_value *root;
    struct hcl_item **items;
    size_t item_top, item_cap;
    struct hcl_value **values;
    size_t value_top, value_cap;
    struct hcl_key *keys;
    size_t key_top, key_cap;
};

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
    do {                                                              \
        if (N) {                                                      \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                     \
            (Cur).end = YYRHSLOC(Rhs, N).end;                         \
        } else {                                                      \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;           \
        }                                                             \
    } while (0)
}

%code provides {
int hclyylex(HCLYYSTYPE *yylval, HCLYYLTYPE *yylloc, void *scanner);
void hcl_parser_free(struct hcl_parser *ps);
}

%code {
#include "util/arena.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void hclyyerror(HCLYYLTYPE *loc, void *scanner, struct hcl_parser *ps,
                      const char *msg);
static struct hcl_value *make_object(struct hcl_parser *ps, struct hcl_value *v, size_t start,
                                     struct span at);
static struct hcl_value *make_list(struct hcl_parser *ps, struct hcl_value *v, size_t start,
                                   struct span at);
static struct hcl_item *make_item(struct hcl_parser *ps, size_t key_start,
                                  const struct hcl_key *single, bool assign,
                                  struct span assign_at, struct hcl_value *value);
static void push_item(struct hcl_parser *ps, struct hcl_item *it);
static void push_value(struct hcl_parser *ps, struct hcl_value *v);
static void push_key(struct hcl_parser *ps, struct hcl_key k);
static void dropped(struct hcl_parser *ps, struct span at, const char *what);
}

%union {
    struct hcl_value *value;   /* literals arrive from the scanner as values */
    struct hcl_key key;
    size_t start;              /* where a partial construct begins on its stack */
    struct hcl_item *item;
}

%token <value> NUMBER "number" FLOAT "float" BOOL "bool" STRING "string"
%token <value> HEREDOC "heredoc"
%token <key> IDENT "identifier"
/* `{` and `[` carry the value their object or list becomes (tree.h) */
%token <value> LBRACE "{" LBRACK "["
%token RBRACE "}" RBRACK "]" COMMA "," ASSIGN "="
%token PERIOD "." ADD "+" SUB "-" LEXERROR "invalid token"

%type <start> objlist keys items_a items_b
%type <item> item
%type <key> key
%type <value> value objecttype list

%%

file
    : objlist                 { ps->root = make_object(ps, NULL, $1, span_make(0, ps->lx->len)); }
    | objlist key ASSIGN      { dropped(ps, @2, "`=` without a value at the end of the file");
                                ps->root = make_object(ps, NULL, $1, span_make(0, ps->lx->len)); }
    ;

objlist
    : %empty                  { $$ = ps->item_top; }
    | objlist item            { $$ = $1; push_item(ps, $2); }
    | objlist item COMMA      { $$ = $1; push_item(ps, $2); }
    | objlist error           { $$ = $1; if (ps->lx->error_count >= HCL_MAX_SYNTAX_ERRORS) YYABORT; }
    ;

item
    : key ASSIGN value        { $$ = make_item(ps, 0, &$1, true, @2, $3); }
    | keys objecttype         { $$ = make_item(ps, $1, NULL, false, @2, $2); }
    ;

keys
    : key                     { $$ = ps->key_top; push_key(ps, $1); }
    | keys key                { $$ = $1; push_key(ps, $2); }
    ;

key
    : IDENT                   { $$ = $1; }
    | STRING                  { $$.text = $1->as.string.text; $$.len = $1->as.string.len;
                                $$.span = $1->span; $$.quoted = true; }
    ;

value
    : NUMBER | FLOAT | BOOL | STRING | HEREDOC
    | objecttype
    | list
    ;

objecttype
    : LBRACE objlist RBRACE   { $$ = make_object(ps, $1, $2, @$); }
    | LBRACE objlist key ASSIGN RBRACE RBRACE
                              { dropped(ps, span_make(@3.start, @5.end), "an attribute without a value");
                                $$ = make_object(ps, $1, $2, @$); }
    | LBRACE objlist key ASSIGN broken_list RBRACE
                              { dropped(ps, span_make(@3.start, @5.end), "an unterminated list");
                                $$ = make_object(ps, $1, $2, @$); }
    ;

list
    : LBRACK items_a RBRACK   { $$ = make_list(ps, $1, $2, @$); }
    | LBRACK items_b RBRACK   { $$ = make_list(ps, $1, $2, @$); }
    ;

/* items_a: may take an element; items_b: an element was just read and a
 * `,` or `]` must follow. After a nested list no comma is needed (HCL1). */
items_a
    : %empty                  { $$ = ps->value_top; }
    | items_a COMMA
    | items_b COMMA
    | items_a list            { $$ = $1; push_value(ps, $2); }
    ;

items_b
    : items_a NUMBER          { $$ = $1; push_value(ps, $2); }
    | items_a FLOAT           { $$ = $1; push_value(ps, $2); }
    | items_a BOOL            { $$ = $1; push_value(ps, $2); }
    | items_a STRING          { $$ = $1; push_value(ps, $2); }
    | items_a HEREDOC         { $$ = $1; push_value(ps, $2); }
    | items_a objecttype      { $$ = $1; push_value(ps, $2); }
    ;

/* what the reference drops: its elements are popped unused */
broken_list
    : LBRACK items_a RBRACE   { ps->value_top = $2; }
    | LBRACK items_b RBRACE   { ps->value_top = $2; }
    | LBRACK items_a broken_list { ps->value_top = $2; }
    ;

%%

#include "hcl_syntax_error.inc"

/* An object or list value: the one its `{` or `[` brought (allocated by
 * the scanner before anything inside, so that the value, its parts and
 * its item or element array lie in one block of the arena, in that order:
 * hcl_value_prefetch), or a new one for the file's body. */
static struct hcl_value *make_value(struct hcl_parser *ps, struct hcl_value *v,
                                    enum hcl_kind kind, struct span at) {
    if (!v)
        v = arena_alloc(ps->lx->arena, sizeof *v);
    v->kind = kind;
    v->span = hcl_lexer_span(ps->lx, at.start, at.end);
    return v;
}

/* decode_safe (tree.h) of a value whose parts nest `below` levels */
static uint8_t safe_depth(unsigned below) { return below < 255 ? (uint8_t)(below + 1) : 0; }

/* decode_safe and placeholder_free (tree.h) of an object, from its items.
 * Objects of up to HCL_SAFE_MAX_ITEMS items are checked for repeated
 * first keys; larger ones are not marked decode_safe (their parts still
 * are). */
static void mark_object(struct hcl_value *v) {
    const struct hcl_object *o = &v->as.object;
    bool safe = o->count <= HCL_SAFE_MAX_ITEMS, free_ = true;
    unsigned below = 0;
    for (size_t i = 0; i < o->count; i++) {
        const struct hcl_item *it = o->items[i];
        free_ = free_ && it->value->placeholder_free;
        if (!safe)
            continue;
        safe = it->value->decode_safe && it->key_count > 0;
        for (size_t j = 0; safe && j < i; j++) {
            const struct hcl_key *a = &o->items[j]->keys[0], *b = &it->keys[0];
            safe = a->text != b->text && !hcl_key_equal_fold(a->text, a->len, b->text, b->len);
        }
        if (safe && it->value->decode_safe + it->key_count - 1 > below)
            below = it->value->decode_safe + it->key_count - 1;
    }
    v->decode_safe = safe ? safe_depth(below) : 0;
    v->placeholder_free = free_;
}

/* the same of a list, from its elements */
static void mark_list(struct hcl_value *v) {
    const struct hcl_list *l = &v->as.list;
    bool safe = true, free_ = true;
    unsigned below = 0;
    for (size_t i = 0; i < l->count; i++) {
        const struct hcl_value *e = l->elems[i];
        free_ = free_ && e->placeholder_free;
        safe = safe && e->decode_safe;
        if (safe && e->decode_safe > below)
            below = e->decode_safe;
    }
    v->decode_safe = safe ? safe_depth(below) : 0;
    v->placeholder_free = free_;
}

static struct hcl_value *make_object(struct hcl_parser *ps, struct hcl_value *v, size_t start,
                                     struct span at) {
    v = make_value(ps, v, HCL_OBJECT, at);
    size_t n = ps->item_top > start ? ps->item_top - start : 0;
    if (n) {
        v->as.object.items = arena_array(ps->lx->arena, n, sizeof *v->as.object.items);
        memcpy(v->as.object.items, ps->items + start, n * sizeof *ps->items);
    }
    v->as.object.count = n;
    mark_object(v);
    ps->item_top = start;
    return v;
}

static struct hcl_value *make_list(struct hcl_parser *ps, struct hcl_value *v, size_t start,
                                   struct span at) {
    v = make_value(ps, v, HCL_LIST, at);
    size_t n = ps->value_top > start ? ps->value_top - start : 0;
    if (n) {
        v->as.list.elems = arena_array(ps->lx->arena, n, sizeof *v->as.list.elems);
        memcpy(v->as.list.elems, ps->values + start, n * sizeof *ps->values);
    }
    v->as.list.count = n;
    mark_list(v);
    ps->value_top = start;
    return v;
}

static struct hcl_item *make_item(struct hcl_parser *ps, size_t key_start,
                                  const struct hcl_key *single, bool assign,
                                  struct span assign_at, struct hcl_value *value) {
    size_t n = single ? 1 : (ps->key_top > key_start ? ps->key_top - key_start : 0);
    struct hcl_item *it = hcl_item_new(ps->lx->arena, n ? n : 1);
    if (single)
        it->keys[0] = *single;
    else {
        memcpy(it->keys, ps->keys + key_start, n * sizeof *it->keys);
        ps->key_top = key_start;
    }
    it->key_count = n;
    it->value = value;
    it->has_assign = assign;
    if (assign)
        it->assign_at = hcl_lexer_span(ps->lx, assign_at.start, assign_at.end).start;
    return it;
}

#define STACK_PUSH(ps, stack, top, cap, elem)                                  \
    do {                                                                       \
        if ((ps)->top == (ps)->cap) {                                          \
            (ps)->cap = (ps)->cap ? (ps)->cap * 2 : 64;                        \
            (ps)->stack = xreallocarray((ps)->stack, (ps)->cap, sizeof *(ps)->stack); \
        }                                                                      \
        (ps)->stack[(ps)->top++] = (elem);                                     \
    } while (0)

static void push_item(struct hcl_parser *ps, struct hcl_item *it) {
    STACK_PUSH(ps, items, item_top, item_cap, it);
}

static void push_value(struct hcl_parser *ps, struct hcl_value *v) {
    STACK_PUSH(ps, values, value_top, value_cap, v);
}

static void push_key(struct hcl_parser *ps, struct hcl_key k) {
    STACK_PUSH(ps, keys, key_top, key_cap, k);
}

static void dropped(struct hcl_parser *ps, struct span at, const char *what) {
    if (ps->lx->failed)
        return; /* after an error the end of input may be the scanner's */
    struct span s = hcl_lexer_span(ps->lx, at.start, at.end);
    struct diag *d = diag_add(ps->lx->diags, RULE_HCL005, ps->lx->src, s,
                              "HCL1 silently drops %s here; Nomad never sees it", what);
    diag_fix(d, "complete or remove it");
}

static void hclyyerror(HCLYYLTYPE *loc, void *scanner, struct hcl_parser *ps,
                      const char *msg) {
    (void)scanner;
    hcl_lexer_error(ps->lx, RULE_HCL001, loc->start, loc->end, "%s", msg);
}
