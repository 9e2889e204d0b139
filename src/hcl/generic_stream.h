/* generic_stream.h — HCL's generic decode written as JSON straight from
 * the tree, without building the values of the whole file.
 *
 * Contract: hcl_generic_write_json writes to out exactly the bytes
 * gval_write_json(out, hcl_decode_generic(file), indent) writes, and
 * reports exactly the diagnostic hcl_decode_generic reports. It first
 * checks the whole decode (the rules of decode_rules.h, in the reference's
 * order, keeping no values); on an error it adds the HCL002 diagnostic,
 * writes nothing and returns false. Then it writes each map's entries in
 * sorted key order as it walks the tree; a key whose repeated values merge
 * is written from all of them (slices one after the other, scalars from
 * the last one, in the first one's type). Memory: per nesting level, the
 * fields of the map being written (released after the map), never the
 * values of the file. out may have a sink (buf_spill is called between
 * entries). */
#ifndef RKTC_HCL_GENERIC_STREAM_H
#define RKTC_HCL_GENERIC_STREAM_H

#include "diag/diag.h"
#include "hcl/tree.h"
#include "util/buf.h"

#include <stdbool.h>

bool hcl_generic_write_json(struct buf *out, const struct hcl_file *file, int indent,
                            struct diag_list *diags);

#endif
