/* json_scan.c — port of HashiCorp HCL1's json/scanner (see json_scan.h).
 * The structure follows the Go code function by function, because the
 * reference's quirks live in its details (what is unread, when positions
 * move); do not "simplify" it without checking against the reference. */
#include "hcl/json_scan.h"

#include "util/utf8.h"

#include <stdio.h>
#include <string.h>

#define EOF_RUNE 0
#define RUNE_ERROR 0xFFFDu

static const char *const token_names[] = {
    [JTOK_ILLEGAL] = "ILLEGAL", [JTOK_EOF] = "EOF",       [JTOK_NUMBER] = "NUMBER",
    [JTOK_FLOAT] = "FLOAT",     [JTOK_BOOL] = "BOOL",     [JTOK_STRING] = "STRING",
    [JTOK_NULL] = "NULL",       [JTOK_LBRACK] = "LBRACK", [JTOK_LBRACE] = "LBRACE",
    [JTOK_COMMA] = "COMMA",     [JTOK_PERIOD] = "PERIOD", [JTOK_COLON] = "COLON",
    [JTOK_RBRACK] = "RBRACK",   [JTOK_RBRACE] = "RBRACE",
};

const char *json_tok_name(enum json_tok type) {
    if ((size_t)type < sizeof token_names / sizeof token_names[0])
        return token_names[type];
    return "ILLEGAL";
}

void json_scan_init(struct json_scanner *s, const char *text, size_t len) {
    memset(s, 0, sizeof *s);
    s->text = text;
    s->len = len;
    s->pos.line = 1;
}

/* The position the reference reports an error at: the character read
 * last (recentPosition in the Go scanner), as its line and column. Only
 * the last error is reported, so its byte offset is computed once, by
 * json_scan_error_span. */
static void scan_error(struct json_scanner *s, const char *message) {
    s->error_count++;
    if (s->pos.column > 0) {
        s->error_line = s->pos.line;
        s->error_column = s->pos.column;
    } else if (s->last_line_len > 0) {
        s->error_line = s->pos.line - 1;
        s->error_column = s->last_line_len;
    } else {
        s->error_line = 1;
        s->error_column = 1;
    }
    snprintf(s->error, sizeof s->error, "%s", message);
}

/* The reference's line and column are kept apart from its byte offset,
 * which can lag behind after an invalid byte is put back; find the byte
 * at that line and column (clamped to the line and the input). */
struct span json_scan_error_span(const struct json_scanner *s) {
    size_t at = 0;
    for (int64_t line = 1; line < s->error_line && at < s->len; at++)
        if (s->text[at] == '\n')
            line++;
    for (int64_t col = 1; col < s->error_column && at < s->len && s->text[at] != '\n'; col++) {
        uint32_t cp;
        at += utf8_decode((const unsigned char *)s->text + at, s->len - at, &cp);
    }
    uint32_t cp;
    size_t size = at < s->len ? utf8_decode((const unsigned char *)s->text + at, s->len - at, &cp)
                              : 0;
    return span_make((uint32_t)at, (uint32_t)(at + size));
}

/* next: one rune from the reader, position bookkeeping as in Go. */
static uint32_t next(struct json_scanner *s) {
    if (s->read >= s->len) {
        s->pos.column++;
        s->pos.at = s->pos.offset;
        s->last_char_len = 0;
        s->can_unread = false;
        return EOF_RUNE;
    }
    uint32_t cp;
    size_t size = utf8_decode((const unsigned char *)s->text + s->read, s->len - s->read, &cp);
    s->read += size;
    s->last_size = size;
    s->can_unread = true;
    if (cp == UTF8_INVALID) {
        s->pos.at = s->pos.offset;
        s->pos.column++;
        s->pos.offset += 1;
        s->last_char_len = 1;
        scan_error(s, "illegal UTF-8 encoding");
        return RUNE_ERROR;
    }
    s->prev = s->pos;
    s->pos.column++;
    s->last_char_len = (int64_t)size;
    s->pos.at = s->pos.offset;
    s->pos.offset += (int64_t)size;
    if (cp == '\n') {
        s->pos.line++;
        s->last_line_len = s->pos.column;
        s->pos.column = 0;
    }
    return cp;
}

/* unread: the reference panics when the last reader operation was not a
 * successful read (an escape cut off by the end of input); rktc goes on,
 * and the unterminated string is reported instead. */
static void unread(struct json_scanner *s) {
    if (!s->can_unread)
        return;
    s->read -= s->last_size;
    s->can_unread = false;
    s->pos = s->prev;
}

static uint32_t peek(struct json_scanner *s) {
    s->can_unread = false;
    if (s->read >= s->len)
        return EOF_RUNE;
    uint32_t cp;
    utf8_decode((const unsigned char *)s->text + s->read, s->len - s->read, &cp);
    return cp == UTF8_INVALID ? RUNE_ERROR : cp;
}

static bool is_letter(uint32_t ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
           (ch >= 0x80 && unicode_is_letter(ch));
}

static bool is_digit(uint32_t ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 0x80 && unicode_is_digit(ch));
}

static bool is_decimal(uint32_t ch) { return ch >= '0' && ch <= '9'; }

static bool is_whitespace(uint32_t ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static int digit_val(uint32_t ch) {
    if (ch >= '0' && ch <= '9')
        return (int)(ch - '0');
    if (ch >= 'a' && ch <= 'f')
        return (int)(ch - 'a' + 10);
    if (ch >= 'A' && ch <= 'F')
        return (int)(ch - 'A' + 10);
    return 16;
}

/* Bytes [start, end) clamped to the input (Go slices the source there). */
static void clamp_range(const struct json_scanner *s, int64_t *start, int64_t *end) {
    if (*start < 0)
        *start = 0;
    if (*end > (int64_t)s->len)
        *end = (int64_t)s->len;
    if (*start > *end)
        *start = *end;
}

static uint32_t scan_mantissa(struct json_scanner *s, uint32_t ch) {
    bool scanned = false;
    while (is_decimal(ch)) {
        ch = next(s);
        scanned = true;
    }
    if (scanned && ch != EOF_RUNE)
        unread(s);
    return ch;
}

static uint32_t scan_fraction(struct json_scanner *s, uint32_t ch) {
    if (ch == '.') {
        ch = peek(s);
        ch = scan_mantissa(s, ch);
    }
    return ch;
}

static uint32_t scan_exponent(struct json_scanner *s, uint32_t ch) {
    if (ch == 'e' || ch == 'E') {
        ch = next(s);
        if (ch == '-' || ch == '+')
            ch = next(s);
        ch = scan_mantissa(s, ch);
    }
    return ch;
}

static enum json_tok scan_number(struct json_scanner *s, uint32_t ch) {
    bool zero = ch == '0';
    struct json_pos start = s->pos;
    scan_mantissa(s, ch);
    ch = next(s);
    if (ch == 'e' || ch == 'E') {
        scan_exponent(s, ch);
        return JTOK_FLOAT;
    }
    if (ch == '.') {
        ch = scan_fraction(s, ch);
        if (ch == 'e' || ch == 'E') {
            ch = next(s);
            scan_exponent(s, ch);
        }
        return JTOK_FLOAT;
    }
    if (ch != EOF_RUNE)
        unread(s);
    if (zero && (start.offset != s->pos.offset || start.line != s->pos.line ||
                 start.column != s->pos.column))
        scan_error(s, "numbers cannot start with 0");
    return JTOK_NUMBER;
}

static uint32_t scan_digits(struct json_scanner *s, uint32_t ch, int base, int n) {
    while (n > 0 && digit_val(ch) < base) {
        ch = next(s);
        n--;
    }
    if (n > 0)
        scan_error(s, "illegal char escape");
    unread(s);
    return ch;
}

static void scan_escape(struct json_scanner *s) {
    uint32_t ch = next(s);
    switch (ch) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v':
    case '\\': case '"':
        break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        scan_digits(s, ch, 8, 3);
        break;
    case 'x':
        scan_digits(s, next(s), 16, 2);
        break;
    case 'u':
        scan_digits(s, next(s), 16, 4);
        break;
    case 'U':
        scan_digits(s, next(s), 16, 8);
        break;
    default:
        scan_error(s, "illegal char escape");
    }
}

static void scan_string(struct json_scanner *s) {
    int braces = 0;
    for (;;) {
        uint32_t ch = next(s);
        if (ch == '\n' || ch == EOF_RUNE) {
            scan_error(s, "literal not terminated");
            return;
        }
        if (ch == '"')
            break;
        /* `${` is tracked like the reference does, with no effect on
         * where the string ends. */
        if (braces == 0 && ch == '$' && peek(s) == '{') {
            braces++;
            next(s);
        } else if (braces > 0 && ch == '{') {
            braces++;
        }
        if (braces > 0 && ch == '}')
            braces--;
        if (ch == '\\')
            scan_escape(s);
    }
}

/* An identifier: only `true`, `false` (BOOL) and `null` are tokens. */
static enum json_tok scan_identifier(struct json_scanner *s) {
    int64_t start = s->pos.offset - s->last_char_len;
    uint32_t ch = next(s);
    while (is_letter(ch) || is_digit(ch) || ch == '-')
        ch = next(s);
    if (ch != EOF_RUNE)
        unread(s);
    int64_t end = s->pos.offset;
    clamp_range(s, &start, &end);
    const char *lit = s->text + start;
    size_t n = (size_t)(end - start);
    if ((n == 4 && memcmp(lit, "true", 4) == 0) || (n == 5 && memcmp(lit, "false", 5) == 0))
        return JTOK_BOOL;
    if (n == 4 && memcmp(lit, "null", 4) == 0)
        return JTOK_NULL;
    scan_error(s, "illegal char");
    return JTOK_ILLEGAL;
}

struct json_token json_scan(struct json_scanner *s) {
    uint32_t ch = next(s);
    while (is_whitespace(ch))
        ch = next(s);

    struct json_token tok = {.type = JTOK_ILLEGAL};
    int64_t start = s->pos.offset - s->last_char_len;
    if (s->pos.column > 0) {
        tok.line = s->pos.line;
        tok.column = s->pos.column;
    } else {
        tok.line = s->pos.line - 1;
        tok.column = s->last_line_len;
    }

    if (is_letter(ch)) {
        tok.type = scan_identifier(s);
    } else if (is_decimal(ch)) {
        tok.type = scan_number(s, ch);
    } else {
        switch (ch) {
        case EOF_RUNE:
            tok.type = JTOK_EOF;
            break;
        case '"':
            tok.type = JTOK_STRING;
            scan_string(s);
            break;
        case '.':
            tok.type = JTOK_PERIOD;
            ch = peek(s);
            if (is_decimal(ch)) {
                tok.type = JTOK_FLOAT;
                ch = scan_mantissa(s, ch);
                scan_exponent(s, ch);
            }
            break;
        case '[': tok.type = JTOK_LBRACK; break;
        case ']': tok.type = JTOK_RBRACK; break;
        case '{': tok.type = JTOK_LBRACE; break;
        case '}': tok.type = JTOK_RBRACE; break;
        case ',': tok.type = JTOK_COMMA; break;
        case ':': tok.type = JTOK_COLON; break;
        case '-':
            if (is_decimal(peek(s))) {
                ch = next(s);
                tok.type = scan_number(s, ch);
            } else {
                scan_error(s, "illegal char");
            }
            break;
        default: {
            char utf8[4];
            size_t n = utf8_encode(ch, utf8);
            char message[32];
            snprintf(message, sizeof message, "illegal char: %.*s", (int)n, utf8);
            scan_error(s, message);
        }
        }
    }

    int64_t end = s->pos.offset;
    clamp_range(s, &start, &end);
    tok.start = (uint32_t)start;
    tok.end = (uint32_t)end;
    return tok;
}
