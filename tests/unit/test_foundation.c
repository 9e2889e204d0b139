/* Unit tests of the foundation: arena, source positions, diagnostics. */
#include "diag/diag.h"
#include "source.h"
#include "util/arena.h"
#include "util/utf8.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

Test(arena, alignment_zeroing_and_large_blocks) {
    struct arena *a = arena_new();
    for (int i = 0; i < 1000; i++) {
        void *p = arena_alloc(a, (size_t)(i % 13) + 1);
        cr_assert_eq((uintptr_t)p % 8, 0);
    }
    unsigned char *big = arena_alloc(a, 1 << 20);
    for (size_t i = 0; i < 1 << 20; i++)
        cr_assert_eq(big[i], 0);
    char *s = arena_printf(a, "%s-%d", "x", 42);
    cr_assert_str_eq(s, "x-42");
    int *g = arena_grow(a, NULL, 0, 4, sizeof *g);
    g[3] = 7;
    g = arena_grow(a, g, 4, 8, sizeof *g);
    cr_assert_eq(g[3], 7);
    arena_free(a);
}

/* Large chunks released by one arena are handed to the next (not
 * unmapped): what the next arena gets must be zeroed all the same. */
Test(arena, reused_chunks_come_back_zeroed) {
    for (int round = 0; round < 3; round++) {
        struct arena *a = arena_new();
        for (int i = 0; i < 128; i++) {
            size_t n = 100 * 1024;
            unsigned char *p = arena_alloc(a, n);
            for (size_t j = 0; j < n; j++)
                cr_assert_eq(p[j], 0, "round %d block %d byte %zu", round, i, j);
            memset(p, 0xA5, n);
        }
        char *s = arena_printf(a, "%0*d", 1000, 7); /* written past its end too */
        cr_assert_eq(strlen(s), 1000);
        arena_free(a);
    }
}

/* arena_trim gives back the end of the last allocation only, zeroed. */
Test(arena, trim_gives_back_the_last_allocation) {
    struct arena *a = arena_new();
    char *first = arena_alloc(a, 16);
    char *p = arena_alloc(a, 64);
    memset(p, 'x', 64);
    size_t used = arena_used(a);
    arena_trim(a, first, 16, 0); /* not the last one: nothing happens */
    cr_assert_eq(arena_used(a), used);
    arena_trim(a, p, 64, 5);
    cr_assert_eq(arena_used(a), used - 56);
    char *q = arena_alloc(a, 56);
    cr_assert_eq(q, p + 8);
    for (size_t i = 0; i < 56; i++)
        cr_assert_eq(q[i], 0);
    cr_assert_eq(p[0], 'x');
    arena_free(a);
}

Test(arena, reset_keeps_one_chunk_zeroed) {
    struct arena *a = arena_new();
    arena_reset(a); /* an empty arena */
    for (int round = 0; round < 3; round++) {
        unsigned char *first = NULL;
        for (int i = 0; i < 200; i++) {
            unsigned char *p = arena_alloc(a, 100);
            for (int j = 0; j < 100; j++)
                cr_assert_eq(p[j], 0);
            memset(p, 0xab, 100);
            if (!first)
                first = p;
        }
        unsigned char *big = arena_alloc(a, 1 << 20); /* a chunk of its own */
        memset(big, 0xcd, 1 << 20);
        char *s = arena_printf(a, "%0300d", 1);
        cr_assert_eq(strlen(s), 300);
        arena_reset(a);
        cr_assert_eq(arena_used(a), 0);
    }
    arena_free(a);
}

Test(source, positions_count_characters_and_lines) {
    const char *text = "ab\n\xc3\xa9x = 1\n\nlast";
    struct source *src = source_from_memory("f", text, strlen(text));
    struct position p = source_position(src, 0);
    cr_assert_eq(p.line, 1);
    cr_assert_eq(p.column, 1);
    p = source_position(src, 5); /* 'x' after a two-byte character */
    cr_assert_eq(p.line, 2);
    cr_assert_eq(p.column, 2);
    p = source_position(src, (uint32_t)strlen(text));
    cr_assert_eq(p.line, 4);
    cr_assert_eq(p.column, 5);
    size_t len;
    const char *line = source_line(src, 2, &len);
    cr_assert_eq(len, 7);
    cr_assert_eq(strncmp(line, "\xc3\xa9x = 1", len), 0);
    source_free(src);
}

/* The line index is sparse (a mark every SOURCE_LINE_STRIDE lines): every
 * offset of a text of lines of varying length, CRLF and runs of empty
 * lines, across several marks, gets the line and column a plain scan
 * gives. */
Test(source, sparse_line_index_agrees_with_a_plain_scan) {
    char text[4096];
    size_t n = 0;
    for (int i = 0; n < sizeof text - 16; i++) {
        for (int k = 0; k < i % 7; k++)
            text[n++] = (char)('a' + k);
        if (i % 5 == 0)
            text[n++] = '\r';
        text[n++] = '\n';
        /* runs of empty lines: many newlines, and marks, in one word */
        for (int k = 0; i % 13 == 0 && k < 70 && n < sizeof text - 16; k++)
            text[n++] = '\n';
    }
    struct source *src = source_from_memory("f", text, n);
    uint32_t line = 1, column = 1, start = 0;
    for (uint32_t at = 0; at <= n; at++) {
        struct position p = source_position(src, at);
        cr_assert_eq(p.line, line, "offset %u", at);
        cr_assert_eq(p.column, column, "offset %u", at);
        cr_assert_eq(source_line_start(src, line - 1), start);
        if (at < n && text[at] == '\n') {
            size_t len;
            const char *l = source_line(src, line, &len);
            size_t want = at - start - (at > start && text[at - 1] == '\r');
            cr_assert_eq(l, src->text + start);
            cr_assert_eq(len, want, "line %u", line);
            line++, column = 1, start = at + 1;
        } else {
            column++;
        }
    }
    cr_assert_eq(src->line_count, line);
    source_free(src);
}

Test(source, load_reports_missing_files) {
    char *error = NULL;
    cr_assert_null(source_load("/nonexistent/x.nomad", NULL, &error));
    cr_assert(strstr(error, "/nonexistent/x.nomad: cannot open"));
    free(error);
}

Test(diag, cap_adds_one_limit_finding) {
    struct diag_list list;
    diag_list_init(&list);
    list.limit = 3;
    for (int i = 0; i < 10; i++)
        diag_add(&list, RULE_HCL001, NULL, span_make(0, 0), "e%d", i);
    cr_assert_eq(list.count, 4);
    cr_assert(list.truncated);
    cr_assert_str_eq(list.items[3].rule->id, "HCL003");
    diag_list_free(&list);
}

Test(diag, sort_is_by_file_position_rule) {
    struct source *a = source_from_memory("a", "xxxx", 4), *b = source_from_memory("b", "yy", 2);
    struct diag_list list;
    diag_list_init(&list);
    diag_add(&list, RULE_HCL002, b, span_make(0, 1), "4");
    diag_add(&list, RULE_HCL002, a, span_make(2, 3), "3");
    diag_add(&list, RULE_HCL002, a, span_make(0, 1), "2");
    diag_add(&list, RULE_HCL001, a, span_make(0, 1), "1");
    diag_sort(&list);
    for (int i = 0; i < 4; i++)
        cr_assert_eq(list.items[i].message[0], '1' + i);
    diag_list_free(&list);
    source_free(a);
    source_free(b);
}

Test(utf8, decode_rejects_what_go_rejects) {
    uint32_t cp;
    cr_assert_eq(utf8_decode((const unsigned char *)"\xc0\xaf", 2, &cp), 1);
    cr_assert_eq(cp, UTF8_INVALID); /* overlong */
    utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp);
    cr_assert_eq(cp, UTF8_INVALID); /* surrogate */
    cr_assert_eq(utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp), 4);
    cr_assert_eq(cp, 0x1F600);
    cr_assert(unicode_is_letter(0x540D));
    cr_assert_not(unicode_is_letter(0x2192));
    cr_assert(unicode_is_digit(0x663));
}
