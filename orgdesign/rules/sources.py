"""The seed documents the rules rest on (see ../shared/seeds/), by file name and title.

A reader knows a document by its title, so every front end cites a source as its title with
the file name (`cite`). A title is the document's first line; 004's first line is a whole
paragraph rather than a title, so it is cut at a word boundary.

What each one supports, in short (the rules' rationales say it in full):
- ASK_HEAD (000): a product manager belongs under the CEO, never under the CTO; in a company
  split into product-oriented companies, a PM reports to their company's head of product or
  to its CEO; CPO and Head of Product are sometimes the same title.
- DIRECTOR_GUIDE (001): the Head of Product usually sits one level below the CPO; a Group PM
  leads a group of PMs in one product group; a product director oversees PMs on one complex
  product; the CPO owns the whole product lifecycle; CPO and CTO collaborate closely.
- HEAD_GUIDE (002): a product director oversees PMs on one complex product; moving into
  leadership means going from a product to a group of PMs; the head of product develops,
  coaches and hires product people; in large companies the Head of Product may answer to a
  product director or a VP, while in smaller ones the Head may lead all of product.
- CPO_DEFINITION (003): director-level roles are expected to bring at least five years of
  product management; CPOs come up through PM, director and VP roles and work with the CEO
  and the other chief officers; in larger enterprises with both positions the Head of
  Product oversees the Director of Product.
- TITLES_GUIDE (004): the ranking CPO > Head of Product > VP of Product, with the CPO on the
  executive team; some bigger companies put the Head of Product below a Director or VP of
  Product; a Principal PM has no people to manage; the CPO is a different role from the CTO
  and the CMO; the Head answers to the CPO and the rest of product rolls up to the Head; a
  start-up's head of product may double as its most experienced PM.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    file: str
    title: str


ASK_HEAD = "000_d015a0fb67236ba5.txt"
DIRECTOR_GUIDE = "001_746824118fe9bc85.txt"
HEAD_GUIDE = "002_cfaadbc18d6280c4.txt"
CPO_DEFINITION = "003_fa15676f7b4b3234.txt"
TITLES_GUIDE = "004_eaf7f82e3fc8070d.txt"

DOCUMENTS: dict[str, Document] = {
    document.file: document
    for document in (
        Document(ASK_HEAD, "Quick Answer: What Makes A Good Head Of Product?"),
        Document(DIRECTOR_GUIDE, "What Is a Director of Product Management? How to Become One, Salary, Skills"),
        Document(HEAD_GUIDE, "What Should a Head of Product Do?"),
        Document(CPO_DEFINITION, "What is a Chief Product Officer? Definition & Overview"),
        Document(TITLES_GUIDE, "Along with the rest of the management team, I need to be…"),
    )
}


def title_of(file: str) -> str:
    """The document's title; a file name that is not a seed document stands for itself."""
    document = DOCUMENTS.get(file)
    return file if document is None else document.title


def cite(file: str) -> str:
    """'“What Should a Head of Product Do?” (002_cfaadbc18d6280c4.txt)'."""
    return f"“{title_of(file)}” ({file})"
