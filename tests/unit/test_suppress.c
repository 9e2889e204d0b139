/* Tests for src/diag/suppress.c on trees from the real front end: scope of
 * the next attribute/block (and everything inside it), file scope, reasons,
 * --require-reason, unused/malformed pragmas, fixed rules. */
#include "hcl/suppress.h"
#include "hcl/parse.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

struct run {
    struct arena *arena;
    struct source *src;
    struct hcl_file *file;
    struct diag_list diags;
    char **reasons;
};

static void start(struct run *r, const char *text) {
    r->arena = arena_new();
    r->src = source_from_memory("s.nomad", text, strlen(text));
    diag_list_init(&r->diags);
    r->file = hcl_parse(r->arena, r->src, &r->diags);
    cr_assert_not_null(r->file, "test input must parse");
    cr_assert_eq(r->diags.count, 0);
    r->reasons = NULL;
}

static size_t finding(struct run *r, const char *rule, const char *needle) {
    const char *at = strstr(r->src->text, needle);
    cr_assert_not_null(at);
    uint32_t s = (uint32_t)(at - r->src->text);
    diag_add(&r->diags, rule_find(rule)->code, r->src, span_make(s, s + (uint32_t)strlen(needle)), "%s", needle);
    return r->diags.count - 1;
}

static void apply(struct run *r, bool require_reason) {
    struct suppress_options o = {require_reason};
    r->reasons = suppress_apply(r->file, &r->diags, &o);
}

static size_t count_rule(const struct run *r, const char *rule) {
    size_t n = 0;
    for (size_t i = 0; i < r->diags.count; i++)
        n += strcmp(r->diags.items[i].rule->id, rule) == 0;
    return n;
}

static void finish(struct run *r) {
    suppress_free(r->reasons, r->diags.count);
    diag_list_free(&r->diags);
    source_free(r->src);
    arena_free(r->arena);
}

Test(suppress, next_block_and_everything_inside) {
    struct run r;
    start(&r, "job \"x\" {\n"
              "  # rktc:ignore HCL004 -- legacy layout\n"
              "  group \"g\" {\n    task \"t\" { inner = 1 }\n  }\n"
              "  after = 2\n}\n");
    size_t inside = finding(&r, "HCL004", "inner");
    size_t outside = finding(&r, "HCL004", "after");
    size_t other_rule = finding(&r, "HCL005", "task");
    apply(&r, false);
    cr_assert_str_eq(r.reasons[inside], "legacy layout");
    cr_assert_null(r.reasons[outside]);
    cr_assert_null(r.reasons[other_rule]);
    cr_assert_eq(r.diags.count, 3, "no pragma findings");
    finish(&r);
}

Test(suppress, next_attribute_only) {
    struct run r;
    start(&r, "// rktc:ignore HCL004,HCL005\na = 1\nb = 2\n");
    size_t a = finding(&r, "HCL005", "a = 1");
    size_t b = finding(&r, "HCL005", "b = 2");
    apply(&r, false);
    cr_assert_str_eq(r.reasons[a], "");
    cr_assert_null(r.reasons[b]);
    /* HCL004 named but unused */
    cr_assert_eq(count_rule(&r, "RKC002"), 1);
    finish(&r);
}

Test(suppress, file_scope_and_block_comments) {
    struct run r;
    start(&r, "a = 1\n/* rktc:ignore-file HCL004 -- generated file */\nb = 2\n");
    size_t a = finding(&r, "HCL004", "a = 1");
    size_t b = finding(&r, "HCL004", "b = 2");
    apply(&r, false);
    cr_assert_str_eq(r.reasons[a], "generated file");
    cr_assert_str_eq(r.reasons[b], "generated file");
    finish(&r);
}

Test(suppress, require_reason_reports_and_does_not_silence) {
    struct run r;
    start(&r, "# rktc:ignore HCL004\na = 1\n");
    size_t a = finding(&r, "HCL004", "a = 1");
    apply(&r, true);
    cr_assert_null(r.reasons[a]);
    cr_assert_eq(count_rule(&r, "RKC003"), 1);
    cr_assert_eq(count_rule(&r, "RKC002"), 0);
    finish(&r);
}

Test(suppress, malformed_pragmas) {
    struct run r;
    start(&r, "# rktc:ignore\na = 1\n# rktc:ignore NOPE9 -- x\nb = 1\n"
              "# rktc:ignore HCL001 -- no\nc = 1\n# rktc:ignroe HCL004\n"
              "# not a pragma: rktc:ignore HCL004\nd = 1\n# rktc:ignore HCL004 -- at the end\n");
    apply(&r, false);
    cr_assert_eq(count_rule(&r, "RKC004"), 5, "no ids, unknown id, fixed rule, "
                                             "unknown directive, nothing after it");
    cr_assert_eq(count_rule(&r, "RKC002"), 0);
    finish(&r);
}

Test(suppress, unused_points_at_the_id) {
    struct run r;
    start(&r, "# rktc:ignore HCL004 -- x\na = 1\n");
    apply(&r, false);
    cr_assert_eq(r.diags.count, 1);
    const struct diag *d = &r.diags.items[0];
    cr_assert_str_eq(d->rule->id, "RKC002");
    cr_assert_eq(d->span.start, 14);
    cr_assert_eq(d->span.end, 20);
    cr_assert_null(r.reasons[0]);
    finish(&r);
}

Test(suppress, fixed_rules) {
    cr_assert(rule_is_fixed(rule_find("HCL001")));
    cr_assert(rule_is_fixed(rule_find("RKC001")));
    cr_assert_not(rule_is_fixed(rule_find("HCL004")));
}
