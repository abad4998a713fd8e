"""House rules that keep the core usable without the UI."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

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


UI_PACKAGES = frozenset({"textual", "textual_serve"})
"""Top-level packages only orgdesign/tui may import."""


def test_the_core_never_imports_textual():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tui" not in path.relative_to(PACKAGE).parts[:1]
        and any(name.split(".")[0] in UI_PACKAGES for name in imported_modules(path))
    ]
    assert offenders == []


@pytest.mark.parametrize("command", ["open_cmd.py", "serve.py"])
def test_commands_that_start_the_ui_import_it_only_when_they_run(command):
    source = (PACKAGE / "cli" / command).read_text(encoding="utf-8")
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


# -- terminal safety: output cannot skip the gate in orgdesign/text.py --------------------------

GATE = PACKAGE / "text.py"
TUI_GATE = PACKAGE / "tui" / "text.py"
STREAMS = {"stdout", "stderr", "__stdout__", "__stderr__"}
WIDGET_TEXT_SINKS = {"Static", "Label", "Button", "Option", "Content", "update", "set_label", "add", "add_leaf"}
"""Widget constructors and methods that take the text a widget shows."""


def called_name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def offending_lines(paths: list[Path], offends) -> list[str]:
    """`module:line` of every node in `paths` for which `offends(node)` is true."""
    return [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path in paths
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if offends(node)
    ]


def writes_to_terminal(node: ast.AST) -> bool:
    """`print(...)`, `sys.stdout` / `sys.stderr`, or `from sys import stdout`."""
    return (
        (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print")
        or (isinstance(node, ast.Attribute) and node.attr in STREAMS)
        or (isinstance(node, ast.ImportFrom) and node.module == "sys" and bool(STREAMS & {a.name for a in node.names}))
    )


def designer_modules() -> list[Path]:
    return [path for path in (PACKAGE / "tui").rglob("*.py") if path != TUI_GATE]


def test_only_the_gate_writes_to_the_terminal():
    """The CLI writes through `say` / `warn` (gated) or `write_document` (data formats): nothing else may print."""
    modules = [path for path in PACKAGE.rglob("*.py") if path != GATE]
    assert offending_lines(modules, writes_to_terminal) == []


def test_the_designer_notifies_only_through_toast():
    """`toast` gates the message and turns markup off; a direct `notify` would do neither."""

    def notifies(node: ast.AST) -> bool:
        return isinstance(node, ast.Call) and called_name(node) == "notify"

    assert offending_lines(designer_modules(), notifies) == []


def built_from_data(node: ast.expr) -> bool:
    """An f-string, a concatenation, `str(...)` or `.format(...)`: a string made from values."""
    return isinstance(node, (ast.JoinedStr, ast.BinOp)) or (
        isinstance(node, ast.Call) and called_name(node) in {"str", "format"}
    )


def test_widgets_never_show_a_string_built_from_data():
    """Widgets parse a str as markup and show it raw: text made from values goes in as `literal(...)` (a gated Text)."""

    def offends(node: ast.AST) -> bool:
        return (
            isinstance(node, ast.Call)
            and called_name(node) in WIDGET_TEXT_SINKS
            and bool(node.args)
            and built_from_data(node.args[0])
        )

    assert offending_lines(designer_modules(), offends) == []


def test_input_fields_start_from_the_gate():
    """An Input or TextArea shows its value raw: it starts from `editable(...)` (or a constant)."""

    def ungated(value: ast.expr) -> bool:
        return not isinstance(value, ast.Constant) and not (
            isinstance(value, ast.Call) and called_name(value) == "editable"
        )

    def offends(node: ast.AST) -> bool:
        if not (isinstance(node, ast.Call) and called_name(node) in {"Input", "TextArea"}):
            return False
        values = node.args[:1] + [k.value for k in node.keywords if k.arg in ("value", "text")]
        return any(ungated(value) for value in values)

    assert offending_lines(designer_modules(), offends) == []
