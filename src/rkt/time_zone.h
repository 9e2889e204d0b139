/* time_zone.h — what the plan knows of a periodic job's time zone.
 *
 * Contract: tz_zone_footer reads the POSIX TZ rule a zone's TZif v2+ file
 * ends with (/usr/share/zoneinfo/<zone>, the text between the last two
 * newlines); NULL for "", "UTC", "Local", names that are paths or contain
 * "..", and zones whose file cannot be read (the only I/O; arena text).
 * tz_rule_parse reads such a rule ("EST5EDT,M3.2.0,M11.1.0"): whether the
 * zone has daylight saving time and which wall-clock hour of which month
 * happens twice when the clock is turned back; false if it is malformed. */
#ifndef RKTC_RKT_TIME_ZONE_H
#define RKTC_RKT_TIME_ZONE_H

#include <stdbool.h>

struct arena;

/* A clock turned back once a year: wall-clock seconds of the local day in
 * [repeat_start, repeat_end) happen twice, in month (1-12; 0 = unknown). */
struct tz_fall_back {
    int month;
    int repeat_start, repeat_end;
};

struct tz_rule {
    bool has_dst;
    struct tz_fall_back fall_back;
};

const char *tz_zone_footer(struct arena *arena, const char *zone);
bool tz_rule_parse(const char *posix_tz, struct tz_rule *rule);

#endif
