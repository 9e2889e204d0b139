/* test_migrate.c — the migration table and the inventory of a job. */
#include "diag/diag.h"
#include "migrate/audit_render.h"
#include "migrate/inventory.h"
#include "migrate/job_input.h"
#include "migrate/mapping.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <string.h>

Test(migrate_mapping, every_case_is_complete_and_unique) {
    size_t n;
    const struct mig_case *cases = mig_cases(&n);
    cr_assert_gt(n, 40);
    for (size_t i = 0; i < n; i++) {
        cr_assert(cases[i].id && *cases[i].id);
        cr_assert(cases[i].subject && *cases[i].subject, "%s", cases[i].id);
        cr_assert(cases[i].when && *cases[i].when, "%s", cases[i].id);
        for (int d = 0; d < MIG_DEST_COUNT; d++)
            cr_assert(cases[i].fate[d].how && strlen(cases[i].fate[d].how) > 8, "%s/%d",
                      cases[i].id, d);
        for (size_t k = i + 1; k < n; k++)
            cr_assert_str_neq(cases[i].id, cases[k].id);
        cr_assert_eq(mig_case_find(cases[i].id), &cases[i]);
    }
    cr_assert_null(mig_case_find("no-such-case"));
}

Test(migrate_mapping, verdict_rules_exist) {
    cr_assert_null(mig_verdict_rule(MIG_SAME));
    cr_assert_str_eq(mig_verdict_rule(MIG_CHANGED)->id, "MIG002");
    cr_assert_str_eq(mig_verdict_rule(MIG_DROP)->id, "MIG003");
    cr_assert_str_eq(mig_verdict_rule(MIG_BLOCKER)->id, "MIG001");
}

Test(migrate_mapping, spec_facts) {
    /* targets.md §4.5: ACI images have no docker/podman equivalent */
    const struct mig_case *aci = mig_case_find("image.aci-url");
    cr_assert_eq(aci->fate[MIG_DOCKER].verdict, MIG_BLOCKER);
    cr_assert_eq(aci->fate[MIG_PODMAN].verdict, MIG_BLOCKER);
    cr_assert_eq(aci->fate[MIG_SYSTEMD].verdict, MIG_SAME);
    cr_assert_eq(mig_case_find("dns_servers.ips")->fate[MIG_DOCKER].verdict, MIG_SAME);
    cr_assert_eq(mig_case_find("dns_servers.ips")->fate[MIG_PODMAN].verdict, MIG_BLOCKER);
    cr_assert_eq(mig_case_find("trust_prefix")->fate[MIG_DOCKER].verdict, MIG_DROP);
    cr_assert_eq(mig_case_find("volume_mount")->fate[MIG_PODMAN].verdict, MIG_BLOCKER);
}

static const char JOB[] =
    "job \"j\" {\n"
    "  datacenters = [\"dc1\"]\n"
    "  group \"g\" {\n"
    "    task \"aci\" {\n"
    "      driver = \"rkt\"\n"
    "      config {\n"
    "        image = \"https://example.com/app-1.0.aci\"\n"
    "        port_map { http = \"http\" }\n"
    "        insecure_options = [\"image\", \"all-run\"]\n"
    "        group = \"staff\"\n"
    "      }\n"
    "      resources { network { port \"http\" {} } }\n"
    "    }\n"
    "    task \"redis\" {\n"
    "      driver = \"rkt\"\n"
    "      user = \"redis\"\n"
    "      config {\n"
    "        image = \"docker://redis:3.2\"\n"
    "        port_map { db = \"6379-tcp\" }\n"
    "        volumes = [\"/srv:/data:readOnly\", \"rel:/x\"]\n"
    "        group = \"staff\"\n"
    "        debug = true\n"
    "        net = [\"host\"]\n"
    "        dns_servers = [\"none\"]\n"
    "      }\n"
    "    }\n"
    "    task \"other\" {\n"
    "      driver = \"exec\"\n"
    "    }\n"
    "  }\n"
    "}\n";

static bool uses(const struct mig_task *t, const char *id, const char *option) {
    for (size_t i = 0; i < t->use_count; i++)
        if (strcmp(t->uses[i].c->id, id) == 0 && (!option || strcmp(t->uses[i].option, option) == 0))
            return true;
    return false;
}

Test(migrate_inventory, classifies_each_use) {
    struct source *src = source_from_memory("job.nomad", JOB, sizeof JOB - 1);
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    struct job_input in;
    job_input_read(arena, src, &in, &diags);
    cr_assert_not_null(in.job);
    struct mig_job *job = mig_inventory(arena, &in);
    cr_assert_eq(job->rkt_task_count, 2);
    cr_assert_eq(job->groups[0].task_count, 3);
    const struct mig_task *aci = &job->groups[0].tasks[0];
    cr_assert(uses(aci, "image.aci-url", "image"));
    cr_assert(uses(aci, "port_map.appc-name", "port_map.http"));
    cr_assert(uses(aci, "insecure_options.fetch", NULL));
    cr_assert(uses(aci, "insecure_options.all-run", NULL));
    cr_assert(uses(aci, "group.without-user", NULL));
    cr_assert(!uses(aci, "env.nomad_port", NULL)); /* an appc name gets no number */
    cr_assert(uses(aci, "net.default", NULL));
    cr_assert_eq(aci->verdict[MIG_DOCKER], MIG_BLOCKER);
    cr_assert_str_eq(audit_task_verdict(aci->verdict[MIG_SYSTEMD]), "same");
    const struct mig_task *redis = &job->groups[0].tasks[1];
    cr_assert(uses(redis, "image.docker", NULL));
    cr_assert(!uses(redis, "image.docker-latest", NULL));
    cr_assert(uses(redis, "volumes.readonly", "volumes[0]"));
    cr_assert(uses(redis, "volumes.relative", "volumes[1]"));
    cr_assert(uses(redis, "group.with-user", NULL));
    cr_assert(uses(redis, "debug", NULL));
    cr_assert(uses(redis, "net.host", NULL));
    cr_assert(uses(redis, "dns_servers.none", NULL));
    cr_assert(!uses(redis, "env.nomad_port", NULL)); /* host network: no port_map */
    cr_assert(uses(redis, "port_map.host-net", "port_map.db"));
    struct position p = source_position(src, mig_task_use(redis, "debug")->span.start);
    cr_assert_eq(p.line, 22);
    cr_assert_eq(p.column, 9);
    cr_assert(!job->groups[0].tasks[2].rkt);
    cr_assert_eq(job->groups[0].tasks[2].use_count, 0);
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
}

Test(migrate_inventory, not_a_job_has_a_reason) {
    static const char TEXT[] = "job \"j\" {\n  bogus = 1\n}\n";
    struct source *src = source_from_memory("bad.nomad", TEXT, sizeof TEXT - 1);
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    struct job_input in;
    job_input_read(arena, src, &in, &diags);
    cr_assert_null(in.job);
    cr_assert_not_null(in.reason);
    cr_assert_eq(source_position(src, in.reason_span.start).line, 2);
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
}

#include "migrate/rewrite.h"
#include "targets/nomad_rewrite.h"
#include "util/buf.h"

/* rewrites text for dest; returns the output (heap) and the finding count */
static char *rewrite(const char *text, enum mig_dest dest, size_t *findings, bool *ok) {
    struct source *src = source_from_memory("in.nomad", text, strlen(text));
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    struct job_input in;
    job_input_read(arena, src, &in, &diags);
    size_t before = diags.count;
    struct buf out, notes;
    buf_init(&out);
    buf_init(&notes);
    struct mig_job *inv = mig_inventory(arena, &in);
    struct mig_edits edits = {0};
    *ok = mig_rewrite_edits(arena, &in, inv, dest, &edits, &notes, &diags);
    if (*ok)
        nomad_rewrite_apply(src->text, src->len, &edits, &out);
    *findings = diags.count - before;
    buf_putc(&out, '\0');
    char *result = buf_detach(&out);
    buf_free(&notes);
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
    return result;
}

Test(migrate_rewrite, jobs_without_rkt_are_unchanged) {
    static const char TEXT[] = "# keep me\njob \"j\" {\n  group \"g\" {\n    task \"t\" {\n"
                               "      driver = \"exec\" # trailing\n"
                               "      config { command = \"/bin/true\" }\n    }\n  }\n}\n";
    size_t findings;
    bool ok;
    char *out = rewrite(TEXT, MIG_DOCKER, &findings, &ok);
    cr_assert(ok);
    cr_assert_str_eq(out, TEXT);
    cr_assert_eq(findings, 0);
    free(out);
}

Test(migrate_rewrite, hcl_json_jobs_stay_json) {
    static const char TEXT[] =
        "{\"job\": {\"j\": {\"type\": \"service\", \"group\": {\"g\": {\"count\": 1, \"task\": {\"t\": "
        "{\"driver\": \"rkt\", \"config\": {\"image\": \"docker://redis:3.2\"}}}}}}}}\n";
    size_t findings;
    bool ok;
    char *out = rewrite(TEXT, MIG_DOCKER, &findings, &ok);
    cr_assert(ok);
    cr_assert_not_null(strstr(out, "\"driver\": \"docker\""), "%s", out);
    cr_assert_not_null(strstr(out, "\"image\": \"redis:3.2\""), "%s", out);
    cr_assert_null(strstr(out, "#"), "%s", out); /* JSON takes no comments */
    free(out);
}

Test(migrate_rewrite, hcl_json_with_several_configs_is_refused) {
    static const char TEXT[] =
        "{\"job\": {\"j\": {\"type\": \"service\", \"group\": {\"g\": {\"count\": 1, \"task\": {\"t\": "
        "{\"driver\": \"rkt\", \"config\": [{\"image\": \"docker://redis:3.2\"}, "
        "{\"debug\": true}]}}}}}}}\n";
    size_t findings;
    bool ok;
    char *out = rewrite(TEXT, MIG_DOCKER, &findings, &ok);
    cr_assert(!ok);
    cr_assert_gt(findings, 0);
    free(out);
}

Test(migrate_rewrite, config_blocks_merge_and_comments_stay) {
    static const char TEXT[] = "job \"j\" {\n"
                               "  group \"g\" {\n"
                               "    task \"t\" {\n"
                               "      driver = \"rkt\" # the driver\n"
                               "      config {\n"
                               "        # which image\n"
                               "        image = \"docker://redis:3.2\"\n"
                               "      }\n"
                               "      config {\n"
                               "        args = [\"-v\"]\n"
                               "      }\n"
                               "    }\n"
                               "  }\n"
                               "}\n";
    static const char WANT[] = "job \"j\" {\n"
                               "  group \"g\" {\n"
                               "    task \"t\" {\n"
                               "      driver = \"podman\" # the driver\n"
                               "      config {\n"
                               "        # which image\n";
    size_t findings;
    bool ok;
    char *out = rewrite(TEXT, MIG_PODMAN, &findings, &ok);
    cr_assert(ok);
    cr_assert(strncmp(out, WANT, strlen(WANT)) == 0, "%s", out);
    cr_assert_not_null(strstr(out, "        image = \"docker://redis:3.2\"\n"), "%s", out);
    cr_assert_not_null(strstr(out, "        args = [\"-v\"]\n"), "%s", out);
    cr_assert_not_null(strstr(out, "        volumes = [\"${NOMAD_ALLOC_DIR}:/alloc\", "), "%s",
                       out);
    cr_assert_null(strstr(out, "      config {\n        args"), "%s", out); /* merged */
    cr_assert_gt(findings, 0);
    free(out);
}
