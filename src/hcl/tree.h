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
#include "util/arena.h"

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

/* Sizes: a large file has millions of nodes, so they are small. Lengths
 * and counts are 32-bit (inputs are < 4 GiB); a key is 24 bytes, an item
 * 16 before its keys, which it holds (its span and the `=` are derived from
 * what it holds), and a value 24:
 * the payload of a value is a byte-aligned union of 12 bytes, its kind one
 * byte after it. The payload structs are `packed` (a GCC/Clang attribute)
 * for that; they are read and written like any struct. */
struct hcl_key {
    const char *text;  /* the key as Nomad sees it (unquoted) */
    uint32_t len;
    bool quoted;       /* written as a STRING token */
    struct span span;
};

struct hcl_item {
    struct hcl_value *value;
    uint32_t key_count : 31; /* >= 1 once parsed */
    uint32_t has_assign : 1; /* written `key = value` (not `key {`) */
    uint32_t assign_at;      /* offset of the `=` (`:` in JSON) when has_assign */
    struct hcl_key keys[];   /* key_count keys, in the item's own block */
};

#define HCL_PACKED __attribute__((packed))

struct HCL_PACKED hcl_object {
    struct hcl_item **items;
    uint32_t count;
};

struct HCL_PACKED hcl_list {
    struct hcl_value **elems;
    uint32_t count;
};

struct HCL_PACKED hcl_text {
    const char *text;
    uint32_t len;
};

struct hcl_value {
    struct span span;
    union {
        struct hcl_object object; /* HCL_OBJECT */
        struct hcl_list list;     /* HCL_LIST */
        bool boolean;             /* HCL_BOOL */
        struct hcl_text string;   /* HCL_STRING, HCL_HEREDOC */
        struct hcl_text number;   /* HCL_NUMBER, HCL_FLOAT: raw token text */
    } as;
    enum hcl_kind kind : 8;
    /* Set by the native parser (0 elsewhere: unknown): 1 + how many levels
     * (objects, labels, lists) nest below this value, when its generic
     * decode into a fresh slot cannot fail: no two items of any object in
     * it share a first key (compared without case, as HCL1's Filter
     * does) and every number in it converts, and no object in it has
     * more than HCL_SAFE_MAX_ITEMS items. 0 when not so, or deeper than
     * 255 levels. */
    uint8_t decode_safe;
    /* Set by the native parser (false elsewhere: unknown): no string or
     * heredoc value in this value holds "${" once unquoted. */
    bool placeholder_free;
};

/* decode_safe objects have at most this many items (checking larger ones
 * for repeated keys would cost more than it saves) */
#define HCL_SAFE_MAX_ITEMS 16

_Static_assert(sizeof(struct hcl_value) == 24, "a value is 24 bytes");
_Static_assert(sizeof(struct hcl_item) == 16, "an item is 16 bytes before its keys");
_Static_assert(sizeof(struct hcl_key) == 24, "a key is 24 bytes");

/* A zeroed item with room for key_count keys, in the arena. */
static inline struct hcl_item *hcl_item_new(struct arena *arena, size_t key_count) {
    return arena_alloc(arena, sizeof(struct hcl_item) + key_count * sizeof(struct hcl_key));
}

/* An item's span: from its first key to the end of its value (to the end
 * of its last key when it has no value). */
static inline struct span hcl_item_span(const struct hcl_item *it) {
    struct span s = {0, 0};
    if (it->key_count)
        s = span_make(it->keys[0].span.start, it->keys[it->key_count - 1].span.end);
    else if (it->value)
        s.start = it->value->span.start;
    if (it->value)
        s.end = it->value->span.end;
    return s;
}

/* Asks the processor to bring the tree under v into its cache ahead of a
 * walk (a hint: nothing is read, and a hint never faults). The native
 * parser lays out an object or list value, everything inside it, then its
 * item or element array in one block of the arena, in that order (hcl.y);
 * a block of up to HCL_PREFETCH_MAX bytes is fetched whole. Otherwise (a
 * larger block, one split across arena chunks, a tree read from HCL-JSON)
 * the value and the start of its array are.
 *
 * Always inlined: GCC judges a function that only reads memory and
 * prefetches to have no effect, and deletes the calls to it. */
#define HCL_PREFETCH_MAX 4096
#define HCL_PREFETCH_LINE 64

__attribute__((always_inline)) static inline void hcl_value_prefetch(const struct hcl_value *v) {
    const char *lo = (const char *)v, *array = NULL, *hi = NULL;
    if (v->kind == HCL_OBJECT && v->as.object.count) {
        array = (const char *)v->as.object.items;
        hi = (const char *)(v->as.object.items + v->as.object.count);
    } else if (v->kind == HCL_LIST && v->as.list.count) {
        array = (const char *)v->as.list.elems;
        hi = (const char *)(v->as.list.elems + v->as.list.count);
    }
    __builtin_prefetch(lo);
    if (!array)
        return;
    if (array > lo && hi - lo <= HCL_PREFETCH_MAX) {
        for (const char *p = lo + HCL_PREFETCH_LINE; p < hi; p += HCL_PREFETCH_LINE)
            __builtin_prefetch(p);
        __builtin_prefetch(hi - 1);
        return;
    }
    for (const char *p = array; p < hi && p - array < HCL_PREFETCH_MAX / 4; p += HCL_PREFETCH_LINE)
        __builtin_prefetch(p);
}

/* The span of an item's `=` (`:` in JSON); only when it->has_assign. */
static inline struct span hcl_item_assign(const struct hcl_item *it) {
    struct span s = {it->assign_at, it->assign_at + 1};
    return s;
}

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

/* Whether two keys are equal ignoring ASCII case, as HCL1's
 * ObjectList.Filter compares them. */
bool hcl_key_equal_fold(const char *a, size_t alen, const char *b, size_t blen);

/* Items of obj whose first key is `key` (ASCII case-insensitively, as
 * HCL1's ObjectList.Filter compares). Returns how many; fills up to max
 * pointers into out (out may be NULL to count). */
size_t hcl_object_filter(const struct hcl_object *obj, const char *key,
                         const struct hcl_item **out, size_t max);

const char *hcl_kind_name(enum hcl_kind kind);

#endif
