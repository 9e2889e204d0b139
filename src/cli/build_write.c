/* build_write.c — safe output of `rktc build` (see build_write.h). */
#include "cli/build_write.h"
#include "cli/cli.h"
#include "util/safe_write.h"
#include "util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
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

bool build_write(const char *dir, const struct target_output *out, bool force) {
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno != ENOENT || !make_dirs(dir)) {
            fprintf(stderr, "rktc: %s: cannot create the output directory: %s\n", dir,
                    strerror(errno));
            return false;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, "rktc: %s: not a directory\n", dir);
        return false;
    }
    struct names previous = {0}, written = {0};
    read_manifest(dir, &previous);
    bool ok = true;
    for (size_t i = 0; i < out->count; i++) {
        const char *name = out->files[i].name;
        if (!name_is_flat(name) || strcmp(name, BUILD_MANIFEST) == 0) {
            fprintf(stderr, "rktc: refusing to write '%s': not a plain file name\n", name);
            ok = false;
            continue;
        }
        for (size_t k = 0; k < i; k++)
            if (strcmp(out->files[k].name, name) == 0) {
                fprintf(stderr, "rktc: two outputs are named '%s'\n", name);
                ok = false;
            }
        char *path = join(dir, name);
        if (lstat(path, &st) == 0) {
            bool ours = S_ISREG(st.st_mode) && names_has(&previous, name);
            if (S_ISDIR(st.st_mode) || (!ours && !force)) {
                fprintf(stderr,
                        "rktc: %s exists and was not written by rktc (not in %s); "
                        "use --force to replace it\n",
                        path, BUILD_MANIFEST);
                ok = false;
            }
        }
        free(path);
    }
    char *manifest_path = join(dir, BUILD_MANIFEST);
    if (lstat(manifest_path, &st) == 0 && !S_ISREG(st.st_mode)) {
        fprintf(stderr, "rktc: %s is not a regular file\n", manifest_path);
        ok = false;
    }
    for (size_t i = 0; ok && i < out->count; i++) {
        const struct target_file *f = &out->files[i];
        char *path = join(dir, f->name);
        char *error = NULL;
        if (!safe_write_file(path, f->data.data ? f->data.data : "", f->data.len, &error)) {
            fprintf(stderr, "rktc: %s\n", error);
            free(error);
            ok = false;
        } else if (f->executable) {
            int fd = open(path, O_RDONLY | O_NOFOLLOW);
            if (fd < 0 || fchmod(fd, 0755) != 0) {
                fprintf(stderr, "rktc: %s: %s\n", path, strerror(errno));
                ok = false;
            }
            if (fd >= 0)
                close(fd);
        }
        if (ok)
            names_add(&written, f->name);
        free(path);
    }
    if (ok) {
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
        char *error = NULL;
        if (!safe_write_file(manifest_path, manifest.data, manifest.len, &error)) {
            fprintf(stderr, "rktc: %s\n", error);
            free(error);
            ok = false;
        }
        buf_free(&manifest);
    }
    free(manifest_path);
    names_free(&previous);
    names_free(&written);
    return ok;
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
    if (!build_write(dir, out, force))
        return EXIT_FINDINGS;
    for (size_t i = 0; i < out->count; i++)
        printf("%s/%s\n", dir, out->files[i].name);
    printf("%s/%s\n", dir, BUILD_MANIFEST);
    return findings ? EXIT_FINDINGS : EXIT_OK;
}
