"""The code the documentation shows its readers, kept here, in the tests, and run from here.

tests/test_consumers.py runs the loaders of docs/data.md ("Loading the data") and README.md ("Using the
data") so that neither shows code that does not work. It used to run them as the documents held
them: a pull request that changed only a document (which `trials diff` names as documentation, no
code, and a reviewer reads last) ran any Python, SQL or R it liked in CI's `make test`, before `trials
check`, and could rewrite the installed tool there (docs/trust-boundary.md). Now the code that runs
is this module's, and a test holds each document's block to be exactly it: a document that shows
other code fails, and making it pass changes this file, which the review names as the checker's.
"""

from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):
    """Where a document shows a snippet: the document, its section (## heading) and the block's language."""

    doc: str
    section: str
    language: str


DATA = ("docs/data.md", "Loading the data")
README = ("README.md", "Using the data")

SNIPPETS = {
    Place(*DATA, "python"): """\
import pandas as pd

trials = pd.read_csv(
    "trials.csv",
    dtype="string",  # text unless said otherwise: partial dates stay as written
    keep_default_na=False,  # only an empty cell is missing: "NA" is a phase (not applicable)
    na_values=[""],
).astype(
    {
        "enrollment": "Int64",
        "site_count": "Int64",
        "minimum_age_years": "Float64",
        "maximum_age_years": "Float64",
        "disease_activity_value": "Float64",
        "dose_low_value": "Float64",
        "dose_high_value": "Float64",
    }
)
for column in ("healthy_volunteers", "refractory"):  # booleans are written true or false
    trials[column] = trials[column].map({"true": True, "false": False}).astype("boolean")
phases = trials["phases"].str.split("|")  # list columns are joined by "|"
""",
    Place(*DATA, "sql"): """\
CREATE TABLE trials AS
SELECT * REPLACE (
    CAST(enrollment AS INTEGER) AS enrollment,
    CAST(minimum_age_years AS DOUBLE) AS minimum_age_years,
    CAST(maximum_age_years AS DOUBLE) AS maximum_age_years,
    CAST(site_count AS INTEGER) AS site_count,
    CAST(disease_activity_value AS DOUBLE) AS disease_activity_value,
    CAST(dose_low_value AS DOUBLE) AS dose_low_value,
    CAST(dose_high_value AS DOUBLE) AS dose_high_value,
    CAST(healthy_volunteers AS BOOLEAN) AS healthy_volunteers,
    CAST(refractory AS BOOLEAN) AS refractory
)
FROM read_csv('trials.csv', header = true, delim = ',', quote = '"', escape = '"', all_varchar = true);

SELECT nct_id, overall_status, enrollment, string_split(target_antigens, '|') AS target_antigens
FROM trials
WHERE curation_status = 'complete'
ORDER BY nct_id;
""",
    Place(*DATA, "r"): """\
trials <- read.csv("trials.csv", colClasses = "character", na.strings = "", fileEncoding = "UTF-8")
trials$enrollment <- as.integer(trials$enrollment)
trials$site_count <- as.integer(trials$site_count)
trials$minimum_age_years <- as.numeric(trials$minimum_age_years)
trials$maximum_age_years <- as.numeric(trials$maximum_age_years)
trials$disease_activity_value <- as.numeric(trials$disease_activity_value)
trials$dose_low_value <- as.numeric(trials$dose_low_value)
trials$dose_high_value <- as.numeric(trials$dose_high_value)
trials$healthy_volunteers <- as.logical(trials$healthy_volunteers)  # written true or false
trials$refractory <- as.logical(trials$refractory)
phases <- strsplit(trials$phases, "|", fixed = TRUE)  # list columns are joined by "|"
""",
    Place(*README, "python"): """\
import pandas as pd

trials = pd.read_csv("trials.csv", dtype="string", keep_default_na=False, na_values=[""])
cd19 = trials[trials["target_antigens"].fillna("").str.split("|").apply(lambda antigens: "CD19" in antigens)]
open_to_nephritis = cd19[cd19["lupus_nephritis"].isin(["REQUIRED", "ALLOWED", "SEVERE_EXCLUDED"])]
""",
    Place(*README, "sql"): """\
SELECT nct_id, brief_title, lupus_nephritis, classification_criteria
FROM read_csv('trials.csv', header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)
WHERE list_contains(string_split(target_antigens, '|'), 'CD19')
  AND lupus_nephritis IN ('REQUIRED', 'ALLOWED', 'SEVERE_EXCLUDED')
ORDER BY nct_id;
""",
    Place(*README, "r"): """\
trials <- read.csv("trials.csv", colClasses = "character", na.strings = "", fileEncoding = "UTF-8")
cd19 <- trials[sapply(strsplit(trials$target_antigens, "|", fixed = TRUE), function(antigens) "CD19" %in% antigens), ]
open_to_nephritis <- cd19[cd19$lupus_nephritis %in% c("REQUIRED", "ALLOWED", "SEVERE_EXCLUDED"), ]
""",
}
