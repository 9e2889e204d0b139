/* values.h — the value rules of Nomad's rkt driver and of rkt's own flag
 * parsing, as pure functions over strings (docs/rkt-driver.md §3
 * and §17).
 *
 * Contract: no allocation except through the arena argument; every
 * *_error function returns NULL when the value is accepted, else the exact
 * text the driver or rkt 1.30.0 would print. */
#ifndef RKTC_RKT_VALUES_H
#define RKTC_RKT_VALUES_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* A `volumes` entry split the driver's way: on every `:`. */
struct volume_parts {
    size_t count;           /* number of parts (2 or 3 are accepted) */
    const char *host;       /* parts 1..3, NULL when missing */
    const char *container;
    const char *mode;
    bool read_only;         /* third part exactly "readOnly" */
};
struct volume_parts volume_split(struct arena *arena, const char *entry);

/* Go 1.12's net.ParseIP: dotted IPv4 (leading zeros allowed) or IPv6. */
bool go_parse_ip(const char *text);

/* rkt's --insecure-options list parse of the joined value: NULL when rkt
 * accepts it, else `unknown option "x"` / `duplicated option "x"`.
 * *bad_item gets the offending item (arena). */
const char *insecure_options_error(struct arena *arena, const char *joined,
                                   const char **bad_item);
/* true when the (lower-cased) joined value enables skipping image
 * signature verification: image, all-fetch or all. */
bool insecure_options_allow_image(const char *joined);

/* rkt's --net list parse of the joined value (NULL when accepted). */
const char *net_list_error(struct arena *arena, const char *joined);

/* rkt's --port NAME:[IP:]PORT parse (NULL when accepted). */
const char *port_flag_error(struct arena *arena, const char *value);

#endif
