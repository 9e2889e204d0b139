/* targets_testutil.c — see targets_testutil.h. */
#include "targets_testutil.h"
#include "util/xalloc.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int testutil_run(char *const argv[], struct buf *out, bool merge_stderr) {
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(fds[1], 1);
        dup2(merge_stderr ? fds[1] : devnull, 2);
        close(fds[0]);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    char chunk[4096];
    ssize_t n;
    while ((n = read(fds[0], chunk, sizeof chunk)) > 0)
        buf_add(out, chunk, (size_t)n);
    close(fds[0]);
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

bool testutil_have(const char *program) {
    if (strchr(program, '/'))
        return access(program, X_OK) == 0;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    char *copy = xstrdup(path), *save = NULL;
    bool found = false;
    for (char *dir = strtok_r(copy, ":", &save); dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        size_t len = strlen(dir) + strlen(program) + 2;
        char *full = xmalloc(len);
        snprintf(full, len, "%s/%s", dir, program);
        found = access(full, X_OK) == 0;
        free(full);
    }
    free(copy);
    return found;
}

bool testutil_write_file(const char *path, const char *data, size_t len) {
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

char *testutil_tempdir(void) {
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    size_t len = strlen(base) + 32;
    char *templ = xmalloc(len);
    snprintf(templ, len, "%s/rktc-test-XXXXXX", base);
    if (!mkdtemp(templ)) {
        free(templ);
        return NULL;
    }
    return templ;
}

void testutil_remove_tree(const char *path) {
    char *argv[] = {"rm", "-rf", (char *)path, NULL};
    struct buf sink;
    buf_init(&sink);
    testutil_run(argv, &sink, true);
    buf_free(&sink);
}
