"""JIPP Desktop: offline records for public-service innovation hubs (simpul inovasi)."""

__version__ = "0.1.0"
