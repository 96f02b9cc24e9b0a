#!/usr/bin/env python3
"""Crawls a fazhi site served over HTTP, as a visitor's browser would reach it.

usage: crawl.py BASE_URL PUBLIC_DIR MANIFEST

From BASE_URL it follows every link and asset (a, link, script, img, source,
iframe, form; url() in CSS) on the same host, and checks that each answers 200
with the expected headers: HTML, CSS, JavaScript, JSON, XML, CSV and text as
UTF-8, CSS and JavaScript with Cache-Control. Then it fetches every file in
MANIFEST (from `fazhi build --manifest`) and compares its SHA-256 with the
served bytes (and, for a text file of 1 KB or more, with the bytes served
gzipped to a browser that accepts them, decompressed), asks for a page that
does not exist (404, with the site's own 404.html as the body) and for
.git/config, which the test put there (404). Prints one line per problem and a
summary; exits 1 when anything failed.
"""
import gzip
import hashlib
import html.parser
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

# Sent compressed to a browser that accepts gzip (the recipes' gzip_types and
# AddOutputFilterByType), when at least this long: smaller files gain little.
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".csv", ".txt", ".svg")
COMPRESS_FROM = 1024

TEXT_TYPES = {
    ".html": "text/html", ".css": "text/css", ".js": ("application/javascript", "text/javascript"),
    ".json": "application/json", ".xml": None, ".csv": "text/csv", ".txt": "text/plain",
}


class Links(html.parser.HTMLParser):
    ATTRS = {"a": ["href"], "link": ["href"], "script": ["src"], "img": ["src", "srcset"],
             "source": ["src", "srcset"], "iframe": ["src"], "form": ["action"]}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in self.ATTRS.get(tag, []):
                if name == "srcset":
                    self.found += [part.split()[0] for part in value.split(",") if part.strip()]
                else:
                    self.found.append(value)


def fetch(url, headers=None):
    """(status, headers, body) without following redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def quote(url):
    """Percent-encodes a URL's path (fazhi writes Chinese paths raw in href)."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=urllib.parse.quote(parts.path, safe="/%:@!$&'()*+,;=")))


def main():
    base, public, manifest = sys.argv[1:4]
    host = urllib.parse.urlsplit(base).netloc
    problems = []
    seen, queue = set(), [base]
    pages = assets = external = 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, headers, body = fetch(quote(url))
        if status != 200:
            problems.append(f"{status} {url} (linked from {referrers.get(url, '?')})")
            continue
        path = urllib.parse.urlsplit(url).path
        ctype = headers.get("Content-Type", "")
        ext = "." + path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ".html"
        if ext in TEXT_TYPES and "charset=utf-8" not in ctype.lower():
            problems.append(f"no charset=utf-8 in Content-Type '{ctype}': {url}")
        expected = TEXT_TYPES.get(ext)
        if expected and not ctype.startswith(expected):  # str.startswith takes a tuple too
            problems.append(f"Content-Type '{ctype}', expected {expected}: {url}")
        if ext in (".css", ".js") and "max-age" not in headers.get("Cache-Control", ""):
            problems.append(f"no Cache-Control max-age: {url}")
        if ctype.startswith("text/html"):
            pages += 1
            parser = Links()
            parser.feed(body.decode("utf-8"))
            targets = parser.found
        elif ctype.startswith("text/css"):
            assets += 1
            targets = re.findall(r"url\(\s*['\"]?([^'\")]+)", body.decode("utf-8"))
        else:
            assets += 1
            targets = []
        for t in targets:
            if t.startswith(("mailto:", "tel:", "javascript:", "data:", "#")):
                continue
            absolute = urllib.parse.urljoin(url, t).split("#", 1)[0]
            if urllib.parse.urlsplit(absolute).netloc != host:
                external += 1
                continue
            referrers.setdefault(absolute, url)
            if absolute not in seen:
                queue.append(absolute)

    # Every file of the build, byte for byte; the text files also compressed,
    # to a browser that accepts gzip.
    files = compressed = 0
    plain_bytes = wire_bytes = 0
    with open(manifest, encoding="utf-8") as f:
        for line in f:
            digest, path = line.rstrip("\n").split("  ", 1)
            url = quote(urllib.parse.urljoin(base, path))
            status, _, body = fetch(url)
            files += 1
            if status != 200:
                problems.append(f"{status} for {path}, listed in the manifest")
                continue
            if hashlib.sha256(body).hexdigest() != digest:
                problems.append(f"served bytes differ from the manifest: {path}")
            if not path.endswith(COMPRESSED) or len(body) < COMPRESS_FROM:
                continue
            status, headers, wire = fetch(url, {"Accept-Encoding": "gzip"})
            if headers.get("Content-Encoding") != "gzip":
                problems.append(f"not compressed for a browser that accepts gzip: {path}")
                continue
            if "accept-encoding" not in headers.get("Vary", "").lower():
                problems.append(f"compressed without Vary: Accept-Encoding (a cache could send it to any browser): {path}")
            if hashlib.sha256(gzip.decompress(wire)).hexdigest() != digest:
                problems.append(f"compressed bytes differ from the manifest once decompressed: {path}")
            compressed += 1
            plain_bytes += len(body)
            wire_bytes += len(wire)

    # The site's own 404 page, and no dot file.
    with open(f"{public}/404.html", "rb") as f:
        not_found_page = f.read()
    status, headers, body = fetch(base + "no-such-page/")
    if status != 404 or body != not_found_page:
        problems.append(f"a missing page gave {status} and {'the' if body == not_found_page else 'not the'} site's 404.html")
    if "charset=utf-8" not in headers.get("Content-Type", "").lower():
        problems.append("the 404 page has no charset=utf-8")
    # The test put a .git/config into the served folder, as a deploy by git would.
    status, _, _ = fetch(base + ".git/config")
    if status != 404:
        problems.append(f".git/config gave {status}, expected 404")

    for p in problems:
        print("crawl: " + p)
    print(f"crawl: {pages} pages and {assets} assets reached from {base}, {external} links to other hosts, "
          f"{sum(1 for p in problems if p[:3].isdigit())} broken; {files} files of the manifest served byte for byte; "
          f"{compressed} text files of {COMPRESS_FROM} bytes or more sent gzipped: {plain_bytes} bytes in {wire_bytes}")
    return 1 if problems else 0


referrers = {}
if __name__ == "__main__":
    sys.exit(main())
