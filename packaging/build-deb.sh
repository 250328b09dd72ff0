#!/usr/bin/env bash
# Builds the Debian package of hypernd, target/deb/hypernd_<version>_<arch>.deb, with Debian's own
# tooling (dpkg-buildpackage and debhelper, from debian/) and the runnable jar that
# `mvn package` made. `mvn -B -Pdeb package` runs this script after the jar is built; by hand:
#
#   mvn -B -DskipTests package && packaging/build-deb.sh
#
# It copies what the package is made of (debian/, packaging/, man/, jobs.example.yaml and the
# jar) into target/deb/hypernd-<version>/ and runs `dpkg-buildpackage -b -us -uc` there with the
# build profile pkg.hypernd.prebuilt (the jar is built already), so that nothing is written
# beside the clone. The last line printed is the package's path.
#
# Options (all optional):
#   --jar FILE       the runnable jar (default: target/hypernd.jar)
#   --out DIR        where the build happens and the .deb goes (default: target/deb)
# Environment: DEB_REVISION builds another Debian revision of the same version than
# debian/changelog's (a new changelog entry, as for a rebuild; the package tests build an
# upgrade so); SOURCE_DATE_EPOCH fixes every timestamp (default: debian/changelog's date), so
# that the same inputs give the same package.
#
# Needs bash, dpkg-dev, debhelper, zip, unzip and java (debian/control's Build-Depends); no root
# and no fakeroot (Rules-Requires-Root: no). What goes where is in packaging/deb/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/hypernd.jar"
out="$root/target/deb"

die() {
  echo "build-deb.sh: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    -h | --help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[ -f "$jar" ] || die "no jar at $jar; build it first with: mvn -B -DskipTests package"
command -v dpkg-buildpackage >/dev/null || die "dpkg-buildpackage is missing (apt-get install dpkg-dev)"
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"
java="${java:-java}"

# debian/changelog names the version; it must be the jar's. Maven's 0.1.0-SNAPSHOT is Debian's
# 0.1.0~snapshot: '-' separates the Debian revision, and '~' sorts before the release.
debversion="$(dpkg-parsechangelog -l "$root/debian/changelog" -S Version)"
upstream="${debversion%-*}"
built="$("$java" -jar "$jar" --version)"
built="$(printf '%s' "${built#hypernd }" | tr '[:upper:]' '[:lower:]' | tr '-' '~')"
[ "$built" = "$upstream" ] ||
  die "the jar is version $built but debian/changelog's newest entry is $debversion; add an entry for the new version to debian/changelog"

src="$out/hypernd-$upstream"
rm -rf "$src"
mkdir -p "$src/target"
cp -a "$root/debian" "$root/packaging" "$root/man" "$root/jobs.example.yaml" "$src/"
cp "$jar" "$src/target/hypernd.jar"

if [ -n "${DEB_REVISION:-}" ] && [ "$debversion" != "$upstream-$DEB_REVISION" ]; then
  debversion="$upstream-$DEB_REVISION"
  maintainer="$(dpkg-parsechangelog -l "$root/debian/changelog" -S Maintainer)"
  {
    echo "hypernd ($debversion) unstable; urgency=medium"
    echo
    echo "  * Rebuild of the same source as Debian revision $DEB_REVISION."
    echo
    echo " -- $maintainer  $(LC_ALL=C date -u -R)"
    echo
    cat "$root/debian/changelog"
  } >"$src/debian/changelog"
fi
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(dpkg-parsechangelog -l "$src/debian/changelog" -S Timestamp)"
fi
export SOURCE_DATE_EPOCH

arch="$(dpkg-architecture -q DEB_HOST_ARCH)"
package="$out/hypernd_${debversion}_${arch}.deb"
rm -f "$package"
log="$out/dpkg-buildpackage.log"
if ! (cd "$src" && dpkg-buildpackage -b -us -uc -Ppkg.hypernd.prebuilt) >"$log" 2>&1; then
  cat "$log" >&2
  die "dpkg-buildpackage failed (the log above is also in $log)"
fi
[ -f "$package" ] || die "dpkg-buildpackage made no $package; see $log"
echo "$package"
