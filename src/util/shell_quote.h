/* shell_quote.h — POSIX sh quoting of one byte string.
 *
 * Contract: shell_quote appends to out one shell word that a POSIX shell
 * (dash, bash, busybox sh) reads back as exactly the len bytes at text —
 * no expansion, no field splitting, no globbing, in any position of a
 * command (a word that looks like an assignment or starts with `~`/`#` is
 * quoted). Any bytes are accepted (UTF-8 or not) except NUL, which no
 * argument can hold: then nothing is appended and false is returned.
 * Words of plain characters stay bare; everything else is written as
 * single-quoted runs, with `'`, `$`, backquote and backslash written
 * outside the quotes as `\'`, `\$`, "\`", `\\`, so that shellcheck sees no
 * expansion-looking text inside single quotes. The empty string is `''`. */
#ifndef RKTC_UTIL_SHELL_QUOTE_H
#define RKTC_UTIL_SHELL_QUOTE_H

#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

bool shell_quote(struct buf *out, const char *text, size_t len);
/* shell_quote of a NUL-terminated string (cannot fail). */
void shell_quote_str(struct buf *out, const char *text);

#endif
