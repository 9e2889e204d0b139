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
 * (rkt/time_zone.h, as the plan holds it); pass NULL when the zone has no
 * DST or is unknown. Pure; no I/O. */
#ifndef RKTC_TARGETS_CRON_CALENDAR_H
#define RKTC_TARGETS_CRON_CALENDAR_H

#include "diag/diag.h"
#include "rkt/cron.h"
#include "rkt/time_zone.h"

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

void cron_calendar(struct arena *arena, const struct cron_spec *spec,
                   const char *time_zone, const struct tz_rule *zone,
                   struct cron_calendar *out);

const char *cron_verdict_name(enum cron_verdict verdict);

#endif
