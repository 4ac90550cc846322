"""Batch processing on Ray Data, with extracted items written as Parquet."""
