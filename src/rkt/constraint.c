#include "rkt/constraint.h"

#include "rkt/version.h"
#include "util/arena.h"
#include "util/buf.h"

#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

static bool starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

struct target_value constraint_resolve(const struct node_profile *node,
                                       const char *target) {
    struct target_value v = {target, true};
    if (!starts_with(target, "${"))
        return v;
    if (strcmp(target, "${node.unique.id}") == 0)
        v.text = node->id;
    else if (strcmp(target, "${node.datacenter}") == 0)
        v.text = node->datacenter;
    else if (strcmp(target, "${node.unique.name}") == 0)
        v.text = node->name;
    else if (strcmp(target, "${node.class}") == 0)
        v.text = node->class_name;
    else if (starts_with(target, "${attr.") || starts_with(target, "${meta.")) {
        /* a missing map key yields Go's zero value "" with found = false */
        char name[512];
        const char *s = target + 7;
        size_t n = strlen(s);
        if (n && s[n - 1] == '}')
            n--;
        if (n >= sizeof name) {
            v.text = "";
            v.found = false;
            return v;
        }
        memcpy(name, s, n);
        name[n] = '\0';
        const char *val = target[2] == 'a' ? node_attribute(node, name) : node_meta(node, name);
        v.text = val ? val : "";
        v.found = val != NULL;
    } else {
        v.text = NULL;
        v.found = false;
    }
    return v;
}

bool constraint_target_unresolvable(const char *target) {
    if (!starts_with(target, "${"))
        return false;
    return !(strcmp(target, "${node.unique.id}") == 0 ||
             strcmp(target, "${node.datacenter}") == 0 ||
             strcmp(target, "${node.unique.name}") == 0 ||
             strcmp(target, "${node.class}") == 0 || starts_with(target, "${attr.") ||
             starts_with(target, "${meta."));
}

bool constraint_operand_known(const char *op, bool affinity) {
    static const char *const common[] = {
        "=", "==", "is", "!=", "not", "<", "<=", ">", ">=", "regexp", "version",
        "semver", "set_contains", "set_contains_all", "set_contains_any",
    };
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
        if (strcmp(op, common[i]) == 0)
            return true;
    if (affinity)
        return false;
    return strcmp(op, "distinct_hosts") == 0 || strcmp(op, "distinct_property") == 0 ||
           strcmp(op, "is_set") == 0 || strcmp(op, "is_not_set") == 0;
}

static bool go_equal(struct target_value l, struct target_value r) {
    if (!l.text || !r.text)
        return !l.text && !r.text;
    return strcmp(l.text, r.text) == 0;
}

static bool go_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* strings.TrimSpace of [s, s+n) */
static void trim(const char **s, size_t *n) {
    while (*n && go_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && go_space((*s)[*n - 1]))
        (*n)--;
}

static bool set_has(const char *set, const char *item, size_t item_len) {
    const char *p = set;
    for (;;) {
        size_t n = strcspn(p, ",");
        const char *s = p;
        size_t m = n;
        trim(&s, &m);
        if (m == item_len && memcmp(s, item, m) == 0)
            return true;
        if (p[n] != ',')
            return false;
        p += n + 1;
    }
}

static bool set_contains(const char *lhs, const char *rhs, bool any) {
    const char *p = rhs;
    for (;;) {
        size_t n = strcspn(p, ",");
        const char *s = p;
        size_t m = n;
        trim(&s, &m);
        bool has = set_has(lhs, s, m);
        if (any && has)
            return true;
        if (!any && !has)
            return false;
        if (p[n] != ',')
            return !any;
        p += n + 1;
    }
}

static void add_class(struct buf *b, char esc, bool in_bracket) {
    const char *body = NULL;
    bool negate = false;
    switch (esc) {
    case 'd': body = "0-9"; break;
    case 'D': body = "0-9"; negate = true; break;
    case 'w': body = "0-9A-Za-z_"; break;
    case 'W': body = "0-9A-Za-z_"; negate = true; break;
    case 's': body = "\t\n\f\r "; break;
    case 'S': body = "\t\n\f\r "; negate = true; break;
    }
    if (in_bracket) {
        buf_puts(b, body);
        return;
    }
    buf_putc(b, '[');
    if (negate)
        buf_putc(b, '^');
    buf_puts(b, body);
    buf_putc(b, ']');
}

static bool repeat_at(const char *p, size_t *len) {
    /* {n}, {n,}, {n,m} */
    const char *q = p + 1;
    if (!isdigit((unsigned char)*q))
        return false;
    while (isdigit((unsigned char)*q))
        q++;
    if (*q == ',') {
        q++;
        while (isdigit((unsigned char)*q))
            q++;
    }
    if (*q != '}')
        return false;
    *len = (size_t)(q - p) + 1;
    return true;
}

const char *regexp_to_posix(struct arena *arena, const char *re, bool *icase,
                            const char **reason) {
    struct buf b;
    buf_init(&b);
    *icase = false;
    const char *p = re;
    if (starts_with(p, "(?i)")) {
        *icase = true;
        p += 4;
    }
    const char *fail = NULL;
    while (*p && !fail) {
        char c = *p;
        if (c == '\\') {
            char e = p[1];
            if (strchr("dDwWsS", e) && e) {
                add_class(&b, e, false);
            } else if (e == 'A') {
                buf_putc(&b, '^');
            } else if (e == 'z') {
                buf_putc(&b, '$');
            } else if (e == 'n' || e == 't' || e == 'r' || e == 'f' || e == 'v') {
                buf_putc(&b, e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'f' ? '\f' : '\v');
            } else if (e && ispunct((unsigned char)e)) {
                buf_putc(&b, '\\');
                buf_putc(&b, e);
            } else {
                fail = "an escape sequence with no POSIX equivalent";
                break;
            }
            p += 2;
        } else if (c == '[') {
            buf_putc(&b, '[');
            p++;
            if (*p == '^') {
                buf_putc(&b, '^');
                p++;
            }
            if (*p == ']') {
                buf_putc(&b, ']');
                p++;
            }
            while (*p && *p != ']') {
                if (*p == '[' && p[1] == ':') {
                    const char *end = strstr(p + 2, ":]");
                    if (!end) {
                        fail = "an unterminated character class";
                        break;
                    }
                    buf_add(&b, p, (size_t)(end - p) + 2);
                    p = end + 2;
                } else if (*p == '\\') {
                    char e = p[1];
                    if (e && strchr("dws", e)) {
                        add_class(&b, e, true);
                    } else if (e && ispunct((unsigned char)e) && !strchr("]\\-^[", e)) {
                        buf_putc(&b, e);
                    } else if (e == 'n' || e == 't') {
                        buf_putc(&b, e == 'n' ? '\n' : '\t');
                    } else {
                        fail = "an escape inside a character class with no POSIX equivalent";
                        break;
                    }
                    p += 2;
                } else {
                    buf_putc(&b, *p++);
                }
            }
            if (!fail && *p != ']')
                fail = "an unterminated character class";
            if (!fail) {
                buf_putc(&b, ']');
                p++;
            }
        } else if (c == '(' && p[1] == '?') {
            if (p[2] == ':') {
                p += 3;
            } else if (p[2] == 'P' && p[3] == '<') {
                const char *end = strchr(p, '>');
                if (!end) {
                    fail = "a malformed named group";
                    break;
                }
                p = end + 1;
            } else {
                fail = "a flag group";
                break;
            }
            buf_putc(&b, '(');
        } else if (c == '{') {
            size_t len;
            if (repeat_at(p, &len)) {
                buf_add(&b, p, len);
                p += len;
                if (*p == '?')
                    p++;
            } else {
                buf_puts(&b, "\\{");
                p++;
            }
        } else if ((c == '*' || c == '+' || c == '?') && p[1] == '?') {
            buf_putc(&b, c);
            p += 2;
        } else if (c == '}') {
            buf_puts(&b, "\\}");
            p++;
        } else {
            buf_putc(&b, c);
            p++;
        }
    }
    if (fail) {
        *reason = fail;
        buf_free(&b);
        return NULL;
    }
    const char *out = arena_strndup(arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return out;
}

static enum constraint_result regexp_match(struct arena *arena, const char *subject,
                                           const char *pattern, const char **reason) {
    bool icase;
    const char *posix = regexp_to_posix(arena, pattern, &icase, reason);
    if (!posix)
        return CONSTRAINT_UNKNOWN;
    if (strchr(subject, '\n')) {
        *reason = "the attribute contains a newline, where RE2 and POSIX differ";
        return CONSTRAINT_UNKNOWN;
    }
    regex_t rx;
    if (regcomp(&rx, posix, REG_EXTENDED | REG_NOSUB | (icase ? REG_ICASE : 0)) != 0) {
        *reason = "the regular expression does not compile";
        return CONSTRAINT_FALSE;
    }
    int rc = regexec(&rx, subject, 0, NULL, 0);
    regfree(&rx);
    return rc == 0 ? CONSTRAINT_TRUE : CONSTRAINT_FALSE;
}

enum constraint_result constraint_check(struct arena *arena, const char *op,
                                        struct target_value l, struct target_value r,
                                        const char **reason) {
    *reason = NULL;
    bool both = l.found && r.found;
    if (strcmp(op, "distinct_hosts") == 0 || strcmp(op, "distinct_property") == 0)
        return CONSTRAINT_TRUE;
    if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0 || strcmp(op, "is") == 0)
        return both && go_equal(l, r);
    if (strcmp(op, "!=") == 0 || strcmp(op, "not") == 0)
        return !go_equal(l, r);
    if (strcmp(op, "<") == 0 || strcmp(op, "<=") == 0 || strcmp(op, ">") == 0 ||
        strcmp(op, ">=") == 0) {
        if (!both || !l.text || !r.text)
            return CONSTRAINT_FALSE;
        int c = strcmp(l.text, r.text);
        if (op[0] == '<')
            return op[1] ? c <= 0 : c < 0;
        return op[1] ? c >= 0 : c > 0;
    }
    if (strcmp(op, "is_set") == 0)
        return l.found;
    if (strcmp(op, "is_not_set") == 0)
        return !l.found;
    if (strcmp(op, "version") == 0 || strcmp(op, "semver") == 0) {
        if (!both || !l.text || !r.text)
            return CONSTRAINT_FALSE;
        int res = version_constraint_check(r.text, op[0] == 's', l.text);
        if (res < 0)
            *reason = "the version constraint does not parse";
        return res == 1;
    }
    if (strcmp(op, "regexp") == 0) {
        if (!both || !l.text || !r.text)
            return CONSTRAINT_FALSE;
        return regexp_match(arena, l.text, r.text, reason);
    }
    if (strcmp(op, "set_contains") == 0 || strcmp(op, "set_contains_all") == 0 ||
        strcmp(op, "set_contains_any") == 0) {
        if (!both || !l.text || !r.text)
            return CONSTRAINT_FALSE;
        return set_contains(l.text, r.text, strcmp(op, "set_contains_any") == 0);
    }
    return CONSTRAINT_FALSE;
}
