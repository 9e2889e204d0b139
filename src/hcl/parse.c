/* parse.c — front-end driver: form detection, input checks, and the flex
 * scanner + bison parser for native HCL1. */
#include "hcl/parse.h"
#include "hcl.tab.h"
#define YYSTYPE HCLYYSTYPE
#define YYLTYPE HCLYYLTYPE
#include "hcl.lex.h"
#include "hcl_lexer.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

int hcl_scan(HCLYYSTYPE *yylval, HCLYYLTYPE *yylloc, yyscan_t scanner);

/* What the parser calls: the flex scanner, or end of input once the
 * scanner has given up after an error it cannot recover from. */
int hclyylex(HCLYYSTYPE *yylval, HCLYYLTYPE *yylloc, yyscan_t scanner) {
    struct hcl_lexer *lx = hclyyget_extra(scanner);
    if (lx->stopped) {
        yylloc->start = yylloc->end = lx->len;
        return 0;
    }
    return hcl_scan(yylval, yylloc, scanner);
}

bool hcl_is_json(const char *text, size_t len) {
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)text + i, len - i, &cp);
        /* Unicode white space, as Go's unicode.IsSpace */
        if (cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0 ||
            cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
            cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000) {
            i += k;
            continue;
        }
        return cp == '{';
    }
    return false;
}

struct hcl_file *hcl_parse_with(struct arena *arena, const struct source *src,
                                const struct hcl_parse_options *options,
                                struct diag_list *diags) {
    if (hcl_is_json(src->text, src->len))
        return hcl_parse_json_with(arena, src, options, diags);
    return hcl_parse_native(arena, src, diags);
}

struct hcl_file *hcl_parse(struct arena *arena, const struct source *src,
                           struct diag_list *diags) {
    return hcl_parse_with(arena, src, NULL, diags);
}

struct span hcl_lexer_span(const struct hcl_lexer *lx, uint32_t start, uint32_t end) {
    if (lx->cr_count == 0)
        return span_make(start, end);
    /* original = normalised + number of removed '\r' at or before it */
    size_t lo = 0, hi = lx->cr_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (lx->cr_removed[mid] <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t before_start = lo;
    lo = 0, hi = lx->cr_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (lx->cr_removed[mid] < end)
            lo = mid + 1;
        else
            hi = mid;
    }
    return span_make(start + (uint32_t)before_start, end + (uint32_t)lo);
}

void hcl_lexer_error(struct hcl_lexer *lx, enum rule_id rule, uint32_t start,
                     uint32_t end, const char *format, ...) {
    lx->failed = true;
    if (lx->error_count >= HCL_MAX_SYNTAX_ERRORS)
        return;
    uint32_t line = source_position(lx->src, hcl_lexer_span(lx, start, end).start).line;
    if (lx->error_count && line == lx->last_error_line)
        return;
    lx->last_error_line = line;
    if (++lx->error_count == HCL_MAX_SYNTAX_ERRORS) {
        diag_add(lx->diags, RULE_HCL003, lx->src, hcl_lexer_span(lx, start, end),
                 "too many syntax errors (limit %d); the rest of the file is not checked",
                 HCL_MAX_SYNTAX_ERRORS);
        return;
    }
    char msg[512];
    va_list ap;
    va_start(ap, format);
    vsnprintf(msg, sizeof msg, format, ap);
    va_end(ap);
    diag_add(lx->diags, rule, lx->src, hcl_lexer_span(lx, start, end), "%s", msg);
}

/* HCL1's scanner refuses these bytes wherever they occur. */
static bool check_bytes(const struct source *src, struct diag_list *diags) {
    const char *t = src->text;
    size_t len = src->len, i = 0;
    while (i < len) {
        /* eight bytes at a time while they are ASCII and not NUL */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, t + i, 8);
            if ((w & 0x8080808080808080ull) ||
                ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)t[i];
        if (c == 0) {
            diag_add(diags, RULE_HCL001, src, span_make((uint32_t)i, (uint32_t)i + 1),
                     "unexpected null character (0x00)");
            return false;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)t + i, len - i, &cp);
        if (cp == UTF8_INVALID) {
            diag_add(diags, RULE_HCL001, src, span_make((uint32_t)i, (uint32_t)i + 1),
                     "illegal UTF-8 encoding (byte 0x%02X): job files must be UTF-8", c);
            return false;
        }
        if (cp == 0xE123) {
            diag_add(diags, RULE_HCL001, src, span_make((uint32_t)i, (uint32_t)(i + k)),
                     "unicode code point U+E123 reserved for internal use");
            return false;
        }
        if (cp == 0xFEFF && i == 0) {
            struct diag *d = diag_add(diags, RULE_HCL001, src, span_make(0, 3),
                                      "illegal char: a UTF-8 byte-order mark, which HCL1 does not skip");
            diag_fix(d, "save the file without a byte-order mark");
            return false;
        }
        i += k;
    }
    return true;
}

void hcl_parser_free(struct hcl_parser *ps) {
    free(ps->items);
    free(ps->values);
    free(ps->keys);
}

/* the same grammar without LAC (built from hcl.y with parse.lac=none) */
int hclyyparse_fast(void *scanner, struct hcl_parser *ps);

/* One scan and parse of lx's text, reporting into diags: the root, or
 * NULL after any error. */
static struct hcl_value *run_parser(int (*parse)(void *, struct hcl_parser *),
                                    struct hcl_lexer *lx, struct diag_list *diags) {
    lx->diags = diags;
    yyscan_t scanner;
    if (hclyylex_init_extra(lx, &scanner) != 0)
        return NULL;
    YY_BUFFER_STATE buffer = hclyy_scan_buffer(lx->text, lx->len + 2, scanner);
    struct hcl_parser ps = {0};
    ps.lx = lx;
    int rc = parse(scanner, &ps);
    hcl_parser_free(&ps);
    hcl_lexer_finish(scanner, lx);
    hclyy_delete_buffer(buffer, scanner);
    hclyylex_destroy(scanner);
    return rc == 0 && !lx->failed ? ps.root : NULL;
}

struct hcl_file *hcl_parse_native(struct arena *arena, const struct source *src,
                                  struct diag_list *diags) {
    if (!check_bytes(src, diags))
        return NULL;
    struct hcl_lexer lx = {0};
    lx.arena = arena;
    lx.src = src;
    lx.diags = diags;
    /* "\r\n" -> "\n", remembering where, so spans map back */
    size_t crs = 0;
    for (const char *p = src->text, *end = src->text + src->len;
         (p = memchr(p, '\r', (size_t)(end - p))) != NULL; p++)
        if (p + 1 < end && p[1] == '\n')
            crs++;
    if (crs) {
        lx.text = arena_alloc(arena, src->len + 2);
        lx.cr_removed = arena_array(arena, crs, sizeof *lx.cr_removed);
        size_t o = 0;
        for (size_t i = 0; i < src->len; i++) {
            if (src->text[i] == '\r' && i + 1 < src->len && src->text[i + 1] == '\n') {
                lx.cr_removed[lx.cr_count++] = (uint32_t)o;
                continue;
            }
            lx.text[o++] = src->text[i];
        }
        lx.len = (uint32_t)o;
        lx.text[lx.len] = lx.text[lx.len + 1] = '\0';
    } else {
        /* scanned in place: flex only swaps a byte in and back per token */
        lx.text = src->text;
        lx.len = (uint32_t)src->len;
    }

    /* The parser without LAC first: on input without errors it does
     * exactly what the LAC parser does (LAC only changes where an error
     * is found), faster. Any error, and the file is parsed again by the
     * LAC parser, whose messages name exactly the tokens that could
     * follow; the first run's findings are dropped. */
    struct diag_list first;
    diag_list_init(&first);
    struct hcl_lexer lx_first = lx;
    struct hcl_value *root = run_parser(hclyyparse_fast, &lx_first, &first);
    if (root) {
        diag_list_take(diags, &first);
        lx = lx_first;
    } else {
        diag_list_free(&first);
        root = run_parser(hclyyparse, &lx, diags);
    }
    if (!root) {
        if (!lx.failed)
            diag_add(diags, RULE_HCL001, src, span_make(0, 0), "the file could not be parsed");
        return NULL;
    }
    struct hcl_file *file = arena_alloc(arena, sizeof *file);
    file->src = src;
    file->root = root;
    file->comments = lx.comments;
    file->comment_count = lx.comment_count;
    file->is_json = false;
    return file;
}
