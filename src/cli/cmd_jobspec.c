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
    struct source *src = NULL;
    int loaded = cli_load_single(argc, argv, &src);
    if (loaded != EXIT_OK)
        return loaded;
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
