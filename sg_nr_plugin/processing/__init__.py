"""Processing provider ``sgnr`` and its algorithms (thin wrappers over :mod:`sg_nr_plugin.core`)."""
