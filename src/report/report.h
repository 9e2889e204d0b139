/* report.h — rendering one run's diagnostics in every report format.
 *
 * Contract: a report is the whole run: the inputs (sorted by path, each
 * with its source; an unreadable input has an empty source carrying its
 * path) and one diag_list holding every file's diagnostics, sorted by
 * (file, line, column, rule). `suppressed` runs parallel to diags.items:
 * NULL for an active finding, else the justification of the inline
 * suppression that silenced it ("" when none was given). Every renderer
 * reads the same report and appends its bytes to a buf; none prints,
 * reads the clock or the environment (the caller passes the timestamp,
 * host name and colour choice), so equal reports give equal bytes. */
#ifndef RKTC_REPORT_H
#define RKTC_REPORT_H

#include "diag/diag.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stdint.h>

enum report_format {
    REPORT_TEXT,
    REPORT_GCC,
    REPORT_JSON,
    REPORT_JUNIT,
    REPORT_SARIF,
    REPORT_GITHUB,
    REPORT_CHECKSTYLE,
    REPORT_CODECLIMATE,
};

enum junit_profile { JUNIT_STRICT, JUNIT_GITHUB };

struct report_file {
    const struct source *src; /* never NULL */
    bool unreadable;          /* could not be read: one whole-file finding */
    bool unparsable;          /* HCL001/HCL002/HCL003 errors: rules did not run */
    double seconds;           /* analysis time (0 in reproducible runs) */
    /* rules switched off for this file (indexed like rule_table), or NULL */
    const bool *rule_disabled;
};

struct report_options {
    bool color;                  /* text: ANSI colours */
    enum junit_profile junit_profile;
    int64_t timestamp;           /* run start (or SOURCE_DATE_EPOCH), UTC seconds */
    const char *hostname;        /* JUnit; "localhost" when reproducible */
    size_t github_cap;           /* annotations per kind (0: GitHub's 10) */
    /* the run's failure threshold: a finding at or above it fails the run
     * (SEVERITY_ERROR, the zero value, counts errors only). Every machine
     * format shows a finding below it as one that does not fail */
    enum severity threshold;
    /* files the directory walk skipped: by name (not *.nomad, *.hcl,
     * *.json or an --include glob) and by an exclude glob */
    size_t skipped_name, skipped_excluded;
};

struct report {
    const struct report_file *files;
    size_t file_count;
    const struct diag_list *diags;
    char *const *suppressed;     /* parallel to diags->items, or NULL */
    /* parallel: the finding's place by block labels ("web/api/app"), or
     * NULL entries / NULL array when unknown */
    char *const *objects;
    struct report_options options;
};

bool report_format_parse(const char *name, enum report_format *out);
const char *report_format_name(enum report_format format);
/* Appends the report in format to out. */
void report_render(enum report_format format, const struct report *r,
                   struct buf *out);

void report_text(const struct report *r, struct buf *out);
void report_gcc(const struct report *r, struct buf *out);
void report_json(const struct report *r, struct buf *out);
void report_junit(const struct report *r, struct buf *out);
void report_sarif(const struct report *r, struct buf *out);
void report_github(const struct report *r, struct buf *out);
void report_checkstyle(const struct report *r, struct buf *out);
void report_codeclimate(const struct report *r, struct buf *out);

/* --- helpers shared by the renderers (report.c) --- */

/* True when the diagnostic at index i was silenced by a suppression. */
bool report_is_suppressed(const struct report *r, size_t i);
/* True when d is about a whole file and has no meaningful region. */
bool report_whole_file(const struct diag *d);
/* Start and end (exclusive) positions of a span, 1-based. */
void report_span_positions(const struct source *src, struct span span,
                           struct position *start, struct position *end);
/* Index of the first diagnostic of file f in the sorted list, and how many. */
size_t report_file_diags(const struct report *r, size_t f, size_t *count);
/* Appends text with invalid UTF-8 replaced by U+FFFD and, when
 * xml_safe, the C0 controls XML 1.0 forbids replaced by U+FFFD too. */
void report_clean_utf8(struct buf *out, const char *text, size_t len,
                       bool xml_safe);
/* JSON string literal (quotes included), always valid UTF-8. */
void report_json_string(struct buf *out, const char *text);
/* The first line of text (for single-line attributes), cleaned for XML. */
void report_first_line(struct buf *out, const char *text);
/* "3 errors, 1 warning" style counts of active findings ("no findings"). */
void report_counts(const struct report *r, struct buf *out);
/* Writes one diagnostic like the text format (without colour), for the
 * detail text of machine formats. */
void report_text_one(const struct report *r, const struct diag *d, bool color,
                     struct buf *out);
/* A fingerprint of finding i that survives moved lines: a hash of the rule,
 * the path, the text of the span's first line (blanks trimmed) and the
 * number of earlier findings of the file with the same key. 32 hex digits. */
void report_fingerprint(const struct report *r, size_t i, char out[33]);
/* The object path of finding i, or NULL. */
const char *report_object(const struct report *r, size_t i);
/* True when finding i fails the run: active and at or above the
 * threshold, or an input problem (unreadable, unparsable), which always
 * fails. */
bool report_fails(const struct report *r, size_t i);
/* True when d is an input problem: the file could not be read or parsed
 * (HCL001, HCL002, HCL003, RKC001 errors). */
bool report_input_problem(const struct diag *d);
/* Index of rule in rule_table(). */
size_t report_rule_index(const struct rule *rule);

#endif
