"""The learning-path pages: one per audience and level, and an overview of them all."""

from __future__ import annotations

from ..model import Project
from .common import AUDIENCE_FOR, AUDIENCE_LABELS, GeneratedPage, duration, front_matter, learner_hook, md_text, relative_md
from .ordering import LearningPath, learning_paths

PATH_TITLES = {
    "basic": "המסלול הבסיסי {aud}",
    "advanced": "המסלול המתקדם {aud}",
}
PATH_INTROS = {
    "basic": "כאן מתחילים: לומדות היסוד, לפי הסדר שבו כדאי ללמוד אותן.",
    "advanced": "לומדות להעמקה, למי שכבר סיימו את המסלול הבסיסי.",
}


def path_title(path: LearningPath) -> str:
    return PATH_TITLES[path.level].format(aud=AUDIENCE_FOR[path.audience])


def path_pages(project: Project) -> list[GeneratedPage]:
    paths = learning_paths(project)
    pages = [path_page(p, project) for p in paths]
    pages.append(paths_overview(paths))
    return pages


def path_page(path: LearningPath, project: Project) -> GeneratedPage:
    here = path.site_path
    title = path_title(path)
    lines = [f"# {title}", "", PATH_INTROS[path.level], ""]
    if path.level == "advanced":
        basic = f"paths/{path.audience}-basic.md"
        lines += [
            f"**לפני המסלול הזה:** [המסלול הבסיסי {AUDIENCE_FOR[path.audience]}]({relative_md(here, basic)})",
            "",
        ]
    if not path.modules:
        lines += ["עדיין אין לומדות במסלול הזה.", ""]
    else:
        lines += [
            f"**במסלול:** {len(path.modules)} לומדות, כ-{duration(path.minutes)} בסך הכול.",
            "",
            learner_hook(here, "path", path=path.id),
            "",
            "## הלומדות לפי הסדר",
            "",
            f'<div class="cw-path" data-path="{path.id}" data-modules="{",".join(m.id for m in path.modules)}" markdown="1">',
            "",
        ]
        on_path = {m.id for m in path.modules}
        for module in path.modules:
            entry = f"1. [{module.title}]({relative_md(here, module.site_path)}) ({duration(module.minutes)}): {md_text(module.summary)}"
            outside = [project.module(p) for p in module.prerequisites if p not in on_path]
            outside = [m for m in outside if m]
            if outside:
                links = ", ".join(f"[{m.title}]({relative_md(here, m.site_path)})" for m in outside)
                entry += f" דרישות קדם מחוץ למסלול: {links}."
            lines.append(entry)
        lines += ["", "</div>", ""]
    meta = front_matter(title, cw_kind="path", cw_path=path.id)
    return GeneratedPage(here, title, "path", meta + "\n".join(lines), {"path": path.id})


def paths_overview(paths: list[LearningPath]) -> GeneratedPage:
    here = "paths/index.md"
    title = "מסלולי הלמידה"
    lines = [
        f"# {title}",
        "",
        "לכל קהל יש שני מסלולים: בסיסי, שבו מתחילים, ומתקדם, שבא אחריו. "
        "בכל מסלול הלומדות מסודרות כך שכל לומדה באה אחרי הלומדות שהיא נשענת עליהן.",
        "",
    ]
    for audience, label in AUDIENCE_LABELS.items():
        lines += [f"## {label}", ""]
        for path in (p for p in paths if p.audience == audience):
            count = f"{len(path.modules)} לומדות, כ-{duration(path.minutes)}" if path.modules else "עדיין אין לומדות"
            lines.append(f"- [{path_title(path)}]({relative_md(here, path.site_path)}) ({count})")
        lines.append("")
    meta = front_matter(title, cw_kind="paths")
    return GeneratedPage(here, title, "paths", meta + "\n".join(lines))
