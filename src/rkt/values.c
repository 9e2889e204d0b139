#include "rkt/values.h"

#include "rkt/names.h"
#include "util/arena.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <strings.h>
#include <string.h>

struct volume_parts volume_split(struct arena *arena, const char *entry) {
    struct volume_parts parts = {0};
    const char *fields[3] = {NULL, NULL, NULL};
    const char *start = entry;
    for (const char *p = entry;; p++) {
        if (*p == ':' || *p == '\0') {
            if (parts.count < 3)
                fields[parts.count] = arena_strndup(arena, start, (size_t)(p - start));
            parts.count++;
            if (*p == '\0')
                break;
            start = p + 1;
        }
    }
    parts.host = fields[0];
    parts.container = fields[1];
    parts.mode = fields[2];
    parts.read_only = parts.count == 3 && strcmp(fields[2], "readOnly") == 0;
    return parts;
}

static bool parse_ipv4_go(const char *s) {
    for (int i = 0; i < 4; i++) {
        if (*s == '\0')
            return false;
        if (i > 0) {
            if (*s != '.')
                return false;
            s++;
        }
        long n = 0;
        int digits = 0;
        while (*s >= '0' && *s <= '9') {
            n = n * 10 + (*s - '0');
            if (n >= 0xFFFFFF)
                return false;
            s++;
            digits++;
        }
        if (digits == 0 || n > 0xFF)
            return false;
    }
    return *s == '\0';
}

bool go_parse_ip(const char *text) {
    for (const char *p = text; *p; p++) {
        if (*p == '.')
            return parse_ipv4_go(text);
        if (*p == ':') {
            unsigned char out[16];
            return inet_pton(AF_INET6, text, out) == 1;
        }
    }
    return false;
}

static const char *const insecure_words[] = {
    "none", "image", "tls", "ondisk", "http", "pubkey", "capabilities",
    "paths", "seccomp", "all-fetch", "all-run", "all",
};

const char *insecure_options_error(struct arena *arena, const char *joined,
                                   const char **bad_item) {
    *bad_item = NULL;
    if (*joined == '\0')
        return NULL;
    char *lower = arena_strdup(arena, joined);
    for (char *p = lower; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    const char *seen[64];
    size_t seen_count = 0;
    char *item = lower;
    for (;;) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma = '\0';
        bool known = false;
        for (size_t i = 0; i < sizeof insecure_words / sizeof insecure_words[0]; i++)
            if (strcmp(item, insecure_words[i]) == 0)
                known = true;
        if (!known) {
            *bad_item = item;
            return arena_printf(arena, "unknown option \"%s\"", item);
        }
        for (size_t i = 0; i < seen_count; i++)
            if (strcmp(seen[i], item) == 0) {
                *bad_item = item;
                return arena_printf(arena, "duplicated option \"%s\"", item);
            }
        if (seen_count < 64)
            seen[seen_count++] = item;
        if (!comma)
            return NULL;
        item = comma + 1;
    }
}

bool insecure_options_allow_image(const char *joined) {
    const char *p = joined;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if ((n == 5 && strncasecmp(p, "image", 5) == 0) ||
            (n == 9 && strncasecmp(p, "all-fetch", 9) == 0) ||
            (n == 3 && strncasecmp(p, "all", 3) == 0))
            return true;
        if (!end)
            break;
        p = end + 1;
    }
    return false;
}

const char *net_list_error(struct arena *arena, const char *joined) {
    char *copy = arena_strdup(arena, joined);
    const char *names[64];
    size_t name_count = 0;
    char *entry = copy;
    for (;;) {
        char *comma = strchr(entry, ',');
        if (comma)
            *comma = '\0';
        char *colon = strchr(entry, ':');
        const char *name = colon ? arena_strndup(arena, entry, (size_t)(colon - entry)) : entry;
        if (*name == '\0')
            return "netname must not be empty";
        for (size_t i = 0; i < name_count; i++)
            if (strcmp(names[i], name) == 0)
                return arena_printf(arena, "found duplicate netname \"%s\"", name);
        if (name_count < 64)
            names[name_count++] = name;
        if (colon) {
            const char *args = colon + 1;
            if (strchr(args, ':')) {
                /* Go prints the []string of every part after the name */
                char *list = arena_strdup(arena, args);
                for (char *p = list; *p; p++)
                    if (*p == ':')
                        *p = ' ';
                return arena_printf(arena,
                                    "network \"%s\" provided with invalid arguments: [%s]",
                                    name, list);
            }
            if (strcmp(name, "host") == 0 || strcmp(name, "all") == 0)
                return arena_printf(arena,
                                    "arguments are not supported by special netname \"%s\"",
                                    name);
        }
        if (!comma)
            return NULL;
        entry = comma + 1;
    }
}

const char *port_flag_error(struct arena *arena, const char *value) {
    const char *parts[3];
    size_t lens[3];
    size_t count = 0;
    const char *start = value;
    for (const char *p = value;; p++) {
        if (*p == ':' || *p == '\0') {
            if (count < 3) {
                parts[count] = start;
                lens[count] = (size_t)(p - start);
            }
            count++;
            if (*p == '\0')
                break;
            start = p + 1;
        }
    }
    if (count < 2 || count > 3)
        return arena_printf(arena, "\"%s\" is not in name:[ip:]port format", value);
    char *name = arena_strndup(arena, parts[0], lens[0]);
    if (acname_error(name))
        return arena_printf(arena, "\"%s\" is not a valid port name", name);
    if (count == 3) {
        char *ip = arena_strndup(arena, parts[1], lens[1]);
        if (!go_parse_ip(ip))
            return arena_printf(arena, "\"%s\" is not a valid IP", ip);
    }
    char *port = arena_strndup(arena, parts[count - 1], lens[count - 1]);
    long n = 0;
    bool ok = *port != '\0';
    for (const char *p = port; *p && ok; p++) {
        if (*p < '0' || *p > '9')
            ok = false;
        else if ((n = n * 10 + (*p - '0')) > 65535)
            ok = false;
    }
    if (!ok)
        return arena_printf(arena, "\"%s\" is not a valid port number",
                            count == 3 ? arena_strndup(arena, parts[1], lens[1]) : port);
    return NULL;
}
