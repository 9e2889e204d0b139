/* edits.h — a list of text edits: what the migration stage hands to the
 * rewrite targets.
 *
 * Contract: each edit replaces the bytes [start, end) of the input text with
 * `text` (an insertion when start == end). Edits come in any order; two
 * edits never start at the same place with the same end. Where two overlap,
 * the one that starts first wins. The texts live in the arena of the job. */
#ifndef RKTC_MIGRATE_EDITS_H
#define RKTC_MIGRATE_EDITS_H

#include <stddef.h>
#include <stdint.h>

struct mig_edit {
    uint32_t start, end;
    const char *text;
};

struct mig_edits {
    struct mig_edit *items;
    size_t count, cap;
};

#endif
