/* interp.h — `${...}` in the driver config as Nomad 0.9+ evaluates it
 * (every config string is an HCL2 template; docs/rkt-driver.md
 * §13).
 *
 * Contract: interp_template evaluates one string. Supported: literal text,
 * `$${` -> `${` and `%%{` -> `%{`, and `${EXPR}` where EXPR is a variable
 * traversal (`NOMAD_TASK_DIR`, `attr.kernel.name`, `node.datacenter`,
 * `meta.rack`, `env["NAME"]`, `.attr`/`["key"]` steps), a quoted string, or
 * upper()/lower() of one of these. Variables are the task environment and
 * the client's node values. An unknown variable or attribute gives
 * INTERP_ERROR with HCL2's diagnostic text (the task fails); syntax rktc
 * does not evaluate (other functions, operators, `%{` directives) gives
 * INTERP_UNSUPPORTED and the text unchanged. Pure; arena memory only. */
#ifndef RKTC_RKT_INTERP_H
#define RKTC_RKT_INTERP_H

#include "rkt/env.h"
#include "rkt/node.h"

struct arena;

enum interp_status { INTERP_OK, INTERP_ERROR, INTERP_UNSUPPORTED };

struct interp_result {
    enum interp_status status;
    const char *text;    /* the evaluated string (input when not OK) */
    const char *message; /* for ERROR / UNSUPPORTED */
};

struct interp_scope {
    const struct task_env *env;
    const struct node_profile *node;
};

struct interp_result interp_template(struct arena *arena, const char *text,
                                     const struct interp_scope *scope);

#endif
