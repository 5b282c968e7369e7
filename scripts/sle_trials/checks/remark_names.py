"""E501: a name a curation note or incomplete entry writes in its own words (a place, a hospital, a sponsor, a
product, a part of the study: lexicon.note_names) that no cited source writes and the record does not hold.
Mutation hunt 206 rewrote Relma-cel's note "The source lists one location (Shanghai, China)" to "(Beijing, China)"
and its officials' "Wuhan and Shanghai hospitals" to "Beijing and Shanghai hospitals", and both passed: a note's
facts were its dates, quantities, counts and codes only. The real note said "Wuhan", which its source never writes
(a fact from the curator's knowledge, mended in ea60e967). A name is looked for as its words, in any case and with
anything but letters and digits between them ("CD4+ T" for "CD4 T"), each word also as sources write it otherwise
("CD-19" for "CD19", "U.S." for "US", "Relmacel" for "Relma-cel", "III" for "3", "Hopital" for "Hôpital", its last
in the plural or the singular), in each cited source read and in the record's values besides its remarks or its
fields' names ("the record's Eligibility Thresholds"); and the registry a source copies may be named ("a copy of the
ClinicalTrials.gov record"). The evidence stage runs it beside the other remark checks (evidence.stages).

A comment of the record's file is read alike (check_comment_names): the Relma-cel record's first line named
"relmacabtagene autoleucel", which its source never writes, and passed, no check reading comments.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from sle_trials import checks, fields
from sle_trials.checks import comment_lines, remark_terms
from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import QUOTED, said_by_comments, said_by_remarks, strings, unwritten_facts
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading import layouts
from sle_trials.reading.hypotheses import hypothetical
from sle_trials.reading.layouts import normalise
from sle_trials.reading.lexicon import note_acronyms, note_names
from sle_trials.reading.lexicon.quantities import WORDS_NUMBER

# The words of the registries and of this tool that a note may write whatever its source writes: the registries a
# source copies ("a copy of the ClinicalTrials.gov record") and its API (the importer's "a key of the API v2 that
# [its] accounting lacks"), the reference databases (the importer's "not a PubMed id"), and the formats and sizes its
# messages name ("over the 1 MiB a record may hold"); and the markers of work left that a curator writes in a comment
# or a note ("# TODO: curate the outcomes", "FIXME", "TBD"), which name nothing of the trial (refused as names no
# source writes, hunt 210)
REGISTRY_WORDS = frozenset(
    (word,)
    for word in ("clinicaltrials.gov", "ct.gov", "api", "pubmed", "pmid", "doi", "csv", "json", "yaml", "mib", "kib")
)
OWN_WORDS = REGISTRY_WORDS | frozenset((word,) for word in ("todo", "fixme", "xxx", "tbd", "wip"))


def check_remark_names(record: Record, sources: Sources, schema: dict) -> Iterator[Problem]:
    """E501: each name a remark writes, outside its quotations, that no cited source writes and the record's values
    (its remarks aside) do not hold."""
    unheld = _Unheld(record, sources, schema)
    return said_by_remarks(
        record, "E501", unheld.said, "a remark names only what its sources name (quote them, or leave it out)"
    )


def check_comment_names(record: Record, sources: Sources, schema: dict) -> Iterator[Problem]:
    """E501: each name a comment of the record's file writes, as a remark's (check_remark_names): a comment is read
    as the record's own words about the trial, whatever layout carries it (comment_lines.remarks: a commented-out
    field is none, a file's path no name)."""
    if not record.comments:
        return iter(())
    unheld = _Unheld(record, sources, schema)
    rule = "a comment on the trial names only what its sources name, as a curation note does"
    return said_by_comments(record, schema, "E501", unheld.said, rule)


def check_comment_facts(record: Record, sources: Sources, schema: dict) -> Iterator[Problem]:
    """E501: a date, a quantity, a count of participants or a range of patients a comment of the record's file states
    that no cited source writes (of this trial) and the record does not hold, as a note's (remarks.unwritten_facts):
    a comment is the record's own words about the trial. Mutation hunt 209 opened a stub with "# Stub: the trial
    enrols 60 participants from 2021-01-01." and it passed, only a comment's names being read."""
    said = comment_lines.remarks(record.comments, schema)
    if not said:
        return
    facts_said = unwritten_facts(record, sources, [text for _, text in said])
    for (comment, _), facts in zip(said, facts_said, strict=True):
        for fact in facts:
            yield Problem(
                record.path,
                comment.line,
                comment.column,
                "E501",
                f"the comment states {fact.shown}, {sources.unwritten()} and the record does not hold: a comment on "
                "the trial states only what its sources say, as a curation note does",
            )


# the lists of molecules the schema names by code: a CAR's target antigens and its costimulatory domains
MOLECULES = (("cell_product", "target_antigens", 0), ("cell_product", "construct", "costimulatory_domains", 0))


class _Unheld:
    """The names a text writes that no cited source writes and the record does not hold (E501). What the record
    holds is read once, where a name is in no source."""

    def __init__(self, record: Record, sources: Sources, schema: dict) -> None:
        self.record, self.schema = record, schema
        self.docs = [doc for doc in sources.docs if doc.unread is None]
        # (a molecule a CAR aims at or is built with is a code of the schema's and a name: "The CAR-T cells target
        # BCMA", which no source writes and the record does not hold, passed as a code, hunt 209)
        molecules = {code for path in MOLECULES for code in fields.node_at(schema, path).get("enum", [])}
        self.codes = frozenset().union(*fields.vocabularies(schema)) - molecules
        self.held: str | None = None
        self.strings: frozenset[str] | None = None
        # (a molecule is one a source writes of this trial, or one the record holds of it: not in the titles a page
        # gives other trials. A stub's source is another trial's page, of which only its listing is this trial's:
        # anywhere on the page, "IC19 targets CD19" passed on IC19's stub, and "a CD19-directed product" once hunt
        # 211 read "CD19-directed" as CD19; and "IM19 targets CD19" passed on IM19's complete record, whose page
        # names CD19 only in its related trials' titles, which the record holds too, hunt 212)
        self.molecules = frozenset(code.casefold() for code in molecules)
        self.molecule_words = re.compile(
            r"(?<![^\W_])(?:" + "|".join(map(re.escape, sorted(molecules, key=len, reverse=True))) + r")(?![^\W_])",
            re.IGNORECASE,
        )
        self.sources = sources
        self.own: list[str] | None = None  # (_of_this_trial's texts, read where a note names a molecule)

    def said(self, text: str) -> Iterator[str]:
        """What text says of each name it writes that no cited source writes and the record does not hold."""
        named = set()
        for name in self.names(text):
            named.add(" ".join(name.words).casefold())
            yield f"names {' '.join(name.words)!r}, which no cited source writes and the record does not hold"
        for acronym, words, why in self.misdefined(text):
            yield f"defines {acronym!r} as {words!r}, which no cited source writes: {why}"
        for molecule in self.molecules_unheld(text):
            if not any(molecule.casefold() in words for words in named):
                yield (
                    f"names {molecule!r}, which no cited source writes of this trial (a page's titles of other trials "
                    "are theirs) and the record does not hold"
                )

    def misdefined(self, text: str) -> Iterator[tuple[str, str, str]]:
        """Each acronym text defines beside its words (note_acronyms) that no cited source writes nor the record holds,
        and why that is no source's: IM19's "deep vein thrombosis" noted as "DVT (deep vein thrombus)" passed (hunt
        216), the letters being spelled out by the source, the words being read by nothing. Where a source spells the
        letters out in words of its own, a gloss whose initials are not the letters is read too (note_acronyms.glossed):
        IM19's "ALT (alanine transaminase)" of its page's "alanine aminotransferase (ALT)" passed, read by initials
        alone. Where no source spells them out, words a note says they stand for are a fact without a source: IM19's
        "ULN (upper level of normal)" passed, its page writing "ULN" alone (hunt 216's leftovers, hunt 219)."""
        if not self.docs:
            return
        said = QUOTED.sub(" | ", normalise(text))
        glossed = [f for f in note_acronyms.glossed(said) if _a_term(" ".join(f.words))]
        for found in [*note_acronyms.defined(said), *glossed]:
            wanted = note_acronyms.expansion_pattern(found.words)
            acronym = said[found.start : found.end].removesuffix("s")
            # (words a source defines other letters by are not these letters' words: IM19's "ALT (aspartate
            # aminotransferase)" passed, its page writing those words of AST, hunt 222)
            own = [words for doc in self.docs for words in _words_defining(acronym, doc)]
            if own and not any(wanted.fullmatch(words) for words in own):
                yield acronym, " ".join(found.words), "it spells the letters out in other words"
                continue
            if any(wanted.search(_folded(doc)) or wanted.search(_rewritten(doc)) for doc in self.docs):
                continue
            self.held = self.held if self.held is not None else _held(self.record.data, self.schema)
            if wanted.search(self.held):
                continue
            if any(_spelled_out(acronym, doc) or _bracketed_after_other_words(acronym, doc) for doc in self.docs):
                yield acronym, " ".join(found.words), "it spells the letters out in other words"
            elif found not in glossed:
                yield (
                    acronym,
                    " ".join(found.words),
                    "none spells the letters out, so their words are a fact of no source",
                )

    def molecules_unheld(self, text: str) -> Iterator[str]:
        """The molecules (the schema's target antigens and domains) text names outside its quotations, in a word of
        any case or hyphenated to one ("anti-CD19"), that no cited source writes of this trial and the record does
        not hold of it (_of_this_trial): a name a note reads as no name of its own ("an anti-CD19 product") or one
        a source writes only in another trial's title still says what the product is."""
        if not self.docs:
            return
        said = QUOTED.sub(" | ", self._antecedents_named(normalise(text)))
        said = self._others_blanked(self._hypotheses_blanked(said))
        for m in dict.fromkeys(m.group() for m in self.molecule_words.finditer(said)):
            if not self._of_this_trial(_phrase((m,))):
                yield m

    def _antecedents_named(self, text: str) -> str:
        """text with a pronoun standing for the molecules its sentence before names written as them, in a sentence
        naming the record's own product ("IM19 targets it", "Relma-cel shares its target"): what it says of them is
        said of the product. IM19's "NCT03030976's title names CD19. IM19 targets it too." passed, the molecule named
        only of the other trial and the claim made of "it" (hunt 217)."""
        sentences = _SENTENCE_BREAK.split(text)
        if len(sentences) < 2 or not self.molecule_words.search(text):
            return text
        product = self._product_words()
        out = [sentences[0]]
        for before, sentence in zip(sentences, sentences[1:], strict=False):
            named = list(dict.fromkeys(m.group() for m in self.molecule_words.finditer(before)))
            if named and product.search(sentence):
                # (not a sentence's subject, but in a sentence of what the product aims at: "It is not IM19's trial"
                # speaks of the trial the sentence before names, "It is IM19's target too" of the molecule)
                said = " and ".join(named)
                aimed = _AIMED.search(sentence) is not None
                sentence = _PRONOUN.sub(
                    lambda m, said=said, aimed=aimed: said if m.start() or aimed else m.group(), sentence
                )
            out.append(sentence)
        return " ".join(out)

    def _product_words(self) -> re.Pattern[str]:
        """The words that name the record's own product: its product's and interventions' names, each whole or its
        first word ("IM19" of "IM19 CAR-T cells"), or a common word for one ("the product", "the CAR-T cells")."""
        data = self.record.data
        product = data.get("cell_product")
        names = [product.get("name") if isinstance(product, dict) else None, data.get("acronym")]
        names += [i.get("name") for i in data.get("interventions") or [] if isinstance(i, dict)]
        words = {w for name in names if isinstance(name, str) and name.split() for w in (name, name.split()[0])}
        return re.compile(
            r"(?i)(?<![^\W_])(?:"
            + "|".join([*(re.escape(w) for w in sorted(words, key=len, reverse=True) if len(w) > 2), _PRODUCT_WORDS])
            + r")(?![^\W_])"
        )

    def _others_blanked(self, said: str) -> str:
        """said with each molecule it says of a related trial the record lists blanked, the trial named before it in
        its clause (_OTHER_TRIAL) and its title there writing it: IM19's "The related trial NCT03030976 is the only
        one whose title names CD19 positive SLE" was refused (hunt 216) as naming CD19 of IM19."""
        if "NCT" not in said.upper() and "titles" not in said.casefold() and "related" not in said.casefold():
            return said
        titles = {
            str(t.get("nct_id")): normalise(str(t.get("title") or "")).casefold()
            for t in self.record.data.get("related_trials") or []
            if isinstance(t, dict)
        }

        def blanked(m: re.Match[str]) -> str:
            # (said of the related trials' titles as a whole, "Three of the related trials' titles name CD19", one of
            # them writing it, hunt 217 (honest))
            if (
                (
                    _RELATED_TITLES.search(said, 0, m.start())
                    or (
                        _RELATED_TRIALS.search(said, 0, m.start())
                        and (_IN_THEIR_TITLES.match(said, m.end()) or _NAMING_RIGHT_BEFORE.search(said, 0, m.start()))
                    )
                    or _THEIRS_BEFORE.search(said, 0, m.start())
                )
                and not _joined_after(said, m.end())
                and any(_phrase((m.group(),)).search(title) for title in titles.values())
            ):
                return " | "
            other = _OTHER_TRIAL.search(said, 0, m.start())
            if other is None or _OTHER_TRIALS_AFTER.match(said, m.end()) or _CONTRAST.search(said, 0, other.start()):
                return m.group()
            title = titles.get(other.group("id").upper(), "")
            return " | " if title and _phrase((m.group(),)).search(title) else m.group()

        return self.molecule_words.sub(blanked, said)

    def names(self, text: str) -> Iterator[note_names.Name]:
        docs = self.docs
        if not docs:
            return
        # (a quotation, check_remark_quotes's, is blanked to a mark no name goes across, and so is a term of the
        # registry's vocabularies the record holds, a source states or the note denies: remark_terms)
        said = remark_terms.blanked(QUOTED.sub(" | ", normalise(text)), self._strings(), self._terms_stated)
        said = _DENIED_NAME.sub(
            r"\g<lead> | ", self._defined_blanked(self._others_blanked(self._hypotheses_blanked(said)))
        )
        for name in note_names.names(said, self.codes):
            common = (name.opens or name.listed) and any(_common(name.words[0], doc) for doc in docs)
            readings = [_one_of_several(words, said) for words in note_names.readings(name, common) if words]
            if not readings or any(_own(words) for words in readings):
                continue
            # (the registry's or the tool's word before or after a name is none of it: "ClinicalTrials.gov
            # NCT06513429", the record's own id, was looked for whole and refused, hunt 211; and a common word
            # hyphenated to a name's word ends the name there: "CD19-directed CAR-T" names "CD19" and "CAR-T")
            parted = [[part for part in map(_without_own_ends, _parts(words)) if part] for words in readings]
            if all(len(parts) == 1 for parts in parted):
                if self._stated([parts[0] for parts in parted]):
                    continue
            elif any(all(self._stated([part]) for part in parts) for parts in parted):
                continue
            yield name

    def _hypotheses_blanked(self, said: str) -> str:
        """said with each molecule it names only as a hypothesis or a question (hypotheses.hypothetical) blanked where
        a cited source writes it, if only of other trials: "The source does not say whether IM19 targets CD19" and
        "If IM19 targeted CD19, the source would say so" say nothing of IM19's target (hunt 213). One no source
        writes at all stays a name to find."""

        def blanked(m: re.Match[str]) -> str:
            if not hypothetical(said, m.start(), m.end()):
                return m.group()
            wanted = _phrase((m.group(),))
            return " | " if any(wanted.search(_folded(doc)) for doc in self.docs) else m.group()

        return self.molecule_words.sub(blanked, said)

    def _defined_blanked(self, said: str) -> str:
        """said with each acronym it defines beside its words (note_acronyms: "MI (myocardial infarction)", "the PIs
        (Principal Investigators)") blanked where a cited source writes the words: the note says what the letters
        stand for, and its source says that (hunt 212's leftover two-letter acronyms). Words no source writes leave
        the letters a name to find ("MI (mitral insufficiency)"). Defined so, the letters stand for the same words
        wherever else the note writes them alone ("... myocardial infarction (MI); MI comes first" was refused,
        hunt 216): an acronym it never defines stays a name to find ("PE")."""
        letters = set()
        for found in reversed(note_acronyms.defined(said)):
            wanted = note_acronyms.expansion_pattern(found.words)
            if any(wanted.search(_folded(doc)) or wanted.search(_rewritten(doc)) for doc in self.docs):
                letters.add(said[found.start : found.end].removesuffix("s"))
                said = said[: found.start] + " | " + said[found.end :]
        for acronym in letters:
            said = re.sub(rf"(?<![\w-]){re.escape(acronym)}s?(?![\w-])", " | ", said)
        return said

    def _stated(self, readings: list[tuple[str, ...]]) -> bool:
        """Whether a cited source writes one of a name's readings, or the record holds it (names())."""
        if not readings:
            return True  # (only the registry's or the tool's words)
        docs = self.docs
        wanted = [_phrase(words) for words in readings]
        if all(len(w) == 1 and w[0].casefold() in self.molecules for w in readings):
            return any(self._of_this_trial(p) for p in wanted)
        # (and one a name's word writes hyphenated: "anti-CD19" names CD19 as much as "CD19-directed" does)
        named = {part for words in readings for w in words for part in _HYPHENS.split(w) if part != w}
        if any(not self._of_this_trial(_phrase((m,))) for m in named if m.casefold() in self.molecules):
            return False
        found = any(p.search(_folded(doc)) for p in wanted for doc in docs) or any(
            p.search(_rewritten(doc)) for p in wanted for doc in docs
        )
        if not found:
            self.held = self.held if self.held is not None else _held(self.record.data, self.schema)
            found = any(p.search(self.held) for p in wanted)
        if found and (not _acronym(readings) or _written_loud(wanted, docs, self.record.data)):
            return True
        if _acronym(readings) and any(_id_prefix(readings[0][0], doc) for doc in docs):
            return True
        return not found and _acronym(readings) and any(_spelled_out(readings[0][0], doc) for doc in docs)

    def _of_this_trial(self, wanted: re.Pattern[str]) -> bool:
        """Whether a cited source writes wanted of this trial (Sources.own_text), or the record holds it but in the
        titles of other trials it lists (its related_trials)."""
        if self.own is None:
            held = _held({k: v for k, v in self.record.data.items() if k != "related_trials"}, self.schema)
            self.own = [*(self.sources.own_text(doc).casefold() for doc in self.docs), held]
        return any(wanted.search(text) for text in self.own)

    def _strings(self) -> frozenset[str]:
        """The record's strings, its remarks' texts aside (_values), worked out once."""
        if self.strings is None:
            self.strings = frozenset(_values(self.record.data))
        return self.strings

    def _terms_stated(self) -> frozenset[str]:
        """The values of the registry's vocabularies the cited sources state (remark_terms.stated), worked out once
        a run for each source (SourceDoc.reading)."""
        stated: set[str] = set()
        for doc in self.docs:
            stated |= doc.reading(("vocabulary terms",), functools.partial(remark_terms.stated, doc.text))
        return frozenset(stated)


_HYPHENS = lazy(r"[-\u2010\u2011]")
_SENTENCE_BREAK = lazy(r"(?<=[.!?])\s+")
# a name said given by no one, right after a verb of giving and "no" or "not a": "The source gives no EudraCT number",
# "it names no secondary ID", "does not give a ChiCTR number". The note says the name is not there, and no source
# writing it is what makes that true (whether a source gives one is remark_absence's and remark_silence's); Relma-cel's
# true "The source gives no EudraCT number." was refused as naming 'EudraCT' (honest hunt 217's leftover). Only the
# capitalised words right after the denial (and a modifier of an identifier's) are blanked: "names no sponsor and
# Novartis as its collaborator" still names Novartis.
_DENIED_NAME = lazy(
    r"(?P<lead>(?i:\b(?:gives?|names?|writes?|lists?|states?|shows?|holds?|has|records?)[ \t]+no[ \t]+|"
    r"\b(?:does|do|did)[ \t]+not[ \t]+(?:give|name|write|list|state|show|hold|have|record)[ \t]+(?:an?|any)[ \t]+)"
    r"(?i:(?:other|secondary|separate|further)[ \t]+)?)"
    r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*"
)
# a pronoun that may stand for the molecules a sentence before names: "it", "them", "its target", "their antigens"
_PRONOUN = lazy(r"(?i)(?<![\w-])(?:it|them|(?:its|their|the[ \t]+same)[ \t]+(?:targets?|antigens?))(?![\w-])")
_AIMED = lazy(r"(?i)\b(?:target\w*|antigens?|aim\w*|directed|binds?)\b")
# the common words for a trial's product
_PRODUCT_WORDS = r"(?:the|its|this)[ \t]+(?:product|therapy|CAR-?T(?:[ \t]+cells?)?|CAR|cells)"
# a trial named before a molecule in its clause, with no other subject, joint or contrast between ("NCT03030976's
# title names CD19", not "NCT03030976 is listed, and IM19 targets CD19" nor "unlike NCT03030976, IM19 targets CD19")
_JOINED = r"[^.;:,!?]*\b(?:and|but|while|whereas|where|unlike|than|like|as|this|its|it|also|too|both|either)\b"
_OTHER_TRIAL = lazy(rf"(?i)\b(?P<id>NCT\d{{8}})\b(?!{_JOINED}[^.;:,!?]*\Z)[^.;:,!?]*\Z")
# (the related trials' titles named as a whole before a molecule in its clause)
_RELATED_TITLES = lazy(r"(?i)\brelated[ \t]+(?:clinical[ \t]+)?trials['\u2019][ \t]+titles\b[^.;:,!?]*\Z")
# (or the related trials named as a whole before it, "in their titles" right after it: IM19's true "Three of the five
# related trials name CD19 in their titles." was refused, hunt 223's leftover)
_RELATED_TRIALS = lazy(
    r"(?i)\brelated[ \t]+(?:clinical[ \t]+)?(?:trials|studies)\b(?:,[ \t]+(?:" + WORDS_NUMBER + r"|\d{1,2}|all|none)"
    r"[ \t]+(?:of[ \t]+(?:them|which)[ \t]+)?)?[^.;:,!?]*\Z"
)
_IN_THEIR_TITLES = lazy(
    r"(?i)[ \t]+(?:in|into)[ \t]+(?:their|the[ \t]+(?:trials['\u2019]|studies['\u2019]))[ \t]+titles?\b"
)
# (or a verb of naming right before it, the related trials its subject: IM19's "Three of the five related trials name
# CD19." was refused, hunt 225's leftover; its count is remark_lists._TITLES_NAMING's; or of what they are about,
# "... target CD19.", hunt 228's leftover)
_NAMING_RIGHT_BEFORE = lazy(
    r"(?i)\b(?:(?:nam(?:e|es|ing)|mention(?:s|ing)?|writ(?:e|es|ing)|cit(?:e|es|ing)|target(?:s|ing)?|test(?:s|ing)?|"
    r"stud(?:y|ies|ying)|us(?:e|es|ing)|evaluat(?:e|es|ing)|assess(?:es|ing)?|investigat(?:e|es|ing)|"
    r"involv(?:e|es|ing)|concern(?:s|ing)?)[ \t]+|are[ \t]+(?:about[ \t]+)?(?:anti-)?)\Z"
)
# (and after the molecule, to its sentence's end, no clause nor a word joining another: "NCT03030976 targets CD19, as
# does IM19", "...; so does IM19")
_OTHER_TRIALS_AFTER = lazy(
    r"(?i)[^.!?]*?(?:[;:,]|\b(?:and|but|while|whereas|where|unlike|than|like|as|so|same|likewise|this|its|it|also|"
    r"too|both|either)\b)"
)
# (said of the related trials as a whole, a clause after it joined to another of the trial's, "..., as IM19 does": a
# clause after a comma or a semicolon that joins none, "Three of the five related trials name CD19; one names IC19.",
# was refused as naming CD19 of IM19, hunt 230)
_JOINED_AFTER = lazy(
    r"(?i)[^.!?]*?\b(?:and|but|while|whereas|where|unlike|than|like|as|so|same|likewise|this|its|it|also|too|both|"
    r"either)\b"
)
# (a clause after it whose subject is some of the related trials again, a count and a verb of naming, joins no other
# trial: IM19's true "Three of the five related trials name CD19, and one of them names IC19." was refused, hunt 236)
_THEIRS_AFTER = lazy(
    r"(?i)[ \t]*[;,][ \t]+(?:(?:and|but|while|whereas|yet)[ \t]+)?(?:" + WORDS_NUMBER + r"|\d{1,2}|all|none)"
    r"(?:[ \t]+of[ \t]+them)?[ \t]+(?:nam|mention|writ|cit|target|test|stud|us|evaluat|assess|investigat|involv|"
    r"concern)\w*[ \t]+[\w+-]+"
)


# (or a count of some of them with no subject, in a clause after theirs, right before it: IM19's true "The record
# holds five related trials; three name CD19." and "Five related trials are listed, and three name CD19." were
# refused as naming CD19 of IM19, hunt 236)
_THEIRS_BEFORE = lazy(
    r"(?i)\brelated[ \t]+(?:clinical[ \t]+)?(?:trials|studies)\b[^.!?]*?[;,][ \t]+(?:(?:and|but|while|whereas|yet)"
    r"[ \t]+)?(?:" + WORDS_NUMBER + r"|\d{1,2}|all|none)(?:[ \t]+of[ \t]+them)?[ \t]+(?:nam|mention|writ|cit|target|"
    r"test|stud|us|evaluat|assess|investigat|involv|concern)\w*[ \t]+\Z"
)


def _joined_after(said: str, end: int) -> bool:
    """Whether a clause after end (a molecule's) joins another trial's (_JOINED_AFTER), past any clause of some of the
    related trials (_THEIRS_AFTER)."""
    at = end
    while (theirs := _THEIRS_AFTER.match(said, at)) is not None:
        at = theirs.end()
    return _JOINED_AFTER.match(said, at) is not None


_CONTRAST = lazy(r"(?i)\b(?:unlike|than|besides|except|not|but)[ \t]+(?:(?:the|trial|study)[ \t]+)*\Z")


def _acronym(readings: list[tuple[str, ...]]) -> bool:
    """Whether the name is one word in capitals ("US", "ACR"), which a source's common word in lower case is not
    ("let us know" names no US): found in one case, it is looked for again as written (_written_loud). A common word
    in capitals is none (the importer's "holds only a conjunction ('OR', 'AND')")."""
    return all(
        len(words) == 1 and words[0].isupper() and len(words[0]) > 1 and words[0].lower() not in note_names.OPENERS
        for words in readings
    )


def _id_prefix(acronym: str, doc: Any) -> bool:
    """Whether the source writes the acronym as written, as the letters of an identifier ("NCT05765006"): Relma-cel's
    "... only its NCT number" was refused (hunt 216), its page writing "NCT" in its id alone."""
    return re.search(rf"(?<![^\W_]){re.escape(acronym)}\d{{5,}}(?![^\W_])", _folded(doc, written=True)) is not None


# An acronym a source writes spelled out, its letters the first of its words: "CNS" of Relma-cel's "central nervous
# system", "ULN" of "upper limit of normal" (a note's "excludes CNS disease not caused by lupus" was refused, E501,
# hunt 211). Three letters at least, each a word of three letters or more (a short word of the phrase, "of", "and",
# "the", may stand between): two letters, or words as short as "a" or "to", fit too many runs of a source's words.
_SPELLED_MIN = 3
_BETWEEN_WORDS = r"[\W_]+(?:(?:of|and|the|for|in)[\W_]+)?"


# (a word may be one capital letter, as the source writes it, one of a pair of such letters the acronym leaves the
# other of: "HBV" and "HCV" of IM19's "hepatitis B or C virus", refused E501 as hunt 212's leftover. Each letter but
# the first may be one, a word between spaces: not a list's "b." nor an "a" in lower case, nor the "B" of "B-cell",
# which "TBC" of "than B-cell" would read; and the pair's other member is one capital letter too, where any word
# there made a sixth more of the 17,576 three-letter runs "spelled out" on IM19's page)
_BETWEEN_SPELLED = r"[\W_]+(?:(?i:of|and|the|for|in)[\W_]+)?"
_PAIRED_BEFORE = r"(?:[A-Z][ \t]+(?:or|and)[ \t]+)?"
_PAIRED_AFTER = r"(?:[ \t]+(?:or|and)[ \t]+[A-Z](?=[ \t]))?"


def _spelled_out(acronym: str, doc: Any) -> bool:
    """Whether the source writes the acronym's words spelled out, its letters their first (in any case), or a
    capital letter alone (but the first)."""
    if len(acronym) < _SPELLED_MIN or not acronym.isalpha():
        return False
    words = [rf"{re.escape(letter)}[^\W\d_]{{2,}}" for letter in acronym.casefold()]
    if any(
        _a_term(m.group())
        for m in re.finditer(r"(?<![^\W_])" + _BETWEEN_WORDS.join(words) + r"(?![^\W_])", _folded(doc))
    ):
        return True
    words = [rf"(?i:{re.escape(letter)}[^\W\d_]{{2,}})" for letter in acronym.casefold()]
    words[1:] = [
        rf"(?:{w}|(?<![^ \t]){_PAIRED_BEFORE}{re.escape(letter.upper())}{_PAIRED_AFTER}(?=[ \t]+[^\W\d_]))"
        for w, letter in zip(words[1:], acronym[1:])
    ]
    pattern = r"(?<![^\W_])" + _BETWEEN_SPELLED.join(words) + r"(?![^\W_])"
    return any(_a_term(m.group()) for m in re.finditer(pattern, _folded(doc, written=True)))


# The words an acronym's words are not: a sentence's glue, not a term's ("new treatment called" is no "NTC": Relma-
# cel's "the trial's NTC number" passed, a three-letter acronym being the initials of some three words in a row on
# nearly any page, hunt 217). A term runs on one line, its words apart by spaces or hyphens alone, and ends in a
# noun, not a participle or an adverb ("... called", "... clinically").
_NOT_OF_A_TERM = frozenset(
    "about across after all along also and any are been before being between both but can could during each either "
    "for from had has have how including into its may might more most must not only other per such than that the "
    "their them then there these they this those through throughout until upon use used using was were what when "
    "where which while who whom whose why will with within without would should you your".split()
)
_ONE_RUN = lazy(r"[^\W\d_]+(?:[ \t-]+[^\W\d_]+)*")


def _a_term(run: str) -> bool:
    """Whether a run of a source's words an acronym's letters open may be the acronym's term (_NOT_OF_A_TERM)."""
    words = run.casefold().replace("-", " ").split()
    # (a small word of the phrase may stand between its words: "Centers for Disease Control")
    inner = [w for w in words[1:-1] if w not in _BETWEEN_SMALL]
    return (
        _ONE_RUN.fullmatch(run) is not None
        and not any(w in _NOT_OF_A_TERM for w in [words[0], *inner, words[-1]])
        and not words[-1].endswith(("ed", "ly"))
    )


_BETWEEN_SMALL = frozenset({"of", "and", "the", "for", "in"})


def _bracketed_after_other_words(acronym: str, doc: Any) -> bool:
    """Whether the source defines the acronym in a bracket after its own words ("alanine aminotransferase (ALT)"): a
    note's other words for it ("ALT (alanine transaminase)") are not the source's (misdefined)."""
    return re.search(rf"\w[ \t]*\([ \t]*{re.escape(acronym.casefold())}[ \t]*\)", _folded(doc)) is not None


def _words_defining(acronym: str, doc: Any) -> list[str]:
    """The words (in one case) a source defines the acronym by, in a bracket after them ("alanine aminotransferase
    (ALT)": the words before, as many as the letters and two more at most, back to each opening with its first
    letter) or after it ("ALT (alanine aminotransferase)")."""
    letters = acronym.casefold()
    if len(letters) < 2 or not letters.isalpha():
        return []
    folded = _folded(doc)
    out = []
    for m in re.finditer(
        rf"(?<![^\W_])((?:[^\W\d_][\w'-]*[ \t]+){{1,{len(letters) + 2}}})\([ \t]*{letters}[ \t]*\)", folded
    ):
        words = m.group(1).split()
        # (each run of them to the bracket that opens with the first letter: "an alanine aminotransferase (ALT)")
        out += [" ".join(words[k:]) for k in range(len(words)) if words[k].startswith(letters[0])]
    for m in re.finditer(rf"(?<![^\W_]){letters}[ \t]*\(([^\W\d_][^()\d]{{2,80}}?)\)", folded):
        if m.group(1).startswith(letters[0]):
            out.append(" ".join(m.group(1).split()))
    return out


def _written_loud(wanted: list[re.Pattern[str]], docs: list, data: dict) -> bool:
    """Whether a source or the record writes the name not all in lower case ("US", "U.S.", "Cd19")."""
    texts = [_folded(doc, written=True) for doc in docs] + ["\n".join(_values(data))]
    loud = [re.compile(p.pattern, re.IGNORECASE) for p in wanted]
    return any(not m.group().islower() for p in loud for text in texts for m in p.finditer(text))


def _own(words: tuple[str, ...]) -> bool:
    """Words a note may write whatever its sources say: the registry's and the tool's (OWN_WORDS, one or more of
    them: the importer's header comment "(ClinicalTrials.gov API v2 JSON)"), a check's code, letters standing for
    items ("not as one 'A or B'")."""
    # (a code of this tool's checks, as the table declares them: the importer's notes name them, "the check refuses
    # the joined text, E501"; a code no check has, "E999", is a name no source writes)
    return all((w.casefold(),) in OWN_WORDS or w in checks.table() or len(w) == 1 for w in words)


# The common words a note hyphenates to a name to say what a thing is to it ("CD19-directed", "CD19-targeted",
# "CD19-positive", "IM19-treated"): the name is the words before; looked for whole, "CD19-directed" was refused (E501)
# as a name no source writes, though "CD19" is the record's target antigen (hunt 211)
_QUALIFIERS = frozenset(
    "directed redirected targeted targeting specific positive negative based derived treated related like free "
    "expressing depleting".split()
)
_QUALIFIED = lazy(r"(?P<name>.+?)[-\u2010\u2011](?P<qualifier>[a-z]+)\Z")


def _parts(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name's words as the names they are: apart at a common word hyphenated to one (_qualified_apart) and at an
    identifier's label (_labelled_apart)."""
    return [part for qualified in _qualified_apart(words) for part in _labelled_apart(qualified)]


# the words that label an identifier written after them ("the org study ID IM19SLE01", "Trial ID NCT05765006",
# "Identifier IM19SLE01"): IM19's "The org study ID IM19SLE01 is given under Other Identifiers." was refused (E501) as
# naming 'ID IM19SLE01', which its page writes as "IM19SLE01" under "Identifier Source: org_study_id" (honest hunt
# 218). The label says what kind of identifier follows; the identifier is a name of its own, and so are the words
# before the label ("Trial", "NCT"), each looked for alone
_ID_LABELS = frozenset({"id", "ids", "identifier", "identifiers", "no", "number", "nr"})
# (an identifier: letters and digits both, or digits alone, in one word)
_AN_IDENTIFIER = lazy(r"(?=[\w-]*\d)[\w-]+")


def _labelled_apart(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name's words apart at each identifier's label (_ID_LABELS) right before an identifier, the label left out."""
    parts: list[tuple[str, ...]] = []
    start = 0
    for k in range(len(words) - 1):
        if words[k].casefold() in _ID_LABELS and _AN_IDENTIFIER.fullmatch(words[k + 1]):
            parts.append(words[start:k])
            start = k + 1
    return [part for part in (*parts, words[start:]) if part]


def _qualified_apart(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name's words as the names they are, a common word hyphenated to one of them (_QUALIFIERS) left out and
    ending a name there: "CD19-directed CAR-T" is "CD19" and "CAR-T"."""
    parts: list[tuple[str, ...]] = []
    part: list[str] = []
    for word in words:
        m = _QUALIFIED.match(word)
        if m is None or m.group("qualifier") not in _QUALIFIERS:
            part.append(word)
            continue
        parts.append((*part, m.group("name")))
        part = []
    return [*parts, tuple(part)] if part else parts


def _without_own_ends(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without the registry's or the tool's words at either end (REGISTRY_WORDS; a marker of work left
    is part of a longer name: "TODO Hospital" names a hospital no source writes, hunt 210)."""
    start, end = 0, len(words)
    while start < end and (words[start].casefold(),) in REGISTRY_WORDS:
        start += 1
        # (and the small word joining it to the name: "PubMed for IM19SLE01" names IM19SLE01, hunt 212)
        start += start < end and words[start].casefold() in _JOINING_A_TOOL
    while end > start and (words[end - 1].casefold(),) in REGISTRY_WORDS:
        end -= 1
        end -= end > start and words[end - 1].casefold() in _JOINING_A_TOOL
    return words[start:end]


# the small words that join a registry's or a tool's word to a name ("PubMed for IM19SLE01", "IM19SLE01 in PubMed")
_JOINING_A_TOOL = frozenset("for in on at of via from".split())


def _phrase(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words in any case, anything but letters and digits between them, each whole; each word as a source may
    write it otherwise (_written), the last one also in the plural or the singular ("Principal Investigators",
    "Study Group" for the source's "Study Groups")."""
    # (each word but the last in the source's possessive too: "Parkinson Disease" for "Parkinson's disease")
    *head, last = (
        _written(w, len(words) > 1) + (r"(?:['\u2019]s)?" if k < len(words) - 1 else "") for k, w in enumerate(words)
    )
    # (and a hyphenated one's last part: "T-lymphocyte" of the source's "T lymphocytes" was refused, E501, hunt 212)
    tail = _PARTS.findall(unaccented(words[-1].casefold()))
    if len(words) > 1 and words[-1].casefold() in _SITES_PLURAL:
        pass  # (a site's name in the plural is several sites: the source writes it so, or names one: _SITES_PLURAL)
    elif len(words[-1]) > 3 and (words[-1].isalpha() or (len(tail) > 1 and tail[-1].isalpha() and len(tail[-1]) > 3)):
        last = last.removesuffix("s") + "(?:e?s)?"
    elif len(words) > 1 and _CAPITALS_PLURAL.fullmatch(words[-1]):
        # (an acronym's plural after a word of the name: "NCT IDs" of IM19's "NCT ID", refused, hunt 216)
        last = _written(words[-1][:-1], True) + "s?"
    return re.compile(r"(?<![^\W_])" + r"[\W_]+".join([*head, last]) + r"(?![^\W_])")


_CAPITALS_PLURAL = lazy(r"[A-Z]{2,4}s")
# A site's or a body's name in the plural ("Union Hospitals") says there are several of that name, and is found only
# where a source writes it so: Relma-cel's "Union Hospitals" passed as its source's one "Union Hospital" (hunt 217).
# A role's or a group's may be either ("Principal Investigators" of three "Principal Investigator"s).
_SITES = "hospital university college institute center centre clinic school company foundation department academy"
_SITES_PLURAL = frozenset(
    [*(f"{site}s" for site in _SITES.split() if not site.endswith("y")), "universities", "companies", "academies"]
)
# (the words before a name that make its plural the last of several names, each of one site: "the Union and Renji
# Hospitals")
_SEVERAL_BEFORE = lazy(r"(?i)[^\W_][ \t]*(?:,|\band\b|\bor\b|&)[ \t]*\Z")


def _one_of_several(words: tuple[str, ...], said: str) -> tuple[str, ...]:
    """A name's words, a site's plural as its singular where several names share it ("the Union and Renji Hospitals":
    "Renji Hospital"), the source writing the singular of each."""
    if len(words) < 2 or words[-1].casefold() not in _SITES_PLURAL:
        return words
    for m in re.finditer(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + r"(?![^\W_])", said):
        if _SEVERAL_BEFORE.search(said, 0, m.start()):
            last = words[-1]
            return (*words[:-1], last[:-3] + "y" if last.casefold().endswith("ies") else last[:-1])
    return words


# the parts of a word: runs of letters or of digits ("CD-19", "SARS-CoV-2", "U.S"), and a roman numeral's value
_PARTS = lazy(r"[^\W\d_]+|\d+")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}


def _written(word: str, within: bool) -> str:
    """A word of a name as a pattern of the ways sources write it: its parts with or without marks between them
    ("CD-19", "CD19", "CD 19"; "CAR-T", "CART"; "U.S", "US"), an acronym with or without stops ("US", "U.S."), a
    roman numeral as the digits too, within a name of more words ("Phase II", "Phase 2"; alone, "Phase I/III" would
    be any "3" of the source)."""
    folded = unaccented(word.casefold())
    if within and word.isupper() and folded in _ROMAN:
        return f"(?:{folded}|{_ROMAN[folded]})"
    if word.isalpha() and word.isupper() and len(word) <= 4:
        return r"\.?".join(folded) + r"\.?"
    return r"[\W_]*".join(re.escape(part) for part in _PARTS.findall(folded)) or re.escape(folded)


def _common(word: str, doc: Any) -> bool:
    """Whether a source writes word in lower case, a word of its own: a common word, not a name."""
    lower = word.lower()
    return lower != word and re.search(rf"(?<![^\W_]){re.escape(lower)}(?![^\W_])", doc.text) is not None


# a hyphen inside a word, or breaking one across a line ("Relma-cel"; a plain page's "Telitaci-\ncept", read as
# "Telitaci- cept")
_HYPHEN = lazy(r"(?<=[^\W_])-\s?(?=[^\W_])")


def _folded(doc: Any, written: bool = False) -> str:
    """A source's text in one case (str.casefold), worked out once a run (SourceDoc.reading); written: as written. A
    JSON study's with every value it holds: its text is the lines of the fields the checks read, and the importer's
    notes name the values of the others it leaves out ("restrictionType LTE60")."""

    def whole() -> str:
        raw = doc.raw.decode("utf-8", "replace") if doc.form == layouts.JSON and doc.raw is not None else ""
        return f"{doc.text}\n{raw}"

    if written:
        return str(doc.reading(("whole",), whole))
    return str(doc.reading(("casefolded",), lambda: _folded(doc, written=True).casefold()))


def _rewritten(doc: Any) -> str:
    """_folded(doc) as a note may write its words otherwise: their hyphens left out ("Relmacel" for "Relma-cel"; a
    plain page's "Telitaci-" at a line's end and "cept"), their accents too ("Hopital" for "Hôpital"). Worked out
    once a run, where a name is not in _folded: most are."""

    def rewritten() -> str:
        folded = _folded(doc)
        return unaccented(f"{folded}\n{_HYPHEN.sub('', folded)}")

    return str(doc.reading(("casefolded", "rewritten"), rewritten))


# the accents Unicode writes as marks after their letter once decomposed (NFD)
_ACCENTS = lazy(r"[\u0300-\u036f]")


def unaccented(text: str) -> str:
    """Text with its letters' accents left out, as a note may write a name its source accents ("Hopital" for
    "Hôpital"), or the other way round: an accent is no other name."""
    return text if text.isascii() else _ACCENTS.sub("", unicodedata.normalize("NFD", text))


def _held(data: dict, schema: dict) -> str:
    """What the record holds, in one case: its values (_values) and the names of the schema's fields, which a note
    may name as a heading ("the record's Eligibility Thresholds", "Phases", "Criterion 11"): no fact of a study."""
    names = (fields.dotted(path) for path in fields.all_field_names(schema))
    return unaccented("\n".join([*_values(data), *names]).casefold())


def _values(data: dict) -> Iterator[str]:
    """Every string the record holds, normalised, but its remarks' texts (a name may not vouch for itself)."""
    curation = {key: item for key, item in data["curation"].items() if key not in ("notes", "incomplete")}
    return (normalise(value) for value in strings({**data, "curation": curation}))
