/* Tests for util/shell_quote: differential against real shells — every
 * quoted word must come back byte for byte from sh and dash — and
 * shellcheck must find nothing in a script made of the quoted words. */
#include "util/shell_quote.h"
#include "targets_testutil.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word {
    char bytes[64];
    size_t len;
};

static const char *const tricky[] = {
    "", " ", "plain", "--flag=value", "a b", "tab\there", "new\nline",
    "trailing newline\n", "\n", "'", "''", "it's", "\"", "\"dq\"", "$HOME",
    "${HOME}", "$(id)", "`id`", "\\", "\\\\", "a\\'b", "back\\slash\\",
    "*", "?", "[a]", "~", "~root", "#comment", "a#b", "!", "!!", "a=b",
    "PATH=/x", "_x=1", "-", "--", ";", "&", "|", "<", ">", "(", ")", "{", "}",
    "%s", "%%", "ünïcödé ✓", "\xff\xfe", "\xc3", "\x01\x02\x1f\x7f", "\r\n",
    "a'b\"c$d`e\\f", "--set-env=NOMAD_TASK_NAME=web", "=", "=x", "1=x",
};

/* Deterministic pseudo-random byte strings (no NUL). */
static size_t random_words(struct word *words, size_t count) {
    static const char special[] = "'\"$`\\ \n\t*?~#=!;&|<>(){}[]%";
    unsigned long state = 12345;
    for (size_t i = 0; i < count; i++) {
        state = state * 6364136223846793005UL + 1442695040888963407UL;
        size_t len = (state >> 33) % 40;
        for (size_t j = 0; j < len; j++) {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            unsigned char c = (unsigned char)(1 + (state >> 40) % 255);
            /* bias towards the characters that matter to sh */
            if ((state >> 20) % 3 == 0)
                c = (unsigned char)special[(state >> 8) % (sizeof special - 1)];
            words[i].bytes[j] = (char)c;
        }
        words[i].len = len;
    }
    return count;
}

#define RANDOM_COUNT 400

static size_t all_words(struct word *words) {
    size_t n = 0;
    for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
        words[n].len = strlen(tricky[i]);
        memcpy(words[n].bytes, tricky[i], words[n].len);
        n++;
    }
    return n + random_words(words + n, RANDOM_COUNT);
}

static void check_shell(const char *shell) {
    if (!testutil_have(shell))
        cr_skip_test("%s not installed", shell);
    struct word *words = calloc(RANDOM_COUNT + 100, sizeof *words);
    size_t n = all_words(words);
    struct buf script, expect, got;
    buf_init(&script);
    buf_init(&expect);
    buf_init(&got);
    buf_puts(&script, "printf '%s\\0'");
    for (size_t i = 0; i < n; i++) {
        buf_putc(&script, ' ');
        cr_assert(shell_quote(&script, words[i].bytes, words[i].len));
        buf_add(&expect, words[i].bytes, words[i].len);
        buf_putc(&expect, '\0');
    }
    /* the same words in command position, after `exec printf` */
    char *argv[] = {(char *)shell, "-c", script.data, NULL};
    int status = testutil_run(argv, &got, false);
    cr_assert_eq(status, 0, "%s exited %d", shell, status);
    cr_assert_eq(got.len, expect.len, "%s: %zu bytes, expected %zu", shell,
                 got.len, expect.len);
    cr_assert(memcmp(got.data, expect.data, got.len) == 0,
              "%s read back different bytes", shell);
    buf_free(&script);
    buf_free(&expect);
    buf_free(&got);
    free(words);
}

Test(shell_quote, round_trips_through_sh) { check_shell("sh"); }
Test(shell_quote, round_trips_through_dash) { check_shell("dash"); }
Test(shell_quote, round_trips_through_bash_posix) { check_shell("bash"); }

Test(shell_quote, words_in_command_position_are_not_assignments) {
    if (!testutil_have("dash"))
        cr_skip_test("dash not installed");
    /* A function named like the word proves the word is a command name. */
    struct buf script, got;
    buf_init(&script);
    buf_init(&got);
    buf_puts(&script, "PATH=/nonexistent; ");
    shell_quote_str(&script, "a=b");
    buf_puts(&script, " 2>/dev/null; echo $?; ");
    shell_quote_str(&script, "~");
    buf_puts(&script, " 2>/dev/null; echo $?");
    char *argv[] = {"dash", "-c", script.data, NULL};
    cr_assert_eq(testutil_run(argv, &got, false), 0);
    cr_assert_str_eq(got.data, "127\n127\n"); /* not found, not assigned */
    buf_free(&script);
    buf_free(&got);
}

Test(shell_quote, exact_forms) {
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"", "''"},
        {"plain", "plain"},
        {"--set-env=A=1", "--set-env=A=1"},
        {"A=1", "'A=1'"},
        {"a b", "'a b'"},
        {"it's", "'it'\\''s'"},
        {"$x", "\\$'x'"},
        {"a`b", "'a'\\`'b'"},
        {"a\\b", "'a'\\\\'b'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct buf b;
        buf_init(&b);
        shell_quote_str(&b, cases[i].in);
        cr_expect_str_eq(b.data, cases[i].out, "quoting %s", cases[i].in);
        buf_free(&b);
    }
}

Test(shell_quote, refuses_nul) {
    struct buf b;
    buf_init(&b);
    cr_assert_not(shell_quote(&b, "a\0b", 3));
    cr_assert_eq(b.len, 0);
    buf_free(&b);
}

Test(shell_quote, shellcheck_finds_nothing) {
    if (!testutil_have("shellcheck"))
        cr_skip_test("shellcheck not installed");
    struct word *words = calloc(RANDOM_COUNT + 100, sizeof *words);
    size_t n = all_words(words);
    struct buf script, got;
    buf_init(&script);
    buf_init(&got);
    buf_puts(&script, "#!/bin/sh\nset -eu\n");
    for (size_t i = 0; i < n; i++) {
        buf_puts(&script, "printf '%s\\0' ");
        shell_quote(&script, words[i].bytes, words[i].len);
        buf_putc(&script, '\n');
    }
    char *dir = testutil_tempdir();
    cr_assert(dir);
    size_t plen = strlen(dir) + 16;
    char *path = malloc(plen);
    snprintf(path, plen, "%s/quoted.sh", dir);
    cr_assert(testutil_write_file(path, script.data, script.len));
    char *argv[] = {"shellcheck", "-s", "sh", "-S", "style", path, NULL};
    int status = testutil_run(argv, &got, true);
    cr_assert_eq(status, 0, "shellcheck: %s", got.data ? got.data : "");
    cr_assert_eq(got.len, 0);
    testutil_remove_tree(dir);
    free(path);
    free(dir);
    buf_free(&script);
    buf_free(&got);
    free(words);
}
