"""eventcoder: code news articles into CAMEO events (strike, meeting, resolution, invitation)."""

__version__ = "0.1.0"
