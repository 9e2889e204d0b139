"""check.py PLAN.json NODE.hcl... — the fleet invariants of a plan (see run.sh).

Host profiles are read with a small parser for the keys these cases use
(name, address, memory_total_mb, reserved { memory, reserved_ports })."""
import json
import re
import sys


def node(path):
    text = open(path).read()
    def key(k, default=None):
        m = re.search(r'^\s*%s\s*=\s*"?([^"\n]*)"?' % k, text, re.M)
        return m.group(1).strip() if m else default
    ports = set()
    for part in filter(None, (key("reserved_ports", "") or "").split(",")):
        lo, _, hi = part.strip().partition("-")
        ports.update(range(int(lo), int(hi or lo) + 1))
    return {"name": key("name", "node-1"), "address": key("address", "127.0.0.1"),
            "memory": int(key("memory_total_mb", "0")), "reserved": int(key("memory", "0")),
            "ports": ports}


def main():
    plan = json.load(open(sys.argv[1]))
    nodes = {n["name"]: n for n in map(node, sys.argv[2:])}
    problems = []
    used_memory, used_ports, allocs = {}, {}, {}
    for t in plan["tasks"]:
        host = t.get("node")
        if host not in nodes:
            problems.append("%s.%s[%d]/%s: on no known host (%r)" % (t["job"], t["group"], t["index"], t["task"], host))
            continue
        n = nodes[host]
        alloc = (t["job"], t["group"], t["index"])
        allocs.setdefault(alloc, host)
        if allocs[alloc] != host:
            problems.append("%r: tasks on two hosts" % (alloc,))
        used_memory[host] = used_memory.get(host, 0) + t["resources"]["memory"]
        for p in t.get("ports", []):
            hp = p["host_port"]
            owner = used_ports.setdefault((host, hp), alloc)
            if owner != alloc:
                problems.append("%s: port %d used by %r and %r" % (host, hp, owner, alloc))
            if hp in n["ports"]:
                problems.append("%s: port %d is reserved" % (host, hp))
        for k, v in t.get("env", {}).items():
            if k.startswith("NOMAD_IP_") and v != n["address"]:
                problems.append("%s: %s=%s, the host is %s" % (host, k, v, n["address"]))
    for host, mem in used_memory.items():
        n = nodes[host]
        if n["memory"] and mem > n["memory"] - n["reserved"]:
            problems.append("%s: %d MB used of %d - %d" % (host, mem, n["memory"], n["reserved"]))
    for u in plan.get("unplaced", []):
        # every host, or (a system job's allocation) the one it was for
        if not u["reasons"] or not set(u["reasons"]) <= set(nodes):
            problems.append("unplaced %s: reasons for %s" % (u, sorted(u["reasons"])))
    for p in problems:
        print("  " + p)
    sys.exit(1 if problems else 0)


main()
