"""Scanners, file import, the page store and image quality check."""
