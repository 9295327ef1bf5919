"""All services of the app, built from one sessionmaker and one clock."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from models.alert_service import AlertService
from models.catalog_service import CatalogService
from models.clock import Clock
from models.distribution_service import DistributionService
from models.kit_service import KitService
from models.maintenance import Maintenance
from models.reorder_service import ReorderService
from models.report_service import ReportService
from models.settings_service import SettingsService
from models.stock_service import StockService
from models.training_service import TrainingService


@dataclass
class Services:
    clock: Clock
    user: str
    stock: StockService
    catalog: CatalogService
    settings: SettingsService
    kits: KitService
    distributions: DistributionService
    training: TrainingService
    alerts: AlertService
    reorders: ReorderService
    reports: ReportService
    maintenance: Maintenance | None = None  # backup/restore/check, where the database allows

    @classmethod
    def build(
        cls,
        sessions: sessionmaker[Session],
        clock: Clock,
        user: str,
        maintenance: Maintenance | None = None,
    ) -> Services:
        return cls(
            clock=clock,
            user=user,
            stock=StockService(sessions, clock),
            catalog=CatalogService(sessions),
            settings=SettingsService(sessions),
            kits=KitService(sessions, clock),
            distributions=DistributionService(sessions, clock),
            training=TrainingService(sessions, clock),
            alerts=AlertService(sessions, clock),
            reorders=ReorderService(sessions, clock),
            reports=ReportService(sessions, clock),
            maintenance=maintenance,
        )
