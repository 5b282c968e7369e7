"""Prior therapy: where a criterion states what treatment patients must have had (and stayed active after).

A prior-therapy requirement (eligibility.prior_therapy) is read from one criterion (binding/criterion.py binds
it to the criterion it names); the silence check (E523) asks whether a source's criteria state one
at all, so that a record cannot drop it and declare it silent. A criterion states one when:

- it is an inclusion criterion, and words of a treatment's failure stand in it (FAILED: "Failure of
  at least two standard induction regimens", "refractory to", "inadequate response to"), or of the
  disease staying active after or despite a treatment, or of its failure in other words
  (STAYED_ACTIVE, the active-disease cues lexicon's: "the disease remained active at least 2 months
  after the use of a stable standard SLE regimen", "Have failed at least two standard therapies"),
  or of a treatment had before (RECEIVED: "Previously treated with mycophenolate"), with a therapy,
  a treatment or a kind of treatment (KINDS: "an antimetabolite") after them in their clause (not
  "Active disease at screening and 2 weeks after the first visit", "Hemoglobin refractory to
  transfusion");
- or it is an exclusion criterion that keeps out those who lack a treatment (words of a treatment not
  had before a therapy: "Patients who have not received mycophenolate"), as binding reads one; not
  those off a medication now ("Patients not receiving hydroxychloroquine") nor those who did not
  respond to one ("Failure to respond to rituximab" keeps refractory patients out).

A cue denied states nothing: negated ("not refractory to", "did not fail", "No prior treatment with"),
in an exception ("Excluding patients previously treated with rituximab") or of patients kept out
("Patients previously treated with rituximab are excluded"); a treatment had before of patients let
in is a permission, no requirement ("Patients previously treated with belimumab are eligible"), unless
words of a requirement stand before it ("Only ...") or it lets them in on condition of the treatment's
failure ("... are eligible if they failed it"); and a permission of patients who lack the treatment
("(those not treated are also eligible)") requires it of no one.

A therapy a criterion names as a washout, a concurrent medication or something that keeps patients
out ("must stop hydroxychloroquine 4 weeks before screening", "Currently receiving steroids", "Prior
CAR-T cell therapy" in the exclusions) states no requirement, nor does a treatment had before that its
clause stops ("Patients who have received hydroxychloroquine must stop it 4 weeks prior"; not "...,
stopped because of intolerance"). The therapies of a requirement are the
therapy words (THERAPIES, the steroid words lexicon's) from its first cue (of any kind) on, in its own
sentence and the criterion's sentences after it that stop, wash out or take now nothing (lexicon's washout and
stable-dose cues, words of a concurrent or background medication; a permission's words name a
medication taken now too, unless what they let in is a failure: "; failure of belimumab is also
allowed", "; belimumab is allowed provided they failed it"), or, from its cue on, that state a failure
of their own ("Failure of rituximab. Currently refractory to belimumab"), and not those of one whose
every cue is denied ("; not refractory to belimumab"), nor those of a later clause
that keeps their patients out ("; patients who failed belimumab are excluded"), up to a list such
words head ("Concurrent medications: 1. stable dose of prednisone ≤ 10 mg/day 2. hydroxychloroquine"), but
those a permission after the cue lets in ("Must have failed rituximab, and concomitant
hydroxychloroquine is OK", "...; patients may continue hydroxychloroquine").

These cue words are the silence check's only: binding reads `refractory` by its vocabulary alone
(vocabulary.BOOLEANS), and a "Failure of ..." criterion does not call the disease refractory. The
silence check reads that vocabulary's "refractory" only where it is said of the disease
(refractory_disease: "refractory SLE", "refractory to cyclophosphamide"; not "refractory anemia").
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from functools import cached_property
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import kept_out, product_names, prose, sentences
from sle_trials.reading.lexicon import stated_limits

# The fields a criterion states as what patients must have, which only an inclusion criterion states,
# or an exclusion keeping out those who lack it (NOT_MET): binding's and silence's both.
REQUIREMENTS = ("prior_therapy", "autoantibodies", "classification_criteria")
_NEGATION = r"(?:(?:do|does|did|have|has)\s+not|not|never)"
# up to two words before the verb, none of them saying "now": a medication not taken now is no
# treatment lacked ("Patients not receiving hydroxychloroquine", "not currently on"): those kept out
# are those off a concurrent medication, which is no prior therapy
_NOT_NOW = r"(?!(?:\w+\s+){0,2}?(?:currently|concurrently|now)\b)(?:\w+\s+){0,2}?"
# Words of not meeting what a criterion names, before it: an exclusion criterion that keeps out those
# who lack it ("Patients who do not meet the 2019 EULAR/ACR criteria", "Negative for anti-dsDNA
# antibodies", "have not received mycophenolate"); binding/criterion.py reads requirements from exclusions by it
NOT_MET = lazy(
    rf"(?i)\b(?:{_NEGATION}|fail(?:s|ed|ure)?\s+to|unable\s+to)\s+{_NOT_NOW}"
    r"(?:meet|meeting|met|fulfil\w*|satisf\w*|receive|received|respond\w*|been\s+treated|tried)\b"
    r"|\bnegative\s+for\b"
)
# Of NOT_MET's words, those of a treatment not had, which alone state a prior therapy an exclusion
# requires ("Patients who have not received mycophenolate"): one that keeps out those who did not
# respond to a treatment ("Failure to respond to rituximab") keeps out refractory patients, and
# requires no treatment
_NOT_TREATED = lazy(rf"(?i)\b{_NEGATION}\s+{_NOT_NOW}(?:receive|received|been\s+treated|tried|used|taken)\b")


def _cues(kind: str) -> tuple[str, ...]:
    return next(k.cues for k in stated_limits.KIND_CUES if k.kind == kind)


# Words of a treatment that failed: the disease could not be treated with it
FAILED = lazy(
    r"(?i)\b(?:fail(?:s|ed|ure|ing)?\s+(?:of|on|with|to\s+respond|to\s+achieve|to\s+improve)"
    r"|(?:refractory|resistant|unresponsive|non-?responsive|intoleran(?:t|ce))\s+(?:to|of)"
    r"|(?:inadequate|insufficient|incomplete|poor|no|lack\s+of)\s+(?:clinical\s+)?respon(?:se|ders?)\s+to"
    r")\b"
)
# Words of the disease staying active (or relapsing) after or despite something, or of a failure, with a treatment
# where one stands after them in their clause ("remained active at least 2 months after the use of a
# stable standard SLE regimen"; not "Active disease at screening and 2 weeks after the first visit")
STAYED_ACTIVE = lazy(
    r"(?i)\b(?:despite|relaps\w*\s+(?:after|despite|on|following)"
    # a treatment failed, written without the words FAILED reads ("Have failed at least two standard
    # therapies", "have not responded to mycophenolate", "inadequately controlled with glucocorticoids")
    r"|fail(?:s|ed|ing|ure)?|(?:not|never)\s+(?:[\w-]+\s+){0,2}?respond\w*"
    r"|inadequately\s+(?:controlled|responsive)|uncontrolled\s+(?:by|with|on)"
    r"|(?:" + "|".join(_cues("ACTIVE_DISEASE_DURATION")) + r")[^.;]{0,80}?\b(?:after|despite|following)"
    r")\b"
)

# The therapies a requirement names: the steroid words of lexicon's cues (the only other list of
# therapies the package reads, and so the one shared), and the treatments of lupus by class, by name,
# by the abbreviations criteria write them in, and by the stems of their international non-proprietary
# names, which name each new one of a class ("-mab" a monoclonal antibody: belimumab, ianalumab,
# "belizumab" as IM19's criteria misspell it; "-cept" a fusion protein: telitacicept, abatacept; "-tinib"
# a kinase inhibitor: baricitinib, deucravacitinib; "-limus", "-sporin" a calcineurin or mTOR
# inhibitor). Named only by a name of its own, a treatment of a requirement ("Refractory to
# dapsone", "despite intravenous immunoglobulin") was read as none: a record could declare the
# therapies silent, or the requirement of a treatment had before ("Previously treated with
# plasmapheresis") missed.
THERAPIES = lazy(
    r"(?i)\b(?:"
    + "|".join(_cues("CORTICOSTEROID_DOSE"))
    + r"|immunosuppress\w*|immunomodulat\w*|anti-?malarials?|hydroxychloroquine|chloroquine|mycophenol\w*"
    r"|cyclophosphamide|azathioprine|methotrexate|leflunomide|mizoribine|dapsone|thalidomide|lenalidomide"
    r"|bortezomib|calcineurin\s+inhibitors?|(?:JAK|janus\s+kinase|mTOR|TNF|BLyS|BAFF)\s+inhibitors?"
    r"|biologic(?:s|(?:al)?\s+(?:agents?|therap(?:y|ies)|drugs?|treatments?|medications?))"
    r"|monoclonal\s+antibod(?:y|ies)|anti-CD\d+\w*"
    r"|B[- ]cell[- ](?:depleting|depletion|targeting|targeted)(?:\s+(?:agents?|therap(?:y|ies)))?"
    r"|(?:intravenous\s+)?immun[eo]\s*globulins?|plasmapheresis|plasma\s+exchange|immunoadsorption"
    r"|DMARDs?|disease-modifying\s+anti-?rheumatic\s+drugs?|cytotoxic\s+(?:agents?|drugs?|therap(?:y|ies))"
    r"|steroid-sparing\s+(?:agents?|drugs?|therap(?:y|ies))|non-steroidal\s+anti-inflammatory\s+drugs"
    # the abbreviations (a lab's, "PE" a pulmonary embolism, stand in criteria too: none of those)
    r"|NSAIDs?|MMF|MPA|HCQ|AZA|MTX|CYC|CTX|IVCY|CsA|CNIs?|TAC|RTX|LEF|IVIG|IVIg|GCs?"
    # the stems of the international non-proprietary names
    r"|\w+(?:mab|acept|icept|nercept|tinib|limus|sporine?)"
    r")\b"
)

# A sentence after the requirement's that stops or washes out a therapy, or names one taken now (a
# concurrent medication, one a patient may go on with), names none of its therapies (lexicon's
# washout and stable-dose cues): "Currently receiving prednisone at a stable dose.", "Background
# therapy with hydroxychloroquine is allowed."
# Each word in each of its inflections ("belimumab cannot be continued", "must be discontinuing",
# "washed out", "is withdrawing"): one of them left out, the sentence was read as the requirement's
# (the lexicon's cues are as the other readers read them, and their inflections are added here).
_WASHING_OUT = (
    r"stop(?:s|ped|ping)?|discontinu(?:e|es|ed|ing|ation)|wash(?:es|ed|ing)?[- ]?outs?"
    r"|withdr(?:aw|aws|awn|awing|awal|ew)"
)
# (not of the disease going on: "continued disease activity after belimumab" is its failure)
_LETTING_GO_ON = (
    r"allow(?:s|ed|ing)?|permit(?:s|ted|ting)?"
    r"|continu(?:e|es|ed|ing|ation)(?!\s+(?:disease|active|activity|flares?|lupus|SLE|nephritis)\b)"
)
_NOT_PRIOR = lazy(
    r"(?i)\b(?:"
    + "|".join((*_cues("WASHOUT"), *_cues("STABLE_DOSE_DURATION")))
    + "|"
    + _WASHING_OUT
    + r"|stabili[sz]ed|currently|receiv(?:e|es|ing)|ongoing|concurrent\w*|concomitant\w*|background|"
    + _LETTING_GO_ON
    + r")\b"
)
# Of _NOT_PRIOR's words, those of a washout (lexicon's cues, "stop"), and words of a failure: a treatment
# had before (RECEIVED) that its clause stops after it ("Patients who have received hydroxychloroquine
# must stop it 4 weeks prior") is a washout's, of patients who may have had it, and requires none, unless
# the clause says it failed ("Previously treated with mycophenolate, stopped for intolerance")
_STOPPING = lazy(r"(?i)\b(?:" + "|".join(_cues("WASHOUT")) + "|" + _WASHING_OUT + r")\b")
# ... and only where the treatment had before describes the patients, their subject before it in its
# clause ("Patients who have received ..."), no words of a requirement between: "Must have received
# mycophenolate and must stop it 2 weeks before", "Previously treated with mycophenolate, which must be
# stopped 4 weeks before infusion" require mycophenolate, and were read as no requirement (E523)
_OF_PATIENTS_BEFORE = lazy(r"(?i)\b(?:patients|participants|subjects|those|individuals|anyone)\b")
# the words of a treatment's failure, which a washout's clause (_A_FAILURE) and a permission's condition
# (_FAILURE_CONDITION) both read
_FAILURE_WORDS = r"fail\w*|refractory|resistant|unresponsive|non-?responsive|intoleran\w*|inadequate\w*|insufficient"
_A_FAILURE = lazy(
    r"(?i)\b(?:"
    + _FAILURE_WORDS
    + r"|respon\w*|relaps\w*|flare\w*|toxicit\w*|adverse|side\s+effects?|despite|ineffective\w*|efficacy)\b"
)
# Of _NOT_PRIOR's words, those of a permission: a sentence whose only such words they are, and that
# lets in a failure by them (_Treated.lets_in_a_failure: "; belimumab is also allowed, provided they had
# an inadequate response", "; failure of belimumab is also permitted"), names another treatment that
# may have failed, as a permission after the cue in its own sentence does (_Treated.let_in), and is read
_PERMITTING = lazy(r"(?i)\b(?:" + _LETTING_GO_ON + r")\b")
# ... and one that heads a list with them ("Concurrent medications: 1. prednisone ≤ 10 mg/day 2.
# hydroxychloroquine"): the list to the criterion's end (its nested items) names none either, though
# its items, each a sentence, do not say so again
# (a heading's words start after a sentence's end, a comma or a colon: read once each, not again from
# each character of a text with no colon)
_HEADING = lazy(r"(?<![^.;,:])[^.;,:]*:")
_SENTENCE_END = sentences.END
# Words of a treatment, unnamed ("have not received at least two standard therapies"), or of a list of
# them after ("Failure of at least two of the following:", its treatments its nested items)
_TREATED = lazy(r"(?i)\b(?:treat\w*|therap\w*|regimens?|standard\s+of\s+care|SoC|the\s+following)\b")
# Words of a treatment had before ("Previously treated with", "prior treatment with", "must have received"),
# which state a requirement when a therapy or a treatment stands after them in their clause and no
# negation before them ("No prior treatment with rituximab" requires none)
RECEIVED = lazy(
    r"(?i)\b(?:(?:previously|prior)\s+(?:received|treated|treatments?|therap(?:y|ies)|use)"
    r"|(?:have|has|had)\s+(?:previously\s+|prior\s+)?(?:been\s+treated|received|used|taken))\b"
)
# A negation right before a cue, or a word of time, degree or aspect between ("No prior treatment with
# rituximab", "not refractory to", "did not fail", "never previously received", "non-responsive"): the
# cue is denied. Another word between is what the negation denies ("Not controlled despite
# hydroxychloroquine" denies the control, and states the failure).
_NEGATED = lazy(
    r"(?i)(?:\b(?:no|not|never|without|nor|neither|cannot)|n['’]t)\s+"
    r"(?:(?:any|a|an|the|be|been|being|have|had|yet|ever|previously|prior|currently|considered|deemed|"
    r"documented|shown|found|proven|known)\s+)?$|\bnon-?$"
)
_NEGATION_REACH = 60  # the characters before a cue its negation is read in (a word, a word between)
# Words that open an exception: a cue after them in their clause is what a requirement leaves out
# ("Excluding patients previously treated with rituximab"; binding/criterion.py reads terms so), up to a comma
# a cue of another kind follows (_Treated._exception_cuts: "..., refractory to mycophenolate" is
# the requirement)
EXCEPTION = lazy(r"\b(?:except|excepting|excluding|other than|apart from|not counting)\b", re.IGNORECASE)
# (after a comma, words that join what follows to the exception before it: "..., or refractory to")
_JOINED = lazy(r"(?i)\s*(?:or|and|nor)\b")
# Words of what lets patients in whatever it be ("regardless of prior belimumab", "irrespective of
# whether they have received rituximab"), to the next comma, clause end or parenthesis: a therapy in
# them is none of a requirement's, and a cue in them states none. Read as a therapy of the
# requirement, "Disease refractory to standard therapy, regardless of prior belimumab" named one,
# and its therapies declared silent were refused (E523).
_REGARDLESS = lazy(r"(?i)\b(?:regardless|irrespective)\s+of\b[^,;.()]*")
# Words that keep out the patients they speak of: after a cue in its clause ("Patients previously
# treated with rituximab are excluded", "... are not eligible", "... must not participate"), the
# criterion is an exclusion written among the inclusions; in a sentence after the requirement's
# ("; patients who failed belimumab are excluded", ". Patients refractory to belimumab may not be
# randomised"), its therapies are no requirement's, though its failure is one of its own (read as
# one, belimumab was required). One list for both: two, the second shadowing the first, read
# "patients who failed belimumab must not participate" as a requirement of belimumab
# (a negation of "never" or "no longer" as of "not": "... are never eligible")
_KEPT_OUT = lazy(
    rf"(?i)\b(?:(?:is|are|was|were|will\s+be|shall\s+be|must\s+be|be|been)\s+{kept_out.SHUT_OUT}|ineligible"
    rf"|{kept_out.DENIED}\s+(?:be\s+)?{kept_out.LET_IN})\b"
)

# Words that let the patients a treatment had before names in, after its cue in its clause ("Patients
# previously treated with belimumab are eligible", "... may be enrolled", "Prior use of rituximab is
# allowed"), or right before it ("Patients may have received belimumab"): a permission, which requires
# no treatment (a record declaring the prior therapy silent was refused, E523, made to say one). Read
# of a treatment had before only (RECEIVED): "Patients refractory to belimumab are eligible" says who
# is let in by their refractoriness, a requirement. Not where the clause says the treatment is what
# lets them in ("Only patients previously treated ... are eligible", "must have received ... to be
# eligible": "to be eligible" is no permission word)
# The permission's words are also those of a treatment that may be had ("is acceptable", "may be
# allowed", "Prior treatment with belimumab allowed."), that keeps no one out ("is not exclusionary",
# "does not exclude") or that is not required ("is not required", "optional"): each was read as a
# requirement, and a record declaring the prior therapy silent refused.
_PERMISSION = (
    r"(?:is|are|will\s+be|shall\s+be|remain|remains)\s+(?:also\s+)?eligible"
    r"|(?:may|can)\s+(?:also\s+)?(?:be\s+(?:enrolled|included|eligible|randomi[sz]ed|allowed|permitted|accepted)"
    r"|participate|enrol+|enter)"
    r"|(?:is|are|will\s+be|shall\s+be)\s+(?:also\s+)?(?:allowed|permitted|acceptable|accepted|permissible|ok|okay|fine)"
    # (bare, of the treatment: not of a dose "considered acceptable")
    r"|(?<!considered\s)(?<!deemed\s)(?<!judged\s)(?<!found\s)(?<!\bbe\s)(?<!\bas\s)"
    r"(?:allowed|permitted|acceptable|permissible)(?=\s*(?:[.;,)]|\Z))"
)
# (words saying a treatment is no requirement: "not required", "optional", not "not optional")
_REQUIREMENT_WORDS = r"(?:required|mandatory|necessary|a\s+requirement)"
_OPTIONAL = r"(?<!\bnot\s)(?<!n['’]t\s)optional"
_NOT_REQUIRING = (
    r"(?:is|are|will\s+be)\s+not\s+(?:excluded|exclusionary|an?\s+exclusion)|(?:does|do|will)\s+not\s+exclude"
    r"|not\s+(?:be\s+)?" + _REQUIREMENT_WORDS + "|" + _OPTIONAL
)
# ... and the same words as what the cue's clause says of it, to its end: the requirement itself
# denied ("Failure of rituximab is not required.", "... is optional"), whatever the cue. Not where
# they say more ("is not required for patients with nephritis": a requirement waived for some).
# Found once a criterion (_Treated.not_required), not from each cue: a clause of n cues read n times
_NOT_REQUIRED_HERE = lazy(
    r"(?i)\b(?:is|are|was|were|will\s+be)\s+(?:not\s+(?:" + _REQUIREMENT_WORDS + r"|needed)|" + _OPTIONAL + r")"
    r"\s*(?=[.;,)]|\Z)"
)
# ("to qualify" is what requires it)
_PERMITTED = lazy(r"(?i)\b(?:" + _PERMISSION + "|" + _NOT_REQUIRING + r"|(?<!\bto\s)qualif(?:y|ies))\b")
# (a parenthesis that ends its clause, after a permission that is all it holds: "(allowed).")
_CLOSES_THE_CLAUSE = lazy(r"\s*\)\s*(?:[.;,]|\Z)")
# (right before a cue: one that ends where the cue starts)
_PERMITTED_BEFORE = lazy(r"(?i)\b(?:may|can|might)\s+(?:also\s+)?")
# (words of a requirement; not negated: "is not required" is a permission)
_REQUIRED = lazy(r"(?i)\b(?:only|must|(?<!\bnot\s)(?:required|requires?|need|needs|necessary|mandatory))\b")
# After a permission, words that make it a condition of the treatment's failure ("are eligible if they
# failed it", "may be enrolled only if refractory", "provided they had an inadequate response", "but
# must have failed it"): what
# lets the patients in is then the failure, a requirement. A condition of anything else ("only after
# a washout of 6 months", "if completed more than 6 months before") leaves the permission one.
# (or words of the patients it is let in for, or of what it follows: "in patients who failed it", "for patients
# refractory to it", "after failure of it", "where it failed")
_FAILURE_CONDITION = lazy(
    r"(?i)(?:(?:but|and|yet)\s+)?\b(?:if|provided|providing|only|when|where|as\s+long\s+as|on\s+condition"
    r"|(?:in|for)\s+(?:patients|participants|subjects|those)|after|following"
    r"|(?:must|needs?|required)(?!\s+not\b))\b[^.;]{0,120}?"
    r"(?<!not\s)(?<!not\shave\s)(?<!not\sbeen\s)(?<!never\s)(?<!n't\s)"
    r"\b(?:" + _FAILURE_WORDS + r"|(?:not|never)\s+(?:\w+\s+)?respond\w*|no\s+response|relaps\w*|despite)\b"
)
# Words of patients who lack a treatment, right before a permission ("(those not treated are also
# eligible)", "; untreated patients are also eligible"): the treatment a cue before it names is then
# required of no one.
_UNTREATED = lazy(
    r"(?i)\b(?:(?:not|never)\s+(?:\w+\s+){0,2}?(?:treated|received|exposed)|untreated|na[iï]ve"
    r"|without\s+(?:any\s+)?(?:prior|previous)\s+(?:treatment|therapy|exposure|use))\b"
)
_UNTREATED_REACH = 80  # the characters before a permission its patients are read in
_PERMISSIONS_WALKED = 16  # the permissions after a cue its own (at its depth) is looked for among
# Words between a cue and a permission after it that give the permission another subject: a medication
# taken now ("Previously treated with mycophenolate, with concomitant hydroxychloroquine allowed"), or
# patients' other circumstances ("..., in whom steroids are permitted"): the permission is of that,
# and the treatment had before is still required
_OTHER_SUBJECT = lazy(
    r"(?i)\b(?:concomitant\w*|concurrent\w*|background|stable|in\s+whom|whose|while|whereas|during\s+which)\b"
)


# A therapy a permission after the cue lets in is none of the requirement's: "Must have failed
# rituximab, and concomitant hydroxychloroquine is OK", "Inadequate response to rituximab, concomitant
# prednisone is allowed" read hydroxychloroquine and prednisone as failed. A permission governs its
# subject before it (_LETS_IN: the words of _PERMITTED but "qualifies", which counts a therapy toward
# the requirement, and of a medication that may go on, "may continue", "can be continued"), from the
# last comma, semicolon, colon, sentence end or parenthesis before it, or word that gives it another
# subject (_OTHER_SUBJECT: "concomitant"), and back over the items of a list it ends ("hydroxychloroquine,
# prednisone, or NSAIDs are allowed"); or, of a medication that may go on or may have been had, its
# object after it ("may continue hydroxychloroquine", "may have received belimumab",
# _LETS_IN_WHAT_FOLLOWS), to the clause's end or the next cue. Not a subject that holds the cue, nor
# one of a failure that may be had ("Failure of rituximab is allowed"; "failure of cyclophosphamide is
# also acceptable" is another treatment that may have failed, a requirement; so is "belimumab is
# acceptable if they failed it"), unless the words say it is not required (_NOT_REQUIRING: "failure of
# belimumab is not required").
_GOING_ON = r"(?:continue|remain|stay|keep|use|take|receive)(?:\s+(?:on|with|taking|receiving|using))?"
_LETS_IN = lazy(
    r"(?i)\b(?:(?P<letting>"
    + _PERMISSION
    + r"|(?:may|can|could)\s+(?:also\s+)?(?:"
    + _GOING_ON
    + r"|be\s+(?:continued|maintained|kept|used|given|taken|received)))|"
    + _NOT_REQUIRING
    + r")\b"
)
_LETS_IN_WHAT_FOLLOWS = lazy(
    r"(?i)\b(?:(?:(?:may|can|could)\s+(?:also\s+)?|(?:allowed|permitted)\s+to\s+)"
    + _GOING_ON
    + r"|(?:may|can|could|might)\s+(?:also\s+)?have\s+(?:also\s+)?(?:received|taken|used|had|tried"
    r"|been\s+(?:treated|exposed)\s+(?:with|to)))\b"
)
# what a permission's subject starts after, or a list's item: a comma, a semicolon, a colon, a
# sentence's end, a parenthesis opened
_SUBJECT_BOUND = lazy(r"[,;:(]|[.!?](?=\s|\Z)")
# the words of a list's item, its therapies aside ("concomitant hydroxychloroquine", "or NSAIDs")
_LIST_WORDS = frozenset(
    "and or either both any the a an concomitant concurrent background stable low-dose oral".split()
)
_A_WORD = lazy(r"[^\W\d_][\w-]*")
_LIST_REACH = 12  # the items of a list a permission is read back over
# the characters of a list's item at most, and of the white space between a parenthesis and the
# permission it opens with (each read for a permission once, not the whole run before it: a criterion
# of n permissions and no bound would take n² steps)
_LIST_ITEM_REACH = 200
_BLANK_REACH = 40


# The words of an inclusion's requirement, in the order a cue of each is taken where two start at one
# place ("Failure of" over its "Failure", STAYED_ACTIVE's)
_CUES = (FAILED, STAYED_ACTIVE, RECEIVED)
# ... of them, a failure's: a sentence after the cue's that states one of its own is read from its cue on,
# as it is alone, though it names a medication taken now ("Failure of rituximab. Currently refractory to
# belimumab", "...; disease refractory to mycophenolate despite a stable dose of prednisone"): skipped,
# its failed therapies were lost. (A treatment had before, in such a sentence, is of the medication it
# stops or keeps: "Patients previously treated with belimumab must discontinue it")
_FAILURES = (FAILED, STAYED_ACTIVE)


def _earliest(
    after: _Treated, cues: tuple[re.Pattern[str], ...], lo: int = 0, hi: int = sys.maxsize, *, denied: bool = True
) -> re.Match[str] | None:
    """The first in text[lo:hi] of each cue's first there (_Treated.first), else None. The therapies of
    a requirement are read from its cue on: the first of one kind's cues taken over an earlier one of
    another's, those between were lost ("Must have failed mycophenolate; failure of cyclophosphamide is
    also acceptable" read cyclophosphamide alone, "Failure of" taken over "failed"), and a record
    declaring the therapies silent was held to the alternative, not to what is required."""
    found = [
        (m.start(), i, m) for i, cue in enumerate(cues) if (m := after.first(cue, lo, hi, denied=denied)) is not None
    ]
    return min(found, key=lambda f: f[:2])[2] if found else None


def _past_the_denied(after: _Treated, lo: int, hi: int) -> int | None:
    """Where a sentence text[lo:hi] after the cue's is read from: past the cues denied before its first
    one not denied ("...; not refractory to belimumab, but refractory to cyclophosphamide"), None where
    every one is ("Failure of rituximab. ...; not refractory to belimumab", "...; no prior treatment
    with belimumab"): those state that their therapy did not fail, or was not had, and name none of the
    requirement's, though their sentence stops or takes now nothing. Read as the requirement's, their
    therapy was held to have failed. A sentence with no cue is read whole ("...; or belimumab")."""
    denied = _earliest(after, _CUES, lo, hi, denied=False)
    if denied is None:
        return lo
    own = _earliest(after, _CUES, lo, hi)
    if own is None:
        return None
    return lo if own.start() <= denied.start() else own.start()


class Requirement(NamedTuple):
    """A prior-therapy requirement a criterion states: the words that state it, the therapies it names,
    where in the text each therapy starts (binding holds a record's therapies to the enumeration the
    requirement's first therapy opens), and where each word of a kind of treatment it names that no
    therapy's word reads (KINDS: "at least two standard therapies") starts and ends."""

    words: str
    therapies: tuple[str, ...]
    starts: tuple[int, ...] = ()
    kinds: tuple[tuple[int, int], ...] = ()


# Words of a kind of treatment that name no therapy THERAPIES reads: "at least two standard therapies",
# "conventional treatment", "a stable standard SLE regimen", "targeted agents", "an antimetabolite", "any
# of the following". A requirement may name only such a kind; the therapies a criterion names after it
# are its requirement's only as what the kind is spelled out or given examples by, or is a treatment with
# (binding reads which). Unread, "Refractory to at least two standard therapies, with prednisone at a
# stable dose" was read as a requirement of prednisone, the first therapy it names, and a record holding
# [prednisone] passed. A cue with a kind's words after it states a requirement, as one with a therapy's
# or a treatment's does (_Treated.treated_after): "Active disease despite an antimetabolite" stated none,
# and a record declaring the prior therapy silent passed (E523).
KINDS = lazy(
    r"(?i)\b(?:\w*therap(?:y|ies)|treatments?|regimens?|standard\s+of\s+care|SoC|the\s+following"
    r"|agents?|drugs?|medications?|medicines?|inhibitors?|blockers?|antagonists?|antimetabolites?"
    r"|immunosuppression)\b"
)


# A word in capitals inside a sentence (not its first: a stop, a colon or the text's start before it), where a
# proper name may start ("Active disease despite Benlysta", "refractory to Lupkynis")
_CAPITAL_INSIDE = lazy(r"(?<=[\w,;)\]%] )[A-Z](?=[a-z\u00df-\u00ff]{2})")


def named_treatments(text: str) -> list[tuple[int, int]]:
    """Where text names a treatment by a proper name of its own, a drug's brand no list holds ("Benlysta",
    "Saphnelo®"): a name inside its sentence (product_names.opens_with_a_name) that names no disease
    (prose.diseases: "Lupus nephritis"), as (start, end). What it names is read from the criterion's words: a
    therapy's cue before it ("despite", "refractory to") makes it a treatment had or failed."""
    out = []
    for found in _CAPITAL_INSIDE.finditer(text):
        name = product_names.opens_with_a_name(text[found.start() : found.start() + 120])
        if name is not None and not prose.diseases(name):
            out.append((found.start(), found.start() + len(name)))
    return out


def requirement(text: str, inclusion: bool) -> Requirement | None:
    """The prior-therapy requirement a criterion (its text with its nested items') states, else None."""
    after = _Treated(text)
    cues, denied = (_CUES, True) if inclusion else ((_NOT_TREATED,), False)
    cue = _earliest(after, cues, denied=denied)
    if cue is None or (
        inclusion and (kept_out.of_a_part(text, cue.start()) or kept_out.of_a_part_after(text, cue.end()))
    ):
        # (none, or a part of the trial's only: "Part B only: refractory to belimumab", "... (Part B only)")
        return None
    therapies: list[str] = []
    starts: list[int] = []
    kinds: list[tuple[int, int]] = []
    start = cue.start()
    let_in = after.let_in(cue.end())
    for lo, hi in _sentences(text, _concurrent_list(text, cue.end()), start):
        read_from = max(start, lo)
        if lo > start and inclusion and _KEPT_OUT.search(text, lo, hi):
            continue
        if lo > start and _NOT_PRIOR.search(text, lo, hi) and not after.lets_in_a_failure(lo, hi):
            own = _earliest(after, _FAILURES, lo, hi) if inclusion else None
            if own is None or after.in_a_permissions_condition(lo, hi, own.start()):
                continue
            read_from = own.start()
        elif lo > start and inclusion:
            past = _past_the_denied(after, lo, hi)
            if past is None:
                continue
            read_from = past
        named = list(THERAPIES.finditer(text, read_from, hi))
        found = [m for m in named if after.of_the_requirement(m, cue, let_in)]
        therapies += [m.group(0) for m in found]
        starts += [m.start() for m in found]
        # (a kind's words after the cue's, none of a therapy's: "biologic therapy", "calcineurin inhibitor")
        ends = [m.end() for m in named]
        kinds += [
            (m.start(), m.end())
            for m in KINDS.finditer(text, max(read_from, cue.end()), hi)
            if not _in_a_therapy(named, ends, m) and after.of_the_requirement(m, cue, let_in)
        ]
    return Requirement(cue.group(0), tuple(therapies), tuple(starts), tuple(kinds))


def _in_a_therapy(named: list[re.Match[str]], ends: list[int], kind: re.Match[str]) -> bool:
    """Whether the words of a kind stand inside one of the therapies named (in order, their ends given)."""
    i = bisect.bisect_left(ends, kind.end())
    return i < len(named) and named[i].start() <= kind.start()


def denied(text: str) -> bool:
    """Whether an inclusion criterion's words of a treatment had or failed are there, with a therapy
    after them, but every one is denied, so that it states no requirement (requirement() is None): "No
    prior treatment with belimumab or rituximab", "Must not have received rituximab", "Not refractory to
    mycophenolate", "Patients previously treated with belimumab are eligible". A criterion with no such
    words at all is not read (its treatment may be one THERAPIES does not name: "Active disease despite
    Benlysta"). Nor is one a part of the trial opens ("Part B only: refractory to belimumab"), which
    requirement() reads as none too (kept_out.of_a_part)."""
    return requirement(text, True) is None and _earliest(_Treated(text), _CUES, denied=False) is not None


# What "refractory" is said of, where it calls the disease refractory: the disease after it ("refractory
# systemic lupus erythematosus", "refractory or relapsing SLE", "refractory patients") or before it ("SLE
# that is refractory", "treatment-refractory"), or a treatment after its "to" ("refractory to
# cyclophosphamide"); not a finding or another disease ("refractory anemia", "refractory hypertension",
# "Hemoglobin refractory to transfusion")
_DISEASE_AFTER = lazy(
    r"(?i)(?:[\s,/-]+(?:or|and|relaps\w*|active|severe|moderate|to|chronic|persistent|systemic))*[\s,/-]+"
    r"(?:systemic\s+lupus|SLE|lupus|disease|LN|nephritis|patients?|subjects?|participants?|cases?)\b"
)
_DISEASE_BEFORE = lazy(
    r"(?i)\b(?:SLE|lupus|disease|nephritis|LN|treatments?|therap(?:y|ies)|drugs?|steroids?)[\s-]+"
    r"(?:(?:that|which|who|is|are|was|were|remains?|remained|considered|deemed|be|been)\s+){0,3}$"
)
_TO = lazy(r"(?i)\s*(?:to|of)\b")
# the characters before "refractory" what it is said of is read in, and after its "to" (in its clause)
_REFRACTORY_REACH = 60
_TO_REACH = 150


def refractory_disease(text: str, start: int, end: int) -> bool:
    """Whether the word of refractoriness at text[start:end] ("refractory", "not refractory") calls the
    disease refractory (to a treatment), not a finding or another disease."""
    if _DISEASE_AFTER.match(text, end) or _DISEASE_BEFORE.search(text, max(0, start - _REFRACTORY_REACH), start):
        return True
    to = _TO.match(text, end)
    if to is None:
        return False
    hi = min(len(text), to.end() + _TO_REACH)
    bound = stated_limits.CLAUSE_BOUNDS.search(text, to.end(), hi)
    hi = bound.start() if bound else hi
    return bool(THERAPIES.search(text, to.end(), hi) or _TREATED.search(text, to.end(), hi))


def _concurrent_list(text: str, after: int) -> str:
    """text up to the first list after `after` that a heading of medications taken now opens (_HEADING
    with words of _NOT_PRIOR: "Concurrent medications:"), all of it where none does."""
    for heading in _HEADING.finditer(text, after):
        if _NOT_PRIOR.search(heading.group(0)):
            return text[: heading.end()]
    return text


class _Treated:
    """Where a criterion's text names a therapy or a treatment, and where its clauses end
    (stated_limits.clause), each read once: a cue's clause is looked up, not searched again for each cue
    (a criterion of n words "failed" and no treatment would take n² steps)."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [(m.start(), m.end()) for pattern in (THERAPIES, _TREATED, KINDS) for m in pattern.finditer(text)]
        self.spans = sorted(spans + named_treatments(text))
        self.starts = [start for start, _ in self.spans]
        self.ends = [m.end() for m in stated_limits.CLAUSE_BOUNDS.finditer(text)] + [len(text)]

    # What a cue is read against, each found once a criterion, when a cue first asks (most criteria hold
    # none): the words of exception and of patients kept out (a cue's clause is looked up in them, not
    # searched again for each cue: a criterion of n cues and an exception or "are excluded" at its end
    # would take n² steps); and, for a treatment had before, the words that require it or let its
    # patients in: where each permission before a cue ends (-> where it starts), each permission after
    # one, its clause, and the least depth of parentheses of it and the permissions after it in its clause

    @cached_property
    def excepting(self) -> list[tuple[int, int]]:
        return [(e.start(), e.end()) for e in EXCEPTION.finditer(self.text)]

    @cached_property
    def kept_out(self) -> list[tuple[int, int]]:
        return [(k.start(), k.end()) for k in _KEPT_OUT.finditer(self.text)]

    @cached_property
    def stopping(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _STOPPING.finditer(self.text)]

    @cached_property
    def failing(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _A_FAILURE.finditer(self.text)]

    @cached_property
    def not_required(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _NOT_REQUIRED_HERE.finditer(self.text)]

    @cached_property
    def required(self) -> list[tuple[int, int]]:
        return [(r.start(), r.end()) for r in _REQUIRED.finditer(self.text)]

    @cached_property
    def permitted_before(self) -> dict[int, int]:
        return {m.end(): m.start() for m in _PERMITTED_BEFORE.finditer(self.text)}

    @cached_property
    def permitted(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _PERMITTED.finditer(self.text)]

    @cached_property
    def _permitted_clause(self) -> list[int]:
        return [bisect.bisect_left(self.ends, e) for _, e in self.permitted]

    @cached_property
    def sentence_ends(self) -> list[int]:
        return [m.end() for m in _SENTENCE_END.finditer(self.text)] + [len(self.text)]

    @cached_property
    def untreated(self) -> list[tuple[int, int]]:
        """Where the words of patients who lack a treatment stand before a permission in its sentence
        (-> where the permission starts)."""
        out: list[tuple[int, int]] = []
        for start, _ in self.permitted:
            sentence = bisect.bisect_right(self.sentence_ends, start)
            lo = max(start - _UNTREATED_REACH, self.sentence_ends[sentence - 1] if sentence else 0)
            lacking = _UNTREATED.search(self.text, lo, start)
            if lacking is not None:
                out.append((lacking.start(), start))
        return sorted(out)

    @cached_property
    def _permission_depths(self) -> list[int]:
        """The depth of each permission's words (_depths); one that is all its parenthesis holds
        ("Prior treatment with rituximab (allowed).") stands outside it: it permits the words before,
        where the parenthesis ends their clause, as a bare permission must ("allowed."): one the clause
        goes on past ("... mycophenolate or belimumab (allowed) is required") is of the words it follows."""
        out = []
        for start, end in self.permitted:
            depth = self._depths[start]
            opened = self.text.rfind("(", 0, start)
            if depth and not self.text[opened + 1 : start].strip() and _CLOSES_THE_CLAUSE.match(self.text, end):
                depth -= 1
            out.append(depth)
        return out

    @cached_property
    def _least_depth(self) -> list[int]:
        least = [0] * len(self.permitted)
        for i in range(len(self.permitted) - 1, -1, -1):
            depth = self._permission_depths[i]
            if i + 1 < len(self.permitted) and self._permitted_clause[i + 1] == self._permitted_clause[i]:
                depth = min(depth, least[i + 1])
            least[i] = depth
        return least

    @cached_property
    def exceptions(self) -> list[tuple[int, int]]:
        """Each exception, to the end of its clause or of the parenthesis it stands in ("Failure of two
        immunosuppressants (other than hydroxychloroquine) and cyclophosphamide"), or to a comma a cue
        of another kind follows (_exception_cut)."""
        return [
            (start, min(self.ends[bisect.bisect_left(self.ends, end)], _closing(self.text, end), cut))
            for (start, end), cut in zip(self.excepting, self._exception_cuts)
        ]

    @cached_property
    def _cue_marks(self) -> list[tuple[int, int]]:
        """Where each cue (_CUES) starts, and its kind: 0 a failure's, 1 a treatment had before's."""
        return sorted((m.start(), int(cue is RECEIVED)) for cue in _CUES for m in cue.finditer(self.text))

    @cached_property
    def _cuts(self) -> list[tuple[int, int]]:
        """Where each comma stands that a cue follows before a therapy, a treatment or another comma
        ("..., refractory to mycophenolate", ", disease remained active despite mycophenolate"), and
        that cue's kind; not one an "or" or "and" joins to what is before it ("..., or refractory to")."""
        commas = [m.start() for m in re.finditer(",", self.text)]
        out = []
        for i, at in enumerate(commas):
            k = bisect.bisect_left(self._cue_marks, (at, 0))
            if k == len(self._cue_marks) or _JOINED.match(self.text, at + 1):
                continue
            bound = min(
                _next(self.starts, at),
                commas[i + 1] if i + 1 < len(commas) else sys.maxsize,
                self.ends[bisect.bisect_left(self.ends, at)],
            )
            if self._cue_marks[k][0] < bound:
                out.append((at, self._cue_marks[k][1]))
        return out

    @cached_property
    def _exception_cuts(self) -> list[int]:
        """Where each exception (excepting) ends at a comma (sys.maxsize: at none): the first comma a cue
        follows (_cuts) where the exception holds no cue before it ("Except those treated with
        belimumab, disease remained active despite mycophenolate"), else the first a cue of another
        kind than the exception's own follows ("Excluding patients previously treated with rituximab,
        refractory to mycophenolate" requires mycophenolate); a cue of the same kind after a comma
        is another of its exceptions ("excluding those who have received rituximab, who have received
        belimumab"). Each comma's next of another kind read once (from the last back), not walked from
        each exception."""
        cuts = self._cuts
        other = [[len(cuts)] * (len(cuts) + 1) for _ in range(2)]
        for i in range(len(cuts) - 1, -1, -1):
            for kind in (0, 1):
                other[kind][i] = i if cuts[i][1] != kind else other[kind][i + 1]
        out = []
        for _, end in self.excepting:
            i = bisect.bisect_left(cuts, (end, 0))
            k = bisect.bisect_left(self._cue_marks, (end, 0))
            if i < len(cuts) and k < len(self._cue_marks) and self._cue_marks[k][0] < cuts[i][0]:
                i = other[self._cue_marks[k][1]][i]
            out.append(cuts[i][0] if i < len(cuts) else sys.maxsize)
        return out

    @cached_property
    def regardless(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _REGARDLESS.finditer(self.text)]

    @cached_property
    def other_subject(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _OTHER_SUBJECT.finditer(self.text)]

    @cached_property
    def _bounds(self) -> list[tuple[int, int]]:
        """Where each of a subject's bounds (_SUBJECT_BOUND) starts and ends, and each word that gives
        a permission another subject (_OTHER_SUBJECT: its subject starts with it)."""
        marks = [(m.start(), m.end()) for m in _SUBJECT_BOUND.finditer(self.text)]
        return sorted(marks + [(start, start) for start, _ in self.other_subject])

    @cached_property
    def _failures(self) -> list[int]:
        """Where each word of a failure (FAILED, STAYED_ACTIVE) starts."""
        return sorted(m.start() for cue in _FAILURES for m in cue.finditer(self.text))

    def _listed(self, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] is an item of a list of therapies: one or more, and only _LIST_WORDS besides."""
        if hi - lo > _LIST_ITEM_REACH:
            return False
        names = [(m.start(), m.end()) for m in THERAPIES.finditer(self.text, lo, hi)]
        rest = " ".join(self.text[a:b] for a, b in zip([lo] + [end for _, end in names], [s for s, _ in names] + [hi]))
        return bool(names) and all(w.lower() in _LIST_WORDS for w in _A_WORD.findall(rest))

    def _of_a_failure(self, lo: int, permission: re.Match[str]) -> bool:
        """Whether the permission from `lo` lets in a failure: words of one in its subject ("failure of
        cyclophosphamide is also acceptable"), or its condition ("belimumab is acceptable if they failed
        it"), as a permission of the patients a cue names is (_FAILURE_CONDITION)."""
        i = bisect.bisect_left(self._failures, lo)
        if i < len(self._failures) and self._failures[i] < permission.start():
            return True
        return bool(_FAILURE_CONDITION.match(self.text, _past_space(self.text, permission.end()))) and (
            self._others_failure(lo, permission) is None
        )

    def _others_failure(self, lo: int, permission: re.Match[str]) -> tuple[int, int] | None:
        """Where the condition right after the permission from `lo` stands (to its clause's end), where it is a
        failure of a therapy the permission's subject does not name ("belimumab is allowed if they failed
        steroids": _of_another); else None."""
        condition = _FAILURE_CONDITION.match(self.text, _past_space(self.text, permission.end()))
        if condition is None:
            return None
        end = self.ends[bisect.bisect_left(self.ends, condition.end())]
        return (condition.start(), end) if self._of_another(lo, permission.start(), condition.start(), end) else None

    def lets_in_a_failure(self, lo: int, hi: int) -> bool:
        """Whether the sentence text[lo:hi] holds no words of _NOT_PRIOR but a permission's
        (_PERMITTING), none negated, and lets in by them a failure: words of one, not denied, before
        the last ("failure of belimumab is also allowed", "patients refractory to belimumab are
        permitted"), or a condition of one after the first ("belimumab is allowed, provided they had an
        inadequate response", "... only if refractory", "may continue the study if refractory to
        belimumab"). A sentence of a washout, a stable dose or a medication taken now is none, whatever
        its condition, nor one that lets in on any other ("hydroxychloroquine is allowed if started 3
        months before") or keeps out ("belimumab is not permitted if refractory")."""
        words = list(_NOT_PRIOR.finditer(self.text, lo, hi))
        for word in words:
            if not _PERMITTING.fullmatch(word.group(0)):
                return False
            if _NEGATED.search(self.text, max(lo, word.start() - _NEGATION_REACH), word.start()):
                return False
        condition = _FAILURE_CONDITION.search(self.text, words[0].end(), hi)
        if condition is not None and not self._of_another(lo, words[0].start(), condition.start(), hi):
            return True
        last = words[-1].start()
        for cue in _FAILURES:
            for found in cue.finditer(self.text, lo, last):
                if not self._denied(found) and self.treated_after(found.end()):
                    return True
        return False

    def _of_another(self, lo: int, permission: int, condition: int, hi: int) -> bool:
        """Whether the condition of a failure text[condition:hi], after the permission at `permission` of
        the sentence from lo, names a therapy its subject (text[lo:permission]), a therapy let in, does not:
        "Belimumab is allowed if the patient did not respond to steroids" lets belimumab in on the failure
        of steroids, which is a condition of the permission, no failure it lets in ("belimumab is allowed,
        provided they had an inadequate response" is one, of belimumab; so is the failure a permission of
        patients lets in: "Patients may continue on study if refractory to belimumab")."""
        subject = {m.group(0).lower() for m in THERAPIES.finditer(self.text, lo, permission)}
        return bool(subject) and any(
            m.group(0).lower() not in subject for m in THERAPIES.finditer(self.text, condition, hi)
        )

    def in_a_permissions_condition(self, lo: int, hi: int, at: int) -> bool:
        """Whether the word of a failure at `at`, in the sentence text[lo:hi], stands in the condition of a
        permission before it that names a therapy the permission's subject does not ("Belimumab is allowed
        if the patient did not respond to steroids"): the failure is a condition of letting another therapy
        in, and the sentence requires neither (_of_another)."""
        for word in _PERMITTING.finditer(self.text, lo, at):
            condition = _FAILURE_CONDITION.search(self.text, word.end(), hi)
            if condition is not None and condition.start() <= at < condition.end():
                return self._of_another(lo, word.start(), condition.start(), hi)
        return False

    def let_in(self, after: int) -> list[tuple[int, int]]:
        """The words that a permission after `after` (a cue's end) lets in (_LETS_IN), each (start, end)."""
        out = []
        for permission in _LETS_IN.finditer(self.text, after):
            lo = self._subject(permission.start())
            if lo < after:
                continue
            if not (permission["letting"] and self._of_a_failure(lo, permission)):
                out.append((lo, permission.start()))
            # (and the condition of another therapy's failure it lets its subject in on: no requirement's)
            others = self._others_failure(lo, permission) if permission["letting"] else None
            if others is not None:
                out.append(others)
        for permission in _LETS_IN_WHAT_FOLLOWS.finditer(self.text, after):
            out.append((permission.end(), self._object_end(permission.end())))
        merged: list[tuple[int, int]] = []  # (none overlapping, for _held)
        for lo, hi in sorted(out):
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        return merged

    def _subject(self, at: int) -> int:
        """Where the subject of the permission at `at` starts (-1: nowhere after a bound)."""
        i = bisect.bisect_left(self._bounds, (at, at)) - 1
        # (past a parenthesis the permission is all of: "hydroxychloroquine (allowed)")
        while i >= 0 and self.text[self._bounds[i][0]] == "(" and _blank(self.text, self._bounds[i][1], at):
            i -= 1
        if i < 0:
            return -1
        lo = self._bounds[i][1]
        if not self._listed(lo, at):
            return lo
        for _ in range(_LIST_REACH):
            if i < 1 or self.text[self._bounds[i][0]] != "," or not self._listed(self._bounds[i - 1][1], lo):
                break
            i -= 1
            lo = self._bounds[i][1]
        return lo

    def _object_end(self, at: int) -> int:
        """Where the object of the permission ending at `at` ("may continue hydroxychloroquine") ends:
        at the clause's end, a parenthesis, or the next word of a failure, past the items of a list."""
        hi = min(self.ends[bisect.bisect_left(self.ends, at)], _next(self._failures, at))
        i = bisect.bisect_left(self._bounds, (at, at))
        for _ in range(_LIST_REACH + 1):
            if i == len(self._bounds) or self._bounds[i][0] >= hi:
                return hi
            start, end = self._bounds[i]
            nxt = self._bounds[i + 1][0] if i + 1 < len(self._bounds) else len(self.text)
            if self.text[start] != "," or not self._listed(end, min(nxt, hi)):
                return start
            i += 1
        return self._bounds[i][0] if i < len(self._bounds) else hi

    def first(
        self, cue: re.Pattern[str], lo: int = 0, hi: int = sys.maxsize, *, denied: bool = True
    ) -> re.Match[str] | None:
        """The first of the cue's words in text[lo:hi] with a therapy or a treatment after them in their
        clause (not "Hemoglobin refractory to transfusion"), and, where denied is read, not denied: no
        negation right before them ("No prior treatment with rituximab", "not refractory to"), no
        exception before them in their clause ("excluding those previously treated with"), no words
        keeping their patients out after them ("... are excluded"); else None."""
        for found in cue.finditer(self.text, lo, hi):
            if (not denied or not self._denied(found)) and self.treated_after(found.end()):
                return found
        return None

    def of_the_requirement(self, named: re.Match[str], cue: re.Match[str], let_in: list[tuple[int, int]]) -> bool:
        """Whether the therapy (or a kind's words) named after the cue is the requirement's: not in an
        exception, nor let in by a permission after the cue, nor of patients a later clause keeps out."""
        at = named.start()
        return not self.excepted(at) and not _held(let_in, at) and not self.kept_out_of(named, cue)

    def excepted(self, at: int) -> bool:
        """Whether the therapy at `at` stands in an exception (EXCEPTION): what a requirement leaves
        out, none of its therapies ("Failure of two immunosuppressants, excluding glucocorticoids")."""
        return _inside(self.exceptions, at) or _inside(self.regardless, at)

    def kept_out_of(self, therapy: re.Match[str], cue: re.Match[str]) -> bool:
        """Whether the therapy stands in a clause after the cue's that keeps out the patients it names
        ("Failure of rituximab; patients who failed belimumab are excluded"): those patients are kept
        out, and the therapy is none of the requirement's. (In the cue's own clause such words deny
        the cue: _denied.)"""
        clause = bisect.bisect_left(self.ends, therapy.end())
        return clause > bisect.bisect_left(self.ends, cue.end()) and _within(
            self.kept_out, therapy.end(), self.ends[clause]
        )

    def treated_after(self, at: int) -> bool:
        """Whether a therapy, a treatment or a kind of treatment stands after `at` in its clause."""
        end = self.ends[bisect.bisect_left(self.ends, at)]
        found = bisect.bisect_left(self.starts, at)
        return found < len(self.spans) and self.spans[found][1] <= end

    def _denied(self, found: re.Match[str]) -> bool:
        """Whether the cue's words are denied: negated, in an exception, of patients kept out, or, a
        treatment had before (RECEIVED), of patients let in (_PERMITTED) or of a washout (_STOPPING
        after it in its clause, no words of a failure: "must stop it 4 weeks prior")."""
        start = found.start()
        if _NEGATED.search(self.text, max(0, start - _NEGATION_REACH), start):
            return True
        before = bisect.bisect_right(self.ends, start)
        lo = self.ends[before - 1] if before else 0
        clause = bisect.bisect_left(self.ends, found.end())
        end = self.ends[clause]
        if self._excepted_cue(lo, start) or _within(self.kept_out, found.end(), end) or _inside(self.regardless, start):
            return True
        if _within(self.not_required, found.end(), end):
            return True
        if self._untreated_let_in(found.end()):
            return True
        if found.re.pattern != RECEIVED.pattern:  # (RECEIVED is lazy: found.re is what it compiled to)
            return False
        if (
            _within(self.stopping, found.end(), end)
            and not _within(self.failing, found.end(), end)
            and _OF_PATIENTS_BEFORE.search(self.text, lo, start)
            and not _within(self.required, lo, start)
        ):
            return True
        if self.permitted_before.get(start, -1) >= lo:
            permission = (start, start)
        else:
            after = self._permitted_after(found.end(), clause)
            if after is None or _within(self.other_subject, found.end(), after[0]):
                return False
            permission = after
        # words of a requirement before the permission ("Only patients previously treated ... are
        # eligible"), or its condition the treatment's failure ("... are eligible if they failed it"):
        # what lets the patients in is the treatment; words after it ("... are eligible only after a
        # washout", "... but must stop it") are of something else
        if _within(self.required, lo, end if permission[0] == start else permission[0]):
            return False
        return not _FAILURE_CONDITION.match(self.text, _past_space(self.text, permission[1]))

    def _excepted_cue(self, lo: int, start: int) -> bool:
        """Whether an exception stands before the cue at `start` in its clause (from `lo`), and reaches
        it: no comma that ends it between them (_exception_cuts: "Excluding patients previously treated with
        rituximab, refractory to mycophenolate" states a requirement of mycophenolate)."""
        i = bisect.bisect_left(self.excepting, (start, start)) - 1
        if i < 0 or self.excepting[i][0] < lo:
            return False
        return self._exception_cuts[i] >= start

    def _untreated_let_in(self, at: int) -> bool:
        """Whether a permission of patients who lack a treatment stands after `at` in the criterion
        ("Previously treated with rituximab (those not treated are also eligible)", "...; untreated
        patients are also eligible"): it lets in those the cue before it names no treatment of, and so
        requires none."""
        return bool(self.untreated) and self.untreated[-1][0] >= at

    def _permitted_after(self, at: int, clause: int) -> tuple[int, int] | None:
        """The permission (_PERMITTED) that stands after `at` in its clause, not in a parenthesis
        opened after `at`, else None: one in such a parenthesis lets in others than the cue names
        ("Previously treated with mycophenolate (those treated with belimumab are also eligible)")."""
        i = bisect.bisect_left(self.permitted, (at, at))
        if i == len(self.permitted) or self._permitted_clause[i] != clause:
            return None
        if self._least_depth[i] > self._depths[at]:
            return None
        # the first of them at the cue's depth, looked for among the next few only (each cue of a
        # criterion of n cues and n permissions in parentheses would walk them all: n² steps)
        for j in range(i, min(i + _PERMISSIONS_WALKED, len(self.permitted))):
            if self._permission_depths[j] <= self._depths[at]:
                return self.permitted[j]
        return self.permitted[i]

    @cached_property
    def _depths(self) -> list[int]:
        """The parentheses open before each place of the text (opened less closed), read once."""
        return list(itertools.accumulate((1 if c == "(" else -1 if c == ")" else 0 for c in self.text), initial=0))


def _past_space(text: str, at: int) -> int:
    """Where the words after `at` start, past white space and a comma."""
    return len(text) - len(text[at:].lstrip(" \t\n,")) if at < len(text) else at


def _next(starts: list[int], at: int) -> int:
    """The first of starts (in order) at or after `at`, or sys.maxsize."""
    i = bisect.bisect_left(starts, at)
    return starts[i] if i < len(starts) else sys.maxsize


def _blank(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] is white space only (and short: _BLANK_REACH)."""
    return hi - lo <= _BLANK_REACH and not text[lo:hi].strip()


def _held(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` stands in one of spans (in order, none overlapping), its start included."""
    i = bisect.bisect_right(spans, (at, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` stands inside one of spans (in order of their starts, none overlapping)."""
    i = bisect.bisect_right(spans, (at, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] < at < spans[i][1]


def _within(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Whether one of spans (in order, none overlapping) stands inside text[lo:hi]."""
    i = bisect.bisect_left(spans, (lo, lo))
    return i < len(spans) and spans[i][1] <= hi


def _closing(text: str, at: int) -> int:
    """Where the parenthesis open at `at` closes (the end of text where none is)."""
    opened = text.rfind("(", 0, at)
    closed = text.find(")", at)
    return closed if opened > text.rfind(")", 0, at) and closed >= 0 else len(text)


def _sentences(text: str, read: str, start: int) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of text, from the one holding start on, to the end of read
    (the part of text read)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(read)] + [len(read)]
    return [(lo, hi) for lo, hi in zip([0, *ends], ends) if hi > start]
