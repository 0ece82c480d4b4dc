"""Reports a unit head asks for (issue 12): service time, production, backlog and quality.

Every figure is aggregated in SQL (grouping and window functions), never by loading rows into Python; the few
result rows are then shaped into a `Report` that the CLI prints as JSON, and that `pdf_export`, `xlsx_export` and the
window's reports screen draw. Dialect differences (minutes between two moments, the Tehran calendar day, JSON) are
written once, in `dialect.py`.
"""
