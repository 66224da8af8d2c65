"""design stage of the pipeline."""
