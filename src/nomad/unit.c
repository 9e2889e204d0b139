/* unit.c — the front end (see unit.h). */
#include "nomad/unit.h"

#include "hcl/parse.h"
#include "nomad/api_json.h"
#include "nomad/decode.h"
#include "nomad/kind.h"
#include "nomad/validate.h"
#include "util/arena.h"

#include <string.h>

/* The API JSON document when the bytes are one, else NULL. JSON syntax
 * errors are not reported here: such bytes are read as HCL-JSON, whose
 * reader words the error as HCL1 does. */
static const struct json_value *api_document(struct unit *u) {
    struct diag_list quiet;
    diag_list_init(&quiet);
    const struct json_value *root = json_parse(u->arena, u->src, &quiet);
    diag_list_free(&quiet);
    return root && nomad_is_api_json(root) ? root : NULL;
}

static bool error_since(const struct diag_list *diags, size_t from) {
    for (size_t i = from; i < diags->count; i++)
        if (diags->items[i].severity == SEVERITY_ERROR)
            return true;
    return false;
}

static void load_hcl(struct unit *u, const struct unit_options *options) {
    size_t first = u->diags.count;
    /* Nomad's stanzas that take a label, for the generic parser's warning on
     * an HCL-JSON body HCL1 merges into its members by mistake */
    static const char *const labelled[] = {"job",    "group",  "task",   "port",
                                           "volume", "device", "region", NULL};
    static const struct hcl_parse_options parse_options = {.labelled_blocks = labelled};
    struct hcl_file *tree = hcl_parse_with(u->arena, u->src, &parse_options, &u->diags);
    u->tree = tree;
    /* --- not a job file (kind.h): one finding, and no job to load --- */
    if (options->stage >= UNIT_JOB && !options->as_hcl && !options->nomad_exact) {
        bool parsed = tree && !error_since(&u->diags, first);
        struct nomad_input_class c = nomad_input_classify(u->src, parsed ? tree : NULL);
        if (nomad_input_report(u->src, &c, first, &u->diags)) {
            u->not_job = true;
            u->unreadable = !parsed;
            return;
        }
    }
    /* --- */
    if (!tree || error_since(&u->diags, first)) {
        u->unreadable = true;
        return;
    }
    if (options->generic)
        u->generic = hcl_decode_generic(u->arena, tree, &u->diags);
    if (options->stage >= UNIT_JOB)
        u->job = options->lean ? nomad_decode_hcl_lean(u->arena, tree, &u->diags)
                               : nomad_decode_hcl(u->arena, tree, &u->diags);
}

void unit_load(struct unit *u, const struct source *src, const struct unit_options *options) {
    memset(u, 0, sizeof *u);
    u->src = src;
    u->owns_arena = options->arena == NULL;
    u->arena = u->owns_arena ? arena_new() : options->arena;
    diag_list_init(&u->diags);
    bool json = hcl_is_json(src->text, src->len);
    u->form = json ? UNIT_FORM_HCL_JSON : UNIT_FORM_HCL;
    if (json && !options->as_hcl && (u->json = api_document(u)) != NULL) {
        u->form = UNIT_FORM_API_JSON;
        if (options->stage >= UNIT_JOB)
            u->job = nomad_decode_api_json(u->arena, src, u->json, &u->diags);
    } else {
        load_hcl(u, options);
    }
    if (u->job && options->stage >= UNIT_VALID) { /* a rejected job never starts */
        /* validation keeps nothing but its findings */
        struct arena *scratch = arena_new();
        nomad_validate(scratch, src, u->job, &u->diags);
        arena_free(scratch);
    }
}

void unit_free(struct unit *u) {
    diag_list_free(&u->diags);
    if (u->owns_arena)
        arena_free(u->arena);
    memset(u, 0, sizeof *u);
}

