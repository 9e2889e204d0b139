/* audit_skipped.h — the files a directory walk leaves out, so `rktc audit`
 * can name them instead of skipping them silently.
 *
 * Contract: audit_skipped_collect walks each directory argument the way
 * inputs_collect does (entries starting with '.' skipped, symbolic links to
 * directories not followed, same depth limit) and returns the regular files
 * whose names inputs_wanted_name refuses, sorted bytewise (heap; free each
 * path and the array). Arguments that are not directories add nothing. */
#ifndef RKTC_CLI_AUDIT_SKIPPED_H
#define RKTC_CLI_AUDIT_SKIPPED_H

#include <stddef.h>

char **audit_skipped_collect(char *const *args, size_t count, size_t *out_count);

#endif
