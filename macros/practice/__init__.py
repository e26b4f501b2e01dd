"""The practice export: a small HMIS CSV export for a fictional CoC, for hands-on exercises.

It is generated, never edited: the same seed gives the same files on every run, and the data-quality
problems that exercises ask learners to find are planted on purpose and listed in `planted`.
Column headers come from quizzes/reference/csv-columns.yml (FY2026 HMIS CSV Format
Specifications). Only the standard library and PyYAML are used, because macros/hooks.py imports
this package to add the files to the built site. One concern per module: model (the fictional
CoC), generator (households packed into beds), details (what each stay records), planting (the
planted problems), csv_writer, checks (the planted problems' checks), quality and validate (the
export against the specification and data quality rules), measures (exercise answers).
This file re-exports the names the rest of the site uses.
"""

from .checks import DATA_QUALITY_CHECKS, likely_duplicates, move_ins_before_start, nightly_people
from .csv_writer import files, load_columns, to_csv
from .generator import generate
from .measures import MEASURES, answer, homeless_nights_average
from .model import DOWNLOAD_DIR, FILE_CONTENTS, LAST_NAMES, OCCUPANCY_NIGHT, PERIOD_END, PERIOD_START, ZIP_NAME

__all__ = ["DATA_QUALITY_CHECKS", "DOWNLOAD_DIR", "FILE_CONTENTS", "LAST_NAMES", "MEASURES", "OCCUPANCY_NIGHT", "PERIOD_END",
           "PERIOD_START", "ZIP_NAME", "answer", "files", "generate", "homeless_nights_average",
           "likely_duplicates", "load_columns", "move_ins_before_start", "nightly_people", "to_csv"]
