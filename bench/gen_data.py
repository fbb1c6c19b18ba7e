#!/usr/bin/env python3
"""Generates the benchmark data set with a fixed seed (same bytes every time).

    bench/gen_data.py DIR [--scale 1.0]

DIR/access.log  ~50 MB web-server log (combined format)
DIR/access2.log the same log with a few hundred lines changed, dropped or added (for diff)
DIR/sorted.log  the log's lines in byte order (for uniq -c)
DIR/data.json   ~10 MB JSON array of records
DIR/data.csv    200k rows
DIR/tree/       ~10,000 small files in nested folders
A stamp file makes a second run with the same scale a no-op."""

import argparse
import json
import os
import random

VERSION = "2"


def gen_log(path, target_bytes, rng):
    methods = ["GET"] * 8 + ["POST", "PUT", "DELETE", "HEAD"]
    paths = ["/", "/index.html", "/api/users", "/api/orders", "/static/app.js", "/static/app.css",
             "/login", "/logout", "/search", "/img/logo.png", "/api/items/%d", "/docs/%d"]
    statuses = [200] * 20 + [301, 302, 304, 304, 400, 401, 403, 404, 404, 404, 500, 502, 503]
    agents = ["Mozilla/5.0 (X11; Linux x86_64)", "curl/7.88.1", "Wget/1.21.3",
              "Mozilla/5.0 (Macintosh; Intel Mac OS X 13_4)", "python-requests/2.31.0"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    written = 0
    with open(path, "w") as f:
        lines = []
        while written < target_bytes:
            ip = "%d.%d.%d.%d" % (rng.randint(1, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
            p = rng.choice(paths)
            if "%d" in p:
                p = p % rng.randint(1, 5000)
            line = '%s - - [%02d/%s/2024:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "-" "%s"\n' % (
                ip, rng.randint(1, 28), rng.choice(months), rng.randint(0, 23), rng.randint(0, 59),
                rng.randint(0, 59), rng.choice(methods), p, rng.choice(statuses), rng.randint(0, 50000),
                rng.choice(agents))
            lines.append(line)
            written += len(line)
            if len(lines) >= 10000:
                f.write("".join(lines))
                lines = []
        f.write("".join(lines))


def gen_log_variants(log, changed, sorted_path, rng):
    """A deterministic edit of the log (about 0.15% of lines touched) and its
    lines sorted in byte order."""
    with open(log, "rb") as f:
        lines = f.read().splitlines(keepends=True)
    out = []
    for line in lines:
        r = rng.random()
        if r < 0.0005:
            continue
        if r < 0.001:
            out.append(line.replace(b" HTTP/1.1", b" HTTP/2.0"))
        elif r < 0.0015:
            out.append(b"127.0.0.1 - - [01/Jan/2024:00:00:00 +0000] \"GET /health HTTP/1.1\" 200 2 \"-\" \"probe\"\n")
            out.append(line)
        else:
            out.append(line)
    with open(changed, "wb") as f:
        f.write(b"".join(out))
    lines.sort()
    with open(sorted_path, "wb") as f:
        f.write(b"".join(lines))


def gen_json(path, target_bytes, rng):
    records = []
    size = 0
    i = 0
    while size < target_bytes:
        rec = {"id": i, "name": "user%d" % rng.randint(1, 100000), "active": rng.random() < 0.7,
               "score": round(rng.random() * 1000, 3), "tags": rng.sample(["a", "b", "c", "d", "e", "f"], 3),
               "address": {"city": rng.choice(["Paris", "Berlin", "Tokyo", "Lima", "Oslo"]),
                           "zip": "%05d" % rng.randint(0, 99999)}}
        records.append(rec)
        size += 160
        i += 1
    with open(path, "w") as f:
        json.dump(records, f, indent=1)


def gen_csv(path, rows, rng):
    with open(path, "w") as f:
        f.write("id,region,product,quantity,price\n")
        for i in range(rows):
            f.write("%d,%s,%s,%d,%.2f\n" % (i, rng.choice(["north", "south", "east", "west"]),
                                            "p%03d" % rng.randint(1, 300), rng.randint(1, 50),
                                            rng.random() * 500))


def gen_tree(root, count, rng):
    words = ["alpha", "beta", "gamma", "delta", "needle", "omega", "sigma", "kappa"]
    for i in range(count):
        d = os.path.join(root, "d%02d" % (i % 20), "s%02d" % (i // 20 % 25))
        os.makedirs(d, exist_ok=True)
        ext = rng.choice([".txt", ".txt", ".md", ".log", ".py"])
        with open(os.path.join(d, "f%05d%s" % (i, ext)), "w") as f:
            for _ in range(rng.randint(1, 8)):
                f.write(" ".join(rng.choice(words) for _ in range(8)) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    stamp = os.path.join(args.dir, ".stamp")
    want = "%s %s" % (VERSION, args.scale)
    if os.path.exists(stamp) and open(stamp).read() == want:
        return
    rng = random.Random(20261122)
    gen_log(os.path.join(args.dir, "access.log"), int(50e6 * args.scale), rng)
    gen_log_variants(os.path.join(args.dir, "access.log"), os.path.join(args.dir, "access2.log"),
                     os.path.join(args.dir, "sorted.log"), random.Random(20261203))
    gen_json(os.path.join(args.dir, "data.json"), int(10e6 * args.scale), rng)
    gen_csv(os.path.join(args.dir, "data.csv"), int(200000 * args.scale), rng)
    gen_tree(os.path.join(args.dir, "tree"), int(10000 * args.scale), rng)
    with open(stamp, "w") as f:
        f.write(want)


if __name__ == "__main__":
    main()
