/* build_facts.h — the job-level facts `rktc build` gives the targets.
 *
 * Contract: build_facts_from_job fills a target_job (targets/target.h)
 * from a decoded job: ID, type, periodic and parameterized stanzas, each
 * task's shutdown_delay, and every written feature that a host without
 * Nomad cannot provide (services and checks, templates, artifacts, vault,
 * update/migrate/reschedule, affinities and spreads, CSI volumes, dispatch
 * payloads), each with its span. For a periodic job with a time zone it
 * reads the zone's POSIX rule from /usr/share/zoneinfo (the only I/O;
 * NULL when the zone has none or cannot be read). Arena memory. */
#ifndef RKTC_CLI_BUILD_FACTS_H
#define RKTC_CLI_BUILD_FACTS_H

#include "nomad/job.h"
#include "targets/target.h"

struct arena;

void build_facts_from_job(struct arena *arena, const struct source *src,
                          const char *source_name, const struct nomad_job *job,
                          struct target_job *out);

#endif
