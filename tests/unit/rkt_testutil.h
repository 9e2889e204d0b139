/* rkt_testutil.h — helpers for the rkt unit tests: plan a job file (or HCL
 * text) with a fixed allocation id and a host profile adjusted by test
 * directives, and ask which rules fired. */
#ifndef RKTC_TEST_RKT_TESTUTIL_H
#define RKTC_TEST_RKT_TESTUTIL_H

#include "diag/diag.h"
#include "rkt/node.h"
#include "rkt/plan.h"

#include <stdbool.h>

#define RKT_TEST_ALLOC "5b3c1e2a-9f4d-4c1b-8e7a-1a2b3c4d5e6f"

struct rkt_fixture {
    struct arena *arena;
    struct source *src;
    struct diag_list diags;
    struct node_profile node;
    struct plan_port_override ports[8];
    struct plan_options options;
    struct rkt_plan plan;
    bool decoded;
};

/* Parses and decodes text (named name), then plans it. Directives in
 * leading `# ` comment lines: `port: LABEL=N`, `node: volumes_enabled=false`,
 * `node: host_volume NAME=PATH`, `node: meta K=V`, `node: attr K=V`,
 * `node: --node` (placement failures are errors), `node: address IP`,
 * `alloc: derived`, `alloc: UUID`. The node address is 10.0.0.10 unless set. */
void rkt_fixture_plan(struct rkt_fixture *f, const char *name, const char *text);
void rkt_fixture_free(struct rkt_fixture *f);
bool rkt_fixture_fired(const struct rkt_fixture *f, const char *rule);
/* The plan's commands as "$ cmd" lines and one argv element per line. */
char *rkt_fixture_argv_text(const struct rkt_fixture *f);
char *rkt_read_file(const char *path);

#endif
