"""The corpus store: DuckDB tables for analyses, idempotent ingest, queries and exports.

This package is the only place in tacitus with SQL. docs/store.md documents the schema
and every export format field by field.
"""

from tacitus.store.connect import lock_path, reader
from tacitus.store.export import FORMATS, GDELT_COLUMNS, ExportFormat, ExportResult, export, plover_record
from tacitus.store.ingest import IngestProgress, IngestResult, StoreWriter, ingest
from tacitus.store.query import Corpus, Period
from tacitus.store.rows import (
    ActorRow,
    ArticleRow,
    DyadRow,
    EventRow,
    Filters,
    IngestErrorRow,
    QuoteRow,
    TimelineRow,
    row_to_dict,
    row_to_flat,
)
from tacitus.store.schema import MIGRATIONS, SCHEMA_VERSION
from tacitus.store.write import analysis_rows, insert_rows, write_batch, write_rows

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "ActorRow",
    "ArticleRow",
    "Corpus",
    "DyadRow",
    "EventRow",
    "ExportFormat",
    "ExportResult",
    "Filters",
    "IngestErrorRow",
    "IngestProgress",
    "IngestResult",
    "Period",
    "QuoteRow",
    "StoreWriter",
    "TimelineRow",
    "analysis_rows",
    "export",
    "ingest",
    "insert_rows",
    "lock_path",
    "plover_record",
    "reader",
    "row_to_dict",
    "row_to_flat",
    "write_batch",
    "write_rows",
]
