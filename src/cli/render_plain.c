#include "cli/render_plain.h"

void render_plain(FILE *out, struct diag_list *diags) {
    diag_sort(diags);
    for (size_t i = 0; i < diags->count; i++) {
        const struct diag *d = &diags->items[i];
        if (d->src) {
            struct position p = source_position(d->src, d->span.start);
            fprintf(out, "%s:%u:%u: %s[%s]: %s\n", d->src->path, p.line, p.column,
                    severity_name(d->severity), d->rule->id, d->message);
        } else {
            fprintf(out, "rktc: %s[%s]: %s\n", severity_name(d->severity), d->rule->id,
                    d->message);
        }
    }
}
