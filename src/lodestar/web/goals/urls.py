"""The alignment tree, goal and period pages, the goal and key result forms, closing and roll-over, check-ins and
corrections of measurements."""

from __future__ import annotations

from django.urls import path

from lodestar.web.goals import check_ins, closing, edits, periods, pickers, proposals, views

urlpatterns = [
    path("goals/", views.alignment, name="alignment"),
    path("goals/new", edits.goal_new, name="goal-new"),
    path("goals/id-proposal", pickers.id_proposal, name="id-proposal"),
    path("goals/parent-options", pickers.parent_goal_options, name="goal-parent-options"),
    path("goals/<str:goal_id>/", views.goal_page, name="goal"),
    path("goals/<str:goal_id>/branch", views.goal_branch, name="goal-branch"),
    path("goals/<str:goal_id>/edit", edits.goal_edit, name="goal-edit"),
    path("goals/<str:goal_id>/delete", edits.goal_delete, name="goal-delete"),
    path("goals/<str:goal_id>/close", closing.goal_close, name="goal-close"),
    path("goals/<str:goal_id>/reopen", closing.goal_reopen, name="goal-reopen"),
    path("periods/<str:period_id>/", periods.period_page, name="period"),
    path("periods/<str:period_id>/close", periods.period_close, name="period-close"),
    path("periods/<str:period_id>/roll-over", periods.period_roll_over, name="period-roll-over"),
    path(
        "goals/<str:goal_id>/proposals/<str:contributor_id>/accept",
        proposals.accept_proposal,
        name="proposal-accept",
    ),
    path(
        "goals/<str:goal_id>/proposals/<str:contributor_id>/decline",
        proposals.decline_proposal,
        name="proposal-decline",
    ),
    path("goals/<str:goal_id>/key-results/new", edits.key_result_new, name="key-result-new"),
    path("key-results/<str:key_result_id>/edit", edits.key_result_edit, name="key-result-edit"),
    path("key-results/<str:key_result_id>/delete", edits.key_result_delete, name="key-result-delete"),
    path("key-results/<str:key_result_id>/check-ins", check_ins.record_check_in, name="record-check-in"),
    path(
        "key-results/<str:key_result_id>/measurements/<str:day>/edit",
        check_ins.measurement_edit,
        name="measurement-edit",
    ),
    path(
        "key-results/<str:key_result_id>/measurements/<str:day>/delete",
        check_ins.measurement_delete,
        name="measurement-delete",
    ),
]
