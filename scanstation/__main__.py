"""`python -m scanstation` behaves like the `scanstation` command."""

from scanstation.cli import program

program()
