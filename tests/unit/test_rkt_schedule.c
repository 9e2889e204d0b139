/* test_rkt_schedule.c — the fleet scheduler (rkt/schedule.h): one test per
 * feasibility check and per scoring rule. Each case is built so that the
 * host whose name sorts first is the one the rule rules out (or scores
 * lower): without the rule the allocation would land there. */
#include "hcl/parse.h"
#include "nomad/decode.h"
#include "rkt/from_job.h"
#include "rkt/schedule.h"
#include "util/arena.h"
#include "util/buf.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#define MAX_ITEMS 8

struct world {
    struct arena *arena;
    struct source *sources[2 * MAX_ITEMS];
    size_t source_count;
    struct node_profile nodes[MAX_ITEMS];
    size_t node_count;
    struct fleet *fleet;
    const struct schedule_job *jobs[MAX_ITEMS];
    size_t job_count;
    struct diag_list diags;
};

static void world_init(struct world *w) {
    memset(w, 0, sizeof *w);
    w->arena = arena_new();
    diag_list_init(&w->diags);
}

/* a node: "name" plus the body of its node { } block */
static void add_node(struct world *w, const char *name, const char *body) {
    char *text = arena_printf(w->arena, "node {\n  name = \"%s\"\n%s\n}\n", name, body);
    struct source *src = source_from_memory(name, text, strlen(text));
    w->sources[w->source_count++] = src;
    struct hcl_file *file = hcl_parse(w->arena, src, &w->diags);
    cr_assert(file, "node %s does not parse", name);
    struct node_profile *n = &w->nodes[w->node_count++];
    node_defaults(w->arena, n);
    cr_assert(node_read(w->arena, file, n, &w->diags), "node %s is invalid", name);
}

static void start(struct world *w, bool profiled) {
    w->fleet = fleet_new(w->nodes, w->node_count, profiled);
}

static struct plan_port_override *overrides;
static size_t override_count;

static const struct schedule_job *add_job(struct world *w, const char *text) {
    if (!w->fleet)
        start(w, true);
    struct source *src = source_from_memory("job.nomad", text, strlen(text));
    w->sources[w->source_count++] = src;
    struct hcl_file *file = hcl_parse(w->arena, src, &w->diags);
    cr_assert(file);
    struct nomad_job *job = nomad_decode_hcl(w->arena, file, &w->diags);
    cr_assert(job, "the job does not decode");
    struct rkt_job_input *input = rkt_input_from_job(w->arena, src, job);
    struct plan_options opts = {0};
    opts.ports = overrides;
    opts.port_count = override_count;
    const struct schedule_job *s = fleet_schedule(w->fleet, w->arena, input, &opts, &w->diags);
    w->jobs[w->job_count++] = s;
    return s;
}

static void world_free(struct world *w) {
    fleet_free(w->fleet);
    diag_list_free(&w->diags);
    for (size_t i = 0; i < w->source_count; i++)
        source_free(w->sources[i]);
    arena_free(w->arena);
}

/* the host of allocation index of group 0, or "-" when unplaced */
static const char *host_of(const struct schedule_job *s, int index) {
    const struct schedule_alloc *a = &s->groups[0].allocs[index];
    return a->node ? a->node->name : "-";
}

static bool fired(const struct world *w, const char *rule) {
    for (size_t i = 0; i < w->diags.count; i++)
        if (strcmp(w->diags.items[i].rule->id, rule) == 0)
            return true;
    return false;
}

/* a job with one rkt task; group_extra goes into the group, task_extra
 * into the task, job_extra into the job */
static char *job_text(struct world *w, const char *name, int count, const char *job_extra,
                      const char *group_extra, const char *task_extra) {
    return arena_printf(w->arena,
                        "job \"%s\" {\n  datacenters = [\"dc1\", \"east\"]\n%s\n"
                        "  group \"g\" {\n    count = %d\n%s\n"
                        "    task \"t\" {\n      driver = \"rkt\"\n"
                        "      config {\n        image = \"example.com/app:1.0\"\n      }\n"
                        "%s\n    }\n  }\n}\n",
                        name, job_extra, count, group_extra, task_extra);
}

Test(schedule, datacenters) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "datacenter = \"west\"");
    add_node(&w, "b", "datacenter = \"east\"");
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 1, "", "", ""));
    cr_expect_str_eq(host_of(s, 0), "b");
    cr_expect_str_eq(s->groups[0].allocs[0].reasons[0],
                     "the node's datacenter \"west\" is not among the job's datacenters");
    world_free(&w);
}

Test(schedule, region) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "region = \"eu\"");
    add_node(&w, "b", "");
    cr_expect_str_eq(host_of(add_job(&w, job_text(&w, "j", 1, "", "", "")), 0), "b");
    world_free(&w);
}

Test(schedule, constraint_on_meta) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "meta { role = \"db\" }");
    add_node(&w, "b", "meta { role = \"web\" }");
    const char *c = "constraint {\n attribute = \"${meta.role}\"\n value = \"web\"\n}";
    cr_expect_str_eq(host_of(add_job(&w, job_text(&w, "j", 1, "", c, "")), 0), "b");
    world_free(&w);
}

Test(schedule, constraint_operators) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "attributes {\n \"driver.rkt.version\" = \"1.25.0\"\n}");
    add_node(&w, "b", "attributes {\n \"driver.rkt.version\" = \"1.30.0\"\n}");
    const char *c = "constraint {\n attribute = \"${attr.driver.rkt.version}\"\n"
                    " operator = \"version\"\n value = \">= 1.27\"\n}";
    cr_expect_str_eq(host_of(add_job(&w, job_text(&w, "j", 1, "", c, "")), 0), "b");
    world_free(&w);
}

Test(schedule, rkt_driver_detected) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "attributes {\n \"kernel.name\" = \"linux\"\n}");
    add_node(&w, "b", "");
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 1, "", "", ""));
    cr_expect_str_eq(host_of(s, 0), "b");
    cr_expect(strstr(s->groups[0].allocs[0].reasons[0], "rkt driver"));
    world_free(&w);
}

Test(schedule, host_volumes) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "host_volume \"other\" {\n path = \"/x\"\n}");
    add_node(&w, "b", "host_volume \"pg\" {\n path = \"/srv/pg\"\n}");
    const char *v = "volume \"data\" {\n type = \"host\"\n source = \"pg\"\n}";
    cr_expect_str_eq(host_of(add_job(&w, job_text(&w, "j", 1, "", v, "")), 0), "b");
    world_free(&w);
}

Test(schedule, distinct_hosts) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "");
    add_node(&w, "b", "");
    const char *c = "constraint {\n distinct_hosts = true\n}";
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 3, "", c, ""));
    cr_expect_str_eq(host_of(s, 0), "a");
    cr_expect_str_eq(host_of(s, 1), "b");
    cr_expect_str_eq(host_of(s, 2), "-");
    cr_expect_eq(s->unplaced, 1);
    cr_expect(fired(&w, "RKT024"));
    world_free(&w);
}

Test(schedule, distinct_property) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "meta { rack = \"r1\" }");
    add_node(&w, "b", "meta { rack = \"r1\" }");
    add_node(&w, "c", "meta { rack = \"r2\" }");
    const char *c = "constraint {\n operator = \"distinct_property\"\n"
                    " attribute = \"${meta.rack}\"\n}";
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 3, "", c, ""));
    cr_expect_str_eq(host_of(s, 0), "a");
    cr_expect_str_eq(host_of(s, 1), "c");
    cr_expect_str_eq(host_of(s, 2), "-");
    world_free(&w);
}

Test(schedule, cpu_capacity) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "cpu_total_compute = 1000\nreserved {\n cpu = 600\n}");
    add_node(&w, "b", "cpu_total_compute = 1000");
    const char *r = "resources {\n cpu = 500\n}";
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 1, "", "", r));
    cr_expect_str_eq(host_of(s, 0), "b");
    cr_expect(strstr(s->groups[0].allocs[0].reasons[0], "dimension \"cpu\" exhausted"));
    world_free(&w);
}

Test(schedule, memory_counts_earlier_allocations_and_reserved) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "memory_total_mb = 1024\nreserved {\n memory = 200\n}");
    add_node(&w, "b", "memory_total_mb = 1024");
    const char *r = "resources {\n memory = 400\n}";
    /* a takes two (800 of 824 MB), then it is full */
    const struct schedule_job *s1 = add_job(&w, job_text(&w, "one", 2, "", "", r));
    const struct schedule_job *s2 = add_job(&w, job_text(&w, "two", 3, "", "", r));
    int on_a = 0, on_b = 0;
    for (int i = 0; i < 2; i++)
        on_a += strcmp(host_of(s1, i), "a") == 0, on_b += strcmp(host_of(s1, i), "b") == 0;
    for (int i = 0; i < 3; i++)
        on_a += strcmp(host_of(s2, i), "a") == 0, on_b += strcmp(host_of(s2, i), "b") == 0;
    cr_expect_eq(on_a, 2);
    cr_expect_eq(on_b, 2);
    cr_expect_eq(s2->unplaced, 1);
    world_free(&w);
}

Test(schedule, static_port_reserved) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "reserved {\n reserved_ports = \"22,8000-8100\"\n}");
    add_node(&w, "b", "");
    const char *r = "resources {\n network {\n port \"http\" {\n static = 8080\n }\n }\n}";
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 1, "", "", r));
    cr_expect_str_eq(host_of(s, 0), "b");
    world_free(&w);
}

Test(schedule, static_port_taken_by_an_earlier_job) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "");
    add_node(&w, "b", "");
    const char *r = "resources {\n network {\n port \"http\" {\n static = 8080\n }\n }\n}";
    const struct schedule_job *s1 = add_job(&w, job_text(&w, "one", 1, "", "", r));
    const struct schedule_job *s2 = add_job(&w, job_text(&w, "two", 1, "", "", r));
    cr_expect_str_neq(host_of(s1, 0), host_of(s2, 0));
    cr_expect_str_neq(host_of(s2, 0), "-");
    world_free(&w);
}

Test(schedule, static_port_twice_on_one_host_is_a_placement_failure) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "");
    const char *r = "resources {\n network {\n port \"http\" {\n static = 8080\n }\n }\n}";
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 2, "", "", r));
    cr_expect_str_eq(host_of(s, 0), "a");
    cr_expect_str_eq(host_of(s, 1), "-");
    cr_expect(strstr(s->groups[0].allocs[1].reasons[0], "already in use"));
    world_free(&w);
}

Test(schedule, dynamic_ports_per_host_skip_reserved_and_used) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "dynamic_ports = [20000, 20003]\nreserved {\n reserved_ports = \"20001\"\n}");
    const char *r = "resources {\n network {\n port \"http\" {}\n }\n}";
    const struct schedule_job *s1 = add_job(&w, job_text(&w, "one", 2, "", "", r));
    const struct schedule_job *s2 = add_job(&w, job_text(&w, "two", 2, "", "", r));
    cr_expect_eq(s1->groups[0].allocs[0].task_ports[0][0].host_port, 20000);
    cr_expect_eq(s1->groups[0].allocs[1].task_ports[0][0].host_port, 20002);
    cr_expect_eq(s2->groups[0].allocs[0].task_ports[0][0].host_port, 20003);
    /* the range is exhausted: the last allocation has no host */
    cr_expect_str_eq(host_of(s2, 1), "-");
    cr_expect(strstr(s2->groups[0].allocs[1].reasons[0], "dynamic port"));
    world_free(&w);
}

Test(schedule, binpack_prefers_the_fuller_host) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "memory_total_mb = 8192\ncpu_total_compute = 8000");
    add_node(&w, "b", "memory_total_mb = 1024\ncpu_total_compute = 1000");
    const char *r = "resources {\n memory = 256\n}";
    cr_expect_str_eq(host_of(add_job(&w, job_text(&w, "j", 1, "", "", r)), 0), "b");
    world_free(&w);
}

Test(schedule, job_anti_affinity_spreads_a_group) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "");
    add_node(&w, "b", "");
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 2, "", "", ""));
    cr_expect_str_eq(host_of(s, 0), "a");
    cr_expect_str_eq(host_of(s, 1), "b");
    world_free(&w);
}

Test(schedule, affinity) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "meta { ssd = \"false\" }");
    add_node(&w, "b", "meta { ssd = \"true\" }");
    const char *aff = "affinity {\n attribute = \"${meta.ssd}\"\n value = \"true\"\n weight = 100\n}";
    cr_expect_str_eq(host_of(add_job(&w, job_text(&w, "j", 1, "", aff, "")), 0), "b");
    world_free(&w);
}

Test(schedule, spread_with_targets) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "meta { zone = \"z1\" }");
    add_node(&w, "b", "meta { zone = \"z2\" }");
    const char *sp = "spread {\n attribute = \"${meta.zone}\"\n"
                     " target \"z1\" {\n percent = 25\n }\n target \"z2\" {\n percent = 75\n }\n}";
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 4, sp, "", ""));
    int on_b = 0;
    for (int i = 0; i < 4; i++)
        on_b += strcmp(host_of(s, i), "b") == 0;
    cr_expect_eq(on_b, 3);
    world_free(&w);
}

Test(schedule, deterministic_whatever_the_order_of_hosts) {
    const char *order[2][3] = {{"a", "b", "c"}, {"c", "a", "b"}};
    char got[2][64];
    for (int o = 0; o < 2; o++) {
        struct world w;
        world_init(&w);
        for (int i = 0; i < 3; i++)
            add_node(&w, order[o][i], "memory_total_mb = 2048");
        const struct schedule_job *s =
            add_job(&w, job_text(&w, "j", 5, "", "", "resources {\n memory = 300\n}"));
        got[o][0] = '\0';
        for (int i = 0; i < 5; i++)
            strcat(got[o], host_of(s, i));
        world_free(&w);
    }
    cr_expect_str_eq(got[0], got[1]);
}

Test(schedule, unprofiled_skips_the_node_checks) {
    struct world w;
    world_init(&w);
    add_node(&w, "node-1", "");
    start(&w, false);
    const char *c = "constraint {\n attribute = \"${meta.role}\"\n value = \"web\"\n}";
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 2, "", c, ""));
    cr_expect_str_neq(host_of(s, 0), "-");
    cr_expect_str_neq(host_of(s, 1), "-");
    cr_expect(fired(&w, "RKT060"));
    cr_expect(!fired(&w, "RKT024"));
    world_free(&w);
}

Test(schedule, unplaced_json_names_every_host) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "datacenter = \"west\"");
    add_node(&w, "b", "memory_total_mb = 100");
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 1, "", "", ""));
    struct buf out;
    buf_init(&out);
    size_t n = 0;
    schedule_json_unplaced(&out, s, &n);
    cr_expect_eq(n, 1);
    cr_expect(strstr(out.data, "\"job\": \"j\", \"group\": \"g\", \"index\": 0"));
    cr_expect(strstr(out.data, "\"a\": \"the node's datacenter"));
    cr_expect(strstr(out.data, "\"b\": \"dimension \\\"memory\\\" exhausted"));
    buf_free(&out);
    world_free(&w);
}

Test(schedule, system_job_one_allocation_per_feasible_host) {
    struct world w;
    world_init(&w);
    add_node(&w, "a", "datacenter = \"west\"");
    add_node(&w, "b", "");
    add_node(&w, "c", "memory_total_mb = 200");
    add_node(&w, "d", "");
    const char *text = "job \"s\" {\n  type = \"system\"\n  datacenters = [\"dc1\"]\n"
                       "  group \"g\" {\n    task \"t\" {\n      driver = \"rkt\"\n"
                       "      config {\n        image = \"example.com/app:1.0\"\n      }\n"
                       "    }\n  }\n}\n";
    const struct schedule_job *s = add_job(&w, text);
    /* a is filtered (datacenter); b and d run it; c lacks memory */
    cr_assert_eq(s->groups[0].count, 3);
    cr_expect_str_eq(host_of(s, 0), "b");
    cr_expect_str_eq(host_of(s, 1), "-");
    cr_expect_str_eq(host_of(s, 2), "d");
    for (int i = 0; i < 3; i++)
        cr_expect_eq(s->groups[0].allocs[i].index, 0);
    cr_expect_null(s->groups[0].allocs[1].reasons[0]);
    cr_expect(strstr(s->groups[0].allocs[1].reasons[2], "memory"));
    cr_expect_eq(s->unplaced, 1);
    world_free(&w);
}

Test(schedule, port_override_is_not_shared_on_a_host) {
    struct plan_port_override o = {NULL, "http", 25000};
    overrides = &o;
    override_count = 1;
    struct world w;
    world_init(&w);
    add_node(&w, "a", "");
    add_node(&w, "b", "");
    const char *r = "resources {\n network {\n port \"http\" {}\n }\n}";
    const struct schedule_job *s = add_job(&w, job_text(&w, "j", 3, "", "", r));
    cr_expect_str_eq(host_of(s, 0), "a");
    cr_expect_str_eq(host_of(s, 1), "b");
    cr_expect_str_eq(host_of(s, 2), "-");
    cr_expect(s->port_used[0]);
    overrides = NULL;
    override_count = 0;
    world_free(&w);
}
