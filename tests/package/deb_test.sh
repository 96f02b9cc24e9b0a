#!/usr/bin/env bash
# The Debian package, built and used as an IT person would: cpack makes
# fazhi_<version>_amd64.deb from this build; its control fields and Depends
# (found by dpkg-shlibdeps) are checked and apt resolves them; it is unpacked
# into a scratch root with dpkg -x, and the demo site, copied without its
# theme, is built with the unpacked binary and theme: byte-identical to this
# build's output, and a mark put into the unpacked theme shows up in it, so
# the installed theme was used. Then the man page and the bash completion.
# usage: deb_test.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$1 src=$2 version=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
arch=$(dpkg --print-architecture)
deb="$work/out/fazhi_${version}_${arch}.deb"
[ -f "$deb" ] || { ls "$work/out"; echo "no $deb"; exit 1; }

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = fazhi ]
[ "$(field Version)" = "$version" ]
[ "$(field Architecture)" = "$arch" ]
depends=$(field Depends)
# The shared libraries fazhi links, as dpkg-shlibdeps names their packages.
for lib in libc6 libstdc++6 libcmark-gfm0 libcmark-gfm-extensions0 libyaml-0-2 libzip4 libxml2 libjemalloc2 \
  libssl3 libcpp-httplib0.11 libtomlplusplus3; do
  case ", $depends" in
    *", $lib"*) ;;
    *) echo "Depends lacks $lib: $depends"; exit 1 ;;
  esac
done
# apt can satisfy every Depends from Debian (a simulation: nothing is installed).
apt-get install --simulate --no-install-recommends "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }

dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's#^\./#/#' >"$work/contents"
for f in /usr/bin/fazhi /usr/share/fazhi/themes/default/layouts/home.mustache \
  /usr/share/fazhi/themes/default/static/css/site.css /usr/share/man/man1/fazhi.1.gz \
  /usr/share/bash-completion/completions/fazhi /usr/share/doc/fazhi/copyright \
  /usr/share/fazhi/deploy/nginx.conf /usr/share/fazhi/deploy/gitlab-ci.yml /usr/share/fazhi/deploy/upload-changed.sh; do
  grep -qx "$f" "$work/contents" || { echo "the package lacks $f"; exit 1; }
done
if grep -v -e '^/usr/' -e '^/$' "$work/contents"; then echo "files outside /usr"; exit 1; fi

root=$work/root
dpkg -x "$deb" "$root"
fazhi=$root/usr/bin/fazhi
[ "$("$fazhi" version)" = "fazhi $version" ]

# The demo as a site of its own: no themes/, so the installed theme is used.
site=$work/site
mkdir -p "$site"
cp -r "$src/site.toml" "$src/content" "$src/data" "$site/"
"$fazhi" build "$site" --quiet 2>/dev/null
"$build/fazhi" build "$src" --output "$work/reference" --quiet 2>/dev/null
diff -r "$work/reference" "$site/public"
printf '\n/* installed theme */\n' >>"$root/usr/share/fazhi/themes/default/static/css/site.css"
"$fazhi" build "$site" --quiet 2>/dev/null
tail -1 "$site/public/css/site.css" | grep -qx '/\* installed theme \*/'
# A site made by `fazhi new site` has no copy of the theme either: it builds
# with the installed one, and so takes the next package's search script.
"$fazhi" new site "$work/new" --sponsor 某区司法局 >/dev/null
[ ! -e "$work/new/themes" ]
"$fazhi" build "$work/new" --quiet 2>/dev/null
tail -1 "$work/new/public/css/site.css" | grep -qx '/\* installed theme \*/'

# The man page: every command of `fazhi help`, rendered by man.
MANWIDTH=200 man -P cat -l "$root/usr/share/man/man1/fazhi.1.gz" 2>/dev/null | tr -s " " >"$work/man.txt"
for word in "fazhi $version" "build [DIR]" "check [DIR]" "serve [DIR]" "new site DIR" "import FILE" \
  "--as-of DATE|today" "--manifest FILE" "Exit status" "DEPLOYMENT" "/usr/share/fazhi/deploy/" "法治政府建设公开"; do
  grep -qF -- "$word" "$work/man.txt" || { cat "$work/man.txt"; echo "man page lacks: $word"; exit 1; }
done

# The bash completion, in bash, through bash-completion's own loader.
complete_words() { # the words offered for the command line "$@" (the last word being completed)
  bash -c '. /usr/share/bash-completion/bash_completion
    . "$0"
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _fazhi
    printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' "$root/usr/share/bash-completion/completions/fazhi" "$@"
}
[ "$(complete_words fazhi "")" = "build check help import new serve version " ]
[ "$(complete_words fazhi build --ma)" = "--manifest " ]
[ "$(complete_words fazhi check --as-of "")" = "today " ]
[ "$(complete_words fazhi new "")" = "indicator page profile report site " ]
echo "deb: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB, $(wc -l <"$work/contents") paths; Depends: $depends"
