/* test_hcl_json.c — hcl_parse_json: tree shape, HCL1's JSON quirks, errors
 * with their positions, spans, limits and the HCL004 warnings. Expected
 * values were checked against HashiCorp's HCL1 (tools/hcl1json). */
#include "hcl/parse.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parsed {
    struct arena *arena;
    struct source *src;
    struct diag_list diags;
    struct hcl_file *file;
};

static struct parsed parse_n(const char *text, size_t len) {
    struct parsed p;
    p.arena = arena_new();
    p.src = source_from_memory("t.json", text, len);
    diag_list_init(&p.diags);
    p.file = hcl_parse_json(p.arena, p.src, &p.diags);
    return p;
}

static struct parsed parse(const char *text) { return parse_n(text, strlen(text)); }

/* with the caller's list of block types that take a label */
static struct parsed parse_labelled(const char *text, const char *const *labelled) {
    struct parsed p;
    p.arena = arena_new();
    p.src = source_from_memory("t.json", text, strlen(text));
    diag_list_init(&p.diags);
    struct hcl_parse_options options = {.labelled_blocks = labelled};
    p.file = hcl_parse_with(p.arena, p.src, &options, &p.diags);
    return p;
}

static void done(struct parsed *p) {
    diag_list_free(&p->diags);
    source_free(p->src);
    arena_free(p->arena);
}

static size_t count_rule(const struct parsed *p, const char *rule) {
    size_t n = 0;
    for (size_t i = 0; i < p->diags.count; i++)
        if (strcmp(p->diags.items[i].rule->id, rule) == 0)
            n++;
    return n;
}

static const struct diag *first_rule(const struct parsed *p, const char *rule) {
    for (size_t i = 0; i < p->diags.count; i++)
        if (strcmp(p->diags.items[i].rule->id, rule) == 0)
            return &p->diags.items[i];
    return NULL;
}

/* Checks that the parse failed with exactly one error: rule, message and
 * line:column of its start. */
static void expect_error(const char *text, size_t len, const char *rule, const char *message,
                         uint32_t line, uint32_t column) {
    struct parsed p = parse_n(text, len);
    cr_expect_null(p.file, "parse of %s should fail", text);
    cr_assert_eq(p.diags.count, 1, "one diagnostic for %s, got %zu", text, p.diags.count);
    const struct diag *d = &p.diags.items[0];
    cr_expect_str_eq(d->rule->id, rule, "%s", text);
    cr_expect_str_eq(d->message, message, "%s", text);
    struct position pos = source_position(p.src, d->span.start);
    cr_expect_eq(pos.line, line, "%s: line %u", text, pos.line);
    cr_expect_eq(pos.column, column, "%s: column %u", text, pos.column);
    done(&p);
}

#define EXPECT_ERROR(text, rule, message, line, column) \
    expect_error(text, sizeof(text) - 1, rule, message, line, column)

static const struct hcl_item *item(const struct hcl_value *obj, size_t i) {
    cr_assert_eq(obj->kind, HCL_OBJECT);
    cr_assert_lt(i, obj->as.object.count);
    return obj->as.object.items[i];
}

static bool key_is(const struct hcl_item *it, size_t i, const char *text) {
    return i < it->key_count && it->keys[i].len == strlen(text) &&
           memcmp(it->keys[i].text, text, it->keys[i].len) == 0;
}

static bool string_is(const struct hcl_value *v, const char *text, size_t len) {
    return v->kind == HCL_STRING && v->as.string.len == len &&
           memcmp(v->as.string.text, text, len) == 0;
}

static bool number_is(const struct hcl_value *v, enum hcl_kind kind, const char *text) {
    return v->kind == kind && v->as.number.len == strlen(text) &&
           memcmp(v->as.number.text, text, v->as.number.len) == 0;
}

static bool span_is(const struct parsed *p, struct span s, const char *text) {
    return s.end - s.start == strlen(text) && memcmp(p->src->text + s.start, text, strlen(text)) == 0;
}

Test(hcl_json, tree_of_plain_members) {
    struct parsed p = parse("{\"a\": 1, \"b\": \"x\", \"c\": [1, 2.5], \"d\": {\"e\": true, \"f\": 1}}");
    cr_assert_not_null(p.file);
    cr_expect(p.file->is_json);
    cr_expect_eq(p.diags.count, 0);
    const struct hcl_value *root = p.file->root;
    cr_assert_eq(root->as.object.count, 4);
    const struct hcl_item *a = item(root, 0);
    cr_expect(key_is(a, 0, "a") && a->key_count == 1 && a->keys[0].quoted);
    cr_expect(number_is(a->value, HCL_NUMBER, "1"));
    cr_expect(a->has_assign);
    cr_expect(span_is(&p, hcl_item_assign(a), ":"));
    cr_expect(span_is(&p, hcl_item_span(a), "\"a\": 1"));
    cr_expect(span_is(&p, a->keys[0].span, "\"a\""));
    cr_expect(string_is(item(root, 1)->value, "x", 1));
    const struct hcl_value *c = item(root, 2)->value;
    cr_assert_eq(c->kind, HCL_LIST);
    cr_assert_eq(c->as.list.count, 2);
    cr_expect(number_is(c->as.list.elems[1], HCL_FLOAT, "2.5"));
    cr_expect(span_is(&p, c->span, "[1, 2.5]"));
    const struct hcl_value *d = item(root, 3)->value;
    cr_expect(span_is(&p, d->span, "{\"e\": true, \"f\": 1}"));
    cr_expect_eq(item(d, 0)->value->kind, HCL_BOOL);
    cr_expect(item(d, 0)->value->as.boolean);
    cr_expect(span_is(&p, root->span, p.src->text));
    done(&p);
}

Test(hcl_json, null_member_is_empty_string) {
    struct parsed p = parse("{\"a\": null}");
    cr_assert_not_null(p.file);
    cr_expect(string_is(item(p.file->root, 0)->value, "", 0));
    cr_expect(span_is(&p, item(p.file->root, 0)->value->span, "null"));
    done(&p);
}

Test(hcl_json, null_in_array_is_an_error) {
    EXPECT_ERROR("{\"a\": [1, null]}", "HCL001", "unexpected token while parsing list: NULL", 1, 11);
}

Test(hcl_json, booleans_in_arrays_are_dropped_with_a_warning) {
    struct parsed p = parse("{\"a\": [true, 1, false]}");
    cr_assert_not_null(p.file);
    const struct hcl_value *a = item(p.file->root, 0)->value;
    cr_assert_eq(a->as.list.count, 1);
    cr_expect(number_is(a->as.list.elems[0], HCL_NUMBER, "1"));
    cr_expect_eq(count_rule(&p, "HCL004"), 2);
    cr_expect(span_is(&p, first_rule(&p, "HCL004")->span, "true"));
    done(&p);
}

Test(hcl_json, nested_array_at_the_end_is_spliced_and_ends_the_object) {
    struct parsed p = parse("{\"a\": [\"x\", [\"y\"]], \"b\": 2}");
    cr_assert_not_null(p.file);
    cr_assert_eq(p.file->root->as.object.count, 1, "b is dropped, as in HCL1");
    const struct hcl_value *a = item(p.file->root, 0)->value;
    cr_assert_eq(a->as.list.count, 2);
    cr_expect(string_is(a->as.list.elems[1], "y", 1));
    cr_expect_eq(count_rule(&p, "HCL004"), 2); /* the `[`, then the early end */
    done(&p);
}

Test(hcl_json, nested_arrays_elsewhere_fail_like_hcl1) {
    EXPECT_ERROR("{\"a\": [[1],[2]]}", "HCL001", "expected: STRING got: LBRACK", 1, 12);
    EXPECT_ERROR("{\"a\": [1,[2,3],4]}", "HCL001", "expected: STRING got: NUMBER", 1, 16);
}

Test(hcl_json, missing_comma_between_members_drops_the_rest) {
    struct parsed p = parse("{\"a\": 1 \"b\": 2}");
    cr_assert_not_null(p.file);
    cr_expect_eq(p.file->root->as.object.count, 1);
    const struct diag *w = first_rule(&p, "HCL004");
    cr_assert_not_null(w);
    cr_expect(span_is(&p, w->span, "\"b\""));
    cr_expect_eq(count_rule(&p, "HCL004"), 1, "no second warning for the same drop");
    done(&p);
}

Test(hcl_json, missing_comma_in_nested_object_warns_once) {
    struct parsed p = parse("{\"x\": {\"a\": 1 \"b\": 2}, \"c\": 3}");
    cr_assert_not_null(p.file);
    cr_expect_eq(p.file->root->as.object.count, 1);
    cr_expect_eq(count_rule(&p, "HCL004"), 1);
    done(&p);
}

Test(hcl_json, missing_comma_between_array_elements_is_ignored) {
    struct parsed p = parse("{\"a\": [1 2 ,, 3]}");
    cr_assert_not_null(p.file);
    cr_expect_eq(item(p.file->root, 0)->value->as.list.count, 3);
    cr_expect_eq(p.diags.count, 0);
    done(&p);
}

Test(hcl_json, missing_final_brace_is_accepted) {
    struct parsed p = parse("{\"a\": {\"b\": 1");
    cr_assert_not_null(p.file);
    cr_expect_eq(item(p.file->root, 0)->value->as.object.count, 1);
    cr_expect_eq(count_rule(&p, "HCL004"), 1);
    done(&p);
}

Test(hcl_json, member_cut_by_end_of_input_is_dropped) {
    struct parsed p = parse("{\"a\": 1, \"b\":");
    cr_assert_not_null(p.file);
    cr_expect_eq(p.file->root->as.object.count, 1);
    done(&p);
}

Test(hcl_json, trailing_garbage_is_ignored_with_a_warning) {
    struct parsed p = parse("{\"a\": 1}\n  x y \x01");
    cr_assert_not_null(p.file);
    const struct diag *w = first_rule(&p, "HCL004");
    cr_assert_not_null(w);
    cr_expect(span_is(&p, w->span, "x"));
    done(&p);
}

Test(hcl_json, errors_at_a_closing_brace_are_ignored) {
    struct parsed p = parse("{\"a\": 1, \"b\": }");
    cr_assert_not_null(p.file);
    cr_expect_eq(p.file->root->as.object.count, 1);
    cr_expect_eq(count_rule(&p, "HCL004"), 1);
    done(&p);
    p = parse("{\"x\": {\"a\": [1, 2}, \"c\": 3}");
    cr_assert_not_null(p.file);
    cr_assert_eq(p.file->root->as.object.count, 2);
    cr_expect_eq(item(p.file->root, 0)->value->as.object.count, 0);
    done(&p);
}

Test(hcl_json, empty_object_and_trailing_comma_are_quiet) {
    struct parsed p = parse("{\"a\": {}, \"b\": 1,}");
    cr_assert_not_null(p.file);
    cr_expect_eq(p.file->root->as.object.count, 2);
    cr_expect_eq(p.diags.count, 0);
    done(&p);
}

Test(hcl_json, keys_must_be_strings) {
    EXPECT_ERROR("{1: 2}", "HCL001", "expected: STRING got: NUMBER", 1, 2);
    EXPECT_ERROR("{,\"a\": 1}", "HCL001", "expected: STRING got: COMMA", 1, 2);
    EXPECT_ERROR("{\"a\": 1,\n :2}", "HCL001", "expected: STRING got: COLON", 2, 2);
}

Test(hcl_json, several_keys_before_a_colon_make_one_item) {
    struct parsed p = parse("{\"a\" \"b\": 1}");
    cr_assert_not_null(p.file);
    const struct hcl_item *it = item(p.file->root, 0);
    cr_assert_eq(it->key_count, 2);
    cr_expect(key_is(it, 0, "a") && key_is(it, 1, "b"));
    done(&p);
}

Test(hcl_json, unknown_value_token_message_has_the_reference_position) {
    EXPECT_ERROR("{\"a\": :}", "HCL001", "Expected object value, got unknown token: 1:7 COLON :", 1, 7);
    EXPECT_ERROR("{\"a\":\n  ]}", "HCL001", "Expected object value, got unknown token: 2:3 RBRACK ]", 2, 3);
}

Test(hcl_json, numbers_follow_the_hcl_json_scanner) {
    struct parsed p = parse("{\"a\": -0.5, \"b\": .5, \"c\": 1e5, \"d\": -3, \"e\": 0, \"f\": 1.}");
    cr_assert_not_null(p.file);
    const struct hcl_value *r = p.file->root;
    cr_expect(number_is(item(r, 0)->value, HCL_FLOAT, "-0.5"));
    cr_expect(number_is(item(r, 1)->value, HCL_FLOAT, ".5"));
    cr_expect(number_is(item(r, 2)->value, HCL_FLOAT, "1e5"));
    cr_expect(number_is(item(r, 3)->value, HCL_NUMBER, "-3"));
    cr_expect(number_is(item(r, 4)->value, HCL_NUMBER, "0"));
    cr_expect(number_is(item(r, 5)->value, HCL_FLOAT, "1."));
    done(&p);
    EXPECT_ERROR("{\"a\":01}", "HCL001", "numbers cannot start with 0", 1, 7);
    EXPECT_ERROR("{\"a\": -}", "HCL001", "illegal char", 1, 7);
}

Test(hcl_json, bare_exponent_swallows_the_next_character) {
    /* HCL1 reads `1e}` as one FLOAT token; decoding it fails later */
    struct parsed p = parse("{\"a\": 1e}");
    cr_assert_not_null(p.file);
    cr_expect(number_is(item(p.file->root, 0)->value, HCL_FLOAT, "1e}"));
    done(&p);
}

Test(hcl_json, escapes_are_native_hcl_ones) {
    EXPECT_ERROR("{\"a\":\"\\/\"}", "HCL001", "illegal char escape", 1, 8);
    EXPECT_ERROR("{\"a\": \"\\x4\"}", "HCL001", "illegal char escape", 1, 11);
    struct parsed p = parse("{\"a\": \"\\\"\\t\\u00e9\\xc3\\xa9\\101\\U0001F600\"}");
    cr_assert_not_null(p.file);
    const char want[] = "\"\t\xc3\xa9\xc3\xa9" "A\xf0\x9f\x98\x80";
    cr_expect(string_is(item(p.file->root, 0)->value, want, sizeof want - 1));
    done(&p);
}

Test(hcl_json, invalid_utf8_from_escapes_becomes_replacement_characters) {
    struct parsed p = parse("{\"\\xff\": \"a\\xff\\xe2\\x9c\"}");
    cr_assert_not_null(p.file);
    const struct hcl_item *it = item(p.file->root, 0);
    cr_expect(it->keys[0].len == 3 && memcmp(it->keys[0].text, "\xef\xbf\xbd", 3) == 0);
    const char want[] = "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd";
    cr_expect(string_is(it->value, want, sizeof want - 1));
    done(&p);
}

Test(hcl_json, escapes_the_reference_crashes_on_are_errors) {
    EXPECT_ERROR("{\"a\": \"\\400\"}", "HCL001",
                 "invalid escape in string: an octal escape above \\377, a surrogate \\u escape "
                 "or a \\U escape above U+10FFFF encodes no character", 1, 7);
    struct parsed p = parse("{\"a\": \"\\ud800\"}");
    cr_expect_null(p.file);
    done(&p);
    p = parse("{\"a\": \"\\U00110000\"}");
    cr_expect_null(p.file);
    done(&p);
    p = parse("{\"a\": \"\\x4"); /* the reference panics at the cut escape */
    cr_expect_null(p.file);
    cr_expect_eq(count_rule(&p, "HCL001"), 1);
    done(&p);
}

Test(hcl_json, invalid_utf8_in_the_input_is_an_error) {
    EXPECT_ERROR("{\"a\": \"\xff\"}", "HCL001", "illegal UTF-8 encoding", 1, 8);
    EXPECT_ERROR("{\"a\": \xff}", "HCL001", "illegal char: \xef\xbf\xbd", 1, 7);
}

Test(hcl_json, the_scanner_error_reported_is_the_last_one) {
    /* `literal not terminated` at the newline, then `y` is illegal */
    EXPECT_ERROR("{\"a\":\"x\ny\"}", "HCL001", "illegal char", 2, 1);
    EXPECT_ERROR("{\"a\": tru}", "HCL001", "illegal char", 1, 9);
    EXPECT_ERROR("{\"a\": @}", "HCL001", "illegal char: @", 1, 7);
    EXPECT_ERROR("{\"a\": \xc3\xa9}", "HCL001", "illegal char", 1, 7);
    /* after an invalid byte is put back the reference's byte offset lags
     * behind; its line and column are what it reports */
    EXPECT_ERROR("{\"a\": \"a\\x4\xff:,\nU]}", "HCL001", "illegal char", 2, 1);
}

Test(hcl_json, scanner_errors_after_the_top_level_object_are_not_seen) {
    struct parsed p = parse("{\"a\": 1} @ \"\\q");
    cr_expect_not_null(p.file);
    done(&p);
}

Test(hcl_json, nul_byte_ends_the_input) {
    struct parsed p = parse_n("{\"a\": 1,\0 \"b\": 2}", 18);
    cr_assert_not_null(p.file);
    cr_expect_eq(p.file->root->as.object.count, 1);
    done(&p);
    /* after a NUL ends an inner object, the outer one reads on */
    p = parse_n("{\"a\": {\"b\": 1,\0 \"c\": 2}, \"d\": 3}", 32);
    cr_assert_not_null(p.file);
    cr_expect_eq(p.file->root->as.object.count, 1);
    done(&p);
    EXPECT_ERROR("{\"a\": \"x\0\"}", "HCL001", "literal not terminated", 1, 12);
}

Test(hcl_json, flattening_turns_nested_objects_into_labels) {
    struct parsed p = parse("{\"job\": {\"web\": {\"datacenters\": [\"dc1\"], "
                            "\"group\": {\"g\": {\"count\": 2}}}}}");
    cr_assert_not_null(p.file);
    cr_expect_eq(count_rule(&p, "HCL004"), 0);
    const struct hcl_item *job = item(p.file->root, 0);
    cr_assert_eq(job->key_count, 2);
    cr_expect(key_is(job, 0, "job") && key_is(job, 1, "web"));
    cr_expect(span_is(&p, job->keys[1].span, "\"web\""));
    const struct hcl_item *group = item(job->value, 1);
    cr_assert_eq(group->key_count, 2);
    cr_expect(key_is(group, 0, "group") && key_is(group, 1, "g"));
    cr_expect(number_is(item(group->value, 0)->value, HCL_NUMBER, "2"));
    done(&p);
}

Test(hcl_json, flattening_splits_arrays_of_objects_in_order) {
    struct parsed p = parse("{\"a\": 0, \"t\": [{\"x\": {\"k\": 1}}, {\"y\": {\"k\": 2}}], \"z\": 1}");
    cr_assert_not_null(p.file);
    const struct hcl_value *r = p.file->root;
    cr_assert_eq(r->as.object.count, 4);
    cr_expect(key_is(item(r, 0), 0, "a"));
    cr_expect(key_is(item(r, 1), 0, "t") && key_is(item(r, 1), 1, "x"));
    cr_expect(key_is(item(r, 2), 0, "t") && key_is(item(r, 2), 1, "y"));
    cr_expect(key_is(item(r, 3), 0, "z"));
    done(&p);
}

Test(hcl_json, flattening_keeps_mixed_and_empty_values) {
    struct parsed p = parse("{\"a\": {}, \"b\": [], \"c\": [{\"x\": 1}, 2], \"d\": {\"e\": {}, \"f\": 1}}");
    cr_assert_not_null(p.file);
    const struct hcl_value *r = p.file->root;
    cr_assert_eq(r->as.object.count, 4);
    for (size_t i = 0; i < 4; i++)
        cr_expect_eq(item(r, i)->key_count, 1);
    done(&p);
}

Test(hcl_json, body_made_only_of_objects_is_merged_with_a_warning) {
    static const char *const labelled[] = {"job", "group", "task", "port", NULL};
    const char *text = "{\"job\": {\"x\": {\"group\": {\"g\": {\"task\": {\"t\": {\"driver\": \"rkt\"}}}}}}}";
    struct parsed p = parse_labelled(text, labelled);
    cr_assert_not_null(p.file);
    const struct hcl_item *it = item(p.file->root, 0);
    cr_assert_eq(it->key_count, 6);
    cr_expect(key_is(it, 5, "t"));
    cr_expect(string_is(item(it->value, 0)->value, "rkt", 3));
    cr_expect_eq(count_rule(&p, "HCL004"), 1, "one warning per merged chain");
    done(&p);
    /* the generic parser knows no block types: the same tree, no warning */
    p = parse(text);
    cr_assert_not_null(p.file);
    cr_expect_eq(item(p.file->root, 0)->key_count, 6);
    cr_expect_eq(count_rule(&p, "HCL004"), 0);
    done(&p);
    /* an unlabelled block holding only labelled blocks is fine */
    p = parse_labelled("{\"network\": {\"port\": {\"http\": {\"static\": 8080}}}}", labelled);
    cr_assert_not_null(p.file);
    cr_expect_eq(item(p.file->root, 0)->key_count, 3);
    cr_expect_eq(count_rule(&p, "HCL004"), 0);
    done(&p);
}

Test(hcl_json, depth_limit_is_an_input_limit_error) {
    size_t n = HCL_MAX_DEPTH + 10;
    char *text = malloc(7 * n + 8);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(text + len, "{\"a\": ", 6);
        len += 6;
    }
    text[len++] = '1';
    for (size_t i = 0; i < n; i++)
        text[len++] = '}';
    struct parsed p = parse_n(text, len);
    cr_expect_null(p.file);
    cr_expect_eq(count_rule(&p, "HCL003"), 1);
    done(&p);
    /* exactly at the limit it parses */
    len = 0;
    for (size_t i = 0; i < HCL_MAX_DEPTH; i++) {
        memcpy(text + len, "{\"a\": ", 6);
        len += 6;
    }
    text[len++] = '1';
    p = parse_n(text, len);
    cr_expect_not_null(p.file);
    done(&p);
    free(text);
}

Test(hcl_json, very_deep_arrays_do_not_exhaust_the_stack) {
    size_t n = 200000;
    char *text = malloc(n + 16);
    memcpy(text, "{\"a\": ", 6);
    memset(text + 6, '[', n);
    struct parsed p = parse_n(text, n + 6);
    /* `[` inside an array is ignored by HCL1: the list never closes */
    cr_expect_null(p.file);
    done(&p);
    for (size_t i = 0; i < n; i += 6)
        memcpy(text + 6 + i, "[{\"a\":", i + 6 <= n ? 6 : n - i);
    p = parse_n(text, n + 6);
    cr_expect_null(p.file);
    cr_expect_eq(count_rule(&p, "HCL003"), 1);
    done(&p);
    free(text);
}

Test(hcl_json, top_level_must_be_an_object) {
    EXPECT_ERROR("", "HCL001", "EOF token found", 1, 1);
    EXPECT_ERROR("[1]", "HCL001", "Expected object, got unknown token: 1:1 LBRACK [", 1, 1);
}

Test(hcl_json, common_mistakes_get_a_fix_hint) {
    struct parsed p = parse("{\"a\": \"http:\\/\\/x\"}");
    cr_assert_eq(p.diags.count, 1);
    cr_assert_not_null(p.diags.items[0].fix);
    cr_expect(strstr(p.diags.items[0].fix, "write `/` itself") != NULL);
    done(&p);
    p = parse("{\"a\": 1, b: 2}");
    cr_assert_eq(p.diags.count, 1);
    cr_expect_str_eq(p.diags.items[0].message, "illegal char");
    cr_assert_not_null(p.diags.items[0].fix);
    done(&p);
    p = parse("{\"a\": [[1], [2]]}");
    cr_assert_eq(p.diags.count, 1);
    cr_expect_null(p.diags.items[0].fix, "no key hint where a nested array is the cause");
    done(&p);
}
