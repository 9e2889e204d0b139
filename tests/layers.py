#!/usr/bin/env python3
"""layers.py [ROOT] — the layering of docs/architecture.md, enforced.

Every source file belongs to one layer, by its path. A file may include
headers of its own layer and of the layers below it, never above, and the
targets and report layers never include each other. Targets read only the
plan: they include no Nomad-model, HCL or CLI header. Nothing below the
command line prints, exits or aborts, except the out-of-memory path in
src/util/xalloc.c. The generic HCL layer names no Nomad stanza. Raw calloc/realloc/strdup live only in src/util.
Exits 1 and names every violation."""
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."

# bottom up; a layer may include its own and every lower rank
LAYERS = [
    ("util", 0, ["src/util/", "src/source.", "src/version.h"]),
    ("diag", 1, ["src/diag/"]),
    ("hcl", 2, ["grammar/", "src/hcl/"]),
    ("json", 3, ["src/json/"]),
    ("nomad", 4, ["src/nomad/"]),
    ("rkt", 5, ["src/rkt/"]),
    ("migrate", 6, ["src/migrate/"]),
    ("targets", 7, ["targets/"]),
    ("report", 7, ["src/report/"]),
    ("cli", 8, ["src/cli/", "src/lsp/", "src/main.c"]),
]
# extra bans: (layer, header prefix, why)
BANS = [
    ("targets", "src/nomad/", "targets read only the plan, not the Nomad model"),
    ("targets", "src/hcl/", "targets read only the plan, not the HCL tree"),
    ("targets", "grammar/", "targets read only the plan, not the HCL tree"),
]
PRINT = re.compile(r"\b(printf|fprintf|vfprintf|puts|fputs|putchar|perror|exit|_Exit|_exit|abort)\s*\(|\bstd(out|err)\b")
RAW_ALLOC = re.compile(r"(?<![\w.>])(calloc|realloc|strdup|strndup|reallocarray)\s*\(")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
# The generic HCL layer knows no Nomad stanza: such names come down as data
# (struct hcl_parse_options) from the Nomad layer.
NOMAD_WORDS = {"job", "group", "task", "driver", "port", "volume", "device", "region",
               "network", "service", "artifact", "template", "constraint", "affinity",
               "spread", "vault", "lifecycle", "resources", "datacenters"}
STRING = re.compile(r'"((?:\\.|[^"\\\n])*)"')


def layer_of(path):
    for name, rank, prefixes in LAYERS:
        if any(path.startswith(p) for p in prefixes):
            return name, rank
    return None, None


def resolve(including, header):
    """The repository path of an included header (src/ and grammar/ are on
    the include path; generated bison/flex headers belong to grammar/)."""
    for base in ("src/", "", "grammar/", os.path.dirname(including) + "/"):
        cand = os.path.normpath(base + header)
        if os.path.exists(os.path.join(ROOT, cand)):
            return cand
    if header in ("hcl.tab.h", "hcl.lex.h"):
        return "grammar/" + header
    return None


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', text)


def self_test():
    """A forbidden include, a print and an abort planted in a copy of the
    tree must each be reported."""
    import shutil
    import tempfile
    global ROOT
    real = ROOT
    with tempfile.TemporaryDirectory() as tmp:
        for top in ("src", "targets", "grammar"):
            shutil.copytree(os.path.join(real, top), os.path.join(tmp, top))
        plants = [("src/hcl/parse.c", '#include "cli/cli.h"\n', "includes cli/cli.h"),
                  ("targets/target.c", '#include "nomad/job.h"\n', "targets read only the plan"),
                  ("src/rkt/plan.c", 'static void f(void) { abort(); }\n', "prints, exits or aborts"),
                  ("src/nomad/validate.c", 'static void g(void) { puts("x"); }\n', "prints, exits or aborts"),
                  ("src/hcl/parse.c", 'static const char *h = "group";\n', "names the Nomad stanza")]
        ROOT = tmp
        for path, line, expect in plants:
            full = os.path.join(tmp, path)
            with open(full, encoding="utf-8") as f:
                original = f.read()
            with open(full, "w", encoding="utf-8") as f:
                f.write(line + original)
            import io
            import contextlib
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                status = main()
            with open(full, "w", encoding="utf-8") as f:
                f.write(original)
            if status == 0 or expect not in out.getvalue():
                print(f"layers self-test: planting {line.strip()!r} in {path} was not reported")
                return 1
        ROOT = real
    print(f"layers self-test: {len(plants)} planted violations reported")
    return 0


def main():
    problems = []
    files = []
    for top in ("src", "targets", "grammar"):
        for dirpath, _, names in os.walk(os.path.join(ROOT, top)):
            for n in names:
                if n.endswith((".c", ".h", ".l", ".y", ".inc", ".def", ".cc")):
                    files.append(os.path.relpath(os.path.join(dirpath, n), ROOT))
    for path in sorted(files):
        layer, rank = layer_of(path)
        if layer is None:
            problems.append(f"{path}: belongs to no layer (add it to tests/layers.py and docs/architecture.md)")
            continue
        with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as f:
            raw = f.read()
        for lineno, line in enumerate(raw.split("\n"), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = resolve(path, m.group(1))
            if target is None:
                continue
            tlayer, trank = layer_of(target)
            if tlayer is None:
                continue
            if trank > rank or (trank == rank and tlayer != layer):
                problems.append(f"{path}:{lineno}: the {layer} layer includes {m.group(1)} "
                                f"of the {tlayer} layer above it")
            for blayer, prefix, why in BANS:
                if layer == blayer and target.startswith(prefix):
                    problems.append(f"{path}:{lineno}: includes {m.group(1)}: {why}")
        if layer == "hcl":
            nocomment = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), raw, flags=re.S)
            for lineno, line in enumerate(nocomment.split("\n"), 1):
                if INCLUDE.match(line):
                    continue
                for m in STRING.finditer(line):
                    if m.group(1) in NOMAD_WORDS:
                        problems.append(f"{path}:{lineno}: the generic HCL layer names the "
                                        f"Nomad stanza \"{m.group(1)}\" (pass it down as data)")
        if rank < 8:
            code = strip_comments(raw)
            for lineno, line in enumerate(code.split("\n"), 1):
                if path == "src/util/xalloc.c":
                    continue  # the out-of-memory path: message and exit 2
                if PRINT.search(line):
                    problems.append(f"{path}:{lineno}: prints, exits or aborts below the "
                                    f"command line: {line.strip()}")
                if not path.startswith("src/util/") and RAW_ALLOC.search(line):
                    problems.append(f"{path}:{lineno}: raw allocation outside src/util "
                                    f"(use util/xalloc.h): {line.strip()}")
        elif RAW_ALLOC.search(strip_comments(raw)):
            for lineno, line in enumerate(strip_comments(raw).split("\n"), 1):
                if RAW_ALLOC.search(line):
                    problems.append(f"{path}:{lineno}: raw allocation outside src/util "
                                    f"(use util/xalloc.h): {line.strip()}")
    for p in problems:
        print(p)
    print(f"layers: {len(files)} files, {len(problems)} violations")
    return 1 if problems else 0


if __name__ == "__main__":
    if "--self-test" in sys.argv:
        sys.argv.remove("--self-test")
        ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
        sys.exit(self_test() or main())
    sys.exit(main())
