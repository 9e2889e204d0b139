/* test_rkt_plan.c — the launch plan beyond the single-task vectors:
 * several allocations, deterministic ids and ports, --port overrides,
 * other tasks' ports in the environment, skipped tasks, placement limits,
 * and the JSON / text renderings. */
#include "targets/plan_render.h"
#include "rkt_testutil.h"
#include "util/buf.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static const char *const two_tasks =
    "# alloc: derived\n"
    "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n    count = 2\n"
    "    task \"a\" {\n      driver = \"rkt\"\n      config {\n        image = \"example.com/a:1\"\n"
    "        args = [\"${NOMAD_ADDR_b_admin}\"]\n        port_map {\n          http = \"80-tcp\"\n        }\n      }\n"
    "      resources {\n        network {\n          port \"http\" {}\n        }\n      }\n    }\n"
    "    task \"b\" {\n      driver = \"docker\"\n      config {\n        image = \"redis\"\n      }\n"
    "      resources {\n        network {\n          port \"admin\" {}\n        }\n      }\n    }\n"
    "  }\n}\n";

static const struct plan_task *find(const struct rkt_fixture *f, const char *task, int index) {
    for (size_t i = 0; i < f->plan.count; i++)
        if (strcmp(f->plan.tasks[i].task, task) == 0 && f->plan.tasks[i].index == index)
            return &f->plan.tasks[i];
    return NULL;
}

static const char *env(const struct plan_task *t, const char *key) {
    return env_lookup(&t->env, key);
}

Test(rkt_plan, allocations_ids_and_ports) {
    struct rkt_fixture f, g;
    rkt_fixture_plan(&f, "two.hcl", two_tasks);
    rkt_fixture_plan(&g, "two.hcl", two_tasks);
    cr_assert(!f.plan.refused);
    cr_assert_eq(f.plan.count, 4);
    const struct plan_task *a0 = find(&f, "a", 0), *a1 = find(&f, "a", 1);
    const struct plan_task *b0 = find(&f, "b", 0);
    cr_assert(a0 && a1 && b0);
    cr_expect(b0->skipped);
    cr_expect_eq(b0->command_count, 0);
    cr_expect_str_neq(a0->alloc_id, a1->alloc_id);
    cr_expect_str_eq(a0->alloc_id, find(&g, "a", 0)->alloc_id); /* deterministic */
    cr_expect_str_eq(a0->alloc_id, b0->alloc_id);             /* one allocation */
    cr_expect_eq(a0->ports[0].host_port, 20000);
    cr_expect_eq(b0->ports[0].host_port, 20001);
    cr_expect_eq(a1->ports[0].host_port, 20002);
    cr_expect_str_eq(env(a1, "NOMAD_ALLOC_INDEX"), "1");
    cr_expect_str_eq(env(a1, "NOMAD_ALLOC_NAME"), "web.g[1]");
    cr_expect_str_eq(env(a0, "NOMAD_ADDR_b_admin"), "10.0.0.10:20001");
    cr_expect_str_eq(env(a0, "NOMAD_PORT_b_admin"), "20001");
    cr_expect_null(env(a0, "NOMAD_HOST_PORT_b_admin"));
    const struct plan_command *prepare = &a0->commands[0];
    cr_expect_str_eq(prepare->argv[prepare->argc - 1], "10.0.0.10:20001");
    cr_expect(rkt_fixture_fired(&f, "RKT036"));
    rkt_fixture_free(&f);
    rkt_fixture_free(&g);
}

Test(rkt_plan, port_overrides_and_given_alloc_id) {
    char *text = malloc(strlen(two_tasks) + 64);
    strcpy(text, "# port: http=31000\n");
    strcat(text, two_tasks + strlen("# alloc: derived\n"));
    struct rkt_fixture f;
    rkt_fixture_plan(&f, "two.hcl", text);
    const struct plan_task *a0 = find(&f, "a", 0), *a1 = find(&f, "a", 1);
    cr_assert(a0 && a1);
    cr_expect_eq(a0->ports[0].host_port, 31000);
    cr_expect_eq(a1->ports[0].host_port, 31000);
    /* --alloc-id with two allocations: ids derived from it, not the id itself */
    cr_expect_str_neq(a0->alloc_id, RKT_TEST_ALLOC);
    cr_expect_str_neq(a0->alloc_id, a1->alloc_id);
    rkt_fixture_free(&f);
    free(text);
}

Test(rkt_plan, static_port_override_must_match) {
    struct rkt_fixture f;
    rkt_fixture_plan(&f, "s.hcl",
                     "# port: http=81\n"
                     "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n    task \"t\" {\n"
                     "      driver = \"rkt\"\n      config {\n        image = \"example.com/a:1\"\n"
                     "        net = [\"host\"]\n      }\n      resources {\n        network {\n"
                     "          port \"http\" {\n            static = 80\n          }\n        }\n"
                     "      }\n    }\n  }\n}\n");
    cr_expect_not_null(f.plan.usage_error);
    rkt_fixture_free(&f);
}

Test(rkt_plan, distinct_property_limits_allocations) {
    struct rkt_fixture f;
    rkt_fixture_plan(&f, "d.hcl",
                     "# node: --node\n"
                     "job \"web\" {\n  datacenters = [\"dc1\"]\n  constraint {\n"
                     "    distinct_property = \"${meta.rack}\"\n    value = \"2\"\n  }\n"
                     "  group \"g\" {\n    count = 3\n    task \"t\" {\n      driver = \"rkt\"\n"
                     "      config {\n        image = \"example.com/a:1\"\n      }\n    }\n  }\n}\n");
    cr_expect(f.plan.refused);
    cr_expect(!find(&f, "t", 0)->refused);
    cr_expect(!find(&f, "t", 1)->refused);
    cr_expect(find(&f, "t", 2)->refused);
    cr_expect(rkt_fixture_fired(&f, "RKT024"));
    rkt_fixture_free(&f);
}

Test(rkt_plan, renderings) {
    struct rkt_fixture f;
    rkt_fixture_plan(&f, "r.hcl",
                     "job \"web\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n    task \"t\" {\n"
                     "      driver = \"rkt\"\n      kill_signal = \"SIGTERM\"\n      env {\n"
                     "        FOO = \"bar baz\"\n      }\n      config {\n"
                     "        image = \"example.com/a:1\"\n        args = [\"it's\"]\n      }\n"
                     "    }\n  }\n}\n");
    cr_assert_eq(f.plan.count, 1);
    struct buf b;
    buf_init(&b);
    plan_json_task(&b, &f.plan.tasks[0]);
    cr_expect(strstr(b.data, "\"cmd\": \"prepare\""));
    cr_expect(strstr(b.data, "\"--set-env=FOO=bar baz\""));
    cr_expect(strstr(b.data, "\"kill_signal\": \"SIGTERM\""));
    cr_expect(strstr(b.data, "\"mode\": \"1777\""));
    cr_expect(strstr(b.data, "\"<UUID>\"]"));
    buf_clear(&b);
    plan_text_task(&b, &f.plan.tasks[0]);
    cr_expect(strstr(b.data, "'--set-env=FOO=bar baz'"));
    cr_expect(strstr(b.data, "'it'\\''s'") || strstr(b.data, "it\\'s"));
    buf_free(&b);
    rkt_fixture_free(&f);
}
