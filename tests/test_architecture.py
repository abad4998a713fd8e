"""House rules that keep the core usable without the UI."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "orgdesign"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_core_never_imports_textual():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tui" not in path.relative_to(PACKAGE).parts[:1]
        and path.name != "open_cmd.py"
        and any(name == "textual" or name.startswith("textual.") for name in imported_modules(path))
    ]
    assert offenders == []


def test_open_cmd_imports_textual_only_when_it_runs():
    source = (PACKAGE / "cli" / "open_cmd.py").read_text(encoding="utf-8")
    top_level = [n for n in ast.parse(source).body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert not any("textual" in ast.unparse(n) or "orgdesign.tui" in ast.unparse(n) for n in top_level)


def test_validating_from_the_command_line_loads_no_ui_code(tmp_path):
    layout = Path(__file__).resolve().parent.parent / "layouts" / "scaleup.yaml"
    probe = (
        "import sys; from orgdesign.cli import main; code = main(['validate', sys.argv[1]]);"
        "print(sorted(m for m in sys.modules if m.startswith(('textual', 'orgdesign.tui'))))"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(layout)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
