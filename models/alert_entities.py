"""Entities of the alert area (added by that area's work; imported by models.schema)."""

from __future__ import annotations
