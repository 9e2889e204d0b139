/* cmd_parse.c — `rktc parse FILE`: the generic HCL1 decode as JSON, equal
 * to what HashiCorp's HCL1 library decodes (tools/hcl1json). On a syntax
 * or decode error: FILE:LINE:COL: message on stderr, exit 2. */
#include "cli/cli.h"
#include "cli/render_plain.h"
#include "diag/diag.h"
#include "hcl/generic.h"
#include "hcl/parse.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_parse(int argc, char **argv) {
    const char *path = NULL, *display = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--stdin-filename") == 0) {
            if (++i >= argc)
                return cli_usage_error("parse", "--stdin-filename needs a value");
            display = argv[i];
        } else if (strncmp(argv[i], "--stdin-filename=", 17) == 0) {
            display = argv[i] + 17;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return cli_usage_error("parse", "unknown option '%s'", argv[i]);
        } else if (path) {
            return cli_usage_error("parse", "parse takes exactly one file");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return cli_usage_error("parse", "no input file");
    char *error = NULL;
    struct source *src = source_load(path, strcmp(path, "-") == 0 ? display : NULL, &error);
    if (!src) {
        fprintf(stderr, "rktc: %s\n", error);
        free(error);
        return EXIT_INPUT;
    }
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    int status = EXIT_OK;
    struct hcl_file *file = hcl_parse(arena, src, &diags);
    struct gval *value = file ? hcl_decode_generic(arena, file, &diags) : NULL;
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
    render_plain(stderr, &diags);
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
    if (fflush(stdout) != 0)
        status = EXIT_INPUT;
    return status;
}
