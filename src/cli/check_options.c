#include "cli/check_options.h"
#include "cli/cli.h"
#include "hcl/suppress.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

bool check_format_split(const char *spec, enum report_format *format,
                        const char **file, size_t *name_len) {
    const char *colon = strchr(spec, ':');
    size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
    char *name = xstrndup(spec, len);
    bool ok = report_format_parse(name, format);
    free(name);
    *name_len = len;
    *file = NULL;
    if (colon) {
        if (!colon[1])
            return false;
        if (strcmp(colon + 1, "-") != 0)
            *file = colon + 1;
    }
    return ok;
}

/* The value of an option: "--name=value" or "--name value". */
static const char *value_of(int argc, char **argv, int *i, const char *name,
                            bool *missing) {
    const char *arg = argv[*i];
    size_t n = strlen(name);
    *missing = false;
    if (arg[n] == '=')
        return arg + n + 1;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

/* Adds the comma-separated globs of an --include / --exclude value. */
static void add_globs(struct check_options *o, const char *list, bool include) {
    char *copy = xstrdup(list);
    o->glob_copies = xreallocarray(o->glob_copies, o->glob_copy_count + 1,
                                   sizeof *o->glob_copies);
    o->glob_copies[o->glob_copy_count++] = copy;
    char ***globs = include ? &o->include : &o->exclude;
    size_t *count = include ? &o->include_count : &o->exclude_count;
    for (char *tok = copy; tok;) {
        char *comma = strchr(tok, ',');
        if (comma)
            *comma = '\0';
        if (tok[0]) {
            *globs = xreallocarray(*globs, *count + 1, sizeof **globs);
            (*globs)[(*count)++] = tok;
        }
        tok = comma ? comma + 1 : NULL;
    }
}

/* Does argv[i] name option `name` (alone or as name=value)? */
static bool is_option(const char *arg, const char *name) {
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

static bool add_overrides(struct check_options *o, const char *list, bool disable,
                          enum severity severity) {
    char *copy = xstrdup(list);
    bool ok = true;
    for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
        const struct rule *rule = rule_find(tok);
        if (!rule || rule_is_fixed(rule)) {
            if (!rule)
                cli_usage_error("check", "unknown rule id '%s'", tok);
            else
                cli_usage_error("check", "%s reports input that cannot be read or "
                                "parsed; it cannot be disabled or changed", tok);
            ok = false;
            break;
        }
        o->overrides = xreallocarray(o->overrides, o->override_count + 1,
                                     sizeof *o->overrides);
        o->overrides[o->override_count].id = rule->id;
        o->overrides[o->override_count].disable = disable;
        o->overrides[o->override_count].severity = severity;
        o->override_count++;
    }
    free(copy);
    return ok;
}

static const char *const severity_flags[] = {"--error", "--warning", "--info",
                                             "--style"};

bool check_options_parse(struct check_options *o, int argc, char **argv) {
    memset(o, 0, sizeof *o);
    o->threshold = SEVERITY_WARNING;
    o->inputs = xcalloc((size_t)argc + 1, sizeof *o->inputs);
    bool only_inputs = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        bool missing = false;
        const char *v = NULL;
        if (only_inputs || arg[0] != '-' || strcmp(arg, "-") == 0) {
            o->inputs[o->input_count++] = argv[i];
            continue;
        }
        int took = rkt_options_take(&o->rkt, "check", argc, argv, &i);
        if (took < 0)
            return false;
        if (took)
            continue;
        if (strcmp(arg, "--") == 0) {
            only_inputs = true;
        } else if (is_option(arg, "--format") || strcmp(arg, "-f") == 0) {
            v = value_of(argc, argv, &i, arg[1] == 'f' ? "-f" : "--format", &missing);
            if (v) {
                enum report_format f;
                const char *file;
                size_t len;
                if (!check_format_split(v, &f, &file, &len)) {
                    cli_usage_error("check", "unknown format '%s' (text, gcc, json, "
                                    "junit, sarif, github, checkstyle, codeclimate; NAME:FILE "
                                    "writes FILE)", v);
                    return false;
                }
                o->formats = xreallocarray(o->formats, o->format_count + 1,
                                           sizeof *o->formats);
                o->formats[o->format_count++] = (char *)v;
            }
        } else if (is_option(arg, "--color")) {
            v = value_of(argc, argv, &i, "--color", &missing);
            if (v) {
                if (strcmp(v, "auto") == 0)
                    o->color = COLOR_AUTO;
                else if (strcmp(v, "always") == 0)
                    o->color = COLOR_ALWAYS;
                else if (strcmp(v, "never") == 0)
                    o->color = COLOR_NEVER;
                else
                    return cli_usage_error("check", "--color takes auto, always or "
                                           "never, not '%s'", v), false;
            }
        } else if (is_option(arg, "--failure-threshold") || strcmp(arg, "-t") == 0) {
            v = value_of(argc, argv, &i, arg[1] == 't' ? "-t" : "--failure-threshold",
                         &missing);
            if (v) {
                if (!severity_parse(v, &o->threshold))
                    return cli_usage_error("check", "--failure-threshold takes error, "
                                           "warning, info or style, not '%s'", v),
                           false;
                o->threshold_given = true;
            }
        } else if (is_option(arg, "--junit-profile")) {
            v = value_of(argc, argv, &i, "--junit-profile", &missing);
            if (v) {
                if (strcmp(v, "strict") == 0)
                    o->junit_profile = JUNIT_STRICT;
                else if (strcmp(v, "github") == 0)
                    o->junit_profile = JUNIT_GITHUB;
                else
                    return cli_usage_error("check", "--junit-profile takes strict or "
                                           "github, not '%s'", v), false;
            }
        } else if (is_option(arg, "--config") || strcmp(arg, "-c") == 0) {
            o->config_path = value_of(argc, argv, &i, arg[1] == 'c' ? "-c" : "--config",
                                      &missing);
        } else if (is_option(arg, "--stdin-filename")) {
            o->stdin_filename = value_of(argc, argv, &i, "--stdin-filename", &missing);
        } else if (is_option(arg, "--disable")) {
            v = value_of(argc, argv, &i, "--disable", &missing);
            if (v && !add_overrides(o, v, true, SEVERITY_ERROR))
                return false;
        } else if (is_option(arg, "--include") || is_option(arg, "--exclude")) {
            bool include = arg[2] == 'i';
            v = value_of(argc, argv, &i, include ? "--include" : "--exclude", &missing);
            if (v)
                add_globs(o, v, include);
        } else if (strcmp(arg, "--no-fail") == 0) {
            o->no_fail = true;
        } else if (strcmp(arg, "--allow-empty") == 0) {
            o->allow_empty = true;
        } else if (strcmp(arg, "--require-reason") == 0) {
            o->require_reason = true;
        } else if (strcmp(arg, "--no-inline-ignore") == 0) {
            o->no_inline_ignore = true;
        } else if (strcmp(arg, "--no-config") == 0) {
            o->no_config = true;
        } else if (strcmp(arg, "--print-config") == 0) {
            o->print_config = true;
        } else {
            bool known = false;
            for (int s = 0; s < 4 && !known; s++) {
                if (!is_option(arg, severity_flags[s]))
                    continue;
                known = true;
                v = value_of(argc, argv, &i, severity_flags[s], &missing);
                if (v && !add_overrides(o, v, false, (enum severity)s))
                    return false;
            }
            if (!known)
                return cli_usage_error("check", "unknown option '%s'", arg), false;
        }
        if (missing)
            return cli_usage_error("check", "option '%s' needs a value", arg), false;
    }
    if (o->no_config && o->config_path)
        return cli_usage_error("check", "--config and --no-config contradict "
                               "each other"), false;
    size_t dashes = 0;
    for (size_t i = 0; i < o->input_count; i++)
        dashes += strcmp(o->inputs[i], "-") == 0;
    if (dashes && o->input_count > 1)
        return cli_usage_error("check", "'-' (standard input) cannot be combined "
                               "with other inputs"), false;
    if (o->stdin_filename && !dashes)
        return cli_usage_error("check", "--stdin-filename needs '-' as the input"),
               false;
    if (o->input_count == 0 && !o->print_config)
        return cli_usage_error("check", "no input given (files, directories, or "
                               "'-' for standard input)"), false;
    return true;
}

void check_options_free(struct check_options *o) {
    rkt_options_free(&o->rkt);
    free(o->formats);
    free(o->overrides);
    free(o->inputs);
    for (size_t i = 0; i < o->glob_copy_count; i++)
        free(o->glob_copies[i]);
    free(o->glob_copies);
    free(o->include);
    free(o->exclude);
    memset(o, 0, sizeof *o);
}
