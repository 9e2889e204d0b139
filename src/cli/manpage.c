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

/* The value list ("A|B|C") of command's option NAME, e.g. "--target", from
 * the option table (options.def), or NULL: the build synopsis takes its
 * targets from there, so a target added to the table shows up in it. */
static const char *option_values(const char *command, const char *name, size_t *len) {
    size_t count;
    const struct cli_option *options = cli_options(&count);
    for (size_t i = 0; i < count; i++) {
        if (strcmp(options[i].command, command) != 0 || !options[i].metavar)
            continue;
        struct buf spelling;
        buf_init(&spelling);
        cli_option_spelling(&options[i], &spelling);
        bool match = strncmp(spelling.data, name, strlen(name)) == 0 &&
                     spelling.data[strlen(name)] == '=';
        buf_free(&spelling);
        if (match) {
            *len = strlen(options[i].metavar);
            return options[i].metavar;
        }
    }
    return NULL;
}

/* A synopsis line, with "--target=..." replaced by the option table's list. */
static void synopsis(struct buf *out, const char *command, const char *text) {
    size_t values_len;
    const char *values = option_values(command, "--target", &values_len);
    const char *at = values ? strstr(text, "--target=") : NULL;
    if (!at) {
        roff(out, text);
        return;
    }
    struct buf line;
    buf_init(&line);
    buf_add(&line, text, (size_t)(at - text) + 9);
    buf_add(&line, values, values_len);
    const char *rest = at + 9;
    buf_puts(&line, rest + strcspn(rest, " ]"));
    roff(out, line.data);
    buf_free(&line);
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
        synopsis(out, commands[i].name, commands[i].synopsis);
        buf_puts(out, "\n.br\n");
    }
    buf_puts(out, ".SH DESCRIPTION\n"
                  "rktc reads Nomad job files (HCL1, HCL\\-JSON, Nomad API JSON), checks "
                  "them as Nomad 0.12 and its rkt driver would, and reports findings "
                  "with rule ids, source locations and excerpts.\n"
                  ".PP\n"
                  "rktc build writes, by its \\-\\-target: POSIX sh launchers (sh) or "
                  "systemd units (systemd) that run the planned rkt commands; the jobs with "
                  "their rkt tasks rewritten for the docker or podman driver (nomad\\-docker, "
                  "nomad\\-podman); or any job file rewritten so that Nomad 0.12 (HCL1) and "
                  "Nomad 1.x (HCL2) read the same job (nomad\\-hcl2). rktc audit plans a "
                  "migration, rktc node init writes a host profile, and rktc lsp serves "
                  "editors. docs/migration.md and docs/migration-hcl2.md in the source "
                  "tree describe the rewrites.\n"
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
             "The file named by \\-\\-config, else by RKTC_CONFIG, else the first\n"
             ".I \\&.rktc.hcl\nfound walking up from each input's directory, else\n"
             ".IR $XDG_CONFIG_HOME/rktc/config.hcl ,\n"
             "else\n.IR ~/.config/rktc/config.hcl .\n"
             "It is HCL:\n.PP\n.nf\n"
             "failure_threshold = \"warning\"\nformat = [\"text\", \"sarif:rktc.sarif\"]\n"
             "require_reason = true\ninline_ignore = true\nexclude = [\"vendor/*\"]\n"
             "rule \"HCL004\" {\n  severity = \"error\"   # or: enabled = false\n}\n.fi\n"
             ".PP\nKeys:\n"
             ".TP\nfailure_threshold\nThe least severity that makes the exit status 1 "
             "(default warning).\n"
             ".TP\nformat\nReport formats, each NAME or NAME:FILE (default text).\n"
             ".TP\nrequire_reason\nInline suppressions must give a reason (default false).\n"
             ".TP\ninline_ignore\nHonour inline suppressions (default true).\n"
             ".TP\nexclude\nGlobs of files a directory walk skips, relative to the "
             "directory of the configuration file; * also matches / (default none).\n"
             ".TP\nrule \"ID\" { severity = \"LEVEL\" } or { enabled = false }\n"
             "Another severity for a rule, or the rule turned off.\n"
             ".PP\nThe command line wins over the environment (RKTC_*), which wins over "
             "the file.\n"
             ".SH HOST PROFILE\n"
             "The \\-\\-node FILE of check, plan and build describes what a Nomad client "
             "would know. It is HCL with one node block; every key is optional and "
             "defaults to the value shown:\n.PP\n.nf\n"
             "node {\n"
             "  name            = \"node\\-1\"\n"
             "  datacenter      = \"dc1\"\n"
             "  region          = \"global\"\n"
             "  class           = \"\"\n"
             "  address         = \"127.0.0.1\"\n"
             "  alloc_dir       = \"/var/lib/nomad/alloc\"\n"
             "  rkt_path        = \"/usr/bin/rkt\"\n"
             "  volumes_enabled = true\n"
             "  dynamic_ports   = [20000, 32000]\n"
             "  cpu_total_compute = 0       # MHz; 0 is unlimited\n"
             "  memory_total_mb   = 0       # MB; 0 is unlimited\n"
             "  reserved { cpu = 0  memory = 0  reserved_ports = \"\" }\n"
             "  attributes { \"kernel.name\" = \"linux\"  \"driver.rkt.version\" = \"1.30.0\" }\n"
             "  meta { rack = \"r1\" }\n"
             "  host_volume \"shared\" {\n"
             "    path      = \"/srv/shared\"\n"
             "    read_only = false\n"
             "  }\n"
             "}\n.fi\n"
             ".PP\nA written attributes, meta or host_volume block replaces the defaults. "
             "plan and build take \\-\\-node several times for a fleet; "
             "rktc node init \\-\\-from\\-host writes a profile of this machine. "
             "docs/host-profile.md in the source tree describes every key.\n"
             ".SH EXIT STATUS\n.TP\n0\nNo finding at or above the failure threshold.\n"
             ".TP\n1\nFindings at or above the threshold.\n"
             ".TP\n2\nAn input could not be read or parsed, an output could not be written, or no "
             "input was found.\n"
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
