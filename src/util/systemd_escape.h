/* systemd_escape.h — writing one argv as the value of an Exec*= line.
 *
 * Contract: systemd 252 (config_parse_exec: word splitting with quotes and
 * C escapes, then specifier expansion, then `$` substitution at start)
 * reads the written text back as exactly the given argv, byte for byte:
 * `%` is written `%%`, `$` is written `$$`; a word is put in double quotes
 * when it is empty or holds anything but plain printable ASCII, and inside
 * the quotes `"` and `\` are backslash-escaped, control bytes and bytes
 * that are not valid UTF-8 are written as C escapes (`\n`, `\t`, `\xNN`),
 * valid UTF-8 stays as it is. No prefix (`-`, `@`, `:`, `+`, `!`) is ever
 * written. argv[0] is both the executable and argv[0]: it must be an
 * absolute path that systemd can run without rewriting it (no `$`, quotes,
 * backslash, control bytes; not ending in `/`); otherwise nothing is
 * appended and a static reason is returned. Arguments are never refused
 * (a NUL cannot occur in a C string). */
#ifndef RKTC_UTIL_SYSTEMD_ESCAPE_H
#define RKTC_UTIL_SYSTEMD_ESCAPE_H

#include "util/buf.h"

#include <stddef.h>

/* Appends the Exec*= value for argv[0..argc-1] (argc >= 1) to out.
 * Returns NULL on success, else why argv[0] cannot be written. */
const char *systemd_exec_line(struct buf *out, const char *const *argv,
                              size_t argc);
/* Appends one argument word (not argv[0]) escaped as above. */
void systemd_exec_word(struct buf *out, const char *word);
/* Why systemd could not run path as argv[0] exactly, or NULL if it can. */
const char *systemd_exec_path_problem(const char *path);

#endif
