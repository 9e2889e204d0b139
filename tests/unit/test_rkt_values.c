/* test_rkt_values.c — rkt's and the driver's value rules (names.h,
 * values.h, imageref.h) against the texts of rkt-cli.md and rkt-driver.md. */
#include "rkt/imageref.h"
#include "rkt/names.h"
#include "util/distance.h"
#include "rkt/values.h"
#include "util/arena.h"

#include <criterion/criterion.h>
#include <string.h>

Test(rkt_names, acname) {
    cr_expect_null(acname_error("6379-tcp"));
    cr_expect_null(acname_error("a--b"));
    cr_expect_str_eq(acname_error(""), "ACName cannot be empty");
    cr_expect_str_eq(acname_error("HTTP"),
                     "ACName must contain only lower case alphanumeric characters plus \"-\"");
    cr_expect_str_eq(acname_error("8080/tcp"),
                     "ACName must contain only lower case alphanumeric characters plus \"-\"");
    cr_expect_str_eq(acname_error("-a"),
                     "ACName must start and end with only lower case alphanumeric characters");
}

Test(rkt_names, acidentifier) {
    cr_expect_null(acidentifier_error("example.com/app"));
    cr_expect_null(acidentifier_error("a_b~c"));
    cr_expect_not_null(acidentifier_error("example.com/foo/*"));
    cr_expect_not_null(acidentifier_error("Example.com"));
    cr_expect_not_null(acidentifier_error("example.com/"));
}

Test(rkt_names, volume_task_name_only_replaces_underscores) {
    struct arena *a = arena_new();
    cr_expect_str_eq(rkt_volume_task_name(a, "web_server"), "web-server");
    cr_expect_str_eq(rkt_volume_task_name(a, "Web.x_y"), "Web.x-y");
    arena_free(a);
}

Test(rkt_names, docker_port_names) {
    cr_expect(docker_port_name_ok("6379-tcp"));
    cr_expect(docker_port_name_ok("53-udp"));
    cr_expect(!docker_port_name_ok("6379"));
    cr_expect(!docker_port_name_ok("http"));
    cr_expect(!docker_port_name_ok("70000-tcp"));
    cr_expect(!docker_port_name_ok("0-tcp"));
}

Test(rkt_names, edit_distance) {
    cr_expect_eq(edit_distance("insecure-options", "insecure_options", 3), 1);
    cr_expect_eq(edit_distance("imgae", "image", 3), 2);
    cr_expect_eq(edit_distance("hostname", "image", 2), 3);
}

Test(rkt_values, volume_split) {
    struct arena *a = arena_new();
    struct volume_parts p = volume_split(a, "/etc/ssl:/etc/ssl:readOnly");
    cr_expect_eq(p.count, 3);
    cr_expect(p.read_only);
    cr_expect_str_eq(p.host, "/etc/ssl");
    p = volume_split(a, "/srv/x:/x:readonly");
    cr_expect(!p.read_only);
    cr_expect_eq(volume_split(a, "/a").count, 1);
    cr_expect_eq(volume_split(a, "/a:/b:readOnly:x").count, 4);
    cr_expect_eq(volume_split(a, "/a:").count, 2);
    arena_free(a);
}

Test(rkt_values, go_parse_ip) {
    cr_expect(go_parse_ip("8.8.8.8"));
    cr_expect(go_parse_ip("010.001.1.1")); /* Go 1.12 accepts leading zeros */
    cr_expect(go_parse_ip("::1"));
    cr_expect(go_parse_ip("::ffff:1.2.3.4"));
    cr_expect(!go_parse_ip("host"));
    cr_expect(!go_parse_ip("8.8.8"));
    cr_expect(!go_parse_ip("256.1.1.1"));
    cr_expect(!go_parse_ip("1.2.3.4:53"));
    cr_expect(!go_parse_ip(""));
}

Test(rkt_values, insecure_options) {
    struct arena *a = arena_new();
    const char *bad;
    cr_expect_null(insecure_options_error(a, "image,tls,ondisk", &bad));
    cr_expect_null(insecure_options_error(a, "all,image", &bad));
    cr_expect_null(insecure_options_error(a, "", &bad));
    cr_expect_str_eq(insecure_options_error(a, "image, http", &bad), "unknown option \" http\"");
    cr_expect_str_eq(insecure_options_error(a, "image,IMAGE", &bad),
                     "duplicated option \"image\"");
    cr_expect_str_eq(insecure_options_error(a, "image,", &bad), "unknown option \"\"");
    cr_expect(insecure_options_allow_image("tls,Image"));
    cr_expect(insecure_options_allow_image("all-fetch"));
    cr_expect(!insecure_options_allow_image("all-run,tls"));
    arena_free(a);
}

Test(rkt_values, net_list) {
    struct arena *a = arena_new();
    cr_expect_null(net_list_error(a, "default,mynet:IP=10.1.2.3"));
    cr_expect_str_eq(net_list_error(a, "default,"), "netname must not be empty");
    cr_expect_str_eq(net_list_error(a, "a,a"), "found duplicate netname \"a\"");
    cr_expect_str_eq(net_list_error(a, "host:x=1"),
                     "arguments are not supported by special netname \"host\"");
    cr_expect_str_eq(net_list_error(a, "a:b:c"),
                     "network \"a\" provided with invalid arguments: [b c]");
    arena_free(a);
}

Test(rkt_values, port_flag) {
    struct arena *a = arena_new();
    cr_expect_null(port_flag_error(a, "6379-tcp:28571"));
    cr_expect_null(port_flag_error(a, "http:1.2.3.4:80"));
    cr_expect_str_eq(port_flag_error(a, "http"), "\"http\" is not in name:[ip:]port format");
    cr_expect_str_eq(port_flag_error(a, "HTTP:80"), "\"HTTP\" is not a valid port name");
    cr_expect_str_eq(port_flag_error(a, "http:80800"), "\"80800\" is not a valid port number");
    cr_expect_str_eq(port_flag_error(a, "http:1.2.3:80"), "\"1.2.3\" is not a valid IP");
    /* rkt's bug: the 3-part form quotes the IP */
    cr_expect_str_eq(port_flag_error(a, "http:1.2.3.4:x"), "\"1.2.3.4\" is not a valid port number");
    arena_free(a);
}

struct image_case {
    const char *image;
    enum image_kind kind;
    const char *error; /* NULL: accepted; "" any error */
};

Test(rkt_imageref, classification) {
    static const struct image_case cases[] = {
        {"coreos.com/etcd:v2.0.4", IMAGE_APPC_NAME, NULL},
        {"example.com/app:1.0", IMAGE_APPC_NAME, NULL},
        {"busybox", IMAGE_APPC_NAME, NULL},
        {"etcd:v2", IMAGE_APPC_NAME, NULL},
        {"sha512-0123456789ab", IMAGE_HASH, NULL},
        {"sha512-a", IMAGE_HASH, "image ID too short"},
        {"sha256-abcd", IMAGE_APPC_NAME, NULL},
        {"/opt/app.aci", IMAGE_FILE, NULL},
        {"/opt/app", IMAGE_FILE, "invalid image string \"file:///opt/app\""},
        {"./app.aci", IMAGE_FILE, NULL},
        {"https://example.com/app-1.0.aci", IMAGE_URL, NULL},
        {"https://example.com/app", IMAGE_URL, "invalid image string \"https://example.com/app\""},
        {"docker://redis:3.2", IMAGE_DOCKER, NULL},
        {"docker://quay.io/coreos/etcd:v3.3", IMAGE_DOCKER, NULL},
        {"docker://localhost:5000/app", IMAGE_DOCKER, NULL},
        {"docker:busybox", IMAGE_DOCKER, NULL},
        {"docker://Busybox", IMAGE_DOCKER,
         "docker distribution creation error: bad docker URL \"Busybox\": invalid reference "
         "format: repository name must be lowercase"},
        {"docker://redis:", IMAGE_DOCKER, ""},
        {"docker://redis@sha256:abc", IMAGE_DOCKER, ""},
        {"3scale:1.0", IMAGE_INVALID, "failed to parse image url \"3scale:1.0\""},
        {"Example.com/app", IMAGE_APPC_NAME, ""},
        {"example.com/app:1:2", IMAGE_APPC_NAME, ""},
        {"example.com/app,os=linux:1", IMAGE_APPC_NAME, ""},
        {"example.com/app:1.0,os=linux", IMAGE_APPC_NAME, NULL},
        {"example.com/app,os", IMAGE_APPC_NAME, ""},
        {"cimd:appc:v=0:x", IMAGE_CIMD, NULL},
    };
    struct arena *a = arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct image_ref r = image_classify(a, cases[i].image);
        cr_expect_eq(r.kind, cases[i].kind, "%s: kind %d", cases[i].image, r.kind);
        if (!cases[i].error)
            cr_expect_null(r.error, "%s: %s", cases[i].image, r.error ? r.error : "");
        else if (!*cases[i].error)
            cr_expect_not_null(r.error, "%s: accepted", cases[i].image);
        else
            cr_expect_str_eq(r.error ? r.error : "(none)", cases[i].error, "%s", cases[i].image);
    }
    arena_free(a);
}

Test(rkt_imageref, trust_prefix) {
    struct arena *a = arena_new();
    cr_expect_null(trust_prefix_error(a, "coreos.com/etcd"));
    cr_expect_str_eq(trust_prefix_error(a, "https://example.com"),
                     "--prefix must not contain a URL scheme, omit https://");
    cr_expect_not_null(trust_prefix_error(a, "example.com/foo/*"));
    cr_expect_not_null(trust_prefix_error(a, "Example.com"));
    arena_free(a);
}
