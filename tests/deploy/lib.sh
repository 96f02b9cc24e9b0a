# Shared by the deploy tests: a scratch folder removed on exit, a free port on
# the loopback interface, and the demo site copied as a site of its own.

# A scratch folder readable by the web servers' workers (mktemp makes 0700).
work=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-deploy.XXXXXX")
chmod 755 "$work"
cleanup() {
  for pidfile in "$work"/*.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for_port PORT: until something listens there, at most 10 s.
wait_for_port() {
  for _ in $(seq 100); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}

# copy_demo SRC DEST: the demo site as a repository of its own would hold it
# (site.toml, content/, data/, static/), without the theme, which then comes
# from the fazhi installation.
copy_demo() {
  mkdir -p "$2"
  cp -r "$1/site.toml" "$1/content" "$1/data" "$2/"
  [ -d "$1/static" ] && cp -r "$1/static" "$2/"
  [ -d "$1/layouts" ] && cp -r "$1/layouts" "$2/"
  return 0
}

# install_fazhi BUILD: fazhi installed from BUILD into $work/usr, as the
# Debian package installs it, and put first on PATH. The install takes the
# files the build made (the man page, the changelog): after a configure
# without a build they are missing or stale, which it says instead of a bare
# "file INSTALL cannot find".
install_fazhi() {
  if ! cmake --install "$1" --prefix "$work/usr" >"$work/install.log" 2>&1; then
    cat "$work/install.log" >&2
    echo "cmake --install $1 failed: is the build up to date? Run cmake --build $1 before ctest (scripts/test.sh does)" >&2
    exit 1
  fi
  export PATH="$work/usr/bin:$PATH"
  [ "$(command -v fazhi)" = "$work/usr/bin/fazhi" ]
}
