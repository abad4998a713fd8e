"""The designer opens a layout naming a retired rule code, and says so."""

from __future__ import annotations

from orgdesign.model import Waiver
from orgdesign.rules.registry import RETIRED, RetiredCode
from orgdesign.tui.app import OrgDesignApp
from orgdesign.tui.screens.main import MainScreen

from .conftest import SIZE, notices

LAYOUT = """\
orgdesign: 1
name: Acme
people:
  - id: ana
    name: Ana
    role: ceo
    allow:
      - {rule: SPN199, reason: a founder with one assistant}
  - id: bo
    name: Bo
    role: other
    reports_to: ana
"""


async def test_the_layout_opens_with_a_warning_and_the_waiver_under_its_new_code(tmp_path, monkeypatch):
    monkeypatch.setitem(RETIRED, "SPN199", RetiredCode("SPN199", "SPN202", "renumbered"))
    path = tmp_path / "org.yaml"
    path.write_text(LAYOUT, encoding="utf-8")
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "org.yaml:8:16: warning: rule SPN199 was retired (renumbered) and is now SPN202" in notices(app)
        assert app.screen.document.org["ana"].allow == (Waiver("SPN202", "a founder with one assistant"),)
        assert not app.screen.document.validator.active()


async def test_a_code_that_never_existed_still_refuses_to_open(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(LAYOUT.replace("SPN199", "SPN198"), encoding="utf-8")
    app = OrgDesignApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, MainScreen)
