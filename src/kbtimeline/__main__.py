"""``python -m kbtimeline``, and the ``kbtimeline`` console script (``run``)."""

import gc


def run() -> None:
    """Start the command line with the cyclic garbage collector kept out of start-up.

    Importing Typer, its Click and the CLI makes a great many objects that
    live as long as the process; the collector would walk them over and over
    while they are made, and at every collection after, to free nothing
    (about 5% of a query's cost). So it is paused while they are imported,
    and they are then frozen out of its walks. Only here, in a process of
    our own: a frozen object is invisible to ``gc.get_referrers``, which the
    code of a program that imports kbtimeline may rely on.
    """
    gc.disable()
    from kbtimeline.cli import run as run_cli

    gc.freeze()
    gc.enable()
    run_cli()


if __name__ == "__main__":
    run()
