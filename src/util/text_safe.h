/* text_safe.h — names from job files inside comments and free-text values.
 *
 * Contract: text_safe_append appends s with every byte that could end or
 * bend the line it is put on (control bytes, DEL, backslash, bytes that
 * are not valid UTF-8) written as `\xNN`; with systemd true, `%` is also
 * doubled (specifiers are expanded in values such as Description=). The
 * result is one line of valid UTF-8 that never ends in a backslash. */
#ifndef RKTC_UTIL_TEXT_SAFE_H
#define RKTC_UTIL_TEXT_SAFE_H

#include "util/buf.h"

#include <stdbool.h>

void text_safe_append(struct buf *out, const char *s, bool systemd);

#endif
