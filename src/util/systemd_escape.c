/* systemd_escape.c — Exec*= escaping for systemd 252 (see systemd_escape.h). */
#include "util/systemd_escape.h"

#include <stdbool.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (n bytes left) of a non-ASCII
 * character, or 0 when the bytes there are not valid UTF-8 (overlong
 * forms, surrogates and values above U+10FFFF are invalid). */
static size_t utf8_sequence(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    size_t len;
    unsigned long cp;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
        return 0;
    return len;
}

/* Printable ASCII that means nothing to systemd's word splitter. */
static bool is_bare(unsigned char c) {
    return c > ' ' && c < 0x7f && c != '"' && c != '\'' && c != '\\' &&
           c != ';';
}

static bool needs_quotes(const char *word) {
    if (!*word)
        return true;
    for (const unsigned char *p = (const unsigned char *)word; *p; p++)
        if (!is_bare(*p))
            return true;
    return false;
}

static void put_hex_escape(struct buf *out, unsigned char c) {
    static const char hex[] = "0123456789abcdef";
    char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
    buf_add(out, esc, 4);
}

void systemd_exec_word(struct buf *out, const char *word) {
    bool quoted = needs_quotes(word);
    if (quoted)
        buf_putc(out, '"');
    const unsigned char *p = (const unsigned char *)word;
    size_t left = strlen(word);
    while (left > 0) {
        unsigned char c = *p;
        size_t step = 1;
        switch (c) {
        case '%': buf_puts(out, "%%"); break;
        case '$': buf_puts(out, "$$"); break;
        case '"': buf_puts(out, "\\\""); break;
        case '\\': buf_puts(out, "\\\\"); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\t': buf_puts(out, "\\t"); break;
        case '\r': buf_puts(out, "\\r"); break;
        default:
            if (c < ' ' || c == 0x7f) {
                put_hex_escape(out, c);
            } else if (c < 0x80) {
                buf_putc(out, (char)c);
            } else if ((step = utf8_sequence(p, left)) > 0) {
                buf_add(out, p, step);
            } else {
                step = 1;
                put_hex_escape(out, c);
            }
        }
        p += step;
        left -= step;
    }
    if (quoted)
        buf_putc(out, '"');
}

const char *systemd_exec_path_problem(const char *path) {
    if (path[0] != '/')
        return "the executable is not an absolute path";
    size_t len = strlen(path);
    if (path[len - 1] == '/')
        return "the executable path ends in '/'";
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p < ' ' || *p == 0x7f)
            return "the executable path holds a control character";
        if (*p == '"' || *p == '\'' || *p == '\\')
            return "the executable path holds a quote or backslash, which "
                   "systemd refuses in executable names";
        if (*p == '$')
            return "the executable path holds '$', which systemd substitutes "
                   "in argv[0] but not in the executed path";
    }
    return NULL;
}

const char *systemd_exec_line(struct buf *out, const char *const *argv,
                              size_t argc) {
    const char *problem = systemd_exec_path_problem(argv[0]);
    if (problem)
        return problem;
    systemd_exec_word(out, argv[0]);
    for (size_t i = 1; i < argc; i++) {
        buf_putc(out, ' ');
        systemd_exec_word(out, argv[i]);
    }
    return NULL;
}
