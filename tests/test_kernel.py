"""crmlab._kernel: the sliced poll that keeps a missed kernel wake-up from stalling a headless run."""

import asyncio
import time
from queue import Empty

import pytest

from crmlab import _kernel


class FakeSocket:
    """poll() reports nothing for the first ``quiet`` calls (a missed wake-up), then a message."""

    def __init__(self, quiet):
        self.quiet, self.calls = quiet, []

    async def poll(self, timeout_ms):
        self.calls.append(timeout_ms)
        await asyncio.sleep(0)
        return 1 if len(self.calls) > self.quiet else 0


def channel(socket):
    ch = _kernel.SlicedPollChannel.__new__(_kernel.SlicedPollChannel)
    ch.socket = socket

    async def recv():
        return {"msg": "reply"}
    ch._recv = recv
    return ch


def test_polls_in_slices_until_the_message_is_seen():
    sock = FakeSocket(quiet=3)
    assert asyncio.run(channel(sock).get_msg(timeout=300)) == {"msg": "reply"}
    # one long poll of 300 s would have been a single call; the slices ask again and again
    assert sock.calls == [int(_kernel.POLL_SLICE * 1000)] * 4


def test_timeout_still_raises_empty(monkeypatch):
    monkeypatch.setattr(_kernel, "POLL_SLICE", 0.01)
    sock = FakeSocket(quiet=10**9)
    start = time.monotonic()
    with pytest.raises(Empty):
        asyncio.run(channel(sock).get_msg(timeout=0.05))
    assert time.monotonic() - start < 5 and len(sock.calls) >= 1


def test_papermill_uses_the_sliced_client():
    km = _kernel.PAPERMILL_KW["kernel_manager_class"](kernel_name="python3")
    kc = km.client()
    assert isinstance(kc.shell_channel, _kernel.SlicedPollChannel)
    assert isinstance(kc.iopub_channel, _kernel.SlicedPollChannel)
