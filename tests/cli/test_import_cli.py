"""`orgdesign import`: messages with locations, what gets written, and exit statuses."""

from __future__ import annotations

from pathlib import Path

from orgdesign.cli import main
from orgdesign.layout import load_layout

DATA = Path(__file__).resolve().parents[1] / "data" / "csv"


def test_clean_csv_is_imported_into_a_loadable_layout(tmp_path, capsys):
    out = tmp_path / "org.yaml"
    assert (
        main(
            [
                "import",
                str(DATA / "bom_quotes_spaces.csv"),
                "-o",
                str(out),
                "--layout-name",
                "Acme",
                "--profile",
                "startup",
            ]
        )
        == 0
    )
    org = load_layout(out)
    assert (org.name, org.profile, len(org)) == ("Acme", "startup", 4)
    assert org["3"].name == 'Cy "CJ" Jones' and org["3"].role == "senior_pm"
    assert "imported 4 people" in capsys.readouterr().err


def test_problems_are_reported_with_locations_and_the_rest_is_written(tmp_path, capsys):
    out = tmp_path / "org.yaml"
    source = DATA / "problems.csv"
    assert main(["import", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{source}:4:1: error: duplicate id '2' (first on line 3); row skipped" in err
    assert sum(1 for line in err if ": error: " in line) == 7
    assert len(load_layout(out)) == 9


def test_strict_writes_nothing_when_there_are_errors(tmp_path, capsys):
    out = tmp_path / "org.yaml"
    assert main(["import", str(DATA / "problems.csv"), "-o", str(out), "--strict"]) == 2
    assert not out.exists()
    assert "--strict" in capsys.readouterr().err


def test_without_output_the_layout_goes_to_stdout(capsys):
    assert main(["import", str(DATA / "semicolons.csv")]) == 0
    assert "Zoë Ünal" in capsys.readouterr().out


def test_column_options_are_used(tmp_path, capsys):
    source = tmp_path / "odd.csv"
    source.write_text("key,who,boss\na,Ann,\nb,Bob,a\n")
    out = tmp_path / "org.yaml"
    assert main(["import", str(source), "-o", str(out), "--id", "key", "--name", "who", "--parent", "boss"]) == 0
    assert load_layout(out)["b"].reports_to == "a"


def test_missing_file_and_missing_columns_are_unusable(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.csv")]) == 2
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'nope.csv'}:1:1: error: no such file")
    assert main(["import", str(DATA / "no_id_column.csv"), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "no id column found" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_broken_utf16_and_unterminated_quotes_are_located_errors(tmp_path, capsys):
    source, out = tmp_path / "odd.csv", tmp_path / "org.yaml"
    source.write_bytes("id,name\n1,Ann\n".encode("utf-16")[:-1])
    assert main(["import", str(source), "-o", str(out)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{source}:2:") and ": error: " in line
    assert not out.exists()
    source.write_text('id,name,manager\n1,Ann,\n2,"Bob,1\n3,Cy,1\n', encoding="utf-8")
    assert main(["import", str(source), "-o", str(out), "--strict"]) == 2
    assert f"{source}:3:2: error: " in capsys.readouterr().err
    assert not out.exists()
    assert main(["import", str(source), "-o", str(out)]) == 1
    assert list(load_layout(out).ids()) == ["1"]
