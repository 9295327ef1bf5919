"""Everything Qt: main window, screens, dialogs, item models, background tasks, printing."""
