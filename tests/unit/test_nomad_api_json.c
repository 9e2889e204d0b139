/* Unit tests of the API JSON reader: Go encoding/json field matching and
 * located driver config values. */
#include "json/json.h"
#include "nomad/api_json.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <string.h>

static const char job_text[] =
    "{\"Job\": {\"id\": \"web\", \"DATACENTERS\": [\"dc1\"], \"Bogus\": 1,\n"
    " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"rkt\",\n"
    "  \"Config\": {\"image\": \"a\", \"port\": 8080}}]}]}}";

Test(nomad_api_json, fields_match_like_encoding_json_and_config_is_located) {
    struct source *src = source_from_memory("job.json", job_text, strlen(job_text));
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    const struct json_value *root = json_parse(arena, src, &diags);
    cr_assert(nomad_is_api_json(root));
    struct nomad_job *job = nomad_decode_api_json(arena, src, root, &diags);
    cr_assert_not_null(job);
    cr_assert_str_eq(job->id.text, "web");             /* "id" matches ID */
    cr_assert_eq(job->datacenters.count, 1);          /* case-insensitive */
    cr_assert_eq(diags.count, 1);                     /* "Bogus" is ignored... */
    cr_assert_str_eq(diags.items[0].rule->id, "NMD015"); /* ...with a warning */
    const struct nomad_group *g = job->groups.items[0];
    const struct nomad_task *t = g->tasks.items[0];
    const struct gval *config = t->config.value;
    cr_assert_eq(config->kind, GVAL_MAP);
    const struct gval_entry *port = NULL;
    for (size_t i = 0; i < config->as.map.count; i++)
        if (strcmp(config->as.map.entries[i].key, "port") == 0)
            port = &config->as.map.entries[i];
    cr_assert_not_null(port);
    cr_assert_eq(port->value->kind, GVAL_FLOAT); /* interface{} numbers are float64 */
    cr_assert_not_null(port->item);
    const char *at = job_text + port->item->keys[0].span.start;
    cr_assert(strncmp(at, "\"port\"", 6) == 0);
    cr_assert(strncmp(job_text + port->value->node->span.start, "8080", 4) == 0);
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
}
