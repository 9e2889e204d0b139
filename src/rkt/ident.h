/* ident.h — deterministic identifiers.
 *
 * Contract: uuid_derive returns a lower-case RFC 4122 shaped UUID (version
 * nibble 5, variant 10xx) computed from the bytes of `text` alone with
 * SHA-1 under a fixed rktc namespace, so the same input always gives the
 * same id (reproducible builds). uuid_valid checks the 8-4-4-4-12 hex
 * shape. */
#ifndef RKTC_RKT_IDENT_H
#define RKTC_RKT_IDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

char *uuid_derive(struct arena *arena, const char *text);
bool uuid_valid(const char *text);
/* SHA-1 of len bytes into out[20]. */
void sha1_digest(const void *data, size_t len, uint8_t out[20]);

#endif
