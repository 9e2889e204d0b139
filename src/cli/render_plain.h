/* render_plain.h — minimal diagnostics printer for commands that are not
 * linters (parse, jobspec): one "FILE:LINE:COL: severity[ID]: message"
 * line per finding, in order. */
#ifndef RKTC_RENDER_PLAIN_H
#define RKTC_RENDER_PLAIN_H

#include "diag/diag.h"

#include <stdio.h>

void render_plain(FILE *out, struct diag_list *diags);

#endif
