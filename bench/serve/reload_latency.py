#!/usr/bin/env python3
"""Time from saving one page to the reload event, for `fazhi serve` (SSE) or
`hugo server` (LiveReload over a WebSocket).

For each of --edits edits: a page's Markdown gets one more paragraph (at the
end of the body, or with --where start as its first paragraph, which changes
the page's summary and so every list, feed and taxonomy page showing it), saved
as editors do (write a temporary file, rename it over the page); the clock
starts just before the write and stops when the reload message arrives. Then
the page is fetched over HTTP, as the reloading browser does, and must contain
the new paragraph (a reload that shows a stale page would not count); save →
visible is the time until that fetch has the page. Prints one line per edit
and two summary lines (reload event, page fetched): median, min and max in
milliseconds.

Usage: reload_latency.py fazhi|hugo PORT SITE_DIR PAGE_REL PAGE_URL [--edits 5] [--where end|start]
"""

import argparse
import base64
import os
import socket
import statistics
import sys
import time
import urllib.request


def sse_connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    s.sendall(b"GET /__fazhi/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    return s


def ws_connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               f"Origin: http://127.0.0.1:{port}\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += s.recv(1)
    if b" 101 " not in head.split(b"\r\n")[0]:
        sys.exit("reload_latency: websocket upgrade refused: " + head.decode(errors="replace"))
    hello = b'{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}'
    mask = os.urandom(4)
    frame = bytes([0x81, 0x80 | len(hello)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(hello))
    s.sendall(frame)
    return s


def ws_messages(s):
    """Yields text messages from a (server → client, unmasked) WebSocket."""
    buf = b""
    while True:
        while len(buf) < 2:
            buf += s.recv(65536)
        n = buf[1] & 0x7F
        off = 2
        if n == 126:
            while len(buf) < 4:
                buf += s.recv(65536)
            n = int.from_bytes(buf[2:4], "big")
            off = 4
        elif n == 127:
            while len(buf) < 10:
                buf += s.recv(65536)
            n = int.from_bytes(buf[2:10], "big")
            off = 10
        while len(buf) < off + n:
            buf += s.recv(65536)
        yield buf[off:off + n].decode(errors="replace")
        buf = buf[off + n:]


def sse_events(s):
    buf = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return
        buf += chunk
        while b"event: " in buf:
            at = buf.index(b"event: ")
            end = buf.find(b"\n", at)
            if end < 0:
                break
            yield buf[at + 7:end].decode()
            buf = buf[end:]


def edited(original, marker, where):
    """`original` with a paragraph `marker` at the end of the body, or first."""
    if where == "end":
        return original + "\n" + marker + "\n"
    # After the front matter's closing '---' line.
    close = original.index("\n---\n", 4) + len("\n---\n")
    return original[:close] + "\n" + marker + "\n" + original[close:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool", choices=["fazhi", "hugo"])
    ap.add_argument("port", type=int)
    ap.add_argument("site")
    ap.add_argument("page_rel")
    ap.add_argument("page_url")
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--where", choices=["end", "start"], default="end")
    args = ap.parse_args()

    if args.tool == "fazhi":
        sock = sse_connect(args.port)
        stream = sse_events(sock)
        first = next(stream)
        assert first == "hello", first
        is_reload = lambda e: e == "reload"
    else:
        sock = ws_connect(args.port)
        stream = ws_messages(sock)
        is_reload = lambda m: '"command":"reload"' in m.replace(" ", "")

    page = os.path.join(args.site, args.page_rel)
    with open(page, encoding="utf-8") as f:
        original = f.read()
    results, visible = [], []
    try:
        for i in range(args.edits):
            marker = f"基准测试修改第{i + 1}次{time.time_ns()}"
            tmp = os.path.join(os.path.dirname(page), "." + os.path.basename(page) + ".swp")
            t0 = time.monotonic()
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(edited(original, marker, args.where))
            os.rename(tmp, page)
            for msg in stream:
                if is_reload(msg):
                    break
            t1 = time.monotonic()
            body = urllib.request.urlopen(f"http://127.0.0.1:{args.port}{args.page_url}", timeout=60).read()
            t2 = time.monotonic()
            fresh = marker.encode() in body
            ms = (t1 - t0) * 1000
            results.append(ms)
            visible.append((t2 - t0) * 1000)
            print(f"{args.tool} edit {i + 1}: reload event after {ms:.1f} ms, page fetched after "
                  f"{visible[-1]:.1f} ms; page fresh: {fresh}", flush=True)
            if not fresh:
                sys.exit(f"reload_latency: {args.tool} served a stale page after the reload event")
            time.sleep(1.0)  # let the server settle before the next edit
    finally:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
    print(f"{args.tool} save→reload ms over {len(results)} edits: median {statistics.median(results):.1f}, "
          f"min {min(results):.1f}, max {max(results):.1f}")
    print(f"{args.tool} save→visible ms over {len(visible)} edits: median {statistics.median(visible):.1f}, "
          f"min {min(visible):.1f}, max {max(visible):.1f}")


if __name__ == "__main__":
    main()
