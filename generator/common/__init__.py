"""Utilities every stage shares: typed YAML for reviewed data (``yaml_io``) and atomic writes (``files``)."""
