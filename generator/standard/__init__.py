"""standard stage of the pipeline."""
