/* mapping.c — the migration table (docs/migration.md is its output). */
#include "migrate/mapping.h"

#include <string.h>

#define SAME(text) {MIG_SAME, text}
#define CHANGED(text) {MIG_CHANGED, text}
#define DROP(text) {MIG_DROP, text}
#define BLOCKER(text) {MIG_BLOCKER, text}
/* rktc's systemd and sh targets replay the rkt command line of the plan */
#define RKT_SAME SAME("rkt still runs the pod: the units replay the same rkt flag")

static const struct mig_case cases[] = {
    /* ---- image ---------------------------------------------------------- */
    {"image.docker", "`image`", "a `docker://REF` or `docker:REF` reference",
     {CHANGED("`image = \"REF\"`: the `docker://` or `docker:` prefix is removed; Docker's "
              "default registry and `library/` prefix match rkt's `registry-1.docker.io` "
              "defaults"),
      CHANGED("`image = \"docker://REF\"` (`docker:REF` is spelled with `//`); podman "
              "resolves the transport itself"),
      RKT_SAME}},
    {"image.docker-latest", "`image`", "a Docker reference without a tag (`latest`)",
     {CHANGED("Docker pulls an untagged or `latest` image on every start; rkt's default "
              "pull policy `new` used the stored copy. Pin a tag to keep rkt's behaviour"),
      CHANGED("podman v0.1.0 pulls only when the image is missing, as rkt did; pin a tag "
              "anyway (v0.2.0 pulls on every start for `docker://` names)"),
      RKT_SAME}},
    {"image.appc-name", "`image`", "an appc image name (`example.com/app:1.0`), found by "
     "appc discovery",
     {BLOCKER("no OCI counterpart: Docker cannot fetch appc images. Build or convert an OCI "
              "image (e.g. rebuild from the source Dockerfile, or `docker import` the "
              "ACI's rootfs), push it to a registry and name it in `image`"),
      BLOCKER("no OCI counterpart: podman cannot fetch appc images. Build or convert an OCI "
              "image, push it to a registry and name it as `docker://REF`"),
      RKT_SAME}},
    {"image.aci-url", "`image`", "an `.aci` URL or path (`http(s)://…aci`, `file://…`, "
     "`/path/app.aci`)",
     {BLOCKER("no equivalent: an ACI is not an OCI image and `load` takes Docker archives "
              "only. Convert it (extract the ACI's `rootfs/` and `docker import` it, adding "
              "the manifest's exec, ports and environment to a Dockerfile), push it to a "
              "registry and name it in `image`"),
      BLOCKER("no equivalent: podman reads no ACIs. Convert the ACI to an OCI image as for "
              "docker, push it and name it as `docker://REF`"),
      RKT_SAME}},
    {"image.hash", "`image`", "an rkt store hash (`sha512-…`)",
     {BLOCKER("no equivalent: the image exists only in the host's rkt store. Export it "
              "(`rkt image export`), convert it to an OCI image and name that in `image`"),
      BLOCKER("no equivalent: the image exists only in the host's rkt store. Export it "
              "(`rkt image export`), convert it to an OCI image and name it as `docker://REF`"),
      SAME("rkt still runs the pod, but only on hosts whose store holds the image")}},
    {"image.placeholder", "`image`", "a `{{…}}` placeholder (filled in by a tool before "
     "submission; Nomad does not expand it)",
     {SAME("kept as written in the rewrite: the tool that fills it in must now produce an "
           "OCI image reference"),
      SAME("kept as written: the tool that fills it in must now produce an OCI reference"),
      SAME("kept as written: fill it in before `rktc build`, or rkt fetches the literal "
           "name")}},
    {"image.unparsed", "`image`", "a value rkt itself refuses (`docs/rkt-driver.md` §17.4)",
     {BLOCKER("no image to carry over: fix the value first"),
      BLOCKER("no image to carry over: fix the value first"),
      SAME("the units pass the value to rkt as written, which fails as before")}},
    /* ---- command and args ---------------------------------------------- */
    {"command", "`command`", "set (rkt `--exec`: replaces the whole exec array)",
     {CHANGED("`entrypoint = [\"<command>\"]`, `args` kept: the image's ENTRYPOINT and CMD "
              "are both replaced, as with rkt (`command = …` would keep the ENTRYPOINT)"),
      CHANGED("v0.1.0: `entrypoint` crashes the plugin (nomad-driver-podman#60), so the "
              "rewrite uses `command = \"<command>\"`, which keeps the image's ENTRYPOINT: "
              "exact only when the image has none. v0.2.0+: `entrypoint = \"<command>\"`"),
      RKT_SAME}},
    {"args.with-command", "`args`", "together with `command`",
     {SAME("`args` as written, after the new `entrypoint`"),
      SAME("`args` as written, after `command`"),
      RKT_SAME}},
    {"args.without-command", "`args`", "without `command`",
     {CHANGED("Docker's `args` replace the image CMD, while rkt appended them to "
              "ENTRYPOINT + CMD; exact only as `args = <image CMD> + args`, which needs the "
              "image's configuration"),
      CHANGED("`args` replace the image CMD, while rkt appended them to ENTRYPOINT + CMD; "
              "exact only as `args = <image CMD> + args`"),
      RKT_SAME}},
    /* ---- trust and fetching --------------------------------------------- */
    {"trust_prefix", "`trust_prefix`", "set (signature verification with `rkt trust`)",
     {DROP("no per-task equivalent: the key is dropped. Verify images where they are built "
           "(signed images, Docker Content Trust on the pulling daemon) and pin references"),
      DROP("no per-task equivalent: the key is dropped; signature rules live in the host's "
           "`/etc/containers/policy.json`"),
      SAME("the units run `rkt trust --prefix=…` before `rkt prepare`, as Nomad did")}},
    {"insecure_options.fetch", "`insecure_options`",
     "`image`, `tls`, `http`, `pubkey`, `ondisk` or `all-fetch`",
     {DROP("no per-task equivalent: registry TLS and plain HTTP are daemon configuration "
           "(`insecure-registries` in `daemon.json`); Docker verifies no image signatures"),
      DROP("no per-task equivalent: host `registries.conf` (`insecure = true`) and "
           "`policy.json`"),
      RKT_SAME}},
    {"insecure_options.capabilities", "`insecure_options`", "`capabilities`",
     {CHANGED("`cap_add = [\"ALL\"]`; the client must allow it (`allow_caps = [\"ALL\"]`)"),
      CHANGED("`cap_add = [\"ALL\"]`"),
      RKT_SAME}},
    {"insecure_options.seccomp", "`insecure_options`", "`seccomp`",
     {CHANGED("`security_opt = [\"seccomp=unconfined\"]`"),
      BLOCKER("no key for seccomp in nomad-driver-podman (v0.1.0 – v0.3.0): run podman with "
              "a host-wide `seccomp_profile` in `containers.conf`, or keep the task on rkt"),
      RKT_SAME}},
    {"insecure_options.paths", "`insecure_options`", "`paths`",
     {CHANGED("`security_opt = [\"systempaths=unconfined\"]` (Docker 19.03 or later)"),
      BLOCKER("no key to unmask /proc and /sys paths in nomad-driver-podman"),
      RKT_SAME}},
    {"insecure_options.all-run", "`insecure_options`", "`all-run` or `all`",
     {CHANGED("`cap_add = [\"ALL\"]` and `security_opt = [\"seccomp=unconfined\", "
              "\"systempaths=unconfined\"]` (`privileged = true` is broader: it also "
              "grants devices)"),
      CHANGED("`cap_add = [\"ALL\"]` only: seccomp and masked paths stay on"),
      RKT_SAME}},
    {"insecure_options.unknown", "`insecure_options`", "a value rkt does not know",
     {DROP("dropped: rkt refuses it at prepare (`docs/rkt-driver.md` §17.2), so it never took effect"),
      DROP("dropped: rkt refuses it at prepare, so it never took effect"),
      SAME("passed to rkt as written, which refuses it as before")}},
    /* ---- DNS ------------------------------------------------------------ */
    {"dns_servers.ips", "`dns_servers`", "a list of IP addresses",
     {SAME("`dns_servers` with the same list"),
      BLOCKER("no DNS key in v0.1.0 or v0.3.0 (v0.2.0 has `dns`): set the servers in the "
              "image's or the host's resolv.conf, or bind a resolv.conf in `volumes`"),
      RKT_SAME}},
    {"dns_servers.host", "`dns_servers`", "`[\"host\"]` (the host's resolv.conf)",
     {CHANGED("omitted: Docker copies the host's resolv.conf itself (dropping loopback "
              "servers on bridge networks); exact: `volumes = "
              "[\"/etc/resolv.conf:/etc/resolv.conf:ro\"]`"),
      CHANGED("omitted: podman copies the host's resolv.conf; exact: the same bind in "
              "`volumes`"),
      RKT_SAME}},
    {"dns_servers.none", "`dns_servers`", "`[\"none\"]` (no resolv.conf)",
     {BLOCKER("no equivalent: Docker always writes a resolv.conf. Use `network_mode = "
              "\"none\"` if the task needs no network, or accept the default file"),
      BLOCKER("no equivalent: podman always writes a resolv.conf"),
      RKT_SAME}},
    {"dns_search_domains", "`dns_search_domains`", "set",
     {SAME("`dns_search_domains` with the same list"),
      BLOCKER("no key in v0.1.0 – v0.3.0: put the search domains in the image's or the "
              "host's resolv.conf"),
      RKT_SAME}},
    /* ---- networking ----------------------------------------------------- */
    {"net.default", "`net`", "absent or `[\"default\"]`",
     {CHANGED("`network_mode` omitted: Docker's default bridge; container addresses differ "
              "from rkt's 172.16.28.0/24"),
      CHANGED("`network_mode` omitted: bridge when rootful, slirp4netns when rootless"),
      RKT_SAME}},
    {"net.host", "`net`", "`[\"host\"]`",
     {CHANGED("`network_mode = \"host\"`, and `port_map` is dropped (rkt ignored it on the "
              "host network; Docker would set `NOMAD_PORT_<label>` to the container port)"),
      CHANGED("`network_mode = \"host\"`, `port_map` dropped"),
      RKT_SAME}},
    {"net.none", "`net`", "`[\"none\"]`",
     {CHANGED("`network_mode = \"none\"`"), CHANGED("`network_mode = \"none\"`"), RKT_SAME}},
    {"net.cni", "`net`", "one named CNI network",
     {CHANGED("`network_mode = \"<name>\"`: a Docker network of that name must exist on every "
              "client (CNI configuration files are not reused)"),
      CHANGED("`network_mode = \"<name>\"`: v0.1.0 passes the name to podman, which uses the "
              "CNI network of that name (v0.2.0 accepts only bridge, host, none, "
              "slirp4netns)"),
      RKT_SAME}},
    {"net.cni-ip", "`net`", "a CNI network with a fixed address (`name:IP=a.b.c.d`)",
     {CHANGED("`network_mode = \"<name>\"` and `ipv4_address = \"a.b.c.d\"` on a Docker "
              "network of that name"),
      BLOCKER("no equivalent: nomad-driver-podman sets no static address"),
      RKT_SAME}},
    {"net.several", "`net`", "`[\"default-restricted\"]`, `[\"all\"]` or several networks",
     {BLOCKER("no equivalent: a Docker container joins one network at start. Pick one "
              "network or connect the others outside Nomad"),
      BLOCKER("no equivalent: one network per container"),
      RKT_SAME}},
    /* ---- ports ---------------------------------------------------------- */
    {"port_map.docker-name", "`port_map`", "a docker2aci port name `<port>-<proto>` "
     "(`db = \"6379-tcp\"`)",
     {CHANGED("`port_map { <label> = <port> }` (a number); Docker publishes tcp and udp on the "
              "node's IP only (rkt: all interfaces), and `NOMAD_PORT_<label>` becomes the "
              "container port inside the task (rkt: the host port)"),
      CHANGED("`port_map { <label> = <port> }`; published for tcp and udp on the node's IP"),
      RKT_SAME}},
    {"port_map.number", "`port_map`", "a bare number (`web = \"80\"` or `web = 80`)",
     {CHANGED("`port_map { <label> = <number> }`: the number becomes the container port. "
              "For rkt it was a port *name* in the image manifest, valid only if the "
              "manifest names a port that way"),
      CHANGED("`port_map { <label> = <number> }`, the container port"),
      RKT_SAME}},
    {"port_map.appc-name", "`port_map`", "an appc port name (`http`)",
     {BLOCKER("not resolvable without the image manifest: the port number behind the name "
              "is in the ACI's manifest (`rkt image cat-manifest`, `ports[].port`). Write "
              "`port_map { <label> = <number> }` (then `NOMAD_PORT_<label>` gives the container "
              "port). Until then the rewrite leaves the label unmapped: the container port "
              "equals the host port"),
      BLOCKER("not resolvable without the image manifest: look the port number up in the ACI's "
              "manifest and write `port_map { <label> = <number> }`; until then the label "
              "stays unmapped"),
      RKT_SAME}},
    {"port_map.host-net", "`port_map`", "with `net = [\"host\"]` (ignored by rkt)",
     {DROP("dropped: rkt ignored `port_map` on the host network, and Docker would set "
           "`NOMAD_PORT_<label>` to the container port"),
      DROP("dropped, as rkt ignored it on the host network"),
      RKT_SAME}},
    /* ---- volumes -------------------------------------------------------- */
    {"volumes.rw", "`volumes`", "`/host:/container`",
     {CHANGED("`volumes = [\"/host:/container\"]` as written; the client needs `plugin "
              "\"docker\" { config { volumes { enabled = true } } }` (default false)"),
      SAME("`volumes = [\"/host:/container\"]` (podman's `volumes.enabled` defaults to true)"),
      RKT_SAME}},
    {"volumes.readonly", "`volumes`", "`/host:/container:readOnly`",
     {CHANGED("`\"/host:/container:ro\"`: `readOnly` is not a Docker mode"),
      CHANGED("`\"/host:/container:ro\"`"),
      RKT_SAME}},
    {"volumes.other-mode", "`volumes`", "a third field other than `readOnly`",
     {CHANGED("the field is dropped: rkt ignored it (the volume was read-write)"),
      CHANGED("the field is dropped: rkt ignored it (the volume was read-write)"),
      RKT_SAME}},
    {"volumes.relative", "`volumes`", "a relative host path",
     {CHANGED("Docker takes a relative host path relative to the task directory `A/T`; rkt "
              "refused it (`source for host volume must be absolute path`). Write the "
              "absolute path meant"),
      CHANGED("v0.1.0 does not expand relative paths (v0.2.0+: relative to `A/T`); write an "
              "absolute path"),
      SAME("passed to rkt as written, which refuses it as before")}},
    {"volumes.malformed", "`volumes`", "an entry without `host:container`",
     {BLOCKER("not a volume: rkt refuses it at start; fix the entry"),
      BLOCKER("not a volume: fix the entry"),
      SAME("passed to rkt as written, which refuses it as before")}},
    /* ---- storage, debug, identity --------------------------------------- */
    {"no_overlay", "`no_overlay`", "`true`",
     {DROP("no per-task equivalent: the storage driver is daemon configuration; dropped"),
      DROP("no per-task equivalent: `storage.conf` on the host; dropped"),
      RKT_SAME}},
    {"debug", "`debug`", "set",
     {DROP("no equivalent: rkt's stage1 debug output has no Docker counterpart; dropped "
           "(use the daemon's debug log)"),
      DROP("no equivalent; dropped (podman `--log-level=debug` is host configuration)"),
      RKT_SAME}},
    {"group.with-user", "`group`", "with the task's `user`",
     {CHANGED("task `user = \"<user>:<group>\"`; `group` dropped"),
      CHANGED("task `user = \"<user>:<group>\"`; `group` dropped"),
      RKT_SAME}},
    {"group.without-user", "`group`", "without the task's `user`",
     {BLOCKER("no exact form: Docker's `user` needs the user too (`<user>:<group>`), and the "
              "image's default user is in its configuration only. Set the task's `user`"),
      BLOCKER("no exact form: podman's user needs the user too (`<user>:<group>`); set the "
              "task's `user`"),
      RKT_SAME}},
    {"group.path", "`group`", "a path inside the image (its owner's group)",
     {BLOCKER("no equivalent: Docker cannot take a group from a file's owner; name the group "
              "or its id"),
      BLOCKER("no equivalent: podman cannot take a group from a file's owner; name the "
              "group or its id"),
      RKT_SAME}},
    {"config.unknown-key", "driver `config`", "a key the rkt driver does not know",
     {DROP("dropped: the rkt driver already fails the task on it (`RKT001`); fix the "
           "spelling first if it was meant as an rkt option"),
      DROP("dropped: the rkt driver already fails the task on it (`RKT001`)"),
      SAME("refused by rktc's plan as by Nomad")}},
    /* ---- Nomad features around the driver -------------------------------- */
    {"task.user", "task `user`", "set",
     {SAME("Docker's `User`, unchanged"), SAME("unchanged"), SAME("`--user=` as before")}},
    {"resources.cpu", "`resources.cpu`", "any (default 100 MHz)",
     {SAME("CPU shares = MHz, a soft share as before. rkt's own `--cpu=<MHz>` flag was a "
           "no-op (read as whole CPUs, `docs/rkt-driver.md` §15); the executor's `cpu.shares` was "
           "the real limit, and Docker sets the same figure"),
      SAME("CPU shares = MHz (v0.3.0 skips them when rootless)"),
      SAME("`CPUShares=` on the unit; the replayed `--cpu=` stays a no-op")}},
    {"resources.memory", "`resources.memory`", "any (default 300 MB)",
     {SAME("hard limit = MB × 1 MiB, no swap, as rkt's `--memory` and the executor cgroup"),
      SAME("`--memory=<MB>m`, swap = memory (no swap)"),
      SAME("`--memory=` and `MemoryMax=` as before")}},
    {"resources.ports", "`resources.network` ports", "task-level ports",
     {SAME("same ports and labels; published on the node's IP for tcp and udp (rkt: all "
           "interfaces); without `port_map` the container port equals the host port"),
      SAME("same ports; published on the node's IP for tcp and udp"),
      SAME("the planned host ports, fixed at build time")}},
    {"group.network", "group `network`", "a group-level network (Nomad 0.10+)",
     {CHANGED("the rkt driver never saw group networks; a docker task joins the group's "
              "network namespace when its mode is `bridge` (`network_mode` becomes "
              "`container:<pause container>`), and the group's ports (with `to`) then reach it "
              "instead of the task's `port_map`"),
      CHANGED("a group network namespace overrides the task's `network_mode`; the group's "
              "ports then reach the container"),
      SAME("ignored, as the rkt driver ignored it: the units run the pod on rkt's own "
           "network")}},
    {"env.nomad_port", "`NOMAD_PORT_<label>`", "a label that `port_map` maps",
     {CHANGED("inside the task it becomes the container port (rkt: the host port); "
              "`NOMAD_HOST_PORT_<label>` gives the host port"),
      CHANGED("inside the task it becomes the container port (rkt: the host port)"),
      SAME("the planned host port, as under Nomad")}},
    {"interpolation", "`${…}` in `config`", "interpolated values",
     {SAME("Nomad interpolates docker config the same way; `${NOMAD_PORT_<label>}` changes "
           "meaning when the label is in `port_map` (see `NOMAD_PORT_<label>`)"),
      SAME("Nomad interpolates podman config the same way; `${NOMAD_PORT_<label>}` changes "
           "meaning when the label is in `port_map`"),
      CHANGED("resolved once at build time from the host profile, allocation id and ports")}},
    {"caps.default", "default capabilities", "every task",
     {CHANGED("Nomad 0.12.12 drops `NET_RAW` from Docker's defaults (CVE-2021-32575); parity "
              "with rkt needs `cap_add = [\"NET_RAW\"]` and `NET_RAW` in the client's "
              "`allow_caps`"),
      SAME("podman's default capabilities (rkt's defaults including `NET_RAW`)"),
      SAME("rkt's defaults")}},
    {"alloc-dirs", "`/alloc`, `/local`, `/secrets`", "every task",
     {SAME("the same paths inside the container"),
      CHANGED("v0.1.0 mounts them at their host paths; the rewrite adds `volumes = "
              "[\"${NOMAD_ALLOC_DIR}:/alloc\", \"${NOMAD_TASK_DIR}:/local\", "
              "\"${NOMAD_SECRETS_DIR}:/secrets\"]` (inside the allocation, so allowed)"),
      SAME("the units create the same directories (`docs/targets.md` §1)")}},
    {"volume_mount", "`volume_mount`", "host volumes",
     {SAME("Docker mounts Nomad host volumes"),
      BLOCKER("not mounted by nomad-driver-podman v0.1.0 – v0.3.0: use a `volumes` bind of "
              "the host path (needs `volumes.enabled`)"),
      SAME("`--volume`/`--mount` of the host path from the host profile")}},
    {"devices", "`device`", "device requests",
     {SAME("Docker passes the devices"),
      BLOCKER("devices are not supported by nomad-driver-podman"),
      SAME("devices resolved by the host profile")}},
    {"kill_signal", "`kill_signal`", "set",
     {SAME("unchanged (Docker stops with it)"),
      DROP("ignored by v0.1.0 (stop sends SIGTERM); dropping it changes nothing"),
      SAME("`KillSignal=`")}},
    {"services", "`service`", "service registration and checks",
     {SAME("unchanged (Consul registration by the client)"), SAME("unchanged"),
      BLOCKER("no Nomad client: no Consul registration or checks. Register the service "
              "with a Consul agent definition, or keep the job on Nomad")}},
    {"templates-artifacts-vault", "`template`, `artifact`, `vault`", "set",
     {SAME("unchanged (client-side hooks)"), SAME("unchanged"),
      BLOCKER("no Nomad client: nothing renders templates, fetches artifacts or issues Vault "
              "tokens. Run consul-template or provision the files separately")}},
    {"constraint.rkt", "constraints on the rkt driver", "`${driver.rkt}` or "
     "`${attr.driver.rkt.*}` attributes",
     {CHANGED("the attribute must name the docker driver (`${driver.docker}`), or the job "
              "cannot be placed on clients without rkt"),
      CHANGED("the attribute must name the podman driver (`${driver.podman}`)"),
      SAME("checked once against the host profile")}},
    {"scheduling", "`update`, `migrate`, `reschedule`, `affinity`, `spread`",
     "scheduler settings of the job or group",
     {SAME("unchanged (the scheduler applies them to any driver)"), SAME("unchanged"),
      DROP("no scheduler on a single host: rolling updates, migrations, rescheduling and "
           "placement preferences do not apply; the units leave them out (`GEN` findings)")}},
    {"periodic", "`periodic`", "a periodic job",
     {SAME("unchanged"), SAME("unchanged"),
      CHANGED("a systemd timer (`OnCalendar=`), exact or approximate (`docs/targets.md` §6.2)")}},
};

const struct mig_case *mig_cases(size_t *count) {
    *count = sizeof cases / sizeof cases[0];
    return cases;
}

const struct mig_case *mig_case_find(const char *id) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(cases[i].id, id) == 0)
            return &cases[i];
    return NULL;
}

const char *mig_dest_name(enum mig_dest dest) {
    static const char *const names[] = {"docker", "podman", "systemd"};
    return dest < MIG_DEST_COUNT ? names[dest] : "?";
}

const char *mig_dest_title(enum mig_dest dest) {
    static const char *const titles[] = {"Nomad docker driver (0.12)",
                                         "nomad-driver-podman (v0.1.0)",
                                         "systemd units (rktc build --target=systemd)"};
    return dest < MIG_DEST_COUNT ? titles[dest] : "?";
}

const char *mig_verdict_name(enum mig_verdict v) {
    switch (v) {
    case MIG_SAME: return "same";
    case MIG_CHANGED: return "changed";
    case MIG_DROP: return "no equivalent";
    case MIG_BLOCKER: return "blocker";
    }
    return "?";
}

const struct rule *mig_verdict_rule(enum mig_verdict v) {
    switch (v) {
    case MIG_SAME: return NULL;
    case MIG_CHANGED: return rule_get(RULE_MIG002);
    case MIG_DROP: return rule_get(RULE_MIG003);
    case MIG_BLOCKER: return rule_get(RULE_MIG001);
    }
    return NULL;
}
