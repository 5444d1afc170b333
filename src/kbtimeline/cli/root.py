"""The Typer app, the session every command shares, the one ``emit()`` and the one error report.

Expected failures are KbTimelineErrors raised by the core; ``report`` is the
one place that turns a failure into a line on stderr and an exit code, and
``_Group.invoke`` the one place that calls it for every command. Everything a
command prints goes through ``emit``.
"""

import atexit
import os
import sys
from collections.abc import Iterable
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup
from typer.main import get_command_name
from typer.models import CommandInfo

from kbtimeline import __version__, storage
from kbtimeline.errors import KbTimelineError, UsageError
from kbtimeline.output.render import Environment

EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130
# A reader that stops early (`| head`) got what it asked for: success, as ripgrep answers,
# so that `set -o pipefail` scripts do not fail on it.
EXIT_BROKEN_PIPE = 0
COLORS = ("auto", "always", "never")
# The options of kbtimeline itself, which may also come after the command (as gh's persistent
# flags do): name -> whether it takes a value.
GLOBAL_OPTIONS = {"--data": True, "--color": True, "--debug": False}
# The module of each command, in the order --help lists them: a run imports only the
# module of the command it invokes (a test checks the table against the modules).
COMMAND_MODULES = {
    "range": "querying", "search": "querying", "list": "querying", "show": "querying",
    "timeline": "pictures", "explore": "pictures", "histogram": "pictures", "stats": "pictures",
    "export": "pictures", "extract": "building", "index": "building",
}  # fmt: skip


def emit(text: str | Iterable[str], *, err: bool = False) -> None:
    """Write a command's output to stdout (``err``: a remark to stderr), all at once or piece by piece."""
    stream = sys.stderr if err else sys.stdout
    if isinstance(text, str):
        stream.write(text)
        return
    for piece in text:
        stream.write(piece)


def report(error: BaseException) -> int:
    """Say in one line what went wrong and pick the exit code: the only place that does."""
    if isinstance(error, BrokenPipeError):
        return EXIT_BROKEN_PIPE  # the reader stopped listening (`| head`); nothing to say
    if isinstance(error, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(error, KbTimelineError):
        message, code = str(error), EXIT_USAGE if isinstance(error, UsageError) else EXIT_ERROR
    else:
        message, code = f"internal error: {error!r} (run with --debug to see where)", EXIT_ERROR
    emit(f"kbtimeline: error: {message}\n", err=True)
    return code


def hoist_global_options(args: list[str], commands: Iterable[str]) -> list[str]:
    """``args`` with the global options found after the command moved before it.

    ``range 1991 --data x.json`` becomes ``--data x.json range 1991``, so one
    parser reads them wherever they are typed; anything after ``--`` stays.
    """
    at = _command_at(args)
    if at >= len(args) or args[at] not in set(commands):
        return args
    moved: list[str] = []
    kept: list[str] = []
    rest = iter(args[at + 1 :])
    for arg in rest:
        if arg == "--":
            kept += [arg, *rest]
            break
        name, equals, _ = arg.partition("=")
        if name not in GLOBAL_OPTIONS:
            kept.append(arg)
            continue
        moved.append(arg)
        if GLOBAL_OPTIONS[name] and not equals:
            value = next(rest, None)
            if value is None:
                raise typer.BadParameter("a value is needed after it", param_hint=name)
            moved.append(value)
    return [*args[:at], *moved, args[at], *kept]


class _Group(TyperGroup):
    """Runs a command and reports whatever it raises, unless --debug asks for the traceback."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        return super().parse_args(ctx, hoist_global_options(args, self.commands))

    # Click declares its own Context here, which typer.Context extends; Click
    # itself is not imported, as Typer may ship its own copy.
    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except (Exception, KeyboardInterrupt) as error:
            # Click's own usage errors carry an exit code and print themselves.
            debug = isinstance(ctx.obj, Session) and ctx.obj.debug
            if debug or hasattr(error, "exit_code"):
                raise
            raise typer.Exit(report(error)) from None


app = typer.Typer(
    cls=_Group,
    name="kbtimeline",
    rich_markup_mode=None,  # plain Click help: fast, and [brackets] in help text stay literal
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Session:
    """What every command shares: where output goes and where the events are."""

    def __init__(self, env: Environment, data: Path | None, debug: bool = False) -> None:
        self.env = env
        self.data = data
        self.debug = debug  # show the traceback of an error instead of one line

    @cached_property
    def events(self) -> storage.Events:
        return storage.open_events(storage.locate(self.data))

    @cached_property
    def aliases(self) -> dict[str, list[str]]:
        return self.events.aliases()


def _print_version(value: bool) -> None:
    if value:
        emit(f"kbtimeline {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            metavar="PATH",
            envvar="KBTIMELINE_DATA",
            help="Events file (JSON array, JSON lines or an index from kbtimeline index) or folder "
            "with events.json; default: the bundled timeline.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            metavar="WHEN",
            help="auto: colour at a terminal, unless NO_COLOR is set or TERM=dumb; always; never.",
        ),
    ] = "auto",
) -> None:
    """Every dated statement of a text, as a timeline you can query.

    \b
    Examples:
      kbtimeline range 1991 1994
      kbtimeline search Shusha --json
      kbtimeline list --granularity day -n 10
    """
    if color not in COLORS:
        raise typer.BadParameter(f"{color!r} is not one of {', '.join(COLORS)}", param_hint="--color")
    # Tests pass an Environment as obj to render the terminal form at a fixed width.
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.detect(sys.stdout)
    ctx.obj = Session(env.with_color(color), data, debug)


def registered() -> typer.Typer:
    """The app with every command registered, in the order ``--help`` lists them (``COMMAND_MODULES``)."""
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        import_module(f"{__package__}.{module}")
    order = list(COMMAND_MODULES)
    app.registered_commands.sort(key=lambda command: order.index(_name(command)))
    return app


def main() -> None:
    """Run the command line in ``sys.argv``; raises SystemExit with the exit code, as Click does."""
    _register_the_invoked_command(sys.argv[1:])
    try:
        app(prog_name="kbtimeline")
    finally:
        _flush_stdout()


def run() -> None:
    """The command line as a process of its own runs it (``kbtimeline.__main__``): ``main``, then
    exit without the interpreter's teardown once stdout and stderr are flushed.

    Freeing every module and object at exit costs a query about a tenth of its
    time, and ``extract`` (which loads far more) tens of milliseconds, and does
    nothing they need. What the interpreter's exit does besides, the exit
    hooks (``atexit``: log handlers flushed, worker processes reaped) are run
    first. A run that still has threads (a pool shut down without waiting, a
    Dask client), or whose exit code is not a number, exits the usual way.
    """
    try:
        main()
        code: str | int | None = 0
    except SystemExit as exit_:
        code = exit_.code
    threading = sys.modules.get("threading")
    if not isinstance(code, int) or (threading is not None and threading.active_count() > 1):
        sys.exit(code)
    try:
        atexit._run_exitfuncs()  # the hooks the interpreter would run; they print their own errors
        sys.stdout.flush()  # anything a hook wrote (a reader gone by now is no matter: the exit follows)
        sys.stderr.flush()
    finally:
        os._exit(code)


def _register_the_invoked_command(args: list[str]) -> None:
    """Import only the module of the command ``args`` invoke, and leave only that command registered.

    Typer turns every registered command into a Click command on each run,
    and importing the modules of all of them costs a query as much as the
    query itself. Without a known command name (``--help``, a typo) all are
    registered, for Click's help and its error message.
    """
    position = _command_at(args)
    name = args[position] if position < len(args) else None
    if name not in COMMAND_MODULES:
        registered()
        return
    import_module(f"{__package__}.{COMMAND_MODULES[name]}")
    app.registered_commands[:] = [command for command in app.registered_commands if _name(command) == name]


def _command_at(args: list[str]) -> int:
    """Where the command's name stands in ``args``: after the global options typed before it, and their values."""
    at = 0
    while at < len(args) and args[at].startswith("-"):
        at += 2 if GLOBAL_OPTIONS.get(args[at]) else 1
    return at


def _name(command: CommandInfo) -> str:
    """The name a registered command is invoked by, as Typer derives it."""
    return command.name or get_command_name(command.callback.__name__)  # type: ignore[union-attr]


def _flush_stdout() -> None:
    """Flush now, so that a reader who left early (`| head -1`) costs no "Exception ignored"."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout once more at exit; give that flush somewhere to go.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
