/* xalloc.h — heap allocation that never returns NULL.
 * Contract: on out-of-memory the process prints "rktc: out of memory" and
 * exits with status 2; callers need no NULL checks. */
#ifndef RKTC_XALLOC_H
#define RKTC_XALLOC_H

#include <stddef.h>

_Noreturn void xalloc_die(void);
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* realloc for count elements of size bytes, overflow-checked */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *text);
char *xstrndup(const char *text, size_t len);

#endif
