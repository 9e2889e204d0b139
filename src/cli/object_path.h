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

char *object_path(const struct hcl_file *file, uint32_t offset);

#endif
