"""The site navigation, made from the content so it never goes stale: the three audiences with
their paths and modules, procedures and standards, the library and the about pages."""

from __future__ import annotations

from ..model import AUDIENCES, Project
from .course import QUIZ_TITLE
from .ordering import learning_paths

# Interface labels of the navigation, per language (the pages themselves are Hebrew content).
NAV_LABELS = {
    "he": {
        "home": "בית",
        "mentor": "מלווים",
        "manager": "מנהלים",
        "peer": "עמיתים מומחים",
        "basic": "המסלול הבסיסי",
        "advanced": "המסלול המתקדם",
        "reader": "המקראה",
        "docs": "נהלים ותקנים",
        "procedures": "נהלים",
        "standards": "תקנים",
        "library": "ספרייה",
        "mine": "הלמידה שלי",
        "about": "אודות",
    },
    "en": {
        "home": "Home",
        "mentor": "Mentors",
        "manager": "Managers",
        "peer": "Peer experts",
        "basic": "Basic path",
        "advanced": "Advanced path",
        "reader": "The reader",
        "docs": "Procedures and standards",
        "procedures": "Procedures",
        "standards": "Standards",
        "library": "Library",
        "mine": "My learning",
        "about": "About",
    },
    "ar": {
        "home": "الرئيسية",
        "mentor": "المرافقون",
        "manager": "المديرون",
        "peer": "الخبراء الأقران",
        "basic": "المسار الأساسي",
        "advanced": "المسار المتقدم",
        "reader": "كتاب القراءات",
        "docs": "الإجراءات والمعايير",
        "procedures": "الإجراءات",
        "standards": "المعايير",
        "library": "المكتبة",
        "mine": "تعلّمي",
        "about": "حول الموقع",
    },
}


def build_nav(project: Project, lang: str = "he") -> list:
    """A MkDocs ``nav`` structure. Section titles are in ``lang``; page titles come from pages."""
    label = NAV_LABELS.get(lang, NAV_LABELS["he"])
    nav: list = [{label["home"]: "index.md"}]
    paths = learning_paths(project)
    for audience in AUDIENCES:
        items: list = []
        for path in (p for p in paths if p.audience == audience):
            items.append({label[path.level]: path.site_path})
        for path in (p for p in paths if p.audience == audience):
            for module in path.modules:
                pages = [module.site_path] + [lesson.site_path for lesson in module.lessons]
                if project.quiz_for(module.id):
                    pages.append({QUIZ_TITLE: module.quiz_site_path})
                items.append({module.title: pages})
        if audience == "peer":
            items.append({label["reader"]: ["reader/index.md"] + _pages(project, "reader")})
        nav.append({label[audience]: items})
    nav.append(
        {
            label["docs"]: [
                {label["procedures"]: ["procedures/index.md"] + _pages(project, "procedure")},
                {label["standards"]: ["standards/index.md"] + _pages(project, "standard")},
            ]
        }
    )
    nav.append({label["library"]: ["modules/index.md", "paths/index.md", "glossary.md", "sources.md"]})
    nav.append({label["mine"]: "my-learning.md"})
    about = [path for path in _pages(project, "page") if path != "index.md"]
    if about:
        nav.append({label["about"]: about})
    return nav


def _pages(project: Project, page_type: str) -> list[str]:
    return [p.site_path for p in project.listed(page_type)]
