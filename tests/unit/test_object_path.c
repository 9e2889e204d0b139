/* Tests for src/cli/object_path.c: enclosing block labels by offset. */
#include "cli/object_path.h"
#include "hcl/parse.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static char *path_at(const char *text, const char *needle) {
    struct arena *arena = arena_new();
    struct source *src = source_from_memory("o.nomad", text, strlen(text));
    struct diag_list diags;
    diag_list_init(&diags);
    struct hcl_file *file = hcl_parse(arena, src, &diags);
    cr_assert_not_null(file);
    char *path = object_path(file, (uint32_t)(strstr(text, needle) - text));
    diag_list_free(&diags);
    source_free(src);
    arena_free(arena);
    return path;
}

static const char job[] =
    "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"api\" {\n"
    "    task \"app\" {\n      config { image = \"x\" }\n    }\n  }\n}\n"
    "variable \"a\" \"b\" { default = 1 }\nplain = 2\n";

Test(object_path, nested_labels_outermost_first) {
    char *p = path_at(job, "image");
    cr_assert_str_eq(p, "web/api/app");
    free(p);
    p = path_at(job, "datacenters");
    cr_assert_str_eq(p, "web");
    free(p);
}

Test(object_path, several_labels_and_none) {
    char *p = path_at(job, "default");
    cr_assert_str_eq(p, "a/b");
    free(p);
    cr_assert_null(path_at(job, "plain"));
    cr_assert_null(object_path(NULL, 0));
}

Test(object_path, json_files_too) {
    char *p = path_at("{\"job\": {\"web\": {\"datacenters\": [\"dc1\"], "
                      "\"group\": {\"api\": {\"count\": 1}}}}}", "count");
    cr_assert_str_eq(p, "web/api");
    free(p);
    /* a body of objects only is merged into its children (HCL004): the
     * path shows what HCL1 reads */
    p = path_at("{\"job\": {\"web\": {\"group\": {\"api\": {\"count\": 1}}}}}", "count");
    cr_assert_str_eq(p, "web/group/api");
    free(p);
}
