/* bench_parse.c — front-end throughput: reads each FILE into memory, then
 * times hcl_parse + the generic decode over all of them (ROUNDS times),
 * and reports MB/s, files/s and the process's peak resident memory. */
#include "diag/diag.h"
#include "hcl/generic.h"
#include "hcl/parse.h"
#include "source.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: figures hold on a busy machine */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: bench-parse LABEL ROUNDS FILE...\n");
        return 2;
    }
    const char *label = argv[1];
    int rounds = atoi(argv[2]);
    int count = argc - 3;
    struct source **srcs = calloc((size_t)count, sizeof *srcs);
    size_t bytes = 0;
    for (int i = 0; i < count; i++) {
        char *error = NULL;
        srcs[i] = source_load(argv[i + 3], NULL, &error);
        if (!srcs[i]) {
            fprintf(stderr, "%s\n", error);
            return 2;
        }
        bytes += srcs[i]->len;
    }
    struct rusage before;
    getrusage(RUSAGE_SELF, &before);
    size_t accepted = 0, arena_peak = 0, tree_peak = 0;
    double parse_time = 0;
    double start = now();
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < count; i++) {
            struct arena *arena = arena_new();
            struct diag_list diags;
            diag_list_init(&diags);
            double t0 = now();
            struct hcl_file *file = hcl_parse(arena, srcs[i], &diags);
            parse_time += now() - t0;
            if (arena_used(arena) > tree_peak)
                tree_peak = arena_used(arena);
            if (file && hcl_decode_generic(arena, file, &diags))
                accepted++;
            else if (r == 0 && getenv("BENCH_VERBOSE") && diags.count)
                fprintf(stderr, "%s: %s\n", srcs[i]->path, diags.items[0].message);
            if (arena_used(arena) > arena_peak)
                arena_peak = arena_used(arena);
            diag_list_free(&diags);
            arena_free(arena);
        }
    }
    double elapsed = now() - start;
    struct rusage after;
    getrusage(RUSAGE_SELF, &after);
    double mb = (double)bytes * rounds / 1e6;
    printf("%-11s %5d files %7.2f MB | parse: %6.1f MB/s %7.0f files/s | parse+decode: "
           "%6.1f MB/s %7.0f files/s | peak RSS %6.1f MB (%.1fx input) | largest tree "
           "%.1f MB, +decode %.1f MB | accepted %zu/%d\n",
           label, count * rounds, mb, mb / parse_time, count * rounds / parse_time,
           mb / elapsed, count * rounds / elapsed,
           (double)after.ru_maxrss / 1024, (double)after.ru_maxrss * 1024 / (double)bytes,
           (double)tree_peak / 1e6, (double)arena_peak / 1e6, accepted / (size_t)rounds, count);
    for (int i = 0; i < count; i++)
        source_free(srcs[i]);
    free(srcs);
    return 0;
}
