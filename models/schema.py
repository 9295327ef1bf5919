"""Imports every entity module so `Base.metadata` knows the whole schema."""

from models import (
    alert_entities,
    distribution_entities,
    entities,
    kit_entities,
    partner_entities,
    reorder_entities,
    training_entities,
)
from models.base import Base

metadata = Base.metadata

__all__ = [
    "alert_entities",
    "distribution_entities",
    "entities",
    "kit_entities",
    "metadata",
    "partner_entities",
    "reorder_entities",
    "training_entities",
]
