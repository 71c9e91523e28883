"""Codebooks: the human-reviewed data that maps language to CAMEO codes, validated at load time."""

from pipeline.codebook.load import Codebook, load_codebook

__all__ = ["Codebook", "load_codebook"]
