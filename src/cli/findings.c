/* findings.c — findings printed by every command (see findings.h). */
#include "cli/findings.h"

#include "report/report.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool cli_stream_color(FILE *out) {
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(fileno(out)) && !(no_color && no_color[0]) &&
           !(term && strcmp(term, "dumb") == 0);
}

void cli_print_findings(FILE *out, struct diag_list *diags) {
    diag_sort(diags);
    bool color = cli_stream_color(out);
    struct buf text;
    buf_init(&text);
    for (size_t i = 0; i < diags->count; i++)
        report_text_one(NULL, &diags->items[i], color, &text);
    if (text.len)
        fwrite(text.data, 1, text.len, out);
    buf_free(&text);
}
