/* cmd_jobspec.c — `rktc jobspec FILE`: the job as Nomad API JSON, as
 * `nomad job run -output` of Nomad 0.12.12 prints it (before defaults).
 * Exit 0 with the JSON on stdout; 1 when Nomad would refuse the job (located
 * NMD errors on stderr); 2 when the file is not HCL at all. Nomad API JSON
 * files ({"Job": {...}}) are read as Nomad's HTTP API reads them. */
#include "cli/cli.h"
#include "cli/render_plain.h"
#include "diag/diag.h"
#include "hcl/parse.h"
#include "json/json.h"
#include "nomad/api_json.h"
#include "nomad/decode.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_jobspec(int argc, char **argv) {
    const char *path = NULL, *display = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--stdin-filename") == 0) {
            if (++i >= argc)
                return cli_usage_error("jobspec", "--stdin-filename needs a value");
            display = argv[i];
        } else if (strncmp(argv[i], "--stdin-filename=", 17) == 0) {
            display = argv[i] + 17;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return cli_usage_error("jobspec", "unknown option '%s'", argv[i]);
        } else if (path) {
            return cli_usage_error("jobspec", "jobspec takes exactly one file");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return cli_usage_error("jobspec", "no input file");
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
    struct nomad_job *job = NULL;
    const struct json_value *api = NULL;
    if (hcl_is_json(src->text, src->len)) {
        struct diag_list json_diags;
        diag_list_init(&json_diags);
        const struct json_value *root = json_parse(arena, src, &json_diags);
        diag_list_free(&json_diags);
        if (nomad_is_api_json(root))
            api = root;
    }
    if (api) {
        if (!(job = nomad_decode_api_json(arena, src, api, &diags)))
            status = EXIT_FINDINGS;
    } else {
        struct hcl_file *file = hcl_parse(arena, src, &diags);
        if (!file)
            status = EXIT_INPUT;
        else if (!(job = nomad_decode_hcl(arena, file, &diags)))
            status = EXIT_FINDINGS;
    }
    if (job) {
        struct buf out;
        buf_init(&out);
        nomad_write_api_json(&out, job);
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
