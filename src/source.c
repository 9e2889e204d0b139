#include "source.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>

/* the bytes of w that are '\n', as their top bits (exact per byte) */
static uint64_t newline_bytes(uint64_t w) {
    uint64_t x = w ^ 0x0A0A0A0A0A0A0A0Aull;
    return ~(((x & 0x7F7F7F7F7F7F7F7Full) + 0x7F7F7F7F7F7F7F7Full) | x | 0x7F7F7F7F7F7F7F7Full);
}

/* Newlines are counted eight bytes at a time; a word is looked at byte
 * by byte only when a mark (a line that starts a stride) falls in it. */
static void index_lines(struct source *src) {
    size_t cap = 64, marks = 0, lines = 1;
    uint32_t *starts = xmalloc(cap * sizeof *starts);
    starts[marks++] = 0;
    const char *text = src->text;
    size_t len = src->len, i = 0;
    for (;;) {
        size_t stop = len;
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, text + i, 8);
            /* one per newline byte, summed into the top byte */
            size_t n = (size_t)(((newline_bytes(w) >> 7) * 0x0101010101010101ull) >> 56);
            /* how many newlines on the next one makes a mark: the one
             * counted while lines % stride == 0 */
            size_t to_mark = (SOURCE_LINE_STRIDE - lines % SOURCE_LINE_STRIDE) % SOURCE_LINE_STRIDE + 1;
            if (n < to_mark) {
                lines += n;
                i += 8;
                continue;
            }
            stop = i + 8;
        }
        if (i >= len)
            break;
        for (; i < stop; i++) {
            if (text[i] != '\n')
                continue;
            if (lines++ % SOURCE_LINE_STRIDE)
                continue;
            if (marks == cap) {
                cap *= 2;
                starts = xreallocarray(starts, cap, sizeof *starts);
            }
            starts[marks++] = (uint32_t)(i + 1);
        }
    }
    src->line_marks = starts;
    src->line_count = lines;
}

/* text: len bytes + room for two more, owned by the new source */
static struct source *source_adopt(const char *name, char *text, size_t len) {
    struct source *src = xcalloc(1, sizeof *src);
    src->path = xstrdup(name);
    /* two NULs after the text: the scanner reads the buffer in place */
    src->text = text;
    src->text[len] = src->text[len + 1] = '\0';
    src->len = len;
    index_lines(src);
    return src;
}

struct source *source_from_memory(const char *name, const char *bytes,
                                  size_t len) {
    char *text = xmalloc(len + 2);
    if (len)
        memcpy(text, bytes, len);
    return source_adopt(name, text, len);
}

struct source *source_load(const char *path, const char *display_name,
                           char **error) {
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    const char *name = display_name ? display_name : (is_stdin ? "<stdin>" : path);
    if (!f) {
        struct buf m;
        buf_init(&m);
        buf_printf(&m, "%s: cannot open: %s", name, strerror(errno));
        *error = buf_detach(&m);
        return NULL;
    }
    /* a regular file is read into one block of its size plus two bytes
     * (no doubling, no copy); a pipe's block grows as bytes come */
    struct stat st;
    size_t cap = 65536, len = 0;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uintmax_t)st.st_size <= SOURCE_MAX_BYTES)
        cap = (size_t)st.st_size + 3; /* +1 to see the end without growing */
    char *text = xmalloc(cap);
    int too_big = 0;
    for (;;) {
        if (cap - len < 3) {
            cap *= 2;
            text = xrealloc(text, cap);
        }
        size_t n = fread(text + len, 1, cap - len - 2, f);
        if (n == 0)
            break;
        if (len + n > SOURCE_MAX_BYTES) {
            too_big = 1;
            break;
        }
        len += n;
    }
    int read_error = ferror(f);
    int saved = errno;
    if (!is_stdin)
        fclose(f);
    if (too_big || read_error) {
        free(text);
        struct buf m;
        buf_init(&m);
        if (too_big)
            buf_printf(&m, "%s: input larger than the limit of %zu MiB",
                       name, SOURCE_MAX_BYTES >> 20);
        else
            buf_printf(&m, "%s: read error: %s", name, strerror(saved));
        *error = buf_detach(&m);
        return NULL;
    }
    return source_adopt(name, text, len);
}

void source_free(struct source *src) {
    if (!src)
        return;
    free(src->path);
    free(src->text);
    free(src->line_marks);
    free(src);
}

uint32_t source_line_start(const struct source *src, size_t line) {
    uint32_t at = src->line_marks[line / SOURCE_LINE_STRIDE];
    for (size_t n = line % SOURCE_LINE_STRIDE; n > 0; n--) {
        const char *nl = memchr(src->text + at, '\n', src->len - at);
        at = (uint32_t)(nl - src->text) + 1;
    }
    return at;
}

/* the 0-based line holding offset, and where it starts, in one scan from
 * the nearest mark */
static size_t line_at(const struct source *src, uint32_t offset, uint32_t *start) {
    size_t lo = 0, hi = (src->line_count + SOURCE_LINE_STRIDE - 1) / SOURCE_LINE_STRIDE;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->line_marks[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    size_t line = lo * SOURCE_LINE_STRIDE;
    const char *p = src->text + src->line_marks[lo], *end = src->text + offset;
    *start = src->line_marks[lo];
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        p++;
        line++;
        *start = (uint32_t)(p - src->text);
    }
    return line;
}

size_t source_line_of(const struct source *src, uint32_t offset) {
    uint32_t start;
    return line_at(src, offset, &start);
}

struct position source_position(const struct source *src, uint32_t offset) {
    if (offset > src->len)
        offset = (uint32_t)src->len;
    uint32_t start, column = 1;
    size_t li = line_at(src, offset, &start);
    for (uint32_t i = start; i < offset; i++) {
        unsigned char c = (unsigned char)src->text[i];
        if ((c & 0xC0) != 0x80)
            column++;
        else if (i == start)
            column++;
    }
    struct position p = {(uint32_t)li + 1, column};
    return p;
}

const char *source_line(const struct source *src, uint32_t line, size_t *len) {
    if (line == 0 || line > src->line_count) {
        *len = 0;
        return "";
    }
    uint32_t start = source_line_start(src, line - 1), end = (uint32_t)src->len;
    const char *nl = memchr(src->text + start, '\n', src->len - start);
    if (nl && line < src->line_count)
        end = (uint32_t)(nl - src->text);
    if (end > start && src->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return src->text + start;
}
