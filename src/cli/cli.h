/* cli.h — the command line: subcommands and their shared helpers.
 *
 * Contract: each subcommand is `int cmd_NAME(int argc, char **argv)` with
 * argv[0] the subcommand name; it returns the process exit status
 * (EXIT_OK .. EXIT_CONFIG, as docs/cli.md §1 fixes them). Only code under
 * src/cli and src/main.c writes to stdout/stderr or the file system. */
#ifndef RKTC_CLI_H
#define RKTC_CLI_H

#include "version.h"

#include <stdio.h>

enum exit_status {
    EXIT_OK = 0,       /* nothing at or above the failure threshold */
    EXIT_FINDINGS = 1, /* findings at or above the threshold / refused plan */
    EXIT_INPUT = 2,    /* an input could not be read or parsed, an output not written */
    EXIT_USAGE = 3,    /* bad command line */
    EXIT_CONFIG = 4,   /* bad configuration */
};


#define COMMAND(name, fn, synopsis, summary) int fn(int argc, char **argv);
#include "cli/commands.def"
#undef COMMAND

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *synopsis;
    const char *summary;
};

/* The subcommand called name, or NULL. */
const struct command *cli_find_command(const char *name);

/* Prints "rktc: <message>" and the usage hint for command; returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
struct source;
/* For commands that read one file (FILE, or `-` with --stdin-filename
 * NAME): parses the arguments (argv[0] is the command) and loads the file.
 * Returns EXIT_OK with *out set, or the exit status after printing why. */
int cli_load_single(int argc, char **argv, struct source **out);
/* source_load, printing why a file cannot be read ("rktc: ...") on
 * stderr and returning NULL then. */
struct source *cli_source_load(const char *path, const char *display_name);

/* Prints the help of one command (or the overview for NULL) to out. */
int cli_help(FILE *out, const char *command);

#endif
