#include "util/safe_write.h"
#include "util/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool fail(char **error, const char *path, const char *what, int err) {
    struct buf m;
    buf_init(&m);
    buf_printf(&m, "%s: %s: %s", path, what, strerror(err));
    *error = buf_detach(&m);
    return false;
}

static char *directory_of(const char *path) {
    const char *slash = strrchr(path, '/');
    struct buf d;
    buf_init(&d);
    if (!slash)
        buf_puts(&d, ".");
    else if (slash == path)
        buf_puts(&d, "/");
    else
        buf_add(&d, path, (size_t)(slash - path));
    return buf_detach(&d);
}

static bool write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

bool safe_write_file(const char *path, const void *data, size_t len,
                     char **error) {
    char *dir = directory_of(path);
    struct buf tmp;
    buf_init(&tmp);
    buf_printf(&tmp, "%s/.rktc-XXXXXX", dir);
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        int err = errno;
        buf_free(&tmp);
        free(dir);
        return fail(error, path, "cannot create a temporary file", err);
    }
    /* mkstemp creates 0600; give the file the mode fopen would */
    mode_t mask = umask(0);
    umask(mask);
    int err = 0;
    const char *what = NULL;
    if (fchmod(fd, 0666 & ~mask) != 0)
        what = "cannot set the mode", err = errno;
    else if (!write_all(fd, data, len))
        what = "cannot write", err = errno;
    else if (fsync(fd) != 0)
        what = "cannot sync", err = errno;
    if (close(fd) != 0 && !what)
        what = "cannot close", err = errno;
    if (!what && rename(tmp.data, path) != 0)
        what = "cannot rename the temporary file", err = errno;
    if (what) {
        unlink(tmp.data);
        buf_free(&tmp);
        free(dir);
        return fail(error, path, what, err);
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd); /* best effort: some file systems refuse directory fsync */
        close(dfd);
    }
    buf_free(&tmp);
    free(dir);
    return true;
}
