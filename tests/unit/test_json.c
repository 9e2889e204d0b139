/* test_json.c — the plain JSON reader: differential cases against Go's
 * encoding/json (testdata/json/go-encoding-json.tsv), spans, duplicates,
 * lookups, error locations and limits. */
#include "hcl/parse.h"
#include "json/json.h"
#include "util/arena.h"
#include "util/buf.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parsed {
    struct arena *arena;
    struct source *src;
    struct diag_list diags;
    struct json_value *value;
};

static struct parsed parse_n(const char *text, size_t len) {
    struct parsed p;
    p.arena = arena_new();
    p.src = source_from_memory("t.json", text, len);
    diag_list_init(&p.diags);
    p.value = json_parse(p.arena, p.src, &p.diags);
    return p;
}

static struct parsed parse(const char *text) { return parse_n(text, strlen(text)); }

static void done(struct parsed *p) {
    diag_list_free(&p->diags);
    source_free(p->src);
    arena_free(p->arena);
}

static bool span_is(const struct parsed *p, struct span s, const char *text) {
    return s.end - s.start == strlen(text) && memcmp(p->src->text + s.start, text, strlen(text)) == 0;
}

/* ---- differential cases ------------------------------------------------- */

static void hex_out(struct buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        buf_printf(b, "%02x", (unsigned char)s[i]);
}

static void sep(struct buf *b) {
    if (b->len > 3)
        buf_putc(b, ' ');
}

/* The token stream json_go_oracle.go prints. No recursion needed for the
 * small documents of the table, but keep it bounded anyway. */
static void dump(struct buf *b, const struct json_value *v, int depth) {
    cr_assert_lt(depth, 100);
    sep(b);
    switch (v->kind) {
    case JSON_NULL: buf_puts(b, "null"); break;
    case JSON_BOOL: buf_puts(b, v->as.boolean ? "true" : "false"); break;
    case JSON_NUMBER: buf_printf(b, "n%.*s", (int)v->as.number.len, v->as.number.text); break;
    case JSON_STRING: hex_out(b, v->as.string.text, v->as.string.len); break;
    case JSON_ARRAY:
        buf_putc(b, '[');
        for (size_t i = 0; i < v->as.array.count; i++)
            dump(b, v->as.array.elems[i], depth + 1);
        sep(b);
        buf_putc(b, ']');
        break;
    case JSON_OBJECT:
        buf_putc(b, '{');
        for (size_t i = 0; i < v->as.object.count; i++) {
            sep(b);
            hex_out(b, v->as.object.members[i].key, v->as.object.members[i].key_len);
            dump(b, v->as.object.members[i].value, depth + 1);
        }
        sep(b);
        buf_putc(b, '}');
        break;
    }
}

static size_t unhex(const char *hex, size_t n, char *out) {
    size_t m = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        unsigned x;
        sscanf(hex + i, "%2x", &x);
        out[m++] = (char)x;
    }
    return m;
}

Test(json, agrees_with_go_encoding_json) {
    FILE *f = fopen("testdata/json/go-encoding-json.tsv", "r");
    cr_assert_not_null(f, "run the unit tests from the repository root");
    static char line[1 << 16];
    static char input[1 << 15];
    size_t cases = 0, valid = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        cr_assert_not_null(tab);
        *tab = '\0';
        const char *want = tab + 1;
        size_t len = unhex(line, strlen(line), input);
        /* numbers Go cannot hold in a float64 are a decoding matter */
        if (strstr(want, "cannot unmarshal number"))
            continue;
        struct parsed p = parse_n(input, len);
        struct buf got;
        buf_init(&got);
        if (p.value) {
            buf_puts(&got, "OK ");
            dump(&got, p.value, 0);
            cr_expect_eq(p.diags.count, 0);
            valid++;
        } else {
            cr_assert_eq(p.diags.count, 1, "input %s", line);
            const struct diag *d = &p.diags.items[0];
            cr_assert_eq(d->note_count, 1, "input %s", line);
            const char *prefix = "Go's encoding/json: ";
            cr_assert(strncmp(d->notes[0].message, prefix, strlen(prefix)) == 0);
            buf_printf(&got, "ERR %s", d->notes[0].message + strlen(prefix));
        }
        cr_expect_str_eq(got.data, want, "input %s", line);
        buf_free(&got);
        done(&p);
        cases++;
    }
    fclose(f);
    cr_expect_gt(cases, 400);
    cr_expect_gt(valid, 50);
}

/* ---- tree and spans ---------------------------------------------------- */

Test(json, tree_has_spans_on_every_node) {
    struct parsed p = parse(" {\"Job\": {\"ID\": \"web\", \"Count\": -1.5e3, \"Tags\": [true, null]}} ");
    cr_assert_not_null(p.value);
    cr_expect(span_is(&p, p.value->span, "{\"Job\": {\"ID\": \"web\", \"Count\": -1.5e3, \"Tags\": [true, null]}}"));
    const struct json_member *job = json_object_member(p.value, "Job");
    cr_assert_not_null(job);
    cr_expect(span_is(&p, job->key_span, "\"Job\""));
    const struct json_value *id = json_object_get(job->value, "ID");
    cr_expect(json_string_is(id, "web"));
    cr_expect(span_is(&p, id->span, "\"web\""));
    const struct json_value *count = json_object_get(job->value, "Count");
    cr_assert_eq(count->kind, JSON_NUMBER);
    cr_expect(span_is(&p, count->span, "-1.5e3"));
    cr_expect_eq(count->as.number.len, 6);
    const struct json_value *tags = json_object_get(job->value, "Tags");
    cr_assert_eq(tags->kind, JSON_ARRAY);
    cr_assert_eq(tags->as.array.count, 2);
    cr_expect(span_is(&p, tags->span, "[true, null]"));
    cr_expect(span_is(&p, tags->as.array.elems[1]->span, "null"));
    cr_expect_eq(tags->as.array.elems[1]->kind, JSON_NULL);
    cr_expect(tags->as.array.elems[0]->as.boolean);
    done(&p);
}

Test(json, duplicate_keys_are_kept_in_order_and_the_last_wins) {
    struct parsed p = parse("{\"a\": 1, \"b\": 2, \"a\": 3}");
    cr_assert_not_null(p.value);
    cr_assert_eq(p.value->as.object.count, 3);
    cr_expect_eq(p.value->as.object.members[2].key[0], 'a');
    const struct json_value *a = json_object_get(p.value, "a");
    cr_expect(span_is(&p, a->span, "3"));
    cr_expect_null(json_object_get(p.value, "A"));
    cr_expect_null(json_object_get(p.value, "c"));
    done(&p);
}

Test(json, field_lookup_folds_case_like_go) {
    struct parsed p = parse("{\"id\": 1, \"Name\": 2, \"NAME\": 3, \"\xe2\x84\xaaind\": 4, \"\xc5\xbfize\": 5}");
    cr_assert_not_null(p.value);
    cr_expect(span_is(&p, json_object_get_fold(p.value, "ID")->span, "1"));
    cr_expect(span_is(&p, json_object_get_fold(p.value, "Name")->span, "3"), "the last match wins");
    cr_expect(span_is(&p, json_object_get_fold(p.value, "Kind")->span, "4"), "KELVIN SIGN folds to k");
    cr_expect(span_is(&p, json_object_get_fold(p.value, "Size")->span, "5"), "LONG S folds to s");
    cr_expect_null(json_object_get_fold(p.value, "I"));
    cr_expect_null(json_object_get_fold(p.value, "idx"));
    cr_expect(span_is(&p, json_object_member_fold(p.value, "name")->key_span, "\"NAME\""));
    cr_expect_null(json_object_get_fold(json_object_get(p.value, "id"), "x"), "not an object");
    done(&p);
}

Test(json, strings_are_decoded_like_go) {
    static const char text[] = "[\"\\u0000x\", \"\\ud83d\\ude00\", \"\\udc00\", \"\xff\"]";
    struct parsed p = parse_n(text, sizeof text - 1);
    cr_assert_not_null(p.value);
    const struct json_value *const *e = (const struct json_value *const *)p.value->as.array.elems;
    cr_expect(e[0]->as.string.len == 2 && e[0]->as.string.text[0] == '\0');
    cr_expect_str_eq(e[1]->as.string.text, "\xf0\x9f\x98\x80");
    cr_expect_str_eq(e[2]->as.string.text, "\xef\xbf\xbd");
    cr_expect_str_eq(e[3]->as.string.text, "\xef\xbf\xbd");
    done(&p);
}

/* ---- errors ------------------------------------------------------------ */

static void expect_error(const char *text, const char *rule, const char *message, uint32_t line,
                         uint32_t column) {
    struct parsed p = parse(text);
    cr_expect_null(p.value, "%s", text);
    cr_assert_eq(p.diags.count, 1, "%s", text);
    const struct diag *d = &p.diags.items[0];
    cr_expect_str_eq(d->rule->id, rule, "%s", text);
    cr_expect_str_eq(d->message, message, "%s", text);
    struct position pos = source_position(p.src, d->span.start);
    cr_expect_eq(pos.line, line, "%s: line %u", text, pos.line);
    cr_expect_eq(pos.column, column, "%s: column %u", text, pos.column);
    done(&p);
}

Test(json, errors_say_what_was_expected_where) {
    expect_error("{\"a\": 1\n \"b\": 2}", "HCL001",
                 "expected `,` or `}` after object member, found `\"`", 2, 2);
    expect_error("[1 2]", "HCL001", "expected `,` or `]` after array element, found `2`", 1, 4);
    expect_error("{\"a\": 1,}", "HCL001", "expected a string key after `,`, found `}`", 1, 9);
    expect_error("{\"a\" 1}", "HCL001", "expected `:` after object key, found `1`", 1, 6);
    expect_error("{\"a\": 01}", "HCL001",
                 "expected `,` or `}` after object member (JSON numbers have no leading zeros), "
                 "found `1`",
                 1, 8);
    expect_error("{\"a\": \"x", "HCL001", "unterminated string: expected `\"`, found end of input",
                 1, 9);
    expect_error("", "HCL001",
                 "expected a value (object, array, string, number, true, false or null), found "
                 "end of input",
                 1, 1);
    expect_error("{} x", "HCL001", "expected end of input after the JSON value, found `x`", 1, 4);
    expect_error("\xef\xbb\xbf{}", "HCL001",
                 "expected a value (object, array, string, number, true, false or null), found "
                 "a byte-order mark (U+FEFF)",
                 1, 1);
    expect_error("[tru]", "HCL001", "invalid literal: expected `true`, found `]`", 1, 5);
    expect_error("[\"a\\qb\"]", "HCL001",
                 "invalid escape in string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), "
                 "found `q`",
                 1, 5);
}

Test(json, depth_limit_is_an_input_limit_error) {
    size_t n = HCL_MAX_DEPTH + 1;
    char *text = malloc(2 * n + 1);
    memset(text, '[', n);
    memset(text + n, ']', n);
    struct parsed p = parse_n(text, 2 * n);
    cr_expect_null(p.value);
    cr_assert_eq(p.diags.count, 1);
    cr_expect_str_eq(p.diags.items[0].rule->id, "HCL003");
    done(&p);
    p = parse_n(text + 1, 2 * n - 2);
    cr_expect_not_null(p.value, "exactly at the limit");
    done(&p);
    free(text);
    n = 1000000;
    text = malloc(n);
    memset(text, '[', n);
    p = parse_n(text, n);
    cr_expect_null(p.value);
    done(&p);
    free(text);
}

Test(json, range_parse_keeps_source_offsets) {
    struct arena *arena = arena_new();
    struct source *src = source_from_memory("t", "xx{\"a\": [1]}yy", 14);
    struct diag_list diags;
    diag_list_init(&diags);
    struct json_value *v = json_parse_range(arena, src, 2, 12, &diags);
    cr_assert_not_null(v);
    cr_expect_eq(v->span.start, 2);
    cr_expect_eq(v->span.end, 12);
    cr_expect_eq(json_object_get(v, "a")->span.start, 8);
    diag_list_free(&diags);
    source_free(src);
    arena_free(arena);
}

Test(json, kind_names) {
    cr_expect_str_eq(json_kind_name(JSON_OBJECT), "object");
    cr_expect_str_eq(json_kind_name(JSON_NULL), "null");
    cr_expect_str_eq(json_kind_name(JSON_NUMBER), "number");
}
