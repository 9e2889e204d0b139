/* imageref.h — how rkt 1.30.0 classifies and validates an image argument
 * of `rkt prepare` (docs/rkt-driver.md §17.4), as a pure function.
 *
 * Contract: image_classify never allocates outside the arena; `error` is
 * NULL when rkt would accept the reference (it may still fail to fetch),
 * else rkt's message (or, for digests, a plain explanation). */
#ifndef RKTC_RKT_IMAGEREF_H
#define RKTC_RKT_IMAGEREF_H

#include <stdbool.h>

struct arena;

enum image_kind {
    IMAGE_HASH,      /* sha512-…: local store only */
    IMAGE_APPC_NAME, /* discovery name, signed */
    IMAGE_FILE,      /* local .aci path or file:// URL */
    IMAGE_URL,       /* http(s)://….aci */
    IMAGE_DOCKER,    /* docker://… or docker:… */
    IMAGE_CIMD,
    IMAGE_INVALID,
};

struct image_ref {
    enum image_kind kind;
    const char *error;
};

struct image_ref image_classify(struct arena *arena, const char *image);
/* Docker's reference grammar for REF (without the docker:// prefix). */
const char *docker_reference_error(struct arena *arena, const char *ref);
/* rkt trust --prefix rules (docs/rkt-driver.md §17.8): NULL when accepted. */
const char *trust_prefix_error(struct arena *arena, const char *prefix);

#endif
