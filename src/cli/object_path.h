/* object_path.h — where a finding is in the job, by name.
 *
 * Contract: object_path returns the labels of the labelled blocks that
 * enclose a byte offset, outermost first, joined by '/' — for a finding
 * inside `job "web" { group "api" { task "app" { ... } } }` that is
 * "web/api/app" — or NULL when no labelled block encloses it (or file is
 * NULL). A block with several labels contributes them all. Heap string. */
#ifndef RKTC_CLI_OBJECT_PATH_H
#define RKTC_CLI_OBJECT_PATH_H

#include "hcl/tree.h"

#include <stddef.h>

char *object_path(const struct hcl_file *file, uint32_t offset);
/* The same for n offsets at once (paths[i] for offsets[i]): a large body
 * whose items are in source order is then searched by halving. */
void object_paths(const struct hcl_file *file, const uint32_t *offsets, size_t n,
                  char **paths);

#endif
