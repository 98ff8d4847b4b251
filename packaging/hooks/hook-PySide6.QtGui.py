"""QtGui's plugins for the bundle, less those that would drag in what the app never uses.

PyInstaller's own hook collects every plugin of the types QtGui can load, then follows
their libraries: the virtual keyboard brings Qt Quick and QML, the GTK 3 theme brings
the system's GTK stack (which must come from the officer's own desktop, not from the
build machine), and the embedded-device back ends (EGLFS, VNC, framebuffer) bring
libraries no laptop needs.  Those are left out here, before the dependency analysis;
tests/bundle checks the result.
"""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNWANTED_PLUGINS = (
    "qtvirtualkeyboardplugin",
    "qgtk3",
    "qeglfs",
    "qminimalegl",
    "qvnc",
    "qlinuxfb",
    "qvkkhrdisplay",
)
UNWANTED_PLUGIN_TYPES = ("egldeviceintegrations",)


def _wanted(source: str) -> bool:
    path = Path(source)
    name = path.stem.lower()
    if name.startswith("lib"):
        name = name[3:]
    return name not in UNWANTED_PLUGINS and path.parent.name not in UNWANTED_PLUGIN_TYPES


hiddenimports, _binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in _binaries if _wanted(source)]
