/* cron_calendar.h — a parsed cron spec as systemd OnCalendar= lines
 * (docs/targets.md §6.2), with a verdict on how faithful they are.
 *
 * Contract: cron_calendar renders one or more OnCalendar= values whose
 * union fires exactly when cronexpr v1.1.1 fires (years up to 2099),
 * item by item as the spec's table says: `a-b` → `a..b`, `*` step → field
 * minimum, weekday steps expanded, L/LW/vW/vL/v#k as extra lines, both
 * day fields restricted → one line per day field (cron's OR). Every line
 * ends with the time zone (default `UTC`; `Local` → none). The verdict:
 *   EXACT       the lines are the schedule;
 *   APPROXIMATE written, but differs in a stated way (host-local zone,
 *               the double run in a repeated fall-back hour);
 *   UNMAPPABLE  no OnCalendar= form (`vW` with v >= 28): no lines;
 *   NEVER       the spec can never fire (reversed ranges only, dates that
 *               do not exist): no lines.
 * Each reason is a note (arena text) with the rule id the caller reports
 * it under (GEN rules of rules.def). Quirks of cronexpr that the lines
 * keep (zero-padded weekdays, weekday ranges ending in Sunday) are notes
 * too, with an info rule. The DST check needs the zone's current rule
 * (tz_rule_parse of the POSIX TZ string at the end of a TZif file); pass
 * NULL when the zone has no DST or is unknown. Pure; no I/O. */
#ifndef RKTC_TARGETS_CRON_CALENDAR_H
#define RKTC_TARGETS_CRON_CALENDAR_H

#include "diag/diag.h"
#include "targets/cron.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

enum cron_verdict {
    CRON_EXACT,
    CRON_APPROXIMATE,
    CRON_UNMAPPABLE,
    CRON_NEVER,
};

struct cron_note {
    enum rule_id rule_id; /* RULE_GEN001 ... */
    const char *message;
};

struct cron_calendar {
    enum cron_verdict verdict;
    const char **lines; /* OnCalendar= values */
    size_t line_count;
    struct cron_note *notes;
    size_t note_count;
};

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

/* Parses a POSIX TZ string ("EST5EDT,M3.2.0,M11.1.0"); false if malformed. */
bool tz_rule_parse(const char *posix_tz, struct tz_rule *rule);

void cron_calendar(struct arena *arena, const struct cron_spec *spec,
                   const char *time_zone, const struct tz_rule *zone,
                   struct cron_calendar *out);

const char *cron_verdict_name(enum cron_verdict verdict);

#endif
