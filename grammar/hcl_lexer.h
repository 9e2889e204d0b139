/* hcl_lexer.h — state shared by the HCL1 scanner (hcl.l) and parser (hcl.y).
 *
 * Contract: the scanner runs over a copy of the input in which every
 * "\r\n" is replaced by "\n" (as HCL1 does before scanning); offsets inside
 * the scanner are offsets in that copy, and hcl_lexer_span maps them back
 * to the original source. Scanner errors are reported as HCL001/HCL003
 * diagnostics and end the token stream with the LEXERROR token. */
#ifndef RKTC_HCL_LEXER_H
#define RKTC_HCL_LEXER_H

#include "diag/diag.h"
#include "hcl/tree.h"
#include "util/str_index.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

struct hcl_lexer {
    struct arena *arena;
    const struct source *src;
    struct diag_list *diags;
    char *text;            /* normalised input, two trailing NULs */
    uint32_t len;
    uint32_t *cr_removed;  /* normalised offsets of '\n's that lost a '\r' */
    size_t cr_count;
    uint32_t offset;       /* scanner position in text */
    uint32_t tok_start;
    /* strings and heredocs */
    uint32_t lit_start;
    int str_depth;
    bool str_bad;          /* the current string had an illegal escape */
    const char *anchor;    /* heredoc anchor (may end in '\r') */
    size_t anchor_len;
    size_t anchor_min;     /* length the closing line must have at least */
    /* nesting of { and [ for the depth limit; open braces for messages */
    uint32_t *open;
    size_t open_count, open_cap;
    /* comments, in order */
    struct hcl_comment *comments;
    size_t comment_count, comment_cap;
    struct str_index idents; /* identifier text -> its one copy */
    struct str_index literals; /* short string and number values -> their one copy */
    bool failed;
    bool stopped;          /* the scanner gave up: only end of input follows */
    unsigned error_count;  /* HCL001/HCL003 errors reported */
    uint32_t last_error_line; /* scanner errors after another on its line are cascades */
};

#define HCL_MAX_SYNTAX_ERRORS 50

struct span hcl_lexer_span(const struct hcl_lexer *lx, uint32_t start, uint32_t end);
/* Puts back the byte flex keeps out of its buffer (it writes a NUL after
 * the token it returned last), so that a text scanned in place is as it
 * was once the scan stops, wherever it stopped. */
void hcl_lexer_finish(void *scanner, const struct hcl_lexer *lx);
void hcl_lexer_error(struct hcl_lexer *lx, enum rule_id rule, uint32_t start,
                     uint32_t end, const char *format, ...)
    __attribute__((format(printf, 5, 6)));

/* Value of a STRING token (quotes included) as HCL1's Unquote computes it.
 * Returns false when HCL1 would fail (it panics there). */
bool hcl_unquote(struct arena *arena, const char *text, size_t len,
                 const char **out, size_t *out_len);
/* Value of a HEREDOC token ("<<" ... closing line with its "\n"). */
void hcl_heredoc_value(struct arena *arena, const char *text, size_t len,
                       const char **out, size_t *out_len);

#endif
