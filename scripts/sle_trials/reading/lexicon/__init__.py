"""Lexicon: the phrases a quote states a quantity, an age, a dose, a cohort or a date with.

checks/binding/ asks this package what a quote *says* (read from the normalised quote, see
evidence.normalise). Everything here reads the words only; the record's values are never consulted,
so a wrong value cannot steer the reading. The modules' tables are the documentation as well:
docs/checks.md is generated from them.

Where each reading lives, one module a concern; a module reads those above it in this list, never
one below it:
- instruments: the names of the instruments a disease-activity limit or score is read on;
- quantities: numbers as sources write them (digits, words, powers of ten, fractions), units,
  comparators, and a criterion's own label, which is no number;
- stated_limits: statements (a comparator, a number and a unit found together), the clause around
  one, the words that make a limit no requirement, keep patients out or let them in, and its kind;
- age_bounds: the ages a quote or a criterion states, which bound each is, and the words that make an
  age no bound of who may enrol;
- dosing: doses and their basis, a number read as the dose beyond its words (a cap, a range's end, a
  total, one of alternatives) and the words a note names each reading by, a dose's unit read whole,
  and the items "respectively" pairs in order with numbers;
- head_counts: the numbers of people a quote states (an enrollment), and the patients it numbers;
- note_numbers: the numbers a curation note may state that no unit names (a dose as a power of ten, a
  score, a count a verb enrols with no word for people), read in a note and its sources alike;
- note_spellings: the quantities a curation note may spell as quantities reads no number (thousands a space
  sets apart, a decimal comma, half a year, a multiple), each read as every value it may be;
- coded_words: the words a curation note gives a coded value of a record's by (an origin, a status, a design, a
  phase, a route, a sponsor's class, ...), each field's Coded, read by checks/remark_prose;
- note_names: the names a curation note writes in its own words (a place, a hospital, a product, a part
  of the study), as runs of capitalised words;
- note_acronyms: the acronyms a curation note defines beside their words ("MI (myocardial infarction)"), and
  those words as a source may write them;
- note_parties: the part in the trial (its sponsor, its site, its responsible party) a curation note gives a
  name;
- note_cohorts: the cohort a piece of a curation note names and the cell doses it gives there;
- note_items: the items of a criterion a curation note names by their marks (a sub-item's number, a letter);
- date_mentions: dates, the bounds a source sets on one, and the labels a date stands under;
- note_lists: a count a curation note gives of the dates or quoted runs it lists after it, or of a list's items;
- note_name_counts: a count a curation note gives of the names it writes beside it ("two sections Conditions and
  Brief Summary");
- run_memory: Reader, the readings of quotes remembered for one run.
Nothing is imported from the package itself: each name from the module that defines it.
"""
