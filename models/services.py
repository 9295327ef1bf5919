"""The front door: every service of the app, built from one sessionmaker and one clock.

The UI and the command line reach the models only through `Services`; it is also the one place
that wires features together (the kit recipes into the catalog seed, the hooks into alerts, the
demo parts in order).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from models.alerts.service import AlertService
from models.common.actor import Actor
from models.common.clock import Clock, HistoryClock
from models.common.maintenance import Maintenance
from models.common.settings import FIRST_RUN_DONE, SettingsService
from models.common.text_audit import TextAuditService
from models.distributions import demo as distribution_demo
from models.distributions.service import DistributionService
from models.kits import demo as kit_demo
from models.kits.seed import seed_recipes
from models.kits.service import KitService
from models.kits.vehicle_check_service import VehicleCheckService
from models.partners import demo as partner_demo
from models.partners.service import PartnerService
from models.recall.service import RecallService
from models.reorders import demo as reorder_demo
from models.reorders.service import ReorderService
from models.reports.service import ReportService
from models.stock import demo as stock_demo
from models.stock.catalog_service import CatalogService
from models.stock.count_service import CountService
from models.stock.seed import seed_catalog, seed_sources
from models.stock.service import StockService
from models.training import demo as training_demo
from models.training.people import PeopleService
from models.training.service import TrainingService

DEMO_HISTORY_DAYS = 400  # the demo's stock arrives this long before today


@dataclass
class Services:
    clock: Clock
    actor: Actor
    stock: StockService
    catalog: CatalogService
    settings: SettingsService
    kits: KitService
    recall: RecallService
    distributions: DistributionService
    training: TrainingService
    alerts: AlertService
    reorders: ReorderService
    reports: ReportService
    partners: PartnerService
    text_audit: TextAuditService
    counts: CountService  # counting a whole place (stocktake)
    people: PeopleService
    vehicle_checks: VehicleCheckService  # the crew's shift-start check of a vehicle's kits
    maintenance: Maintenance | None = None  # backup/restore/check, where the database allows
    sessions: sessionmaker[Session] | None = None  # to build the same services on another clock

    @property
    def user(self) -> str:
        """The name recorded with what this session writes."""
        return self.actor.name

    @classmethod
    def build(
        cls,
        sessions: sessionmaker[Session],
        clock: Clock,
        user: str | Actor,
        maintenance: Maintenance | None = None,
    ) -> Services:
        actor = shared_actor(sessions, user)
        training = TrainingService(sessions, clock, actor)
        actor.personnel = training.personnel_names  # personnel may be named in notes
        reorders = ReorderService(sessions, clock, actor)
        partners = PartnerService(sessions, clock, actor)
        counts = CountService(sessions, clock, actor)
        return cls(
            clock=clock,
            actor=actor,
            stock=StockService(sessions, clock, actor),
            catalog=CatalogService(sessions, actor, clock, extra_seeds=(seed_recipes,)),
            settings=SettingsService(sessions, actor),
            kits=KitService(sessions, clock, actor),
            recall=RecallService(sessions, clock, actor),
            distributions=DistributionService(sessions, clock, actor),
            training=training,
            alerts=AlertService(
                sessions, clock, actor, reorders=reorders, training=training, partners=partners
            ),
            reorders=reorders,
            reports=ReportService(sessions, clock, actor),
            people=PeopleService(sessions, actor),
            partners=partners,
            text_audit=TextAuditService(sessions, clock, actor),
            counts=counts,
            vehicle_checks=VehicleCheckService(sessions, clock, actor, counts),
            maintenance=maintenance,
            sessions=sessions,
        )


def shared_actor(sessions: sessionmaker[Session], user: str | Actor) -> Actor:
    """The one Actor of this session: the sessionmaker's own when it journals changes by it."""
    if isinstance(user, Actor):
        return user
    owned = getattr(sessions, "actor", None)
    if isinstance(owned, Actor):
        owned.name = user
        return owned
    return Actor(user)


def seed_defaults(s: Session) -> None:
    """The shipped catalog, standard kit recipes and source directory, in one session."""
    seed_catalog(s)
    seed_recipes(s)
    seed_sources(s)


def build_demo(services: Services) -> None:
    """Populate an empty database with the demo agency; refuses if stations already exist.

    Stock, kits and distributions are written day by day on a clock standing in the past, so
    the history is consistent in time: nothing is used before it was received or assembled.
    """
    history = HistoryClock(services.clock)
    past = services
    if services.sessions is not None:
        past = Services.build(services.sessions, history, services.user)
    present = history.present()
    history.travel_to(present - timedelta(days=DEMO_HISTORY_DAYS))
    stock_demo.add_demo(past, present)
    services.settings.set(FIRST_RUN_DONE, True)
    kit_demo.add_demo(past)
    distribution_demo.add_demo(past, present, history.travel_to)
    history.travel_to(None)
    for part in (training_demo, reorder_demo, partner_demo):
        part.add_demo(services)
