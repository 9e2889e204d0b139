/* api_json.h — the job model as Nomad API JSON, and API JSON into the model.
 *
 * Contract: nomad_write_api_json prints {"Job": {...}} exactly as Nomad
 * 0.12.12's `nomad job run -output` does for the decoded, not yet defaulted
 * job (every api.Job field; unset pointer fields null, unset value fields
 * their zero value; durations in nanoseconds; 4-space indentation; driver
 * config and other opaque maps compact). Equality with Nomad's output is
 * meant after `jq -S .` (key order and number spelling aside). */
#ifndef RKTC_NOMAD_API_JSON_H
#define RKTC_NOMAD_API_JSON_H

#include "nomad/job.h"
#include "util/buf.h"

void nomad_write_api_json(struct buf *out, const struct nomad_job *job);

#endif
