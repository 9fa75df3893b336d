"""Labels of the grading loop: the student bundle's README (crmlab assign), the feedback and summary pages
(crmlab grade)."""

LABELS = {
    # the README in each student's bundle (crmlab assign)
    "bundle_readme_title": "Your personal assignment: {topic}",
    "bundle_readme_student": "Student: {name} ({student_id})",
    "bundle_readme_steps": (
        "1. Open {notebook} in JupyterLab (with the crmlab kit installed) and run the cells from the top.\n"
        "2. Replace each ... with your code and run the check below it. The checks use YOUR data, drawn with "
        "your own seed, so your numbers differ from a classmate's.\n"
        "3. Do not change the parameters cell (seed and sizes): your work is graded on the data of your "
        "assigned seed.\n"
        "4. Keep the answer variables q1, q2, ... as they are named; write the written answers as text in quotes.\n"
        "5. Save the notebook and hand in the file {notebook} (keep its name)."
    ),
    # statuses of the gradebook
    "grade_status_graded": "graded",
    "grade_status_missing": "missing",
    "grade_status_timed_out": "timed out",
    "grade_status_kernel_died": "kernel died",
    "grade_status_unreadable": "unreadable",
    "grade_status_tampered_seed": "tampered seed",
    "grade_status_missing_text": "No submission was received from you.",
    "grade_status_timed_out_text": ("A cell ran longer than the time limit and was stopped; answers that depend "
                                    "on it may be missing. Check for loops that never end."),
    "grade_status_kernel_died_text": ("Your notebook stopped its own Python process (for example with os._exit, "
                                      "or by running out of memory), so its answers could not be read."),
    "grade_status_unreadable_text": ("Your file could not be read as a notebook (it may be damaged or not an "
                                     ".ipynb file). Ask your instructor how to hand it in again."),
    "grade_status_tampered_seed_text": ("The seed or another parameter of your notebook was changed; your "
                                        "answers were checked against the data of your assigned seed."),
    # verdicts
    "grade_verdict_right": "right",
    "grade_verdict_close": "close (half marks)",
    "grade_verdict_wrong": "wrong",
    "grade_verdict_unanswered": "not answered",
    "grade_verdict_manual": "graded by your instructor",
    # the feedback page
    "grade_feedback_title": "Feedback: exercise {topic}",
    "grade_student": "Student",
    "grade_status": "Status",
    "grade_question": "Question",
    "grade_verdict": "Verdict",
    "grade_points": "Points",
    "grade_hint": "Hint",
    "grade_score_line": "Score: {score} of {max} points (written answers are graded by your instructor).",
    "grade_your_answer": "Written answer",
    # the summary page
    "grade_summary_title": "Class summary: exercise {topic}",
    "grade_class_line": "{n} students on the roster.",
    "grade_by_status": "Submissions by status",
    "grade_distribution": "Score distribution (automatically graded points)",
    "grade_total": "Total",
    "grade_students": "Students",
    "grade_mean_line": "Mean total: {mean} points over {n} graded students.",
    "grade_item_analysis": "Item analysis: share of graded students per verdict",
    "grade_mean_score": "Mean points",
    "grade_hardest": "The question the class found hardest: {q} (mean {score} points).",
    "grade_written": "written answers and the rubric",
    "grade_rubric": "Rubric",
    "grade_no_answer": "(no answer)",
    "grade_matching": "Files and students",
    "grade_duplicates": "More than one file (the newest was graded)",
    "grade_strangers": "Files that match no student on the roster",
    "grade_notes": "Notes",
    "grade_none": "none",
}
