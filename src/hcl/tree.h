/* tree.h — the generic HCL tree (HCL1 native and HCL-JSON alike).
 *
 * Contract: the tree mirrors HashiCorp HCL1's AST, because Nomad works on
 * that AST (key filtering, invalid-key checks) before decoding: an object
 * body is a list of items; an item has one or more keys (more than one:
 * block labels) and a value; values are objects, lists or literals. Every
 * node carries its span in the source. Literals keep their raw text; string
 * values are already unquoted (escapes decoded, invalid UTF-8 replaced by
 * U+FFFD as the reference does), numbers are converted on demand by
 * hcl_number_* because conversion errors belong to decoding, not parsing.
 * Everything lives in the arena of the file. */
#ifndef RKTC_HCL_TREE_H
#define RKTC_HCL_TREE_H

#include "source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

enum hcl_kind {
    HCL_OBJECT,  /* { items } */
    HCL_LIST,    /* [ elems ] */
    HCL_NUMBER,  /* integer literal: decimal, 0x hex, 0 octal, sign */
    HCL_FLOAT,
    HCL_BOOL,
    HCL_STRING,  /* quoted string (or HCL-JSON string / null) */
    HCL_HEREDOC,
};

struct hcl_value;

struct hcl_key {
    const char *text;  /* the key as Nomad sees it (unquoted) */
    size_t len;
    struct span span;
    bool quoted;       /* written as a STRING token */
};

struct hcl_item {
    struct hcl_key *keys;
    size_t key_count;       /* >= 1 once parsed */
    struct hcl_value *value;
    bool has_assign;        /* written `key = value` (not `key {`) */
    struct span assign;     /* the `=` when has_assign */
    struct span span;       /* from first key to end of value */
};

struct hcl_object {
    struct hcl_item **items;
    size_t count;
};

struct hcl_list {
    struct hcl_value **elems;
    size_t count;
};

struct hcl_value {
    enum hcl_kind kind;
    struct span span;
    union {
        struct hcl_object object; /* HCL_OBJECT */
        struct hcl_list list;     /* HCL_LIST */
        bool boolean;             /* HCL_BOOL */
        struct {                  /* HCL_STRING, HCL_HEREDOC */
            const char *text;
            size_t len;
        } string;
        struct {                  /* HCL_NUMBER, HCL_FLOAT: raw token text */
            const char *text;
            size_t len;
        } number;
    } as;
};

enum hcl_comment_style { HCL_COMMENT_HASH, HCL_COMMENT_SLASHES, HCL_COMMENT_BLOCK };

struct hcl_comment {
    struct span span;
    enum hcl_comment_style style;
};

struct hcl_file {
    const struct source *src;
    struct hcl_value *root;   /* HCL_OBJECT; never NULL after a successful parse */
    struct hcl_comment *comments;
    size_t comment_count;
    bool is_json;             /* read as HCL-JSON */
};

/* Integer value as Go's strconv.ParseInt(text, 0, 64). Returns false and a
 * reference-style message ("strconv.ParseInt: parsing \"08\": invalid
 * syntax") in *error (arena) when it does not convert. */
bool hcl_number_int(struct arena *arena, const struct hcl_value *v,
                    int64_t *out, const char **error);

/* Go's strconv.ParseInt(text, 0, 64) / ParseFloat(text, 64) on raw text. */
bool strconv_parse_int(struct arena *arena, const char *text, size_t len,
                  int64_t *out, const char **error);
bool strconv_parse_float(struct arena *arena, const char *text, size_t len,
                    double *out, const char **error);

/* Items of obj whose first key is `key` (ASCII case-insensitively, as
 * HCL1's ObjectList.Filter compares). Returns how many; fills up to max
 * pointers into out (out may be NULL to count). */
size_t hcl_object_filter(const struct hcl_object *obj, const char *key,
                         const struct hcl_item **out, size_t max);

const char *hcl_kind_name(enum hcl_kind kind);

#endif
