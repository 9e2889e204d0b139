/* fuzz_hcl.c — libFuzzer harness for the HCL front end: bytes through
 * hcl_parse (native HCL1 or HCL-JSON, as the input decides), the generic
 * decode and the JSON writer, with every diagnostic rendered; and the
 * streamed decode (`rktc parse`'s path), which must write the same bytes
 * and report the same first error, writing nothing then. */
#include "diag/diag.h"
#include "hcl/generic.h"
#include "hcl/generic_stream.h"
#include "hcl/parse.h"
#include "source.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 20)
        return 0;
    struct source *src = source_from_memory("fuzz.hcl", (const char *)data, size);
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    struct hcl_file *file = hcl_parse(arena, src, &diags);
    if (file) {
        size_t before = diags.count;
        struct gval *v = hcl_decode_generic(arena, file, &diags);
        struct buf out;
        buf_init(&out);
        if (v)
            gval_write_json(&out, v, 2);
        struct diag_list streamed;
        diag_list_init(&streamed);
        struct buf got;
        buf_init(&got);
        bool ok = hcl_generic_write_json(&got, file, 2, &streamed);
        if (ok != (v != NULL) || got.len != out.len ||
            (got.len && memcmp(got.data, out.data, got.len) != 0))
            abort();
        if (!ok && (streamed.count != 1 || diags.count != before + 1 ||
                    strcmp(streamed.items[0].message, diags.items[before].message) != 0 ||
                    streamed.items[0].span.start != diags.items[before].span.start))
            abort();
        diag_list_free(&streamed);
        buf_free(&got);
        buf_free(&out);
    }
    for (size_t i = 0; i < diags.count; i++) {
        struct position p = source_position(src, diags.items[i].span.start);
        struct position q = source_position(src, diags.items[i].span.end);
        (void)p;
        (void)q;
    }
    diag_sort(&diags);
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
    return 0;
}
