/* cmd_lsp.c — `rktc lsp`: the language server on standard input and
 * output (LSP 3.16+, JSON-RPC with Content-Length framing). It publishes
 * `rktc check`'s findings for every open document, explains a finding's
 * rule on hover and offers its fix as a quick fix (src/lsp/server.h).
 * Standard output carries only protocol messages; notes go to stderr. */
#include "cli/args.h"
#include "cli/cli.h"
#include "lsp/server.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A number of milliseconds in [low, high], or -1. */
static long milliseconds(const char *text, long low, long high) {
    char *end;
    long v = strtol(text, &end, 10);
    return *end || end == text || v < low || v > high ? -1 : v;
}

int cmd_lsp(int argc, char **argv) {
    struct lsp_options options;
    lsp_options_default(&options);
    struct cli_args args;
    bool ok = cli_args_parse("lsp", argc, argv, &args);
    for (size_t k = 0; ok && k < args.count; k++) {
        const struct cli_arg *a = &args.items[k];
        long v = 0;
        if (a->flag == FLAG_DEBOUNCE && (v = milliseconds(a->value, 0, 60000)) >= 0)
            options.debounce_ms = (int)v;
        else if (a->flag == FLAG_CHECK_TIMEOUT && (v = milliseconds(a->value, 1, 3600000)) >= 0)
            options.check_timeout_ms = (int)v;
        else if (a->flag != FLAG_STDIO) /* --stdio: what many clients pass */
            ok = cli_usage_error("lsp", "%s takes milliseconds (%s)", a->spelled,
                                 a->flag == FLAG_DEBOUNCE ? "0 to 60000" : "1 to 3600000") ==
                 EXIT_OK;
    }
    if (ok && args.operand_count)
        ok = cli_usage_error("lsp", "unexpected argument '%s'", args.operands[0]) == EXIT_OK;
    cli_args_free(&args);
    if (!ok)
        return EXIT_USAGE;
    if (isatty(STDIN_FILENO))
        fprintf(stderr, "rktc lsp: a language server; it speaks LSP on standard input and "
                        "output (start it from an editor)\n");
    /* a closed client shows as a failed write, not as a signal */
    signal(SIGPIPE, SIG_IGN);
    fflush(stdout);
    return lsp_serve(STDIN_FILENO, STDOUT_FILENO, &options);
}
