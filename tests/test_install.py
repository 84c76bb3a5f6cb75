"""``pip install .`` from a clean copy of the repository gives a working course_utils."""

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from notebook_outputs import ROOT

from course_utils.mall import REPLICA_PATH
from course_utils.quiz import load_bank

PROBE = """import course_utils.mall as m, course_utils.mall_loader as l, course_utils.quiz as q
print(m.REPLICA_PATH, len(l.load_mall_customers()), len(q.load_bank()))"""


@pytest.mark.slow
def test_an_installed_course_utils_loads_the_replica_and_the_quiz_bank(tmp_path):
    git = "git ls-files -z --cached --others --exclude-standard".split()
    names = subprocess.run(git, cwd=ROOT, capture_output=True, text=True).stdout
    clean, venv = tmp_path / "clean", tmp_path / "venv"  # what a clone would hold
    for name in [n for n in names.split("\0") if (ROOT / n).is_file()]:
        (clean / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, clean / name)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    uv = Path(sys.executable).with_name("uv")  # `make` installs uv; else pip
    installer = [uv, "pip"] if uv.exists() else [sys.executable, "-m", "pip"]
    install = ["install", "-q", "--no-deps", "--python", venv / "bin" / "python", clean]
    subprocess.run([*installer, *install], check=True, capture_output=True)
    site = next(venv.glob("lib/python3.*/site-packages"))  # numpy & co: from here
    (site / "course_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    probe = [venv / "bin" / "python", "-I", "-c", PROBE]  # -I: not from the checkout
    run = subprocess.run(probe, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    replica, rows, questions = run.stdout.split()
    assert Path(replica).is_relative_to(site.resolve() / "course_utils" / "_course")
    lines = REPLICA_PATH.read_text(encoding="utf-8").splitlines()
    assert (int(rows), int(questions)) == (len(lines) - 1, len(load_bank()))
