/* fuzz_args.c — libFuzzer harness for the command-line splitter: the
 * first byte picks the command, the rest, split at NUL bytes, is its
 * argv; through cli_args_parse (each option's name and value read back)
 * and, for check, check_options_parse (the values parsed: formats, rule
 * lists, thresholds, --node/--alloc-id/--port). Usage errors are printed
 * to stderr (run with -close_fd_mask=2). */
#include "cli/args.h"
#include "cli/check_options.h"
#include "cli/rkt_options.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const commands[] = {"parse", "check", "rules", "explain", "jobspec",
                                       "plan", "build", "audit", "report"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 4096)
        return 0;
    const char *command = commands[data[0] % (sizeof commands / sizeof commands[0])];
    /* a private NUL-terminated copy: every argument ends at a NUL */
    char *text = malloc(size + 1);
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    int argc = 1;
    for (size_t i = 0; i + 1 < size; i++)
        argc += text[i] == '\0';
    if (size > 1)
        argc++;
    char **argv = calloc((size_t)argc + 1, sizeof *argv);
    argv[0] = (char *)command;
    int n = 1;
    for (char *p = text; size > 1 && n < argc; p += strlen(p) + 1)
        argv[n++] = p;
    struct cli_args args;
    if (cli_args_parse(command, n, argv, &args)) {
        struct rkt_options rkt;
        memset(&rkt, 0, sizeof rkt);
        for (size_t i = 0; i < args.count; i++) {
            (void)strlen(cli_flag_name(args.items[i].flag));
            if (args.items[i].value)
                (void)strlen(args.items[i].value);
            if (strcmp(command, "plan") == 0 || strcmp(command, "build") == 0)
                (void)rkt_options_take(&rkt, command, &args.items[i]);
        }
        rkt_options_free(&rkt);
        for (size_t i = 0; i < args.operand_count; i++)
            (void)strlen(args.operands[i]);
    }
    cli_args_free(&args);
    if (strcmp(command, "check") == 0) {
        struct check_options opts;
        (void)check_options_parse(&opts, n, argv);
        check_options_free(&opts); /* after a failed parse too, as cmd_check does */
    }
    free(argv);
    free(text);
    return 0;
}
