"""The navigation each page carries: its size does not grow with the site."""

from __future__ import annotations

from build_tools.model.site import SiteData, section_heading

NAV_DOCUMENTS = 12
"""Most documents the navigation lists; the home page lists them all."""


def nav_window(slugs: list[str], current: str, size: int = NAV_DOCUMENTS) -> tuple[int, int]:
    """Return (start, end) of the ``size`` documents around ``current`` (the first ones if none)."""
    at = slugs.index(current) if current in slugs else 0
    start = max(0, min(at - size // 2, len(slugs) - size))
    return start, min(len(slugs), start + size)


def page_navigation(site: SiteData, meta: dict) -> dict:
    """Return the navigation one page carries.

    Its size does not grow with the site: the current document's sections in
    full, at most NAV_DOCUMENTS documents around it as one link each (with a
    link to the home page listing them all when there are more), topics as one list.
    """
    current = meta.get("document") or ""
    documents = []
    start, end = nav_window([d.slug for d in site.documents], current)
    for doc in site.documents[start:end]:
        entry = {"title": doc.title, "url": f"{doc.slug}/", "current": doc.slug == current,
                 "sections": []}
        if doc.slug == current:
            entry["sections"] = [
                {"title": section_heading(doc.sections[s.index]), "url": s.url,
                 "part": doc.sections[s.index].part or "",
                 "current": s.id == (meta.get("section") or "") and bool(s.id)}
                for s in site.sections_of[doc.slug] if s.id]
        documents.append(entry)
    topics = [{"title": t.title, "url": t.url} for t in site.topics]
    return {"documents": documents, "topics": topics,
            "more_documents": len(site.documents) - len(documents),
            "document_count": len(site.documents)}


def no_navigation() -> dict:
    """Return the navigation of a preview in which nothing has built yet."""
    return {"documents": [], "topics": [], "more_documents": 0, "document_count": 0}
