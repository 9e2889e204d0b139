/* findings.h — findings printed on a terminal or log, by every command.
 *
 * Contract: cli_print_findings sorts diags and writes each finding to out
 * exactly as `rktc check` prints it in its text format (report_text_one):
 * FILE:LINE:COL, severity and rule id, the message, the source excerpt
 * with a caret, notes and the fix, with control bytes and invalid UTF-8
 * replaced. Colours when out is a terminal, unless NO_COLOR is set or
 * TERM is dumb. No summary line. */
#ifndef RKTC_CLI_FINDINGS_H
#define RKTC_CLI_FINDINGS_H

#include "diag/diag.h"

#include <stdbool.h>
#include <stdio.h>

void cli_print_findings(FILE *out, struct diag_list *diags);
/* Whether a stream gets colours by default (a terminal, NO_COLOR unset,
 * TERM not dumb). */
bool cli_stream_color(FILE *out);

#endif
