"""`orgdesign validate`: output, exit codes, --strict, --show-waived, --profile and --fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from orgdesign.cli import main
from orgdesign.layout import load_layout

HEADER = "orgdesign: 1\nname: Test\nprofile: {profile}\npeople:\n"


def person(pid, role, to=None, extra=""):
    text = f"  - id: {pid}\n    name: {pid.title()} Doe\n    role: {role}\n"
    if to:
        text += f"    reports_to: {to}\n"
    return text + extra


CLEAN = HEADER + person("ana", "ceo") + person("a", "other", "ana") + person("b", "other", "ana")
PM_UNDER_CTO = (
    HEADER
    + person("ana", "ceo")
    + person("sam", "cto", "ana")
    + person("e1", "other", "sam")
    + person("e2", "other", "sam")
    + person("maya", "head_of_product", "ana", "    years_pm: 9\n")
    + person("pm1", "pm", "maya")
    + person("lee", "pm", "sam")
)
WARNING_ONLY = (
    HEADER + person("ana", "ceo") + person("a", "other", "ana") + person("b", "other", "ana") + person("bo", "cto")
)
WAIVED = PM_UNDER_CTO.replace(
    "    role: pm\n    reports_to: sam\n",
    "    role: pm\n    reports_to: sam\n    allow:\n"
    "      - {rule: PRD101, reason: interim}\n      - {rule: PRD110, reason: interim}\n",
)


def write(tmp_path: Path, name: str, text: str, profile: str = "scaleup") -> str:
    path = tmp_path / name
    path.write_text(text.replace("{profile}", profile), encoding="utf-8")
    return str(path)


def test_a_clean_layout_exits_0(tmp_path, capsys):
    assert main(["validate", write(tmp_path, "ok.yaml", CLEAN)]) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings, 0 info in 1 file\n"


def test_errors_exit_1_with_located_lines(tmp_path, capsys):
    path = write(tmp_path, "org.yaml", PM_UNDER_CTO)
    assert main(["validate", path]) == 1
    out = capsys.readouterr().out.splitlines()
    lee_line = load_layout(path)["lee"].line
    assert out[0] == (
        f"{path}:{lee_line}:5: PRD101 error: Lee Doe (Product Manager) reports to Sam Doe (CTO): "
        "a product manager's line should not run through engineering"
    )
    assert out[-1].startswith("1 error, ")


def test_warnings_fail_only_with_strict(tmp_path):
    path = write(tmp_path, "warn.yaml", WARNING_ONLY)
    assert main(["validate", path]) == 0
    assert main(["validate", "--strict", path]) == 1


def test_waived_findings_do_not_fail_and_show_on_request(tmp_path, capsys):
    path = write(tmp_path, "waived.yaml", WAIVED)
    assert main(["validate", path]) == 0
    assert "PRD101" not in capsys.readouterr().out
    assert main(["validate", "--show-waived", path]) == 0
    assert "PRD101 error: Lee Doe (Product Manager) reports to Sam Doe (CTO)" in capsys.readouterr().out


def test_an_unusable_file_exits_2_and_the_others_are_still_checked(tmp_path, capsys):
    bad = write(tmp_path, "bad.yaml", "orgdesign: 1\npeople: [\n")
    good = write(tmp_path, "org.yaml", PM_UNDER_CTO)
    assert main(["validate", bad, str(tmp_path / "missing.yaml"), good]) == 2
    captured = capsys.readouterr()
    assert f"{bad}:" in captured.err and "missing.yaml:1:1: error:" in captured.err
    assert "PRD101" in captured.out
    assert "Traceback" not in captured.err


def test_profile_option_overrides_the_layout(tmp_path):
    text = (
        HEADER
        + person("ana", "ceo")
        + person("maya", "head_of_product", "ana", "    years_pm: 9\n")
        + person("pm1", "pm", "maya")
        + person("lee", "pm", "ana")
    )
    path = write(tmp_path, "p.yaml", text)
    assert main(["validate", "--strict", path]) == 1  # PRD110 under scaleup
    assert main(["validate", "--strict", "--profile", "startup", path]) == 0


def test_json_format_is_one_object(tmp_path, capsys):
    path = write(tmp_path, "org.yaml", PM_UNDER_CTO)
    assert main(["validate", "--format", "json", path]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["error"] == 1
    assert {f["code"] for f in document["findings"]} >= {"PRD101"}


def test_sarif_and_github_formats(tmp_path, capsys):
    path = write(tmp_path, "org.yaml", PM_UNDER_CTO)
    main(["validate", "--format", "sarif", path])
    assert json.loads(capsys.readouterr().out)["version"] == "2.1.0"
    main(["validate", "--format", "github", path])
    assert capsys.readouterr().out.startswith(f"::error file={path.replace(':', '%3A')},")


def test_fix_applies_safe_fixes_saves_and_a_second_run_is_clean(tmp_path, capsys):
    path = write(tmp_path, "org.yaml", PM_UNDER_CTO + "    dotted_to: [ghost]\n")
    assert main(["validate", "--fix", path]) == 0
    captured = capsys.readouterr()
    assert f"{path}: fixed PRD101: move Lee Doe under Maya Doe (Head of Product)" in captured.err
    assert f"{path}: fixed ORG002: drop the dotted line from Lee Doe to 'ghost'" in captured.err
    org = load_layout(path)
    assert org["lee"].reports_to == "maya" and org["lee"].dotted_to == ()
    assert org.profile == "scaleup"
    assert main(["validate", "--strict", path]) == 0
    assert "PRD101" not in capsys.readouterr().out


def test_fix_leaves_unsafe_fixes_and_keeps_the_profile_of_the_file(tmp_path, capsys):
    text = (
        HEADER + person("ana", "ceo") + person("g", "cmo", "ana") + person("x", "other", "g") + person("lee", "pm", "g")
    )
    path = write(tmp_path, "org.yaml", text)
    before = Path(path).read_text(encoding="utf-8")
    assert main(["validate", "--fix", "--profile", "startup", path]) == 0
    assert Path(path).read_text(encoding="utf-8") == before  # PRD102's fix is not safe: nothing saved
    assert "PRD102" in capsys.readouterr().out


def test_validate_never_imports_textual(tmp_path):
    path = write(tmp_path, "ok.yaml", CLEAN)
    code = (
        "import sys\nfrom orgdesign.cli import main\n"
        f"status = main(['validate', {path!r}])\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual imported'\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
