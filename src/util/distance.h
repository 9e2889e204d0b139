/* distance.h — how far apart two names are, for "did you mean" hints.
 *
 * Contract: edit_distance is the Levenshtein distance between a and b in
 * bytes, capped: it returns cap + 1 whenever the distance is larger than
 * cap (and for texts longer than 255 bytes). Pure; no allocation. */
#ifndef RKTC_UTIL_DISTANCE_H
#define RKTC_UTIL_DISTANCE_H

#include <stddef.h>

size_t edit_distance(const char *a, const char *b, size_t cap);

#endif
