/* json_scan.h — the HCL-JSON scanner (internal to src/hcl).
 *
 * Contract: a faithful port of HashiCorp HCL1's json/scanner, quirks
 * included: the token set of json/token (`true`/`false` are BOOL, `null`
 * is NULL, any other identifier is an error), numbers with the scanner's
 * own rules (a leading 0 followed by digits is an error, `1e}` swallows the
 * `}` into the token), strings with native HCL's escape set (`\/` is an
 * error), a NUL byte reads as end of input but scanning may go on after
 * it, and line/column bookkeeping exactly as the Go scanner keeps it, so
 * error positions agree with the reference. Scanning never stops at an
 * error: like the reference, the scanner records the error (only the last
 * one counts, as in the reference) and returns a token anyway. */
#ifndef RKTC_HCL_JSON_SCAN_H
#define RKTC_HCL_JSON_SCAN_H

#include "source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum json_tok {
    JTOK_ILLEGAL,
    JTOK_EOF,
    JTOK_NUMBER,
    JTOK_FLOAT,
    JTOK_BOOL,
    JTOK_STRING,
    JTOK_NULL,
    JTOK_LBRACK,
    JTOK_LBRACE,
    JTOK_COMMA,
    JTOK_PERIOD,
    JTOK_COLON,
    JTOK_RBRACK,
    JTOK_RBRACE,
};

/* Position as the Go scanner keeps it. `at` is the byte offset of the
 * character whose column `column` is (for column 0: the '\n' just read). */
struct json_pos {
    int64_t offset;
    int64_t line;
    int64_t column;
    int64_t at;
};

struct json_token {
    enum json_tok type;
    uint32_t start, end; /* token text: bytes [start, end) */
    int64_t line, column; /* the reference's token position */
};

struct json_scanner {
    const char *text;
    size_t len;
    size_t read;          /* bytes consumed by the reader */
    size_t last_size;     /* size of the last successful read, for unread */
    bool can_unread;      /* the reader's "last operation was a read" */
    struct json_pos pos, prev;
    int64_t last_char_len;
    int64_t last_line_len;
    /* the last error, as the reference keeps it */
    unsigned error_count;
    char error[64];
    int64_t error_line, error_column;
};

void json_scan_init(struct json_scanner *s, const char *text, size_t len);
struct json_token json_scan(struct json_scanner *s);
/* Where the last error is (meaningful when error_count > 0). */
struct span json_scan_error_span(const struct json_scanner *s);
const char *json_tok_name(enum json_tok type);

#endif
