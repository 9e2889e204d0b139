/* Tests for targets/cron and targets/cron_calendar, driven by the golden
 * cases in testdata/cron/NAME.txt (format: testdata/cron/README.md). Every
 * produced OnCalendar= line is checked with `systemd-analyze calendar`
 * (systemd 252): it must be accepted, and for UTC cases the union of the
 * lines' next elapses from several base times must equal the cron spec's
 * own firing times (cron_next, cronexpr's semantics). */
#include "rkt/cron.h"
#include "targets/cron_calendar.h"
#include "targets_testutil.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINES 16

struct cron_case {
    char file[64];
    int line_no;
    char cron[256];
    char zone[64];
    char tzrule[128];
    char error[256];
    char verdict[32];
    char lines[MAX_LINES][128];
    size_t line_count;
    char notes[MAX_LINES][16];
    size_t note_count;
};

static void trim_newline(char *s) {
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static bool take(const char *line, const char *key, char *dst, size_t size) {
    size_t klen = strlen(key);
    if (strncmp(line, key, klen) != 0)
        return false;
    size_t n = strlen(line + klen);
    cr_assert_lt(n, size, "value too long: %s", line);
    memcpy(dst, line + klen, n + 1);
    return true;
}

/* Reads every case of every testdata/cron/NAME.txt; returns the count. */
static size_t load_cases(struct cron_case **out) {
    size_t count = 0, cap = 0;
    struct cron_case *cases = NULL;
    DIR *dir = opendir("testdata/cron");
    cr_assert(dir, "testdata/cron missing (run from the repository root)");
    struct dirent *e;
    char *names[64];
    size_t name_count = 0;
    while ((e = readdir(dir)) != NULL && name_count < 64) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0)
            names[name_count++] = strdup(e->d_name);
    }
    closedir(dir);
    for (size_t f = 0; f < name_count; f++) {
        char path[256];
        snprintf(path, sizeof path, "testdata/cron/%s", names[f]);
        FILE *fp = fopen(path, "r");
        cr_assert(fp);
        char line[512];
        bool open_case = false;
        int line_no = 0;
        while (fgets(line, sizeof line, fp)) {
            line_no++;
            trim_newline(line);
            if (line[0] == '#')
                continue;
            if (line[0] == '\0') {
                open_case = false;
                continue;
            }
            if (!open_case) {
                if (count == cap) {
                    cap = cap ? cap * 2 : 64;
                    cases = realloc(cases, cap * sizeof *cases);
                }
                memset(&cases[count], 0, sizeof cases[count]);
                cr_assert_lt(strlen(names[f]), sizeof cases[count].file);
                memcpy(cases[count].file, names[f], strlen(names[f]) + 1);
                cases[count].line_no = line_no;
                count++;
                open_case = true;
            }
            struct cron_case *c = &cases[count - 1];
            if (take(line, "cron: ", c->cron, sizeof c->cron) ||
                take(line, "zone: ", c->zone, sizeof c->zone) ||
                take(line, "tzrule: ", c->tzrule, sizeof c->tzrule) ||
                take(line, "error: ", c->error, sizeof c->error) ||
                take(line, "verdict: ", c->verdict, sizeof c->verdict))
                continue;
            if (c->line_count < MAX_LINES &&
                take(line, "line: ", c->lines[c->line_count], sizeof c->lines[0])) {
                c->line_count++;
                continue;
            }
            if (c->note_count < MAX_LINES &&
                take(line, "note: ", c->notes[c->note_count], sizeof c->notes[0])) {
                c->note_count++;
                continue;
            }
            cr_assert_fail("%s:%d: unknown line '%s'", path, line_no, line);
        }
        fclose(fp);
        free(names[f]);
    }
    *out = cases;
    return count;
}

Test(cron, golden_cases) {
    struct cron_case *cases;
    size_t count = load_cases(&cases);
    cr_assert_gt(count, 60, "only %zu cron cases found", count);
    for (size_t i = 0; i < count; i++) {
        struct cron_case *c = &cases[i];
        struct arena *arena = arena_new();
        struct cron_spec spec;
        const char *error = NULL;
        bool ok = cron_parse(arena, c->cron, strlen(c->cron), &spec, &error);
        if (c->error[0]) {
            cr_expect_not(ok, "%s:%d: '%s' parsed", c->file, c->line_no, c->cron);
            if (!ok)
                cr_expect_str_eq(error, c->error, "%s:%d", c->file, c->line_no);
            arena_free(arena);
            continue;
        }
        cr_expect(ok, "%s:%d: '%s': %s", c->file, c->line_no, c->cron, error);
        if (!ok) {
            arena_free(arena);
            continue;
        }
        struct tz_rule rule;
        const struct tz_rule *zone = NULL;
        if (c->tzrule[0]) {
            cr_expect(tz_rule_parse(c->tzrule, &rule), "%s", c->tzrule);
            zone = &rule;
        }
        struct cron_calendar cal;
        cron_calendar(arena, &spec, c->zone[0] ? c->zone : NULL, zone, &cal);
        cr_expect_str_eq(cron_verdict_name(cal.verdict), c->verdict, "%s:%d: '%s'",
                         c->file, c->line_no, c->cron);
        cr_expect_eq(cal.line_count, c->line_count, "%s:%d: '%s': %zu lines",
                     c->file, c->line_no, c->cron, cal.line_count);
        for (size_t k = 0; k < cal.line_count && k < c->line_count; k++)
            cr_expect_str_eq(cal.lines[k], c->lines[k], "%s:%d: '%s' line %zu",
                             c->file, c->line_no, c->cron, k + 1);
        cr_expect_eq(cal.note_count, c->note_count, "%s:%d: '%s': %zu notes",
                     c->file, c->line_no, c->cron, cal.note_count);
        for (size_t k = 0; k < cal.note_count && k < c->note_count; k++)
            cr_expect_str_eq((char *)rule_get(cal.notes[k].rule_id)->id, c->notes[k], "%s:%d note %zu",
                             c->file, c->line_no, k + 1);
        arena_free(arena);
    }
    free(cases);
}

/* ---- differential: systemd-analyze calendar vs cron_next ---------------- */

#define ITERATIONS 40

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Union of the next elapses of lines after base, as systemd computes them
 * (with TZ=UTC so that it prints UTC). Returns the count, -1 on refusal. */
static int systemd_elapses(const char **lines, size_t count, int64_t base,
                           int64_t *out, size_t out_cap, struct buf *log) {
    char iterations[32], base_arg[48];
    snprintf(iterations, sizeof iterations, "--iterations=%d", ITERATIONS);
    snprintf(base_arg, sizeof base_arg, "--base-time=@%lld", (long long)base);
    char *argv[MAX_LINES + 8] = {"env", "TZ=UTC", "systemd-analyze", "calendar",
                                 iterations, base_arg};
    size_t n = 6;
    for (size_t i = 0; i < count && i < MAX_LINES; i++)
        argv[n++] = (char *)lines[i];
    argv[n] = NULL;
    buf_clear(log);
    if (testutil_run(argv, log, true) != 0)
        return -1;
    size_t found = 0;
    for (char *line = log->data; line && *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        const char *colon = strstr(line, ": ");
        int y, mo, d, h, mi, s;
        if (colon && (strstr(line, "Next elapse:") || strstr(line, "Iter. #")) &&
            sscanf(colon + 2, "%*s %d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) == 6 &&
            found < out_cap)
            out[found++] = cron_days_from_civil(y, mo, d) * 86400 + h * 3600 +
                           mi * 60 + s;
        line = end ? end + 1 : NULL;
    }
    qsort(out, found, sizeof *out, cmp_i64);
    size_t uniq = 0;
    for (size_t i = 0; i < found; i++)
        if (uniq == 0 || out[uniq - 1] != out[i])
            out[uniq++] = out[i];
    return (int)uniq;
}

Test(cron, systemd_agrees_with_cron_semantics) {
    if (!testutil_have("systemd-analyze"))
        cr_skip_test("systemd-analyze not installed");
    static const int64_t bases[] = {
        1609459200, /* 2021-01-01 00:00:00 */
        1709000000, /* 2024-02-27 02:13:20 (leap February) */
        1703894400, /* 2023-12-30 00:00:00 */
    };
    struct cron_case *cases;
    size_t count = load_cases(&cases);
    struct buf log;
    buf_init(&log);
    size_t compared = 0;
    for (size_t i = 0; i < count; i++) {
        struct cron_case *c = &cases[i];
        if (c->error[0] || c->line_count == 0)
            continue;
        const char *lines[MAX_LINES];
        for (size_t k = 0; k < c->line_count; k++)
            lines[k] = c->lines[k];
        bool utc = c->zone[0] == '\0' || strcmp(c->zone, "UTC") == 0;
        struct arena *arena = arena_new();
        struct cron_spec spec;
        const char *error;
        cr_assert(cron_parse(arena, c->cron, strlen(c->cron), &spec, &error));
        for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
            int64_t got[MAX_LINES * (ITERATIONS + 1)];
            int n = systemd_elapses(lines, c->line_count, bases[b], got,
                                    sizeof got / sizeof got[0], &log);
            cr_assert_geq(n, 0, "%s:%d: systemd refused: %s", c->file, c->line_no,
                          log.data);
            if (!utc)
                break; /* accepted; our reference evaluates UTC only */
            int64_t t = bases[b];
            for (int k = 0; k < ITERATIONS && k < n; k++) {
                t = cron_next(&spec, t);
                cr_expect_eq(got[k], t,
                             "%s:%d: '%s' from %lld: elapse %d is %lld, cron says %lld",
                             c->file, c->line_no, c->cron, (long long)bases[b], k + 1,
                             (long long)got[k], (long long)t);
            }
            if (n < ITERATIONS) /* systemd ran out: so must cron */
                cr_expect_eq(cron_next(&spec, n ? got[n - 1] : bases[b]), -1,
                             "%s:%d: systemd stops early", c->file, c->line_no);
            compared++;
        }
        arena_free(arena);
    }
    cr_expect_gt(compared, 100);
    buf_free(&log);
    free(cases);
}

Test(cron, tz_rules) {
    struct tz_rule r;
    cr_assert(tz_rule_parse("EST5EDT,M3.2.0,M11.1.0", &r));
    cr_expect(r.has_dst);
    cr_expect_eq(r.fall_back.month, 11);
    cr_expect_eq(r.fall_back.repeat_start, 3600);
    cr_expect_eq(r.fall_back.repeat_end, 7200);
    cr_assert(tz_rule_parse("<+0330>-3:30", &r));
    cr_expect_not(r.has_dst);
    cr_assert(tz_rule_parse("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", &r));
    cr_expect(r.has_dst);
    cr_expect_not(tz_rule_parse("", &r));
    cr_expect_not(tz_rule_parse("EST5EDT,M13.1.0,M1.1.0", &r));
}

/* ---- random specs: the mapping must agree with systemd on all of them --- */

static unsigned long rng_next(unsigned long *state) {
    *state = *state * 6364136223846793005UL + 1442695040888963407UL;
    return *state >> 33;
}

static void random_item(struct buf *b, unsigned long *st, int min, int max,
                        bool dom, bool dow) {
    static const char *const names[] = {"sun", "Mon", "TUE", "wed", "thu", "fri", "sat"};
    int span = max - min + 1;
    int a = min + (int)(rng_next(st) % (unsigned long)span);
    int c = min + (int)(rng_next(st) % (unsigned long)span);
    int n = 1 + (int)(rng_next(st) % (unsigned long)(max < 12 ? max : 12));
    switch (rng_next(st) % (dom || dow ? 9 : 7)) {
    case 0: buf_printf(b, "%d", a); break;
    case 1: buf_printf(b, "%d-%d", a < c ? a : c, a < c ? c : a); break;
    case 2: buf_printf(b, "*/%d", n); break;
    case 3: buf_printf(b, "%d/%d", a, n); break;
    case 4: buf_printf(b, "%d-%d/%d", a < c ? a : c, a < c ? c : a, n); break;
    case 5: buf_printf(b, "%d", c); break;
    case 6:
        if (dow)
            buf_puts(b, names[a % 7]);
        else
            buf_printf(b, "%02d", a);
        break;
    case 7:
        if (dom)
            buf_puts(b, rng_next(st) % 2 ? "L" : "LW");
        else
            buf_printf(b, "%dL", a % 7);
        break;
    default:
        if (dom)
            buf_printf(b, "%dW", 1 + a % 27);
        else
            buf_printf(b, "%d#%d", a % 7, 1 + (int)(rng_next(st) % 5));
    }
}

static void random_field(struct buf *b, unsigned long *st, int min, int max,
                         bool dom, bool dow, int star_odds) {
    if ((int)(rng_next(st) % 10) < star_odds) {
        buf_puts(b, rng_next(st) % 4 ? "*" : "?");
        return;
    }
    int items = 1 + (int)(rng_next(st) % 3);
    for (int i = 0; i < items; i++) {
        if (i)
            buf_putc(b, ',');
        random_item(b, st, min, max, dom, dow);
    }
}

Test(cron, random_specs_agree_with_systemd) {
    if (!testutil_have("systemd-analyze"))
        cr_skip_test("systemd-analyze not installed");
    unsigned long st = 2021;
    struct buf spec_text, log;
    buf_init(&spec_text);
    buf_init(&log);
    size_t compared = 0;
    for (int round = 0; round < 150; round++) {
        buf_clear(&spec_text);
        bool seconds = rng_next(&st) % 4 == 0;
        if (seconds) {
            random_field(&spec_text, &st, 0, 59, false, false, 3);
            buf_putc(&spec_text, ' ');
        }
        random_field(&spec_text, &st, 0, 59, false, false, 2);
        buf_putc(&spec_text, ' ');
        random_field(&spec_text, &st, 0, 23, false, false, 4);
        buf_putc(&spec_text, ' ');
        random_field(&spec_text, &st, 1, 31, true, false, 5);
        buf_putc(&spec_text, ' ');
        random_field(&spec_text, &st, 1, 12, false, false, 6);
        buf_putc(&spec_text, ' ');
        random_field(&spec_text, &st, 0, 6, false, true, 5);
        if (seconds) {
            buf_puts(&spec_text, rng_next(&st) % 2 ? " *" : " 2020-2030");
        }
        struct arena *arena = arena_new();
        struct cron_spec spec;
        const char *error = NULL;
        if (!cron_parse(arena, spec_text.data, spec_text.len, &spec, &error)) {
            /* only invalid intervals can come out of the generator */
            cr_expect(strncmp(error, "invalid interval", 16) == 0, "'%s': %s",
                      spec_text.data, error);
            arena_free(arena);
            continue;
        }
        struct cron_calendar cal;
        cron_calendar(arena, &spec, NULL, NULL, &cal);
        if (cal.verdict != CRON_EXACT) {
            arena_free(arena);
            continue;
        }
        int64_t base = 1700000000 + (int64_t)(rng_next(&st) % 200000000);
        int64_t got[MAX_LINES * (ITERATIONS + 1)];
        cr_assert_leq(cal.line_count, MAX_LINES);
        int n = systemd_elapses(cal.lines, cal.line_count, base, got,
                                sizeof got / sizeof got[0], &log);
        cr_assert_geq(n, 0, "'%s' → systemd refused: %s", spec_text.data, log.data);
        int64_t t = base;
        for (int k = 0; k < ITERATIONS && k < n; k++) {
            t = cron_next(&spec, t);
            cr_assert_eq(got[k], t, "'%s' (%s%s) from %lld: elapse %d is %lld, cron %lld",
                         spec_text.data, cal.lines[0], cal.line_count > 1 ? " ..." : "",
                         (long long)base, k + 1, (long long)got[k], (long long)t);
        }
        compared++;
        arena_free(arena);
    }
    cr_expect_gt(compared, 80, "only %zu random specs compared", compared);
    buf_free(&spec_text);
    buf_free(&log);
}
