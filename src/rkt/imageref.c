#include "rkt/imageref.h"

#include "rkt/names.h"
#include "util/arena.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* Go's url.getscheme: returns the scheme length (0: none), -1 on error. */
static int url_scheme(const char *s) {
    for (int i = 0; s[i]; i++) {
        char c = s[i];
        if (isalpha((unsigned char)c))
            continue;
        if (isdigit((unsigned char)c) || c == '+' || c == '-' || c == '.') {
            if (i == 0)
                return 0;
            continue;
        }
        if (c == ':')
            return i == 0 ? -1 : i;
        return 0;
    }
    return 0;
}

static bool alnum_lower_run(const char **p) {
    const char *s = *p;
    while ((**p >= 'a' && **p <= 'z') || (**p >= '0' && **p <= '9'))
        (*p)++;
    return *p > s;
}

/* path-component := [a-z0-9]+ (separator [a-z0-9]+)*, separator := [_.] | __ | -+ */
static bool path_component(const char **p) {
    if (!alnum_lower_run(p))
        return false;
    for (;;) {
        const char *save = *p;
        if (**p == '_' && (*p)[1] == '_')
            *p += 2;
        else if (**p == '_' || **p == '.')
            (*p)++;
        else if (**p == '-')
            while (**p == '-')
                (*p)++;
        else
            return true;
        if (!alnum_lower_run(p)) {
            *p = save;
            return true;
        }
    }
}

static bool domain_component_ok(const char *s, size_t n) {
    if (n == 0 || !isalnum((unsigned char)s[0]) || !isalnum((unsigned char)s[n - 1]))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-')
            return false;
    return true;
}

static bool domain_ok(const char *s, size_t n) {
    const char *colon = memchr(s, ':', n);
    size_t host_len = colon ? (size_t)(colon - s) : n;
    if (colon) {
        size_t plen = n - host_len - 1;
        if (plen == 0)
            return false;
        for (size_t i = 0; i < plen; i++)
            if (!isdigit((unsigned char)colon[1 + i]))
                return false;
    }
    size_t start = 0;
    for (size_t i = 0; i <= host_len; i++)
        if (i == host_len || s[i] == '.') {
            if (!domain_component_ok(s + start, i - start))
                return false;
            start = i + 1;
        }
    return true;
}

/* true when the whole text is a valid reference (name[:tag]) */
static bool reference_ok(const char *ref) {
    const char *slash = strchr(ref, '/');
    const char *p = ref;
    if (slash) {
        size_t n = (size_t)(slash - ref);
        bool is_domain = memchr(ref, '.', n) || memchr(ref, ':', n) ||
                         (n == 9 && memcmp(ref, "localhost", 9) == 0);
        if (is_domain) {
            if (!domain_ok(ref, n))
                return false;
            p = slash + 1;
        }
    }
    const char *name_start = p;
    for (;;) {
        if (!path_component(&p))
            return false;
        if (*p != '/')
            break;
        p++;
    }
    if ((size_t)(p - ref) > 255 || p == name_start)
        return false;
    if (*p == ':') {
        p++;
        if (!(isalnum((unsigned char)*p) || *p == '_'))
            return false;
        size_t n = 0;
        while (isalnum((unsigned char)*p) || *p == '_' || *p == '.' || *p == '-') {
            p++;
            n++;
        }
        if (n > 128)
            return false;
    }
    return *p == '\0';
}

const char *docker_reference_error(struct arena *arena, const char *ref) {
    if (strchr(ref, '@'))
        return "digest references (@sha256:…) do not work with rkt's docker fetcher";
    if (*ref == '\0' || reference_ok(ref))
        return *ref == '\0' ? "invalid reference format" : NULL;
    char *lower = arena_strdup(arena, ref);
    const char *colon_tag = NULL;
    for (char *c = lower; *c; c++) {
        if (*c == ':' && !strchr(c, '/'))
            colon_tag = c;
        if (!colon_tag)
            *c = (char)tolower((unsigned char)*c);
    }
    if (reference_ok(lower))
        return "invalid reference format: repository name must be lowercase";
    return "invalid reference format";
}

static const char *appc_name_error(struct arena *arena, const char *app) {
    const char *comma = strchr(app, ',');
    const char *colon = strchr(app, ':');
    if (colon && comma && colon > comma)
        return "malformed app string - colon may appear only right after the app name";
    if (colon && strchr(colon + 1, ':'))
        return "malformed app string - colon may appear at most once";
    size_t name_len = strcspn(app, ":,");
    char *name = arena_strndup(arena, app, name_len);
    /* labels: version from the colon, then key=value items after commas */
    const char *p = app + name_len;
    if (*p == ':')
        p += strcspn(p, ",");
    while (*p == ',') {
        p++;
        size_t n = strcspn(p, ",");
        char *item = arena_strndup(arena, p, n);
        char *eq = strchr(item, '=');
        if (!eq)
            return arena_printf(arena,
                                "malformed string \"name=%s\" - has a label without a value: %s",
                                app, item);
        *eq = '\0';
        const char *e = acidentifier_error(item);
        if (e)
            return e;
        p += n;
    }
    return acidentifier_error(name);
}

struct image_ref image_classify(struct arena *arena, const char *image) {
    struct image_ref r = {IMAGE_INVALID, NULL};
    const char *dash = strchr(image, '-');
    if (dash && !strchr(dash + 1, '-') && dash - image == 6 &&
        memcmp(image, "sha512", 6) == 0 && dash[1] != '\0') {
        r.kind = IMAGE_HASH;
        if (strlen(dash + 1) < 2)
            r.error = "image ID too short";
        return r;
    }
    int scheme_len = url_scheme(image);
    if (scheme_len < 0) {
        r.error = arena_printf(arena, "failed to parse image url \"%s\"", image);
        return r;
    }
    for (const char *c = image; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f) {
            r.error = arena_printf(arena, "failed to parse image url \"%s\"", image);
            return r;
        }
    if (scheme_len == 0) {
        size_t seg = strcspn(image, "/");
        if (memchr(image, ':', seg)) {
            r.error = arena_printf(arena, "failed to parse image url \"%s\"", image);
            return r;
        }
        bool is_path = image[0] == '/' || (!strchr(image, ':') &&
                                            (strstr(image, "./") || ends_with(image, ".aci")));
        if (is_path) {
            r.kind = IMAGE_FILE;
            if (!ends_with(image, ".aci"))
                r.error = arena_printf(arena, "invalid image string \"file://%s\"", image);
            return r;
        }
    } else {
        char *scheme = arena_strndup(arena, image, (size_t)scheme_len);
        for (char *c = scheme; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        const char *rest = image + scheme_len + 1;
        if (strcmp(scheme, "file") == 0 || strcmp(scheme, "http") == 0 ||
            strcmp(scheme, "https") == 0) {
            r.kind = strcmp(scheme, "file") == 0 ? IMAGE_FILE : IMAGE_URL;
            if (!ends_with(image, ".aci"))
                r.error = arena_printf(arena, "invalid image string \"%s\"", image);
            return r;
        }
        if (strcmp(scheme, "docker") == 0) {
            r.kind = IMAGE_DOCKER;
            if (strncmp(rest, "//", 2) == 0)
                rest += 2;
            const char *e = docker_reference_error(arena, rest);
            if (e)
                r.error = arena_printf(arena,
                                       "docker distribution creation error: bad docker URL \"%s\": %s",
                                       rest, e);
            return r;
        }
        if (strcmp(scheme, "cimd") == 0) {
            r.kind = IMAGE_CIMD;
            return r;
        }
    }
    r.kind = IMAGE_APPC_NAME;
    const char *e = appc_name_error(arena, image);
    if (e)
        r.error = arena_printf(arena, "invalid appc image string \"%s\": %s", image, e);
    return r;
}

const char *trust_prefix_error(struct arena *arena, const char *prefix) {
    if (strstr(prefix, "://"))
        return "--prefix must not contain a URL scheme, omit https://";
    const char *e = acidentifier_error(prefix);
    if (e)
        return arena_printf(arena, "error adding keys: %s", e);
    return NULL;
}
