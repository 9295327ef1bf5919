"""Imports every entity module so `Base.metadata` knows the whole schema."""

from models.alerts import entities as alert_entities
from models.common import entities as common_entities
from models.common.base import Base
from models.distributions import entities as distribution_entities
from models.kits import entities as kit_entities
from models.partners import entities as partner_entities
from models.reorders import entities as reorder_entities
from models.stock import entities
from models.training import entities as training_entities

metadata = Base.metadata

__all__ = [
    "alert_entities",
    "common_entities",
    "distribution_entities",
    "entities",
    "kit_entities",
    "metadata",
    "partner_entities",
    "reorder_entities",
    "training_entities",
]
