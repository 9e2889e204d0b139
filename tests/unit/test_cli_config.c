/* test_cli_config.c — the configuration file read from memory
 * (config_read_source) and copied (config_copy). */
#include "cli/config.h"
#include "source.h"

#include <criterion/criterion.h>
#include <string.h>

static bool read_config(struct config *cfg, const char *text, struct diag_list *diags,
                        struct source **src) {
    *src = source_from_memory(".rktc.hcl", text, strlen(text));
    config_init(cfg);
    diag_list_init(diags);
    return config_read_source(cfg, *src, diags);
}

Test(cli_config, read_source_sets_values_with_their_line) {
    struct config cfg;
    struct diag_list diags;
    struct source *src;
    cr_assert(read_config(&cfg, "format = [\"gcc\"]\nfailure_threshold = \"error\"\n", &diags,
                          &src));
    cr_assert_eq(cfg.format_count, 1);
    cr_expect_str_eq(cfg.formats[0], "gcc");
    cr_expect_str_eq(cfg.formats_origin.where, ".rktc.hcl:1");
    cr_expect_eq(cfg.failure_threshold, SEVERITY_ERROR);
    cr_expect_null(cfg.path);
    diag_list_free(&diags);
    config_free(&cfg);
    source_free(src);
}

/* config_copy once freed the original's format origin (found by fuzz_config) */
Test(cli_config, copy_keeps_both_format_origins) {
    struct config cfg, copy;
    struct diag_list diags;
    struct source *src;
    cr_assert(read_config(&cfg, "format = [\"gcc\", \"json:r.json\"]\n", &diags, &src));
    config_copy(&copy, &cfg);
    cr_assert_eq(copy.format_count, 2);
    cr_expect_str_eq(copy.formats[1], "json:r.json");
    cr_expect_eq(copy.formats_origin.kind, ORIGIN_FILE);
    cr_expect_str_eq(copy.formats_origin.where, ".rktc.hcl:1");
    cr_expect_str_eq(cfg.formats_origin.where, ".rktc.hcl:1");
    cr_expect_neq(copy.formats_origin.where, cfg.formats_origin.where);
    config_free(&copy);
    config_free(&cfg);
    diag_list_free(&diags);
    source_free(src);
}

Test(cli_config, read_source_reports_bad_values) {
    struct config cfg;
    struct diag_list diags;
    struct source *src;
    cr_assert_not(read_config(&cfg, "rule \"NOPE999\" { severity = \"error\" }\n", &diags, &src));
    cr_assert_eq(diags.count, 1);
    cr_expect_eq(diags.items[0].rule->code, RULE_RKC005);
    diag_list_free(&diags);
    config_free(&cfg);
    source_free(src);
}
