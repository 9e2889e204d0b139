/* parse.h — bytes to generic HCL tree.
 *
 * Contract: hcl_parse detects the form like HCL1 does (skip leading Unicode
 * whitespace; `{` first means HCL-JSON) and calls hcl_parse_native or
 * hcl_parse_json. On success returns the tree (in arena) and adds no
 * HCL001 error; on a syntax error returns NULL after adding at least one
 * located HCL001 diagnostic (message text as HashiCorp's parser words it,
 * where it gives one). Limits (nesting depth, heredoc size) are HCL003
 * errors. Never prints.
 *
 * hcl_parse_with takes what the generic layer cannot know about the
 * caller's schema (struct hcl_parse_options); hcl_parse is hcl_parse_with
 * without options. */
#ifndef RKTC_HCL_PARSE_H
#define RKTC_HCL_PARSE_H

#include "diag/diag.h"
#include "hcl/tree.h"

#define HCL_MAX_DEPTH 256                       /* nested objects/lists */
#define HCL_MAX_HEREDOC ((size_t)64 * 1024 * 1024) /* bytes in one heredoc */

struct arena;

struct hcl_parse_options {
    /* Block types that take one label (NULL-terminated): in HCL-JSON, the
     * body of such a block made only of objects is merged into its members
     * by HCL1's flattening, which gets an HCL004 warning. NULL: none. */
    const char *const *labelled_blocks;
};

struct hcl_file *hcl_parse(struct arena *arena, const struct source *src,
                           struct diag_list *diags);
struct hcl_file *hcl_parse_with(struct arena *arena, const struct source *src,
                                const struct hcl_parse_options *options,
                                struct diag_list *diags);
struct hcl_file *hcl_parse_native(struct arena *arena, const struct source *src,
                                  struct diag_list *diags);
struct hcl_file *hcl_parse_json(struct arena *arena, const struct source *src,
                                struct diag_list *diags);
struct hcl_file *hcl_parse_json_with(struct arena *arena, const struct source *src,
                                     const struct hcl_parse_options *options,
                                     struct diag_list *diags);
/* True when HCL1 would read these bytes as HCL-JSON. */
bool hcl_is_json(const char *text, size_t len);

#endif
