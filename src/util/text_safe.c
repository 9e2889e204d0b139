/* text_safe.c — one-line, comment-safe text (see text_safe.h). */
#include "util/text_safe.h"
#include "util/utf8.h"

#include <string.h>

void text_safe_append(struct buf *out, const char *s, bool systemd) {
    const unsigned char *p = (const unsigned char *)s;
    size_t left = strlen(s);
    while (left > 0) {
        unsigned char c = *p;
        if (c >= 0x80) {
            uint32_t cp;
            size_t n = utf8_decode(p, left, &cp);
            if (cp != UTF8_INVALID) {
                buf_add(out, p, n);
                p += n;
                left -= n;
                continue;
            }
        }
        if (c < ' ' || c == 0x7f || c == '\\' || c >= 0x80)
            buf_printf(out, "\\x%02x", c);
        else if (c == '%' && systemd)
            buf_puts(out, "%%");
        else
            buf_putc(out, (char)c);
        p++;
        left--;
    }
}
