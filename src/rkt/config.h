/* config.h — the rkt driver's `config` block as the 0.9+ driver decodes it.
 *
 * Contract: rkt_config_decode checks the generic config value against the
 * driver's schema (docs/rkt-driver.md §2: image required, typed keys, port_map
 * as a list of maps merged left to right), evaluates `${...}` in every
 * string (interp.h), and fills a typed struct. Unknown keys (with a "did
 * you mean"), missing image, wrong types and unknown variables are RKT001-
 * RKT004 errors at their keys; expressions rktc cannot evaluate are RKT005
 * warnings and stay verbatim. Returns false when Nomad's client would fail
 * the task while decoding ("failed to parse config"). */
#ifndef RKTC_RKT_CONFIG_H
#define RKTC_RKT_CONFIG_H

#include "diag/diag.h"
#include "hcl/generic.h"
#include "rkt/interp.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct rkt_string {
    const char *text; /* "" when not set */
    bool set;
    struct span span;
};

struct rkt_strings {
    struct rkt_string *items;
    size_t count;
    bool set;
    struct span span;
};

struct rkt_bool {
    bool value;
    bool set;
    struct span span;
};

struct rkt_port_mapping {
    const char *label;      /* the port label (map key) */
    struct rkt_string name; /* the image's port name (map value) */
    struct span key_span;
};

struct rkt_config {
    struct rkt_string image, command, trust_prefix, group;
    struct rkt_strings args, dns_servers, dns_search_domains, net, volumes,
        insecure_options;
    struct rkt_port_mapping *port_map; /* merged; first-written order */
    size_t port_map_count;
    struct span port_map_span;
    struct rkt_bool no_overlay, debug;
};

bool rkt_config_decode(struct arena *arena, const struct source *src,
                       const struct gval *config, struct span fallback,
                       const struct interp_scope *scope, struct rkt_config *out,
                       struct diag_list *diags);
/* The known keys, for "did you mean" (NULL-terminated). */
extern const char *const rkt_config_keys[];
/* The closest known key to `key`, or NULL when none is close. */
const char *rkt_config_suggest(const char *key);
/* The port_map value of label, or NULL. */
const struct rkt_port_mapping *rkt_config_port(const struct rkt_config *config,
                                               const char *label);

#endif
