"""`orgdesign serve [FILE]`: the designer in a web browser, through textual-serve.

Each browser tab that connects runs its own designer process on the server, with the server's
permissions: whoever reaches the port can open, edit and save every file the server can
write. So the server listens on this machine only (127.0.0.1) unless asked otherwise, and a
host other people can reach needs `--public`, which says so out loud. A colleague on another
machine can still use a local-only server through an SSH tunnel.

Two tabs on the same file are two designers: the second to save is told the file changed
since it was opened (the designer's usual save check), so neither overwrites the other.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import sys

from orgdesign.cli.common import EXIT_UNUSABLE, fail
from orgdesign.text import printable, say, warn

LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def add_parser(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = subparsers.add_parser(
        name,
        help=help_text,
        description=f"{help_text}. Listens on this machine only unless --public is given.",
        epilog="From another machine, tunnel to a local-only server: ssh -L 8000:127.0.0.1:8000 SERVER",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="layout to open (default: the start screen)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=port_number, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--public",
        action="store_true",
        help="allow a host other machines can reach (anyone who reaches the port can edit files the server can write)",
    )


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return port


def run(args: argparse.Namespace) -> int:
    if args.file is not None and not os.path.isfile(args.file):
        fail(args.file, "no such layout file (serve opens an existing layout; create one with 'orgdesign new')")
        return EXIT_UNUSABLE
    local = is_local(args.host)
    if not local and not args.public:
        warn(
            f"orgdesign: error: refusing to serve on {printable(args.host)}, which other machines may reach: "
            "anyone who reaches the port could edit every file this server can write. "
            "Pass --public to do it anyway, or use an SSH tunnel to 127.0.0.1."
        )
        return EXIT_UNUSABLE
    url = f"http://{_in_url(args.host)}:{args.port}"
    if local:
        say(f"Serving the designer on {url} (this machine only; from elsewhere, tunnel with ssh -L).")
    else:
        warn(
            f"orgdesign: warning: serving on {printable(args.host)} (--public): anyone who reaches port {args.port} "
            "can open and edit every file this server can write."
        )
        say(f"Serving the designer on {url}")
    from orgdesign.tui.serve import serve_designer  # the UI layer (textual-serve) only when serving

    return serve_designer(designer_command(args.file), args.host, args.port, url)


def is_local(host: str) -> bool:
    """Whether `host` is a loopback address or a name for one (other names are not looked up)."""
    if host.lower().rstrip(".") in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def designer_command(file: str | None) -> str:
    """The shell command textual-serve starts for each browser tab: every part quoted."""
    command = [sys.executable, "-m", "orgdesign", "open"]
    if file is not None:
        command += ["--", os.path.abspath(file)]
    return shlex.join(command)


def _in_url(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
