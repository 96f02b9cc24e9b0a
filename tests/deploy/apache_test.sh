#!/usr/bin/env bash
# The documented Apache recipe (deploy/apache.conf), run like the nginx one:
# the demo built for http://127.0.0.1:PORT/sfj/fzbg/, served by Debian's
# apache2 on a loopback port with that configuration (only its folder
# changed), then crawled by crawl.py.
# usage: apache_test.sh FAZHI SOURCE_DIR
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

sed "/^#/!s#/srv/www/#$work/www/#g" "$src/deploy/apache.conf" >"$work/site.conf"
changed=$(diff "$src/deploy/apache.conf" "$work/site.conf" | grep -c '^[<>]' || true)
[ "$changed" = 4 ] || { echo "apache.conf: expected two lines changed, got $changed"; exit 1; }

modules=/usr/lib/apache2/modules
user=$(id -un) group=$(id -gn)
[ "$(id -u)" = 0 ] && user=www-data group=www-data
cat >"$work/httpd.conf" <<CONF
ServerRoot $work
ServerName localhost
Listen 127.0.0.1:$port
PidFile $work/httpd.pid
DefaultRuntimeDir $work
ErrorLog $work/httpd-error.log
LogLevel warn
LoadModule mpm_event_module $modules/mod_mpm_event.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule alias_module $modules/mod_alias.so
LoadModule dir_module $modules/mod_dir.so
LoadModule mime_module $modules/mod_mime.so
LoadModule headers_module $modules/mod_headers.so
LoadModule filter_module $modules/mod_filter.so
LoadModule deflate_module $modules/mod_deflate.so
User $user
Group $group
TypesConfig /etc/mime.types
DocumentRoot $work/empty
<Directory />
    Require all denied
</Directory>
Include $work/site.conf
CONF
mkdir -p "$work/empty"
apache2 -t -f "$work/httpd.conf" 2>/dev/null
apache2 -f "$work/httpd.conf" -DFOREGROUND &
wait_for_port "$port"
python3 "$here/crawl.py" "$base" "$work/www/sfj/fzbg" "$work/public.sha256" || {
  tail -20 "$work/httpd-error.log"
  exit 1
}
