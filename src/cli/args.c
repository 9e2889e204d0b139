/* args.c — the command line split by the option table (see args.h). */
#include "cli/args.h"

#include "cli/cli.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct flag_spec {
    const char *name;
    char short_name;
    bool takes_value;
};

static const struct flag_spec flags[] = {
#define FLAG(id, name, short_name, takes_value) {name, short_name, takes_value},
#include "cli/options.def"
};

static const struct cli_option options[] = {
#define OPTION(command, id, metavar, description) {command, FLAG_##id, metavar, description},
#include "cli/options.def"
};

#define OPTION_COUNT (sizeof options / sizeof options[0])

const struct cli_option *cli_options(size_t *count) {
    *count = OPTION_COUNT;
    return options;
}

const char *cli_flag_name(enum cli_flag flag) {
    return (unsigned)flag < FLAG_COUNT ? flags[flag].name : "";
}

void cli_option_spelling(const struct cli_option *option, struct buf *out) {
    const struct flag_spec *f = &flags[option->flag];
    buf_printf(out, "--%s", f->name);
    if (option->metavar)
        buf_printf(out, "=%s", option->metavar);
    if (f->short_name) {
        buf_printf(out, ", -%c", f->short_name);
        if (option->metavar)
            buf_printf(out, " %s", option->metavar);
    }
}

/* Is flag one of command's options? */
static bool belongs(const char *command, enum cli_flag flag) {
    for (size_t i = 0; i < OPTION_COUNT; i++)
        if (options[i].flag == flag && strcmp(options[i].command, command) == 0)
            return true;
    return false;
}

/* The flag a long name (without "--", up to len bytes) or a short letter
 * names among command's options; FLAG_COUNT when none does. */
static enum cli_flag find(const char *command, const char *name, size_t len, char letter) {
    for (size_t i = 0; i < FLAG_COUNT; i++) {
        bool match = letter ? flags[i].short_name == letter
                            : strlen(flags[i].name) == len &&
                                  strncmp(flags[i].name, name, len) == 0;
        if (match && belongs(command, (enum cli_flag)i))
            return (enum cli_flag)i;
    }
    return FLAG_COUNT;
}

static void add(struct cli_args *out, enum cli_flag flag, const char *value,
                const char *spelled) {
    out->items = xreallocarray(out->items, out->count + 1, sizeof *out->items);
    out->items[out->count++] = (struct cli_arg){flag, value, spelled};
}

bool cli_args_parse(const char *command, int argc, char **argv, struct cli_args *out) {
    memset(out, 0, sizeof *out);
    out->operands = xcalloc((size_t)argc + 1, sizeof *out->operands);
    bool options_end = false;
    for (int i = 1; i < argc; i++) {
        char *arg = argv[i];
        if (options_end || arg[0] != '-' || strcmp(arg, "-") == 0) {
            out->operands[out->operand_count++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            options_end = true;
            continue;
        }
        enum cli_flag flag;
        const char *value = NULL;
        bool inline_value = false;
        if (arg[1] == '-') {
            const char *name = arg + 2;
            const char *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            flag = find(command, name, len, 0);
            if (eq) {
                value = eq + 1;
                inline_value = true;
            }
        } else {
            flag = find(command, "", 0, arg[1]);
            if (arg[2]) {
                value = arg + 2;
                inline_value = true;
            }
        }
        if (flag == FLAG_COUNT) {
            cli_usage_error(command, "unknown option '%s'", arg);
            cli_args_free(out);
            return false;
        }
        if (!flags[flag].takes_value) {
            if (inline_value) {
                cli_usage_error(command, "--%s takes no value", flags[flag].name);
                cli_args_free(out);
                return false;
            }
        } else if (!inline_value) {
            if (i + 1 >= argc) {
                cli_usage_error(command, "option '%s' needs a value", arg);
                cli_args_free(out);
                return false;
            }
            value = argv[++i];
        }
        add(out, flag, value, arg);
    }
    return true;
}

void cli_args_free(struct cli_args *args) {
    free(args->items);
    free(args->operands);
    memset(args, 0, sizeof *args);
}
