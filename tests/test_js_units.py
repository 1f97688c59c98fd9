"""The JavaScript's own unit tests (scoring, the stored progress, merging), run with Node's
built-in test runner as part of the suite."""

import shutil
import subprocess

from conftest import ROOT


def test_javascript_unit_tests_pass():
    node = shutil.which("node")
    assert node, "Node.js is needed for the JavaScript unit tests (Debian: apt-get install nodejs)"
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
