#include "cli/inputs.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DEPTH 64

static void add(struct inputs *in, char *path, bool walked) {
    if (in->count == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 16;
        in->paths = xreallocarray(in->paths, in->cap, sizeof *in->paths);
        in->walked = xreallocarray(in->walked, in->cap, sizeof *in->walked);
    }
    in->walked[in->count] = walked;
    in->paths[in->count++] = path;
}

static int ends_with(const char *s, const char *suffix) {
    size_t a = strlen(s), b = strlen(suffix);
    return a > b && strcmp(s + a - b, suffix) == 0;
}

int inputs_wanted_name(const char *name) {
    return ends_with(name, ".nomad") || ends_with(name, ".hcl") ||
           ends_with(name, ".json");
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

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

static bool included(const struct inputs *in, const char *name, const char *path) {
    for (size_t i = 0; i < in->include_count; i++)
        if (fnmatch(in->include[i], name, 0) == 0 || fnmatch(in->include[i], path, 0) == 0)
            return true;
    return false;
}

static void walk(struct inputs *in, const char *dir, int depth) {
    if (depth > MAX_DEPTH)
        return;
    DIR *d = opendir(dir);
    if (!d) {
        add(in, xstrdup(dir), false); /* reported as unreadable */
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = xreallocarray(names, n + 1, sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        char *path = join(dir, names[i]);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(in, path, depth + 1);
            free(path);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            if (inputs_wanted_name(names[i]) || included(in, names[i], path)) {
                add(in, path, true);
            } else {
                in->skipped_name++;
                free(path);
            }
        } else {
            free(path);
        }
        free(names[i]);
    }
    free(names);
}

void inputs_collect(struct inputs *out, char *const *args, size_t count) {
    inputs_collect_including(out, args, count, NULL, 0);
}

void inputs_collect_including(struct inputs *out, char *const *args, size_t count,
                              char *const *include, size_t include_count) {
    memset(out, 0, sizeof *out);
    out->include = include;
    out->include_count = include_count;
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            char *dir = xstrdup(args[i]);
            size_t len = strlen(dir);
            while (len > 1 && dir[len - 1] == '/')
                dir[--len] = '\0';
            walk(out, dir, 0);
            free(dir);
        } else {
            add(out, xstrdup(args[i]), false);
        }
    }
    /* sort (path, walked) pairs; a path both named and walked counts as named */
    struct entry { char *path; bool walked; } *e = xcalloc(out->count + 1, sizeof *e);
    for (size_t i = 0; i < out->count; i++)
        e[i].path = out->paths[i], e[i].walked = out->walked[i];
    if (out->count)
        qsort(e, out->count, sizeof *e, compare_names);
    size_t kept = 0;
    for (size_t i = 0; i < out->count; i++) {
        if (kept && strcmp(out->paths[kept - 1], e[i].path) == 0) {
            out->walked[kept - 1] = out->walked[kept - 1] && e[i].walked;
            free(e[i].path);
        } else {
            out->paths[kept] = e[i].path;
            out->walked[kept++] = e[i].walked;
        }
    }
    out->count = kept;
    free(e);
}

void inputs_free(struct inputs *in) {
    for (size_t i = 0; i < in->count; i++)
        free(in->paths[i]);
    free(in->paths);
    free(in->walked);
    memset(in, 0, sizeof *in);
}
