"""Parses a scrape with the official Prometheus Python client's parsers and prints it as JSON.

Usage: parse.py openmetrics|prometheus < scrape.txt

Prints {"families": {name: type}, "samples": [{"name", "labels", "value"}, ...]}. A text the
parser rejects exits non-zero with the parser's message on stderr.
"""
import json
import sys

from prometheus_client.openmetrics import parser as openmetrics
from prometheus_client import parser as prometheus


def main():
    fmt = sys.argv[1]
    text = sys.stdin.read()
    if fmt == "openmetrics":
        families = openmetrics.text_string_to_metric_families(text)
    elif fmt == "prometheus":
        families = prometheus.text_string_to_metric_families(text)
    else:
        raise SystemExit("unknown format " + fmt)
    out = {"families": {}, "samples": []}
    for family in families:
        out["families"][family.name] = family.type
        for sample in family.samples:
            out["samples"].append(
                {"name": sample.name, "labels": sample.labels, "value": sample.value}
            )
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
