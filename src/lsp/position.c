/* position.c — byte offsets and LSP positions (see position.h). */
#include "lsp/position.h"

#include "util/utf8.h"

/* The end of line (0-based): before its "\n" or "\r\n". */
static uint32_t line_end(const struct source *src, uint32_t line) {
    uint32_t start = source_line_start(src, line);
    uint32_t end = line + 1 < src->line_count ? source_line_start(src, line + 1)
                                              : (uint32_t)src->len;
    if (end > start && src->text[end - 1] == '\n') {
        end--;
        if (end > start && src->text[end - 1] == '\r')
            end--;
    }
    return end;
}

static size_t step(const struct source *src, uint32_t at, uint32_t *units) {
    uint32_t cp;
    size_t n = utf8_decode((const unsigned char *)src->text + at, src->len - at, &cp);
    if (n == 0 || cp == UTF8_INVALID)
        n = 1;
    *units = cp != UTF8_INVALID && cp > 0xFFFF ? 2 : 1;
    return n;
}

struct lsp_position lsp_position(const struct source *src, uint32_t offset) {
    struct lsp_position pos = {0, 0};
    if (!src || src->line_count == 0)
        return pos;
    if (offset > src->len)
        offset = (uint32_t)src->len;
    pos.line = (uint32_t)source_line_of(src, offset);
    uint32_t at = source_line_start(src, pos.line);
    while (at < offset) {
        uint32_t units;
        size_t n = step(src, at, &units);
        if (at + n > offset)
            break; /* offset inside a code point */
        pos.character += units;
        at += (uint32_t)n;
    }
    return pos;
}

uint32_t lsp_offset(const struct source *src, struct lsp_position pos) {
    if (!src || src->line_count == 0)
        return 0;
    if (pos.line >= src->line_count)
        return (uint32_t)src->len;
    uint32_t at = source_line_start(src, pos.line), end = line_end(src, pos.line);
    uint32_t counted = 0;
    while (at < end && counted < pos.character) {
        uint32_t units;
        size_t n = step(src, at, &units);
        if (counted + units > pos.character)
            break; /* inside a surrogate pair */
        counted += units;
        at += (uint32_t)n;
    }
    return at < end ? at : end;
}
