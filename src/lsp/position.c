/* position.c — byte offsets and LSP positions (see position.h). */
#include "lsp/position.h"

#include "util/utf8.h"

/* The line (0-based) holding offset: the last line start <= offset. */
static uint32_t line_of(const struct source *src, uint32_t offset) {
    size_t lo = 0, hi = src->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

/* The end of line (0-based): before its "\n" or "\r\n". */
static uint32_t line_end(const struct source *src, uint32_t line) {
    uint32_t end = line + 1 < src->line_count ? src->line_starts[line + 1]
                                              : (uint32_t)src->len;
    if (end > src->line_starts[line] && src->text[end - 1] == '\n') {
        end--;
        if (end > src->line_starts[line] && src->text[end - 1] == '\r')
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
    pos.line = line_of(src, offset);
    uint32_t at = src->line_starts[pos.line];
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
    uint32_t at = src->line_starts[pos.line], end = line_end(src, pos.line);
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
