#include "cli/rkt_options.h"

#include "cli/cli.h"
#include "cli/findings.h"
#include "hcl/parse.h"
#include "rkt/ident.h"
#include "util/arena.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool parse_port(const char *spec, struct plan_port_override *out) {
    out->task = out->label = NULL;
    const char *eq = strrchr(spec, '=');
    if (!eq || eq == spec)
        return false;
    char *end;
    long port = strtol(eq + 1, &end, 10);
    if (*end || eq[1] == '\0' || port < 1 || port > 65535)
        return false;
    const char *dot = memchr(spec, '.', (size_t)(eq - spec));
    out->task = dot ? xstrndup(spec, (size_t)(dot - spec)) : NULL;
    const char *label = dot ? dot + 1 : spec;
    out->label = xstrndup(label, (size_t)(eq - label));
    out->port = (int)port;
    return *out->label != '\0' && (!dot || dot != spec);
}

int rkt_options_take(struct rkt_options *opts, const char *command,
                     const struct cli_arg *arg) {
    const char *v = arg->value;
    switch (arg->flag) {
    case FLAG_NODE:
        if (!*v)
            return cli_usage_error(command, "--node needs a file"), -1;
        if (!opts->node_path)
            opts->node_path = v;
        opts->node_paths = xreallocarray(opts->node_paths, opts->node_count + 1,
                                         sizeof *opts->node_paths);
        opts->node_paths[opts->node_count++] = v;
        return 1;
    case FLAG_ALLOC_ID:
        if (!uuid_valid(v))
            return cli_usage_error(command, "--alloc-id needs a UUID (8-4-4-4-12 hex digits)"),
                   -1;
        opts->alloc_id = v;
        return 1;
    case FLAG_PORT: {
        struct plan_port_override o;
        if (!parse_port(v, &o)) {
            free((char *)o.task);
            free((char *)o.label);
            return cli_usage_error(command, "--port needs [TASK.]LABEL=PORT (PORT 1-65535)"),
                   -1;
        }
        opts->ports = xreallocarray(opts->ports, opts->port_count + 1, sizeof *opts->ports);
        opts->ports[opts->port_count++] = o;
        return 1;
    }
    default:
        return 0;
    }
}

static int read_node(struct arena *arena, const char *path, struct node_profile *node) {
    node_defaults(arena, node);
    struct source *src = cli_source_load(path, NULL);
    if (!src)
        return EXIT_INPUT;
    /* the profile's strings live in the arena; the source must outlive it
     * only during reading */
    struct diag_list diags;
    diag_list_init(&diags);
    struct hcl_file *file = hcl_parse(arena, src, &diags);
    int status = EXIT_OK;
    if (!file)
        status = EXIT_INPUT;
    else if (!node_read(arena, file, node, &diags))
        status = EXIT_CONFIG;
    cli_print_findings(stderr, &diags);
    diag_list_free(&diags);
    source_free(src);
    return status;
}

int rkt_options_node(struct arena *arena, const struct rkt_options *opts,
                     struct node_profile *node) {
    if (!opts->node_path) {
        node_defaults(arena, node);
        return EXIT_OK;
    }
    return read_node(arena, opts->node_path, node);
}

int rkt_options_nodes(struct arena *arena, const struct rkt_options *opts,
                      struct node_profile **nodes, size_t *count) {
    size_t n = opts->node_count ? opts->node_count : 1;
    *nodes = arena_array(arena, n, sizeof **nodes);
    *count = n;
    if (!opts->node_count) {
        node_defaults(arena, &(*nodes)[0]);
        return EXIT_OK;
    }
    for (size_t i = 0; i < n; i++) {
        int status = read_node(arena, opts->node_paths[i], &(*nodes)[i]);
        if (status != EXIT_OK)
            return status;
        for (size_t j = 0; j < i; j++)
            if (strcmp((*nodes)[j].name, (*nodes)[i].name) == 0) {
                fprintf(stderr, "rktc: %s and %s both describe a node named \"%s\"; give each "
                                "host profile its own `name`\n",
                        opts->node_paths[j], opts->node_paths[i], (*nodes)[i].name);
                return EXIT_CONFIG;
            }
    }
    return EXIT_OK;
}

void rkt_options_plan(const struct rkt_options *opts, struct plan_options *out) {
    memset(out, 0, sizeof *out);
    out->node_given = opts->node_path != NULL;
    out->alloc_id = opts->alloc_id;
    out->ports = opts->ports;
    out->port_count = opts->port_count;
}

void rkt_options_free(struct rkt_options *opts) {
    for (size_t i = 0; i < opts->port_count; i++) {
        free((char *)opts->ports[i].task);
        free((char *)opts->ports[i].label);
    }
    free(opts->ports);
    free(opts->node_paths);
    memset(opts, 0, sizeof *opts);
}
