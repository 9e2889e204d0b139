#include "rkt/constraint.h"

#include "rkt/version.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/go_regexp.h"

#include <ctype.h>
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

/* Go's regexp.MatchString, through RE2: linear time whatever the pattern.
 * A pattern Go refuses never matches (Nomad's checkRegexpMatch). */
static enum constraint_result regexp_match(struct arena *arena, const char *subject,
                                           const char *pattern, const char **reason) {
    char *error = NULL;
    int rc = go_regexp_match(pattern, strlen(pattern), subject, strlen(subject), &error);
    if (rc < 0) {
        *reason = arena_printf(arena, "the regular expression does not compile: %s",
                               error ? error : "error");
        free(error);
        return CONSTRAINT_FALSE;
    }
    return rc ? CONSTRAINT_TRUE : CONSTRAINT_FALSE;
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
