/* cmd_lsp.c — `rktc lsp`: the language server on standard input and
 * output (LSP 3.16+, JSON-RPC with Content-Length framing). It publishes
 * `rktc check`'s findings for every open document, explains a finding's
 * rule on hover and offers its fix as a quick fix (src/lsp/server.h).
 * Standard output carries only protocol messages; notes go to stderr. */
#include "cli/cli.h"
#include "lsp/server.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_lsp(int argc, char **argv) {
    struct lsp_options options;
    lsp_options_default(&options);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--stdio") == 0)
            continue; /* what many clients pass; stdio is the only transport */
        if (strncmp(a, "--debounce=", 11) == 0) {
            char *end;
            long v = strtol(a + 11, &end, 10);
            if (*end || end == a + 11 || v < 0 || v > 60000)
                return cli_usage_error("lsp", "--debounce takes milliseconds (0 to 60000)");
            options.debounce_ms = (int)v;
            continue;
        }
        if (strncmp(a, "--check-timeout=", 16) == 0) {
            char *end;
            long v = strtol(a + 16, &end, 10);
            if (*end || end == a + 16 || v < 1 || v > 3600000)
                return cli_usage_error("lsp", "--check-timeout takes milliseconds (1 to 3600000)");
            options.check_timeout_ms = (int)v;
            continue;
        }
        return cli_usage_error("lsp", "unknown argument '%s'", a);
    }
    if (isatty(STDIN_FILENO))
        fprintf(stderr, "rktc lsp: a language server; it speaks LSP on standard input and "
                        "output (start it from an editor)\n");
    /* a closed client shows as a failed write, not as a signal */
    signal(SIGPIPE, SIG_IGN);
    fflush(stdout);
    return lsp_serve(STDIN_FILENO, STDOUT_FILENO, &options);
}
