/* targets_testutil.h — helpers for the targets/ unit tests: run a program
 * and capture what it prints (for differential tests against sh, dash and
 * systemd's own tools). */
#ifndef RKTC_TESTS_TARGETS_TESTUTIL_H
#define RKTC_TESTS_TARGETS_TESTUTIL_H

#include "util/buf.h"

#include <stdbool.h>

/* Runs argv (argv[0] looked up in PATH) with stdin from /dev/null,
 * appends its stdout to out (stderr too when merge_stderr); returns the
 * exit status, or -1 when it could not be run or died from a signal. */
int testutil_run(char *const argv[], struct buf *out, bool merge_stderr);
/* Is the program on PATH (a name with a '/' is checked as a path)? */
bool testutil_have(const char *program);
/* Writes len bytes to path; false on error. */
bool testutil_write_file(const char *path, const char *data, size_t len);
/* A fresh directory under TMPDIR or /tmp; caller frees the path. */
char *testutil_tempdir(void);
/* rm -rf path. */
void testutil_remove_tree(const char *path);

#endif
