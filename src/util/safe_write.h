/* safe_write.h — write an output file atomically, or through a special file.
 *
 * Contract: when path is (or does not yet exist as) a regular file,
 * safe_write_file writes len bytes to a new temporary file in the
 * destination's directory, fsyncs it, renames it over the file and fsyncs
 * the directory, so readers see either the old file or the complete new
 * one, never a partial write. The new file gets mode 0666 & ~umask (like
 * fopen). A symbolic link to a regular file stays a link: its target is
 * replaced. When path names a special file — a character or block device,
 * a FIFO, a socket, a symbolic link to one of these, or an inherited
 * descriptor (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N) — the
 * bytes are written through it and the file itself is never replaced.
 * On failure nothing at path changes, the temporary file is removed, and a
 * message ("PATH: reason") is stored in *error (caller frees). The caller
 * decides what SIGPIPE does when a FIFO's reader goes away. */
#ifndef RKTC_SAFE_WRITE_H
#define RKTC_SAFE_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

bool safe_write_file(const char *path, const void *data, size_t len,
                     char **error);

/* Creates path, which must not exist yet (a link there is not followed),
 * with the given mode (umask not applied), writes len bytes, fsyncs and
 * closes it: for a file in a staging directory that the caller moves into
 * place itself. On failure *error holds "SHOWN: reason" (caller frees),
 * shown being the name the user knows the file by; a partly written file
 * is left for the caller to remove with its directory. */
bool safe_write_new(const char *path, const char *shown, const void *data, size_t len,
                    mode_t mode, char **error);

#endif
