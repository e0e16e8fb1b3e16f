#!/usr/bin/env bash
# Time and peak memory of `errspec import openapi` on a GitHub REST description of the size
# GitHub publishes today (about 13 MB): the descriptions given are merged into one document,
# each one's paths and components under a prefix of its own so that none collides, every
# `$ref` rewritten to match. Give the JSON descriptions of a github/rest-api-description
# checkout (`descriptions/*/*.json`); the merged document is written to
# target/import-github/ and imported with the release binary.
#
#   bash benches/import-github.sh descriptions/api.github.com/api.github.com.json \
#     descriptions/ghes-2.18/ghes-2.18.json ...
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -gt 0 ]] || { echo "usage: $0 DESCRIPTION.json..." >&2; exit 2; }
merged=target/import-github/merged.json
mkdir -p "$(dirname "$merged")"
python3 - "$merged" "$@" <<'PY'
import json, sys
out, sources = sys.argv[1], sys.argv[2:]
merged = None
def rewrite(node, prefix):
    """`node` with each `$ref` to a component renamed to the prefixed component."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/"):
                _, _, kind, name = value.split("/", 3)
                out[key] = f"#/components/{kind}/{prefix}{name}"
            else:
                out[key] = rewrite(value, prefix)
        return out
    if isinstance(node, list):
        return [rewrite(item, prefix) for item in node]
    return node
for index, source in enumerate(sources):
    document = json.load(open(source))
    prefix = f"d{index}-"
    document = rewrite(document, prefix)
    if merged is None:
        merged = {key: value for key, value in document.items() if key not in ("paths", "components")}
        merged["paths"], merged["components"] = {}, {}
    for path, item in document.get("paths", {}).items():
        merged["paths"][f"/{prefix}{path.lstrip('/')}"] = item
    for kind, table in document.get("components", {}).items():
        for name, value in table.items():
            merged["components"].setdefault(kind, {})[prefix + name] = value
json.dump(merged, open(out, "w"), indent=2)
PY
cargo build --release -q -p errspec-cli
ls -l "$merged"
/usr/bin/time -f "import: %e s, %M KB peak" target/release/errspec import openapi "$merged" >/dev/null
