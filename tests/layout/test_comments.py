"""Comments survive load and save: kept with the person or top-level key they belong to."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_helpers import GOOD, KNOWN_RULES, load_text
from layout_strategies import orgs

from orgdesign.cli import main
from orgdesign.document import Document
from orgdesign.edits import UpdatePerson
from orgdesign.layout import dump_layout, load_layout, reader
from orgdesign.layout.canonical import read_canonical
from orgdesign.model import Org

COMMENTED = """\
# Acme's product org, kept by the PMO
orgdesign: 1   # format version
name: Acme
settings:
  # agreed with HR in May
  max_span: 9
people:
  # the founder
  - id: ada   # id from HR
    name: Ada
    # she prefers no title
    role: ceo
    dotted_to: [bob]   # mentoring

  # hired 2024
  - {id: bob, name: Bob, role: pm, reports_to: ada}  # contractor
# end of file notes
"""


def every_comment(org: Org) -> Counter[str]:
    found = Counter(line for lines in org.comments.values() for line in lines)
    found.update(line for person in org.people() for line in person.comments)
    return found


def test_comments_go_with_the_person_or_key_they_belong_to():
    org = load_text(COMMENTED)
    assert org.comments == {
        "orgdesign": (" Acme's product org, kept by the PMO", " format version"),
        "settings": (" agreed with HR in May",),
        "": (" end of file notes",),
    }
    assert org["ada"].comments == (" the founder", " id from HR", " she prefers no title", " mentoring")
    assert org["bob"].comments == (" hired 2024", " contractor")


def test_the_dump_writes_each_comment_above_its_owner_and_reads_back_the_same():
    text = dump_layout(load_text(COMMENTED))
    assert text.startswith("# Acme's product org, kept by the PMO\n# format version\norgdesign: 1\n")
    assert "# agreed with HR in May\nsettings:\n" in text
    assert "  # hired 2024\n  # contractor\n  - id: bob\n" in text
    assert text.endswith("    reports_to: ada\n# end of file notes\n")
    again = load_text(text)
    assert dump_layout(again) == text
    assert every_comment(again) == every_comment(load_text(COMMENTED))


def test_comments_of_a_key_the_dump_leaves_out_move_to_the_next_key():
    org = load_text("orgdesign: 1\nname: A\nsettings:\n  # defaults on purpose\n  max_span: 12\npeople: []\n")
    assert "# defaults on purpose\npeople: []\n" in dump_layout(org)


def test_a_hash_inside_a_value_is_not_a_comment():
    org = load_text(
        "orgdesign: 1\nname: 'A # B'\npeople:\n  - id: a\n    name: \"#1\"\n    role: ceo\n    notes: |\n      # no\n"
    )
    assert org.comments == {} and org["a"].comments == ()
    assert org.name == "A # B" and org["a"].notes == "# no\n"


def test_every_comment_in_the_good_layouts_survives_a_save(tmp_path):
    for source in sorted(GOOD.glob("*.yaml")):
        org = load_layout(source)
        text = dump_layout(org)
        comment_lines = [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]
        assert len(comment_lines) == sum(every_comment(org).values()), source.name
        assert every_comment(load_text(text)) == every_comment(org), source.name


def test_validate_fix_keeps_the_comments(tmp_path, capsys):
    path = tmp_path / "org.yaml"
    path.write_text(COMMENTED.replace("dotted_to: [bob]", "dotted_to: [ghost]"), encoding="utf-8")
    main(["validate", "--fix", str(path)])
    assert "fixed" in capsys.readouterr().err
    saved = path.read_text(encoding="utf-8")
    assert "ghost" not in saved
    assert every_comment(load_layout(path)) == every_comment(load_text(COMMENTED))


def test_a_designer_save_keeps_the_comments(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    document = Document.open(path)
    document.do(UpdatePerson("ada", name="Ada Lovelace"))
    document.save()
    saved = load_layout(path)
    assert saved["ada"].name == "Ada Lovelace"
    assert saved["ada"].comments == (" the founder", " id from HR", " she prefers no title", " mentoring")
    assert every_comment(saved) == every_comment(load_text(COMMENTED))


_comment_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff\ufffe\uffff")
    | st.just("\t"),
    max_size=12,
)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(orgs(max_people=5), st.data())
def test_comments_anywhere_between_or_after_lines_are_all_kept(org, data):
    lines = dump_layout(org).splitlines()
    commented: list[str] = []
    inserted: Counter[str] = Counter()
    for line in lines:
        for _ in range(data.draw(st.integers(0, 1))):
            text = data.draw(_comment_text)
            commented.append(" " * data.draw(st.integers(0, 6)) + "#" + text)
            inserted[text] += 1
        trailing = ""
        if data.draw(st.booleans()):
            text = data.draw(_comment_text)
            trailing = " #" + text
            inserted[text] += 1
        commented.append(line + trailing)
    text = "\n".join(commented) + "\n"
    loaded = load_text(text)
    full = reader._Reader(text.encode(), "<string>", KNOWN_RULES).read()
    assert loaded.comments == full.comments
    assert [(p.line, p.comments) for p in loaded.people()] == [(p.line, p.comments) for p in full.people()]
    assert loaded == org and loaded.name == org.name and loaded.settings == org.settings
    assert every_comment(loaded) == inserted
    saved = dump_layout(loaded)
    again = load_text(saved)
    assert every_comment(again) == inserted
    assert dump_layout(again) == saved
    if "\t" not in saved:  # the fast path leaves tabs to the full reader
        assert read_canonical(saved, KNOWN_RULES) is not None  # a saved file keeps the fast path
