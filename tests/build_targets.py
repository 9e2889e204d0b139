#!/usr/bin/env python3
"""Differential test of `rktc build` against `rktc plan`, shellcheck and
systemd itself (testdata/build/README.md).

Usage: build_targets.py RKTC SHARED JOB_FILE...
For each job file (with a matching conformance .json, its node profile is
the recording client's): plan it, build --target=sh and --target=systemd
with rkt_path = SHARED/tools/fake-rkt, then
  * shellcheck every launcher (no findings);
  * run every launcher (as user nobody when run as root, so that it neither
    chowns nor mounts): fake-rkt must record the planned
    trust, prepare and run-prepared argv byte for byte;
  * systemd-argv.py on every unit: ExecStart= must be the planned `rkt run`
    argv, the trust ExecStartPre= the planned trust argv;
  * systemd-analyze verify on the units: silent.
Prints one line per check and ends with "N passed, M failed".
"""
import glob, json, os, re, shutil, subprocess, sys, tempfile

FAKE_UUID = "6c1f5a9e-3b2d-4f7a-9c8e-1d2e3f4a5b6c"
passed, failed = 0, 0


def result(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   %s" % what)
    else:
        failed += 1
        print("FAIL %s%s" % (what, ("\n     " + detail.replace("\n", "\n     ")) if detail else ""))


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, **kw)


def node_profile(path, fake, alloc_dir, job):
    conf = os.path.splitext(job)[0] + ".json"
    volumes = ""
    if os.path.exists(conf):
        with open(conf) as f:
            for name, p in json.load(f).get("host_volumes", {}).items():
                volumes += 'host_volume "%s" {\n path = "%s"\n read_only = false\n}\n' % (name, p)
    with open(path, "w") as f:
        f.write('node {\n rkt_path = "%s"\n alloc_dir = "%s"\n %s}\n' % (fake, alloc_dir, volumes))


def expected_run(prepare, run_prepared, uuid_file):
    p = prepare.index("prepare", 1)
    r = run_prepared.index("run-prepared", 1)
    end = len(run_prepared) - 1 if run_prepared[-1] == "<UUID>" else len(run_prepared)
    return (prepare[:p] + ["run", "--uuid-file-save=" + uuid_file] +
            run_prepared[r + 1:end] + prepare[p + 1:])


def bytes_argv(argv):
    return [a.encode("utf-8", "surrogateescape") for a in argv]


def check_sh(rktc, node, job, plan, tmp):
    out = os.path.join(tmp, "sh")
    p = run([rktc, "build", "--target=sh", "--node", node, "-o", out, job])
    if p.returncode not in (0, 1) or not os.path.isdir(out):
        result(False, "%s: build --target=sh" % job, p.stderr.decode(errors="replace"))
        return
    launchers = sorted(glob.glob(os.path.join(glob.escape(out), "*.sh")))
    tasks = [t for t in plan["tasks"] if not t["skipped"] and t["commands"]]
    result(len(launchers) == len(tasks), "%s: one launcher per task (%d)" % (job, len(tasks)))
    sc = run(["shellcheck", "-s", "sh", "-S", "style"] + launchers)
    result(sc.returncode == 0 and not sc.stdout, "%s: shellcheck clean" % job,
           sc.stdout.decode(errors="replace"))
    recordings = {}
    for s in launchers:
        log = tempfile.mkdtemp(dir=tmp)
        os.chmod(log, 0o777)
        env = {"PATH": "/usr/bin:/bin", "FAKE_RKT_LOG": log, "HOME": "/"}
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        r = run((as_nobody if os.geteuid() == 0 else []) + ["/bin/sh", s], env=env, cwd="/")
        got = []
        for name in sorted(os.listdir(log)):
            with open(os.path.join(log, name), "rb") as f:
                got.append(f.read().split(b"\0")[:-1])
        recordings[s] = (r, got)
    for t in tasks:
        expect = [c["argv"][1:] for c in t["commands"]]
        expect = bytes_argv_list([[FAKE_UUID if a == "<UUID>" else a for a in argv]
                                  for argv in expect])
        ok = any(got == expect for _, got in recordings.values())
        detail = "" if ok else "expected %r\nrecorded %r" % (
            expect, {os.path.basename(k): (v[0].returncode, v[0].stderr.decode(errors="replace"), v[1])
                     for k, v in recordings.items()})
        result(ok, "%s: launcher of %s[%d]/%s replays the plan" % (job, t["group"], t["index"], t["task"]), detail)


def bytes_argv_list(argvs):
    return [bytes_argv(a) for a in argvs]


def check_systemd(rktc, node, job, plan, tmp, shared):
    out = os.path.join(tmp, "systemd")
    p = run([rktc, "build", "--target=systemd", "--node", node, "-o", out, job])
    if p.returncode not in (0, 1) or not os.path.isdir(out):
        result(False, "%s: build --target=systemd" % job, p.stderr.decode(errors="replace"))
        return
    units = sorted(f for f in glob.glob(os.path.join(glob.escape(out), "rktc-*"))
                   if not f.endswith("manifest.txt"))
    services_only = [u for u in units if u.endswith(".service")]
    sa = run([os.path.join(shared, "tools", "systemd-argv.py")] + services_only)
    result(sa.returncode == 0, "%s: systemd loads every service (%d)" % (job, len(services_only)),
           sa.stderr.decode(errors="replace"))
    if sa.returncode != 0:
        return
    read = json.loads(sa.stdout.decode("utf-8", "surrogateescape"))
    tasks = [t for t in plan["tasks"] if not t["skipped"] and t["commands"]]
    for t in tasks:
        cmds = {c["cmd"]: c["argv"] for c in t["commands"]}
        match = None
        for name, entry in read.items():
            for argv in entry.get("ExecStart", []):
                if "run" in argv and argv[0] == cmds["prepare"][0]:
                    uuid_file = [a for a in argv if a.startswith("--uuid-file-save=")]
                    if not uuid_file:
                        continue
                    want = expected_run(cmds["prepare"], cmds["run-prepared"],
                                        uuid_file[0].split("=", 1)[1])
                    if argv == want:
                        match = (name, entry)
        ok = match is not None and not match[1].get("unexpanded")
        result(ok, "%s: ExecStart of %s[%d]/%s is the planned rkt run" % (job, t["group"], t["index"], t["task"]),
               "" if ok else "no unit runs %r" % (expected_run(cmds["prepare"], cmds["run-prepared"], "…"),))
        if match and "trust" in cmds:
            result(cmds["trust"] in match[1].get("ExecStartPre", []),
                   "%s: trust ExecStartPre of %s" % (job, t["task"]))
    services = [u for u in units if u.endswith((".service", ".target", ".timer"))]
    va = run(["systemd-analyze", "verify", "--man=no"] + services, cwd=out)
    msg = (va.stdout + va.stderr).decode(errors="replace")
    result(va.returncode == 0 and not msg.strip(), "%s: systemd-analyze verify is silent" % job, msg)


def listing(d):
    out = {}
    for name in sorted(os.listdir(d)):
        path = os.path.join(d, name)
        if os.path.islink(path):
            out[name] = ("link", os.readlink(path))
        else:
            with open(path, "rb") as f:
                out[name] = (oct(os.stat(path).st_mode & 0o777), f.read())
    return out


def check_write_policy(rktc, shared, tmp):
    """Output rules of `rktc build` (issue: both targets)."""
    job = "examples/web.nomad"
    out = os.path.join(tmp, "policy")
    for target in ("sh", "systemd"):
        shutil.rmtree(out, ignore_errors=True)
        a = run([rktc, "build", "--target=" + target, "-o", out, job])
        first = listing(out)
        b = run([rktc, "build", "--target=" + target, "-o", out, job])
        result(a.returncode == 0 and b.returncode == 0 and listing(out) == first and
               "rktc-manifest.txt" in first,
               "%s: rebuilding gives byte-identical files and a manifest" % target)
        if target == "sh":
            result(all(m == "0o755" for n, (m, _) in first.items() if n.endswith(".sh")),
                   "sh: launchers are executable")
        d = run([rktc, "build", "--target=" + target, "--dry-run", "-o", os.path.join(tmp, "none"), job])
        result(d.returncode == 0 and not os.path.exists(os.path.join(tmp, "none")) and
               b"==> rktc-" in d.stdout, "%s: --dry-run prints and writes nothing" % target)
    # a file rktc did not write is not replaced without --force
    shutil.rmtree(out, ignore_errors=True)
    os.mkdir(out)
    victim = os.path.join(out, "rktc-web.target")
    with open(victim, "w") as f:
        f.write("mine\n")
    p = run([rktc, "build", "--target=systemd", "-o", out, job])
    result(p.returncode == 1 and open(victim).read() == "mine\n" and
           sorted(os.listdir(out)) == ["rktc-web.target"],
           "foreign file: refused, nothing written", p.stderr.decode(errors="replace"))
    p = run([rktc, "build", "--target=systemd", "--force", "-o", out, job])
    result(p.returncode == 0 and open(victim).read() != "mine\n", "--force replaces it")
    # a symlink pointing out of DIR is never followed
    shutil.rmtree(out, ignore_errors=True)
    os.mkdir(out)
    outside = os.path.join(tmp, "outside.txt")
    with open(outside, "w") as f:
        f.write("keep\n")
    os.symlink(outside, os.path.join(out, "rktc-web.target"))
    p = run([rktc, "build", "--target=systemd", "-o", out, job])
    result(p.returncode == 1 and open(outside).read() == "keep\n", "symlink in DIR: refused")
    p = run([rktc, "build", "--target=systemd", "--force", "-o", out, job])
    result(p.returncode == 0 and open(outside).read() == "keep\n" and
           not os.path.islink(os.path.join(out, "rktc-web.target")),
           "symlink with --force: replaced, target outside untouched")
    # nothing is written when Nomad would refuse, or with --strict and GEN warnings
    for args, what in (([os.path.join(shared, "conformance", "argv", "bad-rkt-config.hcl")],
                        "refused plan"),
                       (["testdata/build/refused/nomad-invalid.nomad"],
                        "job Nomad's validation refuses"),
                       (["--strict", job], "--strict with GEN warnings")):
        shutil.rmtree(out, ignore_errors=True)
        p = run([rktc, "build", "--target=systemd", "-o", out] + args)
        result(p.returncode == 1 and not os.path.exists(out), "%s: nothing written" % what)
    p = run([rktc, "build", "--target=systemd", "--dry-run", "testdata/build/static-port-a.nomad",
             "testdata/build/static-port-b.nomad"])
    result(p.returncode == 1 and b"RKT024" in p.stderr and
           b"==> rktc-cache\\x2da.target" in p.stdout and b"rktc-cache\\x2db" not in p.stdout,
           "static port used by two jobs on one host: the second is not placed (RKT024), "
           "the first is written")


def fleet_profiles(case, fake, alloc_dir, tmp):
    """The host profiles of testdata/fleet/CASE, pointed at fake-rkt."""
    paths = []
    for src in sorted(glob.glob(os.path.join(case, "*.hcl"))):
        text = open(src).read().replace(
            "node {", 'node {\n  rkt_path = "%s"\n  alloc_dir = "%s"' % (fake, alloc_dir), 1)
        dst = os.path.join(tmp, os.path.basename(src))
        with open(dst, "w") as f:
            f.write(text)
        paths.append(dst)
    args = []
    for pth in paths:
        args += ["--node", pth]
    return args


def check_fleet(rktc, shared, tmp):
    """Fleets: DIR/<node> per host, jobs written whole (partial builds),
    INSTALL, units that systemd reads, launchers shellcheck accepts, and no
    host port used twice on a host."""
    fake = os.path.join(shared, "tools", "fake-rkt")
    alloc = os.path.join(tmp, "alloc")
    os.makedirs(alloc, exist_ok=True)
    nodes = fleet_profiles("testdata/fleet/basic", fake, alloc, tmp)
    jobs = [os.path.join("testdata/fleet/basic", j + ".nomad") for j in ("web", "api", "db", "big")]
    for target in ("systemd", "sh"):
        out = os.path.join(tmp, "fleet-" + target)
        p = run([rktc, "build", "--target=" + target, "-o", out] + nodes + jobs)
        err = p.stderr.decode(errors="replace")
        hosts = sorted(os.listdir(out)) if os.path.isdir(out) else []
        result(p.returncode == 1 and hosts == ["a", "b", "c"],
               "fleet %s: exit 1 (unplaceable job), one directory per host" % target, err)
        written = " ".join(sorted(sum((os.listdir(os.path.join(out, h)) for h in hosts), [])))
        result("rktc-db" not in written and "rktc-big" not in written and
               "rktc-web" in written and "rktc-api" in written and
               "not written: testdata/fleet/basic/db.nomad" in err,
               "fleet %s: jobs with an unplaced allocation are not written, the others are" % target,
               written + "\n" + err)
        for h in hosts:
            d = os.path.join(out, h)
            result(os.path.isfile(os.path.join(d, "INSTALL")), "fleet %s: %s/INSTALL" % (target, h))
            if target == "systemd":
                units = sorted(f for f in os.listdir(d) if f.endswith((".service", ".target", ".timer")))
                va = run(["systemd-analyze", "verify", "--man=no"] + units, cwd=d)
                msg = (va.stdout + va.stderr).decode(errors="replace")
                result(va.returncode == 0 and not msg.strip(),
                       "fleet: systemd-analyze verify is silent on %s" % h, msg)
                install = open(os.path.join(d, "INSTALL")).read()
                result("systemctl daemon-reload" in install and
                       "systemctl enable --now rktc-web.target" in install,
                       "fleet: %s/INSTALL enables the job targets" % h, install)
            else:
                launchers = sorted(glob.glob(os.path.join(glob.escape(d), "*.sh")))
                sc = run(["shellcheck", "-s", "sh", "-S", "style"] + launchers)
                result(sc.returncode == 0 and not sc.stdout,
                       "fleet: shellcheck clean on %s" % h, sc.stdout.decode(errors="replace"))
    # partial builds: what can be built is written, exit 2 when an input is unreadable
    out = os.path.join(tmp, "partial")
    p = run([rktc, "build", "--target=systemd", "-o", out, "examples/web.nomad",
             os.path.join(tmp, "missing.nomad")])
    err = p.stderr.decode(errors="replace")
    result(p.returncode == 2 and os.path.isfile(os.path.join(out, "rktc-web.target")) and
           "not written: %s" % os.path.join(tmp, "missing.nomad") in err,
           "partial build: the readable job is written, the unreadable one listed, exit 2", err)
    # two jobs built into one directory for one host: no shared host port
    nodes = fleet_profiles("testdata/fleet/one-host", fake, alloc, tmp)
    out = os.path.join(tmp, "one-host")
    jobs = sorted(glob.glob("testdata/fleet/one-host/*.nomad"))
    p = run([rktc, "build", "--target=systemd", "-o", out] + nodes + jobs)
    ports = {}
    for f in sorted(glob.glob(os.path.join(glob.escape(out), "*.service"))):
        for port in re.findall(r"--port=[^:\s]+:(\d+)", open(f).read()):
            ports.setdefault(port, []).append(os.path.basename(f))
    shared_ports = {k: v for k, v in ports.items() if len(v) > 1}
    result(p.returncode == 0 and len(ports) == 8 and not shared_ports,
           "two jobs in one directory for one host never share a host port",
           "%r %s" % (shared_ports or ports, p.stderr.decode(errors="replace")))


def check_golden(rktc, job, update):
    """testdata/build/NAME.nomad: the dry-run output of each target and its
    GEN findings, next to the input (UPDATE_GOLDEN=1 rewrites them)."""
    base = os.path.splitext(job)[0]
    for target in ("sh", "systemd"):
        p = run([rktc, "build", "--target=" + target, "--dry-run", job])
        gen = [l for l in p.stderr.decode("utf-8", "surrogateescape").splitlines()
               if "[GEN" in l]
        got = p.stdout + ("\n".join(gen) + "\n").encode("utf-8", "surrogateescape")
        golden = "%s.%s.golden" % (base, target)
        if update:
            with open(golden, "wb") as f:
                f.write(got)
        want = open(golden, "rb").read() if os.path.exists(golden) else b""
        result(got == want, "%s: %s output equals %s" % (job, target, golden),
               "" if got == want else "run with UPDATE_GOLDEN=1 and review the diff")


def main():
    rktc, shared, jobs = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3:]
    # a private copy: a concurrent rebuild of the binary must not change it mid-run
    private = tempfile.mkdtemp()
    os.chmod(private, 0o755)
    shutil.copy(rktc, os.path.join(private, "rktc"))
    rktc = os.path.join(private, "rktc")
    try:
        run_all(rktc, shared, jobs)
    finally:
        shutil.rmtree(private, ignore_errors=True)


def run_all(rktc, shared, jobs):
    fake = os.path.join(shared, "tools", "fake-rkt")
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    for job in jobs:
        if job.startswith("testdata/build/"):
            check_golden(rktc, job, update)
        conf = os.path.splitext(job)[0] + ".json"
        if os.path.exists(conf):
            with open(conf) as f:
                if not json.load(f).get("ok"):
                    continue  # refused by the client: nothing to build
        tmp = tempfile.mkdtemp()
        os.chmod(tmp, 0o755)
        try:
            alloc = os.path.join(tmp, "alloc")
            os.mkdir(alloc)
            os.chmod(alloc, 0o777)
            node = os.path.join(tmp, "node.hcl")
            node_profile(node, fake, alloc, job)
            p = run([rktc, "plan", "--format=json", "--node", node, job])
            if p.returncode != 0:
                result(False, "%s: plan" % job, p.stderr.decode(errors="replace"))
                continue
            plan = json.loads(p.stdout.decode("utf-8", "surrogateescape"))
            check_sh(rktc, node, job, plan, tmp)
            check_systemd(rktc, node, job, plan, tmp, shared)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    tmp = tempfile.mkdtemp()
    try:
        check_write_policy(rktc, shared, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tmp = tempfile.mkdtemp()
    os.chmod(tmp, 0o755)
    try:
        check_fleet(rktc, shared, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))


if __name__ == "__main__":
    main()
    sys.exit(1 if failed else 0)
