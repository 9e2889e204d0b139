/* main.c — rktc's entry point: dispatches to the subcommands. */
#include "cli/cli.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    /* over `ulimit -f`, a write fails with EFBIG (reported, temporary files
     * removed) instead of the process dying silently */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2)
        return cli_usage_error(NULL, "no command given");
    const char *name = argv[1];
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("rktc %s\n", RKTC_VERSION);
        return EXIT_OK;
    }
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return cli_help(stdout, NULL);
    if (strcmp(name, "help") == 0) {
        if (argc > 3)
            return cli_usage_error(NULL, "help takes at most one command");
        return cli_help(stdout, argc == 3 ? argv[2] : NULL);
    }
    const struct command *c = cli_find_command(name);
    if (!c) {
        if (name[0] == '-')
            return cli_usage_error(NULL, "unknown option '%s'", name);
        return cli_usage_error(NULL, "unknown command '%s'", name);
    }
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return cli_help(stdout, name);
    return c->run(argc - 1, argv + 1);
}
