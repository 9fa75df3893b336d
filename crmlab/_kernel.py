"""A kernel manager for headless runs that never misses a kernel message.

nbclient waits for a cell's reply with one long poll on the shell socket
(``get_msg(timeout=<execution timeout>)``). Under load, a cell that creates
ipywidgets sometimes has its reply sit unnoticed on the socket until that
poll times out (seen here: a widget cell "taking" exactly the 300 s time
limit; upstream: jupyter/nbclient#312, open). Polling in short slices checks
the socket again every ``POLL_SLICE`` seconds, so a missed wake-up costs at
most that long. Used by every papermill run of the kit (crmlab.runner, tests).
"""

from __future__ import annotations

import time
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, Type

POLL_SLICE = 0.25  # seconds


class SlicedPollChannel(AsyncZMQSocketChannel):
    """``get_msg`` that polls in slices of ``POLL_SLICE`` up to the caller's timeout (None: forever)."""

    async def get_msg(self, timeout: float | None = None):  # type: ignore[override]
        assert self.socket is not None
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            step = POLL_SLICE if deadline is None else max(0.0, min(POLL_SLICE, deadline - time.monotonic()))
            if await self.socket.poll(int(step * 1000)):
                return await self._recv()
            if deadline is not None and time.monotonic() >= deadline:
                raise Empty


class SlicedPollKernelClient(AsyncKernelClient):
    shell_channel_class = Type(SlicedPollChannel)  # type: ignore[assignment]
    iopub_channel_class = Type(SlicedPollChannel)  # type: ignore[assignment]


class SlicedPollKernelManager(AsyncKernelManager):
    # AsyncKernelManager fixes client_factory itself, so both traits are set here
    client_class = DottedObjectName("crmlab._kernel.SlicedPollKernelClient")
    client_factory = Type(SlicedPollKernelClient, klass=AsyncKernelClient)  # type: ignore[assignment]


# keyword arguments for papermill.execute_notebook (passed on to nbclient)
PAPERMILL_KW = {"kernel_manager_class": SlicedPollKernelManager}
