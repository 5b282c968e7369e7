"""What a record's curation block says of its sources is what they are (E516), and a cited source read as none of
its text says so (E531): a source's kind is its document's layout's, a stub cites no source about this trial
while a draft or complete record cites one, a page about another trial names this one, and a complete record's
source entry gives the publisher and as-of label its document gives of itself.

The evidence stage runs check_curation once a record's sources are read (evidence.stages).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials import fields
from sle_trials.checks.documents import Sources, not_related
from sle_trials.checks.load import Record
from sle_trials.problem import Check, Problem
from sle_trials.reading import layouts

# The checks this module makes (sle_trials/checks/__init__.py builds the table of codes from them).
CHECKS = (
    Check(
        "E516",
        "curation-not-what-sources-are",
        "a source's kind that is not its document's (a kind that names a layout, REGISTRY_JSON, REGISTRY_COPY "
        "or TRIAL_FINDER_PAGE, given to a document that does not read as it), a stub citing this trial's own "
        "record, a draft or complete record citing only sources about other trials, a source about "
        "another trial that does not name this one, or a source's publisher or as-of label its document "
        "gives left out of a complete record",
    ),
    Check(
        "E531",
        "page-not-read",
        "a cited web page whose style or markup may hide what only a browser tells (a style sheet it does not "
        "hold, a selector or at-rule the check cannot bound, a style that may lay an element over others' text, "
        "move it off the screen or squeeze it out of its box, hide an ordered list's numbers or hide its body, "
        "a shadow root, a frameset, a page longer than the 2 MiB the check reads), or a cited source its reader opens "
        "otherwise than as "
        "the text the check reads (not UTF-8, a NUL byte, which git shows as binary, a page declaring another "
        "encoding, a web page under a name of text, a name such as .md, .pdf or "
        ".mhtml that opens as rendered or as no text): none of its text is read",
    ),
)


def check_curation(record: Record, sources: Sources) -> Iterator[Problem]:
    """What the curation block says of the sources is what they are: a source's kind is its layout's
    kind, a stub (only what another trial's source says of this one) cites no source about this trial,
    and a draft or complete record cites one, where its sources say whom they are about; a cited page
    whose style may hide what only a browser tells, or a source its reader opens otherwise than as
    text (reading/opening.py), is said to be read as none of its text (E531)."""
    by_file = {doc.file: doc for doc in sources.docs}
    unread: set[str] = set()
    complete = record.data["curation"]["status"] == "complete"
    for i, source in enumerate(record.data["curation"]["sources"]):
        doc = by_file.get(source["file"])
        if doc is not None and doc.unread is not None and doc.file not in unread:
            # none of the page's text is read (markup.read): said where it is first cited, so that a
            # quote of it not found (E501, E502) is not taken for a quote of the wrong words
            unread.add(doc.file)
            path = ("curation", "sources", i, "file")
            yield record.problem(path, "E531", f"{fields.dotted(path)}: {source['file']} is not read: {doc.unread}")
        if doc is not None and doc.kind is not None and source["kind"] != doc.kind:
            path = ("curation", "sources", i, "kind")
            yield record.problem(
                path,
                "E516",
                f"{fields.dotted(path)}: {source['file']} is {layouts.LAYOUT_WORDS.get(doc.layout, doc.layout)}: "
                f"its kind is {doc.kind}, not {source['kind']}",
            )
        elif doc is not None and doc.layout != layouts.KIND_LAYOUTS.get(source["kind"], doc.layout):
            path = ("curation", "sources", i, "kind")
            wanted = layouts.LAYOUT_WORDS.get(layouts.KIND_LAYOUTS[source["kind"]], source["kind"])
            yield record.problem(
                path,
                "E516",
                f"{fields.dotted(path)}: a {source['kind']} source is {wanted}, but {source['file']} "
                f"holds none for {sources.nct_id} (it reads as {layouts.LAYOUT_WORDS.get(doc.layout, doc.layout)})",
            )
        if doc is not None and doc.unread is None and not sources.about_other(doc) and complete:
            yield from _left_unsaid(record, i, source, doc)
        if doc is not None and sources.about_other(doc) and sources.nct_id not in doc.related:
            # a page about another trial that does not list this one says nothing of it: a citation of
            # it is wrong (IM19 citing Relma-cel's page too passed, trials.csv listed it as a source)
            path = ("curation", "sources", i, "file")
            yield record.problem(
                path,
                "E516",
                f"{fields.dotted(path)}: {source['file']} is about {doc.subject} and "
                f"{not_related(doc, sources.nct_id)}: it is no source of this trial",
            )
    if record.data["curation"]["status"] == "stub":
        own = [doc.file for doc in sources.docs if doc.subject == sources.nct_id]
        if own:
            yield record.problem(
                ("curation", "status"),
                "E516",
                f"curation.status: a stub holds what another trial's source says of "
                f"this one, but {own[0]} is about this trial: curate it (status draft or complete)",
            )
    elif sources.docs and all(doc.subject is not None and doc.subject != sources.nct_id for doc in sources.docs):
        # the other way round: a draft or complete record is curated from this trial's own source; one
        # citing only pages about other trials holds what they say of it, and its status would tell
        # trials.csv's readers that its curation from its own source has begun
        other = sources.docs[0]
        status = record.data["curation"]["status"]
        yield record.problem(
            ("curation", "status"),
            "E516",
            f"curation.status: a {status} record is curated from this trial's own source, but every source it "
            f"cites is about another trial ({other.file} is about {other.subject}): it is a stub",
        )


# What a source entry says of its document where the document says it: who published it, and the
# words it gives its as-of date
_SAID_OF_ITSELF = ("publisher", "as_of_label")


def _left_unsaid(record: Record, i: int, source: dict, doc: layouts.SourceDoc) -> Iterator[Problem]:
    """E516: the i-th source entry of a complete record lacking what its document's layout places and
    the document says of itself (ClinConnect's page names its site; a copy of a record labels its date
    "Last Updated"), where no other entry citing the same document gives it (a draft may lack it yet; a
    page about another trial is E516's above). An entry with neither passed: trials.csv named the
    page no one's, and its as-of date no one's words, while a wrong publisher or label was refused."""
    cited = [other for other in record.data["curation"]["sources"] if other.get("file") == source["file"]]
    if cited[0] is not source:
        return  # (the document cited twice: said of its first entry, given by either)
    for key in _SAID_OF_ITSELF:
        if all(key not in other for other in cited) and doc.places.get(f"curation.sources.{key}"):
            path = ("curation", "sources", i)
            what = "names who publishes it" if key == "publisher" else "labels its as-of date"
            yield record.problem(
                path,
                "E516",
                f"{fields.dotted(path)}: {source['file']} {what}, and the entry leaves out its {key}; "
                "give it as the source writes it",
            )
