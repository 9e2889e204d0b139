/* build_rewrite.c — the migration targets of `rktc build` (see build_rewrite.h). */
#include "cli/build_rewrite.h"

#include "cli/build_write.h"
#include "cli/cli.h"
#include "cli/inputs.h"
#include "cli/findings.h"
#include "migrate/hcl2_print.h"
#include "migrate/inventory.h"
#include "migrate/job_input.h"
#include "migrate/rewrite.h"
#include "targets/nomad_rewrite.h"
#include "util/arena.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool stops(const struct diag_list *diags, bool strict) {
    for (size_t i = 0; strict && i < diags->count; i++)
        if (diags->items[i].rule->family == FAMILY_MIG &&
            diags->items[i].severity <= SEVERITY_WARNING)
            return true;
    return false;
}

static bool has_blocker(const struct diag_list *diags) {
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].rule->code == RULE_MIG001 &&
            diags->items[i].severity == SEVERITY_ERROR)
            return true;
    return false;
}

/* the output name of an input: its path below the directory argument that
 * walked it (a named file: its base name); JSON inputs become HCL files */
static const char *output_name(struct arena *arena, const char *path, char **files,
                               size_t file_count, bool hcl_out) {
    const char *name = base_name(path);
    for (size_t i = 0; i < file_count; i++) {
        size_t n = strlen(files[i]);
        while (n > 1 && files[i][n - 1] == '/')
            n--;
        if (strncmp(path, files[i], n) == 0 && path[n] == '/' && strcmp(path, files[i]) != 0) {
            name = path + n + 1;
            break;
        }
    }
    size_t len = strlen(name);
    if (hcl_out && len > 5 && strcmp(name + len - 5, ".json") == 0) {
        const char *stem = arena_strndup(arena, name, len - 5);
        size_t sl = len - 5;
        return sl > 4 && strcmp(stem + sl - 4, ".hcl") == 0 ? stem
                                                             : arena_printf(arena, "%s.hcl", stem);
    }
    return arena_strdup(arena, name);
}

/* outputs grouped by the directory they go to (below -o) */
struct out_dir {
    char *rel; /* "" for -o itself */
    struct target_output out;
};

static struct target_output *out_for(struct out_dir **dirs, size_t *count, const char *name,
                                     const char **file) {
    const char *slash = strrchr(name, '/');
    size_t rl = slash ? (size_t)(slash - name) : 0;
    *file = slash ? slash + 1 : name;
    for (size_t i = 0; i < *count; i++)
        if (strlen((*dirs)[i].rel) == rl && strncmp((*dirs)[i].rel, name, rl) == 0)
            return &(*dirs)[i].out;
    *dirs = xreallocarray(*dirs, *count + 1, sizeof **dirs);
    struct out_dir *d = &(*dirs)[(*count)++];
    d->rel = xstrndup(name, rl);
    target_output_init(&d->out);
    return &d->out;
}

/* one input of a rewrite: read through the front end (job_input) */
struct rewrite_input {
    struct source *src;
    struct arena *arena;
    struct diag_list diags;
    struct job_input in;
};

/* false when the file cannot be read (the reason is printed) */
static bool rewrite_open(const char *path, struct rewrite_input *r) {
    memset(r, 0, sizeof *r);
    r->src = cli_source_load(path, NULL);
    if (!r->src)
        return false;
    r->arena = arena_new();
    diag_list_init(&r->diags);
    job_input_read(r->arena, r->src, &r->in, &r->diags);
    return true;
}

static void rewrite_close(struct rewrite_input *r) {
    diag_list_free(&r->diags);
    arena_free(r->arena);
    source_free(r->src);
}

/* true (and said) when out already holds a file of this name */
static bool name_taken(const struct target_output *out, const char *file, const char *shown) {
    for (size_t i = 0; i < out->count; i++)
        if (strcmp(out->files[i].name, file) == 0) {
            fprintf(stderr, "rktc: two inputs are written as %s; build them separately\n",
                    shown);
            return true;
        }
    return false;
}

/* `build --target=nomad-hcl2`: every job file rewritten for HCL1 and HCL2 */
static int hcl2_run(const struct build_request *request) {
    const char *dir = request->dir;
    bool strict = request->strict, force = request->force, dry_run = request->dry_run;
    char **files = request->files;
    size_t file_count = request->file_count;
    if (request->rkt_options)
        return cli_usage_error("build", "--node, --alloc-id and --port are for the sh and "
                               "systemd targets, not --target=nomad-hcl2");
    if (file_count == 0 || !*dir)
        return cli_usage_error("build", file_count ? "-o needs a directory" : "no input file");
    struct inputs inputs = {0};
    inputs_collect(&inputs, files, file_count);
    struct out_dir *dirs = NULL;
    size_t dir_count = 0;
    struct target_output *top = out_for(&dirs, &dir_count, "", &(const char *){NULL});
    (void)top;
    bool unreadable = false, refused = false, stop = false, findings = false;
    for (size_t f = 0; f < inputs.count; f++) {
        struct rewrite_input r;
        if (!rewrite_open(inputs.paths[f], &r)) {
            unreadable = true;
            continue;
        }
        struct job_input *in = &r.in;
        if (in->not_hcl) {
            unreadable = true;
        } else if (!in->job) {
            refused = true;
        } else {
            const char *name = output_name(r.arena, inputs.paths[f], files, file_count, true);
            const char *file = NULL;
            struct target_output *out = out_for(&dirs, &dir_count, name, &file);
            if (name_taken(out, file, name))
                refused = true;
            struct buf text;
            buf_init(&text);
            struct diag_list found;
            diag_list_init(&found);
            if (in->hcl)
                mig_hcl2_print(r.arena, in->hcl, &text, &found);
            else
                mig_hcl2_print_api(r.arena, in, &text, &found);
            struct buf *b = target_output_add(out, file, false);
            buf_add(b, text.data ? text.data : "", text.len);
            buf_free(&text);
            for (size_t i = 0; i < found.count; i++)
                if (found.items[i].rule->family == FAMILY_MIG &&
                    found.items[i].severity <= SEVERITY_WARNING)
                    findings = true;
            cli_print_findings(stderr, &found);
            diag_list_free(&found);
        }
        if (stops(&r.diags, strict))
            stop = true;
        if (in->not_hcl || !in->job)
            cli_print_findings(stderr, &r.diags);
        rewrite_close(&r);
    }
    if (strict && findings)
        stop = true;
    int status = 0;
    for (size_t i = 0; i < dir_count; i++) {
        if (i > 0 && dirs[i].out.count == 0)
            continue;
        char *path = NULL;
        if (dirs[i].rel[0]) {
            size_t len = strlen(dir) + strlen(dirs[i].rel) + 2;
            path = xmalloc(len);
            snprintf(path, len, "%s/%s", dir, dirs[i].rel);
        }
        int s = build_finish(path ? path : dir, &dirs[i].out, force, dry_run, unreadable,
                             refused || stop, findings);
        if (s > status)
            status = s;
        free(path);
        target_output_free(&dirs[i].out);
        free(dirs[i].rel);
    }
    free(dirs);
    inputs_free(&inputs);
    return status;
}

/* the text of in with its edits for dest applied; the edits' findings
 * (located in in's text) go to diags */
static bool apply_edits(struct arena *arena, const struct job_input *in, enum mig_dest dest,
                        struct buf *out, struct diag_list *diags) {
    struct mig_job *inv = mig_inventory(arena, in);
    struct mig_edits edits = {0};
    struct buf notes;
    buf_init(&notes);
    bool ok = mig_rewrite_edits(arena, in, inv, dest, &edits, &notes, diags);
    buf_free(&notes);
    if (ok)
        nomad_rewrite_apply(in->src->text, in->src->len, &edits, out);
    return ok;
}

/* text read as a job again (for the next step); NULL when it is not one */
static struct source *reread(struct arena *arena, const char *path, const struct buf *text,
                             struct job_input *in) {
    struct source *src = source_from_memory(path, text->data ? text->data : "", text->len);
    struct diag_list quiet;
    diag_list_init(&quiet);
    job_input_read(arena, src, in, &quiet);
    diag_list_free(&quiet);
    if (!in->job || !in->hcl) {
        source_free(src);
        return NULL;
    }
    return src;
}

/* `build --target=nomad-docker|nomad-podman` of one job: the edits of the
 * migration stage applied, then written in the syntax HCL1 and HCL2 read
 * alike. JSON inputs (no comments to keep the notes in, no place for a group
 * network) are written as HCL first and edited there; their findings are
 * those of the input. */
static bool driver_rewrite(struct arena *arena, const struct job_input *in, enum mig_dest dest,
                           struct buf *out, struct diag_list *diags) {
    struct buf edited;
    buf_init(&edited);
    bool ok;
    struct diag_list quiet;
    diag_list_init(&quiet);
    if (in->hcl && !in->hcl->is_json) {
        struct buf ignored;
        buf_init(&ignored);
        mig_hcl2_print(arena, in->hcl, &ignored, diags); /* its findings */
        buf_free(&ignored);
        ok = apply_edits(arena, in, dest, &edited, diags);
    } else {
        struct buf canon, ignored;
        buf_init(&canon);
        buf_init(&ignored);
        ok = apply_edits(arena, in, dest, &ignored, diags); /* the findings */
        buf_free(&ignored);
        if (in->api)
            mig_hcl2_print_api(arena, in, &canon, diags);
        else
            mig_hcl2_print(arena, in->hcl, &canon, diags);
        struct job_input hin;
        struct source *hsrc = ok ? reread(arena, in->src->path, &canon, &hin) : NULL;
        buf_free(&canon);
        ok = hsrc && apply_edits(arena, &hin, dest, &edited, &quiet);
        if (hsrc)
            source_free(hsrc);
    }
    if (ok) {
        struct job_input fin;
        struct source *fsrc = reread(arena, in->src->path, &edited, &fin);
        if (fsrc) {
            mig_hcl2_print(arena, fin.hcl, out, &quiet);
            source_free(fsrc);
        } else {
            diag_add(diags, RULE_MIG001, in->src, span_make(0, 0),
                     "the rewritten job does not read back as a job; it is not written");
            ok = false;
        }
    }
    diag_list_free(&quiet);
    buf_free(&edited);
    return ok;
}

int build_rewrite_run(const struct build_request *request) {
    const char *target = request->target;
    enum mig_dest dest;
    if (target && strcmp(target, "nomad-hcl2") == 0)
        return hcl2_run(request);
    if (target && strcmp(target, "nomad-docker") == 0)
        dest = MIG_DOCKER;
    else if (target && strcmp(target, "nomad-podman") == 0)
        dest = MIG_PODMAN;
    else
        return -1;
    const char *dir = request->dir;
    bool strict = request->strict, force = request->force, dry_run = request->dry_run;
    char **files = request->files;
    size_t file_count = request->file_count;
    if (request->rkt_options)
        return cli_usage_error("build", "--node, --alloc-id and --port are for the sh and "
                               "systemd targets, not --target=%s", target);
    if (file_count == 0 || !*dir)
        return cli_usage_error("build", file_count ? "-o needs a directory" : "no input file");
    struct inputs inputs = {0};
    inputs_collect(&inputs, files, file_count); /* directories are walked */
    struct target_output out;
    target_output_init(&out);
    bool unreadable = false, refused = false, stop = false, blockers = false;
    for (size_t f = 0; f < inputs.count; f++) {
        struct rewrite_input r;
        if (!rewrite_open(inputs.paths[f], &r)) {
            unreadable = true;
            continue;
        }
        if (r.in.not_hcl) {
            unreadable = true;
        } else if (!r.in.job) {
            refused = true;
        } else {
            const char *name = output_name(r.arena, inputs.paths[f], files, file_count, true);
            name = base_name(name);
            if (name_taken(&out, name, name))
                refused = true;
            struct buf text;
            buf_init(&text);
            if (!driver_rewrite(r.arena, &r.in, dest, &text, &r.diags))
                refused = true;
            else {
                struct buf *b = target_output_add(&out, name, false);
                buf_add(b, text.data ? text.data : "", text.len);
            }
            buf_free(&text);
        }
        if (stops(&r.diags, strict))
            stop = true;
        if (has_blocker(&r.diags))
            blockers = true;
        cli_print_findings(stderr, &r.diags);
        rewrite_close(&r);
    }
    int status = build_finish(dir, &out, force, dry_run, unreadable, refused || stop, blockers);
    target_output_free(&out);
    inputs_free(&inputs);
    return status;
}
