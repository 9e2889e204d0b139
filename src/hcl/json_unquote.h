/* json_unquote.h — string values of the HCL-JSON form (internal).
 *
 * Contract: json_unquote computes what HCL1 gets for a JSON STRING token:
 * Go's strconv.Unquote of the token text (quotes included), then invalid
 * UTF-8 (from \x or octal escapes) replaced by U+FFFD byte by byte, as Go's
 * encoding/json prints it. Returns false where Go's Unquote fails (the
 * reference panics there: octal escapes above \377, surrogate \u escapes,
 * \U above U+10FFFF) and sets *bad to the offset of the offending escape
 * within text. The result lives in the arena. */
#ifndef RKTC_HCL_JSON_UNQUOTE_H
#define RKTC_HCL_JSON_UNQUOTE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

bool json_unquote(struct arena *arena, const char *text, size_t len,
                  const char **out, size_t *out_len, size_t *bad);

/* Copy of len bytes with every invalid UTF-8 byte replaced by U+FFFD. */
char *json_sanitize_utf8(struct arena *arena, const char *text, size_t len,
                       size_t *out_len);

#endif
