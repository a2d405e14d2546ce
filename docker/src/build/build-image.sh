#!/usr/bin/env bash
# Builds the smtpmock image; run by docker/pom.xml in pre-integration-test (SPEC 6):
#
#   build-image.sh DOCKERFILE RUNNER_JAR CONTEXT_DIR IMAGE BASE_IMAGE VERSION
#
# The build context (CONTEXT_DIR) holds a copy of docker/Dockerfile and the runner jar. The image
# is built with the legacy builder, never pulling: it must work with no registry reachable when
# BASE_IMAGE is a local image (docker/make-base-image.sh). VERSION (the pom's project.version)
# becomes its OCI version label. Without a Docker engine the image is
# not built: a warning, or, with CI set, a failure. A rebuild removes the image it replaces, so
# only IMAGE is left behind.
set -euo pipefail

if [ $# -ne 6 ]; then
  echo "usage: $0 DOCKERFILE RUNNER_JAR CONTEXT_DIR IMAGE BASE_IMAGE VERSION" >&2
  exit 2
fi
dockerfile="$1" jar="$2" context="$3" image="$4" base="$5" version="$6"

if ! docker_info="$(docker info 2>&1)"; then
  reason="$(printf '%s\n' "$docker_info" | grep -v '^\s*$' | tail -1)"
  case "${CI:-}" in
    "" | false | 0)
      echo "[WARNING] Docker is not available (docker info: $reason): the image $image is not built" \
        "and the container tests are skipped. Start a Docker engine to run them."
      exit 0
      ;;
    *)
      echo "[ERROR] Docker is not available (docker info: $reason), and CI=$CI: the image $image" \
        "and the container tests need it. Start one (.ci/setup/20-docker.sh shows how), or see docker/README.md." >&2
      exit 1
      ;;
  esac
fi

if [ ! -f "$jar" ]; then
  echo "[ERROR] $jar is missing: build the runner first, e.g. mvn -pl docker -am verify" >&2
  exit 1
fi
rm -rf "$context"
mkdir -p "$context"
cp "$dockerfile" "$context/Dockerfile"
cp "$jar" "$context/smtpmock.jar"

if ! docker image inspect "$base" >/dev/null 2>&1; then
  echo "[INFO] The base image $base is not here; docker build will try to pull it." \
    "Without a registry, make a local one (docker/make-base-image.sh) and pass -Dsmtpmock.baseImage=jre-base:local."
fi

previous="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
echo "[INFO] docker build -t $image --build-arg BASE_IMAGE=$base --build-arg VERSION=$version $context"
# the legacy builder: BuildKit (or a `# syntax=` line, or --pull) would reach for a registry
DOCKER_BUILDKIT=0 docker build --force-rm -t "$image" --build-arg "BASE_IMAGE=$base" \
  --build-arg "VERSION=$version" "$context"
current="$(docker image inspect --format '{{.Id}}' "$image")"

if [ -n "$previous" ] && [ "$previous" != "$current" ]; then
  docker image rm "$previous" >/dev/null 2>&1 ||
    echo "[INFO] The image $image replaced ($previous) is still used by a container; it stays."
fi
