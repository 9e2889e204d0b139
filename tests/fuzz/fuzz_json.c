/* fuzz_json.c — libFuzzer harness for the plain JSON reader (Nomad API
 * JSON inputs). */
#include "diag/diag.h"
#include "json/json.h"
#include "source.h"
#include "util/arena.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 20)
        return 0;
    struct source *src = source_from_memory("fuzz.json", (const char *)data, size);
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    (void)json_parse(arena, src, &diags);
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
    return 0;
}
