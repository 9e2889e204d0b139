/* cli.c — the command table, help and usage errors. */
#include "cli/cli.h"
#include "cli/args.h"
#include "source.h"
#include "util/buf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
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

/* text wrapped at width columns, each line indented by indent spaces */
static void wrapped(FILE *out, const char *text, int indent, int width) {
    int column = indent;
    fprintf(out, "%*s", indent, "");
    while (*text) {
        size_t word = strcspn(text, " ");
        if (column > indent && column + 1 + (int)word > width) {
            fprintf(out, "\n%*s", indent, "");
            column = indent;
        } else if (column > indent) {
            fputc(' ', out);
            column++;
        }
        fwrite(text, 1, word, out);
        column += (int)word;
        text += word;
        while (*text == ' ')
            text++;
    }
    fputc('\n', out);
}

int cli_help(FILE *out, const char *name) {
    if (name) {
        const struct command *c = cli_find_command(name);
        if (!c)
            return cli_usage_error(NULL, "unknown command '%s'", name);
        fprintf(out, "usage: %s\n\n%c%s.\n", c->synopsis,
                c->summary[0] >= 'a' && c->summary[0] <= 'z' ? c->summary[0] - 32 : c->summary[0],
                c->summary + 1);
        bool first = true;
        size_t count;
        const struct cli_option *options = cli_options(&count);
        for (size_t i = 0; i < count; i++) {
            if (strcmp(options[i].command, name) != 0)
                continue;
            if (first)
                fputs("\nOptions:\n", out);
            first = false;
            struct buf spelling;
            buf_init(&spelling);
            cli_option_spelling(&options[i], &spelling);
            fprintf(out, "  %s\n", spelling.data);
            buf_free(&spelling);
            wrapped(out, options[i].description, 6, 78);
        }
        fputs("\nExit status:\n", out);
        wrapped(out, "0 ok, 1 findings at or above the failure threshold (or a refused "
                "plan), 2 an input could not be read or parsed or an output not written, "
                "3 usage error, 4 bad "
                "configuration.", 2, 78);
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


struct source *cli_source_load(const char *path, const char *display_name) {
    char *error = NULL;
    struct source *src = source_load(path, display_name, &error);
    if (!src) {
        fprintf(stderr, "rktc: %s\n", error);
        free(error);
    }
    return src;
}

int cli_load_single(int argc, char **argv, struct source **out) {
    const char *command = argv[0], *path = NULL, *display = NULL;
    struct cli_args args;
    if (!cli_args_parse(command, argc, argv, &args))
        return EXIT_USAGE;
    for (size_t i = 0; i < args.count; i++)
        if (args.items[i].flag == FLAG_STDIN_FILENAME)
            display = args.items[i].value;
    size_t operands = args.operand_count;
    path = operands ? args.operands[0] : NULL;
    cli_args_free(&args);
    if (operands > 1)
        return cli_usage_error(command, "%s takes exactly one file", command);
    if (!path)
        return cli_usage_error(command, "no input file");
    *out = cli_source_load(path, strcmp(path, "-") == 0 ? display : NULL);
    return *out ? EXIT_OK : EXIT_INPUT;
}
