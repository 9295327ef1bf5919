"""Composition root of LBN Quartermaster: settings, database, logging, window."""
