"""The survey pages: answering a round, and running one (editors and admins)."""

from __future__ import annotations

from django.urls import path

from lodestar.web.surveys import manage, results, views

urlpatterns = [
    path("surveys/", views.surveys_page, name="surveys"),
    # Without a slash, so that no survey id (`new` is one) shadows them or is shadowed.
    path("surveys/rounds", manage.rounds_page, name="survey-rounds"),
    path("surveys/new", manage.new_round, name="survey-new"),
    path("surveys/id-proposal", manage.id_proposal, name="survey-id-proposal"),
    path("surveys/<str:survey_id>/", manage.round_page, name="survey-manage"),
    path("surveys/<str:survey_id>/edit", manage.edit_round, name="survey-edit"),
    path("surveys/<str:survey_id>/close", manage.close_round, name="survey-close"),
    path("surveys/<str:survey_id>/delete", manage.delete_round, name="survey-delete"),
    path("surveys/<str:survey_id>/answer", views.answer_page, name="survey-answer"),
    path("surveys/<str:survey_id>/results", results.results_page, name="survey-results"),
]
