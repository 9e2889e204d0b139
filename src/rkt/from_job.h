/* from_job.h — the thin adapter from the Nomad job model to the driver's view.
 *
 * Contract: rkt_input_from_job copies what src/rkt needs out of a decoded
 * nomad_job (nomad/job.h) and applies the Nomad 0.12 defaults the driver
 * relies on: job name = ID, namespace "default", group count 1, task cpu
 * 100 MHz and memory 300 MB, kill_timeout 5s, affinity weight 50, one
 * allocation per group for system jobs, the
 * job-type restart policy merged with the group's and the task's. Only the
 * first task network is kept (reserved ports first, then dynamic ones).
 * It also copies the periodic stanza, whether the job is parameterized,
 * each task's shutdown_delay, and lists where the job uses a feature only
 * a Nomad agent provides (services and checks, templates, artifacts,
 * vault, update/migrate/reschedule, affinities and spreads, CSI volumes,
 * dispatch payloads; tasks of other drivers are not looked at), so that
 * the plan carries everything its renderers need. A task of a lean job
 * (nomad/decode.h) gets its driver config decoded on demand
 * (rkt_task_config, task.h) instead of a kept value. Empty lists share
 * one empty block. Never fails; everything lives in the arena. */
#ifndef RKTC_RKT_FROM_JOB_H
#define RKTC_RKT_FROM_JOB_H

#include "nomad/job.h"
#include "rkt/task.h"

struct arena;

struct rkt_job_input *rkt_input_from_job(struct arena *arena, const struct source *src,
                                         const struct nomad_job *job);

#endif
