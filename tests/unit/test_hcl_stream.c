/* Unit tests of the streamed generic decode (hcl/generic_stream.h): for
 * every input, the bytes it writes and the diagnostic it reports are those
 * of the decode that builds values (hcl_decode_generic, then
 * gval_write_json), and on an error it writes nothing. The inputs stress
 * what the stream must get right without the values: repeated keys that
 * merge (slices, scalars converted to the first one's type), labels at
 * several levels, HCL1's case-folded Filter, large maps (hashed paths),
 * key order, errors deep inside a body, and values written straight
 * from the tree (decode_safe) in every place a list can hold them. */
#include "diag/diag.h"
#include "hcl/generic.h"
#include "hcl/generic_stream.h"
#include "hcl/parse.h"
#include "source.h"
#include "util/arena.h"
#include "util/buf.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

/* Both decodes of text; returns whether the values decoded. */
static bool same_as_values(const char *text) {
    struct source *src = source_from_memory("t.hcl", text, strlen(text));
    struct arena *arena = arena_new();
    struct diag_list d1, d2;
    diag_list_init(&d1);
    diag_list_init(&d2);
    struct hcl_file *file = hcl_parse(arena, src, &d1);
    cr_assert_not_null(file, "does not parse: %s", text);
    cr_assert_eq(d1.count, 0, "parse findings: %s", text);
    struct gval *g = hcl_decode_generic(arena, file, &d1);
    struct buf want, got;
    buf_init(&want);
    buf_init(&got);
    if (g)
        gval_write_json(&want, g, 2);
    bool ok = hcl_generic_write_json(&got, file, 2, &d2);
    cr_assert_eq(ok, g != NULL, "stream %s, values %s: %s", ok ? "ok" : "failed",
                 g ? "ok" : "failed", text);
    cr_assert_eq(got.len, want.len, "for %s\nwant %s\ngot  %s", text,
                 want.data ? want.data : "", got.data ? got.data : "");
    cr_assert(got.len == 0 || memcmp(got.data, want.data, got.len) == 0,
              "for %s\nwant %s\ngot  %s", text, want.data, got.data);
    cr_assert_eq(d1.count, d2.count, "findings differ: %s", text);
    for (size_t i = 0; i < d1.count; i++) {
        cr_assert_str_eq(d1.items[i].message, d2.items[i].message);
        cr_assert_eq(d1.items[i].span.start, d2.items[i].span.start);
        cr_assert_eq(d1.items[i].span.end, d2.items[i].span.end);
    }
    buf_free(&want);
    buf_free(&got);
    diag_list_free(&d1);
    diag_list_free(&d2);
    arena_free(arena);
    source_free(src);
    return g != NULL;
}

static const char *const accepted[] = {
    "",
    "a = 1\nb = \"x\"\nc = true\nd = 1.5\ne = 0x1F\nf = 017\ng = -3\nh = 1e3\n",
    "zz = 1\nab = 2\na = 3\n\"a\\\"b\" = 4\n\"\" = 5\n\"\\u00e9\" = 6\n",
    "e {}\nl = []\nm = [[], {}]\n",
    "l = [1, 2]\nl = [3]\nl = []\n",
    "l = []\nl = []\n",
    "s = 1\ns = \"2\"\n",
    "s = \"x\"\ns = 3\n",
    "f = 1.5\nf = 2\n",
    "b = true\nb = false\n",
    "b { x = 1 }\nb { y = 2 }\nb { x = 3 }\n",
    "b { x = 1 }\nb = [{ y = 2 }, { z = 3 }]\n",
    "l = [1]\nl { x = 1 }\n",
    "svc \"a\" { p = 1 }\nsvc \"b\" { p = 2 }\nsvc \"a\" { q = 3 }\n",
    "x \"a\" \"b\" { v = 1 }\nx \"a\" \"c\" { v = 2 }\nx \"d\" { v = 3 }\n",
    "Port \"a\" { n = 1 }\nport \"b\" { n = 2 }\nPORT \"c\" {}\n",
    "job \"j\" {\n  group \"g\" {\n    task \"t\" {\n      config { args = [\"a\", 1, true] }\n"
    "      env { A = \"1\" }\n      env { B = \"2\" }\n    }\n    task \"u\" { n = 1 }\n  }\n"
    "  group \"h\" { count = 2 }\n  meta { k = \"v\" }\n}\n",
    "l = [{a = 1}, [2, {b = 3}], {c { d = 4 }}]\n",
    "h = <<EOF\nline one\n  line two\nEOF\n",
    /* values no rule can fail on, written straight from the tree, inside
     * bodies that need the rules (a repeated key around them) */
    "g \"a\" { z = 1\n y { x = [1, 0x10, 010, 1.5, -2, true, \"s\", <<E\nh\nE\n] }\n"
    " t \"b\" \"c\" \"d\" { e {}\n l = []\n m = [[], [{}], {k = {q = 1}}] } }\n"
    "g \"e\" {}\ng \"f\" { B = 1\n a = 2\n _ = 3\n \"\" = 4\n ab = 5\n aa = 6 }\n",
    "l = [{a = 1, b = [2, {c = 3}]}, [[1], {d \"x\" { e = 1 }}], 1.5]\nl = [2]\n",
    "o { p \"q\" { r = 1 } }\no { s = [{t = 2}] }\n",
    "t = \"tab\\there \\\"q\\\" \\u2028 \\\\\"\n",
    "o { a { b { c { d { e = [[[1]]] } } } } }\n",
    "{\"a\": [{\"b\": 1}, {\"b\": 2}], \"c\": {\"d\": [1, \"x\"], \"n\": null}, \"e\": []}\n",
    "{\"svc\": {\"a\": {\"p\": 1}, \"b\": {\"p\": [2]}}, \"n\": 1.25}\n",
    /* bodies the check pass skips (decode_safe in tree.h) */
    "o { a = 1\n b { c = [1, {d = 2}, [0x10, 1.5]] }\n e \"x\" \"y\" { f = true } }\n",
    "o { a = 1 }\no { A = 2 }\n",
};

static const char *const refused[] = {
    "a = 1\nmode = 08\n",
    "a = 1\na = \"x\"\n",
    "c = true\nc = 1\n",
    "s = \"x\"\ns = [1]\n",
    "b {}\nb = [1]\n",
    "l = [1]\nl = 2\n",
    "a = 1\na \"x\" {}\n",
    "t \"a\" {}\nt {}\n",
    "t \"a\" { x = 1 }\nt \"b\" { y = 0xFFFFFFFFFFFFFFFFF }\nz = 08\n",
    "s = \"x\"\ns = 3\ns = 4.5\n",
    "z = 07\nouter { inner \"x\" { deep { n = 1.5e999999 } } }\n",
    "big = 99999999999999999999\n",
    "a { b = 1 }\na { b = 2 }\na \"x\" { c = 1 }\n",
    "l = [1]\nl \"x\" {}\n",
    "o { a = 1 }\no { a = \"q\" }\nk = 1\nk = \"w\"\n",
    "{\"a\": 1, \"a\": \"x\"}\n",
    /* errors inside bodies that look like the ones the check pass skips */
    "o { a = 1\n A \"x\" {} }\n",
    "o { p { q = [1, {r = 08}] } }\n",
    "o { l = [[1], [2, 99999999999999999999]] }\n",
    "w \"a\" \"b\" { x { y = 1\n y = \"s\" } }\n",
    "o { b = true\n b = 1 }\n",
    "o { f = 1e999 }\n",
};

Test(hcl_stream, writes_what_the_values_write) {
    for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++)
        cr_assert(same_as_values(accepted[i]), "refused: %s", accepted[i]);
}

Test(hcl_stream, refuses_with_the_same_error_and_writes_nothing) {
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        cr_assert(!same_as_values(refused[i]), "accepted: %s", refused[i]);
}

/* Maps of 16 items and more find keys and Filter groups by hash. */
Test(hcl_stream, large_maps_with_repeats_and_labels) {
    struct buf b;
    buf_init(&b);
    for (int i = 40; i > 0; i--)
        buf_printf(&b, "k%d = %d\n", i, i);
    buf_puts(&b, "k5 = \"55\"\nl = [1]\nl = [2]\n");
    for (int i = 0; i < 30; i++)
        buf_printf(&b, "blk \"n%d\" { v = %d }\nBlk \"m%d\" { w = 1 }\n", i % 7, i, i);
    for (int i = 0; i < 20; i++)
        buf_printf(&b, "rep { i = %d }\n", i);
    cr_assert(same_as_values(b.data));
    buf_puts(&b, "k9 = \"nine\"\n"); /* the last of many repeats is wrong */
    cr_assert(!same_as_values(b.data));
    buf_free(&b);
}

/* An error in the last of many large bodies: found before any output. */
Test(hcl_stream, error_deep_in_a_large_body) {
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "job \"j\" {\n");
    for (int i = 0; i < 500; i++)
        buf_printf(&b, "  group \"g%d\" {\n    task \"t\" {\n      config { a = [%d] }\n"
                       "      resources { cpu = %d }\n    }\n  }\n",
                   i, i, i == 499 ? 0 : 100);
    buf_puts(&b, "}\n");
    cr_assert(same_as_values(b.data));
    char *at = strstr(b.data, "cpu = 0");
    cr_assert_not_null(at);
    memcpy(at, "cpu=09", 6);
    cr_assert(!same_as_values(b.data));
    buf_free(&b);
}

/* Nesting down to the decoder's limit of kinds. */
Test(hcl_stream, deep_nesting) {
    struct buf b;
    buf_init(&b);
    for (int i = 0; i < 200; i++)
        buf_puts(&b, "a { ");
    buf_puts(&b, "x = 1");
    for (int i = 0; i < 200; i++)
        buf_puts(&b, " }");
    buf_putc(&b, '\n');
    cr_assert(same_as_values(b.data));
    buf_free(&b);
}

/* Labels count as nesting: past the decoder's limit of kinds the error is
 * found even where the check pass would skip a body the parser marked
 * safe, however deep the body is entered. */
Test(hcl_stream, labels_past_the_decoder_limit) {
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "a");
    for (int i = 0; i < 300; i++)
        buf_puts(&b, " \"l\"");
    buf_puts(&b, " { x = 1 }\n");
    cr_assert(!same_as_values(b.data));
    buf_free(&b);
    buf_init(&b);
    for (int i = 0; i < 100; i++)
        buf_puts(&b, "a { ");
    buf_puts(&b, "b");
    for (int i = 0; i < 200; i++)
        buf_puts(&b, " \"l\"");
    buf_puts(&b, " { x = 1 }");
    for (int i = 0; i < 100; i++)
        buf_puts(&b, " }");
    buf_putc(&b, '\n');
    cr_assert(!same_as_values(b.data));
    buf_free(&b);
}
