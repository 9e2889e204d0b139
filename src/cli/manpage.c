#include "cli/manpage.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "diag/diag.h"

#include <string.h>

/* Text for roff: backslashes escaped, and a line that would start with a
 * control character ('.' or '\'') protected with \&. */
static void roff(struct buf *out, const char *text) {
    bool line_start = true;
    for (const char *c = text; *c; c++) {
        if (line_start && (*c == '.' || *c == '\''))
            buf_puts(out, "\\&");
        if (*c == '\\')
            buf_puts(out, "\\e");
        else if (*c == '-')
            buf_puts(out, "\\-");
        else
            buf_putc(out, *c);
        line_start = *c == '\n';
    }
}

static const struct {
    const char *name, *synopsis, *summary;
} commands[] = {
#define COMMAND(name, fn, synopsis, summary) {name, synopsis, summary},
#include "cli/commands.def"
#undef COMMAND
};


void manpage_write(struct buf *out) {
    buf_puts(out, ".TH RKTC 1 \"\" \"rktc " RKTC_VERSION "\" \"User Commands\"\n"
                  ".SH NAME\nrktc \\- check Nomad job files and translate rkt tasks\n"
                  ".SH SYNOPSIS\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        buf_puts(out, ".B ");
        roff(out, commands[i].synopsis);
        buf_puts(out, "\n.br\n");
    }
    buf_puts(out, ".SH DESCRIPTION\n"
                  "rktc reads Nomad job files (HCL1, HCL\\-JSON, Nomad API JSON), checks "
                  "them as Nomad 0.12 and its rkt driver would, and reports findings "
                  "with rule ids, source locations and excerpts.\n"
                  ".SH COMMANDS\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        buf_puts(out, ".TP\n.B ");
        roff(out, commands[i].name);
        buf_putc(out, '\n');
        roff(out, commands[i].summary);
        buf_puts(out, ".\n");
    }
    size_t option_count;
    const struct cli_option *options = cli_options(&option_count);
    for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
        bool first = true;
        for (size_t i = 0; i < option_count; i++) {
            if (strcmp(options[i].command, commands[c].name) != 0)
                continue;
            if (first) {
                buf_puts(out, ".SH ");
                for (const char *n = commands[c].name; *n; n++)
                    buf_putc(out, (char)(*n >= 'a' && *n <= 'z' ? *n - 32 : *n));
                buf_puts(out, " OPTIONS\n");
            }
            first = false;
            buf_puts(out, ".TP\n.B ");
            struct buf spelling;
            buf_init(&spelling);
            cli_option_spelling(&options[i], &spelling);
            roff(out, spelling.data);
            buf_free(&spelling);
            buf_putc(out, '\n');
            roff(out, options[i].description);
            buf_putc(out, '\n');
        }
    }
    buf_puts(out,
             ".SH INLINE SUPPRESSIONS\n"
             "A comment\n.RS\n.B # rktc:ignore ID[,ID] \\-\\- reason\n.RE\n"
             "before an attribute or block silences those rules in it and in "
             "everything inside it;\n.RS\n.B # rktc:ignore\\-file ID[,ID] \\-\\- reason\n"
             ".RE\nsilences them in the whole file. Suppressions that silence nothing "
             "are reported (RKC002).\n"
             ".SH CONFIGURATION\n"
             "The file named by \\-\\-config, else by RKTC_CONFIG, else the first "
             ".I .rktc.hcl\nfound walking up from each input's directory, else "
             ".IR $XDG_CONFIG_HOME/rktc/config.hcl .\nIt is HCL:\n.PP\n.nf\n"
             "failure_threshold = \"warning\"\nformat = [\"text\", \"sarif:rktc.sarif\"]\n"
             "require_reason = true\ninline_ignore = true\nexclude = [\"vendor/*\"]\n"
             "rule \"HCL004\" {\n  severity = \"error\"   # or: enabled = false\n}\n.fi\n"
             ".PP\nThe command line wins over the environment (RKTC_*), which wins over "
             "the file.\n"
             ".SH EXIT STATUS\n.TP\n0\nNo finding at or above the failure threshold.\n"
             ".TP\n1\nFindings at or above the threshold.\n"
             ".TP\n2\nAn input could not be read or parsed, or no input was found.\n"
             ".TP\n3\nUsage error.\n.TP\n4\nBad configuration.\n"
             ".SH ENVIRONMENT\n.TP\nNO_COLOR\nNo colours with \\-\\-color=auto.\n"
             ".TP\nSOURCE_DATE_EPOCH\nTimestamp of JUnit reports; also makes host name "
             "and times constant, for reproducible reports.\n"
             ".TP\nRKTC_CONFIG, RKTC_FAILURE_THRESHOLD, RKTC_FORMAT, RKTC_REQUIRE_REASON, "
             "RKTC_INLINE_IGNORE, RKTC_EXCLUDE\nAs the options and configuration keys "
             "(lists comma\\-separated, flags true or false).\n"
             ".SH RULES\n");
    size_t count;
    const struct rule *table = rule_table(&count);
    for (size_t i = 0; i < count; i++) {
        buf_printf(out, ".SS %s %s (%s)\n", table[i].id, table[i].name,
                   severity_name(table[i].severity));
        roff(out, table[i].summary);
        buf_puts(out, "\n.PP\n.nf\n");
        roff(out, table[i].explanation);
        if (table[i].explanation[0] &&
            table[i].explanation[strlen(table[i].explanation) - 1] != '\n')
            buf_putc(out, '\n');
        buf_puts(out, ".fi\n");
    }
    buf_puts(out, ".SH SEE ALSO\n.BR nomad (1),\n.BR rkt (1)\n");
}
