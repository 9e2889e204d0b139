/* hcl2_print.h — a job file written so that HCL1 (Nomad 0.12, rktc) and
 * HCL2 (Nomad 1.x's job parser) read the same job
 * (`rktc build --target=nomad-hcl2`).
 *
 * Contract: mig_hcl2_print prints the HCL tree of a job file (HCL native or
 * HCL-JSON) as HCL native syntax in `nomad fmt`'s layout: two-space
 * indentation, `=` aligned in runs of one-line attributes, a blank line
 * around blocks, comments kept before the item they preceded. Constructs
 * HCL2 refuses or reads differently are written in the form both parsers
 * read the same (docs/migration-hcl2.md lists them): every stanza as a
 * block, quoted keys unquoted, numbers in decimal, repeated keys merged as
 * HCL1 merges them, meta/env with keys that are not identifiers as a map
 * attribute, `${…}` that HCL2 would evaluate and `%{` escaped with `\u`
 * escapes, heredocs HCL2 would read differently as quoted strings, driver
 * `config` written from HCL1's decoded value. Each place with no common
 * form becomes an MIG010 warning at its source location and a comment
 * above it in the output. The same input always gives the same bytes. */
#ifndef RKTC_MIGRATE_HCL2_PRINT_H
#define RKTC_MIGRATE_HCL2_PRINT_H

#include "diag/diag.h"
#include "hcl/tree.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

void mig_hcl2_print(struct arena *arena, const struct hcl_file *file, struct buf *out,
                    struct diag_list *diags);

struct job_input;
/* The same for an API JSON job: the decoded job written as an HCL job file
 * (API JSON has no comments to keep). */
void mig_hcl2_print_api(struct arena *arena, const struct job_input *in, struct buf *out,
                        struct diag_list *diags);

/* Writes text as an HCL string literal that HCL1 and HCL2 read as exactly
 * these bytes (runtime references like ${attr.x} stay interpolations, which
 * Nomad 1.x keeps as text). */
void mig_hcl2_string(struct buf *out, const char *text, size_t len);
/* True for an HCL2 identifier (letters, digits, '_' and '-', not first a digit
 * or '-'). */
bool mig_hcl2_ident(const char *text, size_t len);

#endif
