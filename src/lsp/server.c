/* server.c — the language server (see server.h): lifecycle, documents,
 * checks (in a child process), diagnostics, hover and quick fixes. */
#include "lsp/server.h"

#include "cli/check_run.h"
#include "cli/config.h"
#include "cli/explain.h"
#include "lsp/position.h"
#include "report/report.h"
#include "util/arena.h"
#include "util/xalloc.h"
#include "version.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void lsp_options_default(struct lsp_options *o) {
    o->debounce_ms = 150;
    o->check_timeout_ms = 20000;
    o->max_message = (size_t)64 * 1024 * 1024;
    o->isolate = true;
}

/* One finding of a document's last check, ready to send. */
struct finding {
    struct lsp_position start, end;
    const struct rule *rule;
    char *diagnostic; /* the LSP Diagnostic object (JSON) */
    char *fix;        /* the fix hint, or NULL */
    char *edits;      /* a TextEdit array (JSON), or NULL */
};

struct doc {
    char *uri;
    char *path;       /* the file the uri names, or NULL */
    char *text;
    size_t len;
    char *version;    /* JSON number text, or NULL */
    bool stale;
    char *too_large;  /* the document was refused: why */
    struct finding *findings;
    size_t finding_count;
    char *config_error; /* last one shown */
};

struct lsp_server {
    struct lsp_options options;
    bool initialized, shut_down, exited;
    int exit_status;
    struct doc *docs;
    size_t doc_count, doc_cap;
    struct timespec stale_since;
};

struct lsp_server *lsp_server_new(const struct lsp_options *options) {
    struct lsp_server *s = xcalloc(1, sizeof *s);
    if (options)
        s->options = *options;
    else
        lsp_options_default(&s->options);
    return s;
}

static void findings_free(struct doc *d) {
    for (size_t i = 0; i < d->finding_count; i++) {
        free(d->findings[i].diagnostic);
        free(d->findings[i].fix);
        free(d->findings[i].edits);
    }
    free(d->findings);
    d->findings = NULL;
    d->finding_count = 0;
}

static void doc_free(struct doc *d) {
    findings_free(d);
    free(d->uri);
    free(d->path);
    free(d->text);
    free(d->version);
    free(d->too_large);
    free(d->config_error);
}

void lsp_server_free(struct lsp_server *s) {
    if (!s)
        return;
    for (size_t i = 0; i < s->doc_count; i++)
        doc_free(&s->docs[i]);
    free(s->docs);
    free(s);
}

bool lsp_server_stale(const struct lsp_server *s) {
    for (size_t i = 0; i < s->doc_count; i++)
        if (s->docs[i].stale)
            return true;
    return false;
}

bool lsp_server_exited(const struct lsp_server *s, int *status) {
    *status = s->exit_status;
    return s->exited;
}

bool lsp_server_shut_down(const struct lsp_server *s) { return s->shut_down; }

size_t lsp_server_documents(const struct lsp_server *s) { return s->doc_count; }

/* ---- documents ---------------------------------------------------------- */

static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The path of a file: URI (percent-decoded), or NULL. */
static char *uri_path(const char *uri) {
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = strchr(uri + 7, '/');
    if (!p)
        return NULL;
    struct buf b;
    buf_init(&b);
    for (; *p && *p != '?' && *p != '#'; p++) {
        if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            char c = (char)(hex(p[1]) * 16 + hex(p[2]));
            if (c == '\0') {
                buf_free(&b);
                return NULL;
            }
            buf_putc(&b, c);
            p += 2;
        } else {
            buf_putc(&b, *p);
        }
    }
    return buf_detach(&b);
}

static struct doc *doc_find(struct lsp_server *s, const char *uri) {
    for (size_t i = 0; i < s->doc_count; i++)
        if (strcmp(s->docs[i].uri, uri) == 0)
            return &s->docs[i];
    return NULL;
}

static struct doc *doc_open(struct lsp_server *s, const char *uri) {
    struct doc *d = doc_find(s, uri);
    if (d)
        return d;
    if (s->doc_count == s->doc_cap) {
        s->doc_cap = s->doc_cap ? s->doc_cap * 2 : 8;
        s->docs = xreallocarray(s->docs, s->doc_cap, sizeof *s->docs);
    }
    d = &s->docs[s->doc_count++];
    memset(d, 0, sizeof *d);
    d->uri = xstrdup(uri);
    d->path = uri_path(uri);
    d->text = xstrdup("");
    return d;
}

static void mark_stale(struct lsp_server *s, struct doc *d) {
    if (!lsp_server_stale(s))
        clock_gettime(CLOCK_MONOTONIC, &s->stale_since);
    d->stale = true;
}

static void set_text(struct lsp_server *s, struct doc *d, const char *text, size_t len) {
    free(d->text);
    d->text = xmalloc(len + 1);
    memcpy(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
    free(d->too_large);
    d->too_large = NULL;
    mark_stale(s, d);
}

static void set_version(struct doc *d, const struct json_value *v) {
    free(d->version);
    d->version = v && v->kind == JSON_NUMBER ? xstrndup(v->as.number.text, v->as.number.len)
                                             : NULL;
}

/* ---- JSON helpers --------------------------------------------------------- */

static const char *str_member(const struct json_value *obj, const char *key, size_t *len) {
    const struct json_value *v = json_object_get(obj, key);
    if (!v || v->kind != JSON_STRING)
        return NULL;
    if (len)
        *len = v->as.string.len;
    return v->as.string.text;
}

static bool uint_of(const struct json_value *v, uint32_t *out) {
    if (!v || v->kind != JSON_NUMBER || v->as.number.len == 0 || v->as.number.len > 10)
        return false;
    uint64_t n = 0;
    for (size_t i = 0; i < v->as.number.len; i++) {
        char c = v->as.number.text[i];
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (uint64_t)(c - '0');
    }
    if (n > UINT32_MAX)
        return false;
    *out = (uint32_t)n;
    return true;
}

static bool position_of(const struct json_value *v, struct lsp_position *p) {
    return v && v->kind == JSON_OBJECT && uint_of(json_object_get(v, "line"), &p->line) &&
           uint_of(json_object_get(v, "character"), &p->character);
}

static bool range_of(const struct json_value *v, struct lsp_position *a, struct lsp_position *b) {
    return v && v->kind == JSON_OBJECT && position_of(json_object_get(v, "start"), a) &&
           position_of(json_object_get(v, "end"), b);
}

static void write_position(struct buf *out, struct lsp_position p) {
    buf_printf(out, "{\"line\":%u,\"character\":%u}", p.line, p.character);
}

static void write_range(struct buf *out, struct lsp_position a, struct lsp_position b) {
    buf_puts(out, "{\"start\":");
    write_position(out, a);
    buf_puts(out, ",\"end\":");
    write_position(out, b);
    buf_putc(out, '}');
}

static void write_cstring(struct buf *out, const char *text) {
    rpc_json_string(out, text, strlen(text));
}

static int before(struct lsp_position a, struct lsp_position b) {
    return a.line < b.line || (a.line == b.line && a.character < b.character);
}

/* ---- checking ----------------------------------------------------------------- */

/* The configuration `check` would use for path: RKTC_CONFIG or the
 * nearest .rktc.hcl, then the environment. A bad one gives the defaults
 * and a message in *error. */
static void load_config(struct config *cfg, const char *path, char **error) {
    config_init(cfg);
    const char *env = getenv("RKTC_CONFIG");
    char *file = env && env[0] ? xstrdup(env) : config_find(path);
    if (file) {
        struct diag_list diags;
        diag_list_init(&diags);
        struct source *src = NULL;
        char *why = NULL;
        if (!config_read_file(cfg, file, &src, &diags, &why)) {
            struct buf m;
            buf_init(&m);
            if (why) {
                buf_printf(&m, "rktc: configuration %s", why);
            } else if (diags.count) {
                struct position p = source_position(diags.items[0].src, diags.items[0].span.start);
                buf_printf(&m, "rktc: configuration %s:%u:%u: %s", file, p.line, p.column,
                           diags.items[0].message);
            }
            buf_puts(&m, " (the defaults apply)");
            *error = buf_detach(&m);
            free(why);
            config_free(cfg);
            config_init(cfg);
        }
        diag_list_free(&diags);
        source_free(src);
        free(file);
    }
    char *why = NULL;
    if (!config_apply_env(cfg, &why)) {
        if (!*error) {
            struct buf m;
            buf_init(&m);
            buf_printf(&m, "rktc: %s", why);
            *error = buf_detach(&m);
        }
        free(why);
    }
}

static void write_diagnostic(struct buf *out, const struct doc *d, const struct diag *f,
                             struct lsp_position a, struct lsp_position b) {
    static const int lsp_severity[] = {1, 2, 3, 4};
    buf_puts(out, "{\"range\":");
    write_range(out, a, b);
    buf_printf(out, ",\"severity\":%d,\"code\":", lsp_severity[f->severity & 3]);
    write_cstring(out, f->rule->id);
    buf_puts(out, ",\"source\":\"rktc\",\"message\":");
    struct buf m;
    buf_init(&m);
    buf_puts(&m, f->message);
    if (f->fix)
        buf_printf(&m, "\nfix: %s", f->fix);
    rpc_json_string(out, m.data, m.len);
    buf_free(&m);
    if (f->note_count) {
        buf_puts(out, ",\"relatedInformation\":[");
        for (size_t n = 0; n < f->note_count; n++) {
            struct lsp_position na = lsp_position(f->src, f->notes[n].span.start);
            struct lsp_position nb = lsp_position(f->src, f->notes[n].span.end);
            buf_puts(out, n ? ",{\"location\":{\"uri\":" : "{\"location\":{\"uri\":");
            write_cstring(out, d->uri);
            buf_puts(out, ",\"range\":");
            write_range(out, na, nb);
            buf_puts(out, "},\"message\":");
            write_cstring(out, f->notes[n].message);
            buf_putc(out, '}');
        }
        buf_putc(out, ']');
    }
    buf_putc(out, '}');
}

/* Checks the document's text as `rktc check` would and writes the result:
 * {"config_error": ..., "findings": [{"rule", "range": [l, c, l, c],
 * "diagnostic", "fix", "edits"}]}. Runs in the child process. */
static void check_to_json(const struct doc *d, struct buf *out) {
    struct config cfg;
    char *config_error = NULL;
    load_config(&cfg, d->path, &config_error);
    struct check_run run;
    check_run_init(&run);
    struct source *src = source_from_memory(d->path ? d->path : d->uri, d->text, d->len);
    check_run_source(&run, src, &cfg);
    check_run_finish(&run);
    buf_puts(out, "{\"config_error\":");
    if (config_error)
        write_cstring(out, config_error);
    else
        buf_puts(out, "null");
    buf_puts(out, ",\"findings\":[");
    bool first = true;
    for (size_t i = 0; i < run.diags.count; i++) {
        if (run.reasons[i]) /* suppressed inline */
            continue;
        const struct diag *f = &run.diags.items[i];
        struct lsp_position a = {0, 0}, b = {0, 0};
        if (!report_whole_file(f)) {
            a = lsp_position(f->src, f->span.start);
            b = f->span.end > f->span.start ? lsp_position(f->src, f->span.end) : a;
        }
        buf_puts(out, first ? "{\"rule\":" : ",{\"rule\":");
        first = false;
        write_cstring(out, f->rule->id);
        buf_printf(out, ",\"range\":[%u,%u,%u,%u],\"diagnostic\":", a.line, a.character,
                   b.line, b.character);
        write_diagnostic(out, d, f, a, b);
        if (f->fix) {
            buf_puts(out, ",\"fix\":");
            write_cstring(out, f->fix);
        }
        if (f->edit_count && f->src) {
            buf_puts(out, ",\"edits\":[");
            for (size_t e = 0; e < f->edit_count; e++) {
                buf_puts(out, e ? ",{\"range\":" : "{\"range\":");
                write_range(out, lsp_position(f->src, f->edits[e].span.start),
                            lsp_position(f->src, f->edits[e].span.end));
                buf_puts(out, ",\"newText\":");
                write_cstring(out, f->edits[e].text);
                buf_putc(out, '}');
            }
            buf_putc(out, ']');
        }
        buf_putc(out, '}');
    }
    buf_puts(out, "]}");
    check_run_free(&run);
    config_free(&cfg);
    free(config_error);
}

static long elapsed_ms(const struct timespec *since) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

/* Runs check_to_json in a child process with a time limit. Returns false
 * with *why set when the child failed. */
static bool check_isolated(const struct lsp_server *s, const struct doc *d, struct buf *out,
                           char **why) {
    int fds[2];
    if (pipe(fds) != 0) {
        *why = xstrdup("rktc could not start the check (no pipe)");
        return false;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        *why = xstrdup("rktc could not start the check (fork failed)");
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        /* the protocol's streams are the parent's alone */
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            if (null > STDERR_FILENO)
                close(null);
        }
        /* for the tests of this isolation: make the checker fail */
        const char *fault = getenv("RKTC_LSP_FAULT");
        if (fault && strcmp(fault, "crash") == 0)
            abort();
        if (fault && strcmp(fault, "hang") == 0)
            for (;;)
                pause();
        struct buf result;
        buf_init(&result);
        check_to_json(d, &result);
        bool ok = rpc_write_all(fds[1], result.data, result.len);
        _exit(ok ? 0 : 3);
    }
    close(fds[1]);
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    bool timed_out = false;
    char chunk[65536];
    for (;;) {
        long left = s->options.check_timeout_ms - elapsed_ms(&start);
        if (left <= 0) {
            timed_out = true;
            break;
        }
        struct pollfd p = {fds[0], POLLIN, 0};
        int n = poll(&p, 1, (int)left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            timed_out = n == 0;
            break;
        }
        ssize_t got = read(fds[0], chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        buf_add(out, chunk, (size_t)got);
    }
    close(fds[0]);
    if (timed_out)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    struct buf m;
    buf_init(&m);
    if (timed_out)
        buf_printf(&m, "rktc gave up checking this document after %d ms",
                   s->options.check_timeout_ms);
    else if (WIFSIGNALED(status))
        buf_printf(&m, "rktc crashed while checking this document (signal %d); "
                       "please report it with the file", WTERMSIG(status));
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        buf_printf(&m, "rktc failed while checking this document (status %d%s)",
                   WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                   WIFEXITED(status) && WEXITSTATUS(status) == 2 ? ": out of memory" : "");
    if (m.len) {
        *why = buf_detach(&m);
        return false;
    }
    buf_free(&m);
    return true;
}

/* The document's findings become one whole-document finding of rule. */
static void single_finding(struct doc *d, enum rule_id id, const char *message) {
    findings_free(d);
    const struct rule *rule = rule_get(id);
    struct lsp_position z = {0, 0};
    struct buf j;
    buf_init(&j);
    buf_puts(&j, "{\"range\":");
    write_range(&j, z, z);
    buf_printf(&j, ",\"severity\":%d,\"code\":", rule->severity == SEVERITY_ERROR ? 1 : 2);
    write_cstring(&j, rule->id);
    buf_puts(&j, ",\"source\":\"rktc\",\"message\":");
    write_cstring(&j, message);
    buf_putc(&j, '}');
    d->findings = xcalloc(1, sizeof *d->findings);
    d->findings[0].rule = rule;
    d->findings[0].diagnostic = buf_detach(&j);
    d->finding_count = 1;
}

static char *slice(const struct source *src, const struct json_value *v) {
    return xstrndup(src->text + v->span.start, v->span.end - v->span.start);
}

/* Reads check_to_json's result into the document. */
static bool take_results(struct doc *d, const char *text, size_t len, char **config_error) {
    struct source *src = source_from_memory("<check>", text, len);
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    const struct json_value *root = json_parse(arena, src, &diags);
    diag_list_free(&diags);
    const struct json_value *list = json_object_get(root, "findings");
    bool ok = list && list->kind == JSON_ARRAY;
    if (ok) {
        findings_free(d);
        d->findings = xcalloc(list->as.array.count + 1, sizeof *d->findings);
        for (size_t i = 0; i < list->as.array.count; i++) {
            const struct json_value *f = list->as.array.elems[i];
            const char *id = str_member(f, "rule", NULL);
            const struct json_value *range = json_object_get(f, "range");
            const struct json_value *diag = json_object_get(f, "diagnostic");
            uint32_t r[4];
            if (!id || !rule_find(id) || !diag || !range || range->kind != JSON_ARRAY ||
                range->as.array.count != 4)
                continue;
            bool numbers = true;
            for (int k = 0; k < 4; k++)
                numbers = numbers && uint_of(range->as.array.elems[k], &r[k]);
            if (!numbers)
                continue;
            struct finding *out = &d->findings[d->finding_count++];
            out->rule = rule_find(id);
            out->start = (struct lsp_position){r[0], r[1]};
            out->end = (struct lsp_position){r[2], r[3]};
            out->diagnostic = slice(src, diag);
            const char *fix = str_member(f, "fix", NULL);
            out->fix = fix ? xstrdup(fix) : NULL;
            const struct json_value *edits = json_object_get(f, "edits");
            out->edits = edits && edits->kind == JSON_ARRAY ? slice(src, edits) : NULL;
        }
        const char *ce = str_member(root, "config_error", NULL);
        *config_error = ce ? xstrdup(ce) : NULL;
    }
    arena_free(arena);
    source_free(src);
    return ok;
}

static void show_message(struct buf *out, int type, const char *message) {
    struct buf p;
    buf_init(&p);
    buf_printf(&p, "{\"type\":%d,\"message\":", type);
    write_cstring(&p, message);
    buf_putc(&p, '}');
    rpc_notify(out, "window/showMessage", p.data);
    buf_free(&p);
}

static void publish(struct buf *out, const struct doc *d, bool empty) {
    struct buf p;
    buf_init(&p);
    buf_puts(&p, "{\"uri\":");
    write_cstring(&p, d->uri);
    if (d->version)
        buf_printf(&p, ",\"version\":%s", d->version);
    buf_puts(&p, ",\"diagnostics\":[");
    for (size_t i = 0; !empty && i < d->finding_count; i++) {
        if (i)
            buf_putc(&p, ',');
        buf_puts(&p, d->findings[i].diagnostic);
    }
    buf_puts(&p, "]}");
    rpc_notify(out, "textDocument/publishDiagnostics", p.data);
    buf_free(&p);
}

static void check_doc(struct lsp_server *s, struct doc *d, struct buf *out) {
    d->stale = false;
    if (d->too_large) {
        single_finding(d, RULE_RKC031, d->too_large);
        publish(out, d, false);
        return;
    }
    struct buf result;
    buf_init(&result);
    char *why = NULL, *config_error = NULL;
    bool ok;
    if (s->options.isolate) {
        ok = check_isolated(s, d, &result, &why);
    } else {
        check_to_json(d, &result);
        ok = true;
    }
    if (ok && !take_results(d, result.data ? result.data : "", result.len, &config_error)) {
        ok = false;
        why = xstrdup("rktc failed while checking this document (unreadable result)");
    }
    buf_free(&result);
    if (!ok) {
        single_finding(d, RULE_RKC030, why);
        free(why);
    }
    if (config_error && (!d->config_error || strcmp(config_error, d->config_error) != 0))
        show_message(out, 2, config_error);
    free(d->config_error);
    d->config_error = config_error;
    publish(out, d, false);
}

void lsp_server_flush(struct lsp_server *s, struct buf *out) {
    for (size_t i = 0; i < s->doc_count; i++)
        if (s->docs[i].stale)
            check_doc(s, &s->docs[i], out);
}

/* ---- requests ------------------------------------------------------------------- */

static const char capabilities[] =
    "{\"capabilities\":{"
    "\"positionEncoding\":\"utf-16\","
    "\"textDocumentSync\":{\"openClose\":true,\"change\":1,\"save\":{\"includeText\":false}},"
    "\"hoverProvider\":true,"
    "\"codeActionProvider\":{\"codeActionKinds\":[\"quickfix\"]}"
    "},\"serverInfo\":{\"name\":\"rktc\",\"version\":\"" RKTC_VERSION "\"}}";

static struct doc *doc_of(struct lsp_server *s, const struct json_value *params) {
    const struct json_value *td = json_object_get(params, "textDocument");
    const char *uri = str_member(td, "uri", NULL);
    return uri ? doc_find(s, uri) : NULL;
}

/* Turns an explanation's indented lines into fenced code blocks. */
static void markdown_explain(struct buf *out, const struct rule *rule) {
    struct buf text;
    buf_init(&text);
    explain_render(rule, &text);
    bool in_code = false;
    const char *p = text.data, *end = text.data + text.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        bool code = n >= 4 && strncmp(p, "    ", 4) == 0;
        bool blank = n == 0;
        if (code && !in_code) {
            buf_puts(out, "```hcl\n");
            in_code = true;
        } else if (!code && !blank && in_code) {
            buf_puts(out, "```\n");
            in_code = false;
        }
        if (in_code && blank) {
            /* a blank line inside a block ends it unless code follows */
            const char *q = nl ? nl + 1 : end;
            if (!(end - q >= 4 && strncmp(q, "    ", 4) == 0)) {
                buf_puts(out, "```\n");
                in_code = false;
            }
        }
        if (in_code && code)
            buf_add(out, p + 4, n - 4);
        else
            buf_add(out, p, n);
        buf_putc(out, '\n');
        p += n + (nl ? 1 : 0);
    }
    if (in_code)
        buf_puts(out, "```\n");
    buf_free(&text);
}

static bool contains(const struct finding *f, struct lsp_position p) {
    return !before(p, f->start) && !before(f->end, p);
}

static void hover(struct lsp_server *s, const struct rpc_message *m, struct buf *out) {
    struct doc *d = doc_of(s, m->params);
    struct lsp_position at;
    if (!d || !position_of(json_object_get(m->params, "position"), &at)) {
        rpc_result(out, m->id, "null");
        return;
    }
    if (d->stale)
        check_doc(s, d, out);
    struct buf md;
    buf_init(&md);
    const struct rule *shown[8];
    size_t shown_count = 0;
    struct lsp_position from = {0, 0}, to = {0, 0};
    for (size_t i = 0; i < d->finding_count && shown_count < 8; i++) {
        const struct finding *f = &d->findings[i];
        if (!contains(f, at))
            continue;
        bool seen = false;
        for (size_t k = 0; k < shown_count; k++)
            seen = seen || shown[k] == f->rule;
        if (seen)
            continue;
        if (shown_count == 0) {
            from = f->start;
            to = f->end;
        }
        if (shown_count)
            buf_puts(&md, "\n---\n\n");
        shown[shown_count++] = f->rule;
        markdown_explain(&md, f->rule);
    }
    if (!shown_count) {
        buf_free(&md);
        rpc_result(out, m->id, "null");
        return;
    }
    struct buf r;
    buf_init(&r);
    buf_puts(&r, "{\"contents\":{\"kind\":\"markdown\",\"value\":");
    rpc_json_string(&r, md.data, md.len);
    buf_puts(&r, "},\"range\":");
    write_range(&r, from, to);
    buf_putc(&r, '}');
    rpc_result(out, m->id, r.data);
    buf_free(&r);
    buf_free(&md);
}

static bool wants_quickfix(const struct json_value *params) {
    const struct json_value *only = json_object_get(json_object_get(params, "context"), "only");
    if (!only || only->kind != JSON_ARRAY)
        return true;
    for (size_t i = 0; i < only->as.array.count; i++) {
        const struct json_value *k = only->as.array.elems[i];
        if (json_string_is(k, "quickfix") || json_string_is(k, ""))
            return true;
    }
    return false;
}

static void code_action(struct lsp_server *s, const struct rpc_message *m, struct buf *out) {
    struct doc *d = doc_of(s, m->params);
    struct lsp_position a, b;
    if (!d || !range_of(json_object_get(m->params, "range"), &a, &b)) {
        rpc_result(out, m->id, "[]");
        return;
    }
    if (d->stale)
        check_doc(s, d, out);
    struct buf r;
    buf_init(&r);
    buf_putc(&r, '[');
    size_t n = 0;
    for (size_t i = 0; i < d->finding_count && wants_quickfix(m->params); i++) {
        const struct finding *f = &d->findings[i];
        if (!f->edits || before(f->end, a) || before(b, f->start))
            continue;
        buf_puts(&r, n++ ? ",{\"title\":" : "{\"title\":");
        struct buf title;
        buf_init(&title);
        buf_printf(&title, "%s: %s", f->rule->id, f->fix ? f->fix : "apply the fix");
        rpc_json_string(&r, title.data, title.len);
        buf_free(&title);
        buf_puts(&r, ",\"kind\":\"quickfix\",\"isPreferred\":true,\"diagnostics\":[");
        buf_puts(&r, f->diagnostic);
        buf_puts(&r, "],\"edit\":{\"changes\":{");
        write_cstring(&r, d->uri);
        buf_putc(&r, ':');
        buf_puts(&r, f->edits);
        buf_puts(&r, "}}}");
    }
    buf_putc(&r, ']');
    rpc_result(out, m->id, r.data);
    buf_free(&r);
}

/* Applies one contentChanges entry: the whole text, or a range of it. */
static bool apply_change(struct lsp_server *s, struct doc *d, const struct json_value *c) {
    size_t len;
    const char *text = str_member(c, "text", &len);
    if (!text)
        return false;
    const struct json_value *range = json_object_get(c, "range");
    if (!range) {
        set_text(s, d, text, len);
        return true;
    }
    struct lsp_position a, b;
    if (!range_of(range, &a, &b))
        return false;
    struct source *src = source_from_memory("", d->text, d->len);
    uint32_t from = lsp_offset(src, a), to = lsp_offset(src, b);
    source_free(src);
    if (to < from)
        return false;
    struct buf t;
    buf_init(&t);
    buf_add(&t, d->text, from);
    buf_add(&t, text, len);
    buf_add(&t, d->text + to, d->len - to);
    set_text(s, d, t.data ? t.data : "", t.len);
    buf_free(&t);
    return true;
}

static void notification(struct lsp_server *s, const struct rpc_message *m, struct buf *out) {
    const char *method = m->method;
    if (strcmp(method, "exit") == 0) {
        s->exited = true;
        s->exit_status = s->shut_down ? 0 : 1;
        return;
    }
    if (!s->initialized || !m->params)
        return; /* notifications before initialize are dropped */
    const struct json_value *td = json_object_get(m->params, "textDocument");
    const char *uri = str_member(td, "uri", NULL);
    if (strcmp(method, "textDocument/didOpen") == 0 && uri) {
        size_t len;
        const char *text = str_member(td, "text", &len);
        struct doc *d = doc_open(s, uri);
        set_text(s, d, text ? text : "", text ? len : 0);
        set_version(d, json_object_get(td, "version"));
    } else if (strcmp(method, "textDocument/didChange") == 0 && uri) {
        struct doc *d = doc_find(s, uri);
        const struct json_value *changes = json_object_get(m->params, "contentChanges");
        if (!d || !changes || changes->kind != JSON_ARRAY)
            return;
        for (size_t i = 0; i < changes->as.array.count; i++)
            if (!apply_change(s, d, changes->as.array.elems[i]))
                break;
        set_version(d, json_object_get(td, "version"));
    } else if (strcmp(method, "textDocument/didSave") == 0 && uri) {
        struct doc *d = doc_find(s, uri);
        size_t len;
        const char *text = str_member(m->params, "text", &len);
        if (d && text)
            set_text(s, d, text, len);
        else if (d) /* the configuration may have changed with it */
            mark_stale(s, d);
    } else if (strcmp(method, "textDocument/didClose") == 0 && uri) {
        struct doc *d = doc_find(s, uri);
        if (!d)
            return;
        free(d->version);
        d->version = NULL;
        publish(out, d, true);
        doc_free(d);
        *d = s->docs[--s->doc_count];
    }
    /* other notifications ($/cancelRequest, $/setTrace, workspace/...) need nothing */
}

static void request(struct lsp_server *s, const struct rpc_message *m, struct buf *out) {
    const char *method = m->method;
    if (strcmp(method, "initialize") == 0) {
        if (s->initialized) {
            rpc_error(out, m->id, RPC_INVALID_REQUEST, "the server is already initialized");
            return;
        }
        s->initialized = true;
        rpc_result(out, m->id, capabilities);
        return;
    }
    if (!s->initialized) {
        rpc_error(out, m->id, RPC_SERVER_NOT_INITIALIZED, "initialize comes first");
        return;
    }
    if (s->shut_down) {
        rpc_error(out, m->id, RPC_INVALID_REQUEST, "the server is shut down; only exit remains");
        return;
    }
    if (strcmp(method, "shutdown") == 0) {
        s->shut_down = true;
        rpc_result(out, m->id, "null");
    } else if (strcmp(method, "textDocument/hover") == 0) {
        hover(s, m, out);
    } else if (strcmp(method, "textDocument/codeAction") == 0) {
        code_action(s, m, out);
    } else {
        struct buf msg;
        buf_init(&msg);
        buf_printf(&msg, "method not found: %s", method);
        rpc_error(out, m->id, RPC_METHOD_NOT_FOUND, msg.data);
        buf_free(&msg);
    }
}

/* The JSON string after "key": in text (a refused message's start), or NULL. */
static char *sniff_string(const char *text, size_t len, const char *key) {
    size_t k = strlen(key);
    for (size_t i = 0; i + k + 2 < len; i++) {
        if (text[i] != '"' || strncmp(text + i + 1, key, k) != 0 || text[i + k + 1] != '"')
            continue;
        size_t j = i + k + 2;
        while (j < len && (text[j] == ' ' || text[j] == ':' || text[j] == '\t'))
            j++;
        if (j >= len || text[j] != '"')
            continue;
        size_t end = ++j;
        while (end < len && text[end] != '"' && text[end] != '\\')
            end++;
        if (end >= len || text[end] != '"')
            return NULL;
        return xstrndup(text + j, end - j);
    }
    return NULL;
}

/* The digits after "key": in text, or NULL. */
static char *sniff_number(const char *text, size_t len, const char *key) {
    size_t k = strlen(key);
    for (size_t i = 0; i + k + 2 < len; i++) {
        if (text[i] != '"' || strncmp(text + i + 1, key, k) != 0 || text[i + k + 1] != '"')
            continue;
        size_t j = i + k + 2;
        while (j < len && (text[j] == ' ' || text[j] == ':' || text[j] == '\t'))
            j++;
        size_t end = j;
        while (end < len && end - j < 18 && text[end] >= '0' && text[end] <= '9')
            end++;
        if (end > j && end < len)
            return xstrndup(text + j, end - j);
    }
    return NULL;
}

static void too_large(struct lsp_server *s, const char *start, size_t len, size_t total,
                      struct buf *out) {
    char *uri = sniff_string(start, len, "uri");
    char *method = sniff_string(start, len, "method");
    struct buf m;
    buf_init(&m);
    buf_printf(&m, "a message of %zu bytes is over rktc's limit of %zu bytes", total,
               s->options.max_message);
    struct doc *d = uri && s->initialized ? doc_find(s, uri) : NULL;
    if (!d && uri && s->initialized && method && strcmp(method, "textDocument/didOpen") == 0)
        d = doc_open(s, uri);
    if (d) {
        /* the document is not checked until it fits again */
        free(d->too_large);
        free(d->version);
        d->version = sniff_number(start, len, "version");
        buf_puts(&m, "; this document is not checked");
        d->too_large = xstrdup(m.data);
        mark_stale(s, d);
    } else {
        rpc_error(out, NULL, RPC_INVALID_REQUEST, m.data);
    }
    buf_free(&m);
    free(uri);
    free(method);
}

bool lsp_server_step(struct lsp_server *s, struct rpc_reader *r, struct buf *out) {
    const char *body;
    size_t len;
    switch (rpc_reader_next(r, &body, &len)) {
    case RPC_NEED_MORE:
        return false;
    case RPC_BAD_HEADER:
        rpc_error(out, NULL, RPC_PARSE_ERROR, "malformed message header (the base protocol "
                                              "wants Content-Length: N, then a blank line)");
        return true;
    case RPC_TOO_LARGE:
        too_large(s, body, len, r->skipped, out);
        return true;
    case RPC_MESSAGE:
        lsp_server_message(s, body, len, out);
        return true;
    }
    return true;
}

void lsp_server_message(struct lsp_server *s, const char *body, size_t len, struct buf *out) {
    struct rpc_message m;
    rpc_parse(body, len, &m);
    switch (m.kind) {
    case RPC_INVALID:
        rpc_error(out, m.id, m.error_code, m.error_message);
        break;
    case RPC_REQUEST:
        request(s, &m, out);
        break;
    case RPC_NOTIFICATION:
        notification(s, &m, out);
        break;
    case RPC_RESPONSE:
        break; /* the server sends no requests */
    }
    rpc_message_free(&m);
}

/* ---- the loop ------------------------------------------------------------------------ */

static bool flush_out(int fd, struct buf *out) {
    bool ok = rpc_write_all(fd, out->data ? out->data : "", out->len);
    buf_clear(out);
    return ok;
}

int lsp_serve(int in_fd, int out_fd, const struct lsp_options *options) {
    struct lsp_server *s = lsp_server_new(options);
    struct rpc_reader r;
    rpc_reader_init(&r, s->options.max_message);
    struct buf out;
    buf_init(&out);
    static char chunk[65536];
    bool eof = false, gone = false;
    int status = 1;
    while (!gone) {
        /* every complete message first: a burst of edits is checked once */
        while (!lsp_server_exited(s, &status) && lsp_server_step(s, &r, &out))
            if (!flush_out(out_fd, &out)) {
                gone = true;
                break;
            }
        if (gone || lsp_server_exited(s, &status))
            break;
        if (eof)
            break;
        int timeout = -1;
        if (lsp_server_stale(s)) {
            long waited = elapsed_ms(&s->stale_since);
            if (waited >= 1000 + 4L * s->options.debounce_ms) {
                /* a client that never pauses still sees its findings */
                lsp_server_flush(s, &out);
                if (!flush_out(out_fd, &out))
                    gone = true;
                continue;
            }
            long left = s->options.debounce_ms - waited;
            timeout = left > 0 ? (int)left : 0;
        }
        struct pollfd p = {in_fd, POLLIN, 0};
        int n = poll(&p, 1, timeout);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0) {
            /* the edits have settled: check the latest text */
            lsp_server_flush(s, &out);
            if (!flush_out(out_fd, &out))
                gone = true;
            continue;
        }
        ssize_t got = read(in_fd, chunk, sizeof chunk);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got <= 0)
            eof = true;
        else
            rpc_reader_feed(&r, chunk, (size_t)got);
    }
    if (!lsp_server_exited(s, &status))
        status = 1; /* end of input or a closed output without `exit` */
    buf_free(&out);
    rpc_reader_free(&r);
    lsp_server_free(s);
    return status;
}
