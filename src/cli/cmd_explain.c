/* cmd_explain.c — `rktc explain ID`: one rule in full (summary, why, a bad
 * and a good example), offline. Ids are accepted in any letter case. */
#include "cli/cli.h"
#include "cli/explain.h"
#include "diag/diag.h"

#include <string.h>

void explain_render(const struct rule *rule, struct buf *out) {
    buf_printf(out, "%s %s (default severity: %s)\n\n%s\n\n%s", rule->id, rule->name,
               severity_name(rule->severity), rule->summary, rule->explanation);
    if (rule->explanation[0] && rule->explanation[strlen(rule->explanation) - 1] != '\n')
        buf_putc(out, '\n');
}

int cmd_explain(int argc, char **argv) {
    if (argc != 2)
        return cli_usage_error("explain", "explain takes one rule id");
    const struct rule *rule = rule_find(argv[1]);
    if (!rule) {
        /* accept lower case too: rktc explain hcl001 */
        char upper[32];
        size_t n = strlen(argv[1]);
        if (n < sizeof upper) {
            for (size_t i = 0; i <= n; i++)
                upper[i] = (char)(argv[1][i] >= 'a' && argv[1][i] <= 'z'
                                      ? argv[1][i] - 32 : argv[1][i]);
            rule = rule_find(upper);
        }
    }
    if (!rule)
        return cli_usage_error("explain", "unknown rule id '%s' (`rktc rules` "
                               "lists them)", argv[1]);
    struct buf text;
    buf_init(&text);
    explain_render(rule, &text);
    fwrite(text.data, 1, text.len, stdout);
    buf_free(&text);
    return EXIT_OK;
}
