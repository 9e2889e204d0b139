#include "rkt_testutil.h"

#include "rkt/schedule.h"

#include "hcl/parse.h"
#include "nomad/decode.h"
#include "rkt/from_job.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_pair(struct arena *arena, struct rkt_pairs *pairs, const char *key,
                     const char *value) {
    pairs->items = arena_grow(arena, pairs->items, pairs->count, pairs->count + 1,
                              sizeof *pairs->items);
    memset(&pairs->items[pairs->count], 0, sizeof pairs->items[0]);
    pairs->items[pairs->count].key = key;
    pairs->items[pairs->count].value = value;
    pairs->count++;
}

static void directive(struct rkt_fixture *f, const char *line, size_t len) {
    char *d = arena_strndup(f->arena, line, len);
    char *eq;
    if (strncmp(d, "port: ", 6) == 0 && (eq = strchr(d, '='))) {
        struct plan_port_override *o = &f->ports[f->options.port_count++];
        *eq = '\0';
        o->label = d + 6;
        o->port = atoi(eq + 1);
    } else if (strcmp(d, "node: volumes_enabled=false") == 0) {
        f->node.volumes_enabled = false;
    } else if (strncmp(d, "node: host_volume ", 18) == 0 && (eq = strchr(d, '='))) {
        *eq = '\0';
        f->node.host_volumes = arena_grow(f->arena, f->node.host_volumes,
                                          f->node.host_volume_count,
                                          f->node.host_volume_count + 1,
                                          sizeof *f->node.host_volumes);
        struct node_host_volume *hv = &f->node.host_volumes[f->node.host_volume_count++];
        hv->name = d + 18;
        hv->path = eq + 1;
        hv->read_only = false;
    } else if (strncmp(d, "node: meta ", 11) == 0 && (eq = strchr(d, '='))) {
        *eq = '\0';
        add_pair(f->arena, &f->node.meta, d + 11, eq + 1);
    } else if (strncmp(d, "node: attr ", 11) == 0 && (eq = strchr(d, '='))) {
        *eq = '\0';
        add_pair(f->arena, &f->node.attributes, d + 11, eq + 1);
    } else if (strcmp(d, "node: --node") == 0) {
        f->options.node_given = true;
    } else if (strcmp(d, "alloc: derived") == 0) {
        f->options.alloc_id = NULL;
    } else if (strncmp(d, "alloc: ", 7) == 0) {
        f->options.alloc_id = d + 7;
    } else if (strncmp(d, "node: address ", 14) == 0) {
        f->node.address = d + 14;
    }
}

void rkt_fixture_plan(struct rkt_fixture *f, const char *name, const char *text) {
    memset(f, 0, sizeof *f);
    f->arena = arena_new();
    diag_list_init(&f->diags);
    node_defaults(f->arena, &f->node);
    f->node.address = "10.0.0.10";
    f->options.alloc_id = RKT_TEST_ALLOC;
    f->options.ports = f->ports;
    for (const char *p = text; strncmp(p, "# ", 2) == 0;) {
        const char *end = strchr(p, '\n');
        if (!end)
            break;
        directive(f, p + 2, (size_t)(end - p - 2));
        p = end + 1;
    }
    f->src = source_from_memory(name, text, strlen(text));
    struct hcl_file *file = hcl_parse(f->arena, f->src, &f->diags);
    struct nomad_job *job = file ? nomad_decode_hcl(f->arena, file, &f->diags) : NULL;
    if (!job)
        return;
    f->decoded = true;
    struct rkt_job_input *input = rkt_input_from_job(f->arena, f->src, job);
    struct fleet *fleet = fleet_new(&f->node, 1, f->options.node_given);
    f->options.schedule = fleet_schedule(fleet, f->arena, input, &f->options, &f->diags);
    rkt_plan_job(f->arena, input, &f->node, &f->options, &f->plan, &f->diags);
    fleet_free(fleet);
}

void rkt_fixture_free(struct rkt_fixture *f) {
    diag_list_free(&f->diags);
    arena_free(f->arena);
    source_free(f->src);
}

bool rkt_fixture_fired(const struct rkt_fixture *f, const char *rule) {
    for (size_t i = 0; i < f->diags.count; i++)
        if (strcmp(f->diags.items[i].rule->id, rule) == 0)
            return true;
    return false;
}

char *rkt_fixture_argv_text(const struct rkt_fixture *f) {
    struct buf b;
    buf_init(&b);
    for (size_t t = 0; t < f->plan.count; t++)
        for (size_t c = 0; c < f->plan.tasks[t].command_count; c++) {
            const struct plan_command *cmd = &f->plan.tasks[t].commands[c];
            buf_printf(&b, "$ %s\n", plan_cmd_name(cmd->kind));
            for (size_t i = 0; i < cmd->argc; i++)
                buf_printf(&b, "%s\n", cmd->argv[i]);
        }
    if (!b.data)
        buf_puts(&b, "");
    return buf_detach(&b);
}

char *rkt_read_file(const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    struct buf b;
    buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        buf_add(&b, chunk, n);
    fclose(fp);
    if (!b.data)
        buf_puts(&b, "");
    return buf_detach(&b);
}
