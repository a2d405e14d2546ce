# shellcheck shell=bash
# Sourced by .ci/run (as root, on a fresh Debian bookworm, CI=true) before `mvn -B verify`.
# docker/ needs a Docker engine and a base image with a Java 17 JRE. No image registry is
# reachable here, so the base image is made locally with debootstrap (docker/make-base-image.sh)
# and the build is pointed at it through SMTPMOCK_BASE_IMAGE (read by docker/pom.xml).
# See CONTAINERS.md for why each step is there.

smtpmock_setup_docker() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      "${missing[@]}" ca-certificates
  fi

  if ! docker info >/dev/null 2>&1; then
    echo "20-docker: starting dockerd (log: /var/log/dockerd.log)"
    setsid nohup dockerd >/var/log/dockerd.log 2>&1 </dev/null &
    local i
    for i in $(seq 1 60); do
      docker info >/dev/null 2>&1 && break
      sleep 1
    done
    if ! docker info >/dev/null 2>&1; then
      tail -50 /var/log/dockerd.log >&2
      echo "20-docker: dockerd did not come up" >&2
      return 1
    fi
  fi
  docker version --format 'Docker engine {{.Server.Version}} (API {{.Server.APIVersion}})'

  # ~35 s, once per machine
  bash docker/make-base-image.sh jre-base:local
}

smtpmock_setup_docker
unset -f smtpmock_setup_docker

# docker/pom.xml builds the image FROM this instead of eclipse-temurin:17-jre (unreachable here)
export SMTPMOCK_BASE_IMAGE=jre-base:local
# Testcontainers: only the environment variables work (CONTAINERS.md, pitfalls 1 and 2)
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
