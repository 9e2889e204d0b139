#include "util/buf.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b) {
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->sink = NULL;
}

void buf_free(struct buf *b) {
    free(b->data);
    buf_init(b);
}

void buf_grow(struct buf *b, size_t extra) {
    if (b->len + extra < b->len)
        xalloc_die();
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2)
            xalloc_die();
        cap *= 2;
    }
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void buf_fill(struct buf *b, char c, size_t n) {
    buf_reserve(b, n);
    memset(b->data + b->len, c, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(NULL, 0, format, ap);
    va_end(ap);
    if (n < 0)
        xalloc_die();
    buf_reserve(b, (size_t)n);
    va_start(ap, format);
    vsnprintf(b->data + b->len, (size_t)n + 1, format, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *buf_detach(struct buf *b) {
    char *p = b->data;
    if (!p) {
        p = xmalloc(1);
        p[0] = '\0';
    }
    buf_init(b);
    return p;
}

void buf_clear(struct buf *b) {
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void buf_spill(struct buf *b) {
    if (!b->sink || b->len < 65536)
        return;
    fwrite(b->data, 1, b->len, b->sink);
    buf_clear(b);
}
