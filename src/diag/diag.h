/* diag.h — diagnostics: what every pipeline stage reports instead of printing.
 *
 * Contract: a diagnostic is {rule id, severity, message, primary span in a
 * source, optional notes at secondary spans, optional fix hint}. Rule ids
 * are declared once, in rules.def, with their default severity, and named in
 * code by the generated enum rule_id (RULE_HCL001, ...), so an undeclared id
 * does not compile.
 * A diag_list owns its records and strings (heap); diag_list_free releases
 * them. The list caps the number of records (DIAG_MAX_PER_FILE); once the
 * cap is hit it records one final HCL-limit diagnostic and drops the rest,
 * and `truncated` tells callers to stop early. */
#ifndef RKTC_DIAG_H
#define RKTC_DIAG_H

#include "source.h"

#include <stdbool.h>
#include <stddef.h>

#define DIAG_MAX_PER_FILE 1000

enum severity {
    SEVERITY_ERROR = 0,
    SEVERITY_WARNING = 1,
    SEVERITY_INFO = 2,
    SEVERITY_STYLE = 3,
};

/* The rule families, one per id prefix. */
enum rule_family {
    FAMILY_HCL, /* syntax and input limits */
    FAMILY_NMD, /* Nomad job rules */
    FAMILY_RKT, /* rkt driver rules */
    FAMILY_GEN, /* translation to targets */
    FAMILY_MIG, /* migration */
    FAMILY_RKC, /* the tool itself */
};

/* One symbol per rule of rules.def: RULE_HCL001, RULE_NMD016, ... */
enum rule_id {
#define RULE(family, number, name, sev, summary, explanation) RULE_##family##number,
#include "diag/rules.def"
#undef RULE
    RULE_COUNT
};

struct rule {
    enum rule_id code;
    enum rule_family family;
    const char *id;        /* e.g. "HCL001" */
    const char *name;      /* short kebab-case name, e.g. "syntax-error" */
    enum severity severity;
    const char *summary;   /* one line */
    const char *explanation; /* long text: why, a bad and a good example */
};

struct diag_note {
    struct span span;
    char *message;
};

/* A concrete replacement in the finding's source: the bytes of span become
 * text (an empty span inserts). */
struct diag_edit {
    struct span span;
    char *text;
};

struct diag {
    const struct rule *rule;
    enum severity severity;
    const struct source *src; /* NULL: not tied to a file position */
    struct span span;
    char *message;
    struct diag_note *notes;
    size_t note_count;
    char *fix; /* NULL or a hint ("write `=` here") */
    /* Optional: the fix as edits to apply together (non-overlapping, in
     * source order), for editors' quick fixes; only where the fix is a
     * concrete replacement. */
    struct diag_edit *edits;
    size_t edit_count;
};

struct diag_list {
    struct diag *items;
    size_t count;
    size_t cap;
    size_t limit;   /* 0 means DIAG_MAX_PER_FILE */
    bool truncated; /* the cap was hit */
};

/* The rule of a symbol (never NULL). */
const struct rule *rule_get(enum rule_id id);
/* The rule whose id text is `id` (as users write it), or NULL. */
const struct rule *rule_find(const char *id);
const struct rule *rule_table(size_t *count);
const char *severity_name(enum severity s);
/* parses "error", "warning", "info", "style"; returns false otherwise */
bool severity_parse(const char *text, enum severity *out);

void diag_list_init(struct diag_list *list);
void diag_list_free(struct diag_list *list);

/* Adds a diagnostic; returns it (for notes and fix), or NULL when the cap
 * dropped it. */
struct diag *diag_add(struct diag_list *list, enum rule_id rule,
                      const struct source *src, struct span span,
                      const char *format, ...)
    __attribute__((format(printf, 5, 6)));
void diag_note(struct diag *d, struct span span, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
void diag_fix(struct diag *d, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
/* Adds one edit of d's fix: replace the bytes of span with text. */
void diag_edit(struct diag *d, struct span span, const char *text);
/* The usual edit of a did-you-mean key: the key at span becomes `key`,
 * keeping the quotes when the key is written as a string ("imgae"). Keys
 * that need escaping are left alone. */
void diag_edit_key(struct diag *d, const struct source *src, struct span span,
                   const char *key);

/* Moves every record of from to the end of to (the cap of `to` applies);
 * from is left empty. */
void diag_list_take(struct diag_list *to, struct diag_list *from);

/* Number of records at severity `at_least` or more severe. */
size_t diag_count(const struct diag_list *list, enum severity at_least);
/* Sorts by (file, line, column, rule id), stable. */
void diag_sort(struct diag_list *list);

#endif
