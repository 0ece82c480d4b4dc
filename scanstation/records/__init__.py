"""Directive Part 2: counter intake, the retained-originals binders, legal holds and the destruction of originals."""
