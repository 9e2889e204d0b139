/* audit_skipped.c — files a directory walk leaves out (see audit_skipped.h). */
#include "cli/audit_skipped.h"

#include "cli/inputs.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DEPTH 64 /* as inputs.c */

struct list {
    char **paths;
    size_t count;
};

static char *join(const char *dir, const char *name) {
    struct buf b;
    buf_init(&b);
    if (strcmp(dir, ".") != 0) {
        buf_puts(&b, dir);
        if (b.len && b.data[b.len - 1] != '/')
            buf_putc(&b, '/');
    }
    buf_puts(&b, name);
    return buf_detach(&b);
}

static void walk(struct list *out, const char *dir, int depth) {
    if (depth > MAX_DEPTH)
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = join(dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(out, path, depth + 1);
            free(path);
        } else if (!inputs_wanted_name(e->d_name) && stat(path, &st) == 0 &&
                   S_ISREG(st.st_mode)) {
            out->paths = xreallocarray(out->paths, out->count + 1, sizeof *out->paths);
            out->paths[out->count++] = path;
        } else {
            free(path);
        }
    }
    closedir(d);
}

static int compare_paths(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **audit_skipped_collect(char *const *args, size_t count, size_t *out_count) {
    struct list out = {NULL, 0};
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        if (stat(args[i], &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        char *dir = xstrdup(args[i]);
        size_t len = strlen(dir);
        while (len > 1 && dir[len - 1] == '/')
            dir[--len] = '\0';
        walk(&out, dir, 0);
        free(dir);
    }
    if (out.count)
        qsort(out.paths, out.count, sizeof *out.paths, compare_paths);
    /* a path reached through two arguments is named once */
    size_t kept = 0;
    for (size_t i = 0; i < out.count; i++) {
        if (kept && strcmp(out.paths[kept - 1], out.paths[i]) == 0)
            free(out.paths[i]);
        else
            out.paths[kept++] = out.paths[i];
    }
    *out_count = kept;
    return out.paths;
}
