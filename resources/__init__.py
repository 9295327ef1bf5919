"""Data shipped with the app: default catalog, kit recipe, free-source directory, icons."""
