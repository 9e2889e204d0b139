/* kind.c — what an input is when it is not a Nomad job file (see kind.h). */
#include "nomad/kind.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- template placeholders ------------------------------------------- */

const char *nomad_template_name(enum nomad_template_kind kind) {
    switch (kind) {
    case NOMAD_TEMPLATE_LEVANT: return "Levant template";
    case NOMAD_TEMPLATE_GO: return "consul-template / Go template";
    case NOMAD_TEMPLATE_TERRAFORM: return "Terraform template";
    case NOMAD_TEMPLATE_ENVSUBST: return "envsubst / shell template";
    case NOMAD_TEMPLATE_NONE: break;
    }
    return "template";
}

/* Index of `close` after from on the same line, or len. */
static size_t close_on_line(const char *s, size_t len, size_t from, const char *close) {
    size_t n = strlen(close);
    for (size_t i = from; i + n <= len && s[i] != '\n'; i++)
        if (memcmp(s + i, close, n) == 0)
            return i;
    return len;
}

static bool starts_with(const char *s, size_t len, const char *prefix) {
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

/* ${...} content that only Terraform fills (Nomad's runtime interpolation
 * knows NOMAD_*, node., attr., meta., env[...] and plain variables). */
static bool terraform_only(const char *s, size_t len) {
    while (len && isspace((unsigned char)*s))
        s++, len--;
    static const char *const prefixes[] = {"var.", "local.", "module.", "data.",
                                           "path.", "terraform.", "each.", "count.",
                                           "self.", "for "};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (starts_with(s, len, prefixes[i]))
            return true;
    size_t i = 0; /* a function call: name( */
    while (i < len && (islower((unsigned char)s[i]) || s[i] == '_' ||
                       (i && isdigit((unsigned char)s[i]))))
        i++;
    return i > 0 && i < len && s[i] == '(';
}

/* A placeholder starting at s[i], or false. */
static bool marker_at(const char *s, size_t len, size_t i, struct nomad_marker *out) {
    if (i + 2 > len)
        return false;
    size_t close;
    if (s[i] == '{' && s[i + 1] == '{') {
        if ((close = close_on_line(s, len, i + 2, "}}")) == len)
            return false;
        *out = (struct nomad_marker){NOMAD_TEMPLATE_GO, i, close + 2};
        return true;
    }
    if (s[i] == '[' && s[i + 1] == '[') {
        size_t j = i + 2;
        if (j < len && s[j] == '-')
            j++;
        bool space = j < len && (s[j] == ' ' || s[j] == '\t');
        while (j < len && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j >= len)
            return false;
        unsigned char c = (unsigned char)s[j];
        /* [[ .x ]], [[ $v ]], [[ range ... ]]; not a nested list [["a"]] */
        bool levant = c == '.' || c == '$' || (space && (isalpha(c) || c == '/'));
        if (!levant || (close = close_on_line(s, len, j, "]]")) == len)
            return false;
        *out = (struct nomad_marker){NOMAD_TEMPLATE_LEVANT, i, close + 2};
        return true;
    }
    if (s[i] == '%' && s[i + 1] == '{') {
        if ((close = close_on_line(s, len, i + 2, "}")) == len)
            return false;
        *out = (struct nomad_marker){NOMAD_TEMPLATE_TERRAFORM, i, close + 1};
        return true;
    }
    if (s[i] == '$' && s[i + 1] == '{' && !(i && s[i - 1] == '$')) {
        if ((close = close_on_line(s, len, i + 2, "}")) == len ||
            !terraform_only(s + i + 2, close - i - 2))
            return false;
        *out = (struct nomad_marker){NOMAD_TEMPLATE_TERRAFORM, i, close + 1};
        return true;
    }
    return false;
}

bool nomad_template_marker(const char *text, size_t len, size_t from,
                           struct nomad_marker *out) {
    for (size_t i = from; i + 1 < len; i++)
        if (strchr("{[%$", text[i]) && marker_at(text, len, i, out))
            return true;
    return false;
}

/* ---- a scan of text that does not parse ------------------------------ */

#define MAX_KEYS 32

struct scan {
    const char *s;
    size_t len;
    struct span keys[MAX_KEYS]; /* top-level keys (identifier or quoted) */
    size_t key_count;
    bool has_code_marker;       /* a placeholder outside strings */
    struct nomad_marker code_marker;
};

static size_t skip_line(const char *s, size_t len, size_t i) {
    while (i < len && s[i] != '\n')
        i++;
    return i;
}

/* After `<<` (or `<<-`) at i: the end of the heredoc, or i when it is none. */
static size_t skip_heredoc(const char *s, size_t len, size_t i) {
    size_t j = i + 2;
    if (j < len && s[j] == '-')
        j++;
    size_t name = j;
    while (j < len && (isalnum((unsigned char)s[j]) || s[j] == '_'))
        j++;
    size_t name_len = j - name;
    if (!name_len || j >= len || (s[j] != '\n' && s[j] != '\r'))
        return i;
    for (size_t line = skip_line(s, len, j) + 1; line < len;
         line = skip_line(s, len, line) + 1) {
        size_t a = line, b = skip_line(s, len, line);
        while (a < b && isspace((unsigned char)s[a]))
            a++;
        while (b > a && isspace((unsigned char)s[b - 1]))
            b--;
        if (b - a == name_len && memcmp(s + a, s + name, name_len) == 0)
            return skip_line(s, len, line);
    }
    return len;
}

/* A quoted string from i (at its `"`); strings end at their line. */
static size_t skip_string(const char *s, size_t len, size_t i) {
    int interp = 0;
    for (i++; i < len && s[i] != '\n'; i++) {
        if (s[i] == '\\') {
            i++;
        } else if (s[i] == '$' && i + 1 < len && s[i + 1] == '{') {
            interp++;
            i++;
        } else if (interp && s[i] == '{') {
            interp++;
        } else if (interp && s[i] == '}') {
            interp--;
        } else if (!interp && s[i] == '"') {
            return i + 1;
        }
    }
    return i < len ? i : len; /* a `\` at the very end steps past it */
}

static void scan_text(struct scan *sc) {
    const char *s = sc->s;
    size_t len = sc->len, i = 0;
    int depth = 0;
    bool line_start = true;
    while (i < len) {
        char c = s[i];
        struct nomad_marker m;
        if (c == '\n') {
            line_start = true;
            i++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        if (c == '#' || (c == '/' && i + 1 < len && s[i + 1] == '/')) {
            i = skip_line(s, len, i);
            continue;
        }
        if (c == '/' && i + 1 < len && s[i + 1] == '*') {
            const char *end = NULL;
            for (size_t j = i + 2; j + 1 < len; j++)
                if (s[j] == '*' && s[j + 1] == '/') {
                    end = s + j + 2;
                    break;
                }
            i = end ? (size_t)(end - s) : len;
            continue;
        }
        if (strchr("{[%$", c) && marker_at(s, len, i, &m)) {
            if (!sc->has_code_marker) {
                sc->has_code_marker = true;
                sc->code_marker = m;
            }
            i = m.end;
            line_start = false;
            continue;
        }
        if (c == '$' && i + 1 < len && s[i + 1] == '{') { /* ${x} outside a string */
            size_t close = close_on_line(s, len, i + 2, "}");
            if (close < len) {
                if (!sc->has_code_marker) {
                    bool upper = close > i + 2; /* ${NAME}: envsubst or a shell */
                    for (size_t k = i + 2; k < close; k++)
                        upper &= isupper((unsigned char)s[k]) || isdigit((unsigned char)s[k]) ||
                                 s[k] == '_';
                    sc->has_code_marker = true;
                    sc->code_marker = (struct nomad_marker){
                        upper ? NOMAD_TEMPLATE_ENVSUBST : NOMAD_TEMPLATE_TERRAFORM, i, close + 1};
                }
                i = close + 1;
                line_start = false;
                continue;
            }
        }
        bool key_here = line_start && depth == 0;
        line_start = false;
        if (c == '"') {
            size_t end = skip_string(s, len, i);
            if (key_here && sc->key_count < MAX_KEYS)
                sc->keys[sc->key_count++] = span_make((uint32_t)i + 1,
                                                      (uint32_t)(end > i + 1 ? end - 1 : end));
            i = end;
            continue;
        }
        if (c == '<' && i + 1 < len && s[i + 1] == '<') {
            size_t end = skip_heredoc(s, len, i);
            if (end != i) {
                i = end;
                continue;
            }
        }
        if (isalpha((unsigned char)c) || c == '_') {
            size_t start = i;
            while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-' ||
                               s[i] == '.'))
                i++;
            if (key_here && sc->key_count < MAX_KEYS)
                sc->keys[sc->key_count++] = span_make((uint32_t)start, (uint32_t)i);
            continue;
        }
        if (c == '{' || c == '[' || c == '(')
            depth++;
        else if ((c == '}' || c == ']' || c == ')') && depth > 0)
            depth--;
        i++;
    }
}

/* ---- classification by top-level keys -------------------------------- */

struct key_view {
    const char *text;
    size_t len;
    struct span span;
    const struct hcl_value *value; /* parsed trees only */
};

static bool key_is(const struct key_view *k, const char *name) {
    return k->len == strlen(name) && strncasecmp(k->text, name, k->len) == 0;
}

/* The table entry k names (case-insensitively), or NULL. */
static const char *in_table(const struct key_view *k, const char *const *table) {
    for (size_t i = 0; table[i]; i++)
        if (key_is(k, table[i]))
            return table[i];
    return NULL;
}

/* Keys of Nomad's agent configuration (command/agent/config_parse.go). */
static const char *const agent_keys[] = {
    "datacenter", "data_dir", "bind_addr", "advertise", "addresses", "ports",
    "client", "server", "consul", "vault", "acl", "telemetry", "log_level",
    "log_json", "log_file", "log_rotate_bytes", "log_rotate_duration",
    "log_rotate_max_files", "enable_debug", "plugin_dir", "plugin", "tls",
    "autopilot", "sentinel", "leave_on_interrupt", "leave_on_terminate",
    "enable_syslog", "syslog_facility", "disable_update_check",
    "disable_anonymous_signature", "http_api_response_headers", "limits",
    "audit", "ui", "region", "name", NULL};
/* region and name are job words too: they tell nothing alone */
static const char *const agent_weak[] = {"region", "name", "vault", NULL};
static const char *const terraform_keys[] = {"resource", "provider", "terraform", "module",
                                             "output", "data", NULL};
static const char *const packer_keys[] = {"source", "build", "packer", "builders",
                                          "provisioners", "post-processors",
                                          "post-processor", "min_packer_version",
                                          "sensitive-variables", NULL};
static const char *const shared_hcl_keys[] = {"variable", "variables", "locals", NULL};
/* api.Job's fields (Go matches them case-insensitively) */
static const char *const api_job_keys[] = {
    "ID", "Name", "Type", "Datacenters", "TaskGroups", "Region", "Namespace",
    "Priority", "AllAtOnce", "Constraints", "Affinities", "Spreads", "Update",
    "Periodic", "ParameterizedJob", "Meta", "ParentID", "Stop", "Status",
    "Multiregion", "Reschedule", "Migrate", "ConsulToken", "VaultToken",
    "VaultNamespace", "ConsulNamespace", "NomadTokenID", "Dispatched", "Payload",
    "StatusDescription", "Stable", "Version", "SubmitTime", "CreateIndex", "ModifyIndex",
    "JobModifyIndex", "DispatchIdempotencyToken", NULL};

static void add_evidence(struct nomad_input_class *c, const char *name) {
    for (size_t i = 0; i < c->evidence_count; i++)
        if (c->evidence[i] == name)
            return;
    if (c->evidence_count < NOMAD_INPUT_EVIDENCE)
        c->evidence[c->evidence_count++] = name;
}

static const char *ac_kind_of(const struct key_view *keys, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (key_is(&keys[i], "acKind") && keys[i].value &&
            keys[i].value->kind == HCL_STRING)
            return keys[i].value->as.string.text;
    return NULL;
}

static struct nomad_input_class classify_keys(const struct key_view *keys, size_t n,
                                              bool json) {
    struct nomad_input_class c;
    memset(&c, 0, sizeof c);
    for (size_t i = 0; i < n; i++)
        if (key_is(&keys[i], "job"))
            return c; /* a job, perhaps with invalid keys */
    if (!n)
        return c;
    /* rkt (appc) manifests */
    for (size_t i = 0; i < n; i++)
        if (key_is(&keys[i], "acKind") || key_is(&keys[i], "acVersion")) {
            const char *kind = ac_kind_of(keys, n);
            c.kind = kind && strcmp(kind, "ImageManifest") == 0
                         ? NOMAD_INPUT_RKT_IMAGE_MANIFEST : NOMAD_INPUT_RKT_POD_MANIFEST;
            c.ac_kind = kind && (strcmp(kind, "ImageManifest") == 0 ||
                                 strcmp(kind, "PodManifest") == 0) ? kind : NULL;
            c.at = keys[i].span;
            return c;
        }
    /* an API job without {"Job": ...} */
    if (json) {
        bool groups = false, id = false, dcs = false;
        size_t api = 0;
        for (size_t i = 0; i < n; i++) {
            const char *name = in_table(&keys[i], api_job_keys);
            if (!name)
                continue;
            api++;
            groups |= strcmp(name, "TaskGroups") == 0;
            id |= strcmp(name, "ID") == 0 || strcmp(name, "Name") == 0;
            dcs |= strcmp(name, "Datacenters") == 0;
            if (!c.evidence_count)
                c.at = keys[i].span;
            if (strcmp(name, "ID") == 0 || strcmp(name, "TaskGroups") == 0 ||
                strcmp(name, "Datacenters") == 0 || strcmp(name, "Name") == 0)
                add_evidence(&c, name);
        }
        if ((groups || (id && dcs)) && api * 2 >= n) {
            c.kind = NOMAD_INPUT_API_JOB_UNWRAPPED;
            return c;
        }
        memset(&c, 0, sizeof c);
    }
    /* Terraform, Packer */
    size_t tf = 0, packer = 0, shared = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name;
        if ((name = in_table(&keys[i], terraform_keys)))
            tf++;
        else if ((name = in_table(&keys[i], packer_keys)))
            packer++;
        else if ((name = in_table(&keys[i], shared_hcl_keys)))
            shared++;
        if (name) {
            if (!c.evidence_count)
                c.at = keys[i].span;
            add_evidence(&c, name);
        }
    }
    if ((tf || packer) && (tf + packer + shared) * 2 >= n) {
        c.kind = packer > tf ? NOMAD_INPUT_PACKER : NOMAD_INPUT_TERRAFORM;
        return c;
    }
    memset(&c, 0, sizeof c);
    /* a Nomad agent configuration */
    size_t agent = 0, strong = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = in_table(&keys[i], agent_keys);
        if (!name)
            continue;
        agent++;
        if (!in_table(&keys[i], agent_weak)) {
            if (!strong)
                c.at = keys[i].span;
            strong++;
            add_evidence(&c, name);
        }
    }
    if (strong && agent * 2 >= n) {
        c.kind = NOMAD_INPUT_AGENT_CONFIG;
        return c;
    }
    memset(&c, 0, sizeof c);
    return c;
}

/* ---- the classifier --------------------------------------------------- */

/* A placeholder in text Nomad never interpolates (ids, labels,
 * datacenters): any template marker, and `${...}` too (Terraform's or a
 * shell's: Nomad's runtime interpolation does not reach these). */
static bool text_placeholder(const char *text, size_t len, struct span at,
                             struct nomad_input_class *c) {
    struct nomad_marker m = {NOMAD_TEMPLATE_NONE, 0, 0};
    bool found = nomad_template_marker(text, len, 0, &m);
    bool dollar = false;
    for (size_t k = 0; k + 1 < len && !found; k++)
        dollar |= text[k] == '$' && text[k + 1] == '{';
    if (!found && !dollar)
        return false;
    c->kind = NOMAD_INPUT_TEMPLATE;
    c->template_kind = found ? m.kind : NOMAD_TEMPLATE_TERRAFORM;
    c->at = at;
    return true;
}

static bool value_placeholder(const struct hcl_value *v, struct nomad_input_class *c) {
    if (!v)
        return false;
    if (v->kind == HCL_STRING)
        return text_placeholder(v->as.string.text, v->as.string.len, v->span, c);
    if (v->kind == HCL_LIST)
        for (size_t i = 0; i < v->as.list.count; i++)
            if (value_placeholder(v->as.list.elems[i], c))
                return true;
    return false;
}

/* The job's body and label span: job "x" { ... } or HCL-JSON {"job": {"x": {...}}}. */
static const struct hcl_object *job_body(const struct hcl_item *item, const struct hcl_key **label) {
    const struct hcl_value *v = item->value;
    *label = NULL;
    if (item->key_count > 1) {
        *label = &item->keys[1];
    } else if (v && v->kind == HCL_OBJECT && v->as.object.count == 1) {
        *label = &v->as.object.items[0]->keys[0];
        v = v->as.object.items[0]->value;
    }
    return v && v->kind == HCL_OBJECT ? &v->as.object : NULL;
}

/* `${name}` with a bare lower-case name (Terraform's templatefile()
 * variables; Nomad's own are NOMAD_*, node., attr., meta., env[...]), or a
 * Terraform-only form (var., function calls). */
static bool terraform_variable(const char *text, size_t len) {
    const char *end = text + len, *p = text;
    while ((p = memchr(p, '$', (size_t)(end - p))) != NULL) {
        size_t i = (size_t)(p - text);
        p++;
        if (i + 2 >= len)
            break;
        if (text[i + 1] != '{' || (i && text[i - 1] == '$'))
            continue;
        size_t j = i + 2;
        while (j < len && (islower((unsigned char)text[j]) || text[j] == '_' ||
                           (j > i + 2 && isdigit((unsigned char)text[j]))))
            j++;
        if (j > i + 2 && j < len && text[j] == '}')
            return true;
        size_t close = j;
        while (close < len && text[close] != '}' && text[close] != '\n')
            close++;
        if (close < len && text[close] == '}' && terraform_only(text + i + 2, close - i - 2))
            return true;
    }
    return false;
}

/* Strings of the job holding such placeholders (template data aside),
 * counted up to `enough`; the first one's span in *at. */
static size_t count_terraform_strings(const struct hcl_value *v, struct span *at, size_t enough) {
    if (!v || v->placeholder_free)
        return 0;
    size_t n = 0;
    switch (v->kind) {
    case HCL_STRING:
        if (terraform_variable(v->as.string.text, v->as.string.len)) {
            if (!at->end)
                *at = v->span;
            n = 1;
        }
        break;
    case HCL_LIST:
        for (size_t i = 0; i < v->as.list.count && n < enough; i++)
            n += count_terraform_strings(v->as.list.elems[i], at, enough - n);
        break;
    case HCL_OBJECT:
        for (size_t i = 0; i < v->as.object.count && n < enough; i++) {
            const struct hcl_item *item = v->as.object.items[i];
            /* the next item's tree comes into the cache meanwhile */
            if (i + 1 < v->as.object.count && v->as.object.items[i + 1]->value)
                hcl_value_prefetch(v->as.object.items[i + 1]->value);
            const char *k = item->keys[0].text;
            if ((*k | 0x20) != 'd' || strcasecmp(k, "data") != 0)
                n += count_terraform_strings(item->value, at, enough - n);
        }
        break;
    default:
        break;
    }
    return n;
}

/* A job file whose id, datacenters, region, namespace, type or group
 * labels are still placeholders is an unrendered template: Nomad never
 * interpolates those (job "[[ .name ]]", datacenters = ["${dc}"]). */
static bool job_placeholders(const struct hcl_file *tree, struct nomad_input_class *c) {
    const struct hcl_object *root = &tree->root->as.object;
    static const char *const hcl2[] = {"variable", "variables", "locals"};
    for (size_t k = 0; k < sizeof hcl2 / sizeof hcl2[0]; k++)
        if (hcl_object_filter(root, hcl2[k], NULL, 0))
            return false; /* a Nomad 1.x HCL2 job: ${var.x} are its variables */
    for (size_t i = 0; i < root->count; i++) {
        const struct hcl_item *item = root->items[i];
        if (strcasecmp(item->keys[0].text, "job") != 0)
            continue;
        const struct hcl_key *label;
        const struct hcl_object *body = job_body(item, &label);
        if (label && text_placeholder(label->text, label->len, label->span, c))
            return true;
        if (!body)
            continue;
        static const char *const never[] = {"datacenters", "region", "namespace", "type"};
        for (size_t k = 0; k < sizeof never / sizeof never[0]; k++) {
            const struct hcl_item *found[4];
            size_t n = hcl_object_filter(body, never[k], found, 4);
            for (size_t j = 0; j < n && j < 4; j++)
                if (value_placeholder(found[j]->value, c))
                    return true;
        }
        for (size_t j = 0; j < body->count; j++) {
            const struct hcl_item *g = body->items[j];
            if (strcasecmp(g->keys[0].text, "group") == 0 && g->key_count > 1 &&
                text_placeholder(g->keys[1].text, g->keys[1].len, g->keys[1].span, c))
                return true;
        }
        /* two or more values with Terraform's ${name} placeholders */
        struct span at = {0, 0};
        struct hcl_value whole = {.kind = HCL_OBJECT, .as.object = *body};
        if (count_terraform_strings(&whole, &at, 2) >= 2) {
            c->kind = NOMAD_INPUT_TEMPLATE;
            c->template_kind = NOMAD_TEMPLATE_TERRAFORM;
            c->at = at;
            return true;
        }
    }
    return false;
}

struct nomad_input_class nomad_input_classify(const struct source *src,
                                              const struct hcl_file *tree) {
    struct nomad_input_class c;
    memset(&c, 0, sizeof c);
    struct key_view keys[MAX_KEYS];
    memset(keys, 0, sizeof keys);
    size_t n = 0;
    if (tree && tree->root && tree->root->kind == HCL_OBJECT) {
        const struct hcl_object *root = &tree->root->as.object;
        for (size_t i = 0; i < root->count && n < MAX_KEYS; i++) {
            const struct hcl_item *item = root->items[i];
            keys[n++] = (struct key_view){item->keys[0].text, item->keys[0].len,
                                          item->keys[0].span, item->value};
        }
        c = classify_keys(keys, n, tree->is_json);
        if (c.kind == NOMAD_INPUT_JOB)
            job_placeholders(tree, &c);
        return c;
    }
    /* no tree: the text did not parse */
    struct scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = src->text;
    sc.len = src->len;
    scan_text(&sc);
    if (sc.has_code_marker) {
        c.kind = NOMAD_INPUT_TEMPLATE;
        c.template_kind = sc.code_marker.kind;
        c.at = span_make((uint32_t)sc.code_marker.start, (uint32_t)sc.code_marker.end);
        return c;
    }
    for (size_t i = 0; i < sc.key_count; i++)
        keys[n++] = (struct key_view){src->text + sc.keys[i].start,
                                      sc.keys[i].end - sc.keys[i].start, sc.keys[i], NULL};
    return classify_keys(keys, n, false);
}

/* ---- the finding ------------------------------------------------------ */

static void evidence_list(char *out, size_t size, const struct nomad_input_class *c) {
    out[0] = '\0';
    for (size_t i = 0; i < c->evidence_count; i++) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s`%s`", i ? ", " : "", c->evidence[i]);
    }
}

static void drop_since(struct diag_list *diags, size_t first) {
    for (size_t i = first; i < diags->count; i++) {
        struct diag *d = &diags->items[i];
        free(d->message);
        free(d->fix);
        for (size_t n = 0; n < d->note_count; n++)
            free(d->notes[n].message);
        free(d->notes);
    }
    if (first < diags->count)
        diags->count = first;
}

bool nomad_input_report(const struct source *src, const struct nomad_input_class *c,
                        size_t first, struct diag_list *diags) {
    if (c->kind == NOMAD_INPUT_JOB)
        return false;
    drop_since(diags, first);
    char keys[200];
    evidence_list(keys, sizeof keys, c);
    const char *leave_out = "or leave the file out (`exclude` in .rktc.hcl, or --exclude)";
    struct diag *d = NULL;
    switch (c->kind) {
    case NOMAD_INPUT_JOB:
        return false;
    case NOMAD_INPUT_AGENT_CONFIG:
        d = diag_add(diags, RULE_RKC020, src, c->at,
                     "this is a Nomad agent configuration (top-level %s), not a job "
                     "file: the agent reads it with -config, `nomad job run` cannot",
                     keys);
        if (d)
            diag_fix(d, "check the job files the cluster runs instead, %s", leave_out);
        break;
    case NOMAD_INPUT_RKT_POD_MANIFEST:
    case NOMAD_INPUT_RKT_IMAGE_MANIFEST: {
        bool pod = c->kind == NOMAD_INPUT_RKT_POD_MANIFEST;
        d = diag_add(diags, RULE_RKC020, src, c->at,
                     "this is an rkt %s manifest (%s%s%s), not a Nomad job file: %s",
                     pod ? "pod" : "image", c->ac_kind ? "acKind \"" : "appc acVersion",
                     c->ac_kind ? c->ac_kind : "", c->ac_kind ? "\"" : "",
                     pod ? "Nomad's rkt driver builds the pod itself from a job's task"
                         : "a job's rkt task names the image it runs");
        if (d)
            diag_fix(d, "write a job with a task `driver = \"rkt\"` whose `config { image = "
                     "\"...\" }` names the %s, %s",
                     pod ? "pod's image (one task per app)" : "image", leave_out);
        break;
    }
    case NOMAD_INPUT_API_JOB_UNWRAPPED:
        d = diag_add(diags, RULE_RKC020, src, c->at,
                     "this looks like a Nomad API job (top-level %s) without its "
                     "{\"Job\": ...} wrapper: Nomad reads the fields as job-file keys and "
                     "finds no job",
                     keys);
        if (d)
            diag_fix(d, "wrap it in {\"Job\": …}: {\"Job\": <this object>} (the form "
                     "`nomad job run -output` and `nomad job inspect` write)");
        break;
    case NOMAD_INPUT_TERRAFORM:
    case NOMAD_INPUT_PACKER: {
        bool tf = c->kind == NOMAD_INPUT_TERRAFORM;
        d = diag_add(diags, RULE_RKC020, src, c->at,
                     "this is a %s file (top-level %s), not a Nomad job file",
                     tf ? "Terraform" : "Packer", keys);
        if (d)
            diag_fix(d, "check the job file%s, %s",
                     tf ? " it submits (e.g. the one a nomad_job resource's jobspec reads)"
                        : "s that run the image it builds",
                     leave_out);
        break;
    }
    case NOMAD_INPUT_TEMPLATE: {
        const char *how =
            c->template_kind == NOMAD_TEMPLATE_LEVANT
                ? "`levant render -var-file=VARS FILE > job.nomad`"
            : c->template_kind == NOMAD_TEMPLATE_GO
                ? "consul-template (`consul-template -once -template \"FILE:job.nomad\"`) "
                  "or the tool that fills it"
            : c->template_kind == NOMAD_TEMPLATE_ENVSUBST
                ? "envsubst (`envsubst < FILE > job.nomad`) or the script that fills it"
                : "Terraform's templatefile() (e.g. a local_file resource, or `terraform "
                  "console`)";
        int shown = (int)(c->at.end - c->at.start);
        if (shown > 40)
            shown = 40;
        d = diag_add(diags, RULE_RKC021, src, c->at,
                     "this is an unrendered %s (`%.*s` is still a placeholder), not a "
                     "job file Nomad can read",
                     nomad_template_name(c->template_kind), shown, src->text + c->at.start);
        if (d)
            diag_fix(d, "render it first with %s, then check the rendered job", how);
        break;
    }
    }
    return true;
}
