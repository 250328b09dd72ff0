# Sourced by bin/hypernd and bin/hypernctl: sets $jar, rebuilding it when stale.
jar="$here/target/hypernd.jar"
stale=1
if [ -f "$jar" ]; then
  newer="$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null || true)"
  [ -z "$newer" ] && stale=0
fi
if [ "$stale" = 1 ]; then
  echo "hypernd: building $jar (missing or older than the sources)..." >&2
  (cd "$here" && mvn -B -q -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true \
      -Dmdep.analyze.skip=true package) >&2 || {
    echo "hypernd: the build failed; run 'mvn -DskipTests package' in $here to see why" >&2
    exit 1
  }
fi
