/* cmd_rules.c — `rktc rules` lists the rule table; `--format=man` writes
 * the rktc(1) man page (manpage.c), `--format=json` the table as JSON. */
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/manpage.h"
#include "diag/diag.h"
#include "report/report.h"
#include "util/buf.h"

#include <string.h>

static void rules_json(struct buf *out) {
    size_t count;
    const struct rule *table = rule_table(&count);
    buf_puts(out, "[");
    for (size_t i = 0; i < count; i++) {
        buf_puts(out, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        report_json_string(out, table[i].id);
        buf_puts(out, ", \"name\": ");
        report_json_string(out, table[i].name);
        buf_puts(out, ", \"severity\": ");
        report_json_string(out, severity_name(table[i].severity));
        buf_puts(out, ",\n   \"summary\": ");
        report_json_string(out, table[i].summary);
        buf_puts(out, ",\n   \"explanation\": ");
        report_json_string(out, table[i].explanation);
        buf_puts(out, "}");
    }
    buf_puts(out, count ? "\n]\n" : "]\n");
}

int cmd_rules(int argc, char **argv) {
    const char *format = "text";
    struct cli_args args;
    bool ok = cli_args_parse("rules", argc, argv, &args);
    for (size_t k = 0; ok && k < args.count; k++)
        if (args.items[k].flag == FLAG_FORMAT)
            format = args.items[k].value;
    if (ok && args.operand_count)
        ok = cli_usage_error("rules", "unexpected argument '%s'", args.operands[0]) == EXIT_OK;
    cli_args_free(&args);
    if (!ok)
        return EXIT_USAGE;
    struct buf out;
    buf_init(&out);
    if (strcmp(format, "text") == 0) {
        size_t count;
        const struct rule *table = rule_table(&count);
        for (size_t i = 0; i < count; i++)
            buf_printf(&out, "%-7s %-8s %-28s %s\n", table[i].id,
                       severity_name(table[i].severity), table[i].name,
                       table[i].summary);
    } else if (strcmp(format, "json") == 0) {
        rules_json(&out);
    } else if (strcmp(format, "man") == 0) {
        manpage_write(&out);
    } else {
        buf_free(&out);
        return cli_usage_error("rules", "--format takes text, json or man, not '%s'",
                               format);
    }
    fwrite(out.data ? out.data : "", 1, out.len, stdout);
    buf_free(&out);
    return EXIT_OK;
}
