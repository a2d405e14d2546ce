#!/usr/bin/env bash
# Makes the local base image jre-base:local (a Debian bookworm with a Java 17 JRE) without any
# image registry: debootstrap from Debian's package mirror, then `docker import`. Idempotent: does
# nothing when the image exists. Needs root, debootstrap and a running Docker engine.
#
#   docker/make-base-image.sh [IMAGE]      # IMAGE defaults to jre-base:local
#
# Then build the smtpmock image on it:
#   mvn -pl docker -am verify -Dsmtpmock.baseImage=jre-base:local
set -euo pipefail

image="${1:-jre-base:local}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "make-base-image: $image exists"
  exit 0
fi
command -v debootstrap >/dev/null 2>&1 || { echo "make-base-image: debootstrap is not installed" >&2; exit 1; }

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
echo "make-base-image: debootstrap bookworm into $root"
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$root" "$mirror" >"$root.log" 2>&1 \
  || { tail -50 "$root.log" >&2; rm -f "$root.log"; exit 1; }
rm -f "$root.log"
# the apt lists and package cache are not needed at runtime
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | docker import \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["/bin/bash"]' \
  - "$image" >/dev/null
echo "make-base-image: made $image"
