"""``source/topics.yml``: the cross-document topics, read and checked."""

from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.errors import SourceError
from build_tools.model.source import Topic
from build_tools.read.files import load_yaml
from build_tools.read.source_names import is_slug


def parse_topics(data: object, node: yaml.Node | None, path: Path) -> tuple[Topic, ...]:
    """Return the topics of a loaded topics.yml; raises SourceError naming the line."""
    if data is None:
        return ()
    if not isinstance(data, list):
        raise SourceError(path, 1, "topics.yml must be a list of topics")
    topics: list[Topic] = []
    seen: set[str] = set()
    for index, raw in enumerate(data):
        line = node.value[index].start_mark.line + 1 if isinstance(node, yaml.SequenceNode) else 1
        if not isinstance(raw, dict) or not {"id", "title", "keywords"} <= set(raw):
            raise SourceError(path, line, "each topic needs 'id', 'title' and 'keywords'")
        if not isinstance(raw["id"], str) or not is_slug(raw["id"]):
            raise SourceError(path, line, f"topic id {raw['id']!r} is not a lowercase ASCII slug "
                                          "(letters, digits and single hyphens): it names the topic's pages")
        if raw["id"] in seen:
            raise SourceError(path, line, f"topic id {raw['id']!r} is used twice")
        seen.add(raw["id"])
        topics.append(Topic(id=str(raw["id"]), title=str(raw["title"]),
                            description=str(raw.get("description") or ""),
                            keywords=tuple(str(k) for k in raw["keywords"] or ()),
                            terms=tuple(str(t) for t in raw.get("terms") or ()), line=line))
    return tuple(topics)


def load_topics(path: Path) -> tuple[Topic, ...]:
    """Return the topics of ``path`` (none when the file does not exist)."""
    if not path.exists():
        return ()
    data, node = load_yaml(path)
    return parse_topics(data, node, path)
