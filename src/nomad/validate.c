/* validate.c — Nomad 0.12.12's job-level validation and the helpers
 * shared by the validator: constraints, affinities, spreads. */
#include "nomad/validate.h"
#include "nomad/validate_internal.h"
#include "nomad/name_set.h"

#include "util/arena.h"
#include "util/go_regexp.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool text_is(const struct nomad_string *s, const char *text) {
    return s->set && strcmp(s->text, text) == 0;
}

/* fmtFrac / fmtInt of Go's time package, writing backwards into buf. */
static size_t fmt_frac(char *buf, size_t w, uint64_t *v, int prec) {
    bool print = false;
    for (int i = 0; i < prec; i++) {
        unsigned digit = (unsigned)(*v % 10);
        print = print || digit != 0;
        if (print)
            buf[--w] = (char)('0' + digit);
        *v /= 10;
    }
    if (print)
        buf[--w] = '.';
    return w;
}

static size_t fmt_int(char *buf, size_t w, uint64_t v) {
    if (v == 0)
        buf[--w] = '0';
    while (v > 0) {
        buf[--w] = (char)('0' + v % 10);
        v /= 10;
    }
    return w;
}

const char *go_duration(struct validate_ctx *v, int64_t ns) {
    char buf[40];
    size_t w = sizeof buf;
    buf[--w] = '\0';
    bool neg = ns < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)ns : (uint64_t)ns;
    if (u < 1000000000ULL) {
        int prec;
        if (u == 0)
            return "0s";
        buf[--w] = 's';
        if (u < 1000ULL) {
            prec = 0;
            buf[--w] = 'n';
        } else if (u < 1000000ULL) {
            prec = 3;
            buf[--w] = '\xb5';
            buf[--w] = '\xc2';
        } else {
            prec = 6;
            buf[--w] = 'm';
        }
        w = fmt_frac(buf, w, &u, prec);
        w = fmt_int(buf, w, u);
    } else {
        buf[--w] = 's';
        w = fmt_frac(buf, w, &u, 9);
        w = fmt_int(buf, w, u % 60);
        u /= 60;
        if (u > 0) {
            buf[--w] = 'm';
            w = fmt_int(buf, w, u % 60);
            u /= 60;
            if (u > 0) {
                buf[--w] = 'h';
                w = fmt_int(buf, w, u);
            }
        }
    }
    if (neg)
        buf[--w] = '-';
    return arena_strdup(v->arena, buf + w);
}

/* hashicorp/go-version constraints: "op version" terms separated by commas. */
static bool version_constraint_ok(const char *text, bool strict_semver) {
    const char *p = text;
    if (strict_semver) {
        /* Masterminds/semver: ranges, ||, x wildcards; refuse only what is
         * no version text at all */
        bool digit = false;
        for (const char *q = text; *q; q++) {
            if (isdigit((unsigned char)*q) || *q == 'x' || *q == 'X' || *q == '*')
                digit = true;
            else if (!isalnum((unsigned char)*q) && !strchr(" .^~<>=!|,+-v", *q))
                return false;
        }
        return digit;
    }
    for (;;) {
        while (*p == ' ')
            p++;
        static const char *const ops[] = {">=", "<=", "!=", "~>", "=", ">", "<", "^", "~"};
        for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
            if (strncmp(p, ops[i], strlen(ops[i])) == 0) {
                if (!strict_semver && (ops[i][0] == '^' || (ops[i][0] == '~' && !ops[i][1])))
                    return false;
                p += strlen(ops[i]);
                break;
            }
        while (*p == ' ')
            p++;
        if (*p == 'v')
            p++;
        if (!isdigit((unsigned char)*p))
            return false;
        while (isdigit((unsigned char)*p) || *p == '.' ||
               (strict_semver && (*p == 'x' || *p == 'X' || *p == '*')))
            p++;
        if (*p == '-' || *p == '+') {
            p++;
            while (isalnum((unsigned char)*p) || *p == '.' || *p == '-' || *p == '+')
                p++;
        }
        while (*p == ' ')
            p++;
        if (*p == '\0')
            return true;
        if (*p != ',')
            return false;
        p++;
    }
}

/* Go's regexp.Compile, as Nomad's validation applies it: NULL when the
 * pattern compiles, else RE2's message (arena). */
static const char *regexp_error(struct validate_ctx *v, const struct nomad_string *pattern) {
    const char *text = pattern->set ? pattern->text : "";
    char *error = go_regexp_error(text, pattern->set ? pattern->len : 0);
    if (!error)
        return NULL;
    const char *copy = arena_strdup(v->arena, error);
    free(error);
    return copy;
}

static bool is_comparison(const char *op) {
    static const char *const ops[] = {"=", "==", "is", "!=", "not", "<", "<=", ">", ">="};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(op, ops[i]) == 0)
            return true;
    return false;
}

static struct span operand_span(const struct nomad_string *operand, struct span block) {
    return operand->set && operand->span.end > operand->span.start ? operand->span : block;
}

void validate_constraints(struct validate_ctx *v, const struct nomad_list *l, bool task_level) {
    for (size_t i = 0; i < l->count; i++) {
        const struct nomad_constraint *c = l->items[i];
        const char *op = c->operand.set ? c->operand.text : "";
        const char *rt = c->rtarget.set ? c->rtarget.text : "";
        struct span at = operand_span(&c->operand, c->span);
        bool need_ltarget = true;
        if (op[0] == '\0') {
            verr(v, RULE_NMD025, c->span, "constraint %zu has no operator (Operand)", i + 1);
        } else if (strcmp(op, "distinct_hosts") == 0) {
            need_ltarget = false;
        } else if (!strcmp(op, "set_contains") || !strcmp(op, "set_contains_all") ||
                   !strcmp(op, "set_contains_any")) {
            if (!rt[0])
                verr(v, RULE_NMD025, at, "a `%s` constraint needs a value (RTarget)", op);
        } else if (strcmp(op, "regexp") == 0) {
            const char *why = regexp_error(v, &c->rtarget);
            if (why)
                verr(v, RULE_NMD025, c->rtarget.set ? c->rtarget.span : at,
                     "the regular expression \"%s\" of this constraint does not compile: %s",
                     rt, why);
        } else if (strcmp(op, "version") == 0 || strcmp(op, "semver") == 0) {
            if (!version_constraint_ok(rt, strcmp(op, "semver") == 0))
                verr(v, RULE_NMD025, c->rtarget.set ? c->rtarget.span : at,
                     "\"%s\" is not a valid %s constraint (e.g. \">= 1.2, < 2.0\")", rt, op);
        } else if (strcmp(op, "distinct_property") == 0) {
            if (rt[0]) {
                char *end;
                unsigned long long n = strtoull(rt, &end, 10);
                if (*end || rt[0] == '-' || rt[0] == '+')
                    verr(v, RULE_NMD025, c->rtarget.span,
                         "the allowed count \"%s\" of distinct_property must be a whole "
                         "number", rt);
                else if (n < 1)
                    verr(v, RULE_NMD025, c->rtarget.span,
                         "distinct_property must allow a count of 1 or more, not %s", rt);
            }
        } else if (strcmp(op, "is_set") == 0 || strcmp(op, "is_not_set") == 0) {
            if (rt[0])
                verr(v, RULE_NMD025, c->rtarget.span, "operator \"%s\" takes no value", op);
        } else if (is_comparison(op)) {
            if (!rt[0])
                verr(v, RULE_NMD025, at, "operator \"%s\" needs a value to compare with", op);
        } else {
            struct diag *d = verr(v, RULE_NMD025, at,
                                  "unknown constraint operator \"%s\" (allowed: =, !=, >, >=, "
                                  "<, <=, regexp, version, semver, set_contains, "
                                  "set_contains_all, set_contains_any, is_set, is_not_set, "
                                  "distinct_hosts, distinct_property)", op);
            (void)d;
        }
        if (need_ltarget && op[0] && !(c->ltarget.set && c->ltarget.len))
            verr(v, RULE_NMD025, c->span, "this constraint needs an attribute (LTarget)");
        if (task_level &&
            (strcmp(op, "distinct_hosts") == 0 || strcmp(op, "distinct_property") == 0))
            verr(v, RULE_NMD025, at,
                 "%s is not allowed in a task's constraints; put it on the group or job", op);
    }
}

void validate_affinities(struct validate_ctx *v, const struct nomad_list *l,
                         struct span owner) {
    (void)owner;
    for (size_t i = 0; i < l->count; i++) {
        const struct nomad_affinity *a = l->items[i];
        if (v->system) {
            verr(v, RULE_NMD028, a->span, "system jobs may not have an affinity stanza");
            continue;
        }
        const char *op = a->operand.set ? a->operand.text : "";
        const char *rt = a->rtarget.set ? a->rtarget.text : "";
        struct span at = operand_span(&a->operand, a->span);
        if (op[0] == '\0')
            verr(v, RULE_NMD026, a->span, "affinity %zu has no operator", i + 1);
        else if (!strcmp(op, "set_contains") || !strcmp(op, "set_contains_all") ||
                 !strcmp(op, "set_contains_any")) {
            if (!rt[0])
                verr(v, RULE_NMD026, at, "a `%s` affinity needs a value", op);
        } else if (strcmp(op, "regexp") == 0) {
            const char *why = regexp_error(v, &a->rtarget);
            if (why)
                verr(v, RULE_NMD026, a->rtarget.set ? a->rtarget.span : at,
                     "the regular expression \"%s\" does not compile: %s", rt, why);
        } else if (strcmp(op, "version") == 0 || strcmp(op, "semver") == 0) {
            if (!version_constraint_ok(rt, strcmp(op, "semver") == 0))
                verr(v, RULE_NMD026, at, "\"%s\" is not a valid %s constraint", rt, op);
        } else if (is_comparison(op)) {
            if (!rt[0])
                verr(v, RULE_NMD026, at, "operator \"%s\" needs a value to compare with", op);
        } else {
            verr(v, RULE_NMD026, at,
                 "unknown affinity operator \"%s\" (allowed: =, !=, >, >=, <, <=, regexp, "
                 "version, semver, set_contains, set_contains_all, set_contains_any)", op);
        }
        if (!(a->ltarget.set && a->ltarget.len))
            verr(v, RULE_NMD026, a->span, "this affinity needs an attribute (LTarget)");
        int64_t w = a->weight.set ? a->weight.value : 50;
        struct span ws = a->weight.set ? a->weight.span : a->span;
        if (w > 100 || w < -100)
            verr(v, RULE_NMD026, ws, "affinity weight %lld is outside -100..100", (long long)w);
        else if (w == 0)
            verr(v, RULE_NMD026, ws, "affinity weight cannot be zero");
    }
}

void validate_spreads(struct validate_ctx *v, const struct nomad_list *l, struct span owner) {
    (void)owner;
    for (size_t i = 0; i < l->count; i++) {
        const struct nomad_spread *s = l->items[i];
        if (v->system) {
            verr(v, RULE_NMD028, s->span, "system jobs may not have a spread stanza");
            continue;
        }
        if (!(s->attribute.set && s->attribute.len))
            verr(v, RULE_NMD027, s->span, "this spread needs an attribute");
        int64_t w = s->weight.set ? s->weight.value : 50;
        if (w <= 0 || w > 100)
            verr(v, RULE_NMD027, s->weight.set ? s->weight.span : s->span,
                 "spread weight must be from 1 to 100, not %lld", (long long)w);
        int64_t sum = 0;
        for (size_t t = 0; t < s->targets.count; t++) {
            const struct nomad_spread_target *tg = s->targets.items[t];
            for (size_t p = 0; p < t; p++) {
                const struct nomad_spread_target *prev = s->targets.items[p];
                if (strcmp(prev->value.text, tg->value.text) == 0) {
                    verr(v, RULE_NMD027, tg->value.span,
                         "spread target value \"%s\" is already defined", tg->value.text);
                    break;
                }
            }
            sum += tg->percent.set ? tg->percent.value : 0;
        }
        if (sum > 100)
            verr(v, RULE_NMD027, s->span,
                 "the spread target percentages add up to %lld%%, more than 100%%",
                 (long long)sum);
    }
}

void validate_inherited_vault(struct validate_ctx *v, const struct nomad_vault *vault) {
    for (size_t i = 0; i < v->job->groups.count; i++) {
        const struct nomad_group *g = v->job->groups.items[i];
        for (size_t t = 0; t < g->tasks.count; t++)
            if (((const struct nomad_task *)g->tasks.items[t])->vault == vault) {
                validate_vault(v, vault);
                return;
            }
    }
}

static int cron_fields(const char *spec) {
    int n = 0;
    bool in = false;
    for (const char *p = spec; *p; p++) {
        bool space = *p == ' ' || *p == '\t';
        if (!space && !in)
            n++;
        in = !space;
    }
    return n;
}

/* A conservative check of one cron field (gorhill/cronexpr syntax): only
 * its characters, and the range of plain numbers. */
static bool cron_field_ok(const char *f, size_t len, int lo, int hi) {
    for (size_t i = 0; i < len; i++) {
        char ch = f[i];
        if (!(isalnum((unsigned char)ch) || ch == '*' || ch == '?' || ch == '/' ||
              ch == ',' || ch == '-' || ch == '#'))
            return false;
    }
    for (size_t i = 0; i < len;) {
        if (isdigit((unsigned char)f[i]) && (i == 0 || !isalnum((unsigned char)f[i - 1]))) {
            long n = 0;
            size_t j = i;
            while (j < len && isdigit((unsigned char)f[j]) && n < 100000)
                n = n * 10 + (f[j++] - '0');
            bool step = i > 0 && f[i - 1] == '/';
            bool suffix = j < len && isalpha((unsigned char)f[j]); /* 5L, 15W */
            bool nth = i > 0 && f[i - 1] == '#';
            if (!step && !suffix && !nth && (n < lo || n > hi))
                return false;
            i = j;
        } else {
            i++;
        }
    }
    return len > 0;
}

static bool time_zone_known(const char *tz) {
    if (tz[0] == '\0' || strcmp(tz, "UTC") == 0 || strcmp(tz, "Local") == 0)
        return true;
    if (tz[0] == '/' || strstr(tz, ".."))
        return false;
    char path[512];
    snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", tz);
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void validate_periodic(struct validate_ctx *v, const struct nomad_periodic *p) {
    if (p->enabled.set && !p->enabled.value)
        return;
    if (!v->batch)
        verr(v, RULE_NMD029, p->span,
             "periodic jobs must be batch jobs (type = \"batch\"), not %s jobs", v->type);
    if (p->spec_type.set && !text_is(&p->spec_type, "cron"))
        verr(v, RULE_NMD029, p->spec_type.span, "unknown periodic specification type \"%s\"",
             p->spec_type.text);
    const char *spec = p->spec.set ? p->spec.text : "";
    if (!spec[0]) {
        verr(v, RULE_NMD029, p->span, "periodic needs a `cron` specification");
    } else if (strncmp(spec, "@", 1) != 0) {
        int n = cron_fields(spec);
        if (n < 5)
            verr(v, RULE_NMD029, p->spec.span,
                 "cron specification \"%s\" has %d fields; it needs 5 to 7 (minute hour "
                 "day-of-month month day-of-week [year])", spec, n);
        else if (n > 7)
            verr(v, RULE_NMD029, p->spec.span,
                 "cron specification \"%s\" has %d fields; at most 7 are allowed", spec, n);
        else {
            /* 5 fields: minute hour dom month dow; 6: + year; 7: second first */
            static const char *const names7[] = {"second", "minute", "hour", "day-of-month",
                                                 "month", "day-of-week", "year"};
            static const int lo7[] = {0, 0, 0, 1, 1, 0, 1970};
            static const int hi7[] = {59, 59, 23, 31, 12, 7, 2099};
            int first = n == 7 ? 0 : 1;
            const char *q = spec;
            for (int k = 0; k < n; k++) {
                while (*q == ' ' || *q == '\t')
                    q++;
                const char *e = q;
                while (*e && *e != ' ' && *e != '\t')
                    e++;
                int idx = first + k;
                if (!cron_field_ok(q, (size_t)(e - q), lo7[idx], hi7[idx])) {
                    verr(v, RULE_NMD029, p->spec.span,
                         "the %s field \"%.*s\" of cron specification \"%s\" is not valid "
                         "(allowed %d-%d, *, lists, ranges and steps)", names7[idx],
                         (int)(e - q), q, spec, lo7[idx], hi7[idx]);
                    break;
                }
                q = e;
            }
        }
    }
    if (p->time_zone.set && !time_zone_known(p->time_zone.text))
        verr(v, RULE_NMD029, p->time_zone.span, "unknown time zone \"%s\"", p->time_zone.text);
}

static void validate_parameterized(struct validate_ctx *v, const struct nomad_parameterized *p) {
    if (!v->batch)
        verr(v, RULE_NMD030, p->span,
             "parameterized jobs must be batch jobs (type = \"batch\"), not %s jobs", v->type);
    if (p->payload.set && p->payload.len && !text_is(&p->payload, "optional") &&
        !text_is(&p->payload, "required") && !text_is(&p->payload, "forbidden"))
        verr(v, RULE_NMD030, p->payload.span,
             "unknown payload requirement \"%s\" (allowed: optional, required, forbidden)",
             p->payload.text);
    for (size_t i = 0; i < p->meta_required.count; i++)
        for (size_t j = 0; j < p->meta_optional.count; j++)
            if (strcmp(p->meta_required.items[i].text, p->meta_optional.items[j].text) == 0)
                verr(v, RULE_NMD030, p->meta_optional.items[j].span,
                     "meta key \"%s\" is both required and optional",
                     p->meta_optional.items[j].text);
}

static void validate_update_warnings(struct validate_ctx *v) {
    size_t with = 0, without = 0;
    struct span where = v->job->span;
    for (size_t i = 0; i < v->job->groups.count; i++) {
        const struct nomad_group *g = v->job->groups.items[i];
        const struct nomad_update *ju = v->job->update, *gu = g->update;
        struct eff_int canary = eff_int2(gu ? &gu->canary : NULL, ju ? &ju->canary : NULL, 0,
                                         g->span);
        if (canary.value <= 0)
            continue;
        struct eff_bool ap = eff_bool2(gu ? &gu->auto_promote : NULL,
                                       ju ? &ju->auto_promote : NULL, false, g->span);
        if (ap.value) {
            with++;
            where = ap.span;
        } else {
            without++;
        }
    }
    if (with > 0 && without > 0)
        verr(v, RULE_NMD051, where,
             "auto_promote must be true for all groups with canaries to enable automatic "
             "promotion");
}

void nomad_validate(struct arena *arena, const struct source *src,
                    const struct nomad_job *job, struct diag_list *diags) {
    struct validate_ctx ctx = {arena, src, diags, job, "service", false, false, false};
    struct validate_ctx *v = &ctx;
    struct span head = job->id.set ? job->id.span : job->span;
    if (job->type.set)
        v->type = job->type.text;
    v->system = strcmp(v->type, "system") == 0;
    v->batch = strcmp(v->type, "batch") == 0;
    v->service = strcmp(v->type, "service") == 0;
    if (job->region.set && job->region.len == 0 && !job->multiregion)
        verr(v, RULE_NMD020, job->region.span, "the job's region is empty");
    if (!job->id.set || job->id.len == 0)
        verr(v, RULE_NMD020, head, "the job has no ID");
    else if (strchr(job->id.text, ' '))
        verr(v, RULE_NMD020, job->id.span, "the job ID \"%s\" contains a space", job->id.text);
    if (job->name.set && job->name.len == 0)
        verr(v, RULE_NMD020, job->name.span, "the job name is empty");
    if (job->namespace_.set && job->namespace_.len == 0)
        verr(v, RULE_NMD020, job->namespace_.span, "the job's namespace is empty");
    if (job->type.set && job->type.len == 0)
        verr(v, RULE_NMD020, job->type.span, "the job type is empty (use service, batch or system)");
    else if (strcmp(v->type, "_core") == 0)
        verr(v, RULE_NMD054, job->type.span,
             "Nomad servers refuse this job: type \"_core\" is reserved for Nomad itself");
    else if (!v->system && !v->batch && !v->service)
        verr(v, RULE_NMD020, job->type.span,
             "unknown job type \"%s\" (allowed: service, batch, system)", v->type);
    int64_t priority = job->priority.set ? job->priority.value : 50;
    if (priority < 1 || priority > 100)
        verr(v, RULE_NMD020, job->priority.span, "job priority %lld is outside 1..100",
             (long long)priority);
    if (job->datacenters.count == 0 && !job->multiregion) {
        struct diag *d = verr(v, RULE_NMD021, job->datacenters.set ? job->datacenters.span : head,
                              "the job names no datacenters");
        if (d)
            diag_fix(d, "add `datacenters = [\"dc1\"]`");
    }
    for (size_t i = 0; i < job->datacenters.count; i++)
        if (job->datacenters.items[i].len == 0)
            verr(v, RULE_NMD021, job->datacenters.items[i].span,
                 "a datacenter name must not be empty");
    if (job->groups.count == 0)
        verr(v, RULE_NMD022, head, "the job has no group (and no job-level task) to run");
    validate_constraints(v, &job->constraints, false);
    validate_affinities(v, &job->affinities, job->span);
    validate_spreads(v, &job->spreads, job->span);
    struct name_set seen;
    name_set_init(&seen, arena);
    for (size_t i = 0; i < job->groups.count; i++) {
        const struct nomad_group *g = job->groups.items[i];
        const struct nomad_group *prev = name_set_add(&seen, g->name.text, g);
        if (prev) {
            struct diag *d = verr(v, RULE_NMD020, g->name.span,
                                  "group \"%s\" is defined twice (a job-level task becomes "
                                  "a group of its own name)", g->name.text);
            if (d)
                diag_note(d, prev->name.span, "first defined here");
        }
        validate_group(v, g, i);
    }
    if (job->vault)
        validate_inherited_vault(v, job->vault);
    if (job->periodic)
        validate_periodic(v, job->periodic);
    if (job->parameterized)
        validate_parameterized(v, job->parameterized);
    if (job->multiregion)
        verr(v, RULE_NMD031, job->multiregion->span,
             "multiregion jobs need Nomad Enterprise; open-source Nomad refuses them");
    validate_update_warnings(v);
    if (job->payload.set && job->payload.len)
        verr(v, RULE_NMD054, job->payload.span,
             "Nomad servers refuse this job: a payload can only be given when dispatching "
             "a parameterized job");
}
