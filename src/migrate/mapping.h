/* mapping.h — the one table of how each rkt option and each Nomad feature
 * that matters to a migration fares on the three destinations.
 *
 * Contract: mig_cases() is the single source of the migration facts
 * (docs/migration.md, docs/rkt-driver.md, docs/targets.md): per case an id
 * ("image.docker", "port_map.appc-name", ...), the rkt option or Nomad
 * feature it is about, when it applies, and per destination (Nomad's docker
 * driver, nomad-driver-podman v0.1.0, rktc's systemd units) a verdict with
 * the exact how or why. `rktc audit` (reasoning), `rktc audit --matrix`
 * (docs/migration.md) and the docker/podman rewrites all read it, so they
 * cannot disagree. The table is constant data; no allocation. */
#ifndef RKTC_MIGRATE_MAPPING_H
#define RKTC_MIGRATE_MAPPING_H

#include "diag/diag.h"

#include <stddef.h>

enum mig_dest { MIG_DOCKER, MIG_PODMAN, MIG_SYSTEMD, MIG_DEST_COUNT };

enum mig_verdict {
    MIG_SAME,    /* carried over as written, same behaviour */
    MIG_CHANGED, /* a different spelling or a stated change of behaviour */
    MIG_DROP,    /* no equivalent; dropping it is safe (the why says so) */
    MIG_BLOCKER, /* no equivalent; the user must act before migrating */
};

struct mig_fate {
    enum mig_verdict verdict;
    const char *how; /* exactly how (changed) or why and what instead (none) */
};

struct mig_case {
    const char *id;      /* stable, e.g. "image.aci-url" */
    const char *subject; /* the option or feature, e.g. "`image`" */
    const char *when;    /* the case, e.g. "an `.aci` URL or path" */
    struct mig_fate fate[MIG_DEST_COUNT];
};

const struct mig_case *mig_cases(size_t *count);
/* The case with this id; NULL when there is none. */
const struct mig_case *mig_case_find(const char *id);

const char *mig_dest_name(enum mig_dest dest);  /* "docker", "podman", "systemd" */
const char *mig_dest_title(enum mig_dest dest); /* "Nomad docker driver", ... */
const char *mig_verdict_name(enum mig_verdict v); /* "same", "changed", "no equivalent", "blocker" */
/* The MIG rule a verdict is reported under (MIG001..MIG003); NULL for same. */
const struct rule *mig_verdict_rule(enum mig_verdict v);

#endif
