#include "cli/check_options.h"
#include "cli/args.h"
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

bool check_options_parse(struct check_options *o, int argc, char **argv) {
    memset(o, 0, sizeof *o);
    o->threshold = SEVERITY_WARNING;
    struct cli_args args;
    bool ok = cli_args_parse("check", argc, argv, &args);
    o->inputs = args.operands; /* the options now own the operand array */
    o->input_count = args.operand_count;
    args.operands = NULL;
    for (size_t k = 0; ok && k < args.count; k++) {
        const struct cli_arg *a = &args.items[k];
        const char *v = a->value;
        int took = rkt_options_take(&o->rkt, "check", a);
        if (took != 0) {
            ok = took > 0;
            continue;
        }
        switch (a->flag) {
        case FLAG_FORMAT: {
            enum report_format f;
            const char *file;
            size_t len;
            if (!check_format_split(v, &f, &file, &len)) {
                cli_usage_error("check", "unknown format '%s' (text, gcc, json, "
                                "junit, sarif, github, checkstyle, codeclimate; NAME:FILE "
                                "writes FILE)", v);
                ok = false;
                break;
            }
            o->formats = xreallocarray(o->formats, o->format_count + 1, sizeof *o->formats);
            o->formats[o->format_count++] = (char *)v;
            break;
        }
        case FLAG_COLOR:
            if (strcmp(v, "auto") == 0)
                o->color = COLOR_AUTO;
            else if (strcmp(v, "always") == 0)
                o->color = COLOR_ALWAYS;
            else if (strcmp(v, "never") == 0)
                o->color = COLOR_NEVER;
            else
                ok = cli_usage_error("check", "--color takes auto, always or never, not '%s'",
                                     v) == EXIT_OK;
            break;
        case FLAG_FAILURE_THRESHOLD:
            if (!severity_parse(v, &o->threshold))
                ok = cli_usage_error("check", "--failure-threshold takes error, warning, "
                                     "info or style, not '%s'", v) == EXIT_OK;
            o->threshold_given = true;
            break;
        case FLAG_JUNIT_PROFILE:
            if (strcmp(v, "strict") == 0)
                o->junit_profile = JUNIT_STRICT;
            else if (strcmp(v, "github") == 0)
                o->junit_profile = JUNIT_GITHUB;
            else
                ok = cli_usage_error("check", "--junit-profile takes strict or github, "
                                     "not '%s'", v) == EXIT_OK;
            break;
        case FLAG_CONFIG: o->config_path = v; break;
        case FLAG_STDIN_FILENAME: o->stdin_filename = v; break;
        case FLAG_DISABLE: ok = add_overrides(o, v, true, SEVERITY_ERROR); break;
        case FLAG_ERROR: ok = add_overrides(o, v, false, SEVERITY_ERROR); break;
        case FLAG_WARNING: ok = add_overrides(o, v, false, SEVERITY_WARNING); break;
        case FLAG_INFO: ok = add_overrides(o, v, false, SEVERITY_INFO); break;
        case FLAG_STYLE: ok = add_overrides(o, v, false, SEVERITY_STYLE); break;
        case FLAG_NO_FAIL: o->no_fail = true; break;
        case FLAG_ALLOW_EMPTY: o->allow_empty = true; break;
        case FLAG_REQUIRE_REASON: o->require_reason = true; break;
        case FLAG_NO_INLINE_IGNORE: o->no_inline_ignore = true; break;
        case FLAG_NO_CONFIG: o->no_config = true; break;
        case FLAG_PRINT_CONFIG: o->print_config = true; break;
        case FLAG_INCLUDE: add_globs(o, v, true); break;
        case FLAG_EXCLUDE: add_globs(o, v, false); break;
        default: break; /* the table gives check no other option */
        }
    }
    cli_args_free(&args);
    if (!ok)
        return false;
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
