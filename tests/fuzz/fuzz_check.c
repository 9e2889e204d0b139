/* fuzz_check.c — libFuzzer harness for the whole checking pipeline of
 * `rktc check` (analyze_source): the front end (HCL, HCL-JSON or API
 * JSON), the Nomad decoder and validation, and the rkt checks and plan on
 * the default host profile; every finding's position is computed. */
#include "cli/analyze.h"
#include "diag/diag.h"
#include "nomad/unit.h"
#include "source.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 18)
        return 0;
    struct source *src = source_from_memory("fuzz.nomad", (const char *)data, size);
    struct unit unit;
    analyze_source(&unit, src, NULL);
    diag_sort(&unit.diags);
    for (size_t i = 0; i < unit.diags.count; i++) {
        if (unit.diags.items[i].src) {
            (void)source_position(src, unit.diags.items[i].span.start);
            (void)source_position(src, unit.diags.items[i].span.end);
        }
    }
    unit_free(&unit);
    source_free(src);
    return 0;
}
