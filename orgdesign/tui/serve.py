"""The designer in a browser: textual-serve runs one designer process per tab (`orgdesign serve`)."""

from __future__ import annotations

import asyncio

from textual_serve.server import Server

from orgdesign.cli.common import EXIT_OK, EXIT_UNUSABLE
from orgdesign.text import printable, warn


def serve_designer(command: str, host: str, port: int, url: str) -> int:
    """Serve `command` (one designer per browser tab) at `host:port` until interrupted; exit status."""
    server = Server(command, host=host.strip("[]"), port=port, title="orgdesign", public_url=url)
    asyncio.set_event_loop(asyncio.new_event_loop())  # Server.serve takes the current loop, which must be open
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        warn(f"orgdesign: error: cannot listen on {printable(host)}:{port}: {printable(error.strerror or str(error))}")
        return EXIT_UNUSABLE
    return EXIT_OK
