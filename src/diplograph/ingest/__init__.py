"""Reading news into documents: readers per format, cleaning with offsets, language, duplicates."""

from diplograph.ingest.errors import IngestError
from diplograph.ingest.readers import read_file, read_paths

__all__ = ["IngestError", "read_file", "read_paths"]
