/* Tests for util/systemd_escape: systemd itself (through
 * ../shared/tools/systemd-argv.py, which loads units with `systemd --test`)
 * must read every written Exec line back as the argv it was made from. */
#include "util/systemd_escape.h"
#include "targets_testutil.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYSTEMD_ARGV "../shared/tools/systemd-argv.py"

static const char *const tricky[] = {
    "", " ", "plain", "--flag=value", "a b", "  lead", "trail  ", "tab\there",
    "new\nline", "\n", "\r", "'", "it's", "\"", "\"dq\"", "a\"b'c",
    "$HOME", "${HOME}", "$$", "$", "$1", "%", "%n", "%%", "%%n", "100%",
    "\\", "\\\\", "\\n", "\\x41", "\\;", "a\\", ";", "a;b", "; ;", "-", "@",
    ":", "+", "!", "!!", "-foo", "@bar", "#x", ";x", "ünïcödé ✓",
    "\xff", "\xc3", "\xc3(", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "\xc0\xaf", "\x01\x02\x1f\x7f", "\x1b[0m", "--net=a:IP=1.2.3.4;K=V",
    "{}", "*", "?", "~", "=", "`id`", "$(id)",
};

/* Python's json.dumps(ensure_ascii=False) form of a string. */
static void json_string(struct buf *out, const char *s) {
    buf_putc(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': buf_puts(out, "\\\""); break;
        case '\\': buf_puts(out, "\\\\"); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\r': buf_puts(out, "\\r"); break;
        case '\t': buf_puts(out, "\\t"); break;
        case '\b': buf_puts(out, "\\b"); break;
        case '\f': buf_puts(out, "\\f"); break;
        default:
            if (*p < 0x20)
                buf_printf(out, "\\u%04x", *p);
            else
                buf_putc(out, (char)*p);
        }
    }
    buf_putc(out, '"');
}

struct argv_case {
    const char *argv[8];
    size_t argc;
};

/* Writes one oneshot unit with an ExecStart= per case and compares
 * systemd's reading with the cases. */
static void check_cases(const struct argv_case *cases, size_t count) {
    if (!testutil_have(SYSTEMD_ARGV) || !testutil_have("setpriv"))
        cr_skip_test("systemd-argv.py or setpriv not available");
    struct buf unit, expect, got;
    buf_init(&unit);
    buf_init(&expect);
    buf_init(&got);
    buf_puts(&unit, "[Service]\nType=oneshot\n");
    buf_puts(&expect, "{\n \"escape.service\": {\n  \"ExecStart\": [\n");
    for (size_t i = 0; i < count; i++) {
        buf_puts(&unit, "ExecStart=");
        cr_assert_null(systemd_exec_line(&unit, cases[i].argv, cases[i].argc));
        buf_putc(&unit, '\n');
        buf_puts(&expect, "   [\n");
        for (size_t j = 0; j < cases[i].argc; j++) {
            buf_puts(&expect, "    ");
            json_string(&expect, cases[i].argv[j]);
            buf_puts(&expect, j + 1 < cases[i].argc ? ",\n" : "\n");
        }
        buf_puts(&expect, i + 1 < count ? "   ],\n" : "   ]\n");
    }
    buf_puts(&expect, "  ]\n }\n}\n");
    char *dir = testutil_tempdir();
    cr_assert(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/escape.service", dir);
    cr_assert(testutil_write_file(path, unit.data, unit.len));
    char *argv[] = {SYSTEMD_ARGV, path, NULL};
    int status = testutil_run(argv, &got, false);
    testutil_remove_tree(dir);
    free(dir);
    cr_assert_eq(status, 0, "systemd-argv.py exited %d", status);
    cr_assert_str_eq(got.data, expect.data, "unit:\n%s", unit.data);
    buf_free(&unit);
    buf_free(&expect);
    buf_free(&got);
}

Test(systemd_escape, every_tricky_word_reads_back) {
    size_t n = sizeof tricky / sizeof tricky[0];
    struct argv_case *cases = calloc(n + 1, sizeof *cases);
    for (size_t i = 0; i < n; i++) {
        cases[i].argv[0] = "/usr/bin/rkt";
        cases[i].argv[1] = tricky[i];
        cases[i].argv[2] = "end";
        cases[i].argc = 3;
    }
    /* all of them in one command line */
    check_cases(cases, n);
    free(cases);
}

Test(systemd_escape, random_words_read_back) {
    enum { COUNT = 300 };
    static char words[COUNT][48];
    static const char special[] = "\"'\\$%; \t\n\r{}@-:+!#\xc3\xa9\xff\x01";
    struct argv_case *cases = calloc(COUNT, sizeof *cases);
    unsigned long state = 99;
    for (size_t i = 0; i < COUNT; i++) {
        state = state * 6364136223846793005UL + 1442695040888963407UL;
        size_t len = (state >> 33) % 40;
        for (size_t j = 0; j < len; j++) {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            unsigned char c = (unsigned char)(1 + (state >> 40) % 255);
            if ((state >> 20) % 2 == 0)
                c = (unsigned char)special[(state >> 8) % (sizeof special - 1)];
            words[i][j] = (char)c;
        }
        words[i][len] = '\0';
        cases[i].argv[0] = "/bin/true";
        cases[i].argv[1] = words[i];
        cases[i].argc = 2;
    }
    check_cases(cases, COUNT);
    free(cases);
}

Test(systemd_escape, executable_paths_systemd_accepts) {
    struct argv_case cases[] = {
        {{"/usr/bin/rkt", "run", "--uuid-file-save=/run/x", "docker://redis"}, 4},
        {{"/opt/my tools/rkt", "version"}, 2},
        {{"/opt/100%/rkt", "a%b"}, 2},
        {{"/opt/ünï/rkt"}, 1},
        {{"/opt/x;y/rkt", ";"}, 2},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

Test(systemd_escape, refuses_executables_systemd_would_rewrite) {
    static const char *const bad[] = {
        "rkt", "-/usr/bin/rkt", "@/usr/bin/rkt", "/usr/bin/",
        "/opt/$x/rkt", "/opt/a\"b", "/opt/a'b", "/opt/a\\b", "/opt/a\nb",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct buf b;
        buf_init(&b);
        const char *argv[] = {bad[i], "x"};
        cr_expect_not_null(systemd_exec_line(&b, argv, 2), "accepted %s", bad[i]);
        cr_expect_eq(b.len, 0);
        buf_free(&b);
    }
}

Test(systemd_escape, exact_forms) {
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "plain"},
        {"", "\"\""},
        {"a b", "\"a b\""},
        {"$x", "$$x"},
        {"50%", "50%%"},
        {"it's", "\"it's\""},
        {"a\"b", "\"a\\\"b\""},
        {"a\\b", "\"a\\\\b\""},
        {"a;b", "\"a;b\""},
        {"l\n", "\"l\\n\""},
        {"\xff", "\"\\xff\""},
        {"é", "\"é\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct buf b;
        buf_init(&b);
        systemd_exec_word(&b, cases[i].in);
        cr_expect_str_eq(b.data, cases[i].out, "escaping %s", cases[i].in);
        buf_free(&b);
    }
}
