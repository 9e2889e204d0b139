/* Tests for src/nomad/kind.c: what an input is when it is not a job file,
 * on parsed trees and on text that does not parse, and the template
 * placeholders of values. */
#include "hcl/parse.h"
#include "nomad/kind.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

static struct nomad_input_class classify(const char *text, bool *parsed) {
    struct source *src = source_from_memory("in.nomad", text, strlen(text));
    struct arena *arena = arena_new();
    struct diag_list diags;
    diag_list_init(&diags);
    struct hcl_file *tree = hcl_parse(arena, src, &diags);
    *parsed = tree && diag_count(&diags, SEVERITY_ERROR) == 0;
    struct nomad_input_class c = nomad_input_classify(src, *parsed ? tree : NULL);
    /* ac_kind points into the tree, which is freed below: keep a copy */
    static char ac_kind[64];
    if (c.ac_kind) {
        snprintf(ac_kind, sizeof ac_kind, "%s", c.ac_kind);
        c.ac_kind = ac_kind;
    }
    diag_list_free(&diags);
    arena_free(arena);
    source_free(src);
    return c;
}

static enum nomad_input_kind kind_of(const char *text) {
    bool parsed;
    return classify(text, &parsed).kind;
}

Test(nomad_kind, jobs_stay_jobs) {
    cr_assert_eq(kind_of("job \"web\" {\n  datacenters = [\"dc1\"]\n}\n"), NOMAD_INPUT_JOB);
    /* a stray agent key next to a job: the decoder's NMD001, not RKC020 */
    cr_assert_eq(kind_of("data_dir = \"/x\"\njob \"web\" {}\n"), NOMAD_INPUT_JOB);
    /* consul-template in a heredoc, and a syntax error elsewhere */
    cr_assert_eq(kind_of("job \"web\" {\n  template {\n    data = <<EOH\n{{ range service \"db\" }}\n"
                         "{{ end }}\nEOH\n  }\n  count = \n}\n"),
                 NOMAD_INPUT_JOB);
    cr_assert_eq(kind_of("unknown = 1\nother = 2\n"), NOMAD_INPUT_JOB);
}

Test(nomad_kind, agent_config) {
    cr_assert_eq(kind_of("data_dir = \"/var/nomad\"\nclient {\n  enabled = true\n}\n"),
                 NOMAD_INPUT_AGENT_CONFIG);
    cr_assert_eq(kind_of("{\"datacenter\": \"dc1\", \"server\": {\"enabled\": true}}"),
                 NOMAD_INPUT_AGENT_CONFIG);
    /* region and name alone are job words too */
    cr_assert_eq(kind_of("region = \"eu\"\nname = \"x\"\n"), NOMAD_INPUT_JOB);
}

Test(nomad_kind, manifests_and_api_jobs) {
    bool parsed;
    struct nomad_input_class c =
        classify("{\"acKind\": \"PodManifest\", \"acVersion\": \"0.8.11\", \"apps\": []}", &parsed);
    cr_assert_eq(c.kind, NOMAD_INPUT_RKT_POD_MANIFEST);
    cr_assert_str_eq(c.ac_kind, "PodManifest");
    cr_assert_eq(kind_of("{\"acVersion\": \"0.8.11\", \"acKind\": \"ImageManifest\", \"name\": \"x\"}"),
                 NOMAD_INPUT_RKT_IMAGE_MANIFEST);
    cr_assert_eq(kind_of("{\"ID\": \"x\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": []}"),
                 NOMAD_INPUT_API_JOB_UNWRAPPED);
    /* the same keys in native HCL are no API document */
    cr_assert_eq(kind_of("ID = \"x\"\nTaskGroups = []\n"), NOMAD_INPUT_JOB);
}

Test(nomad_kind, terraform_and_packer_parsed_or_not) {
    bool parsed;
    struct nomad_input_class c = classify(
        "resource \"nomad_job\" \"app\" {\n  jobspec = file(\"app.nomad\")\n}\n", &parsed);
    cr_assert_not(parsed);
    cr_assert_eq(c.kind, NOMAD_INPUT_TERRAFORM);
    cr_assert_eq(kind_of("provider \"nomad\" {\n  address = \"http://x\"\n}\n"),
                 NOMAD_INPUT_TERRAFORM);
    cr_assert_eq(kind_of("{\"builders\": [{\"type\": \"docker\"}]}"), NOMAD_INPUT_PACKER);
    cr_assert_eq(kind_of("source \"docker\" \"u\" {\n  image = \"ubuntu\"\n}\n"
                         "build {\n  sources = [\"source.docker.u\"]\n}\n"),
                 NOMAD_INPUT_PACKER);
}

Test(nomad_kind, templates) {
    bool parsed;
    struct nomad_input_class c =
        classify("job \"x\" {\n  count = [[ .count ]]\n}\n", &parsed);
    cr_assert_eq(c.kind, NOMAD_INPUT_TEMPLATE);
    cr_assert_eq(c.template_kind, NOMAD_TEMPLATE_LEVANT);
    c = classify("job \"[[ .name ]]\" {\n  datacenters = [\"dc1\"]\n}\n", &parsed);
    cr_assert(parsed);
    cr_assert_eq(c.template_kind, NOMAD_TEMPLATE_LEVANT);
    c = classify("job \"${name}\" {\n  datacenters = [\"dc1\"]\n}\n", &parsed);
    cr_assert_eq(c.kind, NOMAD_INPUT_TEMPLATE);
    cr_assert_eq(c.template_kind, NOMAD_TEMPLATE_TERRAFORM);
    c = classify("job \"x\" {\n%{ for p in ports ~}\n  x = 1\n%{ endfor ~}\n}\n", &parsed);
    cr_assert_eq(c.template_kind, NOMAD_TEMPLATE_TERRAFORM);
    c = classify("job \"x\" {\n  count = ${COUNT}\n}\n", &parsed);
    cr_assert_eq(c.template_kind, NOMAD_TEMPLATE_ENVSUBST);
    c = classify("job \"x\" {\n{{ range .Groups }}\n  group \"g\" {}\n{{ end }}\n}\n", &parsed);
    cr_assert_eq(c.template_kind, NOMAD_TEMPLATE_GO);
    /* two values with Terraform's ${name}: a template; Nomad's own or
     * one alone: a job */
    c = classify("job \"x\" {\n  group \"g\" {\n    count = \"${count}\"\n    task \"t\" {\n"
                 "      config {\n        image = \"${image}\"\n      }\n    }\n  }\n}\n", &parsed);
    cr_assert_eq(c.kind, NOMAD_INPUT_TEMPLATE);
    cr_assert_eq(kind_of("job \"x\" {\n  meta {\n    a = \"${image}\"\n"
                         "    b = \"${NOMAD_PORT_http}${node.datacenter}\"\n  }\n}\n"),
                 NOMAD_INPUT_JOB);
    /* Nomad 1.x HCL2 jobs declare their variables */
    cr_assert_eq(kind_of("variable \"dc\" {\n  default = \"dc1\"\n}\njob \"x\" {\n"
                         "  datacenters = [\"${var.dc}\"]\n}\n"),
                 NOMAD_INPUT_JOB);
    /* a placeholder only inside a string, in a file that parses: a job */
    cr_assert_eq(kind_of("job \"x\" {\n  meta {\n    v = \"{{version}}\"\n  }\n}\n"),
                 NOMAD_INPUT_JOB);
}

Test(nomad_kind, placeholders_in_values) {
    struct nomad_marker m;
    const char *s = "http://server/grafana.{{version}}.aci";
    cr_assert(nomad_template_marker(s, strlen(s), 0, &m));
    cr_assert_eq(m.kind, NOMAD_TEMPLATE_GO);
    cr_assert_eq(m.end - m.start, strlen("{{version}}"));
    s = "/etc/[[ .conf ]]";
    cr_assert(nomad_template_marker(s, strlen(s), 0, &m));
    cr_assert_eq(m.kind, NOMAD_TEMPLATE_LEVANT);
    s = "${var.image}";
    cr_assert(nomad_template_marker(s, strlen(s), 0, &m));
    cr_assert_eq(m.kind, NOMAD_TEMPLATE_TERRAFORM);
    s = "${upper(name)}";
    cr_assert(nomad_template_marker(s, strlen(s), 0, &m));
    const char *nomad[] = {"${NOMAD_PORT_http}", "${node.datacenter}", "${attr.kernel.name}",
                           "${meta.version}", "${env[\"HOME\"]}", "[[1, 2]]", "[[\"a\"]]",
                           "$${var.x}", "{{ unclosed"};
    for (size_t i = 0; i < sizeof nomad / sizeof nomad[0]; i++)
        cr_assert_not(nomad_template_marker(nomad[i], strlen(nomad[i]), 0, &m), "%s", nomad[i]);
}
