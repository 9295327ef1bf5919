"""A TCP proxy on 127.0.0.1 that adds latency each way, counts round trips, and can be cut.

Stands between the app and a real PostgreSQL server in the network benchmark and in the
offline tests. Runs its asyncio loop in a background thread; knows bytes, not SQL.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field


@dataclass
class Traffic:
    round_trips: int = 0  # times a client spoke again after hearing from the server
    _client_turn: dict[int, bool] = field(default_factory=dict)

    def client_sent(self, connection: int) -> None:
        if self._client_turn.get(connection, True):
            self.round_trips += 1
        self._client_turn[connection] = False

    def server_sent(self, connection: int) -> None:
        self._client_turn[connection] = True


class LatencyProxy:
    """`with LatencyProxy(5432, delay_s=0.02) as proxy:` then connect to `proxy.port`."""

    def __init__(self, target_port: int, delay_s: float = 0.0, target_host: str = "127.0.0.1"):
        self.target = (target_host, target_port)
        self.delay_s = delay_s
        self.traffic = Traffic()
        self.port = 0
        self._cut = False
        self._loop = asyncio.new_event_loop()
        self._writers: set[asyncio.StreamWriter] = set()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="latency-proxy", daemon=True)

    def __enter__(self) -> LatencyProxy:
        self._thread.start()
        self._ready.wait(5)
        return self

    def __exit__(self, *_exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(5)
        self._thread.join(5)

    async def _stop(self) -> None:
        self._close_all()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        if others:  # aborted transports end every pipe by themselves
            await asyncio.wait(others, timeout=1)
        self._loop.call_soon(self._loop.stop)

    def cut(self) -> None:
        """The server is out of reach: drop every connection and refuse new ones."""
        self._cut = True
        self._loop.call_soon_threadsafe(self._close_all)

    def restore(self) -> None:
        self._cut = False

    def reset_counts(self) -> None:
        self.traffic.round_trips = 0

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        server.close()
        self._loop.close()

    def _close_all(self) -> None:
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        if self._cut:
            client_w.transport.abort()
            return
        try:
            server_r, server_w = await asyncio.open_connection(*self.target)
        except OSError:
            client_w.transport.abort()
            return
        self._writers.update((client_w, server_w))
        key = id(client_w)
        await asyncio.gather(
            self._pipe(client_r, server_w, lambda: self.traffic.client_sent(key)),
            self._pipe(server_r, client_w, lambda: self.traffic.server_sent(key)),
            return_exceptions=True,
        )
        for writer in (client_w, server_w):
            self._writers.discard(writer)
            writer.transport.abort()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, seen) -> None:
        # Delays are applied per chunk in order (a queue), like a long wire: later bytes never
        # overtake earlier ones, and throughput is not limited by the latency.
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
        sender = asyncio.ensure_future(self._send_later(queue, writer))
        try:
            while data := await reader.read(65536):
                seen()
                await queue.put((self._loop.time() + self.delay_s, data))
        finally:
            await queue.put((0.0, b""))
            await sender

    async def _send_later(
        self, queue: asyncio.Queue[tuple[float, bytes]], writer: asyncio.StreamWriter
    ) -> None:
        while True:
            due, data = await queue.get()
            if not data:
                writer.transport.abort()
                return
            wait = due - self._loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
