"""The exercises' checks and hints, one module and one hint file per lesson."""
