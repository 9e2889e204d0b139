/* audit_render.c — Markdown and JSON audit reports (see audit_render.h). */
#include "util/xalloc.h"
#include "migrate/audit_render.h"

#include "hcl/generic.h"

#include <stdlib.h>
#include <string.h>

const char *audit_task_verdict(enum mig_verdict v) {
    return v == MIG_BLOCKER ? "blocked" : v == MIG_SAME ? "same" : "changed";
}

static int verdict_index(enum mig_verdict v) {
    return v == MIG_BLOCKER ? 2 : v == MIG_SAME ? 0 : 1;
}

/* Markdown table cell text: pipes escaped, newlines as spaces */
static void md_cell(struct buf *b, const char *text) {
    for (const char *p = text; *p; p++) {
        if (*p == '|')
            buf_puts(b, "\\|");
        else if (*p == '\n' || *p == '\r')
            buf_putc(b, ' ');
        else
            buf_putc(b, *p);
    }
}

/* inline code that survives backticks inside the text */
static void md_code(struct buf *b, const char *text) {
    const char *fence = strchr(text, '`') ? "`` " : "`";
    const char *close = strchr(text, '`') ? " ``" : "`";
    buf_puts(b, fence);
    md_cell(b, text);
    buf_puts(b, close);
}

static void location(struct buf *b, const struct audit_input *in, struct span span) {
    struct position p = source_position(in->src, span.start);
    buf_printf(b, "%s:%u:%u", in->path, p.line, p.column);
}

/* ---- summary ------------------------------------------------------------ */

struct tally {
    size_t verdicts[MIG_DEST_COUNT][3];
    size_t tasks, jobs, no_rkt, not_jobs;
    size_t *case_tasks; /* per case: tasks using it */
};

static void tally_inputs(const struct audit_input *inputs, size_t count, struct tally *t) {
    size_t ncases;
    const struct mig_case *cases = mig_cases(&ncases);
    memset(t, 0, sizeof *t);
    t->case_tasks = xcalloc(ncases + 1, sizeof *t->case_tasks);
    for (size_t i = 0; i < count; i++) {
        const struct mig_job *job = inputs[i].job;
        if (!job) {
            t->not_jobs++;
            continue;
        }
        if (!job->rkt_task_count) {
            t->no_rkt++;
            continue;
        }
        t->jobs++;
        for (size_t g = 0; g < job->group_count; g++)
            for (size_t k = 0; k < job->groups[g].task_count; k++) {
                const struct mig_task *task = &job->groups[g].tasks[k];
                if (!task->rkt)
                    continue;
                t->tasks++;
                for (int d = 0; d < MIG_DEST_COUNT; d++)
                    t->verdicts[d][verdict_index(task->verdict[d])]++;
                for (size_t c = 0; c < ncases && t->case_tasks; c++)
                    if (mig_task_use(task, cases[c].id))
                        t->case_tasks[c]++;
            }
    }
}

/* case indexes ordered by task count (descending), then table order */
static size_t *by_frequency(const struct tally *t, size_t ncases) {
    size_t *order = xcalloc(ncases + 1, sizeof *order);
    if (!order || !t->case_tasks)
        return order;
    for (size_t i = 0; i < ncases; i++)
        order[i] = i;
    for (size_t i = 1; i < ncases; i++) { /* stable insertion sort */
        size_t v = order[i], j = i;
        while (j > 0 && t->case_tasks[order[j - 1]] < t->case_tasks[v]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
    return order;
}

/* per option or feature (the subject of its cases): tasks using any of its
 * cases, in order of frequency (then table order); returns the count */
struct subject_count {
    const char *subject;
    size_t tasks;
};

static size_t subjects_by_frequency(const struct audit_input *inputs, size_t count,
                                    struct subject_count **out) {
    size_t ncases, n = 0;
    const struct mig_case *cases = mig_cases(&ncases);
    struct subject_count *s = xcalloc(ncases + 1, sizeof *s);
    *out = s;
    if (!s)
        return 0;
    for (size_t c = 0; c < ncases; c++) {
        size_t k = 0;
        while (k < n && strcmp(s[k].subject, cases[c].subject) != 0)
            k++;
        if (k == n)
            s[n++].subject = cases[c].subject;
    }
    for (size_t i = 0; i < count; i++) {
        const struct mig_job *job = inputs[i].job;
        for (size_t g = 0; job && g < job->group_count; g++)
            for (size_t t = 0; t < job->groups[g].task_count; t++) {
                const struct mig_task *task = &job->groups[g].tasks[t];
                for (size_t k = 0; k < n; k++)
                    for (size_t u = 0; u < task->use_count; u++)
                        if (!task->uses[u].implicit &&
                            strcmp(task->uses[u].c->subject, s[k].subject) == 0) {
                            s[k].tasks++;
                            break;
                        }
            }
    }
    for (size_t i = 1; i < n; i++) { /* stable insertion sort, descending */
        struct subject_count v = s[i];
        size_t j = i;
        while (j > 0 && s[j - 1].tasks < v.tasks) {
            s[j] = s[j - 1];
            j--;
        }
        s[j] = v;
    }
    return n;
}

/* ---- Markdown ----------------------------------------------------------- */

static void md_fate(struct buf *b, const struct mig_fate *f) {
    buf_printf(b, "**%s**", mig_verdict_name(f->verdict));
    buf_puts(b, ": ");
    md_cell(b, f->how);
}

static void md_task(struct buf *b, const struct audit_input *in, const struct mig_group *g,
                    const struct mig_task *t) {
    buf_puts(b, "#### group ");
    md_code(b, g->name);
    buf_puts(b, ", task ");
    md_code(b, t->name);
    buf_puts(b, " (");
    location(b, in, t->span);
    buf_puts(b, ")\n\n");
    if (!t->rkt) {
        buf_puts(b, "Driver ");
        md_code(b, t->driver);
        buf_puts(b, ": not an rkt task; unchanged by the migration.\n\n");
        return;
    }
    buf_puts(b, "Verdict:");
    for (int d = 0; d < MIG_DEST_COUNT; d++)
        buf_printf(b, "%s %s **%s**", d ? "," : "", mig_dest_name((enum mig_dest)d),
                   audit_task_verdict(t->verdict[d]));
    buf_puts(b, ".\n\n| Option | Value | Location | Case | docker | podman | systemd |\n"
                "|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < t->use_count; i++) {
        const struct mig_use *u = &t->uses[i];
        buf_puts(b, "| ");
        md_code(b, u->option);
        buf_puts(b, " | ");
        md_code(b, u->value);
        buf_puts(b, " | ");
        location(b, in, u->span);
        buf_puts(b, " | ");
        md_cell(b, u->c->when);
        for (int d = 0; d < MIG_DEST_COUNT; d++) {
            buf_puts(b, " | ");
            md_fate(b, &u->c->fate[d]);
        }
        buf_puts(b, " |\n");
    }
    buf_putc(b, '\n');
}

static void md_summary(struct buf *b, const struct audit_input *inputs, size_t count) {
    struct tally t;
    size_t ncases;
    const struct mig_case *cases = mig_cases(&ncases);
    tally_inputs(inputs, count, &t);
    buf_printf(b, "## Summary\n\n%zu input(s): %zu job(s) with rkt tasks, %zu job(s) without, "
                  "%zu not a job file Nomad reads. %zu rkt task(s).\n\n",
               count, t.jobs, t.no_rkt, t.not_jobs, t.tasks);
    buf_puts(b, "### rkt tasks per destination\n\n| Destination | same | changed | blocked |\n"
                "|---|---|---|---|\n");
    for (int d = 0; d < MIG_DEST_COUNT; d++)
        buf_printf(b, "| %s | %zu | %zu | %zu |\n", mig_dest_title((enum mig_dest)d),
                   t.verdicts[d][0], t.verdicts[d][1], t.verdicts[d][2]);
    buf_puts(b, "\n### Options and features by frequency\n\n| Option or feature | Tasks |\n"
                "|---|---|\n");
    struct subject_count *subjects;
    size_t nsubjects = subjects_by_frequency(inputs, count, &subjects);
    for (size_t i = 0; i < nsubjects; i++)
        if (subjects[i].tasks) {
            buf_puts(b, "| ");
            md_cell(b, subjects[i].subject);
            buf_printf(b, " | %zu |\n", subjects[i].tasks);
        }
    free(subjects);
    buf_puts(b, "\n### Cases by frequency\n\n| Option | Case | Tasks |\n"
                "|---|---|---|\n");
    size_t *order = by_frequency(&t, ncases);
    for (size_t i = 0; order && t.case_tasks && i < ncases; i++) {
        const struct mig_case *c = &cases[order[i]];
        if (!t.case_tasks[order[i]])
            continue;
        buf_puts(b, "| ");
        md_cell(b, c->subject);
        buf_puts(b, " | ");
        md_cell(b, c->when);
        buf_printf(b, " | %zu |\n", t.case_tasks[order[i]]);
    }
    free(order);
    free(t.case_tasks);
    buf_puts(b, "\n### Blockers\n\n");
    size_t blockers = 0;
    for (size_t i = 0; i < count; i++) {
        const struct mig_job *job = inputs[i].job;
        for (size_t g = 0; job && g < job->group_count; g++)
            for (size_t k = 0; k < job->groups[g].task_count; k++) {
                const struct mig_task *task = &job->groups[g].tasks[k];
                for (size_t u = 0; u < task->use_count; u++) {
                    const struct mig_use *use = &task->uses[u];
                    bool any = false;
                    for (int d = 0; d < MIG_DEST_COUNT; d++)
                        any |= use->c->fate[d].verdict == MIG_BLOCKER;
                    if (!any)
                        continue;
                    if (blockers++ == 0)
                        buf_puts(b, "| Location | Job / group / task | Option | Value | "
                                    "Blocked on |\n|---|---|---|---|---|\n");
                    buf_puts(b, "| ");
                    location(b, &inputs[i], use->span);
                    buf_puts(b, " | ");
                    md_cell(b, job->id);
                    buf_puts(b, " / ");
                    md_cell(b, job->groups[g].name);
                    buf_puts(b, " / ");
                    md_cell(b, task->name);
                    buf_puts(b, " | ");
                    md_code(b, use->option);
                    buf_puts(b, " | ");
                    md_code(b, use->value);
                    buf_puts(b, " |");
                    const char *sep = " ";
                    for (int d = 0; d < MIG_DEST_COUNT; d++)
                        if (use->c->fate[d].verdict == MIG_BLOCKER) {
                            buf_printf(b, "%s%s", sep, mig_dest_name((enum mig_dest)d));
                            sep = ", ";
                        }
                    buf_puts(b, " |\n");
                }
            }
    }
    if (!blockers)
        buf_puts(b, "None.\n");
    buf_putc(b, '\n');
}

/* whether any rkt task of the inputs uses a case whose id starts with prefix */
static bool any_use(const struct audit_input *inputs, size_t count, const char *prefix) {
    size_t n = strlen(prefix);
    for (size_t i = 0; i < count; i++) {
        const struct mig_job *job = inputs[i].job;
        for (size_t g = 0; job && g < job->group_count; g++)
            for (size_t k = 0; k < job->groups[g].task_count; k++) {
                const struct mig_task *t = &job->groups[g].tasks[k];
                for (size_t u = 0; t->rkt && u < t->use_count; u++)
                    if (strncmp(t->uses[u].c->id, prefix, n) == 0 && !t->uses[u].implicit)
                        return true;
            }
    }
    return false;
}

/* the Nomad versions the rewrites are for, and what their clients need */
static void md_versions(struct buf *b, const struct audit_input *inputs, size_t count) {
    buf_puts(b, "### Nomad versions and client steps\n\n"
                "`rktc build --target=nomad-docker|nomad-podman` writes job files for Nomad "
                "0.12.x and Nomad 1.x alike: HCL that the HCL1 parser (Nomad 0.12, up to 1.8 "
                "with `-hcl1`) and the HCL2 parser (Nomad 1.0 and later; the only one since "
                "1.9) read as the same job, ports in a group `network` with the driver's "
                "`ports` (no `port_map`, no task-level network), task services moved to the "
                "group, and driver constraints on `${attr.driver.<driver>}`. "
                "`--target=nomad-hcl2` writes any job file in that common syntax, drivers "
                "unchanged.\n\nOn the clients:\n\n"
                "- Nomad 1.x: run job files through the HCL2 parser (the default); 0.12 "
                "reads the same files.\n");
    if (any_use(inputs, count, "volumes."))
        buf_puts(b, "- host volumes (`volumes`): Docker bind mounts outside the task directory "
                    "are off by default since Nomad 0.12: the client needs "
                    "`plugin \"docker\" { config { volumes { enabled = true } } }` (podman: "
                    "`plugin \"nomad-driver-podman\" { config { volumes { enabled = true } } }`).\n");
    if (any_use(inputs, count, "insecure_options.capabilities") ||
        any_use(inputs, count, "insecure_options.all-run"))
        buf_puts(b, "- capabilities beyond Docker's defaults (`cap_add`): list them in the "
                    "docker plugin's `allow_caps` on the client.\n");
    buf_puts(b, "- `NET_RAW` (rkt's default capability set has it): Nomad 0.12.12 and 1.x "
                "drop it from Docker's defaults; the rewrite adds `cap_add = [\"NET_RAW\"]`, "
                "which needs `NET_RAW` in the docker plugin's `allow_caps`.\n");
    if (any_use(inputs, count, "insecure_options.seccomp") ||
        any_use(inputs, count, "insecure_options.paths"))
        buf_puts(b, "- `security_opt` (seccomp or masked paths off): allowed by the docker "
                    "plugin's default config; keep it enabled on the client.\n");
    if (any_use(inputs, count, "image.aci") || any_use(inputs, count, "image.appc"))
        buf_puts(b, "- appc images: build or convert OCI images and push them to a registry "
                    "the clients can pull from before the job can run.\n");
    buf_putc(b, '\n');
}

void audit_render_markdown(struct buf *b, const struct audit_input *inputs, size_t count) {
    buf_puts(b, "# rkt migration audit\n\n"
                "Destinations: docker = Nomad 0.12 docker driver; podman = "
                "nomad-driver-podman v0.1.0; systemd = rktc's own units (rkt without Nomad). "
                "Verdicts: **same**, **changed** (how), **no equivalent** (safe to drop, why), "
                "**blocker** (no equivalent; what to do instead).\n\n");
    md_summary(b, inputs, count);
    md_versions(b, inputs, count);
    for (size_t i = 0; i < count; i++) {
        const struct audit_input *in = &inputs[i];
        buf_puts(b, "## ");
        md_cell(b, in->path);
        buf_puts(b, "\n\n");
        if (!in->job) {
            buf_puts(b, "Not a job file Nomad reads: ");
            md_cell(b, in->reason ? in->reason : "unreadable");
            if (in->has_reason_span && in->src) {
                buf_puts(b, " (");
                location(b, in, in->reason_span);
                buf_putc(b, ')');
            }
            buf_puts(b, ".\n\n");
            continue;
        }
        buf_puts(b, "### job ");
        md_code(b, in->job->id);
        buf_puts(b, " (");
        location(b, in, in->job->span);
        buf_puts(b, ")\n\n");
        if (!in->job->rkt_task_count)
            buf_puts(b, "No rkt task: nothing to migrate.\n\n");
        for (size_t g = 0; g < in->job->group_count; g++)
            for (size_t k = 0; k < in->job->groups[g].task_count; k++)
                md_task(b, in, &in->job->groups[g], &in->job->groups[g].tasks[k]);
    }
}

/* ---- JSON --------------------------------------------------------------- */

static void js(struct buf *b, const char *text) {
    json_write_string(b, text, strlen(text));
}

static void js_pos(struct buf *b, const struct source *src, struct span span) {
    struct position p = source_position(src, span.start);
    struct position e = source_position(src, span.end);
    buf_printf(b, "\"line\": %u, \"column\": %u, \"end_line\": %u, \"end_column\": %u",
               p.line, p.column, e.line, e.column);
}

static void js_task(struct buf *b, const struct audit_input *in, const struct mig_task *t) {
    buf_puts(b, "{\"name\": ");
    js(b, t->name);
    buf_puts(b, ", \"driver\": ");
    js(b, t->driver);
    buf_puts(b, ", ");
    js_pos(b, in->src, t->span);
    buf_printf(b, ", \"rkt\": %s", t->rkt ? "true" : "false");
    if (t->rkt) {
        buf_puts(b, ", \"verdict\": {");
        for (int d = 0; d < MIG_DEST_COUNT; d++)
            buf_printf(b, "%s\"%s\": \"%s\"", d ? ", " : "", mig_dest_name((enum mig_dest)d),
                       audit_task_verdict(t->verdict[d]));
        buf_puts(b, "}, \"uses\": [");
        for (size_t i = 0; i < t->use_count; i++) {
            const struct mig_use *u = &t->uses[i];
            buf_puts(b, i ? ",\n            {" : "\n            {");
            buf_puts(b, "\"case\": ");
            js(b, u->c->id);
            buf_puts(b, ", \"option\": ");
            js(b, u->option);
            buf_puts(b, ", \"value\": ");
            js(b, u->value);
            buf_printf(b, ", \"written\": %s, ", u->implicit ? "false" : "true");
            js_pos(b, in->src, u->span);
            buf_puts(b, ", \"fate\": {");
            for (int d = 0; d < MIG_DEST_COUNT; d++) {
                buf_printf(b, "%s\"%s\": {\"verdict\": \"%s\", \"how\": ", d ? ", " : "",
                           mig_dest_name((enum mig_dest)d),
                           mig_verdict_name(u->c->fate[d].verdict));
                js(b, u->c->fate[d].how);
                buf_putc(b, '}');
            }
            buf_puts(b, "}}");
        }
        buf_puts(b, "]");
    }
    buf_putc(b, '}');
}

void audit_render_json(struct buf *b, const struct audit_input *inputs, size_t count) {
    buf_puts(b, "{\"version\": 1, \"files\": [");
    for (size_t i = 0; i < count; i++) {
        const struct audit_input *in = &inputs[i];
        buf_puts(b, i ? ",\n  {\"path\": " : "\n  {\"path\": ");
        js(b, in->path);
        if (!in->job) {
            buf_puts(b, ", \"status\": \"not-a-job\", \"reason\": ");
            js(b, in->reason ? in->reason : "unreadable");
            if (in->has_reason_span && in->src) {
                buf_puts(b, ", ");
                js_pos(b, in->src, in->reason_span);
            }
            buf_putc(b, '}');
            continue;
        }
        buf_printf(b, ", \"status\": \"%s\", \"job\": {\"id\": ",
                   in->job->rkt_task_count ? "rkt" : "no-rkt");
        js(b, in->job->id);
        buf_puts(b, ", ");
        js_pos(b, in->src, in->job->span);
        buf_puts(b, ", \"groups\": [");
        for (size_t g = 0; g < in->job->group_count; g++) {
            const struct mig_group *grp = &in->job->groups[g];
            buf_puts(b, g ? ",\n      {\"name\": " : "\n      {\"name\": ");
            js(b, grp->name);
            buf_puts(b, ", ");
            js_pos(b, in->src, grp->span);
            buf_puts(b, ", \"tasks\": [");
            for (size_t k = 0; k < grp->task_count; k++) {
                buf_puts(b, k ? ",\n        " : "\n        ");
                js_task(b, in, &grp->tasks[k]);
            }
            buf_puts(b, "]}");
        }
        buf_puts(b, "]}}");
    }
    /* summary */
    struct tally t;
    size_t ncases;
    const struct mig_case *cases = mig_cases(&ncases);
    tally_inputs(inputs, count, &t);
    buf_printf(b, "\n],\n\"summary\": {\"inputs\": %zu, \"rkt_jobs\": %zu, \"jobs_without_rkt\": "
                  "%zu, \"not_jobs\": %zu, \"rkt_tasks\": %zu, \"tasks_per_destination\": {",
               count, t.jobs, t.no_rkt, t.not_jobs, t.tasks);
    for (int d = 0; d < MIG_DEST_COUNT; d++)
        buf_printf(b, "%s\"%s\": {\"same\": %zu, \"changed\": %zu, \"blocked\": %zu}",
                   d ? ", " : "", mig_dest_name((enum mig_dest)d), t.verdicts[d][0],
                   t.verdicts[d][1], t.verdicts[d][2]);
    buf_puts(b, "},\n  \"options_by_frequency\": [");
    struct subject_count *subjects;
    size_t nsubjects = subjects_by_frequency(inputs, count, &subjects);
    bool first_subject = true;
    for (size_t i = 0; i < nsubjects; i++)
        if (subjects[i].tasks) {
            buf_puts(b, first_subject ? "\n    {\"option\": " : ",\n    {\"option\": ");
            first_subject = false;
            js(b, subjects[i].subject);
            buf_printf(b, ", \"tasks\": %zu}", subjects[i].tasks);
        }
    free(subjects);
    buf_puts(b, "],\n  \"cases_by_frequency\": [");
    size_t *order = by_frequency(&t, ncases);
    bool first = true;
    for (size_t i = 0; order && t.case_tasks && i < ncases; i++) {
        if (!t.case_tasks[order[i]])
            continue;
        buf_puts(b, first ? "\n    {\"case\": " : ",\n    {\"case\": ");
        first = false;
        js(b, cases[order[i]].id);
        buf_printf(b, ", \"tasks\": %zu}", t.case_tasks[order[i]]);
    }
    free(order);
    free(t.case_tasks);
    buf_puts(b, "],\n  \"blockers\": [");
    first = true;
    for (size_t i = 0; i < count; i++) {
        const struct mig_job *job = inputs[i].job;
        for (size_t g = 0; job && g < job->group_count; g++)
            for (size_t k = 0; k < job->groups[g].task_count; k++) {
                const struct mig_task *task = &job->groups[g].tasks[k];
                for (size_t u = 0; u < task->use_count; u++) {
                    const struct mig_use *use = &task->uses[u];
                    bool any = false;
                    for (int d = 0; d < MIG_DEST_COUNT; d++)
                        any |= use->c->fate[d].verdict == MIG_BLOCKER;
                    if (!any)
                        continue;
                    buf_puts(b, first ? "\n    {\"path\": " : ",\n    {\"path\": ");
                    first = false;
                    js(b, inputs[i].path);
                    buf_puts(b, ", ");
                    js_pos(b, inputs[i].src, use->span);
                    buf_puts(b, ", \"job\": ");
                    js(b, job->id);
                    buf_puts(b, ", \"group\": ");
                    js(b, job->groups[g].name);
                    buf_puts(b, ", \"task\": ");
                    js(b, task->name);
                    buf_puts(b, ", \"case\": ");
                    js(b, use->c->id);
                    buf_puts(b, ", \"value\": ");
                    js(b, use->value);
                    buf_puts(b, ", \"destinations\": [");
                    const char *sep = "";
                    for (int d = 0; d < MIG_DEST_COUNT; d++)
                        if (use->c->fate[d].verdict == MIG_BLOCKER) {
                            buf_printf(b, "%s\"%s\"", sep, mig_dest_name((enum mig_dest)d));
                            sep = ", ";
                        }
                    buf_puts(b, "]}");
                }
            }
    }
    buf_puts(b, "]}}\n");
}

/* ---- the conversion matrix -------------------------------------------- */

void audit_render_matrix(struct buf *b) {
    size_t ncases;
    const struct mig_case *cases = mig_cases(&ncases);
    buf_puts(b, "<!-- Generated by `rktc audit --matrix` from src/migrate/mapping.c; "
                "do not edit. -->\n"
                "# Migrating rkt jobs: conversion matrix\n\n"
                "Every rkt driver option, and every Nomad feature that matters when a job "
                "leaves rkt, for three destinations:\n\n");
    for (int d = 0; d < MIG_DEST_COUNT; d++)
        buf_printf(b, "- **%s** — %s\n", mig_dest_name((enum mig_dest)d),
                   mig_dest_title((enum mig_dest)d));
    buf_puts(b, "\nVerdicts: **same** (carried over as written), **changed** (exactly how), "
                "**no equivalent** (dropped; why it is safe), **blocker** (no equivalent; "
                "what to do instead). `rktc audit` reports each use in a job with these "
                "words, and `rktc build --target=nomad-docker|nomad-podman` applies them "
                "(MIG001 blocker, MIG002 changed, MIG003 dropped).\n\n"
                "Sources: the task `config` schemas of Nomad 0.12.12's docker driver and of "
                "nomad-driver-podman v0.1.0; `docs/rkt-driver.md` (the rkt driver's argv "
                "and rkt's own rules); `docs/targets.md` (allocation directory and units).\n\n"
                "Use:\n\n"
                "- `rktc audit FILE|DIR...` lists, per job, group and task, every rkt option "
                "and migration-relevant feature a job uses, with its value, its location and "
                "its fate on each destination, then a summary (tasks per verdict, options by "
                "frequency, blockers with locations); `--format=json` gives the same as JSON.\n"
                "- `rktc build --target=nomad-docker -o DIR FILE...` (or `nomad-podman`) "
                "writes each job with its rkt tasks rewritten and everything else as Nomad "
                "read it, in syntax that Nomad 0.12 (HCL1) and 1.x (HCL2) read alike (API "
                "JSON and HCL-JSON inputs become `NAME.hcl`); each change that is not "
                "one-to-one is a MIG finding and a comment at the place. The rkt tasks' ports "
                "move to a group `network` (with `to` = the container port) and the driver's "
                "`ports`, and their services to the group; where they cannot, MIG012. "
                "`docs/migration-hcl2.md` describes the syntax and the group network. The "
                "exit status is 1 while blockers remain.\n"
                "- `rktc build --target=systemd|sh` keeps rkt and runs it without Nomad.\n\n");
    buf_puts(b, "## Overview\n\n| Option or feature | Case | docker | podman | systemd |\n"
                "|---|---|---|---|---|\n");
    for (size_t i = 0; i < ncases; i++) {
        buf_puts(b, "| ");
        md_cell(b, cases[i].subject);
        buf_puts(b, " | ");
        md_cell(b, cases[i].when);
        for (int d = 0; d < MIG_DEST_COUNT; d++)
            buf_printf(b, " | %s", mig_verdict_name(cases[i].fate[d].verdict));
        buf_puts(b, " |\n");
    }
    buf_putc(b, '\n');
    const char *subject = NULL;
    for (size_t i = 0; i < ncases; i++) {
        const struct mig_case *c = &cases[i];
        if (!subject || strcmp(subject, c->subject) != 0) {
            subject = c->subject;
            buf_printf(b, "## %s\n\n", c->subject);
        }
        buf_printf(b, "### %s — case `%s`\n\n", c->when, c->id);
        buf_puts(b, "| Destination | Verdict | How / why |\n|---|---|---|\n");
        for (int d = 0; d < MIG_DEST_COUNT; d++) {
            buf_printf(b, "| %s | **%s** | ", mig_dest_name((enum mig_dest)d),
                       mig_verdict_name(c->fate[d].verdict));
            md_cell(b, c->fate[d].how);
            buf_puts(b, " |\n");
        }
        buf_putc(b, '\n');
    }
}
