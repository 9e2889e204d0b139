/* cmd_parse.c — `rktc parse FILE`: the generic HCL1 decode as JSON, equal
 * to what HashiCorp's HCL1 library decodes (tools/hcl1json), written
 * straight from the syntax tree (hcl/generic_stream.h: the values of the
 * whole file are never built). On a syntax or decode error:
 * FILE:LINE:COL: message on stderr, nothing on stdout, exit 2. */
#include "cli/cli.h"
#include "cli/findings.h"
#include "diag/diag.h"
#include "hcl/generic_stream.h"
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
    struct unit_options load = {.stage = UNIT_SYNTAX, .as_hcl = true}; /* the HCL1 library's view */
    unit_load(&unit, src, &load);
    int status = EXIT_INPUT;
    if (unit.tree && !unit.unreadable) {
        struct buf out;
        buf_init(&out);
        out.sink = stdout; /* streamed: nothing is written before the decode is checked */
        if (hcl_generic_write_json(&out, unit.tree, 2, &unit.diags)) {
            buf_putc(&out, '\n');
            fwrite(out.data, 1, out.len, stdout);
            status = EXIT_OK;
        }
        buf_free(&out);
    }
    cli_print_findings(stderr, &unit.diags);
    unit_free(&unit);
    source_free(src);
    if (fflush(stdout) != 0)
        status = EXIT_INPUT;
    return status;
}
