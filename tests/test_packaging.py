"""The package installed from a wheel, not from the checkout, builds the site: its page
templates, export schemas and MkDocs plugin come with it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from tests.helpers import BUILD_DATE, copy_source

ROOT = Path(__file__).resolve().parent.parent


def _run(command: list, cwd: Path | None = None, env: dict | None = None) -> str:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _installed(tmp_path: Path) -> Path:
    """Return the Python of a fresh virtual environment holding the package, installed from
    a wheel built of this checkout; its dependencies are the project environment's."""
    checkout = tmp_path / "checkout"  # what the wheel is built from: no earlier build/ in it
    shutil.copytree(ROOT / "build_tools", checkout / "build_tools",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, checkout / name)
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "-q", checkout, "--no-deps", "--no-build-isolation",
          "-w", wheels])
    [wheel] = wheels.glob("g7_texts-*.whl")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel])
    # The dependencies (MkDocs, Jinja2, NumPy, ...) are read from the project's environment, so
    # that the test needs no network; a .pth file there is not run, so the editable install
    # of the checkout stays out.
    own = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip())
    (own / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python


def test_the_package_installed_from_a_wheel_builds_the_site_outside_the_checkout(tmp_path):
    python = _installed(tmp_path)
    project = tmp_path / "project"
    for folder in ("theme", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    copy_source(project / "source")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["G7_BUILD_DATE"] = BUILD_DATE
    package = _run([python, "-c", "import build_tools; print(build_tools.__file__)"], project, env)
    assert Path(package).is_relative_to(tmp_path / "venv"), f"the package came from {package}"
    _run([python, "-m", "build_tools", "build"], project, env)
    site = project / "site"
    rows = json.loads((site / "api" / "paragraphs.json").read_text(encoding="utf-8"))
    assert len(rows) > 300
    page = site / rows[0]["url"].partition("#")[0] / "index.html"
    assert f'id="{rows[0]["id"]}"' in page.read_text(encoding="utf-8")
    _run([python, "-m", "build_tools", "check"], project, env)
