/* json.h — plain JSON reader with spans (Nomad API JSON and other inputs).
 *
 * Contract: json_parse accepts exactly what Go's encoding/json accepts
 * (RFC 8259): one value with optional whitespace (space, tab, CR, LF)
 * around it, no comments, no trailing commas, no leading zeros, no BOM.
 * Strings are decoded as Go decodes them: invalid UTF-8 bytes become U+FFFD,
 * a \u surrogate pair becomes its code point and a lone surrogate U+FFFD;
 * the text is NUL-terminated but may contain NULs (\u0000): len counts.
 * Numbers keep their raw text (conversion and range errors belong to the
 * decoder). Objects keep every member in input order, duplicates included
 * (Go decodes them in order, so the last one wins; json_object_get does
 * the same). Every node has its span (strings and keys include quotes).
 * On a syntax error returns NULL after adding one located HCL001
 * diagnostic with a plain message and, as a note, the text Go's
 * encoding/json gives; nesting deeper than HCL_MAX_DEPTH is an HCL003
 * error. No recursion; the tree lives in the arena; never prints. */
#ifndef RKTC_JSON_JSON_H
#define RKTC_JSON_JSON_H

#include "diag/diag.h"
#include "source.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

enum json_kind {
    JSON_NULL,
    JSON_BOOL,
    JSON_NUMBER,
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT,
};

struct json_value;

struct json_member {
    const char *key; /* decoded like a string value */
    size_t key_len;
    struct span key_span;
    struct json_value *value;
};

struct json_value {
    enum json_kind kind;
    struct span span;
    union {
        bool boolean; /* JSON_BOOL */
        struct {      /* JSON_NUMBER: raw text, e.g. "-1.5e3" */
            const char *text;
            size_t len;
        } number;
        struct { /* JSON_STRING: decoded, valid UTF-8 */
            const char *text;
            size_t len;
        } string;
        struct { /* JSON_ARRAY */
            struct json_value **elems;
            size_t count;
        } array;
        struct { /* JSON_OBJECT, members in input order */
            struct json_member *members;
            size_t count;
        } object;
    } as;
};

struct json_value *json_parse(struct arena *arena, const struct source *src,
                              struct diag_list *diags);
/* Same on bytes inside src: [start, end) (e.g. an embedded document);
 * spans stay offsets in src. */
struct json_value *json_parse_range(struct arena *arena, const struct source *src,
                                    size_t start, size_t end, struct diag_list *diags);

/* The value of the last member whose key is exactly key (NULL when none or
 * obj is not an object). */
const struct json_member *json_object_member(const struct json_value *obj, const char *key);
const struct json_value *json_object_get(const struct json_value *obj, const char *key);
/* How encoding/json finds the member for a struct field named `field`: the
 * last member whose key equals it exactly or case-insensitively (Unicode
 * simple folding for ASCII field names: also U+212A KELVIN SIGN = k and
 * U+017F LONG S = s). Go gives a key that exactly names another field to
 * that field; callers whose fields differ only in case must check exact
 * names first. */
const struct json_member *json_object_member_fold(const struct json_value *obj,
                                                  const char *field);
const struct json_value *json_object_get_fold(const struct json_value *obj, const char *field);

/* "null", "bool", "number", "string", "array", "object" */
const char *json_kind_name(enum json_kind kind);
/* True when v is a string equal to text. */
bool json_string_is(const struct json_value *v, const char *text);

#endif
