/* shell_quote.c — POSIX sh quoting (see shell_quote.h). */
#include "util/shell_quote.h"

#include <string.h>

/* Characters that mean nothing to the shell anywhere in a word. `=` is
 * plain too, except in a word that would read as an assignment. */
static bool is_plain(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || strchr("_./:@%+,=-", c) != NULL;
}

static bool is_name_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(unsigned char c) {
    return is_name_start(c) || (c >= '0' && c <= '9');
}

/* NAME=... as the first word of a command is an assignment, not a word. */
static bool looks_like_assignment(const unsigned char *s, size_t len) {
    if (len == 0 || !is_name_start(s[0]))
        return false;
    size_t i = 1;
    while (i < len && is_name_char(s[i]))
        i++;
    return i < len && s[i] == '=';
}

static bool can_stay_bare(const unsigned char *s, size_t len) {
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!is_plain(s[i]))
            return false;
    return !looks_like_assignment(s, len);
}

static bool needs_backslash(unsigned char c) {
    return c == '\'' || c == '$' || c == '`' || c == '\\';
}

bool shell_quote(struct buf *out, const char *text, size_t len) {
    const unsigned char *s = (const unsigned char *)text;
    if (memchr(s, '\0', len))
        return false;
    if (can_stay_bare(s, len)) {
        buf_add(out, s, len);
        return true;
    }
    if (len == 0) {
        buf_puts(out, "''");
        return true;
    }
    size_t i = 0;
    while (i < len) {
        if (needs_backslash(s[i])) {
            buf_putc(out, '\\');
            buf_putc(out, (char)s[i]);
            i++;
            continue;
        }
        size_t run = i;
        while (run < len && !needs_backslash(s[run]))
            run++;
        buf_putc(out, '\'');
        buf_add(out, s + i, run - i);
        buf_putc(out, '\'');
        i = run;
    }
    return true;
}

void shell_quote_str(struct buf *out, const char *text) {
    shell_quote(out, text, strlen(text));
}
