/* Unit tests of Go's conversions as the jobspec decoder uses them. */
#include "nomad/decode_internal.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <string.h>

static struct decode_ctx ctx(struct arena *a) {
    struct decode_ctx c = {.arena = a};
    return c;
}

static void duration_is(const char *text, int64_t want) {
    struct arena *a = arena_new();
    struct decode_ctx c = ctx(a);
    int64_t got = 0;
    const char *why = NULL;
    cr_assert(go_parse_duration(&c, text, strlen(text), &got, &why), "%s: %s", text,
              why ? why : "");
    cr_assert_eq(got, want, "%s: got %lld", text, (long long)got);
    arena_free(a);
}

static void duration_fails(const char *text, const char *message) {
    struct arena *a = arena_new();
    struct decode_ctx c = ctx(a);
    int64_t got = 0;
    const char *why = NULL;
    cr_assert_not(go_parse_duration(&c, text, strlen(text), &got, &why), "%s", text);
    cr_assert_str_eq(why, message);
    arena_free(a);
}

Test(nomad_weak, go_durations) {
    duration_is("0", 0);
    duration_is("-0", 0);
    duration_is("30s", 30000000000LL);
    duration_is("1h30m", 5400000000000LL);
    duration_is("1.5h", 5400000000000LL);
    duration_is("-1s", -1000000000LL);
    duration_is(".5s", 500000000LL);
    duration_is("1\xc2\xb5s", 1000LL);
    duration_is("2562047h47m16.854775807s", INT64_MAX);
    duration_fails("5", "time: missing unit in duration \"5\"");
    duration_fails("1d", "time: unknown unit \"d\" in duration \"1d\"");
    duration_fails("", "time: invalid duration \"\"");
    duration_fails(".s", "time: invalid duration \".s\"");
    duration_fails("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"");
}

static void float_is(double f, const char *want) {
    struct arena *a = arena_new();
    struct decode_ctx c = ctx(a);
    cr_assert_str_eq(go_format_float(&c, f), want);
    arena_free(a);
}

Test(nomad_weak, floats_in_plain_notation) {
    float_is(1.5, "1.5");
    float_is(2.0, "2");
    float_is(1e21, "1000000000000000000000");
    float_is(0.000001, "0.000001");
    float_is(-0.25, "-0.25");
    float_is(0.1, "0.1");
    float_is(0, "0");
}

static struct gval string_value(const char *text) {
    struct gval v = {.kind = GVAL_STRING};
    v.as.string.text = text;
    v.as.string.len = strlen(text);
    return v;
}

Test(nomad_weak, strings_to_integers) {
    struct arena *a = arena_new();
    struct decode_ctx c = ctx(a);
    int64_t n;
    const char *why;
    struct gval v = string_value("0x10");
    cr_assert(weak_to_int(&c, &v, 64, false, false, &n, &why));
    cr_assert_eq(n, 16);
    v = string_value("010");
    cr_assert(weak_to_int(&c, &v, 64, false, false, &n, &why));
    cr_assert_eq(n, 8);
    v = string_value("");
    cr_assert(weak_to_int(&c, &v, 64, false, false, &n, &why));
    cr_assert_eq(n, 0);
    v = string_value("-9223372036854775808");
    cr_assert(weak_to_int(&c, &v, 64, false, false, &n, &why));
    cr_assert_eq(n, INT64_MIN);
    v = string_value("08");
    cr_assert_not(weak_to_int(&c, &v, 64, false, false, &n, &why));
    v = string_value("abc");
    cr_assert_not(weak_to_int(&c, &v, 64, false, false, &n, &why));
    cr_assert(strstr(why, "strconv.ParseInt: parsing \"abc\": invalid syntax"));
    v = string_value("200");
    cr_assert_not(weak_to_int(&c, &v, 8, false, false, &n, &why));
    cr_assert(weak_to_int(&c, &v, 8, true, false, &n, &why));
    cr_assert_eq(n, 200);
    /* strict decoding takes no strings */
    v = string_value("1");
    cr_assert_not(weak_to_int(&c, &v, 64, false, true, &n, &why));
    struct gval f = {.kind = GVAL_FLOAT, .as.number = 2.7};
    cr_assert(weak_to_int(&c, &f, 64, false, false, &n, &why));
    cr_assert_eq(n, 2);
    struct gval big = {.kind = GVAL_INT, .as.integer = 300};
    cr_assert(weak_to_int(&c, &big, 8, false, false, &n, &why));
    cr_assert_eq(n, 44); /* int8 wraps like Go's reflect SetInt */
    arena_free(a);
}

Test(nomad_weak, bools_and_strings) {
    struct arena *a = arena_new();
    struct decode_ctx c = ctx(a);
    bool b;
    const char *why, *text;
    size_t len;
    const char *yes[] = {"1", "t", "T", "TRUE", "true", "True"};
    for (size_t i = 0; i < 6; i++) {
        struct gval v = string_value(yes[i]);
        cr_assert(weak_to_bool(&c, &v, false, &b, &why) && b, "%s", yes[i]);
    }
    struct gval v = string_value("");
    cr_assert(weak_to_bool(&c, &v, false, &b, &why) && !b);
    v = string_value("yes");
    cr_assert_not(weak_to_bool(&c, &v, false, &b, &why));
    struct gval n = {.kind = GVAL_INT, .as.integer = 2};
    cr_assert(weak_to_bool(&c, &n, false, &b, &why) && b);
    struct gval t = {.kind = GVAL_BOOL, .as.boolean = true};
    cr_assert(weak_to_string(&c, &t, false, &text, &len, &why));
    cr_assert_str_eq(text, "1");
    struct gval i = {.kind = GVAL_INT, .as.integer = 420};
    cr_assert(weak_to_string(&c, &i, false, &text, &len, &why));
    cr_assert_str_eq(text, "420");
    struct gval l = {.kind = GVAL_LIST};
    cr_assert_not(weak_to_string(&c, &l, false, &text, &len, &why));
    arena_free(a);
}
