#!/usr/bin/env bash
# Builds the Debian package of hypernd, target/hypernd_<version>_all.deb, from the runnable jar
# that `mvn package` makes. `mvn -B -Pdeb package` runs this script after the jar is built; run
# it by hand as
#
#   mvn -B -DskipTests package && packaging/build-deb.sh
#
# Options (all optional):
#   --jar FILE       the runnable jar (default: target/hypernd.jar)
#   --unit FILE      the systemd unit (default: packaging/hypernd.service)
#   --out DIR        where the .deb goes (default: target)
#   --version V      the Maven version (default: what `java -jar JAR --version` prints)
# Environment: DEBFULLNAME and DEBEMAIL name the maintainer (as dch does); DEB_REVISION is the
# Debian revision (default 1); SOURCE_DATE_EPOCH fixes every timestamp (default: the time of the
# last commit, else now), so that the same inputs give the same package.
#
# Needs bash, coreutils, gzip, java and dpkg-deb; no fakeroot: `dpkg-deb --root-owner-group`
# makes every file root's. What goes where is in packaging/deb/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deb="$root/packaging/deb"
jar="$root/target/hypernd.jar"
unit="$root/packaging/hypernd.service"
out="$root/target"
version=""

die() {
  echo "build-deb.sh: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    --unit) unit="${2:?--unit needs a file}"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --version) version="${2:?--version needs a version}"; shift 2 ;;
    -h | --help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[ -f "$jar" ] || die "no jar at $jar; build it first with: mvn -B -DskipTests package"
[ -f "$unit" ] || die "no systemd unit at $unit; it is packaging/hypernd.service, or pass --unit FILE"
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing (apt-get install dpkg)"
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"
java="${java:-java}"

if [ -z "$version" ]; then
  version="$("$java" -jar "$jar" --version)"
  version="${version#hypernd }"
fi
# Maven's 0.1.0-SNAPSHOT becomes 0.1.0~snapshot: '-' separates the Debian revision, and '~'
# sorts before the release, so 0.1.0~snapshot-1 < 0.1.0-1.
upstream="$(printf '%s' "$version" | tr '[:upper:]' '[:lower:]' | tr '-' '~')"
[[ "$upstream" =~ ^[0-9][a-z0-9.+~]*$ ]] || die "cannot make a Debian version of '$version'"
debversion="$upstream-${DEB_REVISION:-1}"

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)"
fi
export SOURCE_DATE_EPOCH
maintainer="${DEBFULLNAME:-hypernd maintainers} <${DEBEMAIL:-maintainers@hypernd.example}>"

stage="$(mktemp -d)"
chmod 0755 "$stage" # the root directory of the package; mktemp makes it 0700
trap 'rm -rf "$stage"' EXIT
umask 022

# Programs and the jar.
install -D -m 0755 "$deb/hypernd.launcher" "$stage/usr/bin/hypernd"
install -D -m 0755 "$deb/hypernctl.launcher" "$stage/usr/bin/hypernctl"
install -D -m 0644 "$jar" "$stage/usr/share/hypernd/hypernd.jar"

# hypernctl's class list, from which postinst builds a class-data sharing archive in
# /var/cache/hypernd with the Java that is installed (see packaging/deb/README.md).
"$deb/hypernctl-classlist.sh" "$jar" "$deb/jobs.yaml" "$stage/usr/share/hypernd/hypernctl.classlist"
chmod 0644 "$stage/usr/share/hypernd/hypernctl.classlist"
install -d -m 0755 "$stage/var/cache/hypernd"

# The service and its job file (a conffile: dpkg keeps an administrator's edits).
install -D -m 0644 "$unit" "$stage/lib/systemd/system/hypernd.service"
install -D -m 0644 "$deb/jobs.yaml" "$stage/etc/hypernd/jobs.yaml"

# Manual pages, compressed as Debian policy asks (-n: no name or time in the gzip header).
for page in "$root"/man/*.[158]; do
  name="$(basename "$page")"
  section="${name##*.}"
  install -D -m 0644 "$page" "$stage/usr/share/man/man$section/$name"
  gzip -9n "$stage/usr/share/man/man$section/$name"
done

# Completions. bash-completion loads completions/hypernctl on first use. zsh's compinit loads
# vendor-completions/_hypernctl by its #compdef line; the script is the bash one run through
# bashcompinit, so the first completion loads it and hands over to the function it registers.
# bash-completion sources its files, so the generated script's #! line goes (lintian:
# bash-completion-with-hashbang).
install -d -m 0755 "$stage/usr/share/bash-completion/completions"
sed '1{/^#!/d;}' "$root/packaging/completion/hypernctl.bash" \
  >"$stage/usr/share/bash-completion/completions/hypernctl"
chmod 0644 "$stage/usr/share/bash-completion/completions/hypernctl"
install -d -m 0755 "$stage/usr/share/zsh/vendor-completions"
{
  echo '#compdef hypernctl'
  echo '# Installed by the hypernd package: packaging/completion/hypernctl.zsh, the bash completion'
  echo '# of hypernctl, run through zsh'"'"'s bashcompinit.'
  echo 'autoload -U +X bashcompinit && bashcompinit'
  echo '# bashcompinit has no compopt (bash display options); without this no-op the script'"'"'s'
  echo '# compopt calls print "command not found" under the sh emulation that runs it.'
  echo '(( $+functions[compopt] )) || compopt() { return 0; }'
  cat "$root/packaging/completion/hypernctl.zsh"
  echo '# This first completion: call what complete (above) has just registered for hypernctl.'
  echo '_bash_complete -o default -F _complete_hypernctl'
} >"$stage/usr/share/zsh/vendor-completions/_hypernctl"
chmod 0644 "$stage/usr/share/zsh/vendor-completions/_hypernctl"

# Documentation.
doc="$stage/usr/share/doc/hypernd"
install -D -m 0644 "$deb/copyright" "$doc/copyright"
install -D -m 0644 "$root/jobs.example.yaml" "$doc/examples/jobs.example.yaml"
install -D -m 0644 "$deb/lintian-overrides" "$stage/usr/share/lintian/overrides/hypernd"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || true)"
{
  echo "hypernd ($debversion) unstable; urgency=medium"
  echo
  echo "  * Package built from the hypernd source tree${commit:+ at commit $commit}."
  echo
  echo " -- $maintainer  $(LC_ALL=C date -u -R -d "@$SOURCE_DATE_EPOCH")"
} >"$doc/changelog.Debian"
gzip -9n "$doc/changelog.Debian"

# Control files.
install -d -m 0755 "$stage/DEBIAN"
for script in postinst prerm postrm; do
  install -m 0755 "$deb/$script" "$stage/DEBIAN/$script"
done
echo /etc/hypernd/jobs.yaml >"$stage/DEBIAN/conffiles"
chmod 0644 "$stage/DEBIAN/conffiles"
# postinst rebuilds hypernctl's archive whenever a Java package changes files under /usr/lib/jvm.
echo 'interest-noawait /usr/lib/jvm' >"$stage/DEBIAN/triggers"
chmod 0644 "$stage/DEBIAN/triggers"
(cd "$stage" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' |
  LC_ALL=C sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums"
installed_size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/$debversion/" -e "s/@INSTALLED_SIZE@/$installed_size/" \
  -e "s/@MAINTAINER@/$maintainer/" "$deb/control" >"$stage/DEBIAN/control"
chmod 0644 "$stage/DEBIAN/control"

find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$out"
package="$out/hypernd_${debversion}_all.deb"
# gzip: the jar is already compressed; xz would take several times as long to save < 0.1%.
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$package" >/dev/null
echo "$package"
