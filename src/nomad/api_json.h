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

#include "diag/diag.h"
#include "json/json.h"
#include "nomad/job.h"
#include "util/buf.h"

#include <stdbool.h>

struct arena;

void nomad_write_api_json(struct buf *out, const struct nomad_job *job);

/* True when a JSON document is a Nomad API job: an object with a member
 * named exactly "Job" (HCL-JSON job files use "job"). */
bool nomad_is_api_json(const struct json_value *root);
/* Reads {"Job": {...}} into the model the way Nomad 0.12.12's HTTP API does
 * (Go encoding/json into api.Job): a key matches a field by exact name,
 * else case-insensitively; unknown keys are ignored, each reported as an
 * NMD015 warning; a value of the wrong JSON type is an NMD016 error (Go
 * rejects the job) and the result is NULL. Spans point into src. */
struct nomad_job *nomad_decode_api_json(struct arena *arena, const struct source *src,
                                        const struct json_value *root,
                                        struct diag_list *diags);

#endif
