/* explain.h — the text `rktc explain ID` prints for one rule (also the
 * language server's hover). Never prints. */
#ifndef RKTC_CLI_EXPLAIN_H
#define RKTC_CLI_EXPLAIN_H

#include "diag/diag.h"
#include "util/buf.h"

/* Appends "ID name (default severity: S)", the summary and the
 * explanation, ending in a newline. */
void explain_render(const struct rule *rule, struct buf *out);

#endif
