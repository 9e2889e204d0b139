/* cmd_parse.c — `rktc parse FILE`: the generic HCL1 decode as JSON, equal
 * to what HashiCorp's HCL1 library decodes (tools/hcl1json). On a syntax
 * or decode error: FILE:LINE:COL: message on stderr, exit 2. */
#include "cli/cli.h"
#include "cli/findings.h"
#include "diag/diag.h"
#include "hcl/generic.h"
#include "nomad/unit.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_parse(int argc, char **argv) {
    struct source *src = NULL;
    int loaded = cli_load_single(argc, argv, &src);
    if (loaded != EXIT_OK)
        return loaded;
    struct unit unit;
    struct unit_options load = {.stage = UNIT_SYNTAX, .generic = true, .as_hcl = true}; /* the HCL1 library's view */
    unit_load(&unit, src, &load);
    int status = EXIT_OK;
    const struct gval *value = unit.generic;
    if (!value) {
        status = EXIT_INPUT;
    } else {
        struct buf out;
        buf_init(&out);
        out.sink = stdout; /* streamed: a large decode is not held twice */
        gval_write_json(&out, value, 2);
        buf_putc(&out, '\n');
        fwrite(out.data, 1, out.len, stdout);
        buf_free(&out);
    }
    cli_print_findings(stderr, &unit.diags);
    unit_free(&unit);
    source_free(src);
    if (fflush(stdout) != 0)
        status = EXIT_INPUT;
    return status;
}
