/* kind.h — what an input is when it is not a Nomad job file.
 *
 * Contract: users point rktc at whatever sits next to their jobs: Nomad
 * agent configurations, rkt pod and image manifests, API jobs saved
 * without their {"Job": ...} wrapper, Terraform and Packer files, and job
 * files that are still unrendered templates (Levant `[[ ... ]]`,
 * consul-template / Go `{{ ... }}`, Terraform `${...}` / `%{ ... }`).
 * Decoding such a file as a job gives one finding per top-level key, or a
 * cascade of syntax errors; instead the front end asks nomad_input_classify
 * and, when it names something else, reports ONE error (RKC020 not a job
 * file, RKC021 unrendered template) saying what the input looks like and
 * what to do, and does not load the job.
 *
 * nomad_input_classify is pure: it reads the syntax tree when the bytes
 * parsed (HCL or HCL-JSON), else the text itself (a scan that follows
 * strings, comments and heredocs), and never allocates. A file with a
 * top-level `job` is always a job (its other keys are the decoder's
 * business), except when its job name is itself a template placeholder.
 * nomad_template_marker finds template placeholders in a string value (for
 * checks of values Nomad would use, e.g. an rkt image). */
#ifndef RKTC_NOMAD_KIND_H
#define RKTC_NOMAD_KIND_H

#include "diag/diag.h"
#include "hcl/tree.h"

#include <stdbool.h>
#include <stddef.h>

enum nomad_input_kind {
    NOMAD_INPUT_JOB,                 /* a job file (or nothing else recognised) */
    NOMAD_INPUT_AGENT_CONFIG,        /* a Nomad agent / client / server config */
    NOMAD_INPUT_RKT_POD_MANIFEST,    /* appc pod manifest (acKind PodManifest) */
    NOMAD_INPUT_RKT_IMAGE_MANIFEST,  /* appc image manifest (acKind ImageManifest) */
    NOMAD_INPUT_API_JOB_UNWRAPPED,   /* api.Job's fields at the top, no "Job" */
    NOMAD_INPUT_TERRAFORM,
    NOMAD_INPUT_PACKER,
    NOMAD_INPUT_TEMPLATE,            /* an unrendered template of a job file */
};

enum nomad_template_kind {
    NOMAD_TEMPLATE_NONE,
    NOMAD_TEMPLATE_LEVANT,     /* [[ .name ]] */
    NOMAD_TEMPLATE_GO,         /* {{ .Name }}, consul-template, gomplate */
    NOMAD_TEMPLATE_TERRAFORM,  /* ${var.x}, ${name} outside strings, %{ for } */
    NOMAD_TEMPLATE_ENVSUBST,   /* ${NAME} outside strings: envsubst, a shell */
};

/* A template placeholder: [start, end) in the text searched. */
struct nomad_marker {
    enum nomad_template_kind kind;
    size_t start, end;
};

#define NOMAD_INPUT_EVIDENCE 4

struct nomad_input_class {
    enum nomad_input_kind kind;
    enum nomad_template_kind template_kind; /* NOMAD_INPUT_TEMPLATE */
    struct span at;        /* the telling key or placeholder */
    /* the keys that tell (static names), for the message */
    const char *evidence[NOMAD_INPUT_EVIDENCE];
    size_t evidence_count;
    const char *ac_kind;   /* manifests: "PodManifest" / "ImageManifest" */
};

/* Classifies src: tree is its syntax tree, or NULL when it did not parse. */
struct nomad_input_class nomad_input_classify(const struct source *src,
                                              const struct hcl_file *tree);

/* The first template placeholder in text[from, len) that a template
 * engine, not Nomad, would fill: Levant `[[ ... ]]`, Go `{{ ... }}`,
 * Terraform `%{ ... }` and the Terraform-only `${...}` forms (var., local.,
 * module., data., path., function calls). Nomad's own `${NOMAD_...}`,
 * `${node.…}`, `${attr.…}`, `${meta.…}` and `${env[...]}` are not
 * placeholders. Placeholders end on their line. */
bool nomad_template_marker(const char *text, size_t len, size_t from,
                           struct nomad_marker *out);

/* "Levant", "Go template (consul-template)", "Terraform template". */
const char *nomad_template_name(enum nomad_template_kind kind);

/* When c is not a job: drops the findings diags got since index `first`
 * (the syntax errors of a file that is no HCL job at all), reports c as
 * one RKC020 / RKC021 error on src and returns true. */
bool nomad_input_report(const struct source *src, const struct nomad_input_class *c,
                        size_t first, struct diag_list *diags);

#endif
