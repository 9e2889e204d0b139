#include "rkt/version.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static bool pre_char(char c) {
    return isalnum((unsigned char)c) || c == '-' || c == '~';
}

/* [0-9A-Za-z\-~]+ (\.[0-9A-Za-z\-~]+)* starting at *p; returns chars used */
static size_t dotted_ids(const char *p) {
    size_t n = 0;
    for (;;) {
        size_t run = 0;
        while (pre_char(p[n + run]))
            run++;
        if (run == 0)
            return n == 0 ? 0 : n - 1; /* drop a trailing '.' */
        n += run;
        if (p[n] != '.')
            return n;
        n++;
    }
}

bool version_parse(const char *text, bool strict, struct version *out) {
    memset(out, 0, sizeof *out);
    if (strlen(text) >= sizeof out->text)
        return false;
    memcpy(out->text, text, strlen(text) + 1);
    const char *p = text;
    if (*p == 'v')
        p++;
    /* segments */
    for (;;) {
        if (!isdigit((unsigned char)*p))
            return false;
        errno = 0;
        char *end;
        long long v = strtoll(p, &end, 10);
        if (errno == ERANGE || out->segment_count == VERSION_MAX_SEGMENTS)
            return false;
        out->segments[out->segment_count++] = v;
        p = end;
        if (*p == '.' && isdigit((unsigned char)p[1])) {
            p++;
            continue;
        }
        break;
    }
    out->specified = out->segment_count;
    while (out->segment_count < 3)
        out->segments[out->segment_count++] = 0;
    /* pre-release: "-" [0-9]… or ("-"?) [A-Za-z\-~]… (strict: dash required) */
    const char *pre = NULL;
    size_t pre_len = 0;
    if (*p == '-' && isdigit((unsigned char)p[1])) {
        pre = p + 1;
    } else if (*p == '-' && (isalpha((unsigned char)p[1]) || p[1] == '-' || p[1] == '~')) {
        pre = p + 1;
    } else if (!strict && (isalpha((unsigned char)*p) || *p == '~' || (*p == '-' && 0))) {
        pre = p;
    }
    if (pre) {
        pre_len = dotted_ids(pre);
        if (pre_len == 0)
            return false;
        if (pre_len >= sizeof out->pre)
            return false;
        memcpy(out->pre, pre, pre_len);
        p = pre + pre_len;
    }
    if (*p == '+') {
        size_t n = dotted_ids(p + 1);
        if (n == 0)
            return false;
        p += 1 + n;
    }
    return *p == '\0';
}

static bool is_numeric(const char *s, long long *out) {
    if (!*s)
        return false;
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!*p)
        return false;
    for (const char *q = p; *q; q++)
        if (!isdigit((unsigned char)*q))
            return false;
    errno = 0;
    *out = strtoll(s, NULL, 10);
    return errno != ERANGE;
}

static int compare_part(const char *a, const char *b) {
    if (strcmp(a, b) == 0)
        return 0;
    long long ai = 0, bi = 0;
    bool an = is_numeric(a, &ai), bn = is_numeric(b, &bi);
    if (!*a)
        return bn ? -1 : 1;
    if (!*b)
        return an ? 1 : -1;
    if (an && !bn)
        return -1;
    if (!an && bn)
        return 1;
    if (!an && !bn && strcmp(a, b) > 0)
        return 1;
    if (ai > bi)
        return 1;
    return -1;
}

static int compare_prereleases(const char *a, const char *b) {
    if (strcmp(a, b) == 0)
        return 0;
    char pa[128], pb[128];
    const char *sa = a, *sb = b;
    bool more_a = true, more_b = true;
    for (;;) {
        size_t na = 0, nb = 0;
        pa[0] = pb[0] = '\0';
        if (more_a) {
            na = strcspn(sa, ".");
            memcpy(pa, sa, na);
            pa[na] = '\0';
        }
        if (more_b) {
            nb = strcspn(sb, ".");
            memcpy(pb, sb, nb);
            pb[nb] = '\0';
        }
        int c = compare_part(pa, pb);
        if (c)
            return c;
        if (more_a) {
            more_a = sa[na] == '.';
            sa += na + (more_a ? 1 : 0);
        }
        if (more_b) {
            more_b = sb[nb] == '.';
            sb += nb + (more_b ? 1 : 0);
        }
        if (!more_a && !more_b)
            return 0;
    }
}

static bool segments_equal(const struct version *a, const struct version *b) {
    if (a->segment_count != b->segment_count)
        return false;
    for (size_t i = 0; i < a->segment_count; i++)
        if (a->segments[i] != b->segments[i])
            return false;
    return true;
}

static bool all_zero(const int64_t *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != 0)
            return false;
    return true;
}

int version_compare(const struct version *a, const struct version *b) {
    if (segments_equal(a, b)) {
        if (!*a->pre && !*b->pre)
            return 0;
        if (!*a->pre)
            return 1;
        if (!*b->pre)
            return -1;
        return compare_prereleases(a->pre, b->pre);
    }
    size_t la = a->segment_count, lb = b->segment_count;
    size_t high = la > lb ? la : lb;
    for (size_t i = 0; i < high; i++) {
        if (i > la - 1)
            return all_zero(b->segments + i, lb - i) ? 0 : -1;
        if (i > lb - 1)
            return all_zero(a->segments + i, la - i) ? 0 : 1;
        if (a->segments[i] == b->segments[i])
            continue;
        return a->segments[i] < b->segments[i] ? -1 : 1;
    }
    return 0;
}

/* go-version's prereleaseCheck */
static bool prerelease_check(const struct version *v, const struct version *c) {
    bool vp = *v->pre != '\0', cp = *c->pre != '\0';
    if (cp && vp)
        return segments_equal(c, v);
    if (!cp && vp)
        return false;
    return true;
}

static bool pessimistic(const struct version *v, const struct version *c) {
    if (!prerelease_check(v, c) || (*c->pre && !*v->pre))
        return false;
    if (version_compare(v, c) < 0)
        return false;
    size_t cs = c->segment_count;
    if (cs > v->segment_count)
        return false;
    for (size_t i = 0; i + 1 < c->specified; i++)
        if (v->segments[i] != c->segments[i])
            return false;
    if (c->segments[cs - 1] > v->segments[cs - 1])
        return false;
    return true;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* One constraint: returns -1 when malformed, else whether v satisfies it. */
static int check_single(const char *text, size_t len, bool semver,
                        const struct version *v) {
    char buf[256];
    if (len >= sizeof buf)
        return -1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    char *p = buf;
    while (is_space(*p))
        p++;
    char *end = p + strlen(p);
    while (end > p && is_space(end[-1]))
        *--end = '\0';
    char op[3] = "";
    static const char *const ops[] = {"~>", ">=", "<=", "!=", "=", ">", "<"};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i]);
        if (strncmp(p, ops[i], n) == 0) {
            if (semver && strcmp(ops[i], "~>") == 0)
                return -1;
            memcpy(op, ops[i], n + 1);
            p += n;
            break;
        }
    }
    while (is_space(*p))
        p++;
    struct version c;
    if (!version_parse(p, semver, &c))
        return -1;
    if (!v)
        return 0;
    int cmp = version_compare(v, &c);
    if (semver) {
        if (!*op || strcmp(op, "=") == 0)
            return cmp == 0;
        if (strcmp(op, "!=") == 0)
            return cmp != 0;
        if (strcmp(op, ">") == 0)
            return cmp > 0;
        if (strcmp(op, "<") == 0)
            return cmp < 0;
        if (strcmp(op, ">=") == 0)
            return cmp >= 0;
        return cmp <= 0;
    }
    if (!*op || strcmp(op, "=") == 0)
        return cmp == 0;
    if (strcmp(op, "!=") == 0)
        return cmp != 0;
    if (strcmp(op, "~>") == 0)
        return pessimistic(v, &c);
    if (!prerelease_check(v, &c))
        return 0;
    if (strcmp(op, ">") == 0)
        return cmp > 0;
    if (strcmp(op, "<") == 0)
        return cmp < 0;
    if (strcmp(op, ">=") == 0)
        return cmp >= 0;
    return cmp <= 0;
}

int version_constraint_check(const char *constraint, bool semver,
                             const char *version_text) {
    struct version v;
    bool version_ok = version_parse(version_text, false, &v);
    int result = 1;
    const char *p = constraint;
    for (;;) {
        size_t n = strcspn(p, ",");
        int r = check_single(p, n, semver, version_ok ? &v : NULL);
        if (r < 0)
            return -1;
        if (r == 0)
            result = 0;
        if (p[n] != ',')
            break;
        p += n + 1;
    }
    return result;
}
