"""Repairs to the markup Material for MkDocs writes."""
