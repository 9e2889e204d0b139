/* cmd_jobspec.c — `rktc jobspec FILE`: the job as Nomad API JSON, as
 * `nomad job run -output` of Nomad 0.12.12 prints it (before defaults).
 * Exit 0 with the JSON on stdout; 1 when Nomad would refuse the job (located
 * NMD errors on stderr); 2 when the file is not HCL at all. Nomad API JSON
 * files ({"Job": {...}}) are read as Nomad's HTTP API reads them. */
#include "cli/cli.h"
#include "cli/findings.h"
#include "diag/diag.h"
#include "nomad/api_json.h"
#include "nomad/unit.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_jobspec(int argc, char **argv) {
    struct source *src = NULL;
    int loaded = cli_load_single(argc, argv, &src);
    if (loaded != EXIT_OK)
        return loaded;
    struct unit unit;
    struct unit_options load = {.stage = UNIT_JOB, .nomad_exact = true};
    unit_load(&unit, src, &load);
    int status = unit.unreadable ? EXIT_INPUT : unit.job ? EXIT_OK : EXIT_FINDINGS;
    struct nomad_job *job = unit.job;
    if (job) {
        struct buf out;
        buf_init(&out);
        nomad_write_api_json(&out, job);
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
