"""PDF reports (reportlab) built from service data; Qt-free so the CLI and GUI share them."""
