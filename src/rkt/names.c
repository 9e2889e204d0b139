#include "rkt/names.h"

#include "util/arena.h"

#include <string.h>

static bool is_lower_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

const char *acname_error(const char *text) {
    size_t n = strlen(text);
    if (n == 0)
        return "ACName cannot be empty";
    for (size_t i = 0; i < n; i++)
        if (!is_lower_alnum(text[i]) && text[i] != '-')
            return "ACName must contain only lower case alphanumeric characters plus \"-\"";
    if (text[0] == '-' || text[n - 1] == '-')
        return "ACName must start and end with only lower case alphanumeric characters";
    return NULL;
}

static bool ac_identifier_punct(char c) {
    return c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

const char *acidentifier_error(const char *text) {
    size_t n = strlen(text);
    if (n == 0)
        return "ACIdentifier cannot be empty";
    for (size_t i = 0; i < n; i++)
        if (!is_lower_alnum(text[i]) && !ac_identifier_punct(text[i]))
            return "ACIdentifier must contain only lower case alphanumeric characters plus \"-._~/\"";
    if (ac_identifier_punct(text[0]) || ac_identifier_punct(text[n - 1]))
        return "ACIdentifier must start and end with only lower case alphanumeric characters";
    return NULL;
}

char *rkt_volume_task_name(struct arena *arena, const char *task) {
    char *s = arena_strdup(arena, task);
    for (char *p = s; *p; p++)
        if (*p == '_')
            *p = '-';
    return s;
}

bool docker_port_name_ok(const char *text) {
    const char *p = text;
    if (!(*p >= '1' && *p <= '9'))
        return false;
    long port = 0;
    while (*p >= '0' && *p <= '9') {
        port = port * 10 + (*p - '0');
        if (port > 65535)
            return false;
        p++;
    }
    return strcmp(p, "-tcp") == 0 || strcmp(p, "-udp") == 0;
}

