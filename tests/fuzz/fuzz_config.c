/* fuzz_config.c — libFuzzer harness for the configuration file reader
 * (.rktc.hcl, --config FILE): bytes through config_read_source (the HCL
 * front end and the config reader, as config_read_file runs them after
 * loading), then what check does with the result: the settings copied,
 * printed (--print-config), applied to findings, and the exclude globs
 * matched against a path. */
#include "cli/config.h"
#include "diag/diag.h"
#include "source.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    sink = fopen("/dev/null", "w");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 16)
        return 0;
    struct source *src = source_from_memory(".rktc.hcl", (const char *)data, size);
    struct config cfg;
    config_init(&cfg);
    struct diag_list diags;
    diag_list_init(&diags);
    bool ok = config_read_source(&cfg, src, &diags);
    for (size_t i = 0; i < diags.count; i++) {
        (void)source_position(src, diags.items[i].span.start);
        (void)source_position(src, diags.items[i].span.end);
    }
    if (ok) {
        struct config copy;
        config_copy(&copy, &cfg);
        if (sink)
            config_print(&copy, sink);
        struct diag_list findings;
        diag_list_init(&findings);
        size_t count;
        const struct rule *table = rule_table(&count);
        for (size_t i = 0; i < count; i++)
            if (!config_rule_disabled(&copy, &table[i]))
                diag_add(&findings, table[i].code, src, span_make(0, 0), "finding");
        config_apply_severities(&copy, &findings);
        diag_list_free(&findings);
        (void)config_excludes(&copy, "jobs/web/nested/dir/service-aaaaaaaaaaaaaaaa.nomad");
        config_free(&copy);
    }
    diag_list_free(&diags);
    config_free(&cfg);
    source_free(src);
    return 0;
}
