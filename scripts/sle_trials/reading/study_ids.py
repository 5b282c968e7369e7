"""What a number a source writes is the number of: the trial's own study id, or another thing's.

A trial's documents carry many numbers that look alike: the sponsor's protocol number, a grant's, an
ethics committee's approval, a regulator's application (IND), another registry's registration, a
product's lot or batch, the protocol's version or amendment, a document's or a publication's, and
the protocol numbers of other studies (an earlier, pilot, parent or extension study). A plain
document places none of them: "Grant number: 2023YFC123456.", "Protocol number of the earlier study:
IM19-SLE-001." and "The pilot study (IM19-SLE-001) treated 5 patients." each passed as the trial's
`identifiers.org_study_id` (the sponsor's own study id), since the number stands in the document.

A number is read by the words that say what it is (given_as): the label right before it in its
clause ("Grant number:", "Ethics approval No.", "Protocol version", "under grant"), the words before
the bracket it stands in where the bracket's own say nothing ("funded by the National Natural
Science Foundation (No. 82071234)", "The pilot study (IM19-SLE-001)"), or, with no label, the words
of a bracket or an apposition right after it ("2023YFC123456 (grant)"), and the sentence it stands
in where that turns to another trial before it (prose.turn: "In an earlier study, protocol number
IM19-SLE-001 ..."). Of the label's words, those nearest the number name it: "IRB protocol number" an
ethics committee's, "Protocol number of the earlier study" another study's, "Protocol version" a
version, "Protocol No." the trial's own. A study named with "this", "the present", "the current" or
"our" is the trial's own ("This pilot study (IM19-SLE-002)"), as is one a kind of study names with
"a" ("Protocol: IM19-SLE-002 (a pilot study)"); one the trial goes on from is another ("an extension
of study IM19-SLE-001", "participants who completed study IM19-SLE-001"). A number of a registry's
shape (an NCT id, registry_ids) is a registry's whatever its label. Words that name nothing leave the
number as the record reads it; words taking it back are retracted's. A label may stand on the line
above, ending in a colon or alone as a heading ("FUNDING"), or after the number ("2023YFC123456 is the
grant number"), and a Chinese document's labels are read as it writes them ("基金编号", "伦理批件号",
"方案编号": _CHINESE). A code a product's words follow names the product ("IM19 CAR-T cells",
"KYV-101 injection"), and a study its label names by a product code the document does not give the
trial is another's ("The IM29 study (IM29-SLE-001)" of IM19's: prose.own_names).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import prose, registry_ids


class Kind(NamedTuple):
    """A kind of number a source gives (name: how a message says it) and whether a trial's secondary
    ids may hold it (a registry lists a grant's, an ethics approval's, a regulator's and another
    registry's number of the trial as its secondary ids; never another study's, a version or a lot)."""

    name: str
    secondary: bool


OWN = Kind("the trial's own study id", True)
GRANT = Kind("a grant or funding number", True)
ETHICS = Kind("an ethics committee's approval number", True)
REGULATOR = Kind("a regulator's application or approval number", True)
REGISTRY = Kind("a registry's registration number", True)
OTHER_STUDY = Kind("another study's id", False)
VERSION = Kind("a version or amendment of a document", False)
PRODUCT = Kind("a product's lot, batch or code", False)
DOCUMENT = Kind("a document's or publication's number", False)
CONTACT = Kind("a contact's number", False)
PERSON_OR_SITE = Kind("a site's, participant's or visit's number", False)

# The words naming the trial's own study id: "Protocol No.:", "Org Study ID:", "Sponsor protocol code:",
# "Organization's Unique Protocol ID:", "Study:", "the study (...)"; each with the words of a number's
# label that may follow them ("number", "ID", "code")
_ID_WORDS = (
    r"(?:[ \t]+(?:id(?:entifier)?s?|identification|nos?\.?|numbers?|codes?|#|ref(?:erence)?\.?|"
    r"(?:number|code|id)[ \t]*\([^()]{0,20}\)))*"
)
_OWN = (
    r"(?:(?:org(?:ani[sz]ation)?(?:['’]s)?|sponsor(?:['’]s)?|unique|internal|local|(?:the[ \t]+)?present|"
    r"(?:the[ \t]+)?current|this|our)[ \t]+)*(?:stud(?:y|ies)|protocols?|trials?)(?:[ \t]+(?:protocol|study))?"
    # (and the registries' own labels of it: ClinicalTrials.gov's "Other Study ID Numbers", ChiCTR's "Study
    # subject ID", ISRCTN's "Protocol/serial number")
    + r"(?:(?<=other[ \t]study)|(?<=other[ \t]studies)|[ \t]+subjects?|[ \t]*/[ \t]*serial)?"
    + _ID_WORDS
)
# ... and of the other kinds: each with the words of a number's label after it ("Grant No.", "IRB
# protocol number", "IND application number"), so that it ends where a label ends
_AFTER = r"(?:[ \t]+(?:protocols?|stud(?:y|ies)|applications?|approvals?|registrations?|reference))*" + _ID_WORDS
# The words that make a study another than the trial: one it stands to ("the earlier study", "the parent
# protocol", "another trial"), and one of a kind ("the pilot study", "the extension study", "a substudy"),
# which with "a" describes the trial itself ("Protocol: IM19-SLE-002 (a pilot study)")
_RELATION = (
    r"(?:earlier|previous|prior|preceding|former|original|old|parent|predecessor|core|feeder|sister|separate|"
    r"another|other(?![ \t]+stud(?:y|ies)[ \t]+id)|initial|subsequent|later|next|related)"
)
_OF_A_KIND = r"(?:pilot|feasibility|companion|extension|follow-?up|follow-?on|lead-?in)"
_KINDS: tuple[tuple[Kind, str], ...] = (
    (
        OTHER_STUDY,
        # (a study named so: "the earlier study", "the pilot study", "a parent protocol", "the Phase 1
        # extension study", "another trial's protocol", "a substudy"; not "this pilot study")
        r"(?<!\bthis[ \t])(?<!\bour[ \t])(?<!\bpresent[ \t])(?<!\bcurrent[ \t])"
        + rf"(?:{_RELATION}(?![\w-])[ \t]+|(?<!\ba[ \t])(?<!\ban[ \t])(?:{_OF_A_KIND}(?![\w-])[ \t]+|sub-?))"
        + r"(?:[\w/-]+[ \t]+){0,2}?(?:stud(?:y|ies)|trials?|protocols?)(?:['’]s?)?(?:[ \t]+(?:protocol|study))?"
        + _ID_WORDS
        # (or one the trial goes on from: "an extension of study IM19-SLE-001", "a follow-up to trial
        # X", "participants who completed study X", "rolled over from protocol X")
        + r"|(?:(?:extension|continuation|follow-?up|follow-?on|sub-?stud(?:y|ies))[ \t]+(?:of|to|from)|completed|"
        r"completing|(?:rolled|roll(?:ing)?)[ \t-]*over[ \t]+from|continued[ \t]+from|transferred[ \t]+from)[ \t]+"
        r"(?:(?:the|a|an|their|its)[ \t]+)?(?:[\w/-]+[ \t]+){0,2}?(?:stud(?:y|ies)|trials?|protocols?)" + _ID_WORDS,
    ),
    (
        GRANT,
        r"(?:grants?|funding|funded|funds?|funders?(?:['’]s)?|fund(?:er|ing)[ \t]+(?:agency|body)|awards?|awarded|"
        r"fellowships?|foundations?|programm?e?s?|contracts?|supported[ \t]+by|financed|financial[ \t]+support)"
        + _AFTER,
    ),
    (
        ETHICS,
        r"(?:ethics?|ethical|(?-i:IRB|IEC|REC|ERB|HREC)|(?:institutional[ \t]+)?review[ \t]+boards?|committees?|"
        r"approvals?)" + _AFTER,
    ),
    (
        REGULATOR,
        r"(?:(?-i:IND|IDE|CTA|CTN|NMPA|CFDA|CDE|FDA|EMA|MHRA|PMDA)|investigational[ \t]+(?:new[ \t]+drug|device)|"
        r"acceptance|licen[cs]e|marketing[ \t]+authori[sz]ation)" + _AFTER,
    ),
    (
        REGISTRY,
        r"(?:registration|registry|register(?:ed)?|NCT|ClinicalTrials\.gov|ChiCTR|EudraCT|ISRCTN|CTIS|EU[ \t]*CT|"
        r"UMIN|jRCT|DRKS|ACTRN|CTRI|(?-i:UTN|WHO)|universal[ \t]+trial[ \t]+number)" + _AFTER,
    ),
    (
        VERSION,
        r"(?:versions?|amendments?|revisions?|revised|editions?|drafts?|issues?|v\.)" + _ID_WORDS,
    ),
    (
        PRODUCT,
        r"(?:lots?|batch(?:es)?|product[ \t]+(?:codes?|numbers?|nos?\.?)|catalog(?:ue)?|cat\.|serial|kits?|"
        r"cell[ \t]+lines?|manufactur\w*)" + _ID_WORDS,
    ),
    (
        DOCUMENT,
        r"(?:doi|pmid|pmcid|isbn|issn|patents?|documents?|doc\.|sops?|crfs?|forms?|manuscripts?|articles?|"
        r"publications?|reports?|papers?)" + _ID_WORDS,
    ),
    (CONTACT, r"(?:phone|telephone|tel\.?|fax|mobile|zip|postal[ \t]+code|post[ \t]*code)" + _ID_WORDS),
    (
        PERSON_OR_SITE,
        r"(?:sites?|cent(?:er|re)s?|patients?|participants?|subjects?|screening|randomi[sz]ation|visits?|"
        r"cohorts?|arms?)" + _ID_WORDS,
    ),
    (OWN, _OWN),
)
# ... and as a Chinese document labels them ("基金编号", "伦理批件号", "方案编号"), read where they stand
# (Chinese writes no spaces between words)
_CHINESE: tuple[tuple[Kind, str], ...] = (
    (OTHER_STUDY, r"(?:前期|先前|既往|上一|早期|预试验|前序|母|原)(?:研究|试验|方案)"),
    (GRANT, r"基金|资助|项目编号|项目号|项目批准号|研发计划|科技计划|专项"),
    (ETHICS, r"伦理|审批号|批件"),
    (REGULATOR, r"临床试验通知书|受理号|默示许可|通知书编号"),
    (REGISTRY, r"注册号|登记号"),
    (VERSION, r"版本|修订"),
    (PRODUCT, r"批号|批次|产品编号"),
    (DOCUMENT, r"文件编号|文号"),
    (OWN, r"(?:方案|研究|试验)(?:编号|代码|号)|课题代号|课题编号"),
)
_LABELS = [(kind, lazy(r"(?i)(?<![\w-])(?:" + words + r")(?![\w-])")) for kind, words in _KINDS]
_LABELS += [(kind, lazy(words)) for kind, words in _CHINESE]

# Where the clause a number stands in starts: a line's end, a semicolon, a stop before a space (not an
# abbreviation's: "No. 12", "Ref. 3", "v. 2"), a comma before a space; read back at most this far
_STOP = r"(?<!\bno)(?<!\bnos)(?<!\bref)(?<!\bv)(?<!\bcat)(?<!\bdoc)(?<!\btel)\.\s"
_CLAUSE = lazy(r"(?i)[\n;]|" + _STOP + r"|,\s")
# ... and the sentence it stands in
_SENTENCE = lazy(r"(?i)[\n;]|" + _STOP)
_BACK = 120
# The words of a product's name right after a code, which make the code the product's: "IM19 CAR-T
# cells", "KYV-101 injection"
_PRODUCT_AFTER = lazy(
    r"(?i)[ \t]+(?:CAR-?T|CAR[ \t]+T|CAR|cells?|cell[ \t]+(?:therapy|injection|product)|therapy|injection|"
    r"infusion|product|tablets?|capsules?)(?![\w-])"
)
# ... and those that name cells, which make it a product's after a study's label too ("Trial
# NCT06513429: IM19 CAR-T Cell Therapy")
_CELLS_AFTER = lazy(r"(?i)[ \t]+(?:CAR-?T|CAR[ \t]+T|CAR|cells?)(?![\w-])")
# ClinicalTrials.gov's label of a trial's own ids ("Other Study ID Numbers"), which names no other study
_OTHER_IDS_LABEL = lazy(r"(?i)(?<![\w-])other[ \t]+study[ \t]+id(?:entifier)?s?(?:[ \t]+numbers?)?")
# A trial's id at ClinicalTrials.gov (another registry's: registry_ids)
_REGISTRY_ID = lazy(r"NCT[0-9]{8}")
# The words after a number that say what it is: a bracket of them, or an apposition ("2023YFC123456
# (grant)", "IM19-SLE-001, the earlier study's protocol number")
_AFTER_OPENS = lazy(
    r"(?i)[ \t]*(?:\(|\[|,[ \t]+(?=(?:the|a|an|its)[ \t]+)|[ \t]+(?:is|was|being)[ \t]+(?=(?:the|a|an|its|our)[ \t]+))"
)


def _label_kind(words: str) -> Kind | None:
    """The kind the label words (right before a number) name: the label's words nearest the number,
    the longest there where several end together ("IRB protocol number" an ethics committee's, not
    the trial's own "protocol number"); None where they name no kind."""
    best: tuple[int, int, Kind] | None = None
    for kind, label in _LABELS:
        for found in label.finditer(words):
            # (words after the label that are no label's: "Grant 2023, protocol": read from its end)
            key = (found.end(), -found.start(), kind)
            if best is None or key[:2] > best[:2]:
                best = key
    return None if best is None else best[2]


def _unbracketed(words: str) -> str:
    """words without their closed brackets ("Protocol number (approved by the ethics committee):")."""
    while True:
        shorter = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", words)
        if shorter == words:
            return words
        words = shorter


def given_as(text: str, start: int, end: int, nct_id: str, own_codes: frozenset[str] = frozenset()) -> Kind | None:
    """What the words around the number at text[start:end] say it is (module docstring): a Kind, or
    None where they say nothing of it. own_codes: the product codes the document gives this trial
    (prose.own_names); a study its label names by another product's code is another study ("The IM29
    study (IM29-SLE-001)" of IM19's)."""
    if _REGISTRY_ID.fullmatch(text[start:end]) or registry_ids.named(text[start:end]):
        return REGISTRY  # (a registry's id, whatever the words before it: "Trial NCT06513429:")
    before = text[max(0, start - _BACK) : start]
    clauses = list(_CLAUSE.finditer(before))
    label = before[clauses[-1].end() :] if clauses else before
    if not label.strip() and clauses and clauses[-1].group(0) == "\n":
        # (a label on the line above, alone: "Grant number:" then "2023YFC123456")
        above = before[: clauses[-1].start()].rsplit("\n", 1)[-1]
        label = above if above.rstrip().endswith(":") or _heading(above) else label
    sentence = _OTHER_IDS_LABEL.sub(" ", _SENTENCE.split(before)[-1])
    if prose.turn(sentence, nct_id) is not None:
        return OTHER_STUDY  # ("In an earlier study, protocol number IM19-SLE-001 was ...")
    opened = max(label.rfind("("), label.rfind("["))
    if opened > max(label.rfind(")"), label.rfind("]")):
        words = _unbracketed(label[opened + 1 :])
        kind = _label_kind(words)
        if kind is None and _ends_at_a_name(label[:opened]):
            # (the words before the bracket: "The pilot study (IM19-SLE-001)", "Foundation (No. 82071234)")
            words = _unbracketed(label[:opened])
            kind = _label_kind(words)
    else:
        words = _unbracketed(label)
        kind = _label_kind(words)
    if kind is OWN and own_codes and (codes := prose.product_codes(words)) and not codes & own_codes:
        return OTHER_STUDY  # (a study of another product: "The IM29 study (IM29-SLE-001)")
    if (kind is None and _PRODUCT_AFTER.match(text, end)) or (kind is OWN and _CELLS_AFTER.match(text, end)):
        return PRODUCT  # (a product's name: "Trial NCT06513429: IM19 CAR-T Cell Therapy ...")
    after = _named_after(text, end)
    # (words after it saying it is another study's say more than a label naming a protocol's number:
    # "Protocol number: IM19-SLE-001 (earlier study)")
    return after if after is OTHER_STUDY or kind is None else kind


def _heading(line: str) -> bool:
    """Whether a line is a heading over the line after it: a few words, no stop at its end ("FUNDING",
    "Ethics approval")."""
    return 0 < len(line.split()) <= 4 and not re.search(r"[.!?;,]\s*$", line)


def _named_after(text: str, end: int) -> Kind | None:
    """The kind the words right after a number with no label name, as a bracket or an apposition of
    label words alone ("2023YFC123456 (grant)", "IM19-SLE-001, the earlier study's protocol number");
    not a bracket giving another number its label ("IM19-SLE-002 (Version 3.0)")."""
    after = _AFTER_OPENS.match(text, end)
    if after is None:
        return None
    words = re.split(r"[)\];,.\n]", text[after.end() : after.end() + 80])[0]
    return None if re.search(r"\d", words) else _label_kind(words)


def _ends_at_a_name(words: str) -> bool:
    """Whether the words before a bracket end at what the bracket names: a noun right before it ("The
    pilot study (...)", "funded by the Foundation (No. ...)"), not a clause going on ("treated (...)")."""
    return bool(words.strip()) and re.search(r"(?i)(?:^|[\s,:])(?:to|and|or|with|of|in|at|by)\s*$", words) is None


# What may stand between a number's label and the number ("NIH grant: R01AR012345", "EudraCT Number:
# 2023-001234-56", "| NIH | R01AR012345"): marks and the words of a number's label; and after a number,
# a bracket its label stands in alone ("R01AR012345 (NIH)")
_LABEL_GAP = lazy(
    r"(?i)(?:[ \t\n:#|/.\-–—]|(?<![\w-])(?:grants?|contracts?|awards?|funding|numbers?|nos?|ids?|identifiers?|"
    r"codes?|ref(?:erence)?)(?![\w-]))*"
)
_BRACKET_OPEN = lazy(r"[ \t]*[(\[][ \t]*")
_BRACKET_CLOSE = lazy(r"[)\]]")


def labelled_by(text: str, number: str, renderings: list[tuple[int, int]]) -> bool:
    """Whether one of renderings (a type's words where they stand in text) is the label of the number
    at some place text gives it: right before it, with only a label's marks and words between ("NIH
    grant: R01AR012345"), or alone in a bracket right after it ("R01AR012345 (NIH)"). "Registry
    Identifier: ABC-123 - an NIH grant was applied for", "ABC-123 Other Grant/Funding Number:
    2023YFC123456" and "ABC-123, R01AR012345 (NIH)" each typed ABC-123 by another's label."""
    for at in [m.start() for m in re.finditer(re.escape(number), text)]:
        end = at + len(number)
        for start, stop in renderings:
            if stop <= at and _LABEL_GAP.fullmatch(text, stop, at):
                return True
            opened = _BRACKET_OPEN.match(text, end)
            if opened is not None and opened.end() == start:
                gap = _LABEL_GAP.match(text, stop)
                if gap is not None and _BRACKET_CLOSE.match(text, gap.end()):
                    return True
    return False
