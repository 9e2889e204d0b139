/* unit.h — the front end: one input, decided and loaded once.
 *
 * Contract: unit_load is the only place that decides what an input is and
 * reads it. The bytes are Nomad API JSON when they are JSON whose top-level
 * object has a member "Job" (Nomad's HTTP API form); otherwise they are
 * read as HCL1 (native syntax, or HCL-JSON when the first non-space byte is
 * `{`), as Nomad 0.12's job parser does. The unit is loaded up to the stage
 * asked for, each stage only when the one before produced its structure:
 *   UNIT_SYNTAX   the syntax tree (HCL forms) or the JSON document (API form)
 *   UNIT_JOB      + the typed Nomad job model (Nomad's jobspec decoder, or
 *                   the API reader)
 *   UNIT_VALID    + Nomad's job validation
 * and, with `generic`, HCL's generic decode of the whole tree (what
 * `rktc parse` prints; HCL forms only).
 * Every finding goes to the unit's diags. `unreadable` is the exit class 2
 * of every command: the bytes are not HCL or JSON at all (a syntax error,
 * or an input limit); every command that reads the same bytes agrees on it
 * because they all call this function. A unit with job == NULL and
 * unreadable == false is a file Nomad reads but refuses (exit class 1).
 * With `as_hcl`, JSON is always read as HCL-JSON (HashiCorp's HCL1 library
 * view, for `rktc parse`), never as API JSON.
 * The unit borrows src (the caller keeps it alive) and owns an arena that
 * holds the tree, the model and whatever later stages hang on it;
 * unit_free releases the arena and the diagnostics. Never prints. */
#ifndef RKTC_NOMAD_UNIT_H
#define RKTC_NOMAD_UNIT_H

#include "diag/diag.h"
#include "hcl/generic.h"
#include "hcl/tree.h"
#include "json/json.h"
#include "nomad/job.h"

#include <stdbool.h>

struct arena;

enum unit_form {
    UNIT_FORM_HCL,      /* HCL1 native syntax */
    UNIT_FORM_HCL_JSON, /* HCL1's JSON form: {"job": {...}} */
    UNIT_FORM_API_JSON, /* Nomad API JSON: {"Job": {...}} */
};

enum unit_stage {
    UNIT_SYNTAX,
    UNIT_JOB,
    UNIT_VALID,
};

struct unit_options {
    enum unit_stage stage; /* load up to and including this stage */
    bool generic;          /* also HCL's generic decode of the whole tree */
    bool as_hcl;           /* read JSON as HCL-JSON even when it is API JSON */
    bool nomad_exact;      /* Nomad's answer only (jobspec, migration): no not-a-job /
                              template finding (nomad/kind.h) */
    bool lean;             /* the job keeps no driver config values: its readers
                              take them from nomad_task_config (nomad/decode.h) */
    struct arena *arena;   /* NULL: the unit owns a new arena; else it
                              allocates in this one, which the caller frees */
};

struct unit {
    const struct source *src;
    struct arena *arena;            /* holds everything below but diags */
    bool owns_arena;
    enum unit_form form;
    const struct hcl_file *tree;    /* HCL forms: the syntax tree, or NULL */
    const struct json_value *json;  /* API form: the document */
    const struct gval *generic;     /* with options.generic: the decode */
    struct nomad_job *job;          /* UNIT_JOB and later; NULL: refused */
    struct diag_list diags;         /* every finding of every stage run */
    bool unreadable;                /* not HCL or JSON at all: exit class 2 */
    /* UNIT_JOB and later, unless nomad_exact: clearly no job file (an
     * agent config, an rkt manifest, an unwrapped API job, Terraform, an
     * unrendered template; nomad/kind.h): one RKC020/RKC021 error instead
     * of the syntax errors or the per-key findings, and no job; the exit
     * class stays (2 when the bytes are no HCL, else 1) */
    bool not_job;
};

/* Loads src into u (which it initialises) as options say. */
void unit_load(struct unit *u, const struct source *src, const struct unit_options *options);
void unit_free(struct unit *u);


#endif
