/* buf.h — growable byte buffer on the heap (output text, JSON, scripts).
 * Contract: data is always NUL-terminated; len excludes the NUL. buf_free
 * releases it; buf_detach hands the bytes to the caller (free()). */
#ifndef RKTC_BUF_H
#define RKTC_BUF_H

#include <stddef.h>

struct buf {
    char *data;
    size_t len;
    size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *text);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
char *buf_detach(struct buf *b);
void buf_clear(struct buf *b);

#endif
