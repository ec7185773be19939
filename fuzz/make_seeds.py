#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from the built-in data (run from
this folder: `python3 make_seeds.py`). The seeds are committed; the fuzzer
adds its own finds under corpus/ as it runs, and those are not."""

import csv
import io
import os
import struct

DATA = "../data"
OUT = "corpus"


def write(target, name, payload):
    os.makedirs(os.path.join(OUT, target), exist_ok=True)
    with open(os.path.join(OUT, target, "seed-" + name), "wb") as f:
        f.write(payload)


def rows(file):
    with open(os.path.join(DATA, file), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# csv_import: each data file as it is.
for file in sorted(os.listdir(DATA)):
    if file.endswith(".csv"):
        with open(os.path.join(DATA, file), "rb") as f:
            write("csv_import", file, f.read())

# text_readers: every stated figure, period and date of the data, and method specs.
texts = set()
for r in rows("observations.csv") + rows("targets.csv"):
    texts.update([r["stated"], r["period"]])
for r in rows("reports.csv"):
    texts.update([r["as_of"], r["covers"], r["published"]])
texts.update(["linear", "damped_holt;alpha=0.5;beta=0.1", "polynomial;degree=3",
              "logistic;cap=100", "holt;initial_level=1;initial_trend=2;step_days=30", "20/11/2022"])
for i, t in enumerate(sorted(x for x in texts if x)):
    write("text_readers", f"{i:03}", t.encode())

# extract: each report, without an as-of date (first byte 255) and with one.
for r in rows("reports.csv"):
    with open(os.path.join(DATA, "reports", r["file"]), "rb") as f:
        text = f.read()
    write("extract", r["id"] + "-plain", b"\xff" + text)


def nice(value):
    """A value in the readers' "nice" form (tag >= 128) when it fits, else raw."""
    for tag, scale in [(128, 1.0), (131, 1e3), (132, 1e6), (133, 1e9), (130, 0.1), (129, 0.01)]:
        m = value / scale
        if abs(m - round(m)) < 1e-9 and 0 <= round(m) < 65536:
            return bytes([tag]) + struct.pack(">H", int(round(m)))
    return bytes([0]) + struct.pack("<d", value)


# methods: each indicator's observed series (levels as stated, totals per day).
kinds = ["flow", "ytd", "daily_average", "cumulative", "stock", "share", "rank"]
units = ["count", "percent", "mbps", "vnd", "usd", "rank", "times"]
indicators = {r["id"]: r for r in rows("indicators.csv")}
by_indicator = {}
for o in rows("observations.csv"):
    by_indicator.setdefault(o["indicator"], []).append(o)
for ind, obs in sorted(by_indicator.items()):
    if len(obs) < 2:
        continue
    i = indicators[ind]
    head = struct.pack(">H", kinds.index(i["kind"])) + struct.pack(">H", units.index(i["unit"])) + b"\x00"
    pts = struct.pack(">H", len(obs)) + b"\x00"
    for o in obs:
        pts += bytes([60, 1]) + nice(float(o["value"]))
    write("methods", ind, head + pts + struct.pack(">H", 0))


# share_links: links the app writes and links its tests and users open, as
# the query after "#/i/<id>?".
links = [
    "m=linear&g=3@2023-04-01&k=-10@2025-01-01&t=1500000000@2027-12-31@ge&h=2027-12-31&n=Nhanh&c=Ch%E1%BA%ADm%7Cg:1@2023-04-01",
    "m=log_linear&g=2.5@2023-03-31&k=-5@2024-01-01&h=2028-06-30",
    "m=arima&g=fast@2023-01-01&h=soon&zz=1",
    "g=2.5@2024-01-01&k=-10@2025-01-01&t=1500000000@2027-12-31@ge",
    "m=damped_holt%3Balpha%3D0.5%3Bbeta%3D0.1%3Bphi%3D0.9",
    "g=3%402023-04-01&c=A%7Cg%3A1%402023-01-01&n=Nhanh+h%C6%A1n",
    "g=1e308@2024-01-01",
    "t=-5@2025-12-31@ge",
    "t=1@2019-01-01@ge&c=Old%7Ct:80@2019-01-01@ge",
    "n=%3Cscript%3Ealert(1)%3C%2Fscript%3E&c=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%7Cg:1@2024-01-01",
]
for i, link in enumerate(links):
    write("share_links", f"{i:02}", link.encode())

# stored_documents: what the app stored, as its users have it (version 1,
# written by the app: app/tests/fixtures/stored-v1.json) and as it stores
# now (version 2: stored-v2.json, written the same way by the current app).
import json

for version in ["v1", "v2"]:
    path = os.path.join("..", "app", "tests", "fixtures", f"stored-{version}.json")
    with open(path, encoding="utf-8") as f:
        stored = json.load(f)
    for key in ["dxcast.user", "dxcast.scenarios"]:
        write("stored_documents", f"{version}-{key.split('.')[1]}", stored[key].encode())

# import_plan: the data files a user may import, as they are and as Excel
# saves them in Vietnamese (semicolons, decimal commas in base units).
numeric = {"value", "denominator", "min", "max"}
for file in ["observations.csv", "indicators.csv", "targets.csv"]:
    with open(os.path.join(DATA, file), "rb") as f:
        write("import_plan", file, f.read())
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    with open(os.path.join(DATA, file), newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        w.writerow(header)
        for row in r:
            w.writerow([v.replace(".", ",") if c in numeric else v for c, v in zip(header, row)])
    write("import_plan", "excel-" + file, ("\ufeff" + out.getvalue()).encode())
