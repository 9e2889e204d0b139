/* fuzz_check.c — libFuzzer harness for the whole checking pipeline of
 * `rktc check` (analyze_file): the HCL front end or the API JSON reader,
 * the Nomad decoder and validation, and the rkt checks and plan on the
 * default host profile; every finding's position is computed. */
#include "cli/analyze.h"
#include "diag/diag.h"
#include "source.h"
#include "util/arena.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 18)
        return 0;
    struct source *src = source_from_memory("fuzz.nomad", (const char *)data, size);
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    bool parse_failed = false;
    (void)analyze_file(arena, src, NULL, &diags, &parse_failed);
    diag_sort(&diags);
    for (size_t i = 0; i < diags.count; i++) {
        if (diags.items[i].src) {
            (void)source_position(src, diags.items[i].span.start);
            (void)source_position(src, diags.items[i].span.end);
        }
    }
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
    return 0;
}
