"""The Qt-free core: domain models, storage, validation, audit and search."""
