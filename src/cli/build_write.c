/* build_write.c — safe output of `rktc build` (see build_write.h). */
#include "cli/build_write.h"
#include "cli/cli.h"
#include "util/buf.h"
#include "util/safe_write.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *join(const char *dir, const char *name) {
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = xmalloc(len);
    snprintf(path, len, "%s/%s", dir, name);
    return path;
}

struct names {
    char **items;
    size_t count, cap;
};

static void names_add(struct names *n, const char *name) {
    for (size_t i = 0; i < n->count; i++)
        if (strcmp(n->items[i], name) == 0)
            return;
    if (n->count == n->cap) {
        n->cap = n->cap ? n->cap * 2 : 16;
        n->items = xreallocarray(n->items, n->cap, sizeof *n->items);
    }
    n->items[n->count++] = xstrdup(name);
}

static bool names_has(const struct names *n, const char *name) {
    for (size_t i = 0; i < n->count; i++)
        if (strcmp(n->items[i], name) == 0)
            return true;
    return false;
}

static void names_free(struct names *n) {
    for (size_t i = 0; i < n->count; i++)
        free(n->items[i]);
    free(n->items);
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The previous manifest's entries (regular file only; lines after the
 * comment header). */
static void read_manifest(const char *dir, struct names *out) {
    char *path = join(dir, BUILD_MANIFEST);
    int fd = open(path, O_RDONLY | O_NOFOLLOW);
    free(path);
    if (fd < 0)
        return;
    FILE *f = fdopen(fd, "r");
    if (!f) {
        close(fd);
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        if (len > 0 && line[0] != '#' && !strchr(line, '/'))
            names_add(out, line);
    }
    free(line);
    fclose(f);
}

static bool name_is_flat(const char *name) {
    return name[0] != '\0' && name[0] != '.' && !strchr(name, '/');
}

/* mkdir -p */
static bool make_dirs(const char *dir) {
    char *path = xstrdup(dir);
    bool ok = true;
    for (char *p = path + 1; ok; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST)
            ok = false;
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(path);
    return ok;
}

/* "PATH: what: reason" (write errors, the only ones that can be EFBIG, come
 * from safe_write_new with their word on the file size limit) */
static void io_error(const char *path, const char *what, int err) {
    fprintf(stderr, "rktc: %s: %s: %s\n", path, what, strerror(err));
}

/* Writes data to path (in the stage); messages name shown, the final path.
 * Launchers get 0755, everything else 0666 & ~umask as fopen would give. */
static bool write_file(const char *path, const char *shown, const struct buf *data,
                       bool executable) {
    mode_t mask = umask(0);
    umask(mask);
    char *error = NULL;
    if (!safe_write_new(path, shown, data->data ? data->data : "", data->len,
                        executable ? 0755 : 0666 & ~mask, &error)) {
        fprintf(stderr, "rktc: %s\n", error);
        free(error);
        return false;
    }
    return true;
}

/* The name under which commit_stage keeps a replaced file's old version. */
static char *old_version(const char *stage, const char *name) {
    struct buf b;
    buf_init(&b);
    buf_printf(&b, "%s/%s.~old", stage, name);
    return buf_detach(&b);
}

/* Removes a staging directory and everything in it (flat). */
static void remove_stage(const char *stage) {
    DIR *d = opendir(stage);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *path = join(stage, e->d_name);
            unlink(path);
            free(path);
        }
        closedir(d);
    }
    rmdir(stage);
}

/* Staging directories a killed build left behind (we hold the lock, so
 * no other build is using one). */
static void remove_stale_stages(const char *dir) {
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, ".rktc-stage-", 12) == 0) {
            char *path = join(dir, e->d_name);
            remove_stage(path);
            free(path);
        }
    closedir(d);
}

static void sync_dir(int dfd) {
    fsync(dfd); /* best effort: some file systems refuse directory fsync */
}

/* Moves the staged files (the manifest last) into dir. A name replaced
 * keeps its old file as a hard link in the stage until the end, so a
 * failed rename puts every earlier one back: the old build stays whole. */
static bool commit_stage(const char *dir, const char *stage, char **names, size_t count) {
    bool *had_old = xcalloc(count + 1, sizeof *had_old);
    size_t done = 0;
    bool ok = true;
    for (; done < count; done++) {
        char *target = join(dir, names[done]);
        char *staged = join(stage, names[done]);
        char *backup = old_version(stage, names[done]);
        struct stat st;
        if (lstat(target, &st) == 0) {
            if (link(target, backup) != 0) {
                io_error(target, "cannot keep the previous version", errno);
                ok = false;
            } else {
                had_old[done] = true;
            }
        }
        if (ok && rename(staged, target) != 0) {
            io_error(target, "cannot move into place", errno);
            if (had_old[done])
                unlink(backup);
            had_old[done] = false;
            ok = false;
        }
        free(target);
        free(staged);
        free(backup);
        if (!ok)
            break;
    }
    if (!ok) /* roll back, newest first */
        for (size_t i = done; i-- > 0;) {
            char *target = join(dir, names[i]);
            char *old = old_version(stage, names[i]);
            if (had_old[i])
                rename(old, target);
            else
                unlink(target);
            free(target);
            free(old);
        }
    free(had_old);
    return ok;
}

enum build_write_result build_write(const char *dir, const struct target_output *out,
                                    bool force) {
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno != ENOENT || !make_dirs(dir)) {
            io_error(dir, "cannot create the output directory", errno);
            return BUILD_WRITE_FAILED;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, "rktc: %s: not a directory\n", dir);
        return BUILD_WRITE_FAILED;
    }
    /* one build at a time in dir: the lock covers manifest read to rename */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0 || flock(dfd, LOCK_EX) != 0) {
        io_error(dir, "cannot lock the output directory", errno);
        if (dfd >= 0)
            close(dfd);
        return BUILD_WRITE_FAILED;
    }
    remove_stale_stages(dir);
    struct names previous = {0}, written = {0};
    read_manifest(dir, &previous);
    enum build_write_result result = BUILD_WRITE_OK;
    for (size_t i = 0; i < out->count; i++) {
        const char *name = out->files[i].name;
        if (!name_is_flat(name) || strcmp(name, BUILD_MANIFEST) == 0) {
            fprintf(stderr, "rktc: refusing to write '%s': not a plain file name\n", name);
            result = BUILD_WRITE_REFUSED;
            continue;
        }
        for (size_t k = 0; k < i; k++)
            if (strcmp(out->files[k].name, name) == 0) {
                fprintf(stderr, "rktc: two outputs are named '%s'\n", name);
                result = BUILD_WRITE_REFUSED;
            }
        char *path = join(dir, name);
        if (lstat(path, &st) == 0) {
            bool ours = S_ISREG(st.st_mode) && names_has(&previous, name);
            if (S_ISDIR(st.st_mode) || (!ours && !force)) {
                fprintf(stderr,
                        "rktc: %s exists and was not written by rktc (not in %s); "
                        "use --force to replace it\n",
                        path, BUILD_MANIFEST);
                result = BUILD_WRITE_REFUSED;
            }
        }
        free(path);
    }
    char *manifest_path = join(dir, BUILD_MANIFEST);
    if (lstat(manifest_path, &st) == 0 && !S_ISREG(st.st_mode)) {
        fprintf(stderr, "rktc: %s is not a regular file\n", manifest_path);
        result = BUILD_WRITE_REFUSED;
    }
    char *stage = NULL;
    if (result == BUILD_WRITE_OK) {
        stage = join(dir, ".rktc-stage-XXXXXX");
        if (!mkdtemp(stage)) {
            io_error(dir, "cannot create a staging directory", errno);
            free(stage);
            stage = NULL;
            result = BUILD_WRITE_FAILED;
        }
    }
    /* every file and the new manifest are written in the stage first */
    char **order = xcalloc(out->count + 2, sizeof *order);
    size_t staged = 0;
    for (size_t i = 0; stage && result == BUILD_WRITE_OK && i < out->count; i++) {
        const struct target_file *f = &out->files[i];
        char *path = join(stage, f->name), *shown = join(dir, f->name);
        if (!write_file(path, shown, &f->data, f->executable))
            result = BUILD_WRITE_FAILED;
        else
            order[staged++] = f->name;
        names_add(&written, f->name);
        free(path);
        free(shown);
    }
    if (stage && result == BUILD_WRITE_OK) {
        for (size_t i = 0; i < previous.count; i++) {
            char *path = join(dir, previous.items[i]);
            if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
                names_add(&written, previous.items[i]);
            free(path);
        }
        if (written.count > 1)
            qsort(written.items, written.count, sizeof *written.items, compare_names);
        struct buf manifest;
        buf_init(&manifest);
        buf_puts(&manifest, "# Files written by rktc build in this directory; rktc replaces\n"
                            "# only files listed here (or any with --force).\n");
        for (size_t i = 0; i < written.count; i++)
            buf_printf(&manifest, "%s\n", written.items[i]);
        char *path = join(stage, BUILD_MANIFEST);
        if (!write_file(path, manifest_path, &manifest, false))
            result = BUILD_WRITE_FAILED;
        else
            order[staged++] = BUILD_MANIFEST;
        free(path);
        buf_free(&manifest);
    }
    if (stage && result == BUILD_WRITE_OK) {
        sync_dir(dfd);
        if (!commit_stage(dir, stage, order, staged))
            result = BUILD_WRITE_FAILED;
        sync_dir(dfd);
    }
    if (stage)
        remove_stage(stage);
    free(stage);
    free(order);
    free(manifest_path);
    names_free(&previous);
    names_free(&written);
    close(dfd); /* releases the lock */
    return result;
}

void build_print(FILE *stream, const struct target_output *out) {
    for (size_t i = 0; i < out->count; i++) {
        fprintf(stream, "==> %s%s <==\n", out->files[i].name,
                out->files[i].executable ? " (executable)" : "");
        if (out->files[i].data.len)
            fwrite(out->files[i].data.data, 1, out->files[i].data.len, stream);
        fputc('\n', stream);
    }
}

int build_finish(const char *dir, const struct target_output *out, bool force,
                 bool dry_run, bool unreadable, bool refused, bool findings) {
    if (unreadable)
        return EXIT_INPUT;
    if (refused) {
        fputs("rktc: nothing written\n", stderr);
        return EXIT_FINDINGS;
    }
    if (dry_run) {
        build_print(stdout, out);
        return findings ? EXIT_FINDINGS : EXIT_OK;
    }
    switch (build_write(dir, out, force)) {
    case BUILD_WRITE_OK:
        break;
    case BUILD_WRITE_REFUSED:
        fputs("rktc: nothing written\n", stderr);
        return EXIT_FINDINGS;
    case BUILD_WRITE_FAILED:
        fputs("rktc: nothing written (the previous build, if any, is unchanged)\n", stderr);
        return EXIT_INPUT;
    }
    for (size_t i = 0; i < out->count; i++)
        printf("%s/%s\n", dir, out->files[i].name);
    printf("%s/%s\n", dir, BUILD_MANIFEST);
    return findings ? EXIT_FINDINGS : EXIT_OK;
}
