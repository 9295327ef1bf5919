"""Imports every entity module so `Base.metadata` knows the whole schema."""

from models import distribution_entities, entities, kit_entities, training_entities
from models.base import Base

metadata = Base.metadata

__all__ = ["distribution_entities", "entities", "kit_entities", "metadata", "training_entities"]
