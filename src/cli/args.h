/* args.h — the command line split by the option table (options.def).
 *
 * Contract: cli_args_parse reads argv (argv[0] is the command) and returns
 * the options in the order given, each as its FLAG_* symbol and value
 * (NULL for an option that takes none), and the operands (files, `-`).
 * Spellings: `--name`, `--name=VALUE`, `--name VALUE`, `-x VALUE`,
 * `-xVALUE`; `--` ends the options. An option the command does not have,
 * a missing value, or a value given to an option that takes none is a
 * usage error: it is printed (cli_usage_error) and parse returns false
 * with nothing left to free.
 * The values and operands point into argv. cli_args_free releases the
 * arrays. */
#ifndef RKTC_CLI_ARGS_H
#define RKTC_CLI_ARGS_H

#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

enum cli_flag {
#define FLAG(id, name, short_name, takes_value) FLAG_##id,
#include "cli/options.def"
    FLAG_COUNT
};

struct cli_arg {
    enum cli_flag flag;
    const char *value;   /* NULL when the option takes none */
    const char *spelled; /* the option as written, for messages */
};

struct cli_args {
    struct cli_arg *items;
    size_t count;
    char **operands;
    size_t operand_count;
};

bool cli_args_parse(const char *command, int argc, char **argv, struct cli_args *out);
void cli_args_free(struct cli_args *args);

/* The long name of a flag ("format"). */
const char *cli_flag_name(enum cli_flag flag);

struct cli_option {
    const char *command;     /* the subcommand it belongs to */
    enum cli_flag flag;
    const char *metavar;     /* NULL: takes no value */
    const char *description;
};

/* The option table (options.def), for help and the man page. */
const struct cli_option *cli_options(size_t *count);
/* Appends how an option is written: "--format=NAME[:FILE], -f NAME[:FILE]". */
void cli_option_spelling(const struct cli_option *option, struct buf *out);

#endif
