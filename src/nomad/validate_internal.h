/* validate_internal.h — shared helpers of the validator (validate_*.c).
 *
 * Contract: a validate_ctx carries the arena, source, diagnostics and the
 * job's canonical type. Effective values ("eff_*") pair a value with the span
 * that explains it: the key that set it, or the block that lacks it. */
#ifndef RKTC_NOMAD_VALIDATE_INTERNAL_H
#define RKTC_NOMAD_VALIDATE_INTERNAL_H

#include "diag/diag.h"
#include "nomad/job.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct validate_ctx {
    struct arena *arena;
    const struct source *src;
    struct diag_list *diags;
    const struct nomad_job *job;
    const char *type; /* canonical job type */
    bool system, batch, service;
};

struct eff_int { int64_t value; struct span span; bool given; };
struct eff_dur { int64_t ns; struct span span; bool given; };
struct eff_str { const char *text; struct span span; bool given; };
struct eff_bool { bool value; struct span span; bool given; };

static inline struct eff_int eff_int(const struct nomad_int *n, int64_t def, struct span fallback) {
    struct eff_int e = {n->set ? n->value : def, n->set ? n->span : fallback, n->set};
    return e;
}
static inline struct eff_dur eff_dur(const struct nomad_duration *d, int64_t def,
                                     struct span fallback) {
    struct eff_dur e = {d->set ? d->ns : def, d->set ? d->span : fallback, d->set};
    return e;
}
static inline struct eff_str eff_str(const struct nomad_string *s, const char *def,
                                     struct span fallback) {
    struct eff_str e = {s->set ? s->text : def, s->set ? s->span : fallback, s->set};
    return e;
}
static inline struct eff_bool eff_bool(const struct nomad_bool *b, bool def,
                                       struct span fallback) {
    struct eff_bool e = {b->set ? b->value : def, b->set ? b->span : fallback, b->set};
    return e;
}
/* The first given of a (group) and b (job), else the default. */
static inline struct eff_int eff_int2(const struct nomad_int *a, const struct nomad_int *b,
                                      int64_t def, struct span fallback) {
    struct eff_int none = {def, fallback, false};
    return a && a->set ? eff_int(a, def, fallback) : b ? eff_int(b, def, fallback) : none;
}
static inline struct eff_dur eff_dur2(const struct nomad_duration *a,
                                      const struct nomad_duration *b, int64_t def,
                                      struct span fallback) {
    struct eff_dur none = {def, fallback, false};
    return a && a->set ? eff_dur(a, def, fallback) : b ? eff_dur(b, def, fallback) : none;
}
static inline struct eff_str eff_str2(const struct nomad_string *a, const struct nomad_string *b,
                                      const char *def, struct span fallback) {
    struct eff_str none = {def, fallback, false};
    return a && a->set ? eff_str(a, def, fallback) : b ? eff_str(b, def, fallback) : none;
}
static inline struct eff_bool eff_bool2(const struct nomad_bool *a, const struct nomad_bool *b,
                                        bool def, struct span fallback) {
    struct eff_bool none = {def, fallback, false};
    return a && a->set ? eff_bool(a, def, fallback) : b ? eff_bool(b, def, fallback) : none;
}

/* A located finding of rule at span (printf format); returns the record. */
#define verr(v, rule, span, ...) diag_add((v)->diags, (rule), (v)->src, (span), __VA_ARGS__)
/* Go's time.Duration.String() (arena). */
const char *go_duration(struct validate_ctx *v, int64_t ns);
bool text_is(const struct nomad_string *s, const char *text);

void validate_constraints(struct validate_ctx *v, const struct nomad_list *l, bool task_level);
void validate_affinities(struct validate_ctx *v, const struct nomad_list *l,
                         struct span owner);
void validate_spreads(struct validate_ctx *v, const struct nomad_list *l, struct span owner);
void validate_group(struct validate_ctx *v, const struct nomad_group *g, size_t index);
void validate_task(struct validate_ctx *v, const struct nomad_group *g,
                   const struct nomad_task *t, int64_t disk_mb, struct span disk_span);
void validate_task_services(struct validate_ctx *v, const struct nomad_group *g,
                            const struct nomad_task *t);
void validate_group_services(struct validate_ctx *v, const struct nomad_group *g);
void validate_vault(struct validate_ctx *v, const struct nomad_vault *vault);
/* A group or job vault block, validated once when some task inherits it. */
void validate_inherited_vault(struct validate_ctx *v, const struct nomad_vault *vault);
/* Path.Join("/alloc-dir/alloc-id", prefix, path) escapes the directory. */
bool path_escapes_alloc_dir(const char *prefix, const char *path);

/* NMD060: strings with NUL bytes bound for argv, env or a unit file
 * (validate_nul.c). */
void validate_nul_bytes(struct validate_ctx *v, const struct nomad_job *job);

#endif
