/* report_saved.h — reading a saved `rktc check --format=json` result back
 * into a check run (what `rktc report` renders; implemented in
 * cmd_report.c).
 *
 * Contract: report_saved_read takes the parsed saved result (version 1:
 * {"version": 1, "files": [{"path", "diagnostics", "suppressed"}]}) and
 * adds each file with its findings to run (check_run_add), positions
 * turned back into offsets in the file as it is now, or in blank lines
 * standing in for it when it cannot be read or read_files is false. It
 * never prints: why the result cannot be read (not version 1, a file
 * without a path, a finding with an unknown rule or no message) is
 * appended to errors as "rktc: ..." lines, and it returns false. */
#ifndef RKTC_CLI_REPORT_SAVED_H
#define RKTC_CLI_REPORT_SAVED_H

#include "cli/check_run.h"
#include "cli/config.h"
#include "json/json.h"
#include "util/buf.h"

#include <stdbool.h>

bool report_saved_read(struct check_run *run, const struct config *cfg,
                       const struct json_value *root, bool read_files, struct buf *errors);

#endif
