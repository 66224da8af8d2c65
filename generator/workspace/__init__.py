"""The workspace: one object holding everything a program is made with, read once.

A workspace is a folder like this repository — ``programs.yaml``, ``standard_data/``, ``design.yaml``,
``phrasing/``, ``templates/``, ``activities/``, ``feedback.yaml``, ``organisation.yaml``, ``literature.yaml``
— whose files change progen's built-in data. :meth:`Workspace.load` reads
all of it through one layered loader (:mod:`generator.workspace.layers`: built-in data, then the
workspace's file of the same kind; every problem of every file reported at once with file:line:key) and
returns a frozen object that every stage takes instead of a path. It also answers which files a document
kind depends on (:meth:`Workspace.dependencies`), for the build's hashes. ::

    from generator.workspace import Workspace
    ws = Workspace.load("path/to/workspace")    # or Workspace.builtin(): the built-in data alone
    ws.design["hours"]["default_total"], ws.labels(code)["passport"], ws.phraser(code), ws.kinds["outline"]
    ws.texts(code)["feedback"], ws.activities.select("practice", …), ws.literature
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Union

from generator.exceptions import GeneratorError, TemplateProblem, WorkspaceDataError
from generator.languages import LanguageError, LanguagePack
from generator.workspace.design_data import activity_files, literature_file, load_texts, text_sources
from generator.workspace.kinds import DocumentKind, builtin_kinds_path, read_kinds
from generator.workspace.layers import Layer, apply_layer, merge_layer, read_layer

STANDARD_DIR = "standard_data"
TEMPLATES_DIR = "templates"
DESIGN_FILE = "design.yaml"
PHRASING_DIR = "phrasing"
OVERRIDES_FILE = "overrides.yaml"
LABELS_FILE = "labels.yaml"
KINDS_FILE = "kinds.yaml"
INTERFACE_DATA = "web"  # a language pack's web.yaml: the texts of `progen serve`'s pages

DESIGN = Layer("design rules")
LABELS = Layer("labels", text_values=True)


def builtin_templates_dir() -> Path:
    """The folder of the Word templates shipped in the package."""
    return Path(str(resources.files("generator.render").joinpath("builtin_templates")))


def builtin_design_path() -> Path:
    return Path(str(resources.files("generator.design").joinpath("data/design.yaml")))


@dataclass(frozen=True)
class Workspace:
    """Everything a program is made with. Build it with :meth:`load`, :meth:`builtin` or :meth:`of`."""

    root: Optional[Path]  # None: no workspace folder, the built-in data alone
    manifest: Any  # generator.workspace.manifest.Manifest (programs.yaml)
    languages: dict[str, LanguagePack]
    design: dict  # design rules: general keys, and each language's wording under its code
    lexicons: dict[str, dict]  # phrasing data by language
    overrides: dict[str, str]  # item id → hand-written outcome (phrasing/overrides.yaml)
    label_sets: dict[str, dict]  # headings and labels by language
    kinds: dict[str, DocumentKind]
    files: dict[str, tuple[Path, ...]]  # data group → the files it was read from
    text_sets: dict[str, dict] = field(default_factory=dict)  # program texts by language (feedback, organisation)
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def __repr__(self) -> str:
        return f"Workspace({str(self.root) if self.root else 'built-in data'})"

    # -- making one ----------------------------------------------------------------------------------
    @classmethod
    def load(cls, root: Union[str, Path], languages: Optional[dict[str, LanguagePack]] = None) -> "Workspace":
        """Read the workspace at ``root`` (a folder; its data files are all optional)."""
        root = Path(root).resolve()
        if root.exists() and not root.is_dir():
            raise WorkspaceDataError(f"{root}: is a file, not a workspace folder")
        return _load(root, languages)

    @classmethod
    def builtin(cls) -> "Workspace":
        """The built-in data alone (no folder): read once per process and shared."""
        cached = _BUILTIN.get("workspace")
        if cached is None or cached.languages.keys() != _language_packs().keys():
            cached = _BUILTIN["workspace"] = _load(None, None)
        return cached

    @classmethod
    def of(cls, value: Union["Workspace", str, Path, None]) -> "Workspace":
        """A workspace from what a library caller gave: a Workspace, a folder, or None (built-in data)."""
        if isinstance(value, Workspace):
            return value
        return cls.builtin() if value is None else cls.load(value)

    # -- what the stages ask ---------------------------------------------------------------------------
    def language(self, code: str) -> LanguagePack:
        if code not in self.languages:
            raise LanguageError(f"unknown language '{code}'; languages: {', '.join(self.languages)}")
        return self.languages[code]

    def labels(self, lang: str) -> dict:
        """The headings and labels of ``lang`` (built-in, changed by ``templates/labels.yaml``)."""
        self.language(lang)
        return self.label_sets[lang]

    def texts(self, lang: str) -> dict:
        """The program texts of ``lang``: ``{"feedback": {...}, "organisation": {...}}`` (see design_data)."""
        self.language(lang)
        return self.text_sets[lang]

    @property
    def activities(self):
        """The activity library (built-in + ``activities/*.yaml``), read on first use."""
        if "activities" not in self._cache:
            from generator.design.activities import load_library

            self._cache["activities"] = load_library(self.root, self.languages)
        return self._cache["activities"]

    @property
    def literature(self) -> list:
        """The curated methodological literature (built-in, or the workspace's ``literature.yaml``)."""
        if "literature" not in self._cache:
            from generator.design.literature import load_literature

            self._cache["literature"] = load_literature(self.root, self.languages)
        return self._cache["literature"]

    def phraser(self, lang: str):
        """The phraser of ``lang`` with this workspace's data (made once per workspace object)."""
        key = ("phraser", lang)
        if key not in self._cache:
            from generator.language import Phraser

            self._cache[key] = Phraser(self.language(lang), self.lexicons[lang], self.overrides,
                                       self.files[f"phrasing:{lang}"])
        return self._cache[key]

    def interface_labels(self, lang: str) -> dict[str, str]:
        """The texts of the pages of ``progen serve`` in ``lang`` (the pack's ``web.yaml``; {} without one)."""
        path = self.language(lang).data_file(INTERFACE_DATA)
        return dict(_builtin_yaml(path)) if path.is_file() else {}

    def interface_languages(self) -> tuple[str, ...]:
        """Codes of the languages whose pack has the pages' texts: the choices of the interface language."""
        return tuple(code for code, pack in self.languages.items() if pack.data_file(INTERFACE_DATA).is_file())

    def kind(self, name: str) -> DocumentKind:
        if name not in self.kinds:
            raise TemplateProblem(f"unknown document kind '{name}'; valid kinds: {', '.join(self.kinds)}")
        return self.kinds[name]

    def default_kinds(self) -> tuple[str, ...]:
        return tuple(name for name, kind in self.kinds.items() if kind.default)

    def template_dirs(self) -> list[Path]:
        """Template folders in search order: the workspace's ``templates/``, then the built-ins."""
        dirs = [self.root / TEMPLATES_DIR] if self.root is not None else []
        return dirs + [builtin_templates_dir()]

    def find_template(self, kind: str, lang: str) -> Path:
        """The template a render of ``kind`` in ``lang`` uses; first match wins."""
        names = self.kind(kind).template_candidates(lang)
        for folder in self.template_dirs():
            for name in names:
                if (folder / name).is_file():
                    return folder / name
        searched = "; ".join(str(folder) for folder in self.template_dirs())
        raise TemplateProblem(f"no template {' or '.join(names)} for '{kind}' ({lang}); searched: {searched}")

    def standard_files(self) -> list[Path]:
        """The standard data files of the workspace (``standard_data/*.yaml``), not read."""
        if self.root is None:
            return []
        folder = self.root / STANDARD_DIR
        return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))

    def dependencies(self, kind: str, lang: str) -> dict[str, list[Path]]:
        """Every file a document of ``kind`` in ``lang`` is made from, by group (for the build's hashes)."""
        document = self.kind(kind)
        templates = [self.find_template(kind, lang)] if document.template else []
        groups = [f"texts:{lang}" if group == "texts" else group for group in document.design]
        return {
            "templates": templates + list(self.files[f"labels:{lang}"]) + list(self.files["kinds"]),
            "design": [path for group in groups for path in self.files[group]],
            "phrasing": list(self.files[f"phrasing:{lang}"]),
        }

    # -- pickling (build workers get the object once): caches stay behind ------------------------------
    def __getstate__(self) -> dict:
        state = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "_cache"}
        return state

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_cache", {})


_BUILTIN: dict[str, Workspace] = {}


def _language_packs() -> dict[str, LanguagePack]:
    from generator import languages

    return languages.packs()


def _builtin_yaml(path: Path) -> dict:
    """A built-in data file (shipped with progen: read once per process)."""
    key = ("yaml", str(path))
    if key not in _BUILTIN:
        from generator.common.bounded_yaml import load_plain_file

        _BUILTIN[key] = load_plain_file(Path(path), "built-in data", WorkspaceDataError) or {}  # type: ignore[assignment]
    return _BUILTIN[key]  # type: ignore[return-value]


def _load(root: Optional[Path], languages: Optional[dict[str, LanguagePack]]) -> Workspace:
    from generator.workspace.manifest import Manifest, load_manifest

    packs = dict(languages) if languages is not None else _language_packs()
    errors: list[str] = []
    files: dict[str, tuple[Path, ...]] = {}
    kinds = _kinds(root, errors, files)
    design = _design(root, packs, errors, files)
    manifest = load_manifest(root, packs, kinds, design.get("limits")) if root is not None else Manifest()
    lexicons = {code: _lexicon(root, pack, errors, files) for code, pack in packs.items()}
    overrides = _overrides(root, errors, files)
    for code in packs:
        files[f"phrasing:{code}"] += files["overrides"]
    label_sets = _labels(root, packs, errors, files)
    text_sets = load_texts(root, packs, design, errors, files, _builtin_yaml)
    files["activities"] = activity_files(root)
    files["literature"] = (literature_file(root),)
    if errors:
        count = len(errors)
        raise WorkspaceDataError("\n".join([f"{root}: {count} problem{'s' if count > 1 else ''} in the workspace's data",
                                            *errors]) if count > 1 else errors[0])
    return Workspace(root=root, manifest=manifest, languages=packs, design=design, lexicons=lexicons,
                     overrides=overrides, label_sets=label_sets, kinds=kinds, files=files, text_sets=text_sets)


def _workspace_file(root: Optional[Path], *parts: str) -> Optional[Path]:
    return root.joinpath(*parts) if root is not None else None


# a language's design wording: design.yaml, and the criteria and personal-competence lexicons beside it
DESIGN_PACK_FILES = ("design", "criteria", "personal")
DESIGN_FALLBACK_FILES = ("criteria", "personal")  # a pack may borrow these from the pack it falls back on
# mappings of a language's design wording whose keys a workspace may add (a verb class, a competence …)
DESIGN_OPEN_KEYS = ("format_names", "outcome_terms", "verb_classes", "knowledge_kinds", "competences")


def _design(root, packs, errors, files) -> dict:
    general = builtin_design_path()
    data = dict(_builtin_yaml(general))
    sources = [general]
    for code, pack in packs.items():
        data[code] = {}
        for name in DESIGN_PACK_FILES:
            path = pack.data_file(name)
            if not path.is_file() and name in DESIGN_FALLBACK_FILES:  # a pack without the lexicon reads the
                try:                                                   # one of the pack it falls back on
                    path = text_sources(name, code, packs) or path
                except LanguageError as error:
                    errors.append(str(error))
            if not path.is_file():
                continue
            part = _builtin_yaml(path)
            for key in sorted(set(part) & set(data[code])):
                errors.append(f"{path}: {key}: the key is also in another design file of the language '{code}'")
            data[code].update(part)
            sources.append(path)
    override = _workspace_file(root, DESIGN_FILE)
    if override is not None and override.exists():
        layer = dataclasses.replace(DESIGN, open_keys=frozenset(f"{code}.{key}" for code in packs
                                                                for key in DESIGN_OPEN_KEYS))
        data = apply_layer(data, override, layer, errors)
        sources.append(override)
    files["design"] = tuple(sources)
    return data


def _lexicon(root, pack: LanguagePack, errors, files) -> dict:
    from generator.language.lexicon import after_merge, builtin_lexicon

    key = ("lexicon", str(pack.folder))
    if key not in _BUILTIN:
        _BUILTIN[key] = builtin_lexicon(pack) if pack.data_file("lexicon").is_file() else ({}, [])
    data, sources = dict(_BUILTIN[key][0]), list(_BUILTIN[key][1])
    override = _workspace_file(root, PHRASING_DIR, f"{pack.code}.yaml")
    if override is not None and override.exists():
        layer = Layer("phrasing data", extend_lists=True, open_keys=frozenset(pack.lexicon_open_keys))
        source = read_layer(override, layer, errors)
        if source is not None:
            data = after_merge(merge_layer(data, source.data, source, layer, errors), source.data)
        sources.append(override)
    files[f"phrasing:{pack.code}"] = tuple(sources)
    return data


def _overrides(root, errors, files) -> dict[str, str]:
    from generator.language.lexicon import read_overrides

    path = _workspace_file(root, PHRASING_DIR, OVERRIDES_FILE)
    if path is None or not path.exists():
        files["overrides"] = ()
        return {}
    files["overrides"] = (path,)
    try:
        return read_overrides(path)
    except GeneratorError as error:
        errors.append(str(error))
        return {}


def _labels(root, packs, errors, files) -> dict[str, dict]:
    sets = {}
    override = _workspace_file(root, TEMPLATES_DIR, LABELS_FILE)
    source = read_layer(override, LABELS, errors) if override is not None else None
    if source is not None:
        for code in source.data:
            if code not in packs:
                errors.append(f"{override}:{source.lines.get(code, '?')}: {code}: unknown language '{code}'; "
                              f"languages: {', '.join(packs)}")
    for code, pack in packs.items():
        builtin = pack.data_file("labels")
        labels = dict(_builtin_yaml(builtin)) if builtin.is_file() else {}
        sources = [builtin]
        if source is not None and source.data.get(code) is not None:
            labels = merge_layer(labels, source.data[code], source, LABELS, errors, prefix=code)
        if source is not None:
            sources.append(override)
        sets[code] = labels
        files[f"labels:{code}"] = tuple(sources)
    return sets


def _kinds(root, errors, files) -> dict[str, DocumentKind]:
    builtin = builtin_kinds_path()
    kinds, problems = read_kinds(builtin)
    errors.extend(problems)
    sources = [builtin]
    override = _workspace_file(root, TEMPLATES_DIR, KINDS_FILE)
    if override is not None and override.exists():
        try:
            added, problems = read_kinds(override)
        except GeneratorError as error:
            added, problems = {}, [str(error)]
        errors.extend(problems)
        kinds.update(added)
        sources.append(override)
    files["kinds"] = tuple(sources)
    return kinds


__all__ = ["Workspace", "builtin_templates_dir"]
