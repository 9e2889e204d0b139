#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void xalloc_die(void) {
    fputs("rktc: out of memory\n", stderr);
    exit(2);
}

void *xmalloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (!p)
        xalloc_die();
    return p;
}

void *xcalloc(size_t count, size_t size) {
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        xalloc_die();
    return p;
}

void *xrealloc(void *ptr, size_t size) {
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        xalloc_die();
    return p;
}

void *xreallocarray(void *ptr, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size)
        xalloc_die();
    return xrealloc(ptr, count * size);
}

char *xstrndup(const char *text, size_t len) {
    char *p = xmalloc(len + 1);
    memcpy(p, text, len);
    p[len] = '\0';
    return p;
}

char *xstrdup(const char *text) { return xstrndup(text, strlen(text)); }
