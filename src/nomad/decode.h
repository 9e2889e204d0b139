/* decode.h — the HCL tree to the typed job model, as Nomad 0.12.12 does it.
 *
 * Contract: nomad_decode_hcl walks the tree like Nomad 0.12.12's jobspec
 * package: per stanza the invalid-key check (exact, case-sensitive; every
 * unknown key of the stanza reported, with a "did you mean"), HCL's generic
 * decode of the body (hcl_decode_object), weak typing of the attributes
 * where and as Nomad applies it (durations only where Nomad installs the
 * conversion), labels, repetition, and the sub-stanzas in Nomad's order.
 * Like Nomad it stops at the first stanza that fails: it then returns NULL
 * with at least one located error-severity NMD (or HCL002) diagnostic.
 * Inputs on which Nomad crashes are NMD008 errors. Warnings (NMD013,
 * NMD014, NMD017) do not stop decoding. The job lives in the arena. */
#ifndef RKTC_NOMAD_DECODE_H
#define RKTC_NOMAD_DECODE_H

#include "diag/diag.h"
#include "hcl/generic.h"
#include "hcl/tree.h"
#include "nomad/job.h"

struct arena;

struct nomad_job *nomad_decode_hcl(struct arena *arena,
                                   const struct hcl_file *file,
                                   struct diag_list *diags);
/* The same decode and findings, for a reader that takes each task's driver
 * config from nomad_task_config: the tasks keep their `config` items but
 * no decoded value (config.value is NULL). */
struct nomad_job *nomad_decode_hcl_lean(struct arena *arena,
                                        const struct hcl_file *file,
                                        struct diag_list *diags);
/* A task's merged driver config (GVAL_MAP), or NULL for none: the model's
 * value when it keeps one, else its `config` items decoded again into
 * arena and merged as the decoder merges them (the values, keys and their
 * tree items are the kept ones'; the root map has no node). */
const struct gval *nomad_task_config(struct arena *arena, const struct source *src,
                                     const struct nomad_task *t);

#endif
