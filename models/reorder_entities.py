"""Entities of the reorder area (added by that area's work; imported by models.schema)."""

from __future__ import annotations
