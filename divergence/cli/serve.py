"""`divergence serve`: the review page for a corpus, on this machine."""

from __future__ import annotations

import ipaddress
import signal
import threading

import click

from .app import (
    DB_OPTION,
    REVIEWER_OPTION,
    clean_errors,
    judge_for,
    judge_options,
    main,
    resolve_db_path,
)


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, callback=lambda c, p, v: _host(v),
              help="Address to listen on. Anything but a loopback address lets other machines "
                   "reach the page; a warning is printed.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on; 0 picks a free one.")
@REVIEWER_OPTION
@judge_options
@clean_errors
def serve(db: str | None, host: str, port: int, reviewer: str | None, nli: str | None,
          rules_only: bool) -> None:
    """Review the flagged conflicts of a corpus in the browser, side by side.

    Serves a page on http://127.0.0.1:8765/ listing the flagged conflicts, most confident
    first: one column per source, each claim highlighted in its article text, with the
    reasons. The buttons confirm, dismiss, agree and unrelated (with an optional note) store
    a verdict at once, exactly as `divergence review --decide` does; dismissed, agreed and
    unrelated groups move to "Reviewed". Serves until Ctrl-C.

    Only the page can write: it carries a token made fresh at every start, and requests from
    other web sites are refused. Nothing leaves this machine unless --host says so.

    \b
    Examples:
      divergence add seeds/ --db news.db && divergence serve --db news.db
      divergence serve --db news.db --port 0 --reviewer alice
      divergence serve --host 0.0.0.0     # reachable from the network: trusted networks only
    Also: GET /api/flagged gives the flagged groups as JSON. Exit codes: 0 stopped by Ctrl-C
    or SIGTERM (its normal end), 1 error, 2 usage.
    """
    from ..corpus.serve import make_server
    from ..corpus.store import Corpus
    from ..ingest.textsafe import inert

    path = resolve_db_path(db)
    with Corpus(path, create=False) as corpus:
        model = corpus.model or ""
    server = make_server(path, judge_for(model, nli, rules_only), host=host, port=port,
                         reviewer=reviewer)
    if not _is_loopback(host):
        click.echo(f"divergence: warning: listening on {inert(host)}, not only this machine; "
                   "anyone who can reach it can read the corpus", err=True)
    # SIGTERM is caught before the start line: a supervisor that stops the server as soon as
    # it reads that line must get the stop line and exit 0, not a silent 143
    main_thread = threading.current_thread() is threading.main_thread()  # signals go there
    previous = signal.signal(signal.SIGTERM, _stop) if main_thread else None  # docker stop
    try:
        click.echo(inert(f"divergence: reviewing {path} as {server.reviewer} at {server.url} ")
                   + "(Ctrl-C to stop)", err=True)
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("divergence: stopped; every verdict is stored", err=True)
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous or signal.SIG_DFL)
        server.server_close()


def _stop(signum: int, frame: object) -> None:
    """SIGTERM ends the server as Ctrl-C does: the stop line, exit 0."""
    raise KeyboardInterrupt


def _host(value: str) -> str:
    """The address to bind: "[::1]" as the printed URL writes it is ::1; an empty one (an unset
    variable) would listen on every address, so it is a usage error."""
    host = value.strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host:
        raise click.BadParameter("is empty (an unset variable?); give an address such as "
                                 "127.0.0.1, or 0.0.0.0 to listen on every one")
    return host


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
