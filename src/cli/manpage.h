/* manpage.h — the rktc(1) man page in roff (man macros), generated from
 * the command table (commands.def) and the rule table (rules.def), so the
 * page never disagrees with the program. */
#ifndef RKTC_CLI_MANPAGE_H
#define RKTC_CLI_MANPAGE_H

#include "util/buf.h"

void manpage_write(struct buf *out);

#endif
