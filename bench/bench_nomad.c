/* bench_nomad.c — the Nomad stage's cost: for each FILE (read into memory
 * first) it times the front end as `rktc check` runs it (hcl_parse and the
 * generic decode, or the JSON reader for API JSON jobs) and then the job
 * decoder plus Nomad's validation, ROUNDS
 * times, and reports MB/s for both, the whole pipeline's time per round and
 * the process's peak resident memory. Nothing asserts: it prints figures. */
#include "diag/diag.h"
#include "hcl/generic.h"
#include "hcl/parse.h"
#include "json/json.h"
#include "nomad/api_json.h"
#include "nomad/decode.h"
#include "nomad/validate.h"
#include "source.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: figures hold on a busy machine */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: bench-nomad LABEL ROUNDS FILE...\n");
        return 2;
    }
    const char *label = argv[1];
    int rounds = atoi(argv[2]);
    int count = argc - 3;
    struct source **srcs = calloc((size_t)count, sizeof *srcs);
    if (!srcs)
        return 2;
    size_t bytes = 0;
    for (int i = 0; i < count; i++) {
        char *error = NULL;
        srcs[i] = source_load(argv[i + 3], NULL, &error);
        if (!srcs[i]) {
            fprintf(stderr, "%s\n", error);
            free(error);
            for (int k = 0; k < i; k++)
                source_free(srcs[k]);
            free(srcs);
            return 2;
        }
        bytes += srcs[i]->len;
    }
    double front = 0, nomad = 0;
    size_t decoded = 0;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < count; i++) {
            struct arena *arena = arena_new();
            struct diag_list diags;
            diag_list_init(&diags);
            double t0 = now();
            const struct json_value *api = NULL;
            struct hcl_file *file = NULL;
            if (hcl_is_json(srcs[i]->text, srcs[i]->len)) {
                const struct json_value *root = json_parse(arena, srcs[i], &diags);
                if (nomad_is_api_json(root))
                    api = root;
            }
            if (!api)
                file = hcl_parse(arena, srcs[i], &diags);
            double t1 = now();
            const struct nomad_job *job =
                api ? nomad_decode_api_json(arena, srcs[i], api, &diags)
                    : file ? nomad_decode_hcl(arena, file, &diags) : NULL;
            if (job) {
                nomad_validate(arena, srcs[i], job, &diags);
                decoded++;
            }
            double t2 = now();
            front += t1 - t0;
            nomad += t2 - t1;
            diag_list_free(&diags);
            arena_free(arena);
        }
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double mb = (double)bytes * rounds / 1e6;
    printf("%-12s %5d files %8.2f MB | front end %7.1f MB/s | decode+validate %7.1f MB/s | "
           "%8.1f ms per round | peak RSS %7.1f MB (%.1fx input) | decoded %zu/%d\n",
           label, count, (double)bytes / 1e6, front > 0 ? mb / front : 0,
           nomad > 0 ? mb / nomad : 0, (front + nomad) * 1000 / rounds,
           (double)ru.ru_maxrss / 1024, (double)ru.ru_maxrss * 1024 / (double)bytes,
           decoded / (size_t)rounds, count);
    for (int i = 0; i < count; i++)
        source_free(srcs[i]);
    free(srcs);
    return 0;
}
