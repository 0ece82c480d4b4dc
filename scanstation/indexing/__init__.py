"""Barcodes, labels and stamps, the taxonomy and classification."""
