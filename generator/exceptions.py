"""Every error a user can cause; the CLI turns these into one-line messages and exit code 1."""


class GeneratorError(Exception):
    """Base class of all errors progen reports to a user without a traceback."""


class SourceError(GeneratorError):
    """A source file (published text, DOCX) cannot be read or is not a professional standard."""


class ImportFormatError(SourceError):
    """The source was read, but its content does not follow the layout being imported."""


class StandardDataError(GeneratorError):
    """A standard data YAML file fails validation (every problem is listed)."""


class SpecError(GeneratorError):
    """A program spec or manifest is invalid."""


class PhrasingError(GeneratorError):
    """Phrasing data (lexicons, overrides) is invalid."""


class TemplateProblem(GeneratorError):
    """A template cannot be found, parsed or rendered, or the document made from it cannot be written."""


class BuildError(GeneratorError):
    """A batch build cannot start or a target failed."""


class ExportError(GeneratorError):
    """An export cannot be written."""


class WorkspaceDataError(GeneratorError):
    """A workspace's data files (design.yaml, phrasing/, templates/labels.yaml, templates/kinds.yaml) are
    invalid; every problem of every file is listed."""


class ActivityDataError(GeneratorError):
    """The activity library (built-in or a workspace's activities/*.yaml) fails validation."""
