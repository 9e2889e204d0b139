/* Tests for src/util/safe_write.c: content replaced whole, no temporary
 * left behind, errors leave the old file untouched; special files (device,
 * FIFO, socket, links to them, /dev/stdout) are written through, never
 * replaced. */
#define _XOPEN_SOURCE 700 /* mknod */
#include "util/safe_write.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
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

static void remove_dir(void) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

static mode_t kind_of(const char *path) {
    struct stat st;
    cr_assert_eq(lstat(path, &st), 0, "%s still exists", path);
    return st.st_mode & S_IFMT;
}

Test(safe_write, symlink_to_a_regular_file_stays_a_link) {
    make_dir();
    char file[128], link[128], *error = NULL;
    snprintf(file, sizeof file, "%s/real.xml", dir);
    snprintf(link, sizeof link, "%s/link.xml", dir);
    cr_assert(safe_write_file(file, "old", 3, &error));
    cr_assert_eq(symlink("real.xml", link), 0);
    cr_assert(safe_write_file(link, "new", 3, &error), "%s", error);
    cr_assert_eq(kind_of(link), S_IFLNK);
    cr_assert_str_eq(slurp(file), "new");
    cr_assert_eq(entries(), 2, "no temporary file left");
    remove_dir();
}

Test(safe_write, character_device_is_written_through) {
    make_dir();
    char dev[128], link[128], *error = NULL;
    snprintf(dev, sizeof dev, "%s/null", dir);
    snprintf(link, sizeof link, "%s/to-null", dir);
    if (mknod(dev, S_IFCHR | 0666, makedev(1, 3)) != 0) {
        remove_dir();
        cr_skip_test("mknod needs root");
    }
    cr_assert(safe_write_file(dev, "report", 6, &error), "%s", error);
    cr_assert_eq(kind_of(dev), S_IFCHR);
    cr_assert_eq(symlink(dev, link), 0);
    cr_assert(safe_write_file(link, "report", 6, &error), "%s", error);
    cr_assert_eq(kind_of(link), S_IFLNK);
    cr_assert_eq(kind_of(dev), S_IFCHR);
    cr_assert_eq(entries(), 2, "no temporary file left");
    remove_dir();
}

/* The test holds the FIFO open for reading (non-blocking, so a replaced
 * FIFO fails the test instead of hanging it) while the report goes in. */
static void fifo_case(bool through_link) {
    make_dir();
    char fifo[128], link[128], got[64] = "", *error = NULL;
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(link, sizeof link, "%s/to-fifo", dir);
    cr_assert_eq(mkfifo(fifo, 0600), 0);
    cr_assert_eq(symlink("fifo", link), 0);
    int reader = open(fifo, O_RDONLY | O_NONBLOCK);
    cr_assert_geq(reader, 0);
    cr_assert(safe_write_file(through_link ? link : fifo, "through", 7, &error), "%s", error);
    cr_assert_eq(read(reader, got, sizeof got - 1), 7);
    close(reader);
    cr_assert_str_eq(got, "through");
    cr_assert_eq(kind_of(fifo), S_IFIFO);
    cr_assert_eq(kind_of(link), S_IFLNK);
    cr_assert_eq(entries(), 2, "no temporary file left");
    remove_dir();
}

Test(safe_write, fifo_is_written_through) { fifo_case(false); }
Test(safe_write, symlink_to_fifo_is_written_through) { fifo_case(true); }

Test(safe_write, socket_is_written_through) {
    make_dir();
    char path[128], link[128], got[64] = "", *error = NULL;
    snprintf(path, sizeof path, "%s/sock", dir);
    snprintf(link, sizeof link, "%s/to-sock", dir);
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    strcpy(addr.sun_path, path);
    cr_assert_eq(bind(s, (struct sockaddr *)&addr, sizeof addr), 0);
    cr_assert_eq(listen(s, 4), 0);
    cr_assert_eq(symlink("sock", link), 0);
    cr_assert(safe_write_file(link, "socket!", 7, &error), "%s", error);
    fcntl(s, F_SETFL, O_NONBLOCK); /* a replaced socket fails here, not hangs */
    int c = accept(s, NULL, NULL);
    cr_assert_geq(c, 0, "the report went to the socket");
    cr_assert_eq(read(c, got, sizeof got - 1), 7);
    cr_assert_str_eq(got, "socket!");
    close(c);
    close(s);
    cr_assert_eq(kind_of(path), S_IFSOCK);
    cr_assert_eq(kind_of(link), S_IFLNK);
    remove_dir();
}

/* /dev/stdout, and a link to it, write to descriptor 1 (here a pipe) */
Test(safe_write, dev_stdout_and_links_to_it_write_to_the_descriptor) {
    make_dir();
    char link[128], got[64] = "", *error = NULL;
    snprintf(link, sizeof link, "%s/out", dir);
    cr_assert_eq(symlink("/dev/stdout", link), 0);
    int p[2];
    cr_assert_eq(pipe(p), 0);
    fflush(stdout);
    int saved = dup(1);
    dup2(p[1], 1);
    bool a = safe_write_file("/dev/stdout", "one,", 4, &error);
    bool b = safe_write_file(link, "two", 3, &error);
    dup2(saved, 1);
    close(saved);
    close(p[1]);
    cr_assert(a && b, "%s", error ? error : "");
    cr_assert_eq(read(p[0], got, sizeof got - 1), 7);
    close(p[0]);
    cr_assert_str_eq(got, "one,two");
    cr_assert_eq(kind_of(link), S_IFLNK);
    cr_assert_eq(entries(), 1, "no temporary file left");
    remove_dir();
}

Test(safe_write, closed_descriptor_is_an_error) {
    char *error = NULL;
    cr_assert_not(safe_write_file("/dev/fd/987", "x", 1, &error));
    cr_assert(strstr(error, "/dev/fd/987: "), "%s", error);
    free(error);
}
