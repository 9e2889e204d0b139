/* test_rkt_env.c — the task environment (env.h, rkt-driver.md §4.3),
 * config interpolation (interp.h, §5) and the host profile (node.h). */
#include "hcl/parse.h"
#include "rkt/env.h"
#include "rkt/interp.h"
#include "rkt/node.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <string.h>

static struct rkt_pairs pairs(struct arena *a, const char *const *kv, size_t n) {
    struct rkt_pairs p = {arena_array(a, n + 1, sizeof(struct rkt_pair)), n};
    for (size_t i = 0; i < n; i++) {
        p.items[i].key = kv[2 * i];
        p.items[i].value = kv[2 * i + 1];
    }
    return p;
}

static void build(struct arena *a, struct node_profile *node, struct task_env *env,
                  const struct rkt_pairs *task_meta, const struct rkt_pairs *user_env) {
    node_defaults(a, node);
    node->address = "10.0.0.10";
    static const struct env_port ports[] = {{"db", 6379}, {"metrics", 28571}};
    static const struct env_other_port others[] = {{"side", "admin", 20001}};
    struct env_params p = {
        .alloc_id = "5b3c1e2a-9f4d-4c1b-8e7a-1a2b3c4d5e6f", .alloc_index = 0, .job = "web",
        .job_id = "web", .group = "cache", .task = "redis", .cpu = 500, .memory = 256,
        .ip = node->address, .ports = ports, .port_count = 2, .other_ports = others,
        .other_port_count = 1, .task_meta = task_meta, .user_env = user_env,
    };
    env_build(a, &p, node, env);
}

Test(rkt_env, keys_values_and_order) {
    struct arena *a = arena_new();
    struct node_profile node;
    struct task_env env;
    build(a, &node, &env, NULL, NULL);
    cr_expect_eq(env.count, 14 + 2 * 4 + 3);
    for (size_t i = 1; i < env.count; i++)
        cr_expect(strcmp(env.vars[i - 1].key, env.vars[i].key) < 0);
    cr_expect_str_eq(env_lookup(&env, "NOMAD_ADDR_metrics"), "10.0.0.10:28571");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_PORT_db"), "6379");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_HOST_PORT_db"), "6379");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_ALLOC_NAME"), "web.cache[0]");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_ADDR_side_admin"), "10.0.0.10:20001");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_PORT_side_admin"), "20001");
    cr_expect_null(env_lookup(&env, "NOMAD_HOST_PORT_side_admin"));
    cr_expect_str_eq(env_lookup(&env, "NOMAD_NAMESPACE"), "default");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_DC"), "dc1");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_REGION"), "global");
    arena_free(a);
}

Test(rkt_env, meta_both_spellings_and_cleaning) {
    struct arena *a = arena_new();
    static const char *const meta[] = {"a.b", "c", "my-key", "v", "\xc3\xbc", "u"};
    struct rkt_pairs m = pairs(a, meta, 3);
    static const char *const user[] = {"a-b", "1", "NOMAD_PORT_x-y", "2", "NOMAD_METAL-x", "3",
                                       "FOO", "bar baz", "D", "$${NOMAD_JOB_NAME}",
                                       "NOMAD_TASK_NAME", "mine", "U", "${NOMAD_UNKNOWN}"};
    struct rkt_pairs u = pairs(a, user, 7);
    struct node_profile node;
    struct task_env env;
    build(a, &node, &env, &m, &u);
    cr_expect_str_eq(env_lookup(&env, "NOMAD_META_A.B"), "c");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_META_a.b"), "c");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_META_MY_KEY"), "v");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_META_my_key"), "v");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_META___"), "u");
    cr_expect_str_eq(env_lookup(&env, "a-b"), "1"); /* user keys verbatim */
    cr_expect_str_eq(env_lookup(&env, "NOMAD_PORT_x_y"), "2");
    cr_expect_str_eq(env_lookup(&env, "NOMAD_METAL-x"), "3");
    cr_expect_str_eq(env_lookup(&env, "FOO"), "bar baz");
    cr_expect_str_eq(env_lookup(&env, "D"), "$web"); /* $$ is no escape here */
    cr_expect_str_eq(env_lookup(&env, "NOMAD_TASK_NAME"), "mine"); /* user env wins */
    cr_expect_str_eq(env_lookup(&env, "U"), "${NOMAD_UNKNOWN}");
    arena_free(a);
}

Test(rkt_env, plain_substitution) {
    struct arena *a = arena_new();
    struct node_profile node;
    struct task_env env;
    build(a, &node, &env, NULL, NULL);
    cr_expect_str_eq(env_substitute(a, "${NOMAD_PORT_db}/${attr.kernel.name}/${node.region}", &env, &node),
                     "6379/linux/global");
    cr_expect_str_eq(env_substitute(a, "${env[\"X\"]} $$HOME ${a b}", &env, &node),
                     "${env[\"X\"]} $$HOME ${a b}");
    arena_free(a);
}

static const char *eval(struct arena *a, const struct interp_scope *s, const char *text,
                        enum interp_status *status) {
    struct interp_result r = interp_template(a, text, s);
    *status = r.status;
    return r.status == INTERP_OK ? r.text : r.message;
}

Test(rkt_interp, templates) {
    struct arena *a = arena_new();
    struct node_profile node;
    struct task_env env;
    build(a, &node, &env, NULL, NULL);
    struct interp_scope s = {&env, &node};
    enum interp_status st;
    cr_expect_str_eq(eval(a, &s, "${NOMAD_TASK_DIR}/run.sh", &st), "/local/run.sh");
    cr_expect_str_eq(eval(a, &s, "--listen=${NOMAD_PORT_db}", &st), "--listen=6379");
    cr_expect_str_eq(eval(a, &s, "${attr.kernel.name}", &st), "linux");
    cr_expect_str_eq(eval(a, &s, "${attr.driver.rkt.version}", &st), "1.30.0");
    cr_expect_str_eq(eval(a, &s, "${node.datacenter}-${node.unique.name}", &st), "dc1-node-1");
    cr_expect_str_eq(eval(a, &s, "${meta.rack}", &st), "r1");
    cr_expect_str_eq(eval(a, &s, "${env[\"NOMAD_TASK_NAME\"]}", &st), "redis");
    cr_expect_str_eq(eval(a, &s, "${upper(NOMAD_TASK_NAME)}", &st), "REDIS");
    cr_expect_str_eq(eval(a, &s, "$${X} $$HOME %%{y}", &st), "${X} $$HOME %{y}");
    cr_expect_str_eq(eval(a, &s, "${ NOMAD_JOB_NAME }", &st), "web");
    cr_expect_eq(st, INTERP_OK);
    cr_expect_str_eq(eval(a, &s, "${UNDEFINED_X}", &st),
                     "Unknown variable: There is no variable named \"UNDEFINED_X\".");
    cr_expect_eq(st, INTERP_ERROR);
    cr_expect_str_eq(eval(a, &s, "${meta.nope}", &st),
                     "Unsupported attribute: This object does not have an attribute named \"nope\".");
    cr_expect_eq(st, INTERP_ERROR);
    eval(a, &s, "${env[\"NOPE\"]}", &st);
    cr_expect_eq(st, INTERP_ERROR);
    eval(a, &s, "${attr.kernel}", &st); /* an object, not a string */
    cr_expect_eq(st, INTERP_ERROR);
    eval(a, &s, "${substr(NOMAD_TASK_NAME, 0, 1)}", &st);
    cr_expect_eq(st, INTERP_UNSUPPORTED);
    eval(a, &s, "%{ if true }yes%{ endif }", &st);
    cr_expect_eq(st, INTERP_UNSUPPORTED);
    arena_free(a);
}

static bool read_node(struct arena *a, const char *text, struct node_profile *node,
                      struct diag_list *diags, struct source **src) {
    node_defaults(a, node);
    *src = source_from_memory("node.hcl", text, strlen(text));
    struct hcl_file *f = hcl_parse(a, *src, diags);
    cr_assert(f);
    return node_read(a, f, node, diags);
}

Test(rkt_node, defaults_and_profile) {
    struct arena *a = arena_new();
    struct diag_list d;
    diag_list_init(&d);
    struct node_profile n;
    struct source *src;
    cr_expect(read_node(a,
                        "node {\n  name = \"n2\"\n  datacenter = \"eu\"\n  volumes_enabled = false\n"
                        "  dynamic_ports = [30000, 30010]\n  attributes { \"kernel.name\" = \"darwin\" }\n"
                        "  meta { rack = \"r2\" }\n  host_volume \"pg\" {\n    path = \"/opt/pg\"\n"
                        "    read_only = true\n  }\n}\n",
                        &n, &d, &src));
    cr_expect_eq(d.count, 0);
    cr_expect_str_eq(n.name, "n2");
    cr_expect_str_eq(n.datacenter, "eu");
    cr_expect_str_eq(n.region, "global");
    cr_expect_str_eq(n.alloc_dir, "/var/lib/nomad/alloc");
    cr_expect(!n.volumes_enabled);
    cr_expect_eq(n.dynamic_min, 30000);
    cr_expect_eq(n.dynamic_max, 30010);
    cr_expect_str_eq(node_attribute(&n, "kernel.name"), "darwin");
    /* a written attributes block is the whole fingerprint: no rkt version,
     * no rkt driver */
    cr_expect_null(node_attribute(&n, "driver.rkt.version"));
    cr_expect_null(node_attribute(&n, "driver.rkt"));
    cr_expect_null(node_attribute(&n, "driver.rkt.volumes.enabled"));
    cr_expect_str_eq(node_meta(&n, "rack"), "r2");
    cr_expect_str_eq(node_host_volume(&n, "pg")->path, "/opt/pg");
    cr_expect_null(node_host_volume(&n, "shared"));
    cr_expect_eq(n.cpu_total_compute, 0); /* unlimited */
    cr_expect_eq(n.memory_total_mb, 0);
    diag_list_free(&d);
    source_free(src);
    arena_free(a);
}

Test(rkt_node, capacity_keys) {
    struct arena *a = arena_new();
    struct diag_list d;
    diag_list_init(&d);
    struct node_profile n;
    struct source *src;
    cr_expect(read_node(a,
                        "node {\n  node_class = \"gpu\"\n  cpu_total_compute = 4000\n"
                        "  memory_total_mb = 2048\n"
                        "  reserved {\n    cpu = 100\n    memory = 256\n"
                        "    reserved_ports = \"22, 80,8000-8100\"\n  }\n}\n",
                        &n, &d, &src));
    cr_expect_eq(d.count, 0);
    cr_expect_str_eq(n.class_name, "gpu"); /* Nomad's node_class */
    cr_expect_eq(n.cpu_total_compute, 4000);
    cr_expect_eq(n.memory_total_mb, 2048);
    cr_expect_eq(n.reserved_cpu, 100);
    cr_expect_eq(n.reserved_memory, 256);
    cr_expect_eq(n.reserved_range_count, 3);
    cr_expect(node_port_reserved(&n, 22));
    cr_expect(node_port_reserved(&n, 80));
    cr_expect(node_port_reserved(&n, 8000));
    cr_expect(node_port_reserved(&n, 8100));
    cr_expect(!node_port_reserved(&n, 8101));
    cr_expect(!node_port_reserved(&n, 23));
    /* the defaults stay when only capacity is written */
    cr_expect_str_eq(node_attribute(&n, "driver.rkt"), "1");
    diag_list_free(&d);
    source_free(src);
    arena_free(a);
}

Test(rkt_node, invalid_profiles) {
    static const char *const bad[] = {
        "node { dynamic_ports = 20000 }\n",
        "node { dynamic_ports = [32000, 20000] }\n",
        "node { nmae = \"x\" }\n",
        "node { volumes_enabled = \"yes\" }\n",
        "host { name = \"x\" }\n",
        "node { reserved { reserved_ports = \"22,abc\" } }\n",
        "node { reserved { reserved_ports = \"90-80\" } }\n",
        "node { reserved { disks = 1 } }\n",
        "node { memory_total_mb = -1 }\n",
        "node { cpu_total_compute = \"4000\" }\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct arena *a = arena_new();
        struct diag_list d;
        diag_list_init(&d);
        struct node_profile n;
        struct source *src;
        cr_expect(!read_node(a, bad[i], &n, &d, &src), "%s", bad[i]);
        cr_expect(d.count > 0 && strcmp(d.items[0].rule->id, "RKT040") == 0, "%s", bad[i]);
        diag_list_free(&d);
        source_free(src);
        arena_free(a);
    }
}

Test(rkt_node, the_documented_defaults_file_equals_the_built_in_defaults) {
    struct arena *a = arena_new();
    struct diag_list d;
    diag_list_init(&d);
    char *error = NULL;
    struct source *src = source_load("testdata/rkt/node/default.hcl", NULL, &error);
    cr_assert(src, "%s", error ? error : "");
    struct hcl_file *f = hcl_parse(a, src, &d);
    cr_assert(f);
    struct node_profile read, built;
    node_defaults(a, &read);
    cr_expect(node_read(a, f, &read, &d));
    node_defaults(a, &built);
    cr_expect_str_eq(read.id, built.id);
    cr_expect_str_eq(read.name, built.name);
    cr_expect_str_eq(read.datacenter, built.datacenter);
    cr_expect_str_eq(read.region, built.region);
    cr_expect_str_eq(read.class_name, built.class_name);
    cr_expect_str_eq(read.address, built.address);
    cr_expect_str_eq(read.alloc_dir, built.alloc_dir);
    cr_expect_str_eq(read.rkt_path, built.rkt_path);
    cr_expect_eq(read.volumes_enabled, built.volumes_enabled);
    cr_expect_eq(read.dynamic_min, built.dynamic_min);
    cr_expect_eq(read.dynamic_max, built.dynamic_max);
    cr_expect_eq(read.attributes.count, built.attributes.count);
    for (size_t i = 0; i < built.attributes.count; i++)
        cr_expect_str_eq(node_attribute(&read, built.attributes.items[i].key),
                         built.attributes.items[i].value);
    cr_expect_eq(read.meta.count, built.meta.count);
    cr_expect_eq(read.host_volume_count, built.host_volume_count);
    diag_list_free(&d);
    source_free(src);
    arena_free(a);
}
