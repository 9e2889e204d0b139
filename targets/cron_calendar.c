/* cron_calendar.c — cron → OnCalendar= (see cron_calendar.h). */
#include "targets/cron_calendar.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

static const char *const weekday_names[7] = {"Sun", "Mon", "Tue", "Wed",
                                             "Thu", "Fri", "Sat"};

/* ---- rendering ---------------------------------------------------------- */

static void put_value(struct buf *b, enum cron_field_id f, int v) {
    if (f == CRON_DOW)
        buf_puts(b, weekday_names[v % 7]);
    else if (f == CRON_YEAR)
        buf_printf(b, "%04d", v);
    else
        buf_printf(b, "%02d", v);
}

static int field_minimum(enum cron_field_id f) {
    switch (f) {
    case CRON_DOM:
    case CRON_MONTH: return 1;
    case CRON_YEAR: return 1970;
    default: return 0;
    }
}

/* Appends one numeric item; false when it is empty (reversed range). */
static bool put_item(struct buf *b, enum cron_field_id f, const struct cron_item *it) {
    switch (it->kind) {
    case CRON_ITEM_VALUE:
        put_value(b, f, it->first);
        return true;
    case CRON_ITEM_RANGE:
    case CRON_ITEM_RANGE_STEP:
        if (it->first > it->last)
            return false;
        put_value(b, f, it->first);
        if (it->first == it->last)
            return true;
        buf_puts(b, "..");
        put_value(b, f, it->last);
        if (it->kind == CRON_ITEM_RANGE_STEP && it->step > 1)
            buf_printf(b, "/%d", it->step);
        return true;
    case CRON_ITEM_STAR_STEP:
    case CRON_ITEM_VALUE_STEP: {
        /* always with an explicit end: systemd 252 skips the first hour of
         * a month for an open hour repetition such as 00/7 (observed with
         * systemd-analyze calendar; 00..23/7 is right) */
        int first = it->kind == CRON_ITEM_STAR_STEP ? field_minimum(f) : it->first;
        put_value(b, f, first);
        if (first == it->last)
            return true;
        buf_puts(b, "..");
        put_value(b, f, it->last);
        buf_printf(b, "/%d", it->step);
        return true;
    }
    default:
        return false;
    }
}

static bool is_numeric(enum cron_item_kind kind) {
    return kind <= CRON_ITEM_RANGE_STEP;
}

/* The component for a field: "*" or its numeric items; NULL if empty. */
static char *render_field(struct arena *arena, const struct cron_spec *spec,
                          enum cron_field_id f) {
    const struct cron_field *field = &spec->fields[f];
    if (field->all)
        return arena_strdup(arena, "*");
    struct buf b;
    buf_init(&b);
    for (size_t i = 0; i < field->item_count; i++) {
        const struct cron_item *it = &field->items[i];
        if (!is_numeric(it->kind))
            continue;
        size_t mark = b.len;
        if (b.len > 0)
            buf_putc(&b, ',');
        if (!put_item(&b, f, it)) {
            b.len = mark;
            if (b.data)
                b.data[mark] = '\0';
        }
    }
    char *text = b.len ? arena_strdup(arena, b.data) : NULL;
    buf_free(&b);
    return text;
}

/* Weekday set in systemd's order (the week starts on Monday, so a range
 * never wraps: `Sun..Wed` is refused), runs of three or more as ranges:
 * "Mon..Fri", "Tue,Thu,Sat,Sun"; NULL for all seven or none. */
static char *render_weekdays(struct arena *arena, unsigned set) {
    if ((set & 0x7f) == 0x7f || (set & 0x7f) == 0)
        return NULL;
    static const int order[7] = {1, 2, 3, 4, 5, 6, 0};
    struct buf b;
    buf_init(&b);
    for (int i = 0; i < 7;) {
        if (!(set & (1U << order[i]))) {
            i++;
            continue;
        }
        int end = i;
        while (end + 1 < 7 && (set & (1U << order[end + 1])))
            end++;
        if (end - i >= 2) {
            if (b.len)
                buf_putc(&b, ',');
            buf_printf(&b, "%s..%s", weekday_names[order[i]], weekday_names[order[end]]);
        } else {
            for (int k = i; k <= end; k++) {
                if (b.len)
                    buf_putc(&b, ',');
                buf_puts(&b, weekday_names[order[k]]);
            }
        }
        i = end + 1;
    }
    char *text = arena_strdup(arena, b.data);
    buf_free(&b);
    return text;
}

struct line_builder {
    struct arena *arena;
    const char *year, *month, *time, *zone;
    const char **lines;
    size_t count, cap;
};

static void add_line(struct line_builder *lb, const char *weekdays,
                     const char *day, bool from_end) {
    char *line = arena_printf(lb->arena, "%s%s%s-%s%c%s %s%s%s",
                              weekdays ? weekdays : "", weekdays ? " " : "",
                              lb->year, lb->month, from_end ? '~' : '-', day,
                              lb->time, lb->zone[0] ? " " : "", lb->zone);
    for (size_t i = 0; i < lb->count; i++)
        if (strcmp(lb->lines[i], line) == 0)
            return;
    if (lb->count == lb->cap) {
        size_t cap = lb->cap ? lb->cap * 2 : 8;
        lb->lines = arena_grow(lb->arena, lb->lines, lb->count, cap, sizeof *lb->lines);
        lb->cap = cap;
    }
    lb->lines[lb->count++] = line;
}

struct notes {
    struct arena *arena;
    struct cron_note *items;
    size_t count, cap;
};

static void add_note(struct notes *n, enum rule_id rule_id, const char *message) {
    if (n->count == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 4;
        n->items = arena_grow(n->arena, n->items, n->count, cap, sizeof *n->items);
        n->cap = cap;
    }
    n->items[n->count].rule_id = rule_id;
    n->items[n->count].message = message;
    n->count++;
}

/* Can the spec fire at a wall-clock second in [start, end) of month? */
static bool fires_between(const struct cron_spec *spec, int month, int start,
                          int end) {
    if (month && !(spec->months & (1U << month)))
        return false;
    for (int t = start; t < end; t++) {
        int h = t / 3600, m = t / 60 % 60, s = t % 60;
        if ((spec->hours & (1U << h)) && (spec->minutes & (1ULL << m)) &&
            (spec->seconds & (1ULL << s)))
            return true;
    }
    return false;
}

void cron_calendar(struct arena *arena, const struct cron_spec *spec,
                   const char *time_zone, const struct tz_rule *zone,
                   struct cron_calendar *out) {
    memset(out, 0, sizeof *out);
    struct notes notes = {arena, NULL, 0, 0};
    out->verdict = CRON_EXACT;

    /* quirks kept faithfully */
    const struct cron_field *dow = &spec->fields[CRON_DOW];
    for (size_t i = 0; i < dow->item_count; i++) {
        if (dow->items[i].zero_padded_weekday)
            add_note(&notes, RULE_GEN004,
                     "a zero-padded weekday (01-06) means Sunday in Nomad's cron "
                     "library; the timer keeps that meaning");
        if (dow->items[i].range_ends_sunday)
            add_note(&notes, RULE_GEN004,
                     "a weekday range ending in 7 or sun stops at Saturday in "
                     "Nomad's cron library; the timer keeps that meaning");
    }

    if (cron_next(spec, -1) < 0) {
        out->verdict = CRON_NEVER;
        add_note(&notes, RULE_GEN003,
                 "the cron spec never fires (reversed ranges or dates that do not "
                 "exist), so Nomad never launches the job; no timer is written");
        out->notes = notes.items;
        out->note_count = notes.count;
        return;
    }

    const struct cron_field *dom = &spec->fields[CRON_DOM];
    for (size_t i = 0; i < dom->item_count; i++)
        if (spec->dom_restricted && dom->items[i].kind == CRON_ITEM_WORKDAY &&
            dom->items[i].first >= 28) {
            out->verdict = CRON_UNMAPPABLE;
            add_note(&notes, RULE_GEN002,
                     arena_printf(arena,
                                  "'%dW' (the weekday nearest the %d%s) depends on "
                                  "the month's length and has no OnCalendar= form; "
                                  "no timer is written",
                                  dom->items[i].first, dom->items[i].first,
                                  dom->items[i].first == 31 ? "st" : "th"));
        }
    if (out->verdict == CRON_UNMAPPABLE) {
        out->notes = notes.items;
        out->note_count = notes.count;
        return;
    }

    struct line_builder lb = {arena, NULL, NULL, NULL, NULL, NULL, 0, 0};
    lb.year = render_field(arena, spec, CRON_YEAR);
    lb.month = render_field(arena, spec, CRON_MONTH);
    const char *h = render_field(arena, spec, CRON_HOUR);
    const char *m = render_field(arena, spec, CRON_MINUTE);
    const char *s = render_field(arena, spec, CRON_SECOND);
    /* cron_next found a firing time, so no simple field is empty */
    lb.time = arena_printf(arena, "%s:%s:%s", h, m, s);
    if (!time_zone || !*time_zone)
        time_zone = "UTC";
    if (strcmp(time_zone, "Local") == 0) {
        lb.zone = "";
        out->verdict = CRON_APPROXIMATE;
        add_note(&notes, RULE_GEN001,
                 "time_zone = \"Local\" means the Nomad server's zone; the timer "
                 "uses the zone of the host it runs on");
    } else {
        lb.zone = time_zone;
    }

    if (!spec->dom_restricted && !spec->dow_restricted)
        add_line(&lb, NULL, "*", false);
    if (spec->dom_restricted) {
        const char *days = render_field(arena, spec, CRON_DOM);
        if (days)
            add_line(&lb, NULL, days, false);
        for (size_t i = 0; i < dom->item_count; i++) {
            const struct cron_item *it = &dom->items[i];
            int v = it->first;
            switch (it->kind) {
            case CRON_ITEM_LAST_DAY:
                add_line(&lb, NULL, "01", true);
                break;
            case CRON_ITEM_LAST_WORKDAY:
                add_line(&lb, "Mon..Fri", "01", true);
                add_line(&lb, "Fri", "02", true);
                add_line(&lb, "Fri", "03", true);
                break;
            case CRON_ITEM_WORKDAY:
                if (v == 1) {
                    add_line(&lb, "Mon..Fri", "01", false);
                    add_line(&lb, "Mon", "02", false);
                    add_line(&lb, "Mon", "03", false);
                } else {
                    add_line(&lb, "Mon..Fri", arena_printf(arena, "%02d", v), false);
                    add_line(&lb, "Fri", arena_printf(arena, "%02d", v - 1), false);
                    add_line(&lb, "Mon", arena_printf(arena, "%02d", v + 1), false);
                }
                break;
            default:
                break;
            }
        }
    }
    if (spec->dow_restricted) {
        if (spec->weekdays) {
            /* all seven days: the weekday part is omitted */
            add_line(&lb, render_weekdays(arena, spec->weekdays), "*", false);
        }
        for (size_t i = 0; i < dow->item_count; i++) {
            const struct cron_item *it = &dow->items[i];
            if (it->kind == CRON_ITEM_LAST_WEEKDAY)
                add_line(&lb, weekday_names[it->first % 7], "07/1", true);
            else if (it->kind == CRON_ITEM_NTH_WEEKDAY)
                add_line(&lb, weekday_names[it->first % 7],
                         arena_printf(arena, "%02d..%02d", 7 * it->step - 6,
                                      7 * it->step > 31 ? 31 : 7 * it->step),
                         false);
        }
    }

    if (zone && zone->has_dst && strcmp(time_zone, "Local") != 0 &&
        fires_between(spec, zone->fall_back.month, zone->fall_back.repeat_start,
                      zone->fall_back.repeat_end)) {
        out->verdict = CRON_APPROXIMATE;
        add_note(&notes, RULE_GEN001,
                 arena_printf(arena,
                              "the spec can fire inside the hour that repeats when "
                              "%s turns its clocks back: Nomad then launches the job "
                              "twice, systemd once; time_zone = \"UTC\" avoids the "
                              "difference",
                              time_zone));
    }
    out->lines = lb.lines;
    out->line_count = lb.count;
    out->notes = notes.items;
    out->note_count = notes.count;
}

const char *cron_verdict_name(enum cron_verdict verdict) {
    switch (verdict) {
    case CRON_EXACT: return "exact";
    case CRON_APPROXIMATE: return "approximate";
    case CRON_UNMAPPABLE: return "unmappable";
    case CRON_NEVER: return "never";
    }
    return "?";
}
