/* xalloc.h — heap allocation that never returns NULL.
 * Contract: on out-of-memory the process prints "rktc: out of memory" and
 * exits with status 2; callers need no NULL checks. */
#ifndef RKTC_XALLOC_H
#define RKTC_XALLOC_H

#include <stddef.h>

/* never NULL: tells the compiler and static analyzers so */
#define RKTC_NONNULL __attribute__((returns_nonnull))

_Noreturn void xalloc_die(void);
void *xmalloc(size_t size) RKTC_NONNULL;
void *xcalloc(size_t count, size_t size) RKTC_NONNULL;
void *xrealloc(void *ptr, size_t size) RKTC_NONNULL;
/* realloc for count elements of size bytes, overflow-checked */
void *xreallocarray(void *ptr, size_t count, size_t size) RKTC_NONNULL;
char *xstrdup(const char *text) RKTC_NONNULL;
char *xstrndup(const char *text, size_t len) RKTC_NONNULL;

#endif
