#include "rkt/interp.h"

#include "util/arena.h"
#include "util/buf.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

struct evaluator {
    struct arena *arena;
    const struct interp_scope *scope;
    const char *p; /* cursor inside the expression */
    enum interp_status status;
    const char *message;
};

static void fail(struct evaluator *e, enum interp_status status, const char *message) {
    if (e->status == INTERP_OK) {
        e->status = status;
        e->message = message;
    }
}

static void skip_space(struct evaluator *e) {
    while (*e->p == ' ' || *e->p == '\t' || *e->p == '\n' || *e->p == '\r')
        e->p++;
}

static bool ident_start(char c) { return isalpha((unsigned char)c) || c == '_'; }
static bool ident_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == '-'; }

static const char *parse_ident(struct evaluator *e) {
    const char *s = e->p;
    if (!ident_start(*s))
        return NULL;
    while (ident_char(*e->p))
        e->p++;
    return arena_strndup(e->arena, s, (size_t)(e->p - s));
}

/* a quoted string literal with simple escapes */
static const char *parse_string(struct evaluator *e) {
    if (*e->p != '"')
        return NULL;
    e->p++;
    struct buf b;
    buf_init(&b);
    while (*e->p && *e->p != '"') {
        if (*e->p == '\\' && e->p[1]) {
            char c = e->p[1];
            buf_putc(&b, c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c);
            e->p += 2;
        } else if (*e->p == '$' && e->p[1] == '{') {
            buf_free(&b);
            fail(e, INTERP_UNSUPPORTED, "a template inside a quoted string");
            return NULL;
        } else {
            buf_putc(&b, *e->p++);
        }
    }
    if (*e->p != '"') {
        buf_free(&b);
        fail(e, INTERP_UNSUPPORTED, "an unterminated string");
        return NULL;
    }
    e->p++;
    const char *s = arena_strndup(e->arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

/* every flat variable name the client knows, checked in order */
static const char *flat_lookup(const struct interp_scope *s, const char *name) {
    const char *v = env_lookup(s->env, name);
    if (v)
        return v;
    if (strncmp(name, "node.attr.", 10) == 0)
        return node_attribute(s->node, name + 10);
    if (strncmp(name, "node.meta.", 10) == 0)
        return node_meta(s->node, name + 10);
    return node_variable(s->node, name);
}

static bool has_key_under(const struct interp_scope *s, const char *prefix) {
    size_t n = strlen(prefix);
    for (size_t i = 0; i < s->env->count; i++)
        if (strncmp(s->env->vars[i].key, prefix, n) == 0 && s->env->vars[i].key[n] == '.')
            return true;
    const struct node_profile *node = s->node;
    static const char *const fixed[] = {"node.unique.id", "node.unique.name", "node.datacenter",
                                        "node.class", "node.region"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (strncmp(fixed[i], prefix, n) == 0 && fixed[i][n] == '.')
            return true;
    struct {
        const char *root;
        const struct rkt_pairs *pairs;
    } maps[] = {{"attr", &node->attributes}, {"meta", &node->meta},
                {"node.attr", &node->attributes}, {"node.meta", &node->meta}};
    for (size_t m = 0; m < 4; m++) {
        size_t rl = strlen(maps[m].root);
        if (n < rl) {
            if (strncmp(maps[m].root, prefix, n) == 0 && maps[m].root[n] == '.' &&
                maps[m].pairs->count)
                return true;
            continue;
        }
        if (strncmp(prefix, maps[m].root, rl) != 0)
            continue;
        if (n == rl) {
            if (maps[m].pairs->count)
                return true;
            continue;
        }
        if (prefix[rl] != '.')
            continue;
        const char *sub = prefix + rl + 1;
        size_t sl = n - rl - 1;
        for (size_t i = 0; i < maps[m].pairs->count; i++)
            if (strncmp(maps[m].pairs->items[i].key, sub, sl) == 0 &&
                maps[m].pairs->items[i].key[sl] == '.')
                return true;
    }
    return false;
}

/* traversal: root identifier then .name / ["key"] / [N] steps */
static const char *eval_traversal(struct evaluator *e, const char *root) {
    const char *steps[64];
    size_t count = 0;
    steps[count++] = root;
    for (;;) {
        if (*e->p == '.') {
            e->p++;
            const char *s = e->p;
            while (ident_char(*e->p))
                e->p++;
            if (e->p == s) {
                fail(e, INTERP_UNSUPPORTED, "an attribute step without a name");
                return NULL;
            }
            if (count < 64)
                steps[count++] = arena_strndup(e->arena, s, (size_t)(e->p - s));
        } else if (*e->p == '[') {
            e->p++;
            skip_space(e);
            const char *key = NULL;
            if (*e->p == '"') {
                key = parse_string(e);
            } else if (isdigit((unsigned char)*e->p)) {
                const char *s = e->p;
                while (isdigit((unsigned char)*e->p))
                    e->p++;
                key = arena_strndup(e->arena, s, (size_t)(e->p - s));
            }
            skip_space(e);
            if (!key || *e->p != ']') {
                fail(e, INTERP_UNSUPPORTED, "an index rktc cannot evaluate");
                return NULL;
            }
            e->p++;
            if (count < 64)
                steps[count++] = key;
        } else {
            break;
        }
    }
    const struct interp_scope *s = e->scope;
    if (strcmp(root, "env") == 0 && !env_lookup(s->env, "env")) {
        if (count != 2) {
            fail(e, INTERP_ERROR,
                 count == 1 ? "Invalid template interpolation value: Cannot include the "
                              "given value in a string template: string required."
                            : "Unsupported attribute: Can't access attributes on a "
                              "primitive-typed value (string).");
            return NULL;
        }
        const char *v = env_lookup(s->env, steps[1]);
        if (!v)
            fail(e, INTERP_ERROR,
                 "Invalid index: The given key does not identify an element in this "
                 "collection value.");
        return v;
    }
    /* walk the nested object the client builds from dotted keys */
    struct buf path;
    buf_init(&path);
    const char *result = NULL;
    for (size_t i = 0; i < count; i++) {
        if (i)
            buf_putc(&path, '.');
        buf_puts(&path, steps[i]);
        const char *leaf = flat_lookup(s, path.data);
        bool inner = has_key_under(s, path.data);
        if (leaf && (i + 1 == count || !inner)) {
            if (i + 1 < count) {
                fail(e, INTERP_ERROR,
                     "Unsupported attribute: Can't access attributes on a primitive-typed "
                     "value (string).");
                break;
            }
            result = leaf;
            break;
        }
        if (!leaf && !inner) {
            if (i == 0)
                fail(e, INTERP_ERROR,
                     arena_printf(e->arena,
                                  "Unknown variable: There is no variable named \"%s\".",
                                  steps[0]));
            else
                fail(e, INTERP_ERROR,
                     arena_printf(e->arena,
                                  "Unsupported attribute: This object does not have an "
                                  "attribute named \"%s\".",
                                  steps[i]));
            break;
        }
        if (i + 1 == count)
            fail(e, INTERP_ERROR,
                 "Invalid template interpolation value: Cannot include the given value in "
                 "a string template: string required.");
    }
    buf_free(&path);
    return result;
}

static const char *eval_expr(struct evaluator *e) {
    skip_space(e);
    if (*e->p == '"')
        return parse_string(e);
    const char *name = parse_ident(e);
    if (!name) {
        fail(e, INTERP_UNSUPPORTED, "an expression rktc cannot evaluate");
        return NULL;
    }
    if (*e->p == '(') {
        bool upper = strcmp(name, "upper") == 0, lower = strcmp(name, "lower") == 0;
        if (!upper && !lower) {
            fail(e, INTERP_UNSUPPORTED,
                 arena_printf(e->arena, "the function %s(), which rktc does not evaluate", name));
            return NULL;
        }
        e->p++;
        const char *arg = eval_expr(e);
        skip_space(e);
        if (!arg || *e->p != ')') {
            fail(e, INTERP_UNSUPPORTED, "a function call rktc cannot evaluate");
            return NULL;
        }
        e->p++;
        char *r = arena_strdup(e->arena, arg);
        for (char *c = r; *c; c++)
            *c = (char)(upper ? toupper((unsigned char)*c) : tolower((unsigned char)*c));
        return r;
    }
    return eval_traversal(e, name);
}

/* end of a ${...} body: the matching '}' outside quotes, or NULL */
static const char *body_end(const char *p) {
    int depth = 0;
    bool quoted = false;
    for (; *p; p++) {
        if (quoted) {
            if (*p == '\\' && p[1])
                p++;
            else if (*p == '"')
                quoted = false;
        } else if (*p == '"') {
            quoted = true;
        } else if (*p == '{') {
            depth++;
        } else if (*p == '}') {
            if (depth == 0)
                return p;
            depth--;
        }
    }
    return NULL;
}

struct interp_result interp_template(struct arena *arena, const char *text,
                                     const struct interp_scope *scope) {
    struct interp_result r = {INTERP_OK, text, NULL};
    if (!strstr(text, "${") && !strstr(text, "%{"))
        return r;
    struct evaluator e = {arena, scope, NULL, INTERP_OK, NULL};
    struct buf out;
    buf_init(&out);
    const char *p = text;
    while (*p && e.status == INTERP_OK) {
        if ((p[0] == '$' || p[0] == '%') && p[1] == p[0] && p[2] == '{') {
            buf_putc(&out, p[0]);
            buf_putc(&out, '{');
            p += 3;
        } else if (p[0] == '%' && p[1] == '{') {
            fail(&e, INTERP_UNSUPPORTED, "a %{ } template directive");
        } else if (p[0] == '$' && p[1] == '{') {
            const char *end = body_end(p + 2);
            if (!end) {
                fail(&e, INTERP_ERROR,
                     "Unterminated template string: No closing marker was found for the "
                     "string.");
                break;
            }
            char *body = arena_strndup(arena, p + 2, (size_t)(end - p - 2));
            if (body[0] == '~' || (*body && body[strlen(body) - 1] == '~')) {
                fail(&e, INTERP_UNSUPPORTED, "a whitespace-stripping `~` marker");
                break;
            }
            e.p = body;
            const char *v = eval_expr(&e);
            skip_space(&e);
            if (e.status == INTERP_OK && *e.p != '\0')
                fail(&e, INTERP_UNSUPPORTED, "an expression rktc cannot evaluate");
            if (v && e.status == INTERP_OK)
                buf_puts(&out, v);
            p = end + 1;
        } else {
            buf_putc(&out, *p++);
        }
    }
    if (e.status == INTERP_OK)
        r.text = arena_strndup(arena, out.data ? out.data : "", out.len);
    r.status = e.status;
    r.message = e.message;
    buf_free(&out);
    return r;
}
