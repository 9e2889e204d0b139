/* unit_name.h — systemd unit names for jobs, groups and tasks.
 *
 * Contract: unit_name_escape appends one name component escaped by
 * systemd-escape's rules (ASCII letters, digits, `:`, `_` and `.` stay,
 * except a leading `.`; every other byte becomes `\xNN`, lower-case hex),
 * with one deliberate difference: `/` becomes `\x2f` instead of `-`, so
 * that `-` only ever separates components and different name tuples never
 * give the same unit name. unit_name_join builds
 * "<prefix><c1>-<c2>-...<suffix>" from escaped components; when that
 * exceeds systemd's limit of UNIT_NAME_MAX bytes it keeps a prefix of the
 * escaped text (never cutting an escape) and appends `_` and 16 hex digits
 * of a stable 64-bit FNV-1a hash of the full escaped name, so the result is
 * stable across runs and at most UNIT_NAME_MAX bytes. Callers that build
 * many names should still check them for duplicates. */
#ifndef RKTC_UTIL_UNIT_NAME_H
#define RKTC_UTIL_UNIT_NAME_H

#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

#define UNIT_NAME_MAX 255

void unit_name_escape(struct buf *out, const char *name, size_t len);
/* Returns a heap string (caller frees). prefix and suffix are written as
 * they are (e.g. "rktc-" and ".service"). */
char *unit_name_join(const char *prefix, const char *const *components,
                     size_t count, const char *suffix);
/* systemd's own check: length, characters, one suffix. */
bool unit_name_is_valid(const char *name);

#endif
