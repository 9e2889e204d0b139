/* Tests for src/util/safe_write.c: content replaced whole, no temporary
 * left behind, errors leave the old file untouched. */
#include "util/safe_write.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void make_dir(void) {
    strcpy(dir, "/tmp/rktc-safe-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static size_t entries(void) {
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.' || strncmp(e->d_name, ".rktc-", 6) == 0;
    closedir(d);
    return n;
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    static char text[256];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

Test(safe_write, writes_and_replaces) {
    make_dir();
    char path[128], *error = NULL;
    snprintf(path, sizeof path, "%s/out.xml", dir);
    cr_assert(safe_write_file(path, "first", 5, &error));
    cr_assert_str_eq(slurp(path), "first");
    cr_assert(safe_write_file(path, "second!", 7, &error));
    cr_assert_str_eq(slurp(path), "second!");
    cr_assert_eq(entries(), 1, "no temporary file left");
    struct stat st;
    stat(path, &st);
    mode_t mask = umask(0);
    umask(mask);
    cr_assert_eq(st.st_mode & 0777, 0666 & ~mask);
    unlink(path);
    rmdir(dir);
}

Test(safe_write, missing_directory_is_an_error) {
    char *error = NULL;
    cr_assert_not(safe_write_file("/nonexistent-rktc/dir/out", "x", 1, &error));
    cr_assert_not_null(error);
    cr_assert(strstr(error, "/nonexistent-rktc/dir/out: "), "%s", error);
    free(error);
}

Test(safe_write, target_that_cannot_be_replaced_keeps_old_content) {
    make_dir();
    char path[128], inner[160], *error = NULL;
    snprintf(path, sizeof path, "%s/sub", dir);
    mkdir(path, 0755); /* a non-empty directory cannot be renamed over */
    snprintf(inner, sizeof inner, "%s/keep", path);
    cr_assert(safe_write_file(inner, "k", 1, &error));
    cr_assert_not(safe_write_file(path, "x", 1, &error));
    free(error);
    cr_assert_eq(entries(), 1, "the temporary file was removed");
    cr_assert_str_eq(slurp(inner), "k");
    unlink(inner);
    rmdir(path);
    rmdir(dir);
}
