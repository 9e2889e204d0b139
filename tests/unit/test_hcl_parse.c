/* Unit tests of the HCL1 front end: tree shape, spans, comments, CRLF
 * mapping, limits and recovery. Values and accept/reject decisions are
 * covered against the reference by testdata/parse and the corpus. */
#include "diag/diag.h"
#include "hcl/generic.h"
#include "hcl/parse.h"
#include "source.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

struct parsed {
    struct source *src;
    struct arena *arena;
    struct diag_list diags;
    struct hcl_file *file;
};

static struct parsed parse_text(const char *text) {
    struct parsed p;
    p.src = source_from_memory("t.hcl", text, strlen(text));
    p.arena = arena_new();
    diag_list_init(&p.diags);
    p.file = hcl_parse(p.arena, p.src, &p.diags);
    return p;
}

static void done(struct parsed *p) {
    diag_list_free(&p->diags);
    arena_free(p->arena);
    source_free(p->src);
}

static char *slice(const struct parsed *p, struct span s) {
    static char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(s.end - s.start), p->src->text + s.start);
    return buf;
}

Test(hcl_parse, item_keys_labels_and_spans) {
    struct parsed p = parse_text("job \"web\" {\n  count = 3\n}\n");
    cr_assert_not_null(p.file);
    const struct hcl_object *root = &p.file->root->as.object;
    cr_assert_eq(root->count, 1);
    const struct hcl_item *job = root->items[0];
    cr_assert_eq(job->key_count, 2);
    cr_assert_str_eq(job->keys[0].text, "job");
    cr_assert_not(job->keys[0].quoted);
    cr_assert_str_eq(job->keys[1].text, "web");
    cr_assert(job->keys[1].quoted);
    cr_assert_str_eq(slice(&p, job->keys[1].span), "\"web\"");
    cr_assert_not(job->has_assign);
    cr_assert_eq(job->value->kind, HCL_OBJECT);
    cr_assert_str_eq(slice(&p, job->value->span), "{\n  count = 3\n}");
    const struct hcl_item *count = job->value->as.object.items[0];
    cr_assert(count->has_assign);
    cr_assert_str_eq(slice(&p, hcl_item_assign(count)), "=");
    cr_assert_str_eq(slice(&p, hcl_item_span(count)), "count = 3");
    cr_assert_eq(count->value->kind, HCL_NUMBER);
    cr_assert_str_eq(count->value->as.number.text, "3");
    done(&p);
}

Test(hcl_parse, comments_are_kept_with_spans) {
    struct parsed p = parse_text("# one\na = 1 // two\n/* three\n */ b = 2\n");
    cr_assert_not_null(p.file);
    cr_assert_eq(p.file->comment_count, 3);
    cr_assert_eq(p.file->comments[0].style, HCL_COMMENT_HASH);
    cr_assert_str_eq(slice(&p, p.file->comments[0].span), "# one");
    cr_assert_eq(p.file->comments[1].style, HCL_COMMENT_SLASHES);
    cr_assert_str_eq(slice(&p, p.file->comments[1].span), "// two");
    cr_assert_eq(p.file->comments[2].style, HCL_COMMENT_BLOCK);
    cr_assert_str_eq(slice(&p, p.file->comments[2].span), "/* three\n */");
    done(&p);
}

Test(hcl_parse, crlf_spans_point_into_the_original_bytes) {
    struct parsed p = parse_text("a = 1\r\nbb = \"x\"\r\n");
    cr_assert_not_null(p.file);
    const struct hcl_item *bb = p.file->root->as.object.items[1];
    cr_assert_str_eq(slice(&p, bb->keys[0].span), "bb");
    cr_assert_str_eq(slice(&p, bb->value->span), "\"x\"");
    struct position pos = source_position(p.src, bb->value->span.start);
    cr_assert_eq(pos.line, 2);
    cr_assert_eq(pos.column, 6);
    done(&p);
}

Test(hcl_parse, heredoc_value_and_span) {
    struct parsed p = parse_text("a = <<-EOF\n    x\n  EOF\nb = 1\n");
    cr_assert_not_null(p.file);
    const struct hcl_value *v = p.file->root->as.object.items[0]->value;
    cr_assert_eq(v->kind, HCL_HEREDOC);
    cr_assert_str_eq(v->as.string.text, "  x\n");
    cr_assert_str_eq(slice(&p, v->span), "<<-EOF\n    x\n  EOF\n");
    done(&p);
}

Test(hcl_parse, syntax_error_is_located_with_expectation) {
    struct parsed p = parse_text("job \"x\" {\n  port \"http\" = {}\n}\n");
    cr_assert_null(p.file);
    cr_assert_eq(p.diags.count, 1);
    const struct diag *d = &p.diags.items[0];
    cr_assert_str_eq(d->rule->id, "HCL001");
    struct position pos = source_position(p.src, d->span.start);
    cr_assert_eq(pos.line, 2);
    cr_assert_eq(pos.column, 15);
    cr_assert(strstr(d->message, "labels cannot be used with `=`"));
    done(&p);
}

Test(hcl_parse, recovery_reports_independent_errors) {
    struct parsed p = parse_text("a = [1 2]\nb = 1\nc = 2\nd = 3\ne = }\n");
    cr_assert_null(p.file);
    cr_assert_eq(p.diags.count, 2);
    cr_assert_eq(source_position(p.src, p.diags.items[0].span.start).line, 1);
    cr_assert_eq(source_position(p.src, p.diags.items[1].span.start).line, 5);
    done(&p);
}

Test(hcl_parse, unclosed_block_notes_its_opening_brace) {
    struct parsed p = parse_text("job \"x\" {\n  a = 1\n");
    cr_assert_null(p.file);
    cr_assert_eq(p.diags.count, 1);
    cr_assert_eq(p.diags.items[0].note_count, 1);
    cr_assert_str_eq(slice(&p, p.diags.items[0].notes[0].span), "{");
    done(&p);
}

Test(hcl_parse, nesting_limit_is_an_error_not_a_crash) {
    char text[4 * HCL_MAX_DEPTH + 16];
    size_t n = 0;
    n += (size_t)sprintf(text, "a = ");
    for (int i = 0; i < HCL_MAX_DEPTH + 1; i++)
        text[n++] = '[';
    text[n] = '\0';
    struct parsed p = parse_text(text);
    cr_assert_null(p.file);
    cr_assert_eq(p.diags.count, 1);
    cr_assert_str_eq(p.diags.items[0].rule->id, "HCL003");
    done(&p);
}

Test(hcl_parse, dropped_attribute_is_a_warning) {
    struct parsed p = parse_text("x { a = } }\n");
    cr_assert_not_null(p.file);
    cr_assert_eq(p.diags.count, 1);
    cr_assert_str_eq(p.diags.items[0].rule->id, "HCL005");
    cr_assert_eq(p.file->root->as.object.items[0]->value->as.object.count, 0);
    done(&p);
}

Test(hcl_parse, json_form_is_detected_after_unicode_space) {
    cr_assert(hcl_is_json("  \n\t{\"a\": 1}", 12));
    cr_assert(hcl_is_json("\xc2\xa0{}", 4));
    cr_assert_not(hcl_is_json("a = {}", 6));
    cr_assert_not(hcl_is_json("", 0));
}

Test(hcl_decode, repeated_keys_merge_as_hcl1) {
    struct parsed p = parse_text("l = [1]\nl = [2]\nb { x = 1 }\nb { y = 2 }\ns = 1\ns = 2\n");
    cr_assert_not_null(p.file);
    struct gval *g = hcl_decode_generic(p.arena, p.file, &p.diags);
    cr_assert_not_null(g);
    const struct gval *l = gval_map_get(g, "l");
    cr_assert_eq(l->kind, GVAL_LIST);
    cr_assert_eq(l->as.list.count, 2);
    const struct gval *b = gval_map_get(g, "b");
    cr_assert_eq(b->kind, GVAL_MAP_LIST);
    cr_assert_eq(b->as.list.count, 2);
    cr_assert_eq(gval_map_get(g, "s")->as.integer, 2);
    done(&p);
}

Test(hcl_decode, number_errors_are_located) {
    struct parsed p = parse_text("a = 1\nmode = 08\n");
    cr_assert_not_null(p.file);
    cr_assert_null(hcl_decode_generic(p.arena, p.file, &p.diags));
    cr_assert_eq(p.diags.count, 1);
    cr_assert_str_eq(p.diags.items[0].rule->id, "HCL002");
    cr_assert_eq(source_position(p.src, p.diags.items[0].span.start).line, 2);
    cr_assert(strstr(p.diags.items[0].message, "strconv.ParseInt: parsing \"08\": invalid syntax"));
    done(&p);
}

Test(hcl_number, go_strconv_semantics) {
    struct arena *a = arena_new();
    int64_t v;
    double d;
    const char *err;
    cr_assert(strconv_parse_int(a, "-9223372036854775808", 20, &v, &err));
    cr_assert_eq(v, INT64_MIN);
    cr_assert_not(strconv_parse_int(a, "9223372036854775808", 19, &v, &err));
    cr_assert(strstr(err, "value out of range"));
    cr_assert(strconv_parse_int(a, "0755", 4, &v, &err));
    cr_assert_eq(v, 493);
    cr_assert(strconv_parse_int(a, "-0x1F", 5, &v, &err));
    cr_assert_eq(v, -31);
    cr_assert_not(strconv_parse_int(a, "0x", 2, &v, &err));
    cr_assert(strconv_parse_float(a, "1.", 2, &d, &err));
    cr_assert_float_eq(d, 1.0, 0);
    cr_assert_not(strconv_parse_float(a, "1e", 2, &d, &err));
    cr_assert_str_eq(err, "strconv.ParseFloat: parsing \"1e\": invalid syntax");
    cr_assert_not(strconv_parse_float(a, "1e400", 5, &d, &err));
    cr_assert(strconv_parse_float(a, "1e-400", 6, &d, &err));
    arena_free(a);
}

/* Short string and number values equal to an earlier one share its copy
 * (the values are the same either way); escapes are decoded before the
 * comparison; long values and heredocs get their own. */
Test(hcl_parse, equal_short_literals_share_one_copy) {
    char text[512];
    char long_value[100];
    memset(long_value, 'x', sizeof long_value - 1);
    long_value[sizeof long_value - 1] = '\0';
    snprintf(text, sizeof text,
             "a = \"tcp\"\nb = \"t\\x63p\"\nc = 42\nd = 42\ne = \"tc\"\n"
             "f = \"%s\"\ng = \"%s\"\nh = \"${x}\"\ni = \"${x}\"\n",
             long_value, long_value);
    struct parsed p = parse_text(text);
    cr_assert_not_null(p.file);
    const struct hcl_object *o = &p.file->root->as.object;
    cr_assert_eq(o->count, 9);
    const struct hcl_value *v[9];
    for (size_t i = 0; i < 9; i++)
        v[i] = o->items[i]->value;
    cr_assert_str_eq(v[0]->as.string.text, "tcp");
    cr_assert_eq(v[0]->as.string.text, v[1]->as.string.text);
    cr_assert_eq(v[2]->as.number.text, v[3]->as.number.text);
    cr_assert_str_eq(v[4]->as.string.text, "tc");
    cr_assert_neq(v[4]->as.string.text, v[0]->as.string.text);
    cr_assert_str_eq(v[5]->as.string.text, long_value);
    cr_assert_neq(v[5]->as.string.text, v[6]->as.string.text);
    cr_assert_str_eq(v[7]->as.string.text, "${x}");
    cr_assert_eq(v[7]->as.string.text, v[8]->as.string.text);
    done(&p);
}

/* placeholder_free: no string value below holds "${" once unquoted (an
 * escaped `$` counts), propagated through objects and lists. */
Test(hcl_parse, placeholder_free_marks_values_without_dollar_brace) {
    struct parsed p = parse_text("a = \"x$y{z}\"\nb = \"\\x24{n}\"\nc { d = [1, \"${e}\"] }\n"
                                 "f { g = [true, 1.5, \"$\"] }\nh = <<EOF\n${i}\nEOF\n");
    cr_assert_not_null(p.file);
    const struct hcl_object *o = &p.file->root->as.object;
    cr_assert_eq(o->count, 5);
    cr_assert(o->items[0]->value->placeholder_free);
    cr_assert_not(o->items[1]->value->placeholder_free);
    cr_assert_not(o->items[2]->value->placeholder_free);
    cr_assert_not(o->items[2]->value->as.object.items[0]->value->placeholder_free);
    cr_assert(o->items[3]->value->placeholder_free);
    cr_assert_not(o->items[4]->value->placeholder_free);
    cr_assert_not(p.file->root->placeholder_free);
    done(&p);
}

/* The scanner reads the source in place and writes a NUL after each
 * token; wherever the scan stops, the source is left as it was (caret
 * lines print it). */
Test(hcl_parse, a_stopped_scan_leaves_the_source_unchanged) {
    static const char *const texts[] = {"a = << EOF\nx\n", "a = <<EOF x\n", "a 1\nb = 2\n",
                                        "a = <EOF\n", "x = [1 2]\ny = 3\n", "a = 1\n}\n"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        struct parsed p = parse_text(texts[i]);
        cr_assert_null(p.file, "parsed: %s", texts[i]);
        cr_assert_eq(memcmp(p.src->text, texts[i], strlen(texts[i]) + 1), 0,
                     "source changed: %s", texts[i]);
        done(&p);
    }
}

/* every node under v lies in [lo, hi) */
static bool within(const struct hcl_value *v, const char *lo, const char *hi) {
    const char *at = (const char *)v;
    if (at < lo || at + sizeof *v > hi)
        return false;
    if (v->kind == HCL_OBJECT)
        for (size_t i = 0; i < v->as.object.count; i++) {
            const struct hcl_item *it = v->as.object.items[i];
            if ((const char *)it < lo || (const char *)it >= hi || !within(it->value, lo, hi))
                return false;
        }
    if (v->kind == HCL_LIST)
        for (size_t i = 0; i < v->as.list.count; i++)
            if (!within(v->as.list.elems[i], lo, hi))
                return false;
    return true;
}

/* The layout hcl_value_prefetch relies on: an object or list value comes
 * first, then everything inside it, then its item or element array, in
 * one block of the arena. */
Test(hcl_parse, an_object_lies_in_one_block_from_its_value_to_its_array) {
    struct parsed p = parse_text("a = 1\ng \"x\" {\n  b = [1, [\"s\", {c = true}], 2.5]\n"
                                 "  t { d = \"q\"\n e = <<EOF\nh\nEOF\n }\n}\nz = 2\n");
    cr_assert_not_null(p.file);
    const struct hcl_value *g = p.file->root->as.object.items[1]->value;
    cr_assert_eq(g->kind, HCL_OBJECT);
    const char *lo = (const char *)g;
    const char *hi = (const char *)(g->as.object.items + g->as.object.count);
    cr_assert(within(g, lo, hi));
    const struct hcl_value *b = g->as.object.items[0]->value;
    cr_assert_eq(b->kind, HCL_LIST);
    cr_assert(within(b, (const char *)b, (const char *)(b->as.list.elems + b->as.list.count)));
    /* the siblings lie outside */
    cr_assert_not(within(p.file->root->as.object.items[0]->value, lo, hi));
    cr_assert_not(within(p.file->root->as.object.items[2]->value, lo, hi));
    hcl_value_prefetch(g); /* a hint: it changes nothing */
    hcl_value_prefetch(p.file->root);
    cr_assert(within(g, lo, hi));
    done(&p);
}

/* The parser without LAC runs first and the LAC parser only after an
 * error: a file that parses keeps the first run's findings, once; a file
 * with an error has only the second run's (one error here, not two). */
Test(hcl_parse, findings_come_from_one_parser_run) {
    struct parsed p = parse_text("x { b = } }\ny = 1\nz =");
    cr_assert_not_null(p.file);
    cr_assert_eq(p.diags.count, 2);
    cr_assert_eq(p.diags.items[0].rule->code, RULE_HCL005);
    cr_assert_eq(p.diags.items[1].rule->code, RULE_HCL005);
    done(&p);
    p = parse_text("x { b = 1 }\ny = = 2\n");
    cr_assert_null(p.file);
    cr_assert_eq(p.diags.count, 1);
    cr_assert_eq(p.diags.items[0].rule->code, RULE_HCL001);
    done(&p);
}
