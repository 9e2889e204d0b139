/* cron.c — Nomad's cron dialect, as cronexpr v1.1.1 (see cron.h). */
#include "rkt/cron.h"
#include "util/arena.h"

#include <string.h>

struct field_desc {
    const char *name;
    int min, max;
};

static const struct field_desc descs[CRON_FIELD_COUNT] = {
    [CRON_SECOND] = {"second", 0, 59},
    [CRON_MINUTE] = {"minute", 0, 59},
    [CRON_HOUR] = {"hour", 0, 23},
    [CRON_DOM] = {"day-of-month", 1, 31},
    [CRON_MONTH] = {"month", 1, 12},
    [CRON_DOW] = {"day-of-week", 0, 6},
    [CRON_YEAR] = {"year", 1970, 2099},
};

/* ---- tokens ------------------------------------------------------------ */

struct token {
    const char *s; /* lower-cased */
    size_t len;
};

static bool token_is(struct token t, const char *text) {
    return t.len == strlen(text) && memcmp(t.s, text, t.len) == 0;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool all_digits(struct token t) {
    if (t.len == 0)
        return false;
    for (size_t i = 0; i < t.len; i++)
        if (!is_digit(t.s[i]))
            return false;
    return true;
}

/* cronexpr's numberTokens: "0".."59", "00".."09", "1970".."2099"; any
 * other digit string reads as 0. */
static int number_token(struct token t) {
    if (!all_digits(t))
        return 0;
    if (t.len == 1)
        return t.s[0] - '0';
    if (t.len == 2) {
        int v = (t.s[0] - '0') * 10 + (t.s[1] - '0');
        return v <= 59 ? v : 0;
    }
    if (t.len == 4) {
        int v = 0;
        for (size_t i = 0; i < 4; i++)
            v = v * 10 + (t.s[i] - '0');
        return v >= 1970 && v <= 2099 ? v : 0;
    }
    return 0;
}

static const char *const month_names[][2] = {
    {"jan", "january"}, {"feb", "february"}, {"mar", "march"},
    {"apr", "april"},   {"may", "may"},      {"jun", "june"},
    {"jul", "july"},    {"aug", "august"},   {"sep", "september"},
    {"oct", "october"}, {"nov", "november"}, {"dec", "december"},
};

static const char *const day_names[][2] = {
    {"sun", "sunday"},   {"mon", "monday"}, {"tue", "tuesday"},
    {"wed", "wednesday"}, {"thu", "thursday"}, {"fri", "friday"},
    {"sat", "saturday"},
};

/* Does t match the field's value pattern? Then *value is what cronexpr's
 * lookup table gives for it. */
static bool match_value(enum cron_field_id f, struct token t, int *value) {
    if (t.len == 0)
        return false;
    bool digits = all_digits(t);
    int two = t.len == 2 && digits ? (t.s[0] - '0') * 10 + (t.s[1] - '0') : -1;
    switch (f) {
    case CRON_SECOND:
    case CRON_MINUTE: /* 0?[0-9]|[1-5][0-9] */
        if (!digits || t.len > 2 || (t.len == 2 && two > 59))
            return false;
        *value = number_token(t);
        return true;
    case CRON_HOUR: /* 0?[0-9]|1[0-9]|2[0-3] */
        if (!digits || t.len > 2 || (t.len == 2 && two > 23))
            return false;
        *value = number_token(t);
        return true;
    case CRON_DOM: /* 0?[1-9]|[12][0-9]|3[01] */
        if (!digits || t.len > 2)
            return false;
        if (t.len == 1 ? t.s[0] == '0' : (two == 0 || two > 31))
            return false;
        *value = number_token(t);
        return true;
    case CRON_MONTH: /* 0?[1-9]|1[012]|names */
        if (digits) {
            if (t.len > 2 || (t.len == 1 ? t.s[0] == '0' : (two == 0 || two > 12)))
                return false;
            *value = t.len == 1 ? t.s[0] - '0' : two;
            return true;
        }
        for (int m = 0; m < 12; m++)
            if (token_is(t, month_names[m][0]) || token_is(t, month_names[m][1])) {
                *value = m + 1;
                return true;
            }
        return false;
    case CRON_DOW: /* 0?[0-7]|names; only "0".."7" are in the table */
        if (digits) {
            if (t.len > 2 || (t.len == 2 && t.s[0] != '0') || t.s[t.len - 1] > '7')
                return false;
            *value = t.len == 1 ? (t.s[0] - '0') % 7 : 0;
            return true;
        }
        for (int d = 0; d < 7; d++)
            if (token_is(t, day_names[d][0]) || token_is(t, day_names[d][1])) {
                *value = d;
                return true;
            }
        return false;
    case CRON_YEAR: /* 19[789][0-9]|20[0-9]{2} */
        if (!digits || t.len != 4)
            return false;
        if (!((t.s[0] == '1' && t.s[1] == '9' && t.s[2] >= '7') ||
              (t.s[0] == '2' && t.s[1] == '0')))
            return false;
        *value = number_token(t);
        return true;
    default:
        return false;
    }
}

/* ---- items --------------------------------------------------------------- */

enum directive { D_NONE, D_ONE, D_SPAN, D_ALL };

struct parsed_item {
    enum directive kind;
    struct cron_item item;
    struct token raw;   /* as written */
    struct token lower; /* lower-cased */
};

static void set_error(struct arena *arena, const char **error,
                      const char *format, const char *a, const char *b,
                      size_t blen) {
    *error = arena_printf(arena, format, a, (int)blen, b);
}

/* Classifies one item as cronexpr's genericFieldParse does. Returns false
 * (with *error) on an invalid interval. */
static bool classify(struct arena *arena, enum cron_field_id f,
                     struct parsed_item *p, const char **error) {
    const struct field_desc *d = &descs[f];
    struct token t = p->lower;
    struct cron_item *it = &p->item;
    p->kind = D_NONE;
    if (token_is(t, "*") || token_is(t, "?")) {
        p->kind = D_ALL;
        return true;
    }
    int v, w;
    if (match_value(f, t, &v)) {
        p->kind = D_ONE;
        it->kind = CRON_ITEM_VALUE;
        it->first = it->last = v;
        it->step = 1;
        return true;
    }
    const char *slash = memchr(t.s, '/', t.len);
    struct token body = t, step = {NULL, 0};
    if (slash) {
        body.len = (size_t)(slash - t.s);
        step.s = slash + 1;
        step.len = t.len - body.len - 1;
        if (!all_digits(step))
            return true; /* none */
    }
    int step_value = 1;
    if (slash) {
        step_value = number_token(step);
    }
    bool matched = false;
    if (slash && token_is(body, "*")) {
        it->kind = CRON_ITEM_STAR_STEP;
        it->first = d->min;
        it->last = d->max;
        matched = true;
    } else if (slash && match_value(f, body, &v)) {
        it->kind = CRON_ITEM_VALUE_STEP;
        it->first = v;
        it->last = d->max;
        matched = true;
    } else {
        const char *dash = memchr(body.s, '-', body.len);
        if (dash) {
            struct token a = {body.s, (size_t)(dash - body.s)};
            struct token b = {dash + 1, body.len - a.len - 1};
            if (match_value(f, a, &v) && match_value(f, b, &w)) {
                it->kind = slash ? CRON_ITEM_RANGE_STEP : CRON_ITEM_RANGE;
                it->first = v;
                it->last = w;
                matched = true;
                if (f == CRON_DOW && w == 0 &&
                    (token_is(b, "7") || token_is(b, "07") ||
                     token_is(b, "sun") || token_is(b, "sunday")) && v != 0)
                    it->range_ends_sunday = true;
                if (f == CRON_DOW && b.len == 2 && b.s[0] == '0' && b.s[1] >= '1' &&
                    b.s[1] <= '6')
                    it->zero_padded_weekday = true;
            }
            if (f == CRON_DOW && a.len == 2 && a.s[0] == '0' && a.s[1] >= '1' &&
                a.s[1] <= '6' && matched)
                it->zero_padded_weekday = true;
        }
    }
    if (!matched)
        return true; /* none: the field handler decides */
    if (slash && (step_value < 1 || step_value > d->max)) {
        set_error(arena, error, "invalid interval %s%.*s", "", t.s, t.len);
        return false;
    }
    it->step = step_value;
    p->kind = D_SPAN;
    return true;
}

static void set_bit_range(enum cron_field_id f, struct cron_spec *spec,
                          int first, int last, int step) {
    for (int v = first; v <= last; v += step) {
        switch (f) {
        case CRON_SECOND: spec->seconds |= 1ULL << v; break;
        case CRON_MINUTE: spec->minutes |= 1ULL << v; break;
        case CRON_HOUR: spec->hours |= 1U << v; break;
        case CRON_DOM: spec->days |= 1U << v; break;
        case CRON_MONTH: spec->months |= (uint16_t)(1U << v); break;
        case CRON_DOW: spec->weekdays |= (uint8_t)(1U << v); break;
        case CRON_YEAR:
            spec->years[(v - 1970) / 8] |= (uint8_t)(1U << ((v - 1970) % 8));
            break;
        default: break;
        }
    }
}

static bool suffix_value(enum cron_field_id f, struct token t, char suffix,
                         int *value) {
    if (t.len < 2 || t.s[t.len - 1] != suffix)
        return false;
    struct token v = {t.s, t.len - 1};
    return match_value(f, v, value);
}

/* The handler of one field, with cronexpr's per-field rules. */
static bool handle_field(struct arena *arena, enum cron_field_id f,
                         const char *text, size_t len, struct cron_spec *spec,
                         const char **error) {
    const struct field_desc *d = &descs[f];
    struct cron_field *field = &spec->fields[f];
    /* items: maximal runs of non-comma bytes */
    size_t count = 0;
    for (size_t i = 0; i < len;) {
        if (text[i] == ',') {
            i++;
            continue;
        }
        while (i < len && text[i] != ',')
            i++;
        count++;
    }
    if (count == 0) {
        *error = arena_printf(arena, "%s field: missing directive", d->name);
        return false;
    }
    struct parsed_item *items = arena_array(arena, count, sizeof *items);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (text[i] == ',') {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && text[i] != ',')
            i++;
        char *lower = arena_strndup(arena, text + start, i - start);
        for (char *c = lower; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        items[n].raw.s = text + start;
        items[n].raw.len = i - start;
        items[n].lower.s = lower;
        items[n].lower.len = i - start;
        if (!classify(arena, f, &items[n], error))
            return false;
        n++;
    }
    field->items = arena_array(arena, count, sizeof *field->items);
    field->item_count = 0;
    bool day_field = f == CRON_DOM || f == CRON_DOW;
    if (f == CRON_DOM)
        spec->dom_restricted = true;
    if (f == CRON_DOW)
        spec->dow_restricted = true;
    for (size_t i = 0; i < count; i++) {
        struct parsed_item *p = &items[i];
        struct cron_item *it = &p->item;
        switch (p->kind) {
        case D_ALL:
            field->all = true;
            if (!day_field) {
                set_bit_range(f, spec, d->min, d->max, 1);
                return true;
            }
            set_bit_range(f, spec, d->min, d->max, 1);
            if (f == CRON_DOM)
                spec->dom_restricted = false;
            else
                spec->dow_restricted = false;
            continue;
        case D_ONE:
            set_bit_range(f, spec, it->first, it->first, 1);
            break;
        case D_SPAN:
            if (f == CRON_DOW && it->last == 0)
                it->last = 6; /* cronexpr v1.1.1: spans ending in Sunday */
            set_bit_range(f, spec, it->first, it->last, it->step);
            break;
        case D_NONE: {
            int v;
            struct token t = p->lower;
            if (f == CRON_DOM && token_is(t, "l")) {
                it->kind = CRON_ITEM_LAST_DAY;
                spec->last_day = true;
            } else if (f == CRON_DOM && token_is(t, "lw")) {
                it->kind = CRON_ITEM_LAST_WORKDAY;
                spec->last_workday = true;
            } else if (f == CRON_DOM && suffix_value(f, t, 'w', &v)) {
                it->kind = CRON_ITEM_WORKDAY;
                it->first = it->last = v;
                spec->workdays |= 1U << v;
            } else if (f == CRON_DOW && suffix_value(f, t, 'l', &v)) {
                it->kind = CRON_ITEM_LAST_WEEKDAY;
                it->first = it->last = v;
                spec->last_weekdays |= (uint8_t)(1U << v);
            } else if (f == CRON_DOW && t.len >= 3 && t.s[t.len - 2] == '#' &&
                       t.s[t.len - 1] >= '1' && t.s[t.len - 1] <= '5' &&
                       match_value(f, (struct token){t.s, t.len - 2}, &v)) {
                it->kind = CRON_ITEM_NTH_WEEKDAY;
                it->first = it->last = v;
                it->step = t.s[t.len - 1] - '0';
                spec->nth_weekdays |= 1ULL << ((it->step - 1) * 7 + v % 7);
            } else {
                *error = arena_printf(arena, "syntax error in %s field: '%.*s'",
                                      d->name, (int)p->raw.len, p->raw.s);
                return false;
            }
            break;
        }
        }
        if (f == CRON_DOW && (p->kind == D_ONE || p->kind == D_NONE)) {
            struct token body = p->lower;
            if (p->kind == D_NONE)
                body.len = it->kind == CRON_ITEM_NTH_WEEKDAY ? body.len - 2 : body.len - 1;
            if (body.len == 2 && body.s[0] == '0' && body.s[1] >= '1' &&
                body.s[1] <= '6')
                it->zero_padded_weekday = true;
        }
        field->items[field->item_count++] = *it;
    }
    return true;
}

static bool is_blank(char c) {
    /* Go's \s: [\t\n\f\r ] */
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static const struct {
    const char *name, *value;
} predefined[] = {
    {"@yearly", "0 0 0 1 1 * *"}, {"@annually", "0 0 0 1 1 * *"},
    {"@monthly", "0 0 0 1 * * *"}, {"@weekly", "0 0 0 * * 0 *"},
    {"@daily", "0 0 0 * * * *"},   {"@hourly", "0 0 * * * * *"},
};

bool cron_parse(struct arena *arena, const char *text, size_t len,
                struct cron_spec *spec, const char **error) {
    memset(spec, 0, sizeof *spec);
    /* 1. predefined names, replaced as substrings, leftmost first */
    char *line = arena_alloc(arena, len * 14 + 1);
    size_t out = 0;
    for (size_t i = 0; i < len;) {
        bool replaced = false;
        for (size_t k = 0; k < sizeof predefined / sizeof predefined[0]; k++) {
            size_t nlen = strlen(predefined[k].name);
            if (len - i >= nlen && memcmp(text + i, predefined[k].name, nlen) == 0) {
                size_t vlen = strlen(predefined[k].value);
                memcpy(line + out, predefined[k].value, vlen);
                out += vlen;
                i += nlen;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            line[out++] = text[i++];
    }
    /* 2. fields: runs of non-blank bytes; more than 7 are ignored */
    const char *starts[7];
    size_t lens[7];
    size_t count = 0;
    for (size_t i = 0; i < out && count < 7;) {
        if (is_blank(line[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < out && !is_blank(line[i]))
            i++;
        starts[count] = line + start;
        lens[count] = i - start;
        count++;
    }
    if (count < 5) {
        *error = "missing field(s)";
        return false;
    }
    /* 3. layout */
    static const enum cron_field_id order[] = {CRON_MINUTE, CRON_HOUR, CRON_DOM,
                                               CRON_MONTH, CRON_DOW};
    size_t next = 0;
    if (count == 7) {
        if (!handle_field(arena, CRON_SECOND, starts[0], lens[0], spec, error))
            return false;
        next = 1;
    } else {
        if (!handle_field(arena, CRON_SECOND, "0", 1, spec, error))
            return false;
    }
    for (size_t k = 0; k < 5; k++, next++)
        if (!handle_field(arena, order[k], starts[next], lens[next], spec, error))
            return false;
    if (next < count) {
        if (!handle_field(arena, CRON_YEAR, starts[next], lens[next], spec, error))
            return false;
    } else if (!handle_field(arena, CRON_YEAR, "*", 1, spec, error)) {
        return false;
    }
    return true;
}

/* ---- calendar ------------------------------------------------------------ */

int64_t cron_days_from_civil(int year, int month, int day) {
    int64_t y = year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *year, int *month, int *day) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = (int)(y + (*month <= 2));
}

int cron_days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

int cron_weekday(int year, int month, int day) {
    int64_t z = cron_days_from_civil(year, month, day);
    return (int)((z % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
}

/* cronexpr's workdayOfMonth: Saturday → Friday before (the 1st → Monday
 * the 3rd), Sunday → Monday after (the last day → Friday before). */
static int workday_of_month(int year, int month, int day, int last) {
    int wd = cron_weekday(year, month, day);
    if (wd == 6)
        return day > 1 ? day - 1 : day + 2;
    if (wd == 0)
        return day < last ? day + 1 : day - 2;
    return day;
}

static bool year_in(const struct cron_spec *spec, int year) {
    if (year < 1970 || year > 2099)
        return false;
    return spec->years[(year - 1970) / 8] & (1U << ((year - 1970) % 8));
}

/* cronexpr's calculateActualDaysOfMonth, as a membership test. */
static bool day_matches(const struct cron_spec *spec, int year, int month,
                        int day) {
    int last = cron_days_in_month(year, month);
    if (day < 1 || day > last)
        return false;
    if (!spec->dom_restricted && !spec->dow_restricted)
        return true;
    if (spec->dom_restricted) {
        if (spec->last_day && day == last)
            return true;
        if (spec->last_workday && day == workday_of_month(year, month, last, last))
            return true;
        if (spec->days & (1U << day))
            return true;
        for (int v = 1; v <= last; v++)
            if ((spec->workdays & (1U << v)) &&
                workday_of_month(year, month, v, last) == day)
                return true;
    }
    if (spec->dow_restricted) {
        int wd = cron_weekday(year, month, day);
        if (spec->weekdays & (1U << wd))
            return true;
        int k = (day - 1) / 7 + 1; /* which occurrence of wd this is */
        if (spec->nth_weekdays & (1ULL << ((k - 1) * 7 + wd)))
            return true;
        if ((spec->last_weekdays & (1U << wd)) && day > last - 7)
            return true;
    }
    return false;
}

int64_t cron_next(const struct cron_spec *spec, int64_t after) {
    int64_t t = after + 1;
    if (t < 0)
        t = 0;
    int64_t days = t / 86400, secs = t % 86400;
    int Y, M, D;
    civil_from_days(days, &Y, &M, &D);
    int h = (int)(secs / 3600), m = (int)(secs / 60 % 60), s = (int)(secs % 60);
    for (int y = Y; y <= 2099; y++) {
        if (!year_in(spec, y))
            continue;
        for (int mo = (y == Y ? M : 1); mo <= 12; mo++) {
            if (!(spec->months & (1U << mo)))
                continue;
            bool same_month = y == Y && mo == M;
            for (int d = same_month ? D : 1; d <= cron_days_in_month(y, mo); d++) {
                if (!day_matches(spec, y, mo, d))
                    continue;
                bool same_day = same_month && d == D;
                for (int hh = same_day ? h : 0; hh < 24; hh++) {
                    if (!(spec->hours & (1U << hh)))
                        continue;
                    bool same_hour = same_day && hh == h;
                    for (int mm = same_hour ? m : 0; mm < 60; mm++) {
                        if (!(spec->minutes & (1ULL << mm)))
                            continue;
                        bool same_minute = same_hour && mm == m;
                        for (int ss = same_minute ? s : 0; ss < 60; ss++)
                            if (spec->seconds & (1ULL << ss))
                                return cron_days_from_civil(y, mo, d) * 86400 +
                                       hh * 3600 + mm * 60 + ss;
                    }
                }
            }
        }
    }
    return -1;
}
