/* rewrite.c — the edits that turn rkt tasks into docker/podman tasks (see rewrite.h). */
#include "migrate/rewrite.h"

#include "hcl/generic.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

enum oval_kind { OV_RAW, OV_STRING, OV_NUMBER, OV_LIST, OV_PORTMAP };

/* a value of the new config: copied from the input (raw) or made here */
struct oval {
    enum oval_kind kind;
    struct span raw;           /* OV_RAW: the bytes of the input */
    const char *text;          /* OV_STRING (unquoted), OV_NUMBER */
    struct oval **elems;       /* OV_LIST */
    const char **labels;       /* OV_PORTMAP: label = number */
    const char **numbers;
    size_t count, cap;
};

struct entry {
    const char *key;
    struct oval *value;
};

struct note {
    const char *key; /* the entry it belongs to; NULL: the top of the block */
    const char *text;
};

#define MAX_ENTRIES 48

struct task_out {
    struct arena *arena;
    const struct source *src;
    enum mig_dest dest;
    struct entry entries[MAX_ENTRIES];
    size_t count;
    struct note *notes;
    size_t note_count, note_cap;
    const struct oval *portmap; /* rkt port_map: label -> container port number */
    bool group_ports;           /* the task's ports move to the group network */
};

static void edit_add(struct arena *arena, struct mig_edits *e, uint32_t start, uint32_t end,
                     const char *text) {
    for (size_t i = 0; i < e->count; i++) /* one edit per place */
        if (e->items[i].start == start && e->items[i].end == end)
            return;
    if (e->count == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 16;
        e->items = arena_grow(arena, e->items, e->count, cap, sizeof *e->items);
        e->cap = cap;
    }
    e->items[e->count++] = (struct mig_edit){start, end, text};
}

/* ---- values --------------------------------------------------------------- */

static struct oval *ov_new(struct arena *arena, enum oval_kind kind) {
    struct oval *v = arena_alloc(arena, sizeof *v);
    v->kind = kind;
    return v;
}

static struct oval *ov_raw(struct arena *arena, const struct cfg_node *n) {
    struct oval *v = ov_new(arena, OV_RAW);
    v->raw = n->span;
    return v;
}

static struct oval *ov_string(struct arena *arena, const char *text) {
    struct oval *v = ov_new(arena, OV_STRING);
    v->text = text;
    return v;
}

static void ov_push(struct arena *arena, struct oval *list, struct oval *elem) {
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 4;
        list->elems = arena_grow(arena, list->elems, list->count, cap, sizeof *list->elems);
        list->cap = cap;
    }
    list->elems[list->count++] = elem;
}

static bool ov_list_has(const struct oval *list, const char *text) {
    for (size_t i = 0; i < list->count; i++)
        if (list->elems[i]->kind == OV_STRING && strcmp(list->elems[i]->text, text) == 0)
            return true;
    return false;
}

static struct entry *entry_get(struct task_out *t, const char *key) {
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->entries[i].key, key) == 0)
            return &t->entries[i];
    return NULL;
}

static void entry_set(struct task_out *t, const char *key, struct oval *value) {
    struct entry *e = entry_get(t, key);
    if (e) {
        e->value = value;
    } else if (t->count < MAX_ENTRIES) {
        t->entries[t->count].key = key;
        t->entries[t->count].value = value;
        t->count++;
    }
}

/* appends a string to the list entry key (created when missing) */
static void entry_list_add(struct task_out *t, const char *key, const char *text) {
    struct entry *e = entry_get(t, key);
    if (!e) {
        entry_set(t, key, ov_new(t->arena, OV_LIST));
        e = entry_get(t, key);
        if (!e)
            return;
    }
    if (e->value->kind == OV_LIST && !ov_list_has(e->value, text))
        ov_push(t->arena, e->value, ov_string(t->arena, text));
}

/* ---- the new config ----------------------------------------------------- */

static const char *docker_ref(const char *image) {
    if (strncmp(image, "docker://", 9) == 0)
        return image + 9;
    if (strncmp(image, "docker:", 7) == 0)
        return image + 7;
    return NULL;
}

static void image_entry(struct task_out *t, const struct mig_task *task,
                        const struct cfg_entry *e) {
    const struct cfg_node *v = e->value;
    const char *ref = v->kind == CFG_STRING ? docker_ref(v->text) : NULL;
    if (!ref || !mig_task_use(task, "image.docker")) {
        entry_set(t, "image", ov_raw(t->arena, v)); /* a blocker: kept as written */
        return;
    }
    if (t->dest == MIG_DOCKER)
        entry_set(t, "image", ov_string(t->arena, ref));
    else if (strncmp(v->text, "docker://", 9) == 0)
        entry_set(t, "image", ov_raw(t->arena, v));
    else
        entry_set(t, "image", ov_string(t->arena, arena_printf(t->arena, "docker://%s", ref)));
}

static void insecure_entry(struct task_out *t, const struct cfg_node *list) {
    for (size_t i = 0; list->kind == CFG_LIST && i < list->count; i++) {
        const struct cfg_node *el = list->elems[i];
        const char *p = el->kind == CFG_STRING ? el->text : "";
        while (p) {
            const char *comma = strchr(p, ',');
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            char *one = arena_strndup(t->arena, p, len);
            bool all = strcmp(one, "all") == 0 || strcmp(one, "all-run") == 0;
            if (all || strcmp(one, "capabilities") == 0)
                entry_list_add(t, "cap_add", "ALL");
            if (t->dest == MIG_DOCKER && (all || strcmp(one, "seccomp") == 0))
                entry_list_add(t, "security_opt", "seccomp=unconfined");
            if (t->dest == MIG_DOCKER && (all || strcmp(one, "paths") == 0))
                entry_list_add(t, "security_opt", "systempaths=unconfined");
            p = comma ? comma + 1 : NULL;
        }
    }
}

static void net_entry(struct task_out *t, const struct mig_task *task,
                      const struct cfg_entry *e) {
    const struct cfg_node *v = e->value;
    const char *name = v->kind == CFG_LIST && v->count == 1 && v->elems[0]->kind == CFG_STRING
                           ? v->elems[0]->text
                           : NULL;
    if (mig_task_use(task, "net.host"))
        entry_set(t, "network_mode", ov_string(t->arena, "host"));
    else if (mig_task_use(task, "net.none"))
        entry_set(t, "network_mode", ov_string(t->arena, "none"));
    else if (mig_task_use(task, "net.cni") && name)
        entry_set(t, "network_mode", ov_string(t->arena, name));
    else if (mig_task_use(task, "net.cni-ip") && name && t->dest == MIG_DOCKER) {
        const char *colon = strchr(name, ':');
        if (!colon)
            return;
        entry_set(t, "network_mode",
                  ov_string(t->arena, arena_strndup(t->arena, name, (size_t)(colon - name))));
        const char *ip = strstr(colon, "IP=");
        if (ip) {
            const char *end = strchr(ip + 3, ',');
            entry_set(t, "ipv4_address",
                      ov_string(t->arena, end ? arena_strndup(t->arena, ip + 3,
                                                              (size_t)(end - ip - 3))
                                              : ip + 3));
        }
    }
}

static void port_map_add(struct task_out *t, struct oval *pm, const struct cfg_entry *pe) {
    const struct cfg_node *v = pe->value;
    const char *text = v->kind == CFG_STRING || v->kind == CFG_NUMBER ? v->text : "";
    const char *digits_end = NULL;
    const char *number = NULL;
    if (mig_docker_port_name(text, &digits_end))
        number = arena_strndup(t->arena, text, (size_t)(digits_end - text));
    else if (*text && strspn(text, "0123456789") == strlen(text))
        number = text;
    size_t k = 0;
    while (k < pm->count && strcmp(pm->labels[k], pe->key) != 0)
        k++;
    if (!number) { /* an appc port name: no number to give; a later value may */
        if (k < pm->count) {
            memmove(&pm->labels[k], &pm->labels[k + 1], (pm->count - k - 1) * sizeof *pm->labels);
            memmove(&pm->numbers[k], &pm->numbers[k + 1],
                    (pm->count - k - 1) * sizeof *pm->numbers);
            pm->count--;
        }
        return;
    }
    if (k == pm->count) {
        if (pm->count == pm->cap) {
            size_t cap = pm->cap ? pm->cap * 2 : 4;
            pm->labels = arena_grow(t->arena, pm->labels, pm->count, cap, sizeof *pm->labels);
            pm->numbers = arena_grow(t->arena, pm->numbers, pm->count, cap, sizeof *pm->numbers);
            pm->cap = cap;
        }
        pm->labels[pm->count++] = pe->key;
    }
    pm->numbers[k] = number;
}

static void port_map_entry(struct task_out *t, const struct cfg_node *cfg) {
    struct oval *pm = ov_new(t->arena, OV_PORTMAP);
    for (size_t i = 0; i < cfg->count; i++) {
        const struct cfg_entry *e = &cfg->entries[i];
        if (strcmp(e->key, "port_map") != 0)
            continue;
        if (e->value->kind == CFG_MAP)
            for (size_t k = 0; k < e->value->count; k++)
                port_map_add(t, pm, &e->value->entries[k]);
        for (size_t j = 0; e->value->kind == CFG_LIST && j < e->value->count; j++)
            for (size_t k = 0; e->value->elems[j]->kind == CFG_MAP &&
                               k < e->value->elems[j]->count; k++)
                port_map_add(t, pm, &e->value->elems[j]->entries[k]);
    }
    t->portmap = pm;
    if (!t->group_ports && pm->count)
        entry_set(t, "port_map", pm);
}

/* the labels of the task's ports (the network Nomad gives the task) */
static void ports_entry(struct task_out *t, const struct nomad_task *m) {
    const struct nomad_resources *r = m->resources;
    for (size_t n = 0; r && n < r->networks.count; n++) {
        const struct nomad_network *net = r->networks.items[n];
        const struct nomad_list *lists[2] = {&net->reserved_ports, &net->dynamic_ports};
        for (int l = 0; l < 2; l++)
            for (size_t i = 0; i < lists[l]->count; i++) {
                const struct nomad_port *port = lists[l]->items[i];
                entry_list_add(t, "ports", port->label.text);
            }
    }
}

static void volumes_entry(struct task_out *t, const struct cfg_node *list) {
    struct oval *out = ov_new(t->arena, OV_LIST);
    for (size_t i = 0; list->kind == CFG_LIST && i < list->count; i++) {
        const struct cfg_node *el = list->elems[i];
        const char *text = el->kind == CFG_STRING ? el->text : "";
        const char *c1 = strchr(text, ':');
        const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        bool malformed = !c1 || c1 == text || c1[1] == '\0' || c1[1] == ':'; /* kept as is */
        if (!c2 || malformed) {
            ov_push(t->arena, out, ov_raw(t->arena, el));
            continue;
        }
        const char *base = arena_strndup(t->arena, text, (size_t)(c2 - text));
        ov_push(t->arena, out,
                ov_string(t->arena, strcmp(c2 + 1, "readOnly") == 0
                                        ? arena_printf(t->arena, "%s:ro", base)
                                        : base));
    }
    entry_set(t, "volumes", out);
}

static bool later_entry(const struct cfg_node *cfg, size_t i) {
    for (size_t k = i + 1; k < cfg->count; k++)
        if (strcmp(cfg->entries[k].key, cfg->entries[i].key) == 0)
            return true;
    return false;
}

static void build_entries(struct task_out *t, const struct mig_task *task) {
    const struct cfg_node *cfg = task->config;
    const struct cfg_entry *image = cfg_get(cfg, "image");
    if (image)
        image_entry(t, task, image);
    bool net_host = mig_task_use(task, "net.host") != NULL;
    for (size_t i = 0; cfg && i < cfg->count; i++) {
        const struct cfg_entry *e = &cfg->entries[i];
        const char *k = e->key;
        if (later_entry(cfg, i) && strcmp(k, "port_map") != 0)
            continue; /* the last one wins */
        if (strcmp(k, "command") == 0) {
            if (t->dest == MIG_DOCKER) {
                struct oval *list = ov_new(t->arena, OV_LIST);
                ov_push(t->arena, list, ov_raw(t->arena, e->value));
                entry_set(t, "entrypoint", list);
            } else {
                entry_set(t, "command", ov_raw(t->arena, e->value));
            }
        } else if (strcmp(k, "args") == 0) {
            entry_set(t, "args", ov_raw(t->arena, e->value));
        } else if (strcmp(k, "insecure_options") == 0) {
            insecure_entry(t, e->value);
        } else if (strcmp(k, "dns_servers") == 0) {
            if (t->dest == MIG_DOCKER && mig_task_use(task, "dns_servers.ips"))
                entry_set(t, "dns_servers", ov_raw(t->arena, e->value));
        } else if (strcmp(k, "dns_search_domains") == 0) {
            if (t->dest == MIG_DOCKER)
                entry_set(t, "dns_search_domains", ov_raw(t->arena, e->value));
        } else if (strcmp(k, "net") == 0) {
            net_entry(t, task, e);
        } else if (strcmp(k, "port_map") == 0) {
            if (!net_host && !t->portmap)
                port_map_entry(t, cfg);
        } else if (strcmp(k, "volumes") == 0) {
            volumes_entry(t, e->value);
        }
        /* trust_prefix, no_overlay, debug, group and unknown keys: dropped */
    }
    if (!net_host && t->group_ports)
        ports_entry(t, task->model);
    if (t->dest == MIG_DOCKER) {
        struct entry *caps = entry_get(t, "cap_add");
        if (!caps || !ov_list_has(caps->value, "ALL"))
            entry_list_add(t, "cap_add", "NET_RAW");
    } else {
        entry_list_add(t, "volumes", "${NOMAD_ALLOC_DIR}:/alloc");
        entry_list_add(t, "volumes", "${NOMAD_TASK_DIR}:/local");
        entry_list_add(t, "volumes", "${NOMAD_SECRETS_DIR}:/secrets");
    }
}

/* ---- notes --------------------------------------------------------------- */

static const char *note_key(struct task_out *t, const struct mig_use *u) {
    const char *option = u->option, *id = u->c->id;
    size_t len = strcspn(option, ".[");
    const char *root = arena_strndup(t->arena, option, len);
    if (strcmp(root, "command") == 0 && t->dest == MIG_DOCKER)
        root = "entrypoint";
    else if (strcmp(id, "insecure_options.seccomp") == 0 ||
             strcmp(id, "insecure_options.paths") == 0)
        root = "security_opt";
    else if (strcmp(root, "capabilities") == 0 || strcmp(root, "insecure_options") == 0)
        root = "cap_add";
    else if (strcmp(root, "task directories") == 0)
        root = "volumes";
    else if (strcmp(root, "net") == 0)
        root = "network_mode";
    else if (strcmp(root, "port_map") == 0 && t->group_ports)
        root = "ports";
    struct entry *e = entry_get(t, root);
    return e ? e->key : NULL;
}

static void add_note(struct task_out *t, const char *key, const char *text) {
    if (t->note_count == t->note_cap) {
        size_t cap = t->note_cap ? t->note_cap * 2 : 8;
        t->notes = arena_grow(t->arena, t->notes, t->note_count, cap, sizeof *t->notes);
        t->note_cap = cap;
    }
    t->notes[t->note_count++] = (struct note){key, text};
}

static bool span_seen(struct span *seen, size_t *count, size_t cap, struct span s) {
    for (size_t i = 0; i < *count; i++)
        if (seen[i].start == s.start && seen[i].end == s.end)
            return true;
    if (*count < cap)
        seen[(*count)++] = s;
    return false;
}

static void task_notes(struct task_out *t, const struct mig_task *task, struct buf *notes,
                       struct diag_list *diags, struct span *seen, size_t *seen_count,
                       size_t seen_cap) {
    for (size_t i = 0; i < task->use_count; i++) {
        const struct mig_use *u = &task->uses[i];
        const struct mig_fate *f = &u->c->fate[t->dest];
        const struct rule *rule = mig_verdict_rule(f->verdict);
        if (!rule)
            continue;
        const char *text = arena_printf(t->arena, "%s %s = %s: %s", rule->id, u->option, u->value,
                                        f->how);
        add_note(t, note_key(t, u), text);
        /* a job-level place (a constraint) is reported once per job */
        bool job_level = u->span.start < task->span.start || u->span.end > task->span.end;
        if (job_level && span_seen(seen, seen_count, seen_cap, u->span))
            continue;
        diag_add(diags, rule->code, t->src, u->span, "task \"%s\": %s = %s (%s on %s): %s",
                 task->name, u->option, u->value, mig_verdict_name(f->verdict),
                 mig_dest_name(t->dest), f->how);
        struct position p = source_position(t->src, u->span.start);
        buf_printf(notes, "%s:%u:%u: task \"%s\": %s\n", t->src->path, p.line, p.column,
                   task->name, text);
    }
}

/* ---- rendering ------------------------------------------------------------ */

static void hcl_quote(struct buf *b, const char *text) {
    buf_putc(b, '"');
    for (const char *p = text; *p; p++) {
        if (*p == '"' || *p == '\\')
            buf_putc(b, '\\');
        if (*p == '\n')
            buf_puts(b, "\\n");
        else if (*p == '\t')
            buf_puts(b, "\\t");
        else
            buf_putc(b, *p);
    }
    buf_putc(b, '"');
}

static void render_value(struct buf *b, const struct source *src, const struct oval *v,
                         bool json, const char *indent, const char *unit) {
    switch (v->kind) {
    case OV_RAW:
        buf_add(b, src->text + v->raw.start, v->raw.end - v->raw.start);
        break;
    case OV_STRING:
        if (json)
            json_write_string(b, v->text, strlen(v->text));
        else
            hcl_quote(b, v->text);
        break;
    case OV_NUMBER:
        buf_puts(b, v->text);
        break;
    case OV_LIST:
        buf_putc(b, '[');
        for (size_t i = 0; i < v->count; i++) {
            if (i)
                buf_puts(b, ", ");
            render_value(b, src, v->elems[i], json, indent, unit);
        }
        buf_putc(b, ']');
        break;
    case OV_PORTMAP:
        if (json) {
            buf_puts(b, "[{");
            for (size_t i = 0; i < v->count; i++) {
                if (i)
                    buf_puts(b, ", ");
                json_write_string(b, v->labels[i], strlen(v->labels[i]));
                buf_printf(b, ": %s", v->numbers[i]);
            }
            buf_puts(b, "}]");
        } else {
            size_t width = 0;
            for (size_t i = 0; i < v->count; i++)
                if (strlen(v->labels[i]) > width)
                    width = strlen(v->labels[i]);
            buf_puts(b, "{\n");
            for (size_t i = 0; i < v->count; i++)
                buf_printf(b, "%s%s%s%-*s = %s\n", indent, unit, unit, (int)width,
                           v->labels[i], v->numbers[i]);
            buf_printf(b, "%s%s}", indent, unit);
        }
        break;
    }
}

/* a comment of `text`, wrapped at about 100 columns */
static void hcl_comment(struct buf *b, const char *indent, const char *text) {
    const size_t width = 96;
    const char *p = text;
    bool first = true;
    while (*p) {
        size_t len = strlen(p);
        if (len > width) {
            len = width;
            while (len > 20 && p[len] != ' ')
                len--;
            if (p[len] != ' ')
                len = width;
        }
        buf_printf(b, "%s# %s%.*s\n", indent, first ? "" : "  ", (int)len, p);
        first = false;
        p += len;
        while (*p == ' ')
            p++;
    }
}

static bool has_notes(const struct task_out *t, const char *key) {
    for (size_t i = 0; i < t->note_count; i++)
        if ((key == NULL) == (t->notes[i].key == NULL) &&
            (!key || strcmp(key, t->notes[i].key) == 0))
            return true;
    return false;
}

static void render_hcl_notes(struct buf *b, const struct task_out *t, const char *key,
                             const char *indent) {
    for (size_t i = 0; i < t->note_count; i++)
        if ((key == NULL) == (t->notes[i].key == NULL) &&
            (!key || strcmp(key, t->notes[i].key) == 0))
            hcl_comment(b, indent, t->notes[i].text);
}

/* The HCL1 printer's layout (hclfmt): an item with a lead comment, or a
 * block, stands alone between blank lines; runs of other single-line
 * attributes are aligned on `=`. */
static bool standalone(const struct task_out *t, size_t i, bool header) {
    return t->entries[i].value->kind == OV_PORTMAP || has_notes(t, t->entries[i].key) ||
           (i == 0 && header);
}

/* `config {` … `}` starting at the column of the old block */
static const char *render_hcl(struct task_out *t, const char *indent, const char *unit,
                              const struct hcl_file *file, const struct nomad_task *task) {
    struct buf b;
    buf_init(&b);
    char *inner = arena_printf(t->arena, "%s%s", indent, unit);
    buf_puts(&b, "config {\n");
    bool header = has_notes(t, NULL);
    /* comments written inside the old block(s) lead the first item */
    for (size_t c = 0; file && c < file->comment_count; c++) {
        struct span s = file->comments[c].span;
        for (size_t k = 0; k < task->config_item_count; k++)
            if (s.start >= hcl_item_span(task->config_items[k]).start &&
                s.end <= hcl_item_span(task->config_items[k]).end) {
                buf_printf(&b, "%s", inner);
                buf_add(&b, t->src->text + s.start, s.end - s.start);
                buf_putc(&b, '\n');
                header = true;
            }
    }
    render_hcl_notes(&b, t, NULL, inner);
    for (size_t i = 0; i < t->count; i++) {
        bool alone = standalone(t, i, header);
        if (i > 0 && (alone || standalone(t, i - 1, header)))
            buf_putc(&b, '\n');
        size_t width = strlen(t->entries[i].key);
        for (size_t k = i; !alone && k > 0 && !standalone(t, k - 1, header); k--)
            if (strlen(t->entries[k - 1].key) > width)
                width = strlen(t->entries[k - 1].key);
        for (size_t k = i + 1; !alone && k < t->count && !standalone(t, k, header); k++)
            if (strlen(t->entries[k].key) > width)
                width = strlen(t->entries[k].key);
        const struct entry *e = &t->entries[i];
        render_hcl_notes(&b, t, e->key, inner);
        if (e->value->kind == OV_PORTMAP)
            buf_printf(&b, "%s%s ", inner, e->key);
        else
            buf_printf(&b, "%s%-*s = ", inner, (int)width, e->key);
        render_value(&b, t->src, e->value, false, indent, unit);
        buf_putc(&b, '\n');
    }
    buf_printf(&b, "%s}", indent);
    const char *out = arena_strndup(t->arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return out;
}

static const char *render_json(struct task_out *t, const char *indent, const char *unit) {
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "{");
    for (size_t i = 0; i < t->count; i++) {
        buf_printf(&b, "%s\n%s%s", i ? "," : "", indent, unit);
        json_write_string(&b, t->entries[i].key, strlen(t->entries[i].key));
        buf_puts(&b, ": ");
        render_value(&b, t->src, t->entries[i].value, true, indent, unit);
    }
    buf_printf(&b, "\n%s}", indent);
    const char *out = arena_strndup(t->arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return out;
}

/* the whitespace before offset on its line ("" when text precedes it) */
static const char *line_indent(struct arena *arena, const struct source *src, uint32_t offset) {
    uint32_t start = offset;
    while (start > 0 && src->text[start - 1] != '\n')
        start--;
    for (uint32_t i = start; i < offset; i++)
        if (src->text[i] != ' ' && src->text[i] != '\t')
            return "";
    return arena_strndup(arena, src->text + start, offset - start);
}

static const char *quoted(struct arena *arena, const char *text, bool json) {
    struct buf b;
    buf_init(&b);
    if (json)
        json_write_string(&b, text, strlen(text));
    else
        hcl_quote(&b, text);
    const char *out = arena_strndup(arena, b.data, b.len);
    buf_free(&b);
    return out;
}

static void constraint_edits(struct arena *arena, const struct nomad_list *list,
                             const char *driver, bool json, struct mig_edits *edits) {
    for (size_t i = 0; i < list->count; i++) {
        const struct nomad_constraint *c = list->items[i];
        const struct nomad_string *sides[2] = {&c->ltarget, &c->rtarget};
        for (int s = 0; s < 2; s++)
            if (sides[s]->set && strcmp(sides[s]->text, "${driver.rkt}") == 0 &&
                sides[s]->span.end > sides[s]->span.start)
                edit_add(arena, edits, sides[s]->span.start, sides[s]->span.end,
                         quoted(arena, arena_printf(arena, "${attr.driver.%s}", driver), json));
    }
}

static bool json_input(const struct job_input *in) {
    return in->api || (in->hcl && in->hcl->is_json);
}

/* false when the task's config cannot be replaced in place (an HCL-JSON
 * task with several `config` objects) */
static bool task_edits(struct task_out *t, const struct job_input *in,
                       const struct mig_task *task, struct mig_edits *edits) {
    const struct nomad_task *m = task->model;
    struct arena *arena = t->arena;
    bool json = json_input(in);
    const char *driver = t->dest == MIG_DOCKER ? "docker" : "podman";
    if (m->driver.span.end > m->driver.span.start)
        edit_add(arena, edits, m->driver.span.start, m->driver.span.end,
                 quoted(t->arena, driver, json));
    const struct cfg_entry *group = cfg_get(task->config, "group");
    if (mig_task_use(task, "group.with-user") && group && group->value->kind == CFG_STRING &&
        m->user.span.end > m->user.span.start)
        edit_add(arena, edits, m->user.span.start, m->user.span.end,
                 quoted(t->arena, arena_printf(t->arena, "%s:%s", m->user.text,
                                               group->value->text),
                        json));
    if (in->api) {
        const struct json_member *cm = json_object_member_fold(task->api_task, "Config");
        if (!cm)
            return true;
        const char *indent = line_indent(t->arena, t->src, cm->key_span.start);
        edit_add(arena, edits, cm->value->span.start, cm->value->span.end,
                 render_json(t, indent, strchr(indent, '\t') ? "\t" : "  "));
        return true;
    }
    if (m->config_item_count == 0)
        return true;
    if (json) { /* HCL-JSON: "config": {…} (or [{…}]) becomes one object */
        if (m->config_item_count > 1)
            return false;
        const struct hcl_item *item = m->config_items[0];
        const char *indent = line_indent(t->arena, t->src, item->keys[0].span.start);
        edit_add(arena, edits, item->value->span.start, item->value->span.end,
                 render_json(t, indent, strchr(indent, '\t') ? "\t" : "  "));
        return true;
    }
    const struct hcl_item *first = m->config_items[0];
    const char *indent = line_indent(t->arena, t->src, hcl_item_span(first).start);
    const char *unit = strchr(indent, '\t') ? "\t" : "  ";
    edit_add(arena, edits, hcl_item_span(first).start, hcl_item_span(first).end,
             render_hcl(t, indent, unit, in->hcl, m));
    for (size_t k = 1; k < m->config_item_count; k++) { /* merged into the first */
        struct span s = hcl_item_span(m->config_items[k]);
        uint32_t start = s.start, end = s.end;
        if (*line_indent(t->arena, t->src, start) || start == 0 ||
            t->src->text[start - 1] == '\n') {
            while (start > 0 && t->src->text[start - 1] != '\n')
                start--;
            if (t->src->text[end] == '\n')
                end++;
        }
        edit_add(arena, edits, start, end, "");
    }
    return true;
}

/* the offset of the `{` that opens the block of span (labels skipped) */
static uint32_t open_brace(const struct source *src, struct span span) {
    uint32_t at = span.start;
    bool in_string = false;
    while (at < span.end && (in_string || src->text[at] != '{')) {
        if (src->text[at] == '"' && (at == 0 || src->text[at - 1] != '\\'))
            in_string = !in_string;
        at++;
    }
    return at;
}

/* whether span lies inside the block span (a value written in it) */
static bool span_in(struct span span, struct span block) {
    return span.end > span.start && span.start >= block.start && span.end <= block.end;
}

/* a task's service as a group service: tied to its task (`task`, whatever
 * `task` it had: "" in API JSON) and named as Nomad named it when it had no
 * name (or an empty one) */
static void moved_service(struct buf *out, const struct source *src,
                          const struct nomad_service *svc, const char *task_name) {
    const char *text = src->text + svc->span.start;
    size_t len = svc->span.end - svc->span.start;
    const char *brace = memchr(text, '{', len);
    if (!brace)
        return;
    size_t head = (size_t)(brace - text) + 1;
    struct buf task, name;
    buf_init(&task);
    buf_init(&name);
    hcl_quote(&task, task_name);
    bool named = svc->name.set && svc->name.len > 0;
    if (!named) {
        buf_puts(&name, "\"${JOB}-${TASKGROUP}-");
        struct buf q;
        buf_init(&q);
        hcl_quote(&q, task_name); /* the name's escapes, without its quotes */
        buf_add(&name, q.data + 1, q.len - 2);
        buf_free(&q);
        buf_putc(&name, '"');
    }
    /* the values replaced in place (the last of repeated keys is the one
     * Nomad reads), the others written after the `{` */
    struct span repl[2];
    const struct buf *with[2];
    size_t n = 0;
    bool task_in = svc->task.set && span_in(svc->task.span, svc->span);
    bool name_in = !named && svc->name.set && span_in(svc->name.span, svc->span);
    if (task_in) {
        repl[n] = svc->task.span;
        with[n++] = &task;
    }
    if (name_in) {
        repl[n] = svc->name.span;
        with[n++] = &name;
    }
    if (n == 2 && repl[1].start < repl[0].start) {
        struct span s = repl[0];
        const struct buf *w = with[0];
        repl[0] = repl[1];
        with[0] = with[1];
        repl[1] = s;
        with[1] = w;
    }
    buf_puts(out, "\n");
    buf_add(out, text, head);
    buf_putc(out, '\n');
    if (!task_in) {
        buf_puts(out, "task = ");
        buf_add(out, task.data, task.len);
        buf_putc(out, '\n');
    }
    if (!named && !name_in) {
        buf_puts(out, "name = ");
        buf_add(out, name.data, name.len);
        buf_putc(out, '\n');
    }
    uint32_t at = svc->span.start + (uint32_t)head;
    for (size_t i = 0; i < n; i++) {
        if (repl[i].start < at)
            continue;
        buf_add(out, src->text + at, repl[i].start - at);
        buf_add(out, with[i]->data, with[i]->len);
        at = repl[i].end;
    }
    buf_add(out, src->text + at, svc->span.end - at);
    buf_putc(out, '\n');
    buf_free(&task);
    buf_free(&name);
}

/* the group network that takes the ports of its rkt tasks: the task
 * networks are removed, their ports (each with `to` = the container port
 * its port_map gave) go to the group's network, a new one at the top of the
 * group when it has none; the tasks' `mbits` are added to the group's */
static void network_edits(struct arena *arena, const struct source *src,
                          const struct mig_group *mg, const struct nomad_group *group,
                          struct task_out *outs, struct mig_edits *edits) {
    struct buf b, services;
    buf_init(&b);
    buf_init(&services);
    int64_t mbits = 0;
    bool any = false, mbits_set = false;
    /* whether any rkt task of the group has a network, decided before any
     * task is looked at: every rkt task's services then move (whatever the
     * order of the tasks) */
    for (size_t k = 0; k < mg->task_count; k++) {
        const struct mig_task *task = &mg->tasks[k];
        const struct nomad_resources *r = task->rkt ? task->model->resources : NULL;
        if (r && r->networks.count)
            any = true;
    }
    for (size_t k = 0; any && k < mg->task_count; k++) {
        const struct mig_task *task = &mg->tasks[k];
        const struct nomad_resources *r = task->rkt ? task->model->resources : NULL;
        for (size_t n = 0; r && n < r->networks.count; n++) {
            const struct nomad_network *net = r->networks.items[n];
            if (net->mbits.set) {
                mbits += net->mbits.value;
                mbits_set = true;
            }
            const struct nomad_list *lists[2] = {&net->reserved_ports, &net->dynamic_ports};
            for (int l = 0; l < 2; l++)
                for (size_t i = 0; i < lists[l]->count; i++) {
                    const struct nomad_port *port = lists[l]->items[i];
                    buf_printf(&b, "port ");
                    hcl_quote(&b, port->label.text);
                    buf_puts(&b, " {\n");
                    if (l == 0)
                        buf_printf(&b, "static = %lld\n", (long long)port->value.value);
                    const struct oval *pm = outs[k].portmap;
                    for (size_t j = 0; pm && j < pm->count; j++)
                        if (strcmp(pm->labels[j], port->label.text) == 0)
                            buf_printf(&b, "to = %s\n", pm->numbers[j]);
                    if (port->host_network.set && port->host_network.len) {
                        buf_puts(&b, "host_network = ");
                        hcl_quote(&b, port->host_network.text);
                        buf_putc(&b, '\n');
                    }
                    buf_puts(&b, "}\n");
                }
            uint32_t start = net->span.start, end = net->span.end;
            edit_add(arena, edits, start, end, "");
        }
        /* Nomad 0.12 gives a task service only the task network's ports: the
         * task's services move to the group, named and tied to the task */
        for (size_t i = 0; task->rkt && i < task->model->services.count; i++) {
            const struct nomad_service *svc = task->model->services.items[i];
            if (svc->span.end <= svc->span.start ||
                !memchr(src->text + svc->span.start, '{', svc->span.end - svc->span.start))
                continue;
            moved_service(&services, src, svc, task->name);
            edit_add(arena, edits, svc->span.start, svc->span.end, "");
        }
    }
    if (any) {
        struct buf head;
        buf_init(&head);
        if (group->networks.count == 0) {
            buf_puts(&head, "\nnetwork {\n");
            if (mbits_set)
                buf_printf(&head, "mbits = %lld\n", (long long)mbits);
            buf_add(&head, b.data ? b.data : "", b.len);
            buf_puts(&head, "}\n");
        } else { /* the ports join the group's network, the bandwidth too:
                  * its own `mbits` (Nomad's 10 when unset) plus the tasks' */
            const struct nomad_network *gn = group->networks.items[0];
            uint32_t at = open_brace(src, gn->span);
            bool in_place = gn->mbits.set && span_in(gn->mbits.span, gn->span);
            const char *added = ""; /* a new `mbits` line, or none */
            if (mbits_set) {
                int64_t own = gn->mbits.set ? gn->mbits.value : 10;
                const char *sum = arena_printf(arena, "%lld", (long long)(own + mbits));
                if (in_place)
                    edit_add(arena, edits, gn->mbits.span.start, gn->mbits.span.end, sum);
                else
                    added = arena_printf(arena, "mbits = %s\n", sum);
            }
            if (at < gn->span.end)
                edit_add(arena, edits, at + 1, at + 1,
                         arena_printf(arena, "\n%s%.*s", added, (int)b.len,
                                      b.data ? b.data : ""));
        }
        buf_add(&head, services.data ? services.data : "", services.len);
        uint32_t at = open_brace(src, group->span); /* after the group's `{` */
        if (at < group->span.end && head.len)
            edit_add(arena, edits, at + 1, at + 1, arena_strndup(arena, head.data, head.len));
        buf_free(&head);
    }
    buf_free(&b);
    buf_free(&services);
}

/* whether the ports of the group's rkt tasks can move to one group network
 * (else they stay in the task networks, with `port_map`); MIG012 says why */
static bool group_can_move(const struct source *src, const struct mig_group *mg,
                           const struct nomad_group *group, struct diag_list *diags) {
    bool any = false;
    for (size_t k = 0; k < mg->task_count; k++) {
        const struct mig_task *task = &mg->tasks[k];
        const struct nomad_resources *r = task->rkt ? task->model->resources : NULL;
        for (size_t n = 0; r && n < r->networks.count; n++) {
            const struct nomad_network *net = r->networks.items[n];
            if (group->from_job_task) {
                diag_add(diags, RULE_MIG012, src, net->span,
                         "task \"%s\": a job-level task has no group to take its network; its "
                         "ports stay in the task network (with `port_map`), which Nomad 1.x still "
                         "reads but deprecates", task->name);
                return false;
            }
            if (group->networks.count > 1) {
                diag_add(diags, RULE_MIG012, src, net->span,
                         "task \"%s\": the group has several networks already; the task's "
                         "ports stay in the task network (with `port_map`), which Nomad 1.x "
                         "still reads but deprecates", task->name);
                return false;
            }
            if (group->networks.count == 1) { /* labels the group network has */
                const struct nomad_network *gn = group->networks.items[0];
                const struct nomad_list *gl[2] = {&gn->reserved_ports, &gn->dynamic_ports};
                const struct nomad_list *tl[2] = {&net->reserved_ports, &net->dynamic_ports};
                for (int i = 0; i < 2; i++)
                    for (int i2 = 0; i2 < 2; i2++)
                        for (size_t p = 0; p < tl[i]->count; p++)
                            for (size_t q = 0; q < gl[i2]->count; q++) {
                                const struct nomad_port *pt = tl[i]->items[p],
                                                        *pg = gl[i2]->items[q];
                                if (strcmp(pt->label.text, pg->label.text) == 0) {
                                    diag_add(diags, RULE_MIG012, src, pt->span,
                                             "task \"%s\": the group network has a port "
                                             "\"%s\" too; the task's ports stay in the task "
                                             "network (with `port_map`)", task->name,
                                             pt->label.text);
                                    return false;
                                }
                            }
            }
            any = true;
        }
    }
    if (!any)
        return true; /* no ports: nothing to move, `port_map` has nothing to map */
    for (size_t k = 0; k < mg->task_count; k++) /* one label, one port */
        for (size_t j = 0; j < k; j++) {
            const struct nomad_resources *a = mg->tasks[k].rkt ? mg->tasks[k].model->resources
                                                                : NULL;
            const struct nomad_resources *b = mg->tasks[j].rkt ? mg->tasks[j].model->resources
                                                                : NULL;
            for (size_t x = 0; a && b && x < a->networks.count; x++)
                for (size_t y = 0; y < b->networks.count; y++) {
                    const struct nomad_network *na = a->networks.items[x],
                                               *nb = b->networks.items[y];
                    const struct nomad_list *la[2] = {&na->reserved_ports, &na->dynamic_ports};
                    const struct nomad_list *lb[2] = {&nb->reserved_ports, &nb->dynamic_ports};
                    for (int i = 0; i < 2; i++)
                        for (int i2 = 0; i2 < 2; i2++)
                            for (size_t p = 0; p < la[i]->count; p++)
                                for (size_t q = 0; q < lb[i2]->count; q++) {
                                    const struct nomad_port *pa = la[i]->items[p],
                                                            *pb = lb[i2]->items[q];
                                    if (strcmp(pa->label.text, pb->label.text) == 0) {
                                        diag_add(diags, RULE_MIG012, src, pa->span,
                                                 "task \"%s\": task \"%s\" of the group has a "
                                                 "port \"%s\" too; the group network has one "
                                                 "port of each label, so the ports stay in the "
                                                 "task networks (with `port_map`)",
                                                 mg->tasks[k].name, mg->tasks[j].name,
                                                 pa->label.text);
                                        return false;
                                    }
                                }
                }
        }
    return true;
}

bool mig_rewrite_edits(struct arena *arena, const struct job_input *in,
                       const struct mig_job *inv, enum mig_dest dest, struct mig_edits *edits,
                       struct buf *notes, struct diag_list *diags) {
    const struct source *src = in->src;
    if (!in->job) {
        diag_add(diags, RULE_MIG001, src, span_make(0, 0), "not a job file Nomad reads");
        return false;
    }
    bool json = json_input(in);
    const char *driver = dest == MIG_DOCKER ? "docker" : "podman";
    struct span seen[64];
    size_t seen_count = 0;
    bool any_rkt = inv->rkt_task_count > 0;
    for (size_t g = 0; g < inv->group_count; g++) {
        const struct mig_group *mg = &inv->groups[g];
        struct task_out *outs = arena_array(arena, mg->task_count ? mg->task_count : 1,
                                            sizeof *outs);
        /* JSON inputs are not edited in place: their groups move once they
         * are written as HCL (the same job, so the same decision), and the
         * findings are those of the input, at its JSON locations */
        bool can = g < in->job->groups.count &&
                   group_can_move(src, mg, in->job->groups.items[g], diags);
        bool move = can && !json;
        bool group_rkt = false;
        for (size_t k = 0; k < mg->task_count; k++) {
            const struct mig_task *task = &mg->tasks[k];
            if (!task->rkt)
                continue;
            group_rkt = true;
            struct task_out *t = &outs[k];
            t->arena = arena;
            t->src = src;
            t->dest = dest;
            t->group_ports = move;
            build_entries(t, task);
            task_notes(t, task, notes, diags, seen, &seen_count, sizeof seen / sizeof *seen);
            if (!task_edits(t, in, task, edits)) {
                diag_add(diags, RULE_MIG001, src, task->span,
                         "task \"%s\": several `config` objects in an HCL-JSON file cannot be "
                         "rewritten in place; merge them into one first", task->name);
                return false;
            }
        }
        if (group_rkt && move)
            network_edits(arena, src, mg, in->job->groups.items[g], outs, edits);
    }
    if (any_rkt) {
        const struct nomad_job *job = in->job;
        constraint_edits(arena, &job->constraints, driver, json, edits);
        for (size_t g = 0; g < job->groups.count; g++) {
            const struct nomad_group *group = job->groups.items[g];
            constraint_edits(arena, &group->constraints, driver, json, edits);
            for (size_t k = 0; k < group->tasks.count; k++) {
                const struct nomad_task *task = group->tasks.items[k];
                if (task->driver.set && strcmp(task->driver.text, "rkt") == 0)
                    constraint_edits(arena, &task->constraints, driver, json, edits);
            }
        }
    }
    return true;
}
