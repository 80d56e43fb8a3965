"""One exception tree for the library. Only the CLI turns these into messages and exit codes.

Each error has a short code (``E1xx`` input, ``E2xx`` store, ``E3xx`` model, ``E4xx`` config,
``E5xx`` engine) and, where it helps, a hint. ``str(err)`` is one line meant for a user.
"""

from __future__ import annotations


class CorroboratorError(Exception):
    """Base of every error the library raises on purpose."""

    code = "E000"
    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # an error travels whole between processes (an analysis worker sends its failures back)
        return (_rebuild, (type(self), self.__dict__))


class InputError(CorroboratorError):
    """An input file or record that cannot become an article. The batch goes on without it."""

    code = "E100"

    def __init__(self, path: str, problem: str, *, hint: str | None = None) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}", hint=hint)


class MissingInput(InputError):
    """The path does not exist."""

    code = "E101"


class UnreadableInput(InputError):
    """The path exists but cannot be read (permissions, a device, a broken link)."""

    code = "E102"


class BinaryInput(InputError):
    """The file is not text (an image, an archive, random bytes)."""

    code = "E103"


class UndecodableInput(InputError):
    """The bytes look like text but no supported encoding decodes them cleanly."""

    code = "E104"


class EmptyInput(InputError):
    """The file or record holds no article text."""

    code = "E105"


class TooLargeInput(InputError):
    """The file or article exceeds the configured size limit."""

    code = "E106"


class MalformedInput(InputError):
    """Broken JSON/JSONL/HTML structure, or a record without the fields an article needs."""

    code = "E107"


class AnalysisFailed(InputError):
    """The analysis could not process an article (a pathological text, or a bug): that article
    is left out, the file is reported, and the batch goes on."""

    code = "E108"


class OverTimeBudget(AnalysisFailed):
    """The analysis of an article ran past its time budget (``max_article_seconds``): that
    article is refused, the batch goes on, and the file is tried again by the next build."""

    code = "E109"


class StoreError(CorroboratorError):
    """The store cannot be opened, migrated or written."""

    code = "E200"


class ModelError(CorroboratorError):
    """A language model is not installed or cannot be loaded."""

    code = "E300"


class ConfigError(CorroboratorError):
    """A configuration file or value is invalid."""

    code = "E400"


class EngineError(CorroboratorError):
    """The engine that runs the analysis cannot start (an unknown engine, an unreachable
    Dask scheduler, dask.distributed missing)."""

    code = "E500"


def _rebuild(kind: type[CorroboratorError], state: dict[str, object]) -> CorroboratorError:
    err = kind.__new__(kind)
    Exception.__init__(err, state.get("message"))
    err.__dict__.update(state)
    return err


def first_line(exc: BaseException, limit: int = 160) -> str:
    """An exception's message as one line of readable length, for a user's error line."""
    text = str(exc).strip().split("\n", 1)[0]
    return text if len(text) <= limit else text[: limit - 3] + "..."
