#include "rkt/env.h"

#include "util/arena.h"
#include "util/buf.h"
#include "util/str_index.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Variables are found by hash and arrays grow geometrically, so a task
 * with n meta keys and env entries builds its environment in O(n log n). */
struct env_builder {
    struct arena *arena;
    struct env_var *vars;
    size_t count, cap;
    struct str_index keys; /* key -> position in vars */
};

static void put(struct env_builder *b, const char *key, const char *value) {
    size_t at, len = strlen(key);
    if (b->vars && str_index_get(&b->keys, key, len, &at)) {
        b->vars[at].value = value;
        return;
    }
    str_index_put(b->arena, &b->keys, key, len, b->count);
    if (b->count >= b->cap || !b->vars) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        b->vars = arena_grow(b->arena, b->vars, b->count, cap, sizeof *b->vars);
        b->cap = cap;
    }
    b->vars[b->count].key = key;
    b->vars[b->count].value = value;
    b->count++;
}

static bool has_prefix(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

/* every byte of k but ASCII letters, digits, `_` and `.` becomes `_` */
static void clean_bytes(char *k) {
    for (unsigned char *p = (unsigned char *)k; *p; p++)
        if (!(isalnum(*p) || *p == '_' || *p == '.') || *p >= 0x80)
            *p = '_';
}

static const char *clean_key(struct arena *arena, const char *key) {
    if (!(has_prefix(key, "NOMAD_ADDR_") || has_prefix(key, "NOMAD_IP_") ||
          has_prefix(key, "NOMAD_PORT_") || has_prefix(key, "NOMAD_HOST_PORT_") ||
          has_prefix(key, "NOMAD_META_")))
        return key;
    char *k = arena_strdup(arena, key);
    clean_bytes(k);
    return k;
}

/* the decimal text of n (what "%d" prints) */
static const char *int_text(struct arena *arena, int n) {
    char tmp[16];
    size_t i = sizeof tmp;
    unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (n < 0)
        tmp[--i] = '-';
    return arena_strndup(arena, tmp + i, sizeof tmp - i);
}

/* prefix + a [+ "_" + b], with every byte clean_key replaces replaced: the
 * same as clean_key of the joined name, for a prefix clean_key cleans */
static const char *port_key(struct arena *arena, const char *prefix, const char *a,
                            const char *b) {
    size_t p = strlen(prefix), la = strlen(a), lb = b ? strlen(b) + 1 : 0;
    char *k = arena_alloc(arena, p + la + lb + 1);
    memcpy(k, prefix, p);
    memcpy(k + p, a, la);
    if (b) {
        k[p + la] = '_';
        memcpy(k + p + la + 1, b, lb - 1);
    }
    clean_bytes(k + p);
    return k;
}

char *join_host_port(struct arena *arena, const char *ip, int port) {
    bool v6 = strchr(ip, ':') != NULL; /* "[%s]:%d", else "%s:%d" */
    const char *digits = int_text(arena, port);
    size_t li = strlen(ip), ld = strlen(digits);
    char *out = arena_alloc(arena, li + ld + 4);
    char *o = out;
    if (v6)
        *o++ = '[';
    memcpy(o, ip, li);
    o += li;
    if (v6)
        *o++ = ']';
    *o++ = ':';
    memcpy(o, digits, ld);
    return out; /* zeroed: NUL-terminated */
}

static int compare_vars(const void *a, const void *b) {
    const struct env_var *x = a, *y = b;
    return strcmp(x->key, y->key); /* strcmp compares as unsigned char */
}

/* Sets key in env (sorted by key, keys unique, room for one more): the
 * value of an equal key is replaced, else the key is inserted in order. */
static void set_sorted(struct task_env *env, const char *key, const char *value) {
    size_t lo = 0, hi = env->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(env->vars[mid].key, key);
        if (c == 0) {
            env->vars[mid].value = value;
            return;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    memmove(&env->vars[lo + 1], &env->vars[lo], (env->count - lo) * sizeof *env->vars);
    env->vars[lo].key = key;
    env->vars[lo].value = value;
    env->count++;
}

struct meta_merge {
    struct rkt_pairs pairs;
    size_t cap;
    struct str_index keys; /* key -> position in pairs */
};

static void add_meta(struct env_builder *b, const struct rkt_pairs *meta,
                     struct meta_merge *combined) {
    if (!meta)
        return;
    for (size_t i = 0; i < meta->count; i++) {
        const char *key = meta->items[i].key;
        size_t j;
        if (!combined->pairs.items || !str_index_get(&combined->keys, key, strlen(key), &j)) {
            j = combined->pairs.count;
            if (j >= combined->cap || !combined->pairs.items) {
                combined->cap = j ? 2 * j : 16;
                combined->pairs.items = arena_grow(b->arena, combined->pairs.items, j,
                                                   combined->cap, sizeof *combined->pairs.items);
            }
            combined->pairs.count++;
            str_index_put(b->arena, &combined->keys, key, strlen(key), j);
        }
        combined->pairs.items[j] = meta->items[i];
    }
}

void env_build(struct arena *arena, const struct env_params *p,
               const struct node_profile *node, struct task_env *out) {
    struct env_builder b = {arena, NULL, 0, 0, {0}};
    put(&b, "NOMAD_ALLOC_DIR", "/alloc");
    put(&b, "NOMAD_TASK_DIR", "/local");
    put(&b, "NOMAD_SECRETS_DIR", "/secrets");
    if (p->memory)
        put(&b, "NOMAD_MEMORY_LIMIT", int_text(arena, p->memory));
    if (p->cpu)
        put(&b, "NOMAD_CPU_LIMIT", int_text(arena, p->cpu));
    put(&b, "NOMAD_ALLOC_ID", p->alloc_id);
    put(&b, "NOMAD_ALLOC_NAME",
        arena_printf(arena, "%s.%s[%d]", p->job_id ? p->job_id : p->job, p->group, p->alloc_index));
    put(&b, "NOMAD_ALLOC_INDEX", int_text(arena, p->alloc_index));
    put(&b, "NOMAD_GROUP_NAME", p->group);
    put(&b, "NOMAD_JOB_NAME", p->job);
    put(&b, "NOMAD_TASK_NAME", p->task);
    put(&b, "NOMAD_DC", node->datacenter);
    put(&b, "NOMAD_REGION", node->region);
    put(&b, "NOMAD_NAMESPACE", p->namespace_name ? p->namespace_name : "default");
    for (size_t i = 0; i < p->port_count; i++) {
        const char *l = p->ports[i].label;
        const char *port = int_text(arena, p->ports[i].host_port);
        put(&b, port_key(arena, "NOMAD_IP_", l, NULL), p->ip);
        put(&b, port_key(arena, "NOMAD_HOST_PORT_", l, NULL), port);
        put(&b, port_key(arena, "NOMAD_PORT_", l, NULL), port);
        put(&b, port_key(arena, "NOMAD_ADDR_", l, NULL),
            join_host_port(arena, p->ip, p->ports[i].host_port));
    }
    for (size_t i = 0; i < p->other_port_count; i++) {
        const struct env_other_port *o = &p->other_ports[i];
        put(&b, port_key(arena, "NOMAD_ADDR_", o->task, o->label),
            join_host_port(arena, p->ip, o->host_port));
        put(&b, port_key(arena, "NOMAD_IP_", o->task, o->label), p->ip);
        put(&b, port_key(arena, "NOMAD_PORT_", o->task, o->label), int_text(arena, o->host_port));
    }
    struct meta_merge merged = {{NULL, 0}, 0, {0}};
    add_meta(&b, p->job_meta, &merged);
    add_meta(&b, p->group_meta, &merged);
    add_meta(&b, p->task_meta, &merged);
    struct rkt_pairs meta = merged.pairs;
    for (size_t i = 0; i < meta.count; i++) {
        const char *k = meta.items[i].key;
        char *upper = arena_strdup(arena, k);
        for (char *c = upper; *c; c++)
            *c = (char)toupper((unsigned char)*c);
        put(&b, clean_key(arena, arena_printf(arena, "NOMAD_META_%s", upper)), meta.items[i].value);
        put(&b, clean_key(arena, arena_printf(arena, "NOMAD_META_%s", k)), meta.items[i].value);
    }
    /* Nomad's keys, sorted once; keys are unique, so the sorted order of any
     * set of them is fixed and a later key is inserted in place */
    size_t users = p->user_env ? p->user_env->count : 0;
    struct task_env sorted = {arena_array(arena, b.count + users + 1, sizeof *b.vars), b.count};
    if (b.count)
        memcpy(sorted.vars, b.vars, b.count * sizeof *b.vars);
    qsort(sorted.vars, sorted.count, sizeof *sorted.vars, compare_vars);
    /* user env: substituted against Nomad's keys plus the raw user values */
    if (users) {
        struct task_env scope = {arena_array(arena, sorted.count + users, sizeof *b.vars),
                                 sorted.count};
        memcpy(scope.vars, sorted.vars, sorted.count * sizeof *sorted.vars);
        for (size_t i = 0; i < users; i++)
            set_sorted(&scope, p->user_env->items[i].key, p->user_env->items[i].value);
        for (size_t i = 0; i < users; i++) {
            const struct rkt_pair *e = &p->user_env->items[i];
            set_sorted(&sorted, clean_key(arena, e->key),
                       env_substitute(arena, e->value, &scope, node));
        }
    }
    *out = sorted;
}

const char *env_lookup(const struct task_env *env, const char *key) {
    size_t lo = 0, hi = env->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(env->vars[mid].key, key);
        if (c == 0)
            return env->vars[mid].value;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *node_variable(const struct node_profile *node, const char *name) {
    if (strcmp(name, "node.unique.id") == 0)
        return node->id;
    if (strcmp(name, "node.unique.name") == 0)
        return node->name;
    if (strcmp(name, "node.datacenter") == 0)
        return node->datacenter;
    if (strcmp(name, "node.class") == 0)
        return node->class_name;
    if (strcmp(name, "node.region") == 0)
        return node->region;
    if (has_prefix(name, "attr."))
        return node_attribute(node, name + 5);
    if (has_prefix(name, "meta."))
        return node_meta(node, name + 5);
    return NULL;
}

static bool env_name_char(char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.';
}

const char *env_substitute(struct arena *arena, const char *text,
                           const struct task_env *env, const struct node_profile *node) {
    if (!strstr(text, "${"))
        return text;
    struct buf out;
    buf_init(&out);
    const char *p = text;
    while (*p) {
        if (p[0] == '$' && p[1] == '{') {
            const char *q = p + 2;
            while (env_name_char(*q))
                q++;
            if (q > p + 2 && *q == '}') {
                char *name = arena_strndup(arena, p + 2, (size_t)(q - p - 2));
                const char *v = node_variable(node, name);
                if (!v)
                    v = env_lookup(env, name);
                if (v) {
                    buf_puts(&out, v);
                    p = q + 1;
                    continue;
                }
            }
        }
        buf_putc(&out, *p++);
    }
    const char *r = arena_strndup(arena, out.data ? out.data : "", out.len);
    buf_free(&out);
    return r;
}
