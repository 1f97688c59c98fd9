"""``courseware build``: the whole site into ``site/``, replaced only when the build succeeds.

MkDocs is run into a fresh folder beside ``site/``; only if it finishes without an error does
that folder take the place of ``site/``. A failed build leaves the last good site untouched and
no half-written one behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def mkdocs_build(root: Path, folder: Path, strict: bool = True) -> int:
    """Run ``mkdocs build`` of the project at ``root`` into ``folder``; its exit status."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(folder)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=root, env=env).returncode


def build_site(root: Path, strict: bool = True, site_dir: str = "site") -> int:
    target = root / site_dir
    fresh = Path(tempfile.mkdtemp(prefix=".site-build-", dir=root))
    status = mkdocs_build(root, fresh, strict)
    if status != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"courseware build: the build failed; {site_dir}/ was left as it was", file=sys.stderr)
        return status
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=root))
        target.rename(old / "site")
    fresh.rename(target)
    if old:
        shutil.rmtree(old, ignore_errors=True)
    print(f"courseware build: the site is in {site_dir}/")
    return 0
