/* cron.h — Nomad's cron dialect (hashicorp/cronexpr v1.1.1, Nomad
 * 0.12.4–0.12.12; docs/targets.md §6.1) and its meaning.
 *
 * Contract: cron_parse accepts exactly what cronexpr v1.1.1 accepts and
 * fails with its error text (the part after `Invalid cron spec "<spec>": `)
 * otherwise. The result keeps, per field, the items as written (for
 * rendering) and the resulting value sets with cronexpr's quirks applied
 * (weekday ranges ending in 7/sun stop at Saturday, zero-padded weekdays
 * mean Sunday, `*` in a simple field makes it "all" and hides the items
 * after it, reversed ranges are empty). cron_next gives the first firing
 * time strictly after a Unix time, evaluated in UTC, as cronexpr's Next
 * does (years 1970–2099; -1 when there is none). Pure functions, no I/O. */
#ifndef RKTC_RKT_CRON_H
#define RKTC_RKT_CRON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct arena;

enum cron_field_id {
    CRON_SECOND, CRON_MINUTE, CRON_HOUR, CRON_DOM, CRON_MONTH, CRON_DOW,
    CRON_YEAR, CRON_FIELD_COUNT
};

enum cron_item_kind {
    CRON_ITEM_VALUE,      /* v */
    CRON_ITEM_RANGE,      /* a-b (step 1) */
    CRON_ITEM_STAR_STEP,  /* * / n */
    CRON_ITEM_VALUE_STEP, /* a/n */
    CRON_ITEM_RANGE_STEP, /* a-b/n */
    CRON_ITEM_LAST_DAY,   /* day-of-month L */
    CRON_ITEM_LAST_WORKDAY, /* day-of-month LW */
    CRON_ITEM_WORKDAY,    /* day-of-month vW (first = v) */
    CRON_ITEM_LAST_WEEKDAY, /* day-of-week vL (first = weekday 0-6) */
    CRON_ITEM_NTH_WEEKDAY,  /* day-of-week v#k (first = weekday, step = k) */
};

struct cron_item {
    enum cron_item_kind kind;
    int first, last, step;
    bool zero_padded_weekday; /* a weekday written 00-07 (means Sunday) */
    bool range_ends_sunday;   /* a weekday range ending at 7 or sun */
};

struct cron_field {
    bool all;        /* a `*`/`?` item: every value (restricted = !all) */
    size_t item_count; /* items before the first `*` (simple fields) or all */
    struct cron_item *items; /* in the arena given to cron_parse */
};

struct cron_spec {
    struct cron_field fields[CRON_FIELD_COUNT];
    /* value sets after cronexpr's rules */
    uint64_t seconds, minutes; /* bit v for 0..59 */
    uint32_t hours;            /* 0..23 */
    uint32_t days;             /* plain days of month, bit v for 1..31 */
    uint32_t workdays;         /* vW targets, bit v */
    bool last_day, last_workday;
    uint16_t months;           /* bit v for 1..12 */
    uint8_t weekdays;          /* plain weekdays, bit 0 = Sunday */
    uint8_t last_weekdays;     /* vL, bit = weekday */
    uint64_t nth_weekdays;     /* v#k: bit (k-1)*7 + weekday */
    uint8_t years[17];         /* bit (year - 1970) for 1970..2099 */
    bool dom_restricted, dow_restricted;
};

/* Parses text (len bytes); items live in arena. On failure returns false
 * and stores the cronexpr error text in *error (in the arena). */
bool cron_parse(struct arena *arena, const char *text, size_t len,
                struct cron_spec *spec, const char **error);

/* First firing time > after (Unix seconds, UTC); -1 if none up to 2099. */
int64_t cron_next(const struct cron_spec *spec, int64_t after);

/* Calendar helpers (proleptic Gregorian, UTC). */
int64_t cron_days_from_civil(int year, int month, int day);
int cron_days_in_month(int year, int month);
int cron_weekday(int year, int month, int day); /* 0 = Sunday */

#endif
