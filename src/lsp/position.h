/* position.h — LSP positions: zero-based line and character, where a
 * character counts UTF-16 code units (the protocol's default encoding).
 *
 * Contract: lines are those of the source's line index (a line ends after
 * '\n'; a '\r' before it belongs to the line's end). lsp_position maps a
 * byte offset to its position: a code point above U+FFFF counts two
 * units, every other code point one, an invalid byte one (as the U+FFFD
 * an editor shows for it); an offset inside a code point counts it as
 * before. lsp_offset maps back, clamping a line past the end to the end of
 * the text and a character past the line's end to the line's end (before
 * its newline); a position inside a surrogate pair gives the code point's
 * start. */
#ifndef RKTC_LSP_POSITION_H
#define RKTC_LSP_POSITION_H

#include "source.h"

#include <stdint.h>

struct lsp_position {
    uint32_t line;
    uint32_t character;
};

struct lsp_position lsp_position(const struct source *src, uint32_t offset);
uint32_t lsp_offset(const struct source *src, struct lsp_position pos);

#endif
