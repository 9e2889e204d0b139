/* json_quote.h — one byte string as a JSON string literal.
 *
 * Contract: json_write_string appends the literal of len bytes as Go's
 * encoding/json writes it: `"` and `\\` escaped, \n \r \t as such, other
 * control bytes as \u00XX, U+2028 and U+2029 as \u2028/\u2029, invalid
 * UTF-8 as \ufffd, everything else as it is. Below every layer that
 * writes JSON (the HCL layer's generic values, the plan's own output). */
#ifndef RKTC_UTIL_JSON_QUOTE_H
#define RKTC_UTIL_JSON_QUOTE_H

#include "util/buf.h"

#include <stddef.h>

void json_write_string(struct buf *out, const char *text, size_t len);

#endif
