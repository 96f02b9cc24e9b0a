#!/usr/bin/env bash
# The documented nginx recipe (deploy/nginx.conf), run: the demo site built
# for http://127.0.0.1:PORT/sfj/fzbg/ and served by Debian's nginx on a
# loopback port with that location block, changed only in its root; then
# crawl.py follows every link and asset (0 broken), checks the headers, the
# site's 404 page and every file of the build manifest.
# usage: nginx_test.sh FAZHI SOURCE_DIR
set -euo pipefail
fazhi=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

port=$(free_port)
base="http://127.0.0.1:$port/sfj/fzbg/"
"$fazhi" build "$src" --output "$work/www/sfj/fzbg" --base-url "$base" --manifest "$work/public.sha256" \
  --quiet 2>"$work/build.log" || { cat "$work/build.log"; exit 1; }
# What a deploy by git leaves behind: never to be served.
mkdir "$work/www/sfj/fzbg/.git" && echo "[core]" >"$work/www/sfj/fzbg/.git/config"

sed "s#root /srv/www;#root $work/www;#" "$src/deploy/nginx.conf" >"$work/site.conf"
# Only the root differs from the documented file.
changed=$(diff "$src/deploy/nginx.conf" "$work/site.conf" | grep -c '^[<>]' || true)
[ "$changed" = 2 ] || { echo "nginx.conf: expected one line changed, got $changed"; exit 1; }

mkdir -p "$work/nginx-temp"
cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $work/nginx-access.log;
    client_body_temp_path $work/nginx-temp/body;
    proxy_temp_path $work/nginx-temp/proxy;
    fastcgi_temp_path $work/nginx-temp/fastcgi;
    uwsgi_temp_path $work/nginx-temp/uwsgi;
    scgi_temp_path $work/nginx-temp/scgi;
    server {
        listen 127.0.0.1:$port;
        server_name localhost;
        include $work/site.conf;
    }
}
CONF
nginx -t -q -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf"
nginx -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf" &
wait_for_port "$port"
python3 "$here/crawl.py" "$base" "$work/www/sfj/fzbg" "$work/public.sha256" || {
  tail -20 "$work/nginx-error.log"
  exit 1
}
