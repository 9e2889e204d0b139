#include "rkt/placement.h"

#include "rkt/constraint.h"
#include "util/arena.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct span where(const struct rkt_constraint *c) {
    return c->ltarget_span.end ? c->ltarget_span : c->span;
}

static bool looks_like_version(const char *s) {
    if (strstr(s, "version"))
        return true;
    /* digits '.' digits */
    const char *p = s;
    while (*p == ' ' || *p == 'v')
        p++;
    if (!isdigit((unsigned char)*p))
        return false;
    while (isdigit((unsigned char)*p))
        p++;
    return *p == '.' && isdigit((unsigned char)p[1]);
}

/* Where the bytes of text occur inside span of src, or UINT32_MAX. */
static uint32_t find_in_span(const struct source *src, struct span span, const char *text) {
    size_t n = strlen(text);
    if (!src || span.end > src->len || span.end < span.start || n == 0)
        return UINT32_MAX;
    for (uint32_t at = span.start; at + n <= span.end; at++)
        if (memcmp(src->text + at, text, n) == 0)
            return at;
    return UINT32_MAX;
}

/* True when span holds a plain double-quoted string literal. */
static bool quoted_literal(const struct source *src, struct span span) {
    return src && span.end > span.start + 1 && span.end <= src->len &&
           src->text[span.start] == '"' && src->text[span.end - 1] == '"';
}

static bool always_true_when_unresolved(const char *op) {
    return strcmp(op, "!=") == 0 || strcmp(op, "not") == 0 || strcmp(op, "is_not_set") == 0;
}

static void lint_one(const struct source *src, const struct rkt_constraint *c,
                     struct diag_list *diags) {
    if (strcmp(c->operand, "distinct_hosts") == 0)
        return;
    const char *targets[2] = {c->ltarget, c->rtarget};
    struct span spans[2] = {where(c), c->rtarget_span.end ? c->rtarget_span : c->span};
    for (int i = 0; i < 2; i++) {
        if (!constraint_target_unresolvable(targets[i]))
            continue;
        const char *kind = c->is_affinity ? "affinity" : "constraint";
        if (always_true_when_unresolved(c->operand)) {
            diag_add(diags, RULE_RKT038, src, spans[i],
                     "Nomad never resolves %s, so this %s (%s) holds on every node and "
                     "filters nothing",
                     targets[i], kind, c->operand);
            continue;
        }
        struct diag *d = diag_add(diags, c->is_affinity ? RULE_RKT038 : RULE_RKT025, src, spans[i],
                                  c->is_affinity
                                      ? "Nomad never resolves %s, so this %s never matches"
                                      : "Nomad never resolves %s, so no node satisfies this %s",
                                  targets[i], kind);
        if (strncmp(targets[i], "${driver.", 9) == 0 || strncmp(targets[i], "${kernel.", 9) == 0 ||
            strncmp(targets[i], "${unique.", 9) == 0 || strncmp(targets[i], "${os.", 5) == 0 ||
            strncmp(targets[i], "${cpu.", 6) == 0) {
            diag_fix(d, "node attributes are written ${attr.%s", targets[i] + 2);
            /* as written in the file: insert `attr.` after the `${` */
            uint32_t at = find_in_span(src, spans[i], targets[i]);
            if (at != UINT32_MAX)
                diag_edit(d, span_make(at + 2, at + 2), "attr.");
        }
        else if (strcmp(targets[i], "${node.region}") == 0)
            diag_fix(d, "the scheduler knows ${node.unique.id}, ${node.unique.name}, "
                        "${node.datacenter} and ${node.class}");
    }
    const char *op = c->operand;
    if ((strcmp(op, "<") == 0 || strcmp(op, "<=") == 0 || strcmp(op, ">") == 0 ||
         strcmp(op, ">=") == 0) &&
        (looks_like_version(c->ltarget) || looks_like_version(c->rtarget))) {
        struct diag *d = diag_add(diags, RULE_RKT026, src, c->operand_span.end ? c->operand_span : c->span,
                                  "`%s` compares %s and %s as strings, byte by byte "
                                  "(\"1.10.0\" < \"1.2\")",
                                  op, c->ltarget, c->rtarget);
        diag_fix(d, "use operator = \"version\" with value = \"%s %s\"", op, c->rtarget);
        /* both written as plain strings: "<" becomes "version", "1.2" becomes "< 1.2" */
        struct span o = c->operand_span, v = c->rtarget_span;
        if (quoted_literal(src, o) && quoted_literal(src, v) &&
            (v.start >= o.end || o.start >= v.end)) {
            char edited[8];
            snprintf(edited, sizeof edited, "%s ", op);
            struct span insert = span_make(v.start + 1, v.start + 1);
            if (v.start >= o.end) {
                diag_edit(d, o, "\"version\"");
                diag_edit(d, insert, edited);
            } else {
                diag_edit(d, insert, edited);
                diag_edit(d, o, "\"version\"");
            }
        }
    }
}

void placement_lint(struct arena *arena, const struct rkt_job_input *job,
                    struct diag_list *diags) {
    (void)arena;
    for (size_t i = 0; i < job->constraints.count; i++)
        lint_one(job->src, &job->constraints.items[i], diags);
    for (size_t g = 0; g < job->group_count; g++) {
        const struct rkt_group_input *group = &job->groups[g];
        for (size_t i = 0; i < group->constraints.count; i++)
            lint_one(job->src, &group->constraints.items[i], diags);
        for (size_t t = 0; t < group->task_count; t++) {
            const struct rkt_task_input *task = &group->tasks[t];
            for (size_t i = 0; i < task->constraints.count; i++)
                lint_one(job->src, &task->constraints.items[i], diags);
        }
    }
}

static const char *show(const struct target_value *v, const char *target) {
    (void)target;
    if (!v->text)
        return "(not found)";
    return v->found ? v->text : "(not set)";
}

/* returns false when the constraint fails on the node */
static bool check_one(struct arena *arena, const struct source *src,
                      const struct rkt_constraint *c, const struct node_profile *node,
                      bool report, struct diag_list *diags) {
    if (!constraint_operand_known(c->operand, c->is_affinity))
        return true; /* Nomad's validation rejects the job (NMD rules) */
    struct target_value l = constraint_resolve(node, c->ltarget);
    struct target_value r = constraint_resolve(node, c->rtarget);
    const char *reason = NULL;
    enum constraint_result res = constraint_check(arena, c->operand, l, r, &reason);
    if (res == CONSTRAINT_UNKNOWN) {
        if (report)
            diag_add(diags, RULE_RKT037, src, c->rtarget_span.end ? c->rtarget_span : c->span,
                     "rktc cannot evaluate this %s exactly: %s; it is assumed to hold",
                     c->is_affinity ? "affinity" : "constraint", reason);
        return true;
    }
    bool holds = res == CONSTRAINT_TRUE;
    /* a target Nomad never resolves is reported once by placement_lint */
    if (constraint_target_unresolvable(c->ltarget) || constraint_target_unresolvable(c->rtarget))
        report = false;
    if (c->is_affinity) {
        bool preferred = c->weight >= 0 ? holds : !holds;
        if (!preferred && report)
            diag_add(diags, RULE_RKT035, src, c->span,
                     "the node %s this affinity (%s %s %s, weight %d): %s is %s",
                     holds ? "matches" : "does not match", c->ltarget, c->operand, c->rtarget,
                     c->weight, c->ltarget, show(&l, c->ltarget));
        return true;
    }
    if (!holds && report) {
        const char *cmp = *c->rtarget ? arena_printf(arena, " \"%s\"", c->rtarget) : "";
        struct diag *d = diag_add(
            diags, RULE_RKT024, src, where(c),
            "the node does not satisfy the constraint %s %s%s: %s is %s%s%s", c->ltarget,
            c->operand, cmp, c->ltarget, show(&l, c->ltarget), reason ? "; " : "",
            reason ? reason : "");
        (void)d;
    }
    return holds;
}

static bool check_list(struct arena *arena, const struct source *src,
                       const struct rkt_constraints *list, const struct node_profile *node,
                       bool report, struct diag_list *diags) {
    bool ok = true;
    for (size_t i = 0; i < list->count; i++)
        if (!check_one(arena, src, &list->items[i], node, report, diags))
            ok = false;
    return ok;
}

bool placement_check(struct arena *arena, const struct rkt_job_input *job,
                     const struct rkt_group_input *group, const struct node_profile *node,
                     bool report, struct diag_list *diags) {
    bool ok = true;
    const struct source *src = job->src;
    if (job->region && strcmp(job->region, node->region) != 0) {
        ok = false;
        if (report)
            diag_add(diags, RULE_RKT024, src, job->region_span.end ? job->region_span : job->span,
                     "the job runs in region \"%s\", the node is in region \"%s\"",
                     job->region, node->region);
    }
    if (job->datacenter_count) {
        bool found = false;
        for (size_t i = 0; i < job->datacenter_count; i++)
            if (strcmp(job->datacenters[i], node->datacenter) == 0)
                found = true;
        if (!found) {
            ok = false;
            if (report)
                diag_add(diags, RULE_RKT024, src,
                         job->datacenters_span.end ? job->datacenters_span : job->span,
                         "the node's datacenter \"%s\" is not among the job's datacenters",
                         node->datacenter);
        }
    }
    ok &= check_list(arena, src, &job->constraints, node, report, diags);
    ok &= check_list(arena, src, &group->constraints, node, report, diags);
    for (size_t t = 0; t < group->task_count; t++) {
        const struct rkt_task_input *task = &group->tasks[t];
        ok &= check_list(arena, src, &task->constraints, node, report, diags);
        if (strcmp(task->driver, "rkt") == 0 && !node_attribute(node, "driver.rkt")) {
            ok = false;
            if (report)
                diag_add(diags, RULE_RKT024, src,
                         task->driver_span.end ? task->driver_span : task->span,
                         "the node has no healthy rkt driver (no driver.rkt.version "
                         "attribute in the host profile)");
        }
    }
    for (size_t v = 0; v < group->volume_count; v++) {
        const struct rkt_group_volume *vol = &group->volumes[v];
        if (strcmp(vol->type, "host") != 0)
            continue;
        const struct node_host_volume *hv = node_host_volume(node, vol->source);
        if (!hv || (hv->read_only && !vol->read_only)) {
            ok = false;
            if (report)
                diag_add(diags, RULE_RKT034, src, vol->span,
                         hv ? "the node's host volume \"%s\" is read-only, but the group "
                              "volume \"%s\" asks for read-write access"
                            : "the node has no host volume \"%s\" (group volume \"%s\")",
                         vol->source, vol->name);
        }
    }
    return ok;
}
