/* safe_write.h — replace a file atomically.
 *
 * Contract: safe_write_file writes len bytes to a new temporary file in the
 * destination's directory, fsyncs it, renames it over path and fsyncs the
 * directory, so readers see either the old file or the complete new one,
 * never a partial write. The new file gets mode 0666 & ~umask (like fopen).
 * On failure nothing at path changes, the temporary file is removed, and a
 * message ("PATH: reason") is stored in *error (caller frees). */
#ifndef RKTC_SAFE_WRITE_H
#define RKTC_SAFE_WRITE_H

#include <stdbool.h>
#include <stddef.h>

bool safe_write_file(const char *path, const void *data, size_t len,
                     char **error);

#endif
