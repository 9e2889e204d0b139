/* cmd_node.c — `rktc node init [--from-host] [-o FILE] [--force]`: write a
 * host profile (the `--node FILE` of check, plan and build), every key with
 * a comment that says what it is.
 *
 * Without --from-host the profile holds the defaults. With --from-host it
 * is filled from the running machine the way Nomad 0.12's client
 * fingerprints it: the host name (os.Hostname), kernel name and version
 * (uname), arch (Go's GOARCH names), CPU MHz per core (cpufreq's
 * cpuinfo_max_freq, else /proc/cpuinfo's "cpu MHz"), logical cores and
 * their product cpu.totalcompute, memory (/proc/meminfo MemTotal), the
 * IPv4 address of the default route's interface, and the rkt version
 * (`rkt version`) when `rkt` is on PATH. The capacity keys are then set
 * from the machine; without --from-host they are unlimited. Writes to
 * stdout, or atomically to FILE (an existing FILE only with --force).
 * Exit 0; 2 when FILE cannot be written; 3 on a usage error. */
#include "cli/args.h"
#include "cli/cli.h"
#include "rkt/node.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/safe_write.h"
#include "util/xalloc.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <math.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

/* ---- the fingerprint ------------------------------------------------------ */

struct host_facts {
    char hostname[256];
    char kernel_version[256];
    const char *arch;     /* GOARCH */
    char machine[64];     /* uname -m */
    double mhz;           /* per core, floored */
    long cores;
    long long memory_bytes;
    char address[INET_ADDRSTRLEN];
    char rkt_version[64];
    char appc_version[64];
    char rkt_path[1024];
};

static const char *goarch(const char *machine) {
    static const char *const map[][2] = {
        {"x86_64", "amd64"}, {"amd64", "amd64"},   {"aarch64", "arm64"}, {"arm64", "arm64"},
        {"i386", "386"},     {"i486", "386"},      {"i586", "386"},      {"i686", "386"},
        {"armv6l", "arm"},   {"armv7l", "arm"},    {"armv8l", "arm"},    {"ppc64le", "ppc64le"},
        {"ppc64", "ppc64"},  {"s390x", "s390x"},   {"mips64", "mips64"}, {"riscv64", "riscv64"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(machine, map[i][0]) == 0)
            return map[i][1];
    return machine;
}

/* copies src into dst (size bytes), cut short when longer */
static void copy_text(char *dst, size_t size, const char *src) {
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* the first line of path starting with key, the text after its ':' */
static bool read_field(const char *path, const char *key, char *out, size_t size) {
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[512];
    bool found = false;
    size_t n = strlen(key);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, n) != 0)
            continue;
        const char *colon = strchr(line + n, ':');
        if (!colon)
            continue;
        colon++;
        while (*colon == ' ' || *colon == '\t')
            colon++;
        copy_text(out, size, colon);
        out[strcspn(out, "\n")] = '\0';
        found = true;
        break;
    }
    fclose(f);
    return found;
}

static double cpu_mhz(void) {
    /* gopsutil: "cpu MHz" of the first processor, replaced by cpufreq's
     * maximum when the kernel has one */
    double mhz = 0;
    char text[128];
    FILE *f = fopen("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "r");
    if (f) {
        long khz = 0;
        if (fscanf(f, "%ld", &khz) == 1 && khz > 0)
            mhz = (double)khz / 1000.0;
        fclose(f);
    }
    if (mhz <= 0 && read_field("/proc/cpuinfo", "cpu MHz", text, sizeof text))
        mhz = strtod(text, NULL);
    return floor(mhz);
}

static long long memory_bytes(void) {
    char text[128];
    if (!read_field("/proc/meminfo", "MemTotal", text, sizeof text))
        return 0;
    return strtoll(text, NULL, 10) * 1024; /* kB */
}

/* The interface of the default route (/proc/net/route), and its first
 * IPv4 address: Nomad's network fingerprint without network_interface. */
static void default_route_address(char *out, size_t size) {
    out[0] = '\0';
    FILE *f = fopen("/proc/net/route", "r");
    if (!f)
        return;
    char line[512], iface[IF_NAMESIZE + 1] = "";
    while (fgets(line, sizeof line, f)) {
        char name[64];
        unsigned long dest, gateway, flags, mask;
        int refcnt, use, metric;
        if (sscanf(line, "%63s %lx %lx %lx %d %d %d %lx", name, &dest, &gateway, &flags, &refcnt,
                   &use, &metric, &mask) != 8)
            continue;
        if (dest == 0 && mask == 0 && (flags & 1)) { /* RTF_UP */
            copy_text(iface, sizeof iface, name);
            break;
        }
    }
    fclose(f);
    if (!*iface)
        return;
    struct ifaddrs *list;
    if (getifaddrs(&list) != 0)
        return;
    for (struct ifaddrs *a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET || strcmp(a->ifa_name, iface) != 0)
            continue;
        const struct sockaddr_in *sin = (const struct sockaddr_in *)(const void *)a->ifa_addr;
        inet_ntop(AF_INET, &sin->sin_addr, out, (socklen_t)size);
        break;
    }
    freeifaddrs(list);
}

/* `rkt` on PATH: its absolute path */
static bool find_on_path(const char *name, char *out, size_t size) {
    const char *path = getenv("PATH");
    if (!path)
        return false;
    const char *p = path;
    while (*p) {
        size_t len = strcspn(p, ":");
        if (len > 0 && len + strlen(name) + 2 <= size) {
            snprintf(out, size, "%.*s/%s", (int)len, p, name);
            if (access(out, X_OK) == 0 && out[0] == '/')
                return true;
        }
        p += len;
        if (*p == ':')
            p++;
    }
    out[0] = '\0';
    return false;
}

static void rkt_versions(struct host_facts *h) {
    if (!find_on_path("rkt", h->rkt_path, sizeof h->rkt_path))
        return;
    struct buf cmd;
    buf_init(&cmd);
    buf_puts(&cmd, "'");
    for (const char *c = h->rkt_path; *c; c++)
        if (*c == '\'')
            buf_puts(&cmd, "'\\''");
        else
            buf_putc(&cmd, *c);
    buf_puts(&cmd, "' version 2>/dev/null");
    FILE *p = popen(cmd.data, "r");
    buf_free(&cmd);
    if (!p)
        return;
    char line[256];
    while (fgets(line, sizeof line, p)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "rkt Version: ", 13) == 0)
            copy_text(h->rkt_version, sizeof h->rkt_version, line + 13);
        else if (strncmp(line, "appc Version: ", 14) == 0)
            copy_text(h->appc_version, sizeof h->appc_version, line + 14);
    }
    pclose(p);
}

static void fingerprint(struct host_facts *h) {
    memset(h, 0, sizeof *h);
    if (gethostname(h->hostname, sizeof h->hostname - 1) != 0 || !*h->hostname)
        copy_text(h->hostname, sizeof h->hostname, "node-1");
    struct utsname u;
    if (uname(&u) == 0) {
        copy_text(h->kernel_version, sizeof h->kernel_version, u.release);
        copy_text(h->machine, sizeof h->machine, u.machine);
    }
    h->arch = goarch(h->machine);
    h->mhz = cpu_mhz();
    h->cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (h->cores < 1)
        h->cores = 1;
    h->memory_bytes = memory_bytes();
    default_route_address(h->address, sizeof h->address);
    rkt_versions(h);
}

/* ---- writing the profile ---------------------------------------------------- */

static void quoted(struct buf *out, const char *s) {
    buf_putc(out, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            buf_putc(out, '\\');
        if ((unsigned char)*s < 0x20)
            buf_printf(out, "\\u%04x", (unsigned char)*s);
        else
            buf_putc(out, *s);
    }
    buf_putc(out, '"');
}

static void line(struct buf *out, const char *comment, const char *key, const char *value) {
    buf_printf(out, "\n  # %s\n  %s = ", comment, key);
    quoted(out, value);
    buf_putc(out, '\n');
}

static void render(struct buf *out, const struct node_profile *n, const struct host_facts *h) {
    buf_puts(out, "# Host profile for rktc: what a Nomad client on this host would know.\n"
                  "# Give it to `rktc check`, `rktc plan` and `rktc build` with --node FILE;\n"
                  "# give --node once per host to place jobs on a fleet.\n");
    if (h)
        buf_printf(out, "# Written by `rktc node init --from-host` on %s, from the same\n"
                        "# sources Nomad 0.12's client fingerprints read.\n",
                   h->hostname);
    else
        buf_puts(out, "# Written by `rktc node init`: every value is rktc's default.\n");
    buf_puts(out, "# Every key is optional; one left out takes the value shown here by\n"
                  "# `rktc node init` (without --from-host).\n"
                  "node {");
    line(out, "The node's name: ${node.unique.name}, the host in plans, the directory\n"
              "  # of its files in `rktc build -o DIR` with several hosts (Nomad: the host name).",
         "name", n->name);
    line(out, "NOMAD_DC and ${node.datacenter}: the job's datacenters must include it.",
         "datacenter", n->datacenter);
    line(out, "NOMAD_REGION: the job's region must be this one.", "region", n->region);
    line(out, "${node.class}: the client's node_class.", "class", n->class_name);
    line(out, "NOMAD_IP_<label> and NOMAD_ADDR_<label>: the address tasks' ports are\n"
              "  # bound to (Nomad: the first IPv4 address of the default route's interface).",
         "address", n->address);
    line(out, "The client's data_dir + \"/alloc\": allocation directories are\n"
              "  # <alloc_dir>/<allocation id>/<task>.",
         "alloc_dir", n->alloc_dir);
    line(out, "argv[0] of every rkt command in plans and generated files.", "rkt_path",
         n->rkt_path);
    buf_printf(out, "\n  # The rkt plugin's volumes option: false refuses tasks with volumes.\n"
                    "  volumes_enabled = %s\n",
               n->volumes_enabled ? "true" : "false");
    buf_printf(out, "\n  # The client's min_dynamic_port and max_dynamic_port: dynamic ports are\n"
                    "  # the lowest free ones of this range.\n"
                    "  dynamic_ports = [%d, %d]\n",
               n->dynamic_min, n->dynamic_max);
    buf_puts(out, "\n  # Capacity, under Nomad's client config names. An allocation is placed\n"
                  "  # only where the CPU (MHz) and memory (MB) of its tasks fit next to the\n"
                  "  # allocations already placed there, minus what `reserved` keeps for the\n"
                  "  # host. 0 or left out: unlimited.\n");
    if (h)
        buf_printf(out, "  # cpu_total_compute is cpu.frequency x cpu.numcores (%.0f MHz x %ld);\n"
                        "  # memory_total_mb is memory.totalbytes in MiB.\n",
                   h->mhz, h->cores);
    buf_printf(out, "  cpu_total_compute = %lld\n  memory_total_mb   = %lld\n",
               (long long)n->cpu_total_compute, (long long)n->memory_total_mb);
    buf_printf(out, "  reserved {\n"
                    "    # MHz and MB kept for the host itself.\n"
                    "    cpu    = %lld\n"
                    "    memory = %lld\n"
                    "    # Host ports never handed out, e.g. \"22,80,8000-8100\".\n"
                    "    reserved_ports = ",
               (long long)n->reserved_cpu, (long long)n->reserved_memory);
    quoted(out, n->reserved_ports ? n->reserved_ports : "");
    buf_puts(out, "\n  }\n");
    buf_puts(out, "\n  # ${attr.<name>}: the client's fingerprint, which constraints and\n"
                  "  # affinities test. \"driver.rkt.version\" means a healthy rkt driver was\n"
                  "  # detected: without it no rkt task is placed on the node.\n"
                  "  # (Writing this block replaces rktc's default attributes.)\n"
                  "  attributes {\n");
    for (size_t i = 0; i < n->attributes.count; i++) {
        const struct rkt_pair *p = &n->attributes.items[i];
        /* derived by rktc from driver.rkt.version: not written */
        if (strcmp(p->key, "driver.rkt") == 0 || strcmp(p->key, "driver.rkt.volumes.enabled") == 0)
            continue;
        buf_puts(out, "    ");
        quoted(out, p->key);
        buf_puts(out, " = ");
        quoted(out, p->value);
        buf_putc(out, '\n');
    }
    if (h && !*h->rkt_version)
        buf_puts(out, "    # no `rkt` on PATH: the rkt driver is not detected here. Once rkt is\n"
                      "    # installed, write its version:\n"
                      "    # \"driver.rkt.version\" = \"1.30.0\"\n");
    buf_puts(out, "  }\n");
    buf_puts(out, "\n  # ${meta.<name>}: the client's meta block.\n"
                  "  # (Writing this block replaces rktc's default meta.)\n"
                  "  meta {\n");
    for (size_t i = 0; i < n->meta.count; i++) {
        buf_puts(out, "    ");
        quoted(out, n->meta.items[i].key);
        buf_puts(out, " = ");
        quoted(out, n->meta.items[i].value);
        buf_putc(out, '\n');
    }
    buf_puts(out, "  }\n");
    buf_puts(out, "\n  # The client's host volumes, which group `volume` stanzas of type \"host\"\n"
                  "  # name as `source`. (Writing any replaces rktc's default ones.)\n");
    for (size_t i = 0; i < n->host_volume_count; i++) {
        const struct node_host_volume *v = &n->host_volumes[i];
        buf_puts(out, "  host_volume ");
        quoted(out, v->name);
        buf_puts(out, " {\n    path      = ");
        quoted(out, v->path);
        buf_printf(out, "\n    read_only = %s\n  }\n", v->read_only ? "true" : "false");
    }
    if (h && n->host_volume_count == 0)
        buf_puts(out, "  # host_volume \"shared\" {\n  #   path      = \"/srv/shared\"\n"
                      "  #   read_only = false\n  # }\n");
    buf_puts(out, "}\n");
}

static void set_attr(struct arena *arena, struct node_profile *n, const char *key,
                     const char *value) {
    n->attributes.items = arena_grow(arena, n->attributes.items, n->attributes.count,
                                     n->attributes.count + 1, sizeof *n->attributes.items);
    struct rkt_pair *p = &n->attributes.items[n->attributes.count++];
    memset(p, 0, sizeof *p);
    p->key = key;
    p->value = arena_strdup(arena, value);
}

static void from_host(struct arena *arena, struct node_profile *n, const struct host_facts *h) {
    n->name = arena_strdup(arena, h->hostname);
    if (*h->address)
        n->address = arena_strdup(arena, h->address);
    if (*h->rkt_version)
        n->rkt_path = arena_strdup(arena, h->rkt_path);
    n->attributes.count = 0;
    n->meta.count = 0;
    n->host_volume_count = 0;
    set_attr(arena, n, "kernel.name", "linux");
    if (*h->kernel_version)
        set_attr(arena, n, "kernel.version", h->kernel_version);
    set_attr(arena, n, "cpu.arch", h->arch);
    set_attr(arena, n, "cpu.frequency", arena_printf(arena, "%.0f", h->mhz));
    set_attr(arena, n, "cpu.numcores", arena_printf(arena, "%ld", h->cores));
    long long total = (long long)floor(h->mhz * (double)h->cores);
    set_attr(arena, n, "cpu.totalcompute", arena_printf(arena, "%lld", total));
    set_attr(arena, n, "memory.totalbytes", arena_printf(arena, "%lld", h->memory_bytes));
    set_attr(arena, n, "unique.hostname", h->hostname);
    if (*h->address)
        set_attr(arena, n, "unique.network.ip-address", h->address);
    if (*h->rkt_version) {
        set_attr(arena, n, "driver.rkt.version", h->rkt_version);
        if (*h->appc_version)
            set_attr(arena, n, "driver.rkt.appc.version", h->appc_version);
    }
    n->cpu_total_compute = total;
    n->memory_total_mb = h->memory_bytes / (1024 * 1024);
}

static int node_init(const struct cli_args *args) {
    bool host = false, force = false;
    const char *output = NULL;
    for (size_t k = 0; k < args->count; k++) {
        const struct cli_arg *a = &args->items[k];
        if (a->flag == FLAG_FROM_HOST)
            host = true;
        else if (a->flag == FLAG_FORCE)
            force = true;
        else if (a->flag == FLAG_OUTPUT) {
            if (!*a->value)
                return cli_usage_error("node", "-o needs a file");
            output = a->value;
        }
    }
    struct arena *arena = arena_new();
    struct node_profile node;
    node_defaults(arena, &node);
    struct host_facts facts;
    if (host) {
        fingerprint(&facts);
        from_host(arena, &node, &facts);
    }
    struct buf out;
    buf_init(&out);
    render(&out, &node, host ? &facts : NULL);
    int status = EXIT_OK;
    struct stat st;
    if (!output) {
        fwrite(out.data, 1, out.len, stdout);
        if (fflush(stdout) != 0)
            status = EXIT_INPUT;
    } else if (!force && lstat(output, &st) == 0) {
        fprintf(stderr, "rktc: %s exists; --force replaces it\n", output);
        status = EXIT_INPUT;
    } else {
        char *error = NULL;
        if (!safe_write_file(output, out.data, out.len, &error)) {
            fprintf(stderr, "rktc: %s\n", error);
            free(error);
            status = EXIT_INPUT;
        }
    }
    buf_free(&out);
    arena_free(arena);
    return status;
}

int cmd_node(int argc, char **argv) {
    struct cli_args args;
    if (!cli_args_parse("node", argc, argv, &args))
        return EXIT_USAGE;
    int status;
    if (args.operand_count != 1 || strcmp(args.operands[0], "init") != 0)
        status = cli_usage_error("node", "the only node command is `rktc node init`");
    else
        status = node_init(&args);
    cli_args_free(&args);
    return status;
}
