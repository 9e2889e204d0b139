/* cmd_check.c — `rktc check`: lint job files and write the reports.
 *
 * Steps: read the command line; choose each input's configuration (--config,
 * RKTC_CONFIG, the nearest .rktc.hcl above the input, the user's config;
 * then RKTC_* variables and the command line on top); expand the inputs;
 * run the pipeline on each file (analyze_file), apply its inline
 * suppressions and the configured rule settings; sort everything into one
 * report and render every requested format to stdout or, through
 * safe_write_file, to its file. Run-wide values (formats, failure
 * threshold) come from the configuration of the first input. Exit status
 * as docs/cli.md §1 fixes it: 0, 1 findings at or above the threshold, 2 an
 * input unreadable or unparsable (or none found, or a report not written),
 * 3 usage, 4 configuration. */
#include "cli/analyze.h"
#include "cli/check_options.h"
#include "cli/check_run.h"
#include "cli/cli.h"
#include "cli/findings.h"
#include "cli/config.h"
#include "cli/inputs.h"
#include "report/report.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/safe_write.h"
#include "util/xalloc.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct output {
    enum report_format format;
    const char *file; /* NULL: stdout */
};

static bool stderr_color(enum color_mode mode) {
    return mode != COLOR_AUTO ? mode == COLOR_ALWAYS : cli_stream_color(stderr);
}

static bool stdout_color(enum color_mode mode) {
    return mode != COLOR_AUTO ? mode == COLOR_ALWAYS : cli_stream_color(stdout);
}

/* The layers above the file: environment, then the command line. */
static bool apply_layers(struct config *cfg, const struct check_options *o) {
    char *error = NULL;
    if (!config_apply_env(cfg, &error)) {
        fprintf(stderr, "rktc: %s\n", error);
        free(error);
        return false;
    }
    if (o->threshold_given) {
        cfg->failure_threshold = o->threshold;
        origin_set(&cfg->failure_threshold_origin, ORIGIN_COMMAND_LINE, NULL);
    }
    if (o->format_count)
        config_set_formats(cfg, o->formats, o->format_count, ORIGIN_COMMAND_LINE, NULL);
    if (o->require_reason) {
        cfg->require_reason = true;
        origin_set(&cfg->require_reason_origin, ORIGIN_COMMAND_LINE, NULL);
    }
    if (o->no_inline_ignore) {
        cfg->inline_ignore = false;
        origin_set(&cfg->inline_ignore_origin, ORIGIN_COMMAND_LINE, NULL);
    }
    for (size_t i = 0; i < o->override_count; i++) {
        const struct rule_override *r = &o->overrides[i];
        if (!config_set_rule(cfg, r->id, r->disable, r->disable ? NULL : &r->severity,
                             ORIGIN_COMMAND_LINE, NULL)) {
            fprintf(stderr, "rktc: rule %s cannot be disabled or changed\n", r->id);
            return false;
        }
    }
    return true;
}

/* Loads one configuration (path NULL: defaults only) with the layers. On a
 * bad file prints its located errors and returns NULL. */
static struct config *load_config(const char *path, const struct check_options *o) {
    struct config *cfg = xmalloc(sizeof *cfg);
    config_init(cfg);
    if (path) {
        struct diag_list diags;
        diag_list_init(&diags);
        struct source *src = NULL;
        char *error = NULL;
        bool ok = config_read_file(cfg, path, &src, &diags, &error);
        if (!ok) {
            if (error) {
                fprintf(stderr, "rktc: configuration %s\n", error);
                free(error);
            }
            diag_sort(&diags);
            struct buf text;
            buf_init(&text);
            for (size_t i = 0; i < diags.count; i++)
                report_text_one(NULL, &diags.items[i], stderr_color(o->color), &text);
            fputs(text.data ? text.data : "", stderr);
            buf_free(&text);
        }
        diag_list_free(&diags);
        source_free(src);
        if (!ok) {
            config_free(cfg);
            free(cfg);
            return NULL;
        }
    }
    if (!apply_layers(cfg, o)) {
        config_free(cfg);
        free(cfg);
        return NULL;
    }
    return cfg;
}

/* The configurations of a run: one shared, or one per distinct file. */
struct configs {
    bool shared;
    char **paths;           /* per distinct file (NULL: defaults) */
    struct config **loaded;
    size_t count;
};

static void configs_free(struct configs *c) {
    for (size_t i = 0; i < c->count; i++) {
        free(c->paths[i]);
        config_free(c->loaded[i]);
        free(c->loaded[i]);
    }
    free(c->paths);
    free(c->loaded);
}

static struct config *configs_get(struct configs *c, const char *input,
                                  const struct check_options *o, bool *bad) {
    if (c->shared && c->count)
        return c->loaded[0];
    char *path;
    if (c->shared) {
        const char *env = getenv("RKTC_CONFIG");
        path = o->no_config ? NULL
               : o->config_path ? xstrdup(o->config_path)
               : env && env[0] ? xstrdup(env) : NULL;
    } else {
        path = config_find(input);
    }
    for (size_t i = 0; i < c->count; i++)
        if ((!path && !c->paths[i]) || (path && c->paths[i] && strcmp(path, c->paths[i]) == 0)) {
            free(path);
            return c->loaded[i];
        }
    struct config *cfg = load_config(path, o);
    if (!cfg) {
        free(path);
        *bad = true;
        return NULL;
    }
    c->paths = xreallocarray(c->paths, c->count + 1, sizeof *c->paths);
    c->loaded = xreallocarray(c->loaded, c->count + 1, sizeof *c->loaded);
    c->paths[c->count] = path;
    c->loaded[c->count] = cfg;
    c->count++;
    return cfg;
}

/* The outputs of a run from the configured format list. */
static int plan_outputs(const struct config *cfg, struct output **outputs) {
    *outputs = xcalloc(cfg->format_count + 1, sizeof **outputs);
    size_t on_stdout = 0;
    for (size_t i = 0; i < cfg->format_count; i++) {
        size_t len;
        struct output *out = &(*outputs)[i];
        if (!check_format_split(cfg->formats[i], &out->format, &out->file, &len))
            return cli_usage_error("check", "unknown format '%s'", cfg->formats[i]);
        if (!out->file)
            on_stdout++;
        for (size_t j = 0; j < i && out->file; j++)
            if ((*outputs)[j].file && strcmp((*outputs)[j].file, out->file) == 0)
                return cli_usage_error("check", "two formats write %s", out->file);
    }
    if (on_stdout > 1)
        return cli_usage_error("check", "only one format can write to standard "
                               "output; give the others a file (--format=NAME:FILE)");
    return EXIT_OK;
}

static bool cli_excludes(const struct check_options *o, const char *path) {
    const char *bare = path;
    while (strncmp(bare, "./", 2) == 0)
        bare += 2;
    for (size_t i = 0; i < o->exclude_count; i++)
        if (fnmatch(o->exclude[i], path, 0) == 0 || fnmatch(o->exclude[i], bare, 0) == 0)
            return true;
    return false;
}

/* Files that directory walks found and their config (or --exclude)
 * excludes are dropped; returns how many. */
static size_t drop_excluded(struct inputs *in, struct config **file_cfg,
                            const struct check_options *o) {
    size_t kept = 0, dropped = 0;
    for (size_t i = 0; i < in->count; i++) {
        if (in->walked[i] && (config_excludes(file_cfg[i], in->paths[i]) ||
                              cli_excludes(o, in->paths[i]))) {
            free(in->paths[i]);
            dropped++;
            continue;
        }
        in->paths[kept] = in->paths[i];
        in->walked[kept] = in->walked[i];
        file_cfg[kept++] = file_cfg[i];
    }
    in->count = kept;
    return dropped;
}

static bool reproducible_time(int64_t *timestamp, bool *bad) {
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    *bad = false;
    if (!epoch || !epoch[0])
        return false;
    char *end;
    errno = 0;
    long long v = strtoll(epoch, &end, 10);
    if (errno || *end || v < 0) {
        *bad = true;
        return false;
    }
    *timestamp = v;
    return true;
}

int cmd_check(int argc, char **argv) {
    struct check_options o;
    if (!check_options_parse(&o, argc, argv)) {
        check_options_free(&o);
        return EXIT_USAGE;
    }
    bool bad_epoch;
    struct report_options ropt = {0};
    bool reproducible = reproducible_time(&ropt.timestamp, &bad_epoch);
    if (bad_epoch) {
        check_options_free(&o);
        return cli_usage_error("check", "SOURCE_DATE_EPOCH is not a number of seconds");
    }
    const char *env_config = getenv("RKTC_CONFIG");
    struct configs configs = {0};
    configs.shared = o.no_config || o.config_path || (env_config && env_config[0]);

    struct inputs inputs;
    inputs_collect_including(&inputs, o.inputs, o.input_count, o.include, o.include_count);
    bool stdin_input = inputs.count == 1 && strcmp(inputs.paths[0], "-") == 0;
    const char *first = inputs.count ? (stdin_input ? o.stdin_filename : inputs.paths[0])
                                     : (o.input_count ? o.inputs[0] : NULL);

    int status = EXIT_OK;
    bool bad = false;
    struct config *run_cfg = configs_get(&configs, first, &o, &bad);
    struct config **file_cfg = xcalloc(inputs.count + 1, sizeof *file_cfg);
    for (size_t i = 0; i < inputs.count && !bad; i++)
        file_cfg[i] = configs_get(&configs, stdin_input ? o.stdin_filename
                                                       : inputs.paths[i], &o, &bad);
    if (!bad)
        ropt.skipped_excluded = drop_excluded(&inputs, file_cfg, &o);
    ropt.skipped_name = inputs.skipped_name;
    struct output *outputs = NULL;
    if (bad) {
        status = EXIT_CONFIG;
    } else if (o.print_config) {
        config_print(run_cfg, stdout);
    } else if ((status = plan_outputs(run_cfg, &outputs)) != EXIT_OK) {
        /* usage error printed */
    } else if (inputs.count == 0 && !o.allow_empty) {
        fprintf(stderr, "rktc: no input found in %s (looked for *.nomad, *.hcl, "
                "*.json%s", o.inputs[0], o.include_count ? " and --include" : "");
        if (ropt.skipped_name || ropt.skipped_excluded)
            fprintf(stderr, "; skipped %zu by extension, %zu by exclude pattern",
                    ropt.skipped_name, ropt.skipped_excluded);
        fputs("); --allow-empty accepts that\n", stderr);
        status = EXIT_INPUT;
    } else {
        struct check_run run;
        check_run_init(&run);
        struct arena *node_arena = arena_new();
        struct node_profile node;
        struct plan_options plan;
        rkt_options_plan(&o.rkt, &plan);
        struct analyze_options analyze = {0, &node, &plan};
        int node_status = rkt_options_node(node_arena, &o.rkt, &node);
        run.analyze = &analyze;
        if (!reproducible)
            ropt.timestamp = (int64_t)time(NULL);
        for (size_t i = 0; i < inputs.count; i++)
            check_run_file(&run, inputs.paths[i],
                           stdin_input ? o.stdin_filename : NULL, file_cfg[i],
                           !reproducible);
        check_run_finish(&run);
        char host[256] = "localhost";
        if (!reproducible && (gethostname(host, sizeof host) != 0 || !host[0]))
            strcpy(host, "localhost");
        host[sizeof host - 1] = '\0';
        ropt.hostname = host;
        ropt.junit_profile = o.junit_profile;
        ropt.threshold = run_cfg->failure_threshold;
        struct report report = check_run_report(&run, &ropt);
        bool write_failed = false;
        for (size_t i = 0; i < run_cfg->format_count; i++) {
            struct buf out;
            buf_init(&out);
            report.options.color = outputs[i].file
                                       ? o.color == COLOR_ALWAYS
                                       : stdout_color(o.color);
            report_render(outputs[i].format, &report, &out);
            if (!outputs[i].file) {
                fwrite(out.data ? out.data : "", 1, out.len, stdout);
                if (fflush(stdout) != 0)
                    write_failed = true;
            } else {
                char *error = NULL;
                if (!safe_write_file(outputs[i].file, out.data ? out.data : "",
                                     out.len, &error)) {
                    fprintf(stderr, "rktc: %s\n", error);
                    free(error);
                    write_failed = true;
                }
            }
            buf_free(&out);
        }
        status = check_run_status(&run, run_cfg->failure_threshold, o.no_fail);
        if (write_failed && status < EXIT_INPUT)
            status = EXIT_INPUT;
        if (node_status != EXIT_OK)
            status = node_status;
        check_run_free(&run);
        arena_free(node_arena);
    }
    free(outputs);
    free(file_cfg);
    configs_free(&configs);
    inputs_free(&inputs);
    check_options_free(&o);
    return status;
}
