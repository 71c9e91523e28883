"""Errors that stop a run before any work, each with a message a user can act on."""


class UsageError(Exception):
    """A bad setting, path or codebook: the run stops at once with this message and exit code 2."""


class CodebookError(UsageError):
    """A codebook failed validation; the message names the file, the entry and each problem."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"codebook {path} is invalid ({len(problems)} problem(s)):\n{lines}")


class ModelNotFoundError(UsageError):
    """No spaCy model could be loaded under any of the names tried."""
