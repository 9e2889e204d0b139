/* unit_name.c — escaped, length-limited unit names (see unit_name.h). */
#include "util/unit_name.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static bool is_valid_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == ':' || c == '_' || c == '.';
}

void unit_name_escape(struct buf *out, const char *name, size_t len) {
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (is_valid_char(c) && !(i == 0 && c == '.')) {
            buf_putc(out, (char)c);
        } else {
            char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            buf_add(out, esc, 4);
        }
    }
}

static uint64_t fnv1a64(const char *data, size_t len) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

char *unit_name_join(const char *prefix, const char *const *components,
                     size_t count, const char *suffix) {
    struct buf name;
    buf_init(&name);
    buf_puts(&name, prefix);
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            buf_putc(&name, '-');
        unit_name_escape(&name, components[i], strlen(components[i]));
    }
    size_t suffix_len = strlen(suffix);
    if (name.len + suffix_len > UNIT_NAME_MAX) {
        uint64_t h = fnv1a64(name.data, name.len);
        size_t keep = UNIT_NAME_MAX - suffix_len - 17;
        /* do not cut inside a "\xNN" escape */
        for (size_t back = 1; back <= 3 && back <= keep; back++)
            if (name.data[keep - back] == '\\') {
                keep -= back;
                break;
            }
        name.len = keep;
        name.data[keep] = '\0';
        buf_printf(&name, "_%016llx", (unsigned long long)h);
    }
    buf_puts(&name, suffix);
    return buf_detach(&name);
}

bool unit_name_is_valid(const char *name) {
    size_t len = strlen(name);
    if (len == 0 || len > UNIT_NAME_MAX)
        return false;
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name || dot[1] == '\0')
        return false;
    for (const char *p = name; p < dot; p++)
        if (!is_valid_char((unsigned char)*p) && *p != '-' && *p != '\\' &&
            *p != '@')
            return false;
    for (const char *p = dot + 1; *p; p++)
        if (!((*p >= 'a' && *p <= 'z')))
            return false;
    return true;
}
