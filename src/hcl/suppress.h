/* suppress.h — inline suppressions written in the job file.
 *
 * Contract: suppress_apply reads the `rktc:ignore` pragmas among the
 * comments of a parsed file (`#`, `//` or block comments):
 *   # rktc:ignore ID[,ID...] [-- reason]       the next attribute or block,
 *                                              and everything inside it
 *   # rktc:ignore-file ID[,ID...] [-- reason]  the whole file
 * A finding of the file whose rule is named and whose primary span starts
 * inside the scope is silenced. It returns an array parallel to
 * diags->items (diags->count entries, heap, free with suppress_free):
 * NULL for an active finding, else the reason ("" when none). It also adds
 * findings about the pragmas themselves: RKC002 for an id that silenced
 * nothing, RKC003 for a pragma without a reason when require_reason is set
 * (such a pragma silences nothing), RKC004 for a pragma it cannot read
 * (no ids, unknown id, a fixed rule, nothing after it to apply to).
 * Fixed rules — unreadable or unparsable input, bad configuration — cannot
 * be suppressed (nor, in the configuration, disabled). Never prints. */
#ifndef RKTC_HCL_SUPPRESS_H
#define RKTC_HCL_SUPPRESS_H

#include "diag/diag.h"
#include "hcl/tree.h"

#include <stdbool.h>

struct suppress_options {
    bool require_reason;
};

bool rule_is_fixed(const struct rule *rule);

char **suppress_apply(const struct hcl_file *file, struct diag_list *diags,
                      const struct suppress_options *options);
void suppress_free(char **reasons, size_t count);

#endif
