/* time_zone.c — a periodic job's time zone (see time_zone.h). */
#include "rkt/time_zone.h"
#include "util/arena.h"

#include <stdio.h>
#include <string.h>

/* ---- POSIX TZ rule --------------------------------------------------------- */

static bool tz_name(const char **p) {
    const char *s = *p;
    if (*s == '<') {
        const char *end = strchr(s, '>');
        if (!end || end == s + 1)
            return false;
        *p = end + 1;
        return true;
    }
    while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
        s++;
    if (s == *p)
        return false;
    *p = s;
    return true;
}

static bool tz_number(const char **p, long *out) {
    const char *s = *p;
    long v = 0;
    if (*s < '0' || *s > '9')
        return false;
    while (*s >= '0' && *s <= '9' && v < 100000)
        v = v * 10 + (*s++ - '0');
    *p = s;
    *out = v;
    return true;
}

/* [+-]hh[:mm[:ss]] in seconds */
static bool tz_time(const char **p, long *seconds) {
    long sign = 1, h = 0, m = 0, s = 0;
    if (**p == '+' || **p == '-') {
        if (**p == '-')
            sign = -1;
        (*p)++;
    }
    if (!tz_number(p, &h))
        return false;
    if (**p == ':') {
        (*p)++;
        if (!tz_number(p, &m))
            return false;
        if (**p == ':') {
            (*p)++;
            if (!tz_number(p, &s))
                return false;
        }
    }
    *seconds = sign * (h * 3600 + m * 60 + s);
    return true;
}

/* date[/time]; *month is 0 unless the date is Mm.w.d */
static bool tz_transition(const char **p, int *month, long *at) {
    long v;
    *month = 0;
    *at = 7200;
    if (**p == 'M') {
        long w, d;
        (*p)++;
        if (!tz_number(p, &v) || **p != '.')
            return false;
        (*p)++;
        if (!tz_number(p, &w) || **p != '.')
            return false;
        (*p)++;
        if (!tz_number(p, &d) || v < 1 || v > 12)
            return false;
        *month = (int)v;
    } else {
        if (**p == 'J')
            (*p)++;
        if (!tz_number(p, &v))
            return false;
    }
    if (**p == '/') {
        (*p)++;
        if (!tz_time(p, at))
            return false;
    }
    return true;
}

static void note_repeat(struct tz_rule *rule, int month, long at, long jump) {
    if (jump >= 0)
        return;
    long start = at + jump, end = at;
    if (start < 0)
        start = 0;
    if (end > 86400)
        end = 86400;
    rule->fall_back.month = month;
    rule->fall_back.repeat_start = (int)start;
    rule->fall_back.repeat_end = (int)end;
}

bool tz_rule_parse(const char *posix_tz, struct tz_rule *rule) {
    memset(rule, 0, sizeof *rule);
    const char *p = posix_tz;
    long std_off, dst_off;
    if (!tz_name(&p) || !tz_time(&p, &std_off))
        return false;
    if (*p == '\0')
        return true; /* no DST */
    if (!tz_name(&p))
        return false;
    dst_off = std_off - 3600;
    if (*p != ',' && *p != '\0' && !tz_time(&p, &dst_off))
        return false;
    rule->has_dst = true;
    int start_month = 0, end_month = 0;
    long start_at = 7200, end_at = 7200;
    if (*p == ',') {
        p++;
        if (!tz_transition(&p, &start_month, &start_at) || *p != ',')
            return false;
        p++;
        if (!tz_transition(&p, &end_month, &end_at))
            return false;
    }
    if (*p != '\0')
        return false;
    /* local wall clock jumps by (old offset - new offset), offsets west-positive */
    note_repeat(rule, start_month, start_at, std_off - dst_off);
    note_repeat(rule, end_month, end_at, dst_off - std_off);
    return true;
}

/* ---- the zone's file ------------------------------------------------------- */

/* The POSIX TZ footer of a TZif v2+ file: the text between the last two
 * newlines. */
const char *tz_zone_footer(struct arena *arena, const char *zone) {
    if (!zone || !*zone || strcmp(zone, "UTC") == 0 || strcmp(zone, "Local") == 0 ||
        zone[0] == '/' || strstr(zone, "..") || strlen(zone) > 200)
        return NULL;
    char path[256];
    snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static const long tail = 256;
    char buf[257];
    size_t n = 0;
    if (fseek(f, -tail, SEEK_END) != 0)
        rewind(f);
    n = fread(buf, 1, (size_t)tail, f);
    fclose(f);
    if (n < 2 || buf[n - 1] != '\n')
        return NULL;
    size_t end = n - 1, start = end;
    while (start > 0 && buf[start - 1] != '\n')
        start--;
    if (start == 0)
        return NULL;
    return arena_strndup(arena, buf + start, end - start);
}
