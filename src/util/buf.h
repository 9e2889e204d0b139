/* buf.h — growable byte buffer on the heap (output text, JSON, scripts).
 * Contract: data is always NUL-terminated; len excludes the NUL. buf_free
 * releases it; buf_detach hands the bytes to the caller (free()). A writer
 * that may produce long output calls buf_spill at safe points; the owner
 * sets `sink` to stream instead of holding (write errors show in ferror). */
#ifndef RKTC_BUF_H
#define RKTC_BUF_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct buf {
    char *data;
    size_t len;
    size_t cap;
    FILE *sink; /* when set, buf_spill writes the bytes out and empties it */
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
/* Room for extra more bytes (and the NUL). */
static inline void buf_reserve(struct buf *b, size_t extra) {
    /* (!b->data: an empty buffer has no storage yet; it also tells static
     * analyzers that data is set after this) */
    if (!b->data || b->len + extra + 1 > b->cap || b->len + extra < b->len)
        buf_grow(b, extra);
}
static inline void buf_add(struct buf *b, const void *data, size_t len) {
    buf_reserve(b, len);
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}
static inline void buf_putc(struct buf *b, char c) {
    buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
/* (inline: the length of a literal is known where it is written) */
static inline void buf_puts(struct buf *b, const char *text) { buf_add(b, text, strlen(text)); }
/* n copies of the byte c */
void buf_fill(struct buf *b, char c, size_t n);
void buf_printf(struct buf *b, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
char *buf_detach(struct buf *b);
void buf_clear(struct buf *b);
/* With a sink and more than 64 KiB held: writes the bytes to the sink and
 * empties the buffer (long outputs are streamed, not held). */
void buf_spill(struct buf *b);

#endif
