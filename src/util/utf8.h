/* utf8.h — UTF-8 decoding and the Unicode classes HCL's scanner uses.
 * Contract: utf8_decode reads one code point from s (at most len bytes)
 * and returns its length; an invalid or truncated sequence (overlong
 * forms and surrogates included, as Go rejects them) yields
 * UTF8_INVALID with length 1. Classes follow Go's unicode.IsLetter /
 * unicode.IsDigit for non-ASCII code points. */
#ifndef RKTC_UTF8_H
#define RKTC_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID 0xFFFFFFFFu

size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
size_t utf8_encode(uint32_t cp, char out[4]);
bool unicode_is_letter(uint32_t cp);
bool unicode_is_digit(uint32_t cp);

#endif
