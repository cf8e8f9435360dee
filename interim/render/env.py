"""The Jinja environments: the folder's `templates/` first, the package's second, and
`default:NAME` always the package's, so a user template can extend the built-in one
(`{% extends "default:report.html.j2" %}`) — the datasette pattern (ChoiceLoader +
PrefixLoader, simonw/datasette `datasette/app.py`).

Every template runs in Jinja's ImmutableSandboxedEnvironment (a template in a shared folder
is code someone else may have written), with StrictUndefined (a misspelt name is an error,
not an empty string). The HTML environment autoescapes every template whatever its file name
(`select_autoescape` would not escape `report.html.j2`). The text environment (Markdown) has
autoescape off and instead runs every `{{ }}` value through Markdown escaping unless it is
already marked safe, so a title cannot turn into a link or raw HTML there either.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    PackageLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from interim.render.compiled import bytecode_cache
from interim.render.confine import USER_TEMPLATES, decode, read_template, shown
from interim.render.filters import HTML_FILTERS, TEXT_FILTERS
from interim.render.markdown import escape_md
from interim.render.problems import TemplateProblem

# Errors a template can raise while rendering (besides Jinja's own): `{{ 1/0 }}`, a bad
# filter argument, endless recursion in a macro. They are the template's problem, with its
# file and line; anything else is a bug in interim and is not caught here.
RENDER_ERRORS = (ArithmeticError, LookupError, TypeError, ValueError, RecursionError)


def package_loader() -> BaseLoader:
    return PackageLoader("interim", "templates")


class FolderLoader(BaseLoader):
    """The folder's templates/, read only from inside it (interim.render.confine): a
    symbolic link, special file or oversized file there is a TemplateProblem, not a file
    Jinja opens for us."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.served: set[str] = set()  # the folder's templates this environment loaded

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        parts = split_template_path(template)  # TemplateNotFound for "..": no way out
        data = read_template(self.root, parts)
        if data is None:
            raise TemplateNotFound(template)
        self.served.add(template)
        filename = str(self.root.joinpath(USER_TEMPLATES, *parts))
        return decode(data, shown(parts)), filename, lambda: True


def folder_loader(root: Path | None) -> BaseLoader:
    """`default:` names first (so no file in the folder can pose as a built-in), then the
    folder's templates/, then the package's."""
    loaders: list[BaseLoader] = [PrefixLoader({"default": package_loader()}, delimiter=":")]
    if root is not None:
        loaders.append(FolderLoader(root))
    loaders.append(package_loader())
    return ChoiceLoader(loaders)


def folder_templates_used(env: Environment) -> bool:
    """Whether anything this environment rendered came from the folder's templates/ (a
    template that extends, includes or imports one counts: Jinja loads each through the
    loader). Only the package's templates otherwise: interim's own code."""
    loader = env.loader
    found = loader.loaders if isinstance(loader, ChoiceLoader) else [loader]
    return any(isinstance(one, FolderLoader) and one.served for one in found)


_DICT_NAMES = frozenset(dir(dict))


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with `row.date` on the report's data (plain dicts) looked
    up as the key straight away. The sandbox tries the attribute first and, for a dict, that
    raises AttributeError on every key: most of a long report's rendering. The result is the
    same: a plain dict has no attribute but dict's own, which still go the sandbox's way."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except LookupError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def _md_finalize(value: Any) -> Any:
    """Markdown's autoescape: every printed value is escaped unless marked safe."""
    if isinstance(value, Markup):
        return str(value)
    return escape_md(str(value))


def make_env(
    root: Path | None, *, html: bool, user: bool = True, cache: bool = True
) -> ImmutableSandboxedEnvironment:
    """The environment for one output format. `user=False` sees only the package's
    templates (the safety banner is rendered from there, so no folder can replace it).
    `cache=False` (`--no-cache`) neither reads nor writes compiled templates."""
    env = _Sandbox(
        bytecode_cache=bytecode_cache("html" if html else "text") if cache else None,
        loader=folder_loader(root) if user else package_loader(),
        undefined=StrictUndefined,
        autoescape=html,
        finalize=None if html else _md_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(HTML_FILTERS if html else TEXT_FILTERS)
    return env


def render_template(
    env: ImmutableSandboxedEnvironment, name: str, context: dict[str, Any], root: Path | None
) -> str:
    """Render one template; every way it can fail becomes a TemplateProblem naming the
    template file and line."""
    try:
        return env.get_template(name).render(context)
    except TemplateSyntaxError as exc:
        where = _display(exc.filename, exc.name, root)
        raise TemplateProblem(exc.message or "syntax error", where, exc.lineno) from exc
    except TemplateNotFound as exc:
        message = f"no template named `{exc.name}` in {USER_TEMPLATES}/ or the built-in ones"
        raise TemplateProblem(message, name) from exc
    except (TemplateError, *RENDER_ERRORS) as exc:
        filename, line = _template_frame(exc.__traceback__)
        message = str(exc) or type(exc).__name__
        raise TemplateProblem(message, _display(filename, name, root), line) from exc


def _template_frame(tb: types.TracebackType | None) -> tuple[str | None, int]:
    """The innermost template frame of a rendering error. Jinja rewrites tracebacks so
    template frames carry the template's file name and line; Python frames end in `.py`."""
    found: tuple[str | None, int] = (None, 1)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<frozen"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _display(filename: str | None, name: str | None, root: Path | None) -> str:
    """Where a template lives, as a person would name it: `templates/report.html.j2` for the
    folder's own, `default:report.html.j2` for a built-in one."""
    if not filename or filename.startswith("<"):
        return name or "<template>"
    path = Path(filename).resolve()
    package = (Path(__file__).parent.parent / "templates").resolve()
    if root is not None and path.is_relative_to(root.resolve()):
        return path.relative_to(root.resolve()).as_posix()
    if path.is_relative_to(package):
        return "default:" + path.relative_to(package).as_posix()
    return name or path.name


def template_shown(env: ImmutableSandboxedEnvironment, name: str, root: Path | None) -> str:
    """How to name the template `name` resolves to in a message: `templates/report.html.j2`
    or `default:report.html.j2` (it has been rendered, so loading it again is a lookup)."""
    try:
        return _display(env.get_template(name).filename, name, root)
    except TemplateError:
        return name
