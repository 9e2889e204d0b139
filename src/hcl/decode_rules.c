/* decode_rules.c — HCL1's decode rules for `interface{}` targets (see
 * decode_rules.h): decoder.go's decodeInterface, the scalar decoders,
 * decodeSlice's element walk and decodeMap's field loop with
 * ObjectList.Filter, with the reference's error texts. */
#include "hcl/decode_rules.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/str_index.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void path_append(struct buf *b, const struct path *p) {
    if (p->parent)
        path_append(b, p->parent);
    if (!p->key)
        buf_printf(b, "[%zu]", p->index);
    else if (p->parent)
        buf_printf(b, ".%.*s", (int)p->key_len, p->key);
    else
        buf_add(b, p->key, p->key_len);
}

static const char *path_string(struct decoder *d, const struct path *p) {
    struct buf b;
    buf_init(&b);
    path_append(&b, p);
    const char *s = arena_strndup(d->arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

static const char *go_type(const struct node *n) {
    switch (n->type) {
    case N_LIST_OF_ITEMS: return "*ast.ObjectList";
    case N_OBJECT: return "*ast.ObjectType";
    case N_LIST: return "*ast.ListType";
    case N_LITERAL: return "*ast.LiteralType";
    case N_ITEM: return "*ast.ObjectItem";
    }
    return "?";
}

static struct item_view item_at(const struct node *n, size_t i) {
    if (n->plain) {
        struct item_view v = {n->plain[i], 0};
        return v;
    }
    return n->items[i];
}

static size_t view_keys(const struct item_view *v) { return v->item->key_count - v->key_off; }

/* Where HCL1 would point (node.Pos()); for items without keys it has no
 * position, and we point at the item itself. */
static struct span node_span(const struct node *n) {
    switch (n->type) {
    case N_LIST_OF_ITEMS:
        return n->count ? hcl_item_span(item_at(n, 0).item) : span_make(0, 0);
    case N_ITEM:
        return hcl_item_span(n->item.item);
    default:
        return n->value->span;
    }
}

static bool fail(struct decoder *d, const struct node *n, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(struct decoder *d, const struct node *n, const char *format, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(msg, sizeof msg, format, ap);
    va_end(ap);
    diag_add(d->diags, RULE_HCL002, d->src, node_span(n), "%s", msg);
    return false;
}

struct node rules_value_node(const struct hcl_value *v) {
    struct node n = {0};
    n.value = v;
    n.type = v->kind == HCL_OBJECT ? N_OBJECT : v->kind == HCL_LIST ? N_LIST : N_LITERAL;
    return n;
}

struct node rules_object_items(const struct hcl_object *obj) {
    struct node n = {0};
    n.type = N_LIST_OF_ITEMS;
    n.count = obj->count;
    n.plain = obj->items;
    return n;
}

bool rules_cannot_fail(const struct decoder *d, const struct node *n, bool as_map) {
    size_t safe;
    switch (n->type) {
    case N_OBJECT:
        safe = n->value->decode_safe;
        break;
    case N_LIST:
        safe = as_map ? 0 : n->value->decode_safe;
        break;
    case N_ITEM: {
        size_t labels = view_keys(&n->item);
        const struct hcl_value *v = n->item.item->value;
        safe = as_map && labels >= 1 && v && v->decode_safe ? v->decode_safe + labels : 0;
        break;
    }
    default:
        safe = 0;
        break;
    }
    /* a level pushes at most two kinds */
    return safe && d->depth + 2 * safe + 4 <= sizeof d->stack / sizeof d->stack[0];
}

bool rules_push(struct decoder *d, const struct node *n, enum go_kind k) {
    if (d->depth == sizeof d->stack / sizeof d->stack[0])
        return fail(d, n, "values nested too deeply");
    d->stack[d->depth++] = k;
    return true;
}

enum go_kind rules_kind_of(enum gval_kind kind) {
    switch (kind) {
    case GVAL_MAP: return K_MAP;
    case GVAL_MAP_LIST:
    case GVAL_LIST: return K_SLICE;
    case GVAL_INT: return K_INT;
    case GVAL_FLOAT: return K_FLOAT;
    case GVAL_BOOL: return K_BOOL;
    case GVAL_STRING: return K_STRING;
    }
    return K_INTERFACE;
}

static const char *node_words(const struct node *n) {
    switch (n->type) {
    case N_LITERAL: return hcl_kind_name(n->value->kind);
    case N_LIST: return "list";
    default: return "block";
    }
}

static bool literal_is(const struct node *n, enum hcl_kind k) {
    return n->type == N_LITERAL && n->value->kind == k;
}

/* a value in an interface is replaced, as reflect's Set does */
static void set_scalar(struct gval *out, enum gval_kind kind, const struct node *n) {
    memset(out, 0, sizeof *out);
    out->kind = kind;
    out->node = n->value;
}

static bool decode_bool(struct decoder *d, const struct path *name, const struct node *n,
                        struct gval *out) {
    if (literal_is(n, HCL_BOOL)) {
        set_scalar(out, GVAL_BOOL, n);
        out->as.boolean = n->value->as.boolean;
        return true;
    }
    return fail(d, n, "%s: expected a boolean here, not a %s (HCL1: unknown type %s)",
                path_string(d, name), node_words(n), go_type(n));
}

static bool decode_float(struct decoder *d, const struct path *name, const struct node *n,
                         struct gval *out) {
    if (literal_is(n, HCL_FLOAT) || literal_is(n, HCL_NUMBER)) {
        double v;
        const char *err;
        if (!strconv_parse_float(d->arena, n->value->as.number.text, n->value->as.number.len, &v, &err))
            return fail(d, n, "invalid number `%s` (%s)", n->value->as.number.text, err);
        set_scalar(out, GVAL_FLOAT, n);
        out->as.number = v;
        return true;
    }
    return fail(d, n, "%s: expected a number here, not a %s (HCL1: unknown type %s)",
                path_string(d, name), node_words(n), go_type(n));
}

static bool decode_int(struct decoder *d, const struct path *name, const struct node *n,
                       struct gval *out) {
    const char *text = NULL;
    size_t len = 0;
    if (literal_is(n, HCL_NUMBER)) {
        text = n->value->as.number.text, len = n->value->as.number.len;
    } else if (literal_is(n, HCL_STRING)) {
        text = n->value->as.string.text, len = n->value->as.string.len;
    } else {
        return fail(d, n, "%s: expected an integer here, not a %s (HCL1: unknown type %s)",
                    path_string(d, name), node_words(n), go_type(n));
    }
    int64_t v;
    const char *err;
    if (!strconv_parse_int(d->arena, text, len, &v, &err)) {
        if (literal_is(n, HCL_NUMBER) && len >= 2 && text[text[0] == '-'] == '0')
            return fail(d, n, "invalid number `%.*s`: a leading 0 makes it octal (%s)",
                        (int)len, text, err);
        if (literal_is(n, HCL_STRING))
            return fail(d, n, "%s: this value repeats an earlier integer value, and `%.*s` is "
                        "not an integer (%s)", path_string(d, name), (int)len, text, err);
        return fail(d, n, "invalid number `%.*s` (%s)", (int)len, text, err);
    }
    set_scalar(out, GVAL_INT, n);
    out->as.integer = v;
    return true;
}

static bool decode_string(struct decoder *d, const struct path *name, const struct node *n,
                          struct gval *out) {
    if (literal_is(n, HCL_NUMBER)) {
        set_scalar(out, GVAL_STRING, n);
        out->as.string.text = n->value->as.number.text;
        out->as.string.len = n->value->as.number.len;
        return true;
    }
    if (literal_is(n, HCL_STRING) || literal_is(n, HCL_HEREDOC)) {
        set_scalar(out, GVAL_STRING, n);
        out->as.string.text = n->value->as.string.text;
        out->as.string.len = n->value->as.string.len;
        return true;
    }
    return fail(d, n, "%s: this value repeats an earlier string value and must be a string "
                "too, not a %s (HCL1: unknown type for string %s)",
                path_string(d, name), node_words(n), go_type(n));
}

bool rules_scalar(struct decoder *d, const struct path *name, const struct node *n,
                  enum go_kind k, struct gval *out) {
    switch (k) {
    case K_BOOL: return decode_bool(d, name, n, out);
    case K_FLOAT: return decode_float(d, name, n, out);
    case K_INT: return decode_int(d, name, n, out);
    default: return decode_string(d, name, n, out);
    }
}

bool rules_interface_kind(struct decoder *d, const struct path *name, const struct node *n,
                          enum gval_kind *kind) {
    bool top_is_slice = d->depth == 0 || d->stack[d->depth - 1] == K_SLICE;
    switch (n->type) {
    case N_OBJECT:
    case N_LIST_OF_ITEMS:
        *kind = top_is_slice ? GVAL_MAP : GVAL_MAP_LIST;
        return true;
    case N_LIST:
        *kind = GVAL_LIST;
        return true;
    case N_LITERAL:
        switch (n->value->kind) {
        case HCL_BOOL: *kind = GVAL_BOOL; break;
        case HCL_FLOAT: *kind = GVAL_FLOAT; break;
        case HCL_NUMBER: *kind = GVAL_INT; break;
        default: *kind = GVAL_STRING; break;
        }
        return true;
    default:
        return fail(d, n, "%s: a labelled block where a plain value was given before "
                    "(HCL1: cannot decode into interface: %s)", path_string(d, name), go_type(n));
    }
}

bool rules_slice_count(struct decoder *d, const struct path *name, const struct node *n,
                       size_t *count) {
    switch (n->type) {
    case N_LIST_OF_ITEMS: *count = n->count; return true;
    case N_OBJECT: *count = 1; return true;
    case N_LIST: *count = n->value->as.list.count; return true;
    default:
        return fail(d, n, "%s: a plain value where a block or list was given before "
                    "(HCL1: unknown slice type: %s)", path_string(d, name), go_type(n));
    }
}

struct node rules_slice_elem(const struct node *n, size_t i) {
    struct node item = {0};
    if (n->type == N_LIST_OF_ITEMS) {
        item.type = N_ITEM;
        item.item = item_at(n, i);
    } else if (n->type == N_OBJECT) {
        item = *n;
    } else {
        item = rules_value_node(n->value->as.list.elems[i]);
    }
    return item;
}

/* ObjectList.Filter(key) for every key of a list at once: the items whose
 * next key equals key (ASCII case folded, as HCL1 compares), with that key
 * stripped, in list order. Built once per list, so a block of n labelled
 * items is filtered in O(n) rather than n scans of the whole list. */
struct filter_groups {
    struct str_index by_key;   /* folded key -> group */
    size_t *first, *count;     /* each group's run in views */
    struct item_view *views;
};

static char *fold_key(struct arena *scratch, const char *key, size_t len) {
    char *f = arena_strndup(scratch, key, len);
    for (size_t i = 0; i < len; i++)
        if (f[i] >= 'A' && f[i] <= 'Z')
            f[i] = (char)(f[i] + 32);
    return f;
}

static struct filter_groups *filter_groups(struct arena *scratch, const struct node *list) {
    struct filter_groups *g = arena_alloc(scratch, sizeof *g);
    size_t *group_of = arena_array(scratch, list->count, sizeof *group_of);
    g->count = arena_array(scratch, list->count, sizeof *g->count);
    g->first = arena_array(scratch, list->count, sizeof *g->first);
    size_t groups = 0, members = 0;
    for (size_t i = 0; i < list->count; i++) {
        struct item_view v = item_at(list, i);
        if (view_keys(&v) < 1)
            continue;
        const struct hcl_key *k = &v.item->keys[v.key_off];
        char *folded = fold_key(scratch, k->text, k->len);
        size_t at;
        if (!str_index_get(&g->by_key, folded, k->len, &at)) {
            at = groups++;
            str_index_put(scratch, &g->by_key, folded, k->len, at);
        }
        group_of[i] = at;
        g->count[at]++;
        members++;
    }
    g->views = arena_array(scratch, members, sizeof *g->views);
    for (size_t at = 0, next = 0; at < groups; at++) {
        g->first[at] = next;
        next += g->count[at];
        g->count[at] = 0;
    }
    for (size_t i = 0; i < list->count; i++) {
        struct item_view v = item_at(list, i);
        if (view_keys(&v) < 1)
            continue;
        size_t at = group_of[i];
        struct item_view *out = &g->views[g->first[at] + g->count[at]++];
        out->item = v.item;
        out->key_off = v.key_off + 1;
    }
    return g;
}

static struct node filter(struct arena *scratch, const struct filter_groups *g, const char *key,
                          size_t key_len) {
    struct node out = {0};
    out.type = N_LIST_OF_ITEMS;
    size_t at;
    if (str_index_get(&g->by_key, fold_key(scratch, key, key_len), key_len, &at)) {
        out.items = &g->views[g->first[at]];
        out.count = g->count[at];
    }
    return out;
}

static bool key_matches(const struct hcl_key *k, const char *key, size_t key_len) {
    return hcl_key_equal_fold(k->text, k->len, key, key_len);
}

/* Filter by a scan, for short lists (the common case: a block body of a
 * few attributes), where building the groups would cost more memory than
 * the scans cost time; the views are allocated at their exact count. */
static struct node filter_scan(struct arena *scratch, const struct node *list, const char *key,
                               size_t key_len) {
    struct node out = {0};
    out.type = N_LIST_OF_ITEMS;
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++) {
        struct item_view v = item_at(list, i);
        n += view_keys(&v) >= 1 && key_matches(&v.item->keys[v.key_off], key, key_len);
    }
    if (!n)
        return out;
    out.items = arena_array(scratch, n, sizeof *out.items);
    for (size_t i = 0; i < list->count; i++) {
        struct item_view v = item_at(list, i);
        if (view_keys(&v) < 1 || !key_matches(&v.item->keys[v.key_off], key, key_len))
            continue;
        out.items[out.count].item = v.item;
        out.items[out.count].key_off = v.key_off + 1;
        out.count++;
    }
    return out;
}

/* from this many items on, a list's Filter groups and merged keys are hashed */
#define FILTER_INDEX_MIN 16

static bool key_done(const struct hcl_key *const *done, size_t count, const struct hcl_key *key) {
    for (size_t j = 0; j < count; j++)
        if (done[j]->len == key->len && memcmp(done[j]->text, key->text, key->len) == 0)
            return true;
    return false;
}

size_t rules_map_size(const struct node *node) {
    switch (node->type) {
    case N_ITEM: return 1;
    case N_OBJECT: return node->value->as.object.count;
    case N_LIST_OF_ITEMS: return node->count;
    default: return 0;
    }
}

bool rules_map_fields(struct decoder *d, struct arena *scratch, const struct path *name,
                      const struct node *node, rules_field_fn fn, void *ctx) {
    struct node list = {0};
    struct item_view single;
    if (node->type == N_ITEM) {
        list.type = N_LIST_OF_ITEMS;
        single = node->item;
        list.items = &single;
        list.count = 1;
    } else if (node->type == N_OBJECT) {
        list = rules_object_items(&node->value->as.object);
    } else if (node->type == N_LIST_OF_ITEMS) {
        list = *node;
    } else {
        return fail(d, node, "%s: expected a block here, not a %s (HCL1: not an object type "
                    "for map (%s))", path_string(d, name),
                    node->type == N_LIST ? "list" : hcl_kind_name(node->value->kind),
                    go_type(node));
    }
    if (!list.plain && !list.items)
        return true; /* no items (an empty body) */
    /* keys already merged through Filter (compared exactly, as HCL1 does),
     * and the Filter of every key, built when the first labelled item comes */
    struct str_index done = {0};
    struct filter_groups *groups = NULL;
    bool hashed = list.count >= FILTER_INDEX_MIN;
    const struct hcl_key *done_small[FILTER_INDEX_MIN];
    size_t done_small_count = 0;
    for (size_t i = 0; i < list.count; i++) {
        struct item_view view = item_at(&list, i);
        const struct item_view *v = &view;
        if (!v->item->value)
            continue;
        if (view_keys(v) == 0) {
            struct node at = {0};
            at.type = N_ITEM;
            at.item = *v;
            return fail(d, &at, "%s: a block without labels where blocks of the same kind "
                        "have labels (HCL1: map must have string keys)", path_string(d, name));
        }
        const struct hcl_key *key = &v->item->keys[v->key_off];
        size_t seen;
        if (hashed ? str_index_get(&done, key->text, key->len, &seen)
                   : key_done(done_small, done_small_count, key))
            continue;
        struct node value;
        if (view_keys(v) > 1) {
            if (hashed) {
                if (!groups)
                    groups = filter_groups(scratch, &list);
                value = filter(scratch, groups, key->text, key->len);
                str_index_put(scratch, &done, key->text, key->len, 0);
            } else {
                value = filter_scan(scratch, &list, key->text, key->len);
                done_small[done_small_count++] = key;
            }
        } else {
            value = rules_value_node(v->item->value);
        }
        struct path field = {name, key->text, key->len, 0};
        if (!fn(d, ctx, &field, v->item, &value))
            return false;
    }
    return true;
}
