#!/usr/bin/python3
"""A window to drag files from, for trying errlens's drag and drop under Xvfb as a person would.

    python3 scripts/person/drag_source.py X Y FILE...

Shows a small GTK window at (X, Y) that offers FILE... as a `text/uri-list` drag, the way a file
manager does. Drag from it with xdotool (mousemove onto it, mousedown 1, mousemove in steps onto
errlens, mouseup 1); see scripts/person/README.md. Needs python3-gi and gir1.2-gtk-3.0.
"""
import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402


def main() -> None:
    x, y, *files = sys.argv[1:]
    uris = [Path(file).resolve().as_uri() for file in files]
    window = Gtk.Window(title="drag source")
    window.set_default_size(200, 120)
    window.move(int(x), int(y))
    label = Gtk.EventBox()
    label.add(Gtk.Label(label="drag me:\n" + "\n".join(Path(f).name for f in files)))
    label.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
    label.drag_source_add_uri_targets()
    label.connect("drag-data-get", lambda _w, _ctx, data, _info, _time: data.set_uris(uris))
    label.connect("drag-end", lambda *_: print("drag ended", flush=True))
    window.add(label)
    window.connect("destroy", Gtk.main_quit)
    window.show_all()
    Gtk.main()


if __name__ == "__main__":
    main()
