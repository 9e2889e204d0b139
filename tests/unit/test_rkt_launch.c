/* test_rkt_launch.c — the plan is complete (rkt/launch.h): the systemd
 * unit's `rkt run` and `rkt rm` as planned data (checked against the calls
 * recorded from a real Nomad 0.10.9 client, and against the plan's own
 * prepare / run-prepared for every vector), the allocation-directory
 * setup and the executor's start, the parsed periodic stanza, kill,
 * shutdown and lifecycle, the features left out, and --port overrides
 * reported without writing into the options. */
#include "json/json.h"
#include "rkt_testutil.h"
#include "util/arena.h"
#include "util/buf.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RECORDINGS "../shared/conformance/argv"
#define VECTORS "testdata/rkt/vectors"

static const struct plan_task *first_started(const struct rkt_plan *plan) {
    for (size_t i = 0; i < plan->count; i++)
        if (!plan->tasks[i].skipped && !plan->tasks[i].refused)
            return &plan->tasks[i];
    return NULL;
}

static const struct plan_command *command(const struct plan_task *t, enum plan_cmd_kind kind) {
    for (size_t i = 0; i < t->command_count; i++)
        if (t->commands[i].kind == kind)
            return &t->commands[i];
    return NULL;
}

static size_t index_of(const char *const *argv, size_t argc, const char *arg) {
    for (size_t i = 0; i < argc; i++)
        if (strcmp(argv[i], arg) == 0)
            return i;
    return argc;
}

/* "--set-env=K=V" ordering by K (Nomad writes them unsorted, rktc sorts) */
static int env_cmp(const char *a, const char *b) {
    a += strlen("--set-env=");
    b += strlen("--set-env=");
    size_t la = strcspn(a, "="), lb = strcspn(b, "=");
    int c = memcmp(a, b, la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

static void sort_env_block(const char **argv, size_t argc) {
    for (size_t i = 0; i < argc; i++)
        for (size_t j = i + 1; j < argc; j++)
            if (strncmp(argv[i], "--set-env=", 10) == 0 &&
                strncmp(argv[j], "--set-env=", 10) == 0 && env_cmp(argv[j], argv[i]) < 0) {
                const char *t = argv[i];
                argv[i] = argv[j];
                argv[j] = t;
            }
}

static void expect_argv(const struct plan_command *got, const char *const *want, size_t count,
                        const char *what) {
    cr_expect_eq(got->argc, count, "%s: %zu arguments, expected %zu", what, got->argc, count);
    for (size_t i = 0; i < got->argc && i < count; i++)
        cr_expect_str_eq(got->argv[i], want[i], "%s: argument %zu", what, i);
}

static const char **strings(struct arena *arena, const struct json_value *array, size_t *count) {
    *count = array->as.array.count;
    const char **out = arena_array(arena, *count + 1, sizeof *out);
    for (size_t i = 0; i < *count; i++)
        out[i] = array->as.array.elems[i]->as.string.text;
    return out;
}

/* One recorded case: the plan's `rkt run` is the recorded prepare and
 * run-prepared in one step, and `rkt rm` removes the pod it saved. */
static int check_recording(const char *base) {
    char path[512];
    snprintf(path, sizeof path, RECORDINGS "/%s.json", base);
    char *json_text = rkt_read_file(path);
    snprintf(path, sizeof path, RECORDINGS "/%s.hcl", base);
    char *hcl = rkt_read_file(path);
    cr_assert(json_text && hcl, "%s: cannot read the recording", base);
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    struct source *jsrc = source_from_memory(base, json_text, strlen(json_text));
    struct json_value *rec = json_parse(arena, jsrc, &diags);
    cr_assert_not_null(rec);
    int checked = 0;
    const struct json_value *ok = json_object_get(rec, "ok");
    if (ok && ok->kind == JSON_BOOL && ok->as.boolean) {
        struct buf text;
        buf_init(&text);
        buf_printf(&text, "# alloc: %s\n", json_object_get(rec, "alloc_id")->as.string.text);
        const struct json_value *ip = json_object_get(rec, "node_ip");
        buf_printf(&text, "# node: address %s\n",
                   ip && ip->kind == JSON_STRING ? ip->as.string.text : "127.0.0.1");
        const struct json_value *ports = json_object_get(rec, "ports");
        for (size_t i = 0; ports && i < ports->as.object.count; i++)
            buf_printf(&text, "# port: %s=%s\n", ports->as.object.members[i].key,
                       ports->as.object.members[i].value->as.number.text);
        const struct json_value *hv = json_object_get(rec, "host_volumes");
        for (size_t i = 0; hv && i < hv->as.object.count; i++)
            buf_printf(&text, "# node: host_volume %s=%s\n", hv->as.object.members[i].key,
                       hv->as.object.members[i].value->as.string.text);
        buf_puts(&text, hcl);
        struct rkt_fixture f;
        rkt_fixture_plan(&f, base, text.data);
        const struct plan_task *t = first_started(&f.plan);
        cr_assert_not_null(t, "%s: no started task", base);

        const struct json_value *calls = json_object_get(rec, "calls");
        const char **prepare = NULL, **run = NULL;
        size_t prepare_count = 0, run_count = 0;
        for (size_t i = 0; i < calls->as.array.count; i++) {
            const struct json_value *c = calls->as.array.elems[i];
            const struct json_value *argv = json_object_get(c, "argv");
            if (json_string_is(json_object_get(c, "cmd"), "prepare"))
                prepare = strings(arena, argv, &prepare_count);
            else if (json_string_is(json_object_get(c, "cmd"), "run-prepared"))
                run = strings(arena, argv, &run_count);
        }
        cr_assert(prepare && run, "%s: no prepare / run-prepared recorded", base);
        sort_env_block(prepare, prepare_count);
        size_t p = index_of(prepare, prepare_count, "prepare");
        size_t r = index_of(run, run_count, "run-prepared");
        cr_assert(p < prepare_count && r < run_count);

        char *uuid_file = arena_printf(arena, "/run/rktc/rktc-%s-%s-%d-%s.uuid", t->job,
                                       t->group, t->index, t->task);
        const char **want = arena_array(arena, prepare_count + run_count + 4, sizeof *want);
        size_t n = 0;
        want[n++] = f.node.rkt_path;
        for (size_t i = 0; i < p; i++)
            want[n++] = prepare[i];
        want[n++] = "run";
        want[n++] = arena_printf(arena, "--uuid-file-save=%s", uuid_file);
        for (size_t i = r + 1; i + 1 < run_count; i++) /* without the UUID */
            want[n++] = run[i];
        for (size_t i = p + 1; i < prepare_count; i++)
            want[n++] = prepare[i];
        cr_expect_eq(t->run.kind, PLAN_RUN);
        expect_argv(&t->run, want, n, base);
        cr_expect_str_eq(t->uuid_file, uuid_file);
        const char *rm[] = {f.node.rkt_path, "rm",
                            arena_printf(arena, "--uuid-file=%s", uuid_file)};
        cr_expect_eq(t->rm.kind, PLAN_RM);
        expect_argv(&t->rm, rm, 3, base);
        rkt_fixture_free(&f);
        buf_free(&text);
        checked = 1;
    }
    diag_list_free(&diags);
    source_free(jsrc);
    arena_free(arena);
    free(json_text);
    free(hcl);
    return checked;
}

Test(rkt_launch, run_argv_is_the_recorded_calls_in_one_step) {
    DIR *dir = opendir(RECORDINGS);
    cr_assert_not_null(dir, "cannot open " RECORDINGS);
    int checked = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        char base[256];
        snprintf(base, sizeof base, "%.*s", (int)(len - 5), e->d_name);
        checked += check_recording(base);
    }
    closedir(dir);
    cr_expect(checked >= 5, "only %d recorded launches checked", checked);
}

/* For every vector: run = rkt, the global flags, run, --uuid-file-save,
 * the run-prepared flags, the prepare flags. */
Test(rkt_launch, run_argv_of_every_vector) {
    DIR *dir = opendir(VECTORS);
    cr_assert_not_null(dir);
    int checked = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".hcl") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, VECTORS "/%s", e->d_name);
        char *text = rkt_read_file(path);
        struct rkt_fixture f;
        rkt_fixture_plan(&f, e->d_name, text);
        for (size_t k = 0; k < f.plan.count; k++) {
            const struct plan_task *t = &f.plan.tasks[k];
            if (t->skipped || t->refused) {
                cr_expect_eq(t->run.argc, 0, "%s: a task not started has no rkt run", path);
                continue;
            }
            const struct plan_command *prepare = command(t, PLAN_PREPARE);
            const struct plan_command *run = command(t, PLAN_RUN_PREPARED);
            cr_assert(prepare && run);
            cr_expect_str_eq(run->argv[run->argc - 1], PLAN_UUID_PLACEHOLDER);
            size_t p = index_of(prepare->argv, prepare->argc, "prepare");
            size_t r = index_of(run->argv, run->argc, "run-prepared");
            const char **want = calloc(prepare->argc + run->argc + 2, sizeof *want);
            size_t n = 0;
            for (size_t i = 0; i < p; i++)
                want[n++] = prepare->argv[i];
            want[n++] = "run";
            char save[600];
            snprintf(save, sizeof save, "--uuid-file-save=%s", t->uuid_file);
            want[n++] = save;
            for (size_t i = r + 1; i + 1 < run->argc; i++)
                want[n++] = run->argv[i];
            for (size_t i = p + 1; i < prepare->argc; i++)
                want[n++] = prepare->argv[i];
            expect_argv(&t->run, want, n, path);
            free(want);
            checked++;
        }
        rkt_fixture_free(&f);
        free(text);
    }
    closedir(dir);
    cr_expect(checked >= 10, "only %d vector tasks checked", checked);
}

static const char *const layout_job =
    "job \"web\" {\n  datacenters = [\"dc1\"]\n  type = \"batch\"\n"
    "  periodic {\n    cron = \"*/15 3 * * *\"\n    time_zone = \"America/New_York\"\n"
    "    prohibit_overlap = true\n  }\n"
    "  group \"g\" {\n"
    "    task \"init\" {\n      driver = \"rkt\"\n      lifecycle {\n        hook = \"prestart\"\n"
    "        sidecar = true\n      }\n      config {\n        image = \"example.com/a:1\"\n      }\n"
    "    }\n"
    "    task \"main\" {\n      driver = \"rkt\"\n      leader = true\n"
    "      kill_signal = \"SIGTERM\"\n      kill_timeout = \"7s\"\n      shutdown_delay = \"1500ms\"\n"
    "      config {\n        image = \"example.com/b:1\"\n      }\n"
    "      service {\n        name = \"web\"\n      }\n"
    "      artifact {\n        source = \"https://example.com/x.tgz\"\n      }\n"
    "    }\n"
    "    task \"other\" {\n      driver = \"docker\"\n      config {\n        image = \"redis\"\n      }\n"
    "      service {\n        name = \"redis\"\n      }\n    }\n"
    "  }\n}\n";

static const struct plan_task *task_named(const struct rkt_plan *plan, const char *name) {
    for (size_t i = 0; i < plan->count; i++)
        if (strcmp(plan->tasks[i].task, name) == 0)
            return &plan->tasks[i];
    return NULL;
}

Test(rkt_launch, allocation_directory_setup) {
    struct rkt_fixture f;
    rkt_fixture_plan(&f, "layout.hcl", layout_job);
    const struct plan_task *t = task_named(&f.plan, "main");
    cr_assert(t && !t->refused);
    cr_expect_str_eq(t->client_dir, "/var/lib/nomad/alloc");
    cr_expect_eq(t->client_dir_mode, 0711);
    cr_assert_eq(t->dir_count, 9);
    cr_expect_str_eq(t->dirs[0].path, t->alloc_dir);
    cr_expect_eq(t->dirs[0].mode, 0755);
    cr_expect(!t->dirs[0].chown, "A itself stays the agent's");
    size_t tmpfs = 0;
    for (size_t i = 1; i < t->dir_count; i++) {
        cr_expect(t->dirs[i].chown, "%s belongs to nobody", t->dirs[i].path);
        tmpfs += t->dirs[i].tmpfs;
    }
    cr_expect_eq(tmpfs, 1);
    cr_expect(t->dirs[8].tmpfs);
    cr_expect_eq(t->dirs[7].mode, 01777);
    /* how the executor starts run-prepared */
    cr_expect_str_eq(t->exec_dir, t->task_dir);
    cr_expect_eq(t->exec_unset_count, 7);
    bool vault = false;
    for (size_t i = 0; i < t->exec_unset_count; i++)
        vault |= strcmp(t->exec_unset[i], "VAULT_TOKEN") == 0;
    cr_expect(vault);
    cr_assert_eq(t->exec_env_count, 1);
    cr_expect_str_eq(t->exec_env[0].key, "NOMAD_ALLOC_INDEX");
    cr_expect_str_eq(t->exec_env[0].value, "0");
    rkt_fixture_free(&f);
}

Test(rkt_launch, job_facts_periodic_and_left_out_features) {
    struct rkt_fixture f;
    rkt_fixture_plan(&f, "layout.hcl", layout_job);
    const struct plan_job *job = &f.plan.job;
    cr_expect_str_eq(job->id, "web");
    cr_expect_str_eq(job->type, "batch");
    cr_expect_eq(job->kind, PLAN_JOB_BATCH);
    cr_expect(!job->parameterized);
    cr_assert_not_null(job->periodic);
    const struct plan_periodic *p = job->periodic;
    cr_expect_str_eq(p->cron, "*/15 3 * * *");
    cr_expect(p->cron_valid);
    cr_expect_eq(p->spec.minutes, (1ULL << 0) | (1ULL << 15) | (1ULL << 30) | (1ULL << 45));
    cr_expect_eq(p->spec.hours, 1u << 3);
    cr_expect_str_eq(p->time_zone, "America/New_York");
    cr_expect(p->prohibit_overlap);
    cr_expect(p->enabled);
    if (access("/usr/share/zoneinfo/America/New_York", R_OK) == 0) {
        cr_expect(p->zone_known);
        cr_expect(p->zone.has_dst);
        cr_expect_eq(p->zone.fall_back.month, 11);
    }
    /* the rkt task's service and artifact; not the docker task's service */
    cr_assert_eq(job->dropped_count, 2);
    cr_expect_str_eq(job->dropped[0].what, "service registration and checks (Consul)");
    cr_expect_str_eq(job->dropped[1].what, "artifacts (go-getter downloads)");
    cr_expect_gt(job->dropped[0].span.end, job->dropped[0].span.start);
    rkt_fixture_free(&f);
}

Test(rkt_launch, kill_shutdown_restart_and_lifecycle) {
    struct rkt_fixture f;
    rkt_fixture_plan(&f, "layout.hcl", layout_job);
    const struct plan_task *init = task_named(&f.plan, "init");
    const struct plan_task *main_task = task_named(&f.plan, "main");
    const struct plan_task *other = task_named(&f.plan, "other");
    cr_assert(init && main_task && other);
    cr_expect_eq(init->hook, PLAN_HOOK_PRESTART);
    cr_expect(init->lifecycle_sidecar);
    cr_expect_eq(main_task->hook, PLAN_HOOK_NONE);
    cr_expect(main_task->leader);
    cr_expect_str_eq(main_task->kill_signal, "SIGTERM");
    cr_expect_eq(main_task->kill_timeout_ns, 7000000000LL);
    cr_expect_eq(main_task->shutdown_delay_ns, 1500000000LL);
    cr_expect_str_eq(init->kill_signal, "SIGINT");
    cr_expect_eq(init->shutdown_delay_ns, 0);
    /* batch defaults: 3 attempts in 24h, 15s delay, mode fail */
    cr_expect_eq(main_task->restart_attempts, 3);
    cr_expect_eq(main_task->restart_interval_ns, 24LL * 3600 * 1000000000LL);
    cr_expect_str_eq(main_task->restart_mode, "fail");
    cr_expect_eq(main_task->restart, PLAN_RESTART_FAIL);
    cr_expect(other->skipped);
    cr_expect_gt(main_task->span.end, main_task->span.start);
    rkt_fixture_free(&f);
}

Test(rkt_launch, poststart_and_restart_delay) {
    struct rkt_fixture f;
    rkt_fixture_plan(&f, "hook.hcl",
                     "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n"
                     "    task \"t\" {\n      driver = \"rkt\"\n      lifecycle {\n"
                     "        hook = \"poststart\"\n      }\n      restart {\n"
                     "        mode = \"delay\"\n      }\n      config {\n"
                     "        image = \"example.com/a:1\"\n      }\n    }\n  }\n}\n");
    const struct plan_task *t = task_named(&f.plan, "t");
    cr_assert_not_null(t);
    cr_expect_eq(t->hook, PLAN_HOOK_POSTSTART);
    cr_expect_eq(t->restart, PLAN_RESTART_DELAY);
    cr_expect_str_eq(t->restart_mode, "delay");
    cr_expect(f.plan.job.periodic == NULL);
    cr_expect_eq(f.plan.job.kind, PLAN_JOB_SERVICE);
    rkt_fixture_free(&f);
}

/* The options are only read: which override some task has is plan data. */
Test(rkt_launch, port_overrides_reported_not_written) {
    struct rkt_fixture f;
    rkt_fixture_plan(&f, "p.hcl",
                     "# port: http=31000\n# port: nope=31001\n"
                     "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n    task \"t\" {\n"
                     "      driver = \"rkt\"\n      config {\n        image = \"example.com/a:1\"\n"
                     "      }\n      resources {\n        network {\n          port \"http\" {}\n"
                     "        }\n      }\n    }\n  }\n}\n");
    cr_assert_eq(f.plan.port_count, 2);
    cr_expect(f.plan.port_used[0]);
    cr_expect(!f.plan.port_used[1]);
    cr_expect_null(f.plan.usage_error, "an unused override is the caller's to report");
    struct buf m;
    buf_init(&m);
    plan_port_unused_message(&m, &f.ports[1]);
    cr_expect_str_eq(m.data, "--port nope=31001: no task has a port \"nope\"");
    buf_clear(&m);
    struct plan_port_override scoped = {"t", "admin", 9};
    plan_port_unused_message(&m, &scoped);
    cr_expect_str_eq(m.data, "--port t.admin=9: no task has a port \"admin\"");
    buf_free(&m);
    rkt_fixture_free(&f);
}
