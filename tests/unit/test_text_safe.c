/* Tests for util/text_safe: names from job files stay on one line in
 * comments and Description= values. */
#include "util/text_safe.h"

#include <criterion/criterion.h>

static void expect(const char *in, bool systemd, const char *out) {
    struct buf b;
    buf_init(&b);
    text_safe_append(&b, in, systemd);
    cr_expect_str_eq(b.data ? b.data : "", out, "text_safe(%s)", in);
    buf_free(&b);
}

Test(text_safe, control_bytes_and_backslashes_are_escaped) {
    expect("web", false, "web");
    expect("a\nb", false, "a\\x0ab");
    expect("tab\there\r", false, "tab\\x09here\\x0d");
    expect("end\\", false, "end\\x5c");
    expect("\x7f", false, "\\x7f");
}

Test(text_safe, utf8_stays_invalid_bytes_do_not) {
    expect("ünï ✓", false, "ünï ✓");
    expect("\xff\xc3", false, "\\xff\\xc3");
}

Test(text_safe, percent_doubles_for_systemd_only) {
    expect("100%", false, "100%");
    expect("100%n", true, "100%%n");
}
