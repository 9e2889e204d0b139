/* json_quote.c — JSON string literals (see json_quote.h). */
#include "util/json_quote.h"
#include "util/utf8.h"

#include <stdint.h>

void json_write_string(struct buf *out, const char *text, size_t len) {
    static const char hex[] = "0123456789abcdef";
    buf_reserve(out, len + 2);
    buf_putc(out, '"');
    size_t i = 0, run = 0;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++, run++;
            continue;
        }
        buf_add(out, text + i - run, run);
        run = 0;
        if (c < 0x80) {
            switch (c) {
            case '"': buf_puts(out, "\\\""); break;
            case '\\': buf_puts(out, "\\\\"); break;
            case '\n': buf_puts(out, "\\n"); break;
            case '\r': buf_puts(out, "\\r"); break;
            case '\t': buf_puts(out, "\\t"); break;
            default: {
                char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                buf_add(out, e, 6);
            }
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)text + i, len - i, &cp);
        if (cp == UTF8_INVALID) {
            buf_puts(out, "\\ufffd");
        } else if (cp == 0x2028 || cp == 0x2029) {
            buf_printf(out, "\\u%04x", cp);
        } else {
            buf_add(out, text + i, k);
        }
        i += k;
    }
    buf_add(out, text + i - run, run);
    buf_putc(out, '"');
}
