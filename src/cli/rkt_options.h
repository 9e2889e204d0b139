/* rkt_options.h — the options check, plan and build share for the rkt stage:
 * `--node FILE`, `--alloc-id UUID`, `--port [TASK.]LABEL=PORT` (docs/cli.md §2,
 * docs/host-profile.md).
 *
 * Contract: rkt_options_take looks at one parsed option; when it is one of
 * these it takes its value and returns 1; on a malformed value it prints a
 * usage error and returns -1; otherwise 0.
 * rkt_options_node loads the host profile (defaults when no --node) into
 * node; on failure it prints the problem and returns EXIT_INPUT (unreadable
 * or not HCL) or EXIT_CONFIG (an invalid profile), else EXIT_OK.
 * --node may be given several times (a fleet, schedule.h).
 * rkt_options_plan fills plan options pointing into opts (no source name). */
#ifndef RKTC_CLI_RKT_OPTIONS_H
#define RKTC_CLI_RKT_OPTIONS_H

#include "cli/args.h"
#include "rkt/node.h"
#include "rkt/plan.h"

struct arena;

struct rkt_options {
    const char *node_path;    /* the first --node */
    const char **node_paths;  /* every --node (heap array) */
    size_t node_count;
    const char *alloc_id;
    struct plan_port_override *ports; /* heap */
    size_t port_count;
};

int rkt_options_take(struct rkt_options *opts, const char *command,
                     const struct cli_arg *arg);
int rkt_options_node(struct arena *arena, const struct rkt_options *opts,
                     struct node_profile *node);
/* Every --node profile (the default one, alone, when none): *nodes is an
 * arena array. Two profiles with one name are an EXIT_CONFIG error. */
int rkt_options_nodes(struct arena *arena, const struct rkt_options *opts,
                      struct node_profile **nodes, size_t *count);
void rkt_options_plan(const struct rkt_options *opts, struct plan_options *out);
void rkt_options_free(struct rkt_options *opts);

#endif
