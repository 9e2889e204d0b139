/* job_input.h — one input file read as Nomad reads a job file.
 *
 * Contract: job_input_read decides the form (Nomad API JSON `{"Job": …}`,
 * else HCL native or HCL-JSON), parses and decodes it with the shared front
 * end and decoder, and keeps the pieces the migration needs: the job, the
 * HCL tree (HCL inputs) or the JSON tree (API JSON inputs). When Nomad
 * would not read the file, `job` is NULL and `reason` holds the first
 * error's message and location; findings go to diags. All in the arena. */
#ifndef RKTC_MIGRATE_JOB_INPUT_H
#define RKTC_MIGRATE_JOB_INPUT_H

#include "diag/diag.h"
#include "hcl/tree.h"
#include "json/json.h"
#include "nomad/job.h"

struct arena;

struct job_input {
    const struct source *src;
    struct nomad_job *job;          /* NULL: not a job file Nomad reads */
    const struct hcl_file *hcl;     /* HCL inputs */
    const struct json_value *api;   /* API JSON inputs */
    const char *reason;             /* why job is NULL */
    struct span reason_span;
    bool not_hcl;                   /* not even parseable */
};

void job_input_read(struct arena *arena, const struct source *src, struct job_input *out,
                    struct diag_list *diags);

/* The JSON object of task ti of group gi of an API JSON job, or NULL. */
const struct json_value *job_input_api_task(const struct job_input *in, size_t gi, size_t ti);

#endif
