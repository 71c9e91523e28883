"""`python -m pipeline` is the same as the `eventcoder` command."""

from pipeline.cli import main

main()
