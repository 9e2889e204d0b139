/* realpath */
#define _XOPEN_SOURCE 700
#include "cli/config.h"
#include "cli/check_options.h"
#include "hcl/suppress.h"
#include "hcl/parse.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static size_t rule_index_of(const struct rule *rule) {
    size_t count;
    return (size_t)(rule - rule_table(&count));
}

void config_init(struct config *cfg) {
    memset(cfg, 0, sizeof *cfg);
    cfg->failure_threshold = SEVERITY_WARNING;
    cfg->inline_ignore = true;
    rule_table(&cfg->rule_count);
    cfg->rules = xcalloc(cfg->rule_count + 1, sizeof *cfg->rules);
    cfg->rule_disabled = xcalloc(cfg->rule_count + 1, sizeof *cfg->rule_disabled);
    char *text = "text";
    config_set_formats(cfg, &text, 1, ORIGIN_DEFAULT, NULL);
}

static void formats_free(struct config *cfg) {
    for (size_t i = 0; i < cfg->format_count; i++)
        free(cfg->formats[i]);
    free(cfg->formats);
    cfg->formats = NULL;
    cfg->format_count = 0;
}

static void exclude_set(struct config *cfg, char *const *globs, size_t count) {
    char **copy = xcalloc(count + 1, sizeof *copy);
    for (size_t i = 0; i < count; i++)
        copy[i] = xstrdup(globs[i]);
    for (size_t i = 0; i < cfg->exclude_count; i++)
        free(cfg->exclude[i]);
    free(cfg->exclude);
    cfg->exclude = copy;
    cfg->exclude_count = count;
}

void config_free(struct config *cfg) {
    free(cfg->path);
    formats_free(cfg);
    exclude_set(cfg, NULL, 0);
    free(cfg->exclude);
    free(cfg->exclude_origin.where);
    free(cfg->failure_threshold_origin.where);
    free(cfg->formats_origin.where);
    free(cfg->require_reason_origin.where);
    free(cfg->inline_ignore_origin.where);
    for (size_t i = 0; i < cfg->rule_count; i++)
        free(cfg->rules[i].origin.where);
    free(cfg->rules);
    free(cfg->rule_disabled);
    memset(cfg, 0, sizeof *cfg);
}

static void origin_copy(struct origin *to, const struct origin *from) {
    to->kind = from->kind;
    to->where = from->where ? xstrdup(from->where) : NULL;
}

void config_copy(struct config *cfg, const struct config *from) {
    *cfg = *from;
    cfg->path = from->path ? xstrdup(from->path) : NULL;
    cfg->formats = NULL;
    cfg->format_count = 0;
    cfg->formats_origin.where = NULL; /* from's: config_set_formats would free it */
    config_set_formats(cfg, from->formats, from->format_count, ORIGIN_DEFAULT, NULL);
    origin_copy(&cfg->formats_origin, &from->formats_origin);
    origin_copy(&cfg->failure_threshold_origin, &from->failure_threshold_origin);
    origin_copy(&cfg->require_reason_origin, &from->require_reason_origin);
    origin_copy(&cfg->inline_ignore_origin, &from->inline_ignore_origin);
    cfg->exclude = NULL;
    cfg->exclude_count = 0;
    exclude_set(cfg, from->exclude, from->exclude_count);
    origin_copy(&cfg->exclude_origin, &from->exclude_origin);
    cfg->rules = xcalloc(from->rule_count + 1, sizeof *cfg->rules);
    cfg->rule_disabled = xcalloc(from->rule_count + 1, sizeof *cfg->rule_disabled);
    for (size_t i = 0; i < from->rule_count; i++) {
        cfg->rules[i] = from->rules[i];
        origin_copy(&cfg->rules[i].origin, &from->rules[i].origin);
        cfg->rule_disabled[i] = from->rule_disabled[i];
    }
}

void origin_set(struct origin *o, enum origin_kind kind, const char *where) {
    free(o->where);
    o->kind = kind;
    o->where = where ? xstrdup(where) : NULL;
}

void config_set_formats(struct config *cfg, char *const *formats, size_t count,
                        enum origin_kind kind, const char *where) {
    char **copy = xcalloc(count + 1, sizeof *copy);
    for (size_t i = 0; i < count; i++)
        copy[i] = xstrdup(formats[i]);
    formats_free(cfg);
    cfg->formats = copy;
    cfg->format_count = count;
    origin_set(&cfg->formats_origin, kind, where);
}

bool config_rule_fixed(const char *id) {
    const struct rule *rule = rule_find(id);
    return rule && rule_is_fixed(rule);
}

bool config_set_rule(struct config *cfg, const char *id, bool disable,
                     const enum severity *severity, enum origin_kind kind,
                     const char *where) {
    const struct rule *rule = rule_find(id);
    if (!rule || config_rule_fixed(id))
        return false;
    struct rule_setting *s = &cfg->rules[rule_index_of(rule)];
    if (disable) {
        s->disabled = true;
    } else if (severity) {
        s->disabled = false;
        s->has_severity = true;
        s->severity = *severity;
    } else {
        s->disabled = false; /* enabled = true */
    }
    cfg->rule_disabled[rule_index_of(rule)] = s->disabled;
    origin_set(&s->origin, kind, where);
    return true;
}

bool config_rule_disabled(const struct config *cfg, const struct rule *rule) {
    return cfg->rule_disabled[rule_index_of(rule)];
}

void config_apply_severities(const struct config *cfg, struct diag_list *diags) {
    for (size_t i = 0; i < diags->count; i++) {
        const struct rule_setting *s = &cfg->rules[rule_index_of(diags->items[i].rule)];
        if (s->has_severity)
            diags->items[i].severity = s->severity;
    }
}

/* --- finding the file --- */

/* The path relative to the working directory when it lies below it (so
 * messages show what the user would type), else as it is. */
static char *relative_to_cwd(struct buf *path) {
    char *cwd = realpath(".", NULL);
    size_t n = cwd ? strlen(cwd) : 0;
    char *result;
    if (cwd && n > 1 && strncmp(path->data, cwd, n) == 0 && path->data[n] == '/') {
        result = xstrdup(path->data + n + 1);
        buf_free(path);
    } else {
        result = buf_detach(path);
    }
    free(cwd);
    return result;
}

/* A config file others could have planted or changed: owned by another
 * user than us or root, or writable by others. Sets *why. */
static bool untrusted(const struct stat *st, const char **why) {
    if (st->st_uid != geteuid() && st->st_uid != 0) {
        *why = "it is owned by another user";
        return true;
    }
    if (st->st_mode & S_IWOTH) {
        *why = "it is writable by others";
        return true;
    }
    return false;
}

static void add_warning(char **warnings, const char *path, const char *why) {
    struct buf w;
    buf_init(&w);
    if (*warnings) {
        buf_puts(&w, *warnings);
        buf_putc(&w, '\n');
        free(*warnings);
    }
    buf_printf(&w, "ignoring the config file %s: %s", path, why);
    *warnings = buf_detach(&w);
}

/* candidate: the file when it is a regular file we trust; else NULL, with
 * a warning when it exists but is not trusted. */
static bool usable(const char *candidate, char **warnings) {
    struct stat st;
    if (stat(candidate, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    const char *why;
    if (untrusted(&st, &why)) {
        add_warning(warnings, candidate, why);
        return false;
    }
    return true;
}

static bool has_entry(const char *dir, const char *name) {
    struct buf p;
    buf_init(&p);
    buf_printf(&p, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
    struct stat st;
    bool found = lstat(p.data, &st) == 0;
    buf_free(&p);
    return found;
}

char *config_find(const char *input_path, char **warnings) {
    *warnings = NULL;
    struct buf dir;
    buf_init(&dir);
    const char *slash = input_path ? strrchr(input_path, '/') : NULL;
    if (slash == input_path && slash)
        buf_puts(&dir, "/");
    else if (slash)
        buf_add(&dir, input_path, (size_t)(slash - input_path));
    else
        buf_puts(&dir, ".");
    char *absolute = realpath(dir.data, NULL);
    buf_free(&dir);
    const char *home_env = getenv("HOME");
    char *home = home_env && home_env[0] ? realpath(home_env, NULL) : NULL;
    if (absolute) {
        struct buf candidate;
        buf_init(&candidate);
        size_t len = strlen(absolute);
        for (;;) {
            absolute[len] = '\0';
            const char *here = len == 0 ? "/" : absolute;
            /* a directory others can write to (like /tmp) could hold a
             * planted file: neither it nor what lies above is searched */
            struct stat st;
            if (stat(here, &st) != 0 || (st.st_mode & S_IWOTH))
                break;
            buf_clear(&candidate);
            buf_printf(&candidate, "%s/.rktc.hcl", len == 1 && absolute[0] == '/' ? "" : absolute);
            if (usable(candidate.data, warnings)) {
                free(absolute);
                free(home);
                return relative_to_cwd(&candidate);
            }
            /* the search ends at a repository root and at $HOME */
            if (has_entry(here, ".git") || (home && strcmp(home, here) == 0))
                break;
            if (len <= 1)
                break;
            while (len > 1 && absolute[len - 1] != '/')
                len--;
            if (len > 1)
                len--; /* drop the slash too, unless it is the root */
        }
        buf_free(&candidate);
        free(absolute);
    }
    free(home);
    const char *xdg = getenv("XDG_CONFIG_HOME");
    struct buf user;
    buf_init(&user);
    if (xdg && xdg[0] == '/')
        buf_printf(&user, "%s/rktc/config.hcl", xdg);
    else if (home_env && home_env[0])
        buf_printf(&user, "%s/.config/rktc/config.hcl", home_env);
    if (user.len && usable(user.data, warnings))
        return buf_detach(&user);
    buf_free(&user);
    return NULL;
}

/* --- reading the file --- */

struct reader {
    struct config *cfg;
    const struct source *src;
    struct diag_list *diags;
    bool ok;
};

static char *where_of(const struct reader *r, struct span span) {
    struct position p = source_position(r->src, span.start);
    struct buf w;
    buf_init(&w);
    buf_printf(&w, "%s:%u", r->src->path, p.line);
    return buf_detach(&w);
}

static void bad(struct reader *r, struct span span, const char *message,
                const char *fix) {
    struct diag *d = diag_add(r->diags, RULE_RKC005, r->src, span, "%s", message);
    if (fix)
        diag_fix(d, "%s", fix);
    r->ok = false;
}

static bool want_bool(struct reader *r, const struct hcl_item *item, bool *out) {
    if (item->value->kind != HCL_BOOL) {
        bad(r, item->value->span, "expected true or false", NULL);
        return false;
    }
    *out = item->value->as.boolean;
    return true;
}

static bool want_severity(struct reader *r, const struct hcl_value *v,
                          enum severity *out) {
    if (v->kind != HCL_STRING || !severity_parse(v->as.string.text, out)) {
        bad(r, v->span, "expected a severity", "write \"error\", \"warning\", "
                                               "\"info\" or \"style\"");
        return false;
    }
    return true;
}

/* A report file a config may name: relative, no `..` component, not empty. */
static bool inside_config_dir(const char *file) {
    if (!file[0] || file[0] == '/')
        return false;
    for (const char *p = file; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return false;
        p += n;
        if (*p == '/')
            p++;
    }
    return true;
}

/* "NAME:FILE" with FILE made relative to the config file's directory. */
static char *beside_config(const char *config_path, const char *spec, const char *file) {
    const char *slash = config_path ? strrchr(config_path, '/') : NULL;
    struct buf b;
    buf_init(&b);
    buf_add(&b, spec, (size_t)(file - spec));
    if (slash)
        buf_add(&b, config_path, (size_t)(slash - config_path) + 1);
    buf_puts(&b, file);
    return buf_detach(&b);
}

static void read_formats(struct reader *r, const struct hcl_item *item) {
    const struct hcl_value *v = item->value;
    if (v->kind != HCL_LIST) {
        bad(r, v->span, "expected a list of formats", "write format = [\"text\", \"junit:report.xml\"]");
        return;
    }
    char **names = xcalloc(v->as.list.count + 1, sizeof *names);
    size_t n = 0;
    for (size_t i = 0; i < v->as.list.count; i++) {
        const struct hcl_value *e = v->as.list.elems[i];
        if (e->kind != HCL_STRING) {
            bad(r, e->span, "expected a format name (string)", NULL);
            continue;
        }
        enum report_format format;
        const char *file;
        size_t len;
        if (!check_format_split(e->as.string.text, &format, &file, &len)) {
            bad(r, e->span, "unknown format",
                "formats: text, gcc, json, junit, sarif, github, checkstyle, codeclimate, "
                "each optionally with :FILE");
            continue;
        }
        if (file && !inside_config_dir(file)) {
            bad(r, e->span, "a config file may name report files only inside its own "
                "directory",
                "write a relative path without `..`, like \"junit:reports/rktc.xml\"");
            continue;
        }
        names[n++] = file ? beside_config(r->cfg->path, e->as.string.text, file)
                          : xstrdup(e->as.string.text);
    }
    char *where = where_of(r, hcl_item_span(item));
    config_set_formats(r->cfg, names, n, ORIGIN_FILE, where);
    free(where);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static void read_exclude(struct reader *r, const struct hcl_item *item) {
    const struct hcl_value *v = item->value;
    if (v->kind != HCL_LIST) {
        bad(r, v->span, "expected a list of globs", "write exclude = [\"vendor/*\"]");
        return;
    }
    char **globs = xcalloc(v->as.list.count + 1, sizeof *globs);
    size_t n = 0;
    for (size_t i = 0; i < v->as.list.count; i++) {
        const struct hcl_value *e = v->as.list.elems[i];
        if (e->kind != HCL_STRING || !e->as.string.text[0]) {
            bad(r, e->span, "expected a glob (non-empty string)", NULL);
            continue;
        }
        globs[n++] = (char *)e->as.string.text;
    }
    exclude_set(r->cfg, globs, n);
    char *where = where_of(r, hcl_item_span(item));
    origin_set(&r->cfg->exclude_origin, ORIGIN_FILE, where);
    free(where);
    free(globs);
}

static void read_rule(struct reader *r, const struct hcl_item *item) {
    if (item->key_count != 2 || item->value->kind != HCL_OBJECT) {
        bad(r, hcl_item_span(item), "expected a block rule \"ID\" { ... }",
            "write rule \"HCL004\" { severity = \"error\" }");
        return;
    }
    const struct hcl_key *label = &item->keys[1];
    if (!rule_find(label->text) || config_rule_fixed(label->text)) {
        struct buf m;
        buf_init(&m);
        if (rule_find(label->text))
            buf_printf(&m, "rule %s reports input that cannot be read or parsed; "
                       "it cannot be disabled or changed", label->text);
        else
            buf_printf(&m, "unknown rule id '%s'", label->text);
        bad(r, label->span, m.data,
            rule_find(label->text) ? NULL : "`rktc rules` lists the rule ids");
        buf_free(&m);
        return;
    }
    const struct hcl_object *body = &item->value->as.object;
    char *where = where_of(r, hcl_item_span(item));
    for (size_t i = 0; i < body->count; i++) {
        const struct hcl_item *it = body->items[i];
        const char *key = it->keys[0].text;
        if (strcmp(key, "severity") == 0 && it->key_count == 1) {
            enum severity s;
            if (want_severity(r, it->value, &s))
                config_set_rule(r->cfg, label->text, false, &s, ORIGIN_FILE, where);
        } else if (strcmp(key, "enabled") == 0 && it->key_count == 1) {
            bool enabled;
            if (want_bool(r, it, &enabled))
                config_set_rule(r->cfg, label->text, !enabled, NULL, ORIGIN_FILE, where);
        } else {
            struct buf m;
            buf_init(&m);
            buf_printf(&m, "unknown key '%s' in rule block", key);
            bad(r, it->keys[0].span, m.data, "a rule block takes severity and enabled");
            buf_free(&m);
        }
    }
    free(where);
}

static void read_root(struct reader *r, const struct hcl_object *root) {
    for (size_t i = 0; i < root->count; i++) {
        const struct hcl_item *item = root->items[i];
        const char *key = item->keys[0].text;
        char *where = where_of(r, hcl_item_span(item));
        bool flag;
        if (strcmp(key, "rule") == 0) {
            read_rule(r, item);
        } else if (item->key_count != 1) {
            struct buf m;
            buf_init(&m);
            buf_printf(&m, "unknown block '%s'", key);
            bad(r, item->keys[0].span, m.data, NULL);
            buf_free(&m);
        } else if (strcmp(key, "failure_threshold") == 0) {
            enum severity s;
            if (want_severity(r, item->value, &s)) {
                r->cfg->failure_threshold = s;
                origin_set(&r->cfg->failure_threshold_origin, ORIGIN_FILE, where);
            }
        } else if (strcmp(key, "format") == 0) {
            read_formats(r, item);
        } else if (strcmp(key, "exclude") == 0) {
            read_exclude(r, item);
        } else if (strcmp(key, "require_reason") == 0) {
            if (want_bool(r, item, &flag)) {
                r->cfg->require_reason = flag;
                origin_set(&r->cfg->require_reason_origin, ORIGIN_FILE, where);
            }
        } else if (strcmp(key, "inline_ignore") == 0) {
            if (want_bool(r, item, &flag)) {
                r->cfg->inline_ignore = flag;
                origin_set(&r->cfg->inline_ignore_origin, ORIGIN_FILE, where);
            }
        } else {
            struct buf m;
            buf_init(&m);
            buf_printf(&m, "unknown key '%s' in the configuration", key);
            bad(r, item->keys[0].span, m.data,
                "keys: failure_threshold, format, require_reason, inline_ignore, "
                "exclude, rule \"ID\" { severity, enabled }");
            buf_free(&m);
        }
        free(where);
    }
}

bool config_read_file(struct config *cfg, const char *path, struct source **src,
                      struct diag_list *diags, char **error) {
    *src = source_load(path, NULL, error);
    if (!*src)
        return false;
    free(cfg->path);
    cfg->path = xstrdup(path);
    return config_read_source(cfg, *src, diags);
}

bool config_read_source(struct config *cfg, const struct source *src,
                        struct diag_list *diags) {
    struct arena *arena = arena_new();
    size_t before = diags->count;
    struct hcl_file *file = hcl_parse(arena, src, diags);
    bool ok = file && diags->count == before;
    if (ok && file->root && file->root->kind == HCL_OBJECT) {
        struct reader r = {cfg, src, diags, true};
        read_root(&r, &file->root->as.object);
        ok = r.ok;
    }
    /* the front end's own findings (syntax errors) are config errors too */
    for (size_t i = before; i < diags->count; i++)
        if (diags->items[i].rule->code != RULE_RKC005) {
            diags->items[i].severity = SEVERITY_ERROR;
            ok = false;
        }
    arena_free(arena);
    return ok;
}

bool config_apply_env(struct config *cfg, char **error) {
    const char *v = getenv("RKTC_FAILURE_THRESHOLD");
    if (v && v[0]) {
        if (!severity_parse(v, &cfg->failure_threshold)) {
            struct buf m;
            buf_init(&m);
            buf_printf(&m, "RKTC_FAILURE_THRESHOLD: '%s' is not error, warning, "
                       "info or style", v);
            *error = buf_detach(&m);
            return false;
        }
        origin_set(&cfg->failure_threshold_origin, ORIGIN_ENV, "RKTC_FAILURE_THRESHOLD");
    }
    const char *flags[] = {"RKTC_REQUIRE_REASON", "RKTC_INLINE_IGNORE"};
    bool *values[] = {&cfg->require_reason, &cfg->inline_ignore};
    struct origin *origins[] = {&cfg->require_reason_origin, &cfg->inline_ignore_origin};
    for (int k = 0; k < 2; k++) {
        v = getenv(flags[k]);
        if (!v || !v[0])
            continue;
        if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0) {
            *values[k] = true;
        } else if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0) {
            *values[k] = false;
        } else {
            struct buf m;
            buf_init(&m);
            buf_printf(&m, "%s: '%s' is not true, false, 1 or 0", flags[k], v);
            *error = buf_detach(&m);
            return false;
        }
        origin_set(origins[k], ORIGIN_ENV, flags[k]);
    }
    v = getenv("RKTC_EXCLUDE");
    if (v && v[0]) {
        char *copy = xstrdup(v), **globs = NULL;
        size_t n = 0;
        for (char *tok = copy; tok;) {
            char *comma = strchr(tok, ',');
            if (comma)
                *comma = '\0';
            if (tok[0]) {
                globs = xreallocarray(globs, n + 1, sizeof *globs);
                globs[n++] = tok;
            }
            tok = comma ? comma + 1 : NULL;
        }
        exclude_set(cfg, globs, n);
        origin_set(&cfg->exclude_origin, ORIGIN_ENV, "RKTC_EXCLUDE");
        free(globs);
        free(copy);
    }
    v = getenv("RKTC_FORMAT");
    if (v && v[0]) {
        char *copy = xstrdup(v), **names = NULL;
        size_t n = 0;
        for (char *tok = copy; tok;) {
            char *comma = strchr(tok, ',');
            if (comma)
                *comma = '\0';
            if (tok[0]) {
                names = xreallocarray(names, n + 1, sizeof *names);
                names[n++] = tok;
            }
            tok = comma ? comma + 1 : NULL;
        }
        config_set_formats(cfg, names, n, ORIGIN_ENV, "RKTC_FORMAT");
        free(names);
        free(copy);
    }
    return true;
}

bool config_excludes(const struct config *cfg, const char *path) {
    if (!cfg->exclude_count)
        return false;
    /* both sides absolute, then the path below the config's directory */
    struct buf dir;
    buf_init(&dir);
    const char *slash = cfg->path ? strrchr(cfg->path, '/') : NULL;
    if (slash)
        buf_add(&dir, cfg->path, (size_t)(slash - cfg->path) + (slash == cfg->path));
    else
        buf_puts(&dir, ".");
    char *base = realpath(dir.data, NULL), *full = realpath(path, NULL);
    buf_free(&dir);
    const char *rel = path;
    size_t n = base ? strlen(base) : 0;
    if (base && full && strncmp(full, base, n) == 0 && full[n] == '/')
        rel = full + n + 1;
    else if (base && full && n == 1)
        rel = full + 1;
    bool hit = false;
    for (size_t i = 0; i < cfg->exclude_count && !hit; i++)
        hit = fnmatch(cfg->exclude[i], rel, 0) == 0;
    free(base);
    free(full);
    return hit;
}

/* --- printing --- */

static void origin_print(FILE *out, const struct origin *o) {
    switch (o->kind) {
    case ORIGIN_DEFAULT: fputs("  # default\n", out); break;
    case ORIGIN_FILE: fprintf(out, "  # %s\n", o->where); break;
    case ORIGIN_ENV: fprintf(out, "  # environment %s\n", o->where); break;
    case ORIGIN_COMMAND_LINE: fputs("  # command line\n", out); break;
    }
}

static void hcl_string(FILE *out, const char *text) {
    fputc('"', out);
    for (const char *c = text; *c; c++) {
        if (*c == '"' || *c == '\\')
            fputc('\\', out);
        fputc(*c, out);
    }
    fputc('"', out);
}

void config_print(const struct config *cfg, FILE *out) {
    fprintf(out, "# effective configuration; file: %s\n",
            cfg->path ? cfg->path : "(none)");
    fprintf(out, "failure_threshold = \"%s\"", severity_name(cfg->failure_threshold));
    origin_print(out, &cfg->failure_threshold_origin);
    fputs("format = [", out);
    for (size_t i = 0; i < cfg->format_count; i++) {
        if (i)
            fputs(", ", out);
        hcl_string(out, cfg->formats[i]);
    }
    fputc(']', out);
    origin_print(out, &cfg->formats_origin);
    fprintf(out, "require_reason = %s", cfg->require_reason ? "true" : "false");
    origin_print(out, &cfg->require_reason_origin);
    fprintf(out, "inline_ignore = %s", cfg->inline_ignore ? "true" : "false");
    origin_print(out, &cfg->inline_ignore_origin);
    fputs("exclude = [", out);
    for (size_t i = 0; i < cfg->exclude_count; i++) {
        if (i)
            fputs(", ", out);
        hcl_string(out, cfg->exclude[i]);
    }
    fputc(']', out);
    origin_print(out, &cfg->exclude_origin);
    size_t count;
    const struct rule *table = rule_table(&count);
    for (size_t i = 0; i < cfg->rule_count && i < count; i++) {
        const struct rule_setting *s = &cfg->rules[i];
        if (s->origin.kind == ORIGIN_DEFAULT)
            continue;
        fprintf(out, "rule \"%s\" {", table[i].id);
        origin_print(out, &s->origin);
        if (s->disabled)
            fputs("  enabled = false\n", out);
        else if (s->has_severity)
            fprintf(out, "  severity = \"%s\"\n", severity_name(s->severity));
        else
            fputs("  enabled = true\n", out);
        fputs("}\n", out);
    }
}
