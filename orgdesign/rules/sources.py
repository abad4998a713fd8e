"""The seed documents the rules rest on, by file name (see ../shared/seeds/).

What each one supports, in short:
- ASK_HEAD (000): product managers should not report to the CTO; a PM reports to the head of
  product of their product-oriented sub-company or to its CEO; CPO and Head of Product are
  sometimes the same title.
- DIRECTOR_GUIDE (001): the Head of Product usually sits one level below the CPO; a Group PM
  leads a group of PMs; a product director oversees PMs on one complex product; CPO and CTO
  collaborate as partners.
- HEAD_GUIDE (002) and CPO_DEFINITION (003): in larger enterprises the Head of Product
  oversees the Director of Product; directors are expected to have at least five years of
  product management; CPOs come up through PM, director and VP roles and work with the CEO;
  a director oversees PMs on a single product; leading means moving from a product to a
  group of PMs.
- TITLES_GUIDE (004): the ranking CPO > Head of Product > VP of Product; in some larger
  companies the Head of Product sits below a Director or VP of Product; a Principal PM has
  no people to manage; the CPO is a different role from the CTO and the CMO; everyone in
  the product department rolls up to the Head of Product; large teams add roles in between.
"""

ASK_HEAD = "000_d015a0fb67236ba5.txt"
DIRECTOR_GUIDE = "001_746824118fe9bc85.txt"
HEAD_GUIDE = "002_cfaadbc18d6280c4.txt"
CPO_DEFINITION = "003_fa15676f7b4b3234.txt"
TITLES_GUIDE = "004_eaf7f82e3fc8070d.txt"
