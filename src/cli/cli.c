/* cli.c — the command table, help and usage errors. */
#include "cli/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct command commands[] = {
#define COMMAND(name, fn, synopsis, summary) {name, fn, synopsis, summary},
#include "cli/commands.def"
#undef COMMAND
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

const struct command *cli_find_command(const char *name) {
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int cli_usage_error(const char *command, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    fputs("rktc: ", stderr);
    vfprintf(stderr, format, ap);
    va_end(ap);
    if (command)
        fprintf(stderr, "\nTry 'rktc help %s' for more information.\n", command);
    else
        fputs("\nTry 'rktc --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

int cli_help(FILE *out, const char *name) {
    if (name) {
        const struct command *c = cli_find_command(name);
        if (!c)
            return cli_usage_error(NULL, "unknown command '%s'", name);
        fprintf(out, "usage: %s\n\n%s.\n", c->synopsis, c->summary);
        return EXIT_OK;
    }
    fputs("usage: rktc COMMAND [OPTIONS] FILE...\n\n"
          "rktc checks Nomad job files as Nomad 0.12 and its rkt driver would,\n"
          "and translates rkt tasks into shell launchers and systemd units.\n\n"
          "Commands:\n", out);
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("  help       show help for a command\n\n"
          "Options: --help, --version.\n"
          "Exit status: 0 ok, 1 findings, 2 unreadable input, 3 usage, 4 config.\n",
          out);
    return EXIT_OK;
}

