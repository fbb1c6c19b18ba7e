#!/usr/bin/env bash
# Builds CPython 3.11 for wasm32-wasi from Debian's source package, translates
# it to C with wasm2c and compiles that C into one object that the burrow
# binary links (src/wasm/). Also installs the standard library (compiled to
# .pyc) that every session mounts read-only at /usr/local/lib/python3.11.
#
# Two cached stages under $BURROW_PYTHON_CACHE (default ~/.cache/burrow/python-wasm):
#   cpython-<key>: python.wasm and the standard library, keyed by the source
#                  package versions, the compiler, our main and this stage's recipe;
#   <key>:         python_wasm.o and .h, keyed by the first stage, our runtime
#                  header (src/wasm/wasm-rt.h) and wasm2c,
# so an unchanged tree never rebuilds either, and a runtime change only
# re-translates. Prints the second stage's directory on stdout when done.
#
#   scripts/build-python.sh            # build (or reuse) and print the dir
#   scripts/build-python.sh --print    # print the dir without building
#   scripts/build-python.sh --print-cpython   # the first stage's dir
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

python_src_pkg=python3.11
zlib_src_pkg=zlib
jobs=$(nproc)

log() { echo "build-python: $*" >&2; }

# --- the packages this needs (Debian's clang-16 toolchain for wasm32-wasi) ---
need=(clang-16 lld-16 wasi-libc libclang-rt-16-dev-wasm32 wabt python3.11 llvm)
missing=()
for pkg in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  log "installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cache_root=${BURROW_PYTHON_CACHE:-${HOME}/.cache/burrow/python-wasm}
work=$cache_root/work
mkdir -p "$work/src" "$work/apt/lists/partial"

# A private sources list, so the system's apt set-up is untouched.
apt_opts=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$work/apt/lists" -o Dir::Cache::archives="$work/apt/archives"
          -o APT::Sandbox::User=root)
echo "deb-src http://deb.debian.org/debian bookworm main" > "$work/apt/sources.list"
if ! ls "$work/apt/lists/"*Sources* >/dev/null 2>&1; then
  log "fetching the bookworm source index"
  apt-get "${apt_opts[@]}" update -qq
fi
source_version() { apt-cache "${apt_opts[@]}" showsrc "$1" | awk '/^Version:/ {print $2; exit}'; }
# The upstream part of a Debian version: no epoch, no Debian revision.
upstream_version() { local v=${1#*:}; echo "${v%-*}"; }
py_version=$(source_version "$python_src_pkg")
zlib_version=$(source_version "$zlib_src_pkg")

# Bump when the recipe of a stage changes.
cpython_recipe=2
translate_recipe=2
hash16() { sha256sum | cut -c1-16; }
cpython_key=$({ echo "$cpython_recipe $python_src_pkg $py_version $zlib_src_pkg $zlib_version"
               clang-16 --version | head -1; cat src/wasm/python_main.c; } | hash16)
key=$({ echo "$translate_recipe $cpython_key"; wasm2c --version; clang-16 --version | head -1
        cat src/wasm/wasm-rt.h; } | hash16)
wasm_dir=$cache_root/cpython-$cpython_key
out=$cache_root/$key
if [ "${1:-}" = "--print" ]; then echo "$out"; exit 0; fi
if [ "${1:-}" = "--print-cpython" ]; then echo "$wasm_dir"; exit 0; fi
if [ -f "$out/done" ]; then echo "$out"; exit 0; fi

# --- stage 1: CPython for wasm32-wasi ------------------------------------------
build_cpython() {
  local dest=$1
  log "building CPython $py_version for wasm32-wasi into $dest"
  rm -rf "$dest.tmp"; mkdir -p "$dest.tmp"
  (cd "$work/src" && for pkg in "$python_src_pkg=$py_version" "$zlib_src_pkg=$zlib_version"; do
     ls "${pkg%%=*}_"*.dsc >/dev/null 2>&1 || apt-get "${apt_opts[@]}" source --download-only -qq "$pkg"
   done)
  local build=$dest.tmp/build
  mkdir -p "$build"
  tar -xzf "$work/src/${python_src_pkg}_$(upstream_version "$py_version").orig.tar.gz" -C "$build"
  tar -xjf "$work/src/${zlib_src_pkg}_$(upstream_version "$zlib_version").orig.tar.bz2" -C "$build"
  local pysrc zsrc
  pysrc=$(echo "$build"/Python-*)
  zsrc=$(echo "$build"/zlib-*)

  # A clean sysroot: only wasi-libc and compiler-rt are visible. Without it
  # clang also searches /usr/include and picks up host headers.
  local sysroot=$build/sysroot
  mkdir -p "$sysroot/include" "$sysroot/lib"
  cp -r /usr/include/wasm32-wasi "$sysroot/include/wasm32-wasi"
  cp -r /usr/lib/wasm32-wasi "$sysroot/lib/wasm32-wasi"
  local wasi_cc="clang-16 --target=wasm32-wasi --sysroot=$sysroot"

  # zlib for WASI, so that zlib, gzip, zipfile and tarfile work.
  log "zlib"
  (cd "$zsrc" && CC="$wasi_cc" CFLAGS="-O2 -Wno-deprecated-non-prototype" AR=llvm-ar RANLIB=llvm-ranlib \
     CHOST=wasm32 ./configure --static --prefix="$sysroot" && make -j"$jobs" libz.a && \
     cp libz.a "$sysroot/lib/wasm32-wasi/" && cp zlib.h zconf.h "$sysroot/include/wasm32-wasi/") \
    >"$dest.tmp/zlib.log" 2>&1 || { tail -30 "$dest.tmp/zlib.log" >&2; exit 1; }

  # pymalloc is off by default for WASI; on, small objects skip dlmalloc
  # (about a tenth of a CPU-bound script's time).
  log "configure CPython"
  touch "$pysrc/Modules/Setup.local"
  # Our main: chdir()s to the shell's directory before Py_BytesMain.
  cp src/wasm/python_main.c "$pysrc/Programs/python.c"
  mkdir -p "$pysrc/builddir/wasi"
  (cd "$pysrc/builddir/wasi" && \
    CONFIG_SITE=../../Tools/wasm/config.site-wasm32-wasi \
    CC="$wasi_cc" CPP="$wasi_cc -E" LDSHARED=wasm-ld-16 AR=llvm-ar RANLIB=llvm-ranlib \
    CFLAGS="-O2 -Wno-int-conversion" \
    ZLIB_CFLAGS="-I$sysroot/include/wasm32-wasi" ZLIB_LIBS="-lz" \
    PKG_CONFIG_PATH= PKG_CONFIG_LIBDIR=/nonexistent \
    ../../configure -C --host=wasm32-unknown-wasi --build="$(../../config.guess)" \
       --with-build-python=/usr/bin/python3.11 --prefix=/usr/local \
       --disable-test-modules --without-ensurepip --with-pymalloc >"$dest.tmp/configure.log" 2>&1) \
    || { tail -30 "$dest.tmp/configure.log" >&2; exit 1; }
  log "make CPython"
  (cd "$pysrc/builddir/wasi" && make -j"$jobs" >"$dest.tmp/make.log" 2>&1) \
    || { tail -40 "$dest.tmp/make.log" >&2; exit 1; }
  log "install the standard library"
  (cd "$pysrc/builddir/wasi" && make DESTDIR="$dest.tmp/root" libinstall >"$dest.tmp/install.log" 2>&1) \
    || { tail -40 "$dest.tmp/install.log" >&2; exit 1; }
  # The standard library without its own test suites (about 50 MB).
  local stdlib=$dest.tmp/root/usr/local/lib/python3.11
  rm -rf "$stdlib/test" "$stdlib/idlelib/idle_test" "$stdlib/lib2to3/tests" "$stdlib/tkinter/test" \
         "$stdlib/ctypes/test" "$stdlib/distutils/tests" "$stdlib/unittest/test"
  mkdir -p "$stdlib/lib-dynload"  # CPython looks for it; WASI builds have no extension modules
  cp "$pysrc/builddir/wasi/python.wasm" "$dest.tmp/python.wasm"
  rm -rf "$build"
  rm -rf "$dest"; mv "$dest.tmp" "$dest"; touch "$dest/done"
}

# --- stage 2: wasm2c, then one object for the burrow binary -------------------
translate() {
  local dest=$1
  rm -rf "$dest.tmp"; mkdir -p "$dest.tmp"
  log "wasm2c"
  wasm2c "$wasm_dir/python.wasm" -n python -o "$dest.tmp/python_wasm.c"
  log "compile the translated C (one large file: several minutes)"
  clang-16 -O2 -fPIC -fstack-clash-protection -w -I"$repo/src/wasm" -c "$dest.tmp/python_wasm.c" -o "$dest.tmp/python_wasm.o"
  rm "$dest.tmp/python_wasm.c"  # the object and the header are what the build uses
  ln -s "$wasm_dir/root" "$dest.tmp/root"
  rm -rf "$dest"; mv "$dest.tmp" "$dest"; touch "$dest/done"
}

[ -f "$wasm_dir/done" ] || build_cpython "$wasm_dir"
translate "$out"
log "done: $out"
echo "$out"
