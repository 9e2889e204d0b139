#include "util/safe_write.h"
#include "util/buf.h"

#include "util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static bool fail(char **error, const char *path, const char *what, int err) {
    struct buf m;
    buf_init(&m);
    buf_printf(&m, "%s: %s: %s%s", path, what, strerror(err),
               err == EFBIG ? " (over the file size limit, `ulimit -f`)" : "");
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
            if (errno == EAGAIN || errno == EWOULDBLOCK) { /* an inherited non-blocking fd */
                struct pollfd p = {fd, POLLOUT, 0};
                if (poll(&p, 1, -1) >= 0 || errno == EINTR)
                    continue;
            }
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* The descriptor a name stands for: /dev/stdout, /dev/stderr, /dev/fd/N,
 * /proc/self/fd/N; -1 for any other name. */
static int descriptor_name(const char *path) {
    if (strcmp(path, "/dev/stdout") == 0)
        return 1;
    if (strcmp(path, "/dev/stderr") == 0)
        return 2;
    const char *digits = NULL;
    if (strncmp(path, "/dev/fd/", 8) == 0)
        digits = path + 8;
    else if (strncmp(path, "/proc/self/fd/", 14) == 0)
        digits = path + 14;
    if (!digits || !*digits)
        return -1;
    long n = 0;
    for (const char *p = digits; *p; p++) {
        if (*p < '0' || *p > '9' || n > 1000000)
            return -1;
        n = n * 10 + (*p - '0');
    }
    return (int)n;
}

/* Follows symbolic links one at a time (at most 40, as the kernel does),
 * stopping early at a descriptor name (*fd >= 0). Returns the last name
 * (caller frees): a regular file, a special file, or a missing one. */
static char *follow_links(const char *path, int *fd) {
    char *cur = xstrdup(path);
    *fd = -1;
    for (int hops = 0; hops < 40; hops++) {
        *fd = descriptor_name(cur);
        struct stat st;
        if (*fd >= 0 || lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        char target[PATH_MAX];
        ssize_t n = readlink(cur, target, sizeof target - 1);
        if (n < 0)
            return cur;
        target[n] = '\0';
        struct buf next;
        buf_init(&next);
        if (target[0] == '/') {
            buf_puts(&next, target);
        } else {
            char *dir = directory_of(cur);
            buf_printf(&next, "%s/%s", dir, target);
            free(dir);
        }
        free(cur);
        cur = buf_detach(&next);
    }
    return cur;
}

static int connect_socket(const char *path) {
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof addr.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(addr.sun_path, path, strlen(path));
    int types[] = {SOCK_STREAM, SOCK_SEQPACKET, SOCK_DGRAM};
    int err = 0;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        int fd = socket(AF_UNIX, types[i] | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return -1;
        if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0)
            return fd;
        err = errno;
        close(fd);
        if (err != EPROTOTYPE)
            break;
    }
    errno = err;
    return -1;
}

/* Writes through a special file (or an inherited descriptor, fd >= 0)
 * without replacing it. */
static bool write_through(const char *path, const char *target, int fd, mode_t mode,
                          const void *data, size_t len, char **error) {
    bool own = fd < 0;
    if (own) {
        fd = S_ISSOCK(mode) ? connect_socket(target)
                            : open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            return fail(error, path, "cannot open", errno);
    }
    bool ok = write_all(fd, data, len);
    int err = errno;
    if (own && close(fd) != 0 && ok)
        ok = false, err = errno;
    return ok || fail(error, path, "cannot write", err);
}

static bool replace_atomically(const char *path, const char *target, const void *data,
                               size_t len, char **error);

bool safe_write_file(const char *path, const void *data, size_t len, char **error) {
    int fd;
    char *target = follow_links(path, &fd);
    bool ok;
    struct stat st;
    if (fd >= 0) {
        if (fcntl(fd, F_GETFD) < 0)
            ok = fail(error, path, "cannot write", EBADF);
        else
            ok = write_through(path, target, fd, 0, data, len, error);
    } else if (stat(target, &st) != 0 || S_ISREG(st.st_mode)) {
        ok = replace_atomically(path, target, data, len, error);
    } else if (S_ISDIR(st.st_mode)) {
        ok = fail(error, path, "cannot write", EISDIR);
    } else {
        ok = write_through(path, target, -1, st.st_mode, data, len, error);
    }
    free(target);
    return ok;
}

bool safe_write_new(const char *path, const char *shown, const void *data, size_t len,
                    mode_t mode, char **error) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0)
        return fail(error, shown, "cannot create", errno);
    /* fchmod: open's mode went through the umask */
    if (!write_all(fd, data, len) || fchmod(fd, mode) != 0 || fsync(fd) != 0) {
        int err = errno;
        close(fd);
        return fail(error, shown, "cannot write", err);
    }
    if (close(fd) != 0)
        return fail(error, shown, "cannot write", errno);
    return true;
}

static bool replace_atomically(const char *path, const char *target, const void *data,
                               size_t len, char **error) {
    char *dir = directory_of(target);
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
    if (!what && rename(tmp.data, target) != 0)
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
