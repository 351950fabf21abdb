#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/mkwarc.py: the bench corpus's pages as one WARC.gz, as a crawler
stores them: per page a request and a 200 response (a gzip member per
record), named http://bench.example/PATH.  Usage: mkwarc.py LIST OUT, LIST
holding one page path a line."""
import gzip
import sys


def record(typ, uri, block, ctype):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2024-05-01T08:00:00Z\r\nContent-Type: %s\r\n"
            "Content-Length: %d\r\n\r\n" % (typ, uri, ctype, len(block)))
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=6)


def main():
    paths, out = sys.argv[1], sys.argv[2]
    with open(paths) as names, open(out, "wb") as w:
        for path in names.read().splitlines():
            uri = "http://bench.example/" + path
            body = open(path, "rb").read()
            w.write(record("request", uri, b"GET /%s HTTP/1.1\r\n\r\n" % path.encode(),
                           "application/http; msgtype=request"))
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(body)) + body
            w.write(record("response", uri, http,
                           "application/http; msgtype=response"))


main()
