/* analyze.h — the checking pipeline for one input file.
 *
 * Contract: analyze_file runs the pipeline stages on one loaded source, in
 * order, each adding its findings to diags: the HCL front end (hcl_parse),
 * HCL's generic decode (hcl_decode_generic), and later the Nomad job and rkt
 * checks. Later stages run only when the earlier ones produced their
 * structure. It returns the parsed tree (for inline suppressions), or NULL
 * when there is none; *parse_failed tells whether a front-end error
 * (HCL001, HCL002, HCL003) occurred, which makes `check` exit 2.
 * Everything it builds lives in arena. Never prints. */
#ifndef RKTC_CLI_ANALYZE_H
#define RKTC_CLI_ANALYZE_H

#include "diag/diag.h"
#include "hcl/tree.h"

#include <stdbool.h>

struct arena;

struct node_profile;
struct plan_options;

struct analyze_options {
    /* options of later stages (host profile, target Nomad version) join
     * this struct; C forbids an empty one */
    int reserved;
    const struct node_profile *node;  /* rkt stage: NULL = default profile */
    const struct plan_options *plan;  /* rkt stage: --alloc-id, --port */
};

const struct hcl_file *analyze_file(struct arena *arena, const struct source *src,
                                    const struct analyze_options *options,
                                    struct diag_list *diags, bool *parse_failed);

/* True when d is a front-end error that stops a file from being checked. */
bool analyze_is_parse_failure(const struct diag *d);

#endif
