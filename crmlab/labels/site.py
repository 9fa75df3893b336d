"""Texts of the course website (crmlab.site) and the lecture slides (crmlab.slides)."""

LABELS = {
    "site_widget_note": "*This is an interactive widget: it needs a live kernel. Open the notebook in "
                        "JupyterLab (`make lab`) and run the cell to use it.*",
    "site_glossary": "Glossary (English - Chinese)",
    "site_glossary_intro": "The {n} terms of the notebooks' glossaries, in one table.",
    "site_gl_en": "English",
    "site_gl_zh": "Chinese",
    "site_cases": "The case companies",
    "site_cases_intro": "The capstone report (notebook 08) is run for one of these fictional companies, "
                        "modelled on the cases in the course readings. Their data are synthetic: never "
                        "present a number from them as the real firm's.",
    "site_case_command": "Run its report: `crmlab report --case {case} --seed 42 --lang en`.",
    "site_toc_notebooks": "Teaching notebooks",
    "site_toc_exercises": "Exercises",
    "site_toc_reference": "Reference",
    "site_toc_instructor": "Instructor's guide",
}
LABELS.update({
    "slides_widget_live": "Live demo: switch to JupyterLab and move the widget's sliders (it needs a running kernel).",
    "slides_note_row": "{minutes} min, {part}",
    "slides_note_sep": ": ",
    "slides_index": "Lecture slides",
    "slides_index_help": "One deck per teaching notebook. Arrow keys move between slides; press s for the speaker "
                         "notes (the session plan), f for full screen, Esc for the overview.",
})
