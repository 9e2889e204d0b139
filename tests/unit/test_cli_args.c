/* test_cli_args.c — the command line split by the option table. */
#include "cli/args.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>

static bool parse(const char *command, int argc, const char **argv, struct cli_args *out) {
    return cli_args_parse(command, argc, (char **)argv, out);
}

Test(cli_args, spellings_of_one_option) {
    const char *argv[] = {"check", "--format=json", "--format", "sarif:x.sarif", "-f", "gcc",
                          "-fjunit:j.xml", "a.nomad", "-", NULL};
    struct cli_args a;
    cr_assert(parse("check", 9, argv, &a));
    cr_assert_eq(a.count, 4);
    const char *want[] = {"json", "sarif:x.sarif", "gcc", "junit:j.xml"};
    for (size_t i = 0; i < 4; i++) {
        cr_expect_eq(a.items[i].flag, FLAG_FORMAT);
        cr_expect_str_eq(a.items[i].value, want[i]);
    }
    cr_assert_eq(a.operand_count, 2);
    cr_expect_str_eq(a.operands[0], "a.nomad");
    cr_expect_str_eq(a.operands[1], "-");
    cli_args_free(&a);
}

Test(cli_args, double_dash_ends_options) {
    const char *argv[] = {"check", "--no-fail", "--", "--format=json", NULL};
    struct cli_args a;
    cr_assert(parse("check", 4, argv, &a));
    cr_assert_eq(a.count, 1);
    cr_expect_eq(a.items[0].flag, FLAG_NO_FAIL);
    cr_expect_null(a.items[0].value);
    cr_assert_eq(a.operand_count, 1);
    cr_expect_str_eq(a.operands[0], "--format=json");
    cli_args_free(&a);
}

Test(cli_args, usage_errors, .init = cr_redirect_stderr) {
    struct cli_args a;
    const char *unknown[] = {"check", "--frobnicate", NULL};
    cr_expect_not(parse("check", 2, unknown, &a));
    cli_args_free(&a);
    const char *missing[] = {"check", "--format", NULL};
    cr_expect_not(parse("check", 2, missing, &a));
    cli_args_free(&a);
    const char *valued[] = {"check", "--no-fail=yes", NULL};
    cr_expect_not(parse("check", 2, valued, &a));
    cli_args_free(&a);
    /* an option of another command is unknown here */
    const char *other[] = {"parse", "--target=sh", "x", NULL};
    cr_expect_not(parse("parse", 3, other, &a));
    cli_args_free(&a);
}

Test(cli_args, every_option_has_a_spelling) {
    size_t count;
    const struct cli_option *options = cli_options(&count);
    cr_assert_gt(count, 0);
    for (size_t i = 0; i < count; i++) {
        struct buf b;
        buf_init(&b);
        cli_option_spelling(&options[i], &b);
        cr_expect(b.len > 2 && b.data[0] == '-' && b.data[1] == '-', "%s", b.data);
        buf_free(&b);
    }
}
