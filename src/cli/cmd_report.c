/* cmd_report.c — `rktc report`: render a saved `rktc check --format=json`
 * result in any format, without checking again (one run in CI, reports
 * for every consumer later).
 *
 * Each file of the saved result is read again for its excerpts and to turn
 * line:column back into offsets; a file that is gone (or shorter now) is
 * stood in for by blank lines, so the positions stay right but the text
 * excerpts are empty. --failure-threshold decides, as for check, which
 * findings the machine formats show as failing the run. With the same
 * SOURCE_DATE_EPOCH, the output equals what check would have
 * written (tests/reports.sh). The exit status follows check's rules on the saved
 * findings: 2 when a file was unreadable or unparsable, 1 when a finding is
 * at or above --failure-threshold (unless --no-fail), else 0; 2 as well
 * when the saved result cannot be read, 3 on a bad command line. */
#include "cli/analyze.h"
#include "cli/check_options.h"
#include "cli/check_run.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/config.h"
#include "cli/report_saved.h"
#include "json/json.h"
#include "report/report.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/safe_write.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct report_args {
    const char *formats[16];
    size_t format_count;
    enum color_mode color;
    enum junit_profile profile;
    enum severity threshold;
    bool no_fail;
    const char *input;
};

static bool parse_one(struct report_args *a, const struct cli_arg *arg) {
    const char *v = arg->value;
    switch (arg->flag) {
    case FLAG_FORMAT: {
        enum report_format f;
        const char *file;
        size_t len;
        if (!check_format_split(v, &f, &file, &len) ||
            a->format_count == sizeof a->formats / sizeof a->formats[0])
            return cli_usage_error("report", "bad format '%s'", v), false;
        a->formats[a->format_count++] = v;
        return true;
    }
    case FLAG_COLOR:
        if (strcmp(v, "auto") == 0)
            a->color = COLOR_AUTO;
        else if (strcmp(v, "always") == 0)
            a->color = COLOR_ALWAYS;
        else if (strcmp(v, "never") == 0)
            a->color = COLOR_NEVER;
        else
            return cli_usage_error("report", "--color takes auto, always or never"), false;
        return true;
    case FLAG_JUNIT_PROFILE:
        if (strcmp(v, "strict") != 0 && strcmp(v, "github") != 0)
            return cli_usage_error("report", "--junit-profile takes strict or github"), false;
        a->profile = v[0] == 'g' ? JUNIT_GITHUB : JUNIT_STRICT;
        return true;
    case FLAG_FAILURE_THRESHOLD:
        if (!severity_parse(v, &a->threshold))
            return cli_usage_error("report", "bad --failure-threshold '%s'", v), false;
        return true;
    case FLAG_NO_FAIL:
        a->no_fail = true;
        return true;
    default:
        return true;
    }
}

static bool parse_args(struct report_args *a, int argc, char **argv) {
    memset(a, 0, sizeof *a);
    a->threshold = SEVERITY_WARNING;
    struct cli_args args;
    bool ok = cli_args_parse("report", argc, argv, &args);
    for (size_t k = 0; ok && k < args.count; k++)
        ok = parse_one(a, &args.items[k]);
    size_t operands = args.operand_count;
    a->input = operands ? args.operands[0] : NULL;
    cli_args_free(&args);
    if (!ok)
        return false;
    if (operands > 1)
        return cli_usage_error("report", "report reads one saved result"), false;
    if (!a->input)
        return cli_usage_error("report", "no saved result given (FILE or '-')"), false;
    if (!a->format_count)
        a->formats[a->format_count++] = "text";
    return true;
}

/* --- reading the saved result --- */

static const char *string_of(const struct json_value *obj, const char *key) {
    const struct json_value *v = json_object_get(obj, key);
    return v && v->kind == JSON_STRING ? v->as.string.text : NULL;
}

static uint32_t number_of(const struct json_value *obj, const char *key) {
    const struct json_value *v = json_object_get(obj, key);
    if (!v || v->kind != JSON_NUMBER)
        return 0;
    long n = strtol(v->as.number.text, NULL, 10);
    return n > 0 && n < 0x7fffffff ? (uint32_t)n : 0;
}

/* Byte offset of 1-based line:column (columns count characters as
 * source_position does), clamped to the text. */
static uint32_t offset_of(const struct source *src, uint32_t line, uint32_t column) {
    if (line == 0 || line > src->line_count)
        return (uint32_t)src->len;
    uint32_t at = source_line_start(src, line - 1);
    for (uint32_t c = 1; c < column && at < src->len && src->text[at] != '\n';) {
        at++;
        if (at >= src->len || ((unsigned char)src->text[at] & 0xC0) != 0x80)
            c++;
    }
    return at;
}

/* The longest stand-in accepted: past it the positions are dropped (and
 * the findings move to the end of an empty text). */
#define STAND_IN_MAX_LINES 100000
#define STAND_IN_MAX_BYTES ((size_t)1 << 24)

/* One position a saved finding (or note) names: the lines it needs, or
 * (width given) the columns its line needs. */
static void need_position(uint32_t line, uint32_t column, uint32_t *lines, uint32_t *width) {
    if (line == 0 || line > STAND_IN_MAX_LINES)
        return;
    if (!width)
        *lines = line > *lines ? line : *lines;
    else if (column > width[line - 1] && column <= STAND_IN_MAX_LINES)
        width[line - 1] = column;
}

static void need_positions(const struct json_value *file, uint32_t *lines, uint32_t *width) {
    const char *lists[] = {"diagnostics", "suppressed"};
    for (int l = 0; l < 2; l++) {
        const struct json_value *list = json_object_get(file, lists[l]);
        for (size_t i = 0; list && list->kind == JSON_ARRAY && i < list->as.array.count; i++) {
            const struct json_value *d = list->as.array.elems[i];
            const struct json_value *notes = json_object_get(d, "notes");
            size_t note_count = notes && notes->kind == JSON_ARRAY ? notes->as.array.count : 0;
            for (size_t n = 0; n <= note_count; n++) {
                const struct json_value *at = n == 0 ? d : notes->as.array.elems[n - 1];
                need_position(number_of(at, "line"), number_of(at, "column"), lines, width);
                need_position(number_of(at, "end_line"), number_of(at, "end_column"), lines,
                              width);
            }
        }
    }
}

/* Blank lines long enough for every position the saved findings name: a
 * named line as wide as the furthest column named on it, the others
 * empty (not every line as wide as the widest: a saved result naming line
 * and column 99999 once made a 10 GB text). */
static struct source *stand_in(const char *path, const struct json_value *file) {
    uint32_t lines = 1;
    need_positions(file, &lines, NULL);
    uint32_t *width = xcalloc(lines, sizeof *width);
    need_positions(file, &lines, width);
    size_t total = lines;
    for (uint32_t i = 0; i < lines; i++)
        total += width[i] ? width[i] - 1 : 0;
    struct buf text;
    buf_init(&text);
    if (total <= STAND_IN_MAX_BYTES)
        for (uint32_t i = 0; i < lines; i++) {
            for (uint32_t c = 1; c < width[i]; c++)
                buf_putc(&text, ' ');
            buf_putc(&text, '\n');
        }
    free(width);
    struct source *src = source_from_memory(path, text.data ? text.data : "", text.len);
    buf_free(&text);
    return src;
}

static struct span span_of(const struct source *src, const struct json_value *d) {
    uint32_t start = offset_of(src, number_of(d, "line"), number_of(d, "column"));
    uint32_t end = offset_of(src, number_of(d, "end_line"), number_of(d, "end_column"));
    return span_make(start, end > start ? end : start);
}

/* Adds one saved diagnostic; false when its rule is unknown. */
static bool add_saved(struct diag_list *diags, char ***reasons, char ***objects,
                      const struct source *src, const struct json_value *d,
                      bool suppressed, struct check_file_facts *facts, struct buf *errors) {
    const char *id = string_of(d, "rule"), *message = string_of(d, "message");
    const struct rule *rule = id ? rule_find(id) : NULL;
    if (!rule || !message) {
        if (!rule)
            buf_printf(errors, "rktc: %s: a saved finding names an unknown rule '%s'\n",
                       src->path, id ? id : "");
        else
            buf_printf(errors, "rktc: %s: a saved %s finding has no message\n",
                       src->path, rule->id);
        return false;
    }
    struct diag *item = diag_add(diags, rule->code, src, span_of(src, d), "%s", message);
    if (!item)
        return true;
    enum severity severity;
    const char *sev = string_of(d, "severity");
    if (sev && severity_parse(sev, &severity))
        item->severity = severity;
    const char *fix = string_of(d, "fix");
    if (fix)
        diag_fix(item, "%s", fix);
    const struct json_value *notes = json_object_get(d, "notes");
    for (size_t n = 0; notes && notes->kind == JSON_ARRAY && n < notes->as.array.count; n++) {
        const struct json_value *note = notes->as.array.elems[n];
        const char *text = string_of(note, "message");
        if (text)
            diag_note(item, span_of(src, note), "%s", text);
    }
    if (rule->code == RULE_RKC001)
        facts->unreadable = true;
    else if (analyze_is_parse_failure(item))
        facts->unparsable = true;
    size_t i = diags->count - 1;
    *reasons = xreallocarray(*reasons, i + 1, sizeof **reasons);
    *objects = xreallocarray(*objects, i + 1, sizeof **objects);
    const char *why = string_of(d, "justification");
    (*reasons)[i] = suppressed ? xstrdup(why ? why : "") : NULL;
    const char *object = string_of(d, "object");
    (*objects)[i] = object ? xstrdup(object) : NULL;
    return true;
}

/* Whether a path the saved result names is read again: a regular file,
 * never standard input ("<stdin>", or "-" as `--stdin-filename -` saves
 * it) nor a FIFO or device, which could block report for good. */
static bool saved_file_readable(const char *path) {
    struct stat st;
    return strcmp(path, "<stdin>") != 0 && strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
           S_ISREG(st.st_mode);
}

bool report_saved_read(struct check_run *run, const struct config *cfg,
                       const struct json_value *root, bool read_files, struct buf *errors) {
    const struct json_value *version = json_object_get(root, "version");
    const struct json_value *files = json_object_get(root, "files");
    if (!version || version->kind != JSON_NUMBER || strcmp(version->as.number.text, "1") != 0 ||
        !files || files->kind != JSON_ARRAY) {
        buf_puts(errors, "rktc: not a saved result of `rktc check --format=json` (version 1)\n");
        return false;
    }
    for (size_t f = 0; f < files->as.array.count; f++) {
        const struct json_value *file = files->as.array.elems[f];
        const char *path = string_of(file, "path");
        if (!path) {
            buf_puts(errors, "rktc: a saved file entry has no path\n");
            return false;
        }
        char *error = NULL;
        struct source *src = read_files && saved_file_readable(path)
                                 ? source_load(path, NULL, &error)
                                 : NULL;
        free(error);
        if (!src)
            src = stand_in(path, file);
        struct diag_list diags;
        diag_list_init(&diags);
        diags.limit = (size_t)-1;
        char **reasons = NULL, **objects = NULL;
        struct check_file_facts facts = {false, false, 0};
        bool ok = true;
        const char *lists[] = {"diagnostics", "suppressed"};
        for (int l = 0; l < 2 && ok; l++) {
            const struct json_value *list = json_object_get(file, lists[l]);
            for (size_t i = 0; ok && list && list->kind == JSON_ARRAY &&
                               i < list->as.array.count; i++)
                ok = add_saved(&diags, &reasons, &objects, src,
                               list->as.array.elems[i], l == 1, &facts, errors);
        }
        /* every path gets its source; the run owns it from here */
        check_run_add(run, src, &facts, cfg, &diags, reasons, objects);
        if (!ok)
            return false;
    }
    return true;
}

int cmd_report(int argc, char **argv) {
    struct report_args a;
    if (!parse_args(&a, argc, argv))
        return EXIT_USAGE;
    int64_t timestamp = (int64_t)time(NULL);
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    bool reproducible = epoch && epoch[0];
    if (reproducible) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (*end || v < 0)
            return cli_usage_error("report", "SOURCE_DATE_EPOCH is not a number of seconds");
        timestamp = v;
    }
    struct source *saved = cli_source_load(a.input, NULL);
    if (!saved)
        return EXIT_INPUT;
    struct arena *arena = arena_new();
    struct diag_list parse_diags;
    diag_list_init(&parse_diags);
    struct json_value *root = json_parse(arena, saved, &parse_diags);
    struct config cfg;
    config_init(&cfg);
    struct check_run run;
    check_run_init(&run);
    struct buf saved_errors;
    buf_init(&saved_errors);
    int status = EXIT_OK;
    if (!root) {
        struct buf text;
        buf_init(&text);
        for (size_t i = 0; i < parse_diags.count; i++)
            report_text_one(NULL, &parse_diags.items[i], false, &text);
        fputs(text.data ? text.data : "", stderr);
        buf_free(&text);
        status = EXIT_INPUT;
    } else if (!report_saved_read(&run, &cfg, root, true, &saved_errors)) {
        fputs(saved_errors.data ? saved_errors.data : "", stderr);
        status = EXIT_INPUT;
    } else {
        check_run_finish(&run);
        struct report_options ropt = {0};
        ropt.timestamp = timestamp;
        char host[256] = "localhost";
        if (!reproducible && (gethostname(host, sizeof host) != 0 || !host[0]))
            strcpy(host, "localhost");
        host[sizeof host - 1] = '\0';
        ropt.hostname = host;
        ropt.junit_profile = a.profile;
        ropt.threshold = a.threshold;
        const struct json_value *skipped =
            json_object_get(json_object_get(root, "summary"), "skipped");
        const struct json_value *n;
        if ((n = json_object_get(skipped, "extension")) && n->kind == JSON_NUMBER)
            ropt.skipped_name = (size_t)strtoull(n->as.number.text, NULL, 10);
        if ((n = json_object_get(skipped, "exclude")) && n->kind == JSON_NUMBER)
            ropt.skipped_excluded = (size_t)strtoull(n->as.number.text, NULL, 10);
        struct report report = check_run_report(&run, &ropt);
        size_t on_stdout = 0;
        for (size_t i = 0; i < a.format_count; i++) {
            enum report_format format;
            const char *file;
            size_t len;
            check_format_split(a.formats[i], &format, &file, &len);
            if (!file && ++on_stdout > 1) {
                status = cli_usage_error("report", "only one format can write to "
                                         "standard output");
                break;
            }
        }
        for (size_t i = 0; i < a.format_count && status == EXIT_OK; i++) {
            enum report_format format;
            const char *file;
            size_t len;
            check_format_split(a.formats[i], &format, &file, &len);
            const char *no_color = getenv("NO_COLOR");
            report.options.color = a.color == COLOR_ALWAYS ||
                                   (a.color == COLOR_AUTO && !file && isatty(STDOUT_FILENO) &&
                                    !(no_color && no_color[0]));
            struct buf out;
            buf_init(&out);
            report_render(format, &report, &out);
            char *error = NULL;
            if (!file) {
                fwrite(out.data ? out.data : "", 1, out.len, stdout);
            } else if (!safe_write_file(file, out.data ? out.data : "", out.len, &error)) {
                fprintf(stderr, "rktc: %s\n", error);
                free(error);
                status = EXIT_INPUT;
            }
            buf_free(&out);
        }
        if (status == EXIT_OK)
            status = check_run_status(&run, a.threshold, a.no_fail);
    }
    buf_free(&saved_errors);
    check_run_free(&run);
    config_free(&cfg);
    diag_list_free(&parse_diags);
    arena_free(arena);
    source_free(saved);
    return status;
}
