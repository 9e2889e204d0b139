/* hcl.y — the HCL1 grammar (native syntax), exactly as HashiCorp's HCL1
 * parser (the revision Nomad 0.11/0.12 vendor) accepts it.
 *
 * Beyond the textbook grammar (hcl1.md §4) it reproduces two behaviours of
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
 * a file with any error yields no tree. */
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

struct item_vec { struct hcl_item **v; size_t n, cap; };
struct value_vec { struct hcl_value **v; size_t n, cap; };
struct key_vec { struct hcl_key *v; size_t n, cap; };

struct hcl_parser {
    struct hcl_lexer *lx;
    struct hcl_value *root;
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
}

%code {
#include "util/arena.h"

#include <stdio.h>
#include <string.h>

static void hclyyerror(HCLYYLTYPE *loc, void *scanner, struct hcl_parser *ps,
                      const char *msg);
static struct hcl_value *make_value(struct hcl_parser *ps, enum hcl_kind kind,
                                    struct span at);
static struct hcl_value *make_literal(struct hcl_parser *ps, enum hcl_kind kind,
                                      struct hcl_value *token);
static struct hcl_value *make_object(struct hcl_parser *ps, struct item_vec *items,
                                     struct span at);
static struct hcl_item *make_item(struct hcl_parser *ps, struct key_vec *keys,
                                  bool assign, struct span assign_at,
                                  struct hcl_value *value);
static void push_item(struct hcl_parser *ps, struct item_vec *vec, struct hcl_item *it);
static void push_value(struct hcl_parser *ps, struct value_vec *vec, struct hcl_value *v);
static void push_key(struct hcl_parser *ps, struct key_vec *vec, struct hcl_key k);
static void dropped(struct hcl_parser *ps, struct span at, const char *what);
}

%union {
    struct hcl_value *value;   /* literals arrive from the scanner as values */
    struct hcl_key key;
    struct key_vec keys;
    struct item_vec items;
    struct value_vec values;
    struct hcl_item *item;
}

%token <value> NUMBER "number" FLOAT "float" BOOL "bool" STRING "string"
%token <value> HEREDOC "heredoc"
%token <key> IDENT "identifier"
%token LBRACE "{" RBRACE "}" LBRACK "[" RBRACK "]" COMMA "," ASSIGN "="
%token PERIOD "." ADD "+" SUB "-" LEXERROR "invalid token"

%type <items> objlist
%type <item> item
%type <key> key
%type <keys> keys
%type <value> value objecttype list elem literal
%type <values> items_a items_b

%%

file
    : objlist                 { ps->root = make_object(ps, &$1, span_make(0, ps->lx->len)); }
    | objlist key ASSIGN      { dropped(ps, @2, "`=` without a value at the end of the file");
                                ps->root = make_object(ps, &$1, span_make(0, ps->lx->len)); }
    ;

objlist
    : %empty                  { memset(&$$, 0, sizeof $$); }
    | objlist item opt_comma  { $$ = $1; push_item(ps, &$$, $2); }
    | objlist error           { $$ = $1; if (ps->lx->error_count >= HCL_MAX_SYNTAX_ERRORS) YYABORT; }
    ;

opt_comma: %empty | COMMA ;

item
    : key ASSIGN value        { struct key_vec k = {0}; push_key(ps, &k, $1);
                                $$ = make_item(ps, &k, true, @2, $3); }
    | keys objecttype         { $$ = make_item(ps, &$1, false, @2, $2); }
    ;

keys
    : key                     { memset(&$$, 0, sizeof $$); push_key(ps, &$$, $1); }
    | keys key                { $$ = $1; push_key(ps, &$$, $2); }
    ;

key
    : IDENT                   { $$ = $1; }
    | STRING                  { $$.text = $1->as.string.text; $$.len = $1->as.string.len;
                                $$.span = $1->span; $$.quoted = true; }
    ;

literal
    : NUMBER | FLOAT | BOOL | STRING | HEREDOC
    ;

value
    : literal                 { $$ = make_literal(ps, $1->kind, $1); }
    | objecttype
    | list
    ;

objecttype
    : LBRACE objlist RBRACE   { $$ = make_object(ps, &$2, @$); }
    | LBRACE objlist key ASSIGN RBRACE RBRACE
                              { dropped(ps, span_make(@3.start, @5.end), "an attribute without a value");
                                $$ = make_object(ps, &$2, @$); }
    | LBRACE objlist key ASSIGN broken_list RBRACE
                              { dropped(ps, span_make(@3.start, @5.end), "an unterminated list");
                                $$ = make_object(ps, &$2, @$); }
    ;

list
    : LBRACK items_a RBRACK   { $$ = make_value(ps, HCL_LIST, @$);
                                $$->as.list.elems = $2.v; $$->as.list.count = $2.n; }
    | LBRACK items_b RBRACK   { $$ = make_value(ps, HCL_LIST, @$);
                                $$->as.list.elems = $2.v; $$->as.list.count = $2.n; }
    ;

/* items_a: may take an element; items_b: an element was just read and a
 * `,` or `]` must follow. After a nested list no comma is needed (HCL1). */
items_a
    : %empty                  { memset(&$$, 0, sizeof $$); }
    | items_a COMMA           { $$ = $1; }
    | items_b COMMA           { $$ = $1; }
    | items_a list            { $$ = $1; push_value(ps, &$$, $2); }
    ;

items_b
    : items_a elem            { $$ = $1; push_value(ps, &$$, $2); }
    ;

elem
    : literal                 { $$ = make_literal(ps, $1->kind, $1); }
    | objecttype
    ;

broken_list
    : LBRACK items_a RBRACE
    | LBRACK items_b RBRACE
    | LBRACK items_a broken_list
    ;

%%

#include "hcl_syntax_error.inc"

static struct hcl_value *make_value(struct hcl_parser *ps, enum hcl_kind kind,
                                    struct span at) {
    struct hcl_value *v = arena_alloc(ps->lx->arena, sizeof *v);
    v->kind = kind;
    v->span = hcl_lexer_span(ps->lx, at.start, at.end);
    return v;
}

static struct hcl_value *make_literal(struct hcl_parser *ps, enum hcl_kind kind,
                                      struct hcl_value *token) {
    (void)ps;
    (void)kind;
    return token; /* the scanner built it, span already mapped */
}

static struct hcl_value *make_object(struct hcl_parser *ps, struct item_vec *items,
                                     struct span at) {
    struct hcl_value *v = make_value(ps, HCL_OBJECT, at);
    v->as.object.items = items->v;
    v->as.object.count = items->n;
    return v;
}

static struct hcl_item *make_item(struct hcl_parser *ps, struct key_vec *keys,
                                  bool assign, struct span assign_at,
                                  struct hcl_value *value) {
    struct hcl_item *it = arena_alloc(ps->lx->arena, sizeof *it);
    it->keys = keys->v;
    it->key_count = keys->n;
    it->value = value;
    it->has_assign = assign;
    if (assign)
        it->assign = hcl_lexer_span(ps->lx, assign_at.start, assign_at.end);
    it->span.start = keys->v[0].span.start;
    it->span.end = value->span.end;
    return it;
}

#define VEC_PUSH(ps, vec, elem)                                                 \
    do {                                                                        \
        if ((vec)->n == (vec)->cap) {                                           \
            size_t cap = (vec)->cap ? (vec)->cap * 2 : 4;                       \
            (vec)->v = arena_grow((ps)->lx->arena, (vec)->v, (vec)->n, cap,     \
                                  sizeof *(vec)->v);                            \
            (vec)->cap = cap;                                                   \
        }                                                                       \
        (vec)->v[(vec)->n++] = (elem);                                          \
    } while (0)

static void push_item(struct hcl_parser *ps, struct item_vec *vec, struct hcl_item *it) {
    VEC_PUSH(ps, vec, it);
}

static void push_value(struct hcl_parser *ps, struct value_vec *vec, struct hcl_value *v) {
    VEC_PUSH(ps, vec, v);
}

static void push_key(struct hcl_parser *ps, struct key_vec *vec, struct hcl_key k) {
    VEC_PUSH(ps, vec, k);
}

static void dropped(struct hcl_parser *ps, struct span at, const char *what) {
    struct span s = hcl_lexer_span(ps->lx, at.start, at.end);
    struct diag *d = diag_add(ps->lx->diags, "HCL005", ps->lx->src, s,
                              "HCL1 silently drops %s here; Nomad never sees it", what);
    diag_fix(d, "complete or remove it");
}

static void hclyyerror(HCLYYLTYPE *loc, void *scanner, struct hcl_parser *ps,
                      const char *msg) {
    (void)scanner;
    hcl_lexer_error(ps->lx, "HCL001", loc->start, loc->end, "%s", msg);
}
